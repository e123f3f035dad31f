"""Which sessions are still running: real processes, file locks, no clocks.

Starting another Upright closes only sessions whose process has ended
(``desktop.storage.session_owner``): a session another running Upright owns
stays open, and one started under a clock set forward is closed once its
owner is gone, instead of staying "in progress" forever. Sets a killed
process left waiting in its journal are written by the next start.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.storage.location import DATABASE_NAME
from tests.robustness.test_kill import ROUTINE, SETS
from tests.robustness.test_lock_holder import hold
from tests.robustness.test_signals import ROOT, committed_sets, env, query, upright
from tests.waiting import until

pytestmark = pytest.mark.slow


def quick_run(tmp_path: Path, data: Path) -> None:
    """Another Upright starting, running a short routine to its end, and exiting."""
    done = subprocess.run(
        upright(data, "run", "stand-and-extend", "--auto", "--speed", "200"),
        cwd=ROOT,
        env=env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def long_run(tmp_path: Path, data: Path) -> subprocess.Popen:
    routine = tmp_path / "routine.json"
    routine.write_text(json.dumps(ROUTINE))
    return subprocess.Popen(
        upright(data, "run", str(routine), "--auto", "--speed", "2"),  # about 37 s
        cwd=ROOT,
        env=env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_a_second_upright_leaves_a_running_session_alone(tmp_path) -> None:
    data = tmp_path / "data"
    first = long_run(tmp_path, data)
    try:
        until(lambda: committed_sets(data) >= 1, "the first session's first set", 60)
        [(running,)] = query(data, "SELECT id FROM sessions")
        # A session whose owner is gone, started under a clock set a year forward.
        future = datetime.now(UTC) + timedelta(days=365)
        with sqlite3.connect(data / DATABASE_NAME, timeout=30) as connection:
            connection.execute(
                "INSERT INTO sessions (routine_id, routine_name, started_at, utc_offset_s)"
                " VALUES ('desk-break', 'Desk break', ?, 0)",
                (int(future.timestamp() * 1000),),
            )
        connection.close()
        quick_run(tmp_path, data)  # a second Upright starts while the first runs
        outcomes = dict(query(data, "SELECT id, outcome FROM sessions"))
        assert outcomes[running] is None  # still the first one's: not interrupted
        assert outcomes[running + 1] == "interrupted"  # the forward-dated orphan is closed
        assert first.poll() is None
    finally:
        kill(first)
    last_set_end = query(data, f"SELECT max(ended_at) FROM sets WHERE session_id = {running}")[0][0]
    quick_run(tmp_path, data)  # after the crash, the next start closes it
    [(outcome, ended_at)] = query(data, f"SELECT outcome, ended_at FROM sessions WHERE id = {running}")
    assert outcome == "interrupted" and ended_at == last_set_end
    assert not list((data / "running").glob("*"))


def test_sets_a_killed_process_left_in_its_journal_are_written_by_the_next_start(tmp_path) -> None:
    data = tmp_path / "data"
    first = long_run(tmp_path, data)
    holder = None
    try:
        until(lambda: committed_sets(data) >= 1, "a committed set", 60)
        holder = hold(data / DATABASE_NAME)
        journal = until(lambda: list(data.glob("unsaved-sets-*")), "a set waiting in the journal", 60)
        waiting = [json.loads(line) for line in journal[0].read_text().splitlines()]
        kill(first)  # with the set(s) still waiting
    finally:
        kill(first)
        if holder is not None:
            holder.communicate(input="", timeout=30)
    stored = committed_sets(data)
    quick_run(tmp_path, data)
    [(session,)] = query(data, "SELECT min(id) FROM sessions")
    rows = query(data, f"SELECT set_index, started_at FROM sets WHERE session_id = {session}")
    assert len(rows) == stored + len([w for w in waiting if "key" in w]) and len(set(rows)) == len(rows)
    assert len(rows) < SETS
    assert query(data, f"SELECT outcome FROM sessions WHERE id = {session}") == [("interrupted",)]
    assert not list(data.glob("unsaved-sets-*"))
