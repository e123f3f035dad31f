"""Ctrl+C, SIGTERM and SIGHUP end Upright cleanly, in real processes.

``upright run`` on a routine of short sets: once some sets are committed the
test sends the signal; the process must exit with the shell's status for it
(130, 143, 129) within a bounded time, the session recorded as ended early
with every set done before the signal, no traceback, no journal left behind.
The tray with a desk break on screen: SIGTERM (what logout sends) records the
break and exits 143. A reminder still waiting when the tray quits is recorded
as ignored.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.storage.location import DATABASE_NAME
from tests.app.test_tray import coach  # noqa: F401  (the fixture)
from tests.robustness.test_kill import ROUTINE, SETS
from tests.waiting import until

ROOT = Path(__file__).resolve().parents[2]
STATUS = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGHUP: 129}
pytestmark = pytest.mark.slow


def env(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime)}


def upright(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desktop", "--data-dir", str(data), *args]


def query(data: Path, sql: str) -> list[tuple]:
    """Read what is committed, as another program would (read-only; nothing waits on us)."""
    if not (data / DATABASE_NAME).exists():
        return []
    connection = sqlite3.connect(f"file:{data / DATABASE_NAME}?mode=ro", uri=True, timeout=1)
    try:
        return connection.execute(sql).fetchall()
    except sqlite3.Error:
        return []
    finally:
        connection.close()


def committed_sets(data: Path) -> int:
    rows = query(data, "SELECT count(*) FROM sets")
    return rows[0][0] if rows else 0


@pytest.mark.parametrize("sig", list(STATUS), ids=lambda s: s.name)
def test_a_signal_ends_upright_run_early_with_every_set_kept(tmp_path, sig) -> None:
    data, routine = tmp_path / "data", tmp_path / "routine.json"
    routine.write_text(json.dumps(ROUTINE))
    proc = subprocess.Popen(
        upright(data, "run", str(routine), "--auto", "--speed", "4"),
        cwd=ROOT,
        env=env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        until(lambda: committed_sets(data) >= 2, "two committed sets", 60)
        proc.send_signal(sig)
        started = time.monotonic()
        out, err = proc.communicate(timeout=30)
        took = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == STATUS[sig], err
    assert "Traceback" not in err
    assert "session ended early" in out
    [(session, outcome, ended_at)] = query(data, "SELECT id, outcome, ended_at FROM sessions")
    assert outcome == "ended_early" and ended_at is not None
    sets = query(data, f"SELECT count(*), max(ended_at) FROM sets WHERE session_id = {session}")[0]
    assert 2 <= sets[0] < SETS  # the sets done before the signal, and the session did not run on
    assert not list(data.glob("unsaved-sets-*")) and not list((data / "running").glob("*"))
    print(f"{sig.name}: exited {took:.2f} s after the signal with {sets[0]} sets kept")


def tray_with_a_break_on_screen(data: Path, environment: dict[str, str]) -> subprocess.Popen[str]:
    """A real ``upright --tray`` that has answered ``status`` and shows the desk break, as
    ``upright break now`` asks: what a logout, a signal or a lost display must then record."""
    tray = subprocess.Popen(
        upright(data, "--tray"),
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def status() -> dict | None:
        done = subprocess.run(
            upright(data, "status", "--json"),
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=30,
        )
        return json.loads(done.stdout) if done.returncode == 0 else None

    try:
        until(status, "the tray to answer", 60)
        subprocess.run(upright(data, "break", "now"), cwd=ROOT, env=environment, timeout=30, check=True)
        until(lambda: (status() or {}).get("on_break"), "the desk break on screen", 30)
    except BaseException:
        tray.kill()
        tray.wait()
        raise
    return tray


def test_sigterm_to_the_tray_records_the_break_on_screen(tmp_path) -> None:
    data = tmp_path / "data"
    tray = tray_with_a_break_on_screen(data, env(tmp_path))
    try:
        tray.send_signal(signal.SIGTERM)
        _out, err = tray.communicate(timeout=30)
    finally:
        if tray.poll() is None:
            tray.kill()
            tray.wait()
    assert tray.returncode == 143, err
    assert "Traceback" not in err
    breaks = query(data, "SELECT outcome, duration_s FROM breaks")
    assert len(breaks) == 1 and breaks[0][0] == "skipped" and breaks[0][1] is not None


def test_a_reminder_pending_when_the_tray_quits_is_recorded_as_ignored(coach, qapp) -> None:  # noqa: F811
    from tests.app.test_tray import _history, tray_with_a_reminder_showing
    from tests.app_helpers import run

    data = coach[-1]

    async def scenario():
        tray = await tray_with_a_reminder_showing(coach)
        tray.finish()  # what quitting does (Quit, logout, a signal), before the writes settle
        await tray.settle()
        tray.close()
        return (await _history(data))["breaks"]

    breaks = run(qapp, scenario)
    assert [b["outcome"] for b in breaks] == ["ignored"]


def test_a_reminder_pending_at_quit_survives_a_busy_store(coach, qapp) -> None:  # noqa: F811
    """Another program holds the write lock as the tray quits: the reminder waits in the
    journal (the tray's writer meets the busy store) and the next start writes it."""
    from tests.app.test_tray import _history, tray_with_a_reminder_showing
    from tests.app_helpers import run

    data = coach[-1]

    async def scenario():
        tray = await tray_with_a_reminder_showing(coach)
        holder = sqlite3.connect(data / DATABASE_NAME, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            tray.finish()
            await tray.settle()  # the child gave up after the busy timeout
            waiting = [p.name for p in data.glob("unsaved-sets-*")]
        finally:
            holder.execute("COMMIT")
            holder.close()
        tray.close()
        return waiting, (await _history(data))["breaks"]

    waiting, breaks = run(qapp, scenario, timeout_s=60)
    assert len(waiting) == 1  # kept on disk while the store was busy
    assert [b["outcome"] for b in breaks] == ["ignored"]
    assert not list(data.glob("unsaved-sets-*"))
