"""A history created by the first release (schema 0001), with data in it, opens at head with
every session, set, pain rating, break and setting as it was, and new features work on it.

The database is built at 0001 with Alembic and filled with raw SQL, the way the
first release's store wrote rows (times as UTC epoch milliseconds), so the
test does not lean on today's models to make the old file.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from desktop.core.catalog import Routine
from desktop.core.history import SetSide
from desktop.storage.database import HEAD_REVISION, alembic_config, open_database
from desktop.storage.history import HistoryStore
from desktop.storage.location import DATABASE_NAME
from desktop.storage.progress_store import ProgressStore
from desktop.storage.routine_store import RoutineStore

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def database_at_0001(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    engine = create_engine(f"sqlite:///{data_dir / DATABASE_NAME}")
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        run = connection.execute
        run(
            text(
                "INSERT INTO sessions"
                " (id, routine_id, routine_name, started_at, ended_at, utc_offset_s, outcome)"
                " VALUES (1, 'mobility-trio', 'Mobility trio', :s1, :e1, 3600, 'completed'),"
                "        (2, 'evening-floor', 'Evening floor', :s2, :e2, -18000, 'ended_early')"
            ),
            {
                "s1": ms(T0),
                "e1": ms(T0 + timedelta(minutes=12)),
                "s2": ms(T0 + timedelta(days=1)),
                "e2": ms(T0 + timedelta(days=1, minutes=3)),
            },
        )
        for n, (sid, exercise, side, reps, seconds) in enumerate(
            [
                (1, "cat-cow", "none", 10, None),
                (1, "side-plank", "left", None, 20.5),
                (2, "bridge", "right", 8, None),
            ]
        ):
            start = T0 + timedelta(days=sid - 1, minutes=n)
            run(
                text(
                    "INSERT INTO sets (session_id, exercise_id, side, set_index, planned_reps, done_reps,"
                    " planned_s, done_s, started_at, ended_at)"
                    " VALUES (:sid, :ex, :side, 1, :reps, :reps, :sec, :sec, :start, :end)"
                ),
                {
                    "sid": sid,
                    "ex": exercise,
                    "side": side,
                    "reps": reps,
                    "sec": seconds,
                    "start": ms(start),
                    "end": ms(start + timedelta(seconds=30)),
                },
            )
        run(
            text(
                "INSERT INTO pain_ratings (session_id, moment, value, recorded_at)"
                " VALUES (1, 'before', 4, :t), (1, 'after', 2, :t)"
            ),
            {"t": ms(T0)},
        )
        run(
            text(
                "INSERT INTO breaks (offered_at, utc_offset_s, outcome, answered_at, duration_s)"
                " VALUES (:t, 3600, 'taken', :a, 95.0), (:t2, 3600, 'snoozed', :t2, NULL)"
            ),
            {
                "t": ms(T0 + timedelta(hours=2)),
                "a": ms(T0 + timedelta(hours=2, minutes=1)),
                "t2": ms(T0 + timedelta(hours=3)),
            },
        )
        run(
            text("INSERT INTO settings (key, value) VALUES ('safety_notice_acknowledged', 'true')"),
        )
    engine.dispose()


def test_a_0001_history_with_data_upgrades_to_head_and_keeps_every_row(tmp_path, catalog):
    data_dir = tmp_path / "Upright"
    database_at_0001(data_dir)

    db = open_database(data_dir)  # what the app does at start-up after an update
    try:
        with db.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        history = HistoryStore(db)
        data = history.export_history()
        setting = history.get_setting("safety_notice_acknowledged")
        # The tables later revisions added are there and usable on the old data.
        routines, progress = RoutineStore(db), ProgressStore(db)
        mine = Routine.from_data({**catalog.routine("mobility-trio").to_data(), "id": "mine", "name": "Mine"})
        routines.add(mine, reserved=frozenset(), now=T0)
        progress.change_step("cat-cow", 1, "set up by the test", T0 + timedelta(days=2), session_id=1)
        evidence = progress.evidence("cat-cow")
        sets = history.session_sets(1)
        own = [r.routine.id for r in routines.all()]
    finally:
        db.close()

    assert revision == HEAD_REVISION
    assert setting is True
    sessions = data["sessions"]
    assert [(s["routine"], s["outcome"]) for s in sessions] == [
        ("mobility-trio", "completed"),
        ("evening-floor", "ended_early"),
    ]
    assert sessions[0]["started_at"] == "2025-03-01T09:00:00.000+01:00"  # in its stored offset (+1 h)
    assert sessions[0]["ended_at"] == "2025-03-01T09:12:00.000+01:00"
    assert [(x["exercise"], x["side"], x["done_reps"], x["done_s"]) for x in sessions[0]["sets"]] == [
        ("cat-cow", "none", 10, None),
        ("side-plank", "left", None, 20.5),
    ]
    assert [(x["exercise"], x["side"]) for x in sessions[1]["sets"]] == [("bridge", "right")]
    assert (sessions[0]["pain_before"], sessions[0]["pain_after"]) == (4, 2)
    assert [(b["outcome"], b["duration_s"]) for b in data["breaks"]] == [("taken", 95.0), ("snoozed", None)]
    assert [(s.exercise_id, s.side) for s in sets] == [
        ("cat-cow", SetSide.NONE),
        ("side-plank", SetSide.LEFT),
    ]
    assert all(type(s.side) is SetSide for s in sets)  # typed at the store's edge, not the column's text
    assert own == ["mine"]
    assert evidence == []  # the step began after the only session with cat-cow
    assert json.loads(json.dumps(data))  # still the public JSON shape
