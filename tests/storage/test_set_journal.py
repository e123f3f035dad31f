"""The set journal on its own: durable lines, done marks, torn lines, whose file is whose."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.core.set_record import SessionEnd, SetRecord
from desktop.storage.database import open_database
from desktop.storage.history import HistoryStore
from desktop.storage.set_journal import SetJournal, orphans, replay_orphans, store_pending

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def a_set(session_id: int, n: int) -> SetRecord:
    return SetRecord(
        session_id=session_id,
        exercise_id="bird-dog",
        side="left",
        set_index=n,
        planned_reps=None,
        done_reps=None,
        planned_s=30.0,
        done_s=29.5,
        started_at=T0 + timedelta(minutes=n),
        ended_at=T0 + timedelta(minutes=n, seconds=30),
    )


def test_a_journal_lives_only_while_something_waits(tmp_path: Path) -> None:
    journal = SetJournal(tmp_path)
    first, second = journal.append(a_set(1, 1)), journal.append(a_set(1, 2))
    assert journal.path is not None and journal.path.exists()
    journal.done(first)
    assert [record.set_index for _, record in journal.pending()] == [2]
    assert orphans(tmp_path) == []  # locked by its living owner: nobody else replays it
    journal.done(second)
    assert list(tmp_path.iterdir()) == []  # nothing waits: no file left behind
    journal.close()


def test_a_dead_process_journal_is_replayed_once_and_removed(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    store = HistoryStore(db)
    session = store.start_session("r", "Routine", T0)
    journal = SetJournal(tmp_path)
    keys = [journal.append(a_set(session, n)) for n in (1, 2, 3)]
    journal.append(SessionEnd(session, "completed", T0 + timedelta(minutes=5)))
    store.record_set(**a_set(session, 1).__dict__)  # stored, but the crash came before its done line
    journal.done(keys[1])  # stored and marked
    store.record_set(**a_set(session, 2).__dict__)
    assert journal.path is not None
    with journal.path.open("a") as file:
        file.write('{"key": 99, "session_id": ')  # a line cut short by the crash
    journal.close()  # what the kernel does when the process dies
    assert replay_orphans(tmp_path, store) == 3  # sets 1 and 3, and the session's end
    [exported] = store.export_history()["sessions"]
    assert [s["set"] for s in exported["sets"]] == [1, 2, 3]  # set 1 not doubled
    assert exported["outcome"] == "completed"
    assert not list(tmp_path.glob("unsaved-sets-*"))
    db.close()


def test_store_pending_writes_oldest_first_and_marks_each(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    store = HistoryStore(db)
    session = store.start_session("r", "Routine", T0)
    journal = SetJournal(tmp_path)
    for n in (1, 2):
        journal.append(a_set(session, n))
    assert store_pending(journal, store) is True
    assert journal.pending() == [] and journal.path is None
    assert [s["set"] for s in store.export_history()["sessions"][0]["sets"]] == [1, 2]
    db.close()
