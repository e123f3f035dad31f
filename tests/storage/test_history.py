"""HistoryStore round trips, the public export shape, and what must not be written."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import event, text

from desktop.storage.database import Database, open_database
from desktop.storage.errors import StorageError
from desktop.storage.history import HistoryStore

UTC = UTC
T0 = datetime(2025, 3, 1, 4, 0, 0, 123456, tzinfo=UTC)  # 09:30:00.123 in India


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_session_round_trip_gives_the_public_shape(
    store: HistoryStore, db: Database, india_time: None
) -> None:
    sid = store.start_session("lower-back-basics", "Lower back basics", T0)
    # Recorded out of order: the export orders sets by when they started.
    store.record_set(
        sid,
        exercise_id="bridge",
        side="none",
        set_index=2,
        planned_reps=10,
        done_reps=8,
        started_at=at(90),
        ended_at=at(120),
    )
    store.record_set(
        sid,
        exercise_id="bridge",
        side="none",
        set_index=1,
        planned_reps=10,
        done_reps=10,
        started_at=at(30),
        ended_at=at(60),
    )
    store.record_set(
        sid,
        exercise_id="side-plank",
        side="left",
        set_index=1,
        planned_s=30.0,
        done_s=27.5,
        started_at=at(150),
        ended_at=at(177.5),
    )
    store.set_pain(sid, "before", 5)
    store.set_pain(sid, "before", 4)  # replaces, not duplicates
    store.set_pain(sid, "after", 2)
    store.finish_session(sid, "completed", at(200))
    store.record_break(
        datetime(2025, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=-5))),
        "taken",
        answered_at=datetime(2025, 3, 1, 15, 0, 5, tzinfo=UTC),
        duration_s=300.0,
    )
    store.record_break(at(-3600), "ignored")

    assert store.export_history() == {
        "sessions": [
            {
                "id": sid,
                "routine": "lower-back-basics",
                "started_at": "2025-03-01T09:30:00.123+05:30",
                "ended_at": "2025-03-01T09:33:20.123+05:30",
                "outcome": "completed",
                "pain_before": 4,
                "pain_after": 2,
                "sets": [
                    {
                        "exercise": "bridge",
                        "side": "none",
                        "set": 1,
                        "planned_reps": 10,
                        "done_reps": 10,
                        "planned_s": None,
                        "done_s": None,
                        "started_at": "2025-03-01T09:30:30.123+05:30",
                        "ended_at": "2025-03-01T09:31:00.123+05:30",
                    },
                    {
                        "exercise": "bridge",
                        "side": "none",
                        "set": 2,
                        "planned_reps": 10,
                        "done_reps": 8,
                        "planned_s": None,
                        "done_s": None,
                        "started_at": "2025-03-01T09:31:30.123+05:30",
                        "ended_at": "2025-03-01T09:32:00.123+05:30",
                    },
                    {
                        "exercise": "side-plank",
                        "side": "left",
                        "set": 1,
                        "planned_reps": None,
                        "done_reps": None,
                        "planned_s": 30.0,
                        "done_s": 27.5,
                        "started_at": "2025-03-01T09:32:30.123+05:30",
                        "ended_at": "2025-03-01T09:32:57.623+05:30",
                    },
                ],
            }
        ],
        "breaks": [
            {
                "offered_at": "2025-03-01T08:30:00.123+05:30",
                "outcome": "ignored",
                "duration_s": None,
            },
            {
                "offered_at": "2025-03-01T20:30:00.000+05:30",
                "outcome": "taken",
                "duration_s": 300.0,
            },
        ],
    }


def test_times_are_stored_as_utc_millis_with_the_local_offset(
    store: HistoryStore, db: Database, india_time: None
) -> None:
    store.start_session("r", "Routine", T0)
    store.record_break(T0, "natural")
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT started_at, utc_offset_s FROM sessions")).one() == (
            1740801600123,
            19800,
        )
        assert connection.execute(text("SELECT offered_at, utc_offset_s FROM breaks")).one() == (
            1740801600123,
            19800,
        )


def test_sessions_are_exported_oldest_first(store: HistoryStore) -> None:
    late = store.start_session("b", "B", at(3600))
    early = store.start_session("a", "A", at(0))
    assert [s["id"] for s in store.export_history()["sessions"]] == [early, late]


def test_an_unfinished_session_exports_nulls(store: HistoryStore) -> None:
    store.start_session("r", "Routine", T0)
    [session] = store.export_history()["sessions"]
    assert (session["ended_at"], session["outcome"], session["pain_before"], session["sets"]) == (
        None,
        None,
        None,
        [],
    )


def test_deleting_a_session_cascades(store: HistoryStore, db: Database) -> None:
    sid = store.start_session("r", "Routine", T0)
    store.record_set(sid, exercise_id="e", side="right", set_index=1, started_at=at(1), ended_at=at(2))
    store.set_pain(sid, "before", 3)
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM sessions WHERE id = :id"), {"id": sid})
    assert (count(db, "sets"), count(db, "pain_ratings")) == (0, 0)


def test_mark_interrupted_closes_only_sessions_whose_owner_is_gone(
    store: HistoryStore, db: Database, data_dir
) -> None:
    done = store.start_session("r", "Done", at(0))
    store.record_set(done, exercise_id="e", side="none", set_index=1, started_at=at(1), ended_at=at(2))
    store.finish_session(done, "ended_early", at(5))
    with_sets = store.start_session("r", "Crashed mid-way", at(100))
    store.record_set(
        with_sets, exercise_id="e", side="none", set_index=1, started_at=at(110), ended_at=at(140)
    )
    store.record_set(
        with_sets, exercise_id="e", side="none", set_index=2, started_at=at(150), ended_at=at(185.5)
    )
    no_sets = store.start_session("r", "Crashed at once", at(300))
    future = store.start_session("r", "Started under a clock set forward", at(10**8))
    db.owner.close()  # what the kernel does when the process running them dies
    # A second Upright (its own connection and locks, as in another process) runs a session.
    other = open_database(data_dir)
    try:
        running = HistoryStore(other).start_session("r", "Running elsewhere", at(10**9))
        assert store.mark_interrupted() == 3
        assert HistoryStore(other).mark_interrupted() == 0  # the running one is its own
    finally:
        other.close()

    by_id = {s["id"]: s for s in store.export_history()["sessions"]}
    expected = {
        done: ("ended_early", at(5)),
        with_sets: ("interrupted", at(185.5)),
        no_sets: ("interrupted", at(300)),
        future: ("interrupted", at(10**8)),
        running: (None, None),
    }
    for sid, (outcome, ended_at) in expected.items():
        assert by_id[sid]["outcome"] == outcome
        exported = by_id[sid]["ended_at"]
        assert exported == (
            None if ended_at is None else ended_at.astimezone().isoformat(timespec="milliseconds")
        )
    assert store.mark_interrupted() == 1  # the other Upright has closed: its session is orphaned now


def test_a_set_written_twice_is_stored_once(store: HistoryStore) -> None:
    """Replaying the journal after a crash between commit and its done line must not double a set."""
    sid = store.start_session("r", "Routine", at(0))
    first = store.record_set(sid, exercise_id="e", side="left", set_index=1, started_at=at(1), ended_at=at(2))
    again = store.record_set(sid, exercise_id="e", side="left", set_index=1, started_at=at(1), ended_at=at(2))
    other = store.record_set(sid, exercise_id="e", side="left", set_index=1, started_at=at(3), ended_at=at(4))
    assert first == again != other
    assert count_sets(store) == 2


def count_sets(store: HistoryStore) -> int:
    return sum(len(s["sets"]) for s in store.export_history()["sessions"])


@pytest.mark.parametrize(
    ("moment", "value", "problem"),
    [
        ("before", 11, "0 to 10"),
        ("after", -1, "0 to 10"),
        ("before", 4.5, "whole number"),
        ("during", 3, "moment must be one of before, after"),
    ],
)
def test_bad_pain_ratings_write_nothing(
    store: HistoryStore, db: Database, moment: str, value: int, problem: str
) -> None:
    sid = store.start_session("r", "Routine", T0)
    with pytest.raises(ValueError, match=problem):
        store.set_pain(sid, moment, value)
    assert count(db, "pain_ratings") == 0


@pytest.mark.parametrize(
    "call",
    [
        lambda s, sid: s.record_set(
            sid, exercise_id="e", side="both", set_index=1, started_at=T0, ended_at=T0
        ),
        lambda s, sid: s.record_set(
            sid, exercise_id="e", side="none", set_index=0, started_at=T0, ended_at=T0
        ),
        lambda s, sid: s.finish_session(sid, "abandoned", T0),
        lambda s, sid: s.record_break(T0, "dismissed"),
    ],
    ids=["side", "set_index", "session-outcome", "break-outcome"],
)
def test_bad_values_are_refused_before_the_database(store: HistoryStore, db: Database, call) -> None:
    sid = store.start_session("r", "Routine", T0)
    with pytest.raises(ValueError):
        call(store, sid)
    assert (count(db, "sets"), count(db, "breaks")) == (0, 0)


def test_finishing_an_unknown_session_fails(store: HistoryStore) -> None:
    with pytest.raises(LookupError, match="42"):
        store.finish_session(42, "completed", T0)


def test_settings_round_trip_as_json(store: HistoryStore, db: Database) -> None:
    assert store.get_setting("volume", 0.8) == 0.8
    store.set_setting("volume", 0.5)
    store.set_setting("volume", 0.25)
    store.set_setting("voice", {"enabled": True, "rate": [1, 2]})
    assert store.get_setting("volume") == 0.25
    assert store.get_setting("voice") == {"enabled": True, "rate": [1, 2]}
    with db.engine.connect() as connection:
        assert (
            connection.execute(text("SELECT value FROM settings WHERE key = 'volume'")).scalar_one() == "0.25"
        )
    with pytest.raises(TypeError):
        store.set_setting("bad", object())
    assert store.get_setting("bad") is None


def test_a_full_disk_is_a_storage_error_and_loses_nothing_saved(store: HistoryStore, db: Database) -> None:
    sid = store.start_session("r", "Routine", T0)

    @event.listens_for(db.engine, "connect")
    def cap_file_size(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    db.engine.dispose()  # new connections get the cap
    with pytest.raises(StorageError) as caught:
        store.set_setting("notes", "x" * 200_000)
    assert caught.value.path == db.path
    assert "disk is full" in str(caught.value)
    event.remove(db.engine, "connect", cap_file_size)
    db.engine.dispose()
    assert store.get_setting("notes") is None
    assert [s["id"] for s in store.export_history()["sessions"]] == [sid]
