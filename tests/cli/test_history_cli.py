"""``upright history``: the public JSON format and clear errors for a bad data folder."""

import json
import re
from datetime import UTC, datetime, timedelta

from desktop.cli.main import main

ISO_MS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$")


def _fill(data_dir):
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    db = open_database(data_dir)
    store = HistoryStore(db)
    t0 = datetime(2026, 11, 23, 8, 0, 0, 250000, tzinfo=UTC)
    sid = store.start_session("mobility-trio", "Mobility trio", t0)
    store.set_pain(sid, "before", 4)
    store.record_set(
        sid,
        exercise_id="figure-four-stretch",
        side="left",
        set_index=1,
        planned_s=10.0,
        done_s=10.0,
        started_at=t0 + timedelta(seconds=5),
        ended_at=t0 + timedelta(seconds=15),
    )
    store.record_set(
        sid,
        exercise_id="segmental-bridge",
        side="none",
        set_index=1,
        planned_reps=5,
        done_reps=4,
        started_at=t0 + timedelta(seconds=20),
        ended_at=t0 + timedelta(seconds=50),
    )
    store.set_pain(sid, "after", 3)
    store.finish_session(sid, "completed", t0 + timedelta(seconds=60))
    store.record_break(
        t0 + timedelta(hours=1), "taken", answered_at=t0 + timedelta(hours=1, seconds=3), duration_s=42.5
    )
    db.close()


def test_history_json_public_shape(tmp_path, capsys):
    _fill(tmp_path)
    assert main(["--data-dir", str(tmp_path), "history", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"sessions", "breaks"}
    (session,) = data["sessions"]
    assert set(session) == {
        "id",
        "routine",
        "started_at",
        "ended_at",
        "outcome",
        "pain_before",
        "pain_after",
        "sets",
    }
    assert session["routine"] == "mobility-trio" and session["outcome"] == "completed"
    assert (session["pain_before"], session["pain_after"]) == (4, 3)
    first, second = session["sets"]
    assert set(first) == {
        "exercise",
        "side",
        "set",
        "planned_reps",
        "done_reps",
        "planned_s",
        "done_s",
        "started_at",
        "ended_at",
    }
    assert first["exercise"] == "figure-four-stretch" and first["side"] == "left" and first["set"] == 1
    assert first["planned_reps"] is None and first["done_s"] == 10.0
    assert second["done_reps"] == 4 and second["planned_s"] is None
    for stamp in (session["started_at"], session["ended_at"], first["started_at"], first["ended_at"]):
        assert ISO_MS.match(stamp), stamp
    assert datetime.fromisoformat(session["started_at"]) == datetime(
        2026, 11, 23, 8, 0, 0, 250000, tzinfo=UTC
    )
    (brk,) = data["breaks"]
    assert set(brk) == {"offered_at", "outcome", "duration_s"}
    assert brk["outcome"] == "taken" and brk["duration_s"] == 42.5 and ISO_MS.match(brk["offered_at"])


def test_history_table_and_empty_state(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "new"), "history"]) == 0
    assert "No sessions or breaks recorded yet" in capsys.readouterr().out
    _fill(tmp_path)
    assert main(["--data-dir", str(tmp_path), "history"]) == 0
    out = capsys.readouterr().out
    assert "mobility-trio" in out and "completed" in out and "1 break reminders, 1 taken." in out


def test_history_env_variable_sets_the_folder(tmp_path, monkeypatch, capsys):
    _fill(tmp_path)
    monkeypatch.setenv("UPRIGHT_DATA_DIR", str(tmp_path))
    assert main(["history", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["sessions"]) == 1


def test_not_a_database_is_refused_and_left_alone(tmp_path, capsys):
    victim = tmp_path / "history.sqlite3"
    victim.write_bytes(b"my notes, not a database\n" * 10)
    before = victim.read_bytes()
    assert main(["--data-dir", str(tmp_path), "history", "--json"]) == 2
    err = capsys.readouterr().err
    assert str(victim) in err and "not" in err.lower()
    assert victim.read_bytes() == before


def test_data_dir_that_is_a_file(tmp_path, capsys):
    file = tmp_path / "plain-file"
    file.write_text("x")
    assert main(["--data-dir", str(file), "history"]) == 2
    assert str(file) in capsys.readouterr().err


def test_readable_history_lists_step_changes_with_their_reasons(tmp_path, capsys):
    from desktop.storage.database import open_database
    from desktop.storage.progress_store import ProgressStore

    _fill(tmp_path)
    db = open_database(tmp_path)
    ProgressStore(db).change_step(
        "push-up", 1, "Ready for the next step.", datetime(2026, 11, 24, 9, tzinfo=UTC)
    )
    db.close()
    assert main(["--data-dir", str(tmp_path), "history"]) == 0
    out = capsys.readouterr().out
    assert "Step changes:" in out
    assert re.search(r"2026-11-24 \d\d:00\s+push-up\s+1\s+2\s+Ready for the next step\.", out)
    assert main(["--data-dir", str(tmp_path), "history", "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {
        "sessions",
        "breaks",
    }  # the public format is unchanged
