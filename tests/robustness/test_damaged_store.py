"""A history damaged outside Upright: the "damaged" message, never a traceback.

Each case starts from a real history (a finished session, an own routine, a
setting), damages it the way a person with ``sqlite3`` or a broken sync tool
might, and runs the commands a person would. A damaged file gets one message
that names it and says what to do, and keeps every byte; one bad row among
good ones is left out with a notice while the rest works.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.cli.main import main as upright
from desktop.storage.database import open_database
from desktop.storage.history import HistoryStore
from desktop.storage.location import DATABASE_NAME
from tests.app.test_tray import coach  # noqa: F401  (the fixture)
from tests.robustness.test_kill import ROUTINE

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A data folder with one finished session, one own routine (``kill-test``) and a setting."""
    data = tmp_path / "Upright"
    db = open_database(data)
    store = HistoryStore(db)
    session = store.start_session("desk-break", "Desk break", T0)
    store.record_set(
        session,
        exercise_id="bird-dog",
        side="left",
        set_index=1,
        planned_s=30.0,
        done_s=30.0,
        started_at=T0,
        ended_at=T0 + timedelta(seconds=30),
    )
    store.finish_session(session, "completed", T0 + timedelta(minutes=1))
    store.set_setting("appearance", "dark")
    db.close()
    routine = tmp_path / "routine.json"
    routine.write_text(json.dumps(ROUTINE))
    assert upright(["--data-dir", str(data), "import", str(routine)]) == 0
    return data


def damage(data: Path, *statements: str) -> bytes:
    connection = sqlite3.connect(data / DATABASE_NAME)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return (data / DATABASE_NAME).read_bytes()


DAMAGE = {
    "a missing table": (("DROP TABLE sets",), "its table 'sets' is missing"),
    "a missing column": (("ALTER TABLE breaks DROP COLUMN duration_s",), "lacks the column 'duration_s'"),
    "a missing stamp": (("DELETE FROM alembic_version",), "its format stamp is missing"),
    "two stamps": (("INSERT INTO alembic_version VALUES ('0001')",), "several format stamps"),
    "a foreign stamp": (("UPDATE alembic_version SET version_num = 'garbage'",), "'garbage'"),
    # The schema is already at 0002, so running 0002 again fails: the upgrade is rolled back.
    "an older stamp on a newer schema": (("UPDATE alembic_version SET version_num = '0001'",), "updating it"),
}


@pytest.mark.parametrize("case", DAMAGE)
@pytest.mark.parametrize("command", [["history"], ["routines"], ["export", "--csv", "OUT"]])
def test_a_damaged_store_gets_the_damaged_message_and_keeps_every_byte(
    history, tmp_path, capsys, case, command
) -> None:
    statements, detail = DAMAGE[case]
    before = damage(history, *statements)
    args = [str(tmp_path / "out") if a == "OUT" else a for a in command]
    assert upright(["--data-dir", str(history), *args]) == 2
    message = capsys.readouterr().err
    assert f"{history / DATABASE_NAME} is damaged" in message and detail in message
    assert "Restore it from a backup, or move it elsewhere" in message
    assert "Traceback" not in message
    assert (history / DATABASE_NAME).read_bytes() == before
    assert not (tmp_path / "out").exists()


def test_upright_run_on_a_damaged_store_says_so_without_a_traceback(history) -> None:
    damage(history, "DROP TABLE pain_ratings")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(history), "run", "stand-and-extend", "--auto"],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "is damaged: its table 'pain_ratings' is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_one_bad_routine_row_is_left_out_with_a_notice_and_can_be_deleted(history, tmp_path, capsys):
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**ROUTINE, "routine": {**ROUTINE["routine"], "id": "good", "name": "Good"}}))
    assert upright(["--data-dir", str(history), "import", str(other)]) == 0
    body = json.loads(json.dumps(ROUTINE["routine"]))
    body["items"][0]["hold_s"] = -6  # valid JSON, no longer a valid routine
    damage(history, f"UPDATE routines SET body = '{json.dumps(body)}' WHERE id = 'kill-test'")
    capsys.readouterr()

    assert upright(["--data-dir", str(history), "routines", "--json"]) == 0
    out, err = capsys.readouterr()
    ids = [r["id"] for r in json.loads(out)["routines"]]
    assert "good" in ids and "kill-test" not in ids and "stand-and-extend" in ids
    assert "Kill test" in err and "item 1, hold_s" in err and "upright routines delete kill-test" in err

    assert upright(["--data-dir", str(history), "routines", "delete", "kill-test"]) == 0
    assert "Deleted" in capsys.readouterr().out
    assert upright(["--data-dir", str(history), "routines"]) == 0
    assert capsys.readouterr().err == ""  # nothing unreadable is left


def test_deleting_a_template_or_an_unknown_id_changes_nothing(history, capsys) -> None:
    before = (history / DATABASE_NAME).read_bytes()
    assert upright(["--data-dir", str(history), "routines", "delete", "stand-and-extend"]) == 2
    assert "shipped template" in capsys.readouterr().err
    assert upright(["--data-dir", str(history), "routines", "delete", "no-such-routine"]) == 2
    err = capsys.readouterr().err
    assert "no routine of yours has the id" in err and "kill-test" in err  # names the ones there are
    assert upright(["--data-dir", str(history), "routines", "delete", "kill-test"]) == 0
    assert (history / DATABASE_NAME).read_bytes() != before


def test_a_setting_that_is_not_json_falls_back_to_its_default(history, caplog) -> None:
    damage(history, "UPDATE settings SET value = 'dark{' WHERE key = 'appearance'")
    db = open_database(history)
    try:
        store = HistoryStore(db)
        assert store.get_setting("appearance", "system") == "system"
        assert len(store.export_history()["sessions"]) == 1  # the rest works
    finally:
        db.close()
    assert "'appearance'" in caplog.text and "cannot be read" in caplog.text


@pytest.mark.parametrize("stored", ['{"interval_min": -5}', "[1, 2]"])
def test_break_settings_that_no_longer_validate_are_set_aside_with_a_notice(coach, qapp, stored) -> None:  # noqa: F811
    """One bad setting row: the tray says so once and works on the defaults."""
    from desktop.app.tray_store import TrayStore
    from desktop.core.breaks import BreakSettings
    from desktop.storage.database import open_database
    from tests.app_helpers import run

    make, _clocks, _sensors, _, data = coach
    db = open_database(data)
    with db.unit() as session:
        session.connection().exec_driver_sql(
            "INSERT OR REPLACE INTO settings VALUES ('break_settings', ?)", (stored,)
        )
    db.close()

    async def scenario():
        tray = make(TrayStore(data))
        await tray.start()
        await tray.settle()
        tray.close()
        return tray

    tray = run(qapp, scenario)
    assert tray.policy.settings == BreakSettings()
    assert sum("break settings are set aside" in notice for notice in tray.media.notices) == 1
