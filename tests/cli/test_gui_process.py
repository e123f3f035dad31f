"""The real ``upright`` process opens its window, paints, and exits cleanly with 0."""

import os
import sqlite3
import subprocess
import sys


def test_gui_starts_paints_and_exits_zero(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "--exit-after-paint"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "first paint after" in result.stdout
    assert "Traceback" not in result.stderr
    with sqlite3.connect(data / "history.sqlite3") as db:
        tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
    assert {"sessions", "sets", "pain_ratings", "breaks", "settings", "alembic_version"} <= tables
