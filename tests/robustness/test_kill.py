"""A real ``upright run`` killed with SIGKILL at random moments, twenty times.

Four chains run side by side, each in its own data folder; a chain starts
the app, kills it, starts it again on the same folder, and so on. Most kills
land at a random moment of the session (after a random number of sets, a
random fraction of a second later: during a hold, a rest or a commit), some
during start-up (before the database exists, or while it is being created).
The moments come from a seeded generator; waiting for sets rather than for
seconds keeps them in the session however busy the machine is. While the process runs, the test reads the
database from outside: any set it has seen is committed, so it must survive.

After every kill the file passes ``PRAGMA integrity_check``; the next start
closes the cut-off session as ``interrupted``, ending where its last set ended.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.waiting import until

ROOT = Path(__file__).resolve().parents[2]
SEED = 20261123
CHAINS, KILLS_PER_CHAIN = 4, 5
SPEED = 20  # the routine below then lasts about 3.7 s of wall time: holds of 0.3 s, rests of 0.2 s
ROUTINE = {
    "format": "upright-routine",
    "version": 1,
    "routine": {
        "id": "kill-test",
        "name": "Kill test",
        "description": "Eight short sets with rests between them.",
        "items": [
            {"exercise": "figure-four-stretch", "hold_s": 6, "sets": 3, "rest_s": 4},
            {"exercise": "standing-back-bend", "reps": 2, "sets": 2, "rest_s": 4},
        ],
    },
}
SETS = 8

pytestmark = pytest.mark.slow


@dataclass
class Run:
    during_start: bool  # killed ``delay_s`` after launch; otherwise ``delay_s`` after ``after_sets`` sets
    delay_s: float
    after_sets: int = 0
    seen: dict[int, tuple] = field(default_factory=dict)  # set id -> its row, as read before the kill
    session: int | None = None  # the session this run started, once seen
    exit_code: int | None = None  # set when the process ended by itself before the kill

    @property
    def killed(self) -> bool:
        return self.exit_code is None


def env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def read_only(db_path: Path) -> sqlite3.Connection | None:
    if not db_path.exists():
        return None
    try:
        return sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None


def look(db_path: Path, run: Run, known_sessions: set[int]) -> None:
    """What the running process has committed so far: its session and its sets."""
    connection = read_only(db_path)
    if connection is None:
        return
    try:
        sessions = {sid for (sid,) in connection.execute("SELECT id FROM sessions")}
        mine = sessions - known_sessions
        if mine:
            run.session = max(mine)
            for row in connection.execute("SELECT * FROM sets WHERE session_id = ?", (run.session,)):
                run.seen[row[0]] = row
    except sqlite3.Error:  # not created yet, or mid-migration: nothing committed to look at
        pass
    finally:
        connection.close()


def one_run(data: Path, routine: Path, run: Run, known_sessions: set[int]) -> None:
    db_path = data / "history.sqlite3"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop",
            "--data-dir",
            str(data),
            "run",
            str(routine),
            "--auto",
            "--speed",
            str(SPEED),
        ],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if not run.during_start:  # the session has begun and committed its sets so far

            def far_enough() -> bool:
                look(db_path, run, known_sessions)
                ended = proc.poll() is not None
                return ended or (run.session is not None and len(run.seen) >= run.after_sets)

            until(far_enough, f"the run to commit {run.after_sets} sets", 60)
        # The kill's moment is what this test varies: ``delay_s`` from the seeded generator, a
        # moment within a set, a rest or a commit. It is the input, not a guess at how long
        # something takes; the wait ends early if the run ends by itself.
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=run.delay_s)
        look(db_path, run, known_sessions)  # everything seen here is committed before the kill
    finally:
        run.exit_code = proc.poll()
        if run.exit_code is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
    if run.session is not None:
        known_sessions.add(run.session)


def integrity(db_path: Path) -> str:
    if not db_path.exists():
        return "ok"  # killed before the database was created
    with sqlite3.connect(db_path) as connection:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    connection.close()
    return result


def chain(number: int, folder: Path) -> list[Run]:
    rng = random.Random(SEED + number)
    data, routine = folder / "data", folder / "routine.json"
    routine.write_text(json.dumps(ROUTINE))
    runs, known = [], set()
    for _ in range(KILLS_PER_CHAIN):
        if rng.random() < 0.2:  # before the session: Qt starting, the database being created or opened
            run = Run(during_start=True, delay_s=rng.uniform(0.05, 1.2))
        else:  # during a hold, a rest or a commit: after 0-6 of the 8 sets, within about one set more
            run = Run(during_start=False, delay_s=rng.uniform(0.0, 0.45), after_sets=rng.randint(0, SETS - 2))
        one_run(data, routine, run, known)
        assert integrity(data / "history.sqlite3") == "ok", f"chain {number}, run {len(runs) + 1}"
        runs.append(run)
    final = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--data-dir",
            str(data),
            "run",
            "stand-and-extend",
            "--auto",
            "--speed",
            "200",
        ],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert final.returncode == 0, final.stderr
    return runs


def test_twenty_kills_lose_no_finished_set_and_leave_a_sound_file(tmp_path):
    folders = [tmp_path / f"chain{n}" for n in range(CHAINS)]
    for folder in folders:
        folder.mkdir()
    with ThreadPoolExecutor(CHAINS) as pool:
        chains = list(pool.map(chain, range(CHAINS), folders))
    killed = mid_session = interrupted = 0
    for number, (folder, runs) in enumerate(zip(folders, chains, strict=False)):
        with sqlite3.connect(folder / "data" / "history.sqlite3") as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            sessions = {
                sid: (outcome, ended)
                for sid, outcome, ended in connection.execute(
                    "SELECT id, outcome, ended_at FROM sessions ORDER BY id"
                )
            }
            sets = {row[0]: row for row in connection.execute("SELECT * FROM sets")}
            last_set_end = dict(
                connection.execute("SELECT session_id, max(ended_at) FROM sets GROUP BY session_id")
            )
        connection.close()
        for n, run in enumerate(runs, start=1):
            where = f"chain {number}, run {n}"
            for set_id, row in run.seen.items():
                assert sets.get(set_id) == row, (
                    f"{where}: a set committed before the kill was lost or changed"
                )
            if run.session is None:
                continue
            outcome, ended = sessions[run.session]
            if run.killed:
                killed += 1
                mid_session += bool(run.seen)
                interrupted += outcome == "interrupted"
                # The end may have been committed in the instant before the kill.
                assert outcome in ("interrupted", "completed"), where
                if outcome == "interrupted":
                    assert ended == last_set_end.get(run.session, ended), where
            if outcome == "completed":
                assert sum(row[1] == run.session for row in sets.values()) == SETS, where
        killed += sum(run.killed and run.session is None for run in runs)
        assert [o for o, _ in sessions.values()][-1] == "completed"  # the last, unkilled start
        assert sum(o is None for o, _ in sessions.values()) == 0, "a session was left open"
    assert killed >= 18, (
        f"only {killed} of {CHAINS * KILLS_PER_CHAIN} runs were killed; the rest finished first"
    )
    assert mid_session >= 10, f"only {mid_session} kills came after a set was committed"
    assert interrupted >= 10, f"only {interrupted} sessions were cut off mid-way"
