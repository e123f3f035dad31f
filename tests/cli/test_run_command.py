"""``upright run``: end to end in real processes, including a kill mid-session."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC

from tests.waiting import until

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def upright(*args, timeout=60):
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=timeout, env=ENV
    )


def history(data):
    out = upright("--data-dir", str(data), "history", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_auto_run_completes_and_stores_every_set(tmp_path):
    result = upright("--data-dir", str(tmp_path), "run", "tweaked-back", "--auto", "--speed", "40")
    assert result.returncode == 0, result.stderr
    assert "session completed" in result.stdout
    (session,) = history(tmp_path)["sessions"]
    assert session["outcome"] == "completed" and session["routine"] == "tweaked-back"
    assert [s["exercise"] for s in session["sets"]][:2] == ["belly-breathing-feet-up", "cat-cow"]
    assert all(s["done_reps"] == s["planned_reps"] for s in session["sets"])


def test_kill_mid_session_keeps_finished_sets_and_marks_interrupted(tmp_path):
    db_path = tmp_path / "history.sqlite3"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop",
            "--data-dir",
            str(tmp_path),
            "run",
            "tweaked-back",
            "--auto",
            "--speed",
            "10",
        ],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        def sets_stored() -> int:
            if not db_path.exists():
                return 0
            with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
                try:
                    return db.execute("select count(*) from sets").fetchone()[0]
                except sqlite3.OperationalError:  # not created yet
                    return 0

        finished = until(lambda: (n := sets_stored()) >= 2 and n, "the session to finish two sets", 40)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with sqlite3.connect(db_path) as db:
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        kept = db.execute("select count(*) from sets").fetchone()[0]
    assert kept >= finished
    assert (
        upright("--data-dir", str(tmp_path), "run", "stand-and-extend", "--auto", "--speed", "50").returncode
        == 0
    )
    first, second = history(tmp_path)["sessions"]
    assert first["outcome"] == "interrupted" and len(first["sets"]) == kept
    assert second["outcome"] == "completed"


def test_bad_routine_and_bad_speed_are_refused(tmp_path):
    result = upright("--data-dir", str(tmp_path), "run", "no-such-routine")
    assert result.returncode == 2 and "no-such-routine" in result.stderr and "tweaked-back" in result.stderr
    result = upright("--data-dir", str(tmp_path), "run", "tweaked-back", "--speed", "0")
    assert result.returncode == 2 and "--speed must be between 0.1 and 1000" in result.stderr
    assert not (tmp_path / "history.sqlite3").exists()


def test_run_a_routine_file(tmp_path):
    routine = tmp_path / "mine.json"
    routine.write_text(
        json.dumps(
            {
                "format": "upright-routine",
                "version": 1,
                "routine": {
                    "id": "my-break",
                    "name": "My break",
                    "description": "Two back bends.",
                    "items": [{"exercise": "standing-back-bend", "reps": 2}],
                },
            }
        )
    )
    result = upright("--data-dir", str(tmp_path), "run", str(routine), "--auto", "--speed", "50")
    assert result.returncode == 0, result.stderr
    (session,) = history(tmp_path)["sessions"]
    assert session["routine"] == "my-break" and session["sets"][0]["done_reps"] == 2
    broken = tmp_path / "broken.json"
    broken.write_text(
        '{"format": "upright-routine", "version": 1, "routine": {"id": "x", "name": "X",\n'
        '"description": "d", "items": [{"exercise": "cat-cow2", "reps": 500}]}}'
    )
    result = upright("--data-dir", str(tmp_path), "run", str(broken), "--auto")
    assert result.returncode == 2
    assert "item 1, reps" in result.stderr
    assert len(history(tmp_path)["sessions"]) == 1


def test_run_an_imported_routine_by_its_id_at_the_persons_rung(tmp_path):
    routine = tmp_path / "mine.json"
    routine.write_text(
        json.dumps(
            {
                "format": "upright-routine",
                "version": 1,
                "routine": {
                    "id": "pushes",
                    "name": "Pushes",
                    "description": "Push-ups only.",
                    "items": [{"exercise": "push-up"}],
                },
            }
        )
    )
    assert upright("--data-dir", str(tmp_path), "import", str(routine)).returncode == 0
    from datetime import datetime

    from desktop.storage.database import open_database
    from desktop.storage.progress_store import ProgressStore

    db = open_database(tmp_path)
    ProgressStore(db).change_step("push-up", 2, "test", datetime.now(UTC))
    db.close()
    result = upright("--data-dir", str(tmp_path), "run", "pushes", "--auto", "--speed", "200")
    assert result.returncode == 0, result.stderr
    (session,) = history(tmp_path)["sessions"]
    assert session["routine"] == "pushes" and session["sets"][0]["planned_reps"] == 40
    result = upright("--data-dir", str(tmp_path), "run", "pushez")
    assert result.returncode == 2 and "pushes" in result.stderr and "tweaked-back" in result.stderr


def test_run_by_name_in_any_case_with_the_data_dir_after_the_command(tmp_path):
    result = upright("run", "mobility TRIO", "--auto", "--speed", "60", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    (session,) = history(tmp_path)["sessions"]
    assert session["routine"] == "mobility-trio"


def test_an_ambiguous_name_lists_the_candidates(tmp_path):
    result = upright("run", "strength", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "posterior-chain" in result.stderr and "strength-foundation" in result.stderr
    assert "tweaked-back" not in result.stderr  # only the candidates, not every routine
