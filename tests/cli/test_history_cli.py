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
    assert main(["--data-dir", str(tmp_path), "history", "--period", "all"]) == 0
    out = capsys.readouterr().out
    assert "Mobility trio" in out and "Completed" in out and "Sit-breaks: 1 reminder, 1 taken." in out
    assert "Shown: everything recorded (from 2026-11-23), 1 session." in out


def _sessions_days_ago(data_dir, *days_ago):
    """One finished session (a set, a rating) and one taken reminder on each of those days."""
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    db = open_database(data_dir)
    store = HistoryStore(db)
    now = datetime.now(UTC).replace(microsecond=0)
    for days in days_ago:
        start = now - timedelta(days=days)
        sid = store.start_session("mobility-trio", "Mobility trio", start)
        store.record_set(
            sid,
            exercise_id="cat-cow",
            side="none",
            set_index=1,
            planned_reps=8,
            done_reps=8,
            started_at=start + timedelta(seconds=5),
            ended_at=start + timedelta(seconds=65),
        )
        store.set_pain(sid, "after", 2)
        store.finish_session(sid, "ended_early", start + timedelta(minutes=2))
        store.record_break(start + timedelta(hours=1), "natural")
    db.close()


def test_the_table_shows_the_last_four_weeks_unless_asked_for_more(tmp_path, capsys):
    _sessions_days_ago(tmp_path, 2, 60, 400)
    assert main(["--data-dir", str(tmp_path), "history"]) == 0
    recent = capsys.readouterr().out
    assert recent.count("Mobility trio") == 1 and "Ended early" in recent
    assert (
        "Shown: the last 4 weeks" in recent and "1 session." in recent and "--period 3m, 12m or all" in recent
    )
    assert "Sit-breaks: 0 reminders, 0 taken; 1 break without a reminder." in recent
    assert main(["--data-dir", str(tmp_path), "history", "--period", "3m"]) == 0
    assert capsys.readouterr().out.count("Mobility trio") == 2
    assert main(["--data-dir", str(tmp_path), "history", "--period", "all"]) == 0
    everything = capsys.readouterr().out
    assert everything.count("Mobility trio") == 3 and "--period 3m" not in everything


def test_json_is_everything_unless_a_period_is_given(tmp_path, capsys):
    _sessions_days_ago(tmp_path, 2, 60)
    assert main(["--data-dir", str(tmp_path), "history", "--json"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert main(["--data-dir", str(tmp_path), "history", "--json", "--period", "4w"]) == 0
    recent = json.loads(capsys.readouterr().out)
    assert [len(everything["sessions"]), len(everything["breaks"])] == [2, 2]
    assert recent["sessions"] == everything["sessions"][1:] and recent["breaks"] == everything["breaks"][1:]
    assert [len(s["sets"]) for s in everything["sessions"]] == [1, 1]
    assert everything["sessions"][0]["pain_after"] == 2


def test_the_json_export_writes_one_session_a_line(tmp_path, capsys):
    _sessions_days_ago(tmp_path, 1, 2, 3)
    assert main(["--data-dir", str(tmp_path), "history", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    sessions = [json.loads(line.strip().rstrip(",")) for line in lines if line.lstrip().startswith('{"id"')]
    assert [s["id"] for s in sessions] == [3, 2, 1]  # oldest first: recorded 1, 2 and 3 days ago


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
    assert main(["--data-dir", str(tmp_path), "history", "--period", "all"]) == 0
    out = capsys.readouterr().out
    assert "Step changes:" in out  # the exercise by its name, as the window shows it
    assert re.search(r"2026-11-24 \d\d:00\s+Push-ups\s+1\s+2\s+Ready for the next step\.", out)
    assert main(["--data-dir", str(tmp_path), "history", "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {
        "sessions",
        "breaks",
    }  # the public format is unchanged


def test_an_empty_data_dir_is_refused_not_read_as_the_default(capsys):
    import pytest

    for argv in (["--data-dir", "", "history"], ["history", "--data-dir", " "]):
        with pytest.raises(SystemExit) as stopped:
            main(argv)
        assert stopped.value.code == 2
        assert "argument --data-dir: it is empty" in capsys.readouterr().err
