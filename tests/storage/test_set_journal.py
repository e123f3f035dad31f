"""The journal on its own: durable lines, done marks, torn lines, whose file is whose, and a
session whose start, ratings, sets and end all waited for the store."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.core.history import PainMoment, SessionOutcome, SetSide
from desktop.core.set_record import PainRecord, SessionEnd, SessionStart, SetRecord
from desktop.storage.database import open_database
from desktop.storage.history import HistoryStore
from desktop.storage.set_journal import SetJournal, orphans, replay_orphans, store_pending

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
KEY = "5e55100a"


def a_set(session: str, n: int) -> SetRecord:
    return SetRecord(
        session=session,
        exercise_id="bird-dog",
        side=SetSide.LEFT,
        set_index=n,
        planned_reps=None,
        done_reps=None,
        planned_s=30.0,
        done_s=29.5,
        started_at=T0 + timedelta(minutes=n),
        ended_at=T0 + timedelta(minutes=n, seconds=30),
    )


def stored_set(store: HistoryStore, session_id: int, n: int) -> None:
    values = {k: v for k, v in asdict(a_set(KEY, n)).items() if k != "session"}
    store.record_set(session_id, **values)


def test_a_journal_lives_only_while_something_waits(tmp_path: Path) -> None:
    journal = SetJournal(tmp_path)
    first, second = journal.append(a_set(KEY, 1)), journal.append(a_set(KEY, 2))
    assert journal.path is not None and journal.path.exists()
    journal.done(first)
    assert [record.set_index for _, record in journal.pending()] == [2]  # type: ignore[union-attr]
    assert orphans(tmp_path) == []  # locked by its living owner: nobody else replays it
    journal.done(second)
    assert list(tmp_path.iterdir()) == []  # nothing waits: no file left behind
    journal.close()


def test_a_dead_process_journal_is_replayed_once_and_removed(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    store = HistoryStore(db)
    journal = SetJournal(tmp_path)
    start = journal.append(SessionStart(KEY, "r", "Routine", T0))
    session = store.start_session("r", "Routine", T0)
    journal.done(start, session)  # the start is stored; its done line carries the id
    keys = [journal.append(a_set(KEY, n)) for n in (1, 2, 3)]
    journal.append(SessionEnd(KEY, SessionOutcome.COMPLETED, T0 + timedelta(minutes=5)))
    stored_set(store, session, 1)  # stored, but the crash came before its done line
    journal.done(keys[1])  # stored and marked
    stored_set(store, session, 2)
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
    journal = SetJournal(tmp_path)
    journal.append(SessionStart(KEY, "r", "Routine", T0))
    for n in (1, 2):
        journal.append(a_set(KEY, n))
    assert store_pending(journal, store) is True
    assert journal.pending() == [] and journal.path is None
    [session] = store.export_history()["sessions"]
    assert [s["set"] for s in session["sets"]] == [1, 2]
    assert journal.session_id(KEY) == session["id"]
    db.close()


def test_a_whole_session_that_waited_is_written_in_order_at_the_next_start(tmp_path: Path) -> None:
    """Start, rating before, sets, end and rating after, none of which the store took while
    the process ran: the next start writes the session with all of them."""
    journal = SetJournal(tmp_path)
    journal.append(SessionStart(KEY, "r", "Routine", T0))
    journal.append(PainRecord(KEY, PainMoment.BEFORE, 4, T0))
    for n in (1, 2):
        journal.append(a_set(KEY, n))
    journal.append(SessionEnd(KEY, SessionOutcome.ENDED_EARLY, T0 + timedelta(minutes=3)))
    journal.append(PainRecord(KEY, PainMoment.AFTER, 2, T0 + timedelta(minutes=4)))
    journal.close()
    db = open_database(tmp_path)
    store = HistoryStore(db)
    assert replay_orphans(tmp_path, store) == 6
    [session] = store.export_history()["sessions"]
    assert session["routine"] == "r" and session["outcome"] == "ended_early"
    assert [s["set"] for s in session["sets"]] == [1, 2]
    assert (session["pain_before"], session["pain_after"]) == (4, 2)
    assert store.mark_interrupted() == 0  # it has its end: never taken for a crashed session
    assert not list(tmp_path.glob("unsaved-sets-*"))
    db.close()


def test_a_start_replayed_twice_is_one_session_and_an_unended_one_is_closed(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    store = HistoryStore(db)
    store.start_session("r", "Routine", T0, owned=False)  # committed; its done line was lost
    journal = SetJournal(tmp_path)
    journal.append(SessionStart(KEY, "r", "Routine", T0))
    journal.append(a_set(KEY, 1))
    journal.close()  # killed mid-session: no end
    assert replay_orphans(tmp_path, store) == 2
    assert store.mark_interrupted() == 1  # nobody owns it: closed where its last set ended
    [session] = store.export_history()["sessions"]
    assert session["outcome"] == "interrupted" and len(session["sets"]) == 1
    db.close()


def test_a_new_file_names_a_session_whose_start_was_in_an_earlier_one(tmp_path: Path) -> None:
    """Once nothing waits the file goes; a later record of the same session, in a new file,
    carries the session's id, so that file alone can be replayed."""
    db = open_database(tmp_path)
    store = HistoryStore(db)
    journal = SetJournal(tmp_path)
    assert store_pending(journal, store) is True
    journal.append(SessionStart(KEY, "r", "Routine", T0))
    assert store_pending(journal, store) is True and journal.path is None
    journal.append(a_set(KEY, 1))
    journal.close()
    assert replay_orphans(tmp_path, store) == 1
    [session] = store.export_history()["sessions"]
    assert [s["set"] for s in session["sets"]] == [1]
    db.close()


def test_a_journal_an_older_upright_left_is_still_replayed(tmp_path: Path) -> None:
    """Before sessions had keys, a line named its session by the store's id."""
    db = open_database(tmp_path)
    store = HistoryStore(db)
    session = store.start_session("r", "Routine", T0, owned=False)
    line = {"key": 1, "kind": "set", "session_id": session, **asdict(a_set(KEY, 1))}
    del line["session"]
    line["started_at"], line["ended_at"] = T0.isoformat(), (T0 + timedelta(seconds=30)).isoformat()
    (tmp_path / "unsaved-sets-1-abc.jsonl").write_text(json.dumps(line) + "\n")
    assert replay_orphans(tmp_path, store) == 1
    assert len(store.export_history()["sessions"][0]["sets"]) == 1
    db.close()


def test_a_written_start_is_not_waiting_in_the_file_and_its_id_is_known(tmp_path: Path) -> None:
    """The start's ``done`` line marks it done and carries the session's id: what a replay
    of the file finds waiting is only the set, resolved to that id without a store."""
    journal = SetJournal(tmp_path)
    start = journal.append(SessionStart(KEY, "r", "Routine", T0))
    journal.append(a_set(KEY, 1))
    journal.done(start, 41)
    journal.close()
    [orphan] = orphans(tmp_path)
    assert orphan.records == [a_set(KEY, 1)] and orphan.ids == {KEY: 41}
    orphan.release()
