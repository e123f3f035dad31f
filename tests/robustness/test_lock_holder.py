"""Another process holds the history's write lock mid-session: zero sets lost.

The lock-holder variant of the kill test. A real ``upright run`` works
through eight short sets; once some are committed, a second process takes
the write lock (BEGIN IMMEDIATE) and holds it. Sets finishing meanwhile wait
in the journal beside the database. In the first case the holder lets go
once the session's end waits in the journal too, so during the end-of-session
retries (the session's own progress says when, not a guessed time): every
set reaches the store and the session ends "completed". In the second it holds until the run
has exited: the run says how many sets wait and exits non-zero, and the next
start (any command) writes them. In both, each of the eight sets is in the
history exactly once and no journal is left.

While the lock is held, reading the history works and a command that writes
meets the busy message after the busy timeout, never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.storage.errors import BUSY_TIMEOUT_S
from desktop.storage.location import DATABASE_NAME
from tests.robustness.test_kill import ROUTINE, SETS
from tests.robustness.test_signals import ROOT, committed_sets, env, query, upright
from tests.waiting import until

pytestmark = pytest.mark.slow
HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.read()  # until the test closes it
connection.execute("COMMIT")
"""


def hold(db: Path) -> subprocess.Popen:
    """A process holding ``db``'s write lock until its standard input is closed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


def start_run(tmp_path: Path) -> tuple[Path, subprocess.Popen]:
    data, routine = tmp_path / "data", tmp_path / "routine.json"
    routine.write_text(json.dumps(ROUTINE))
    proc = subprocess.Popen(
        upright(data, "run", str(routine), "--auto", "--speed", "20"),
        cwd=ROOT,
        env=env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    until(lambda: committed_sets(data) >= 1, "a committed set", 60)
    return data, proc


def assert_every_set_once(data: Path) -> None:
    [(_session, outcome)] = query(data, "SELECT id, outcome FROM sessions")
    rows = query(data, "SELECT exercise_id, side, set_index, started_at FROM sets")
    assert len(rows) == SETS and len(set(rows)) == SETS, rows  # all eight, none twice
    assert outcome == "completed"
    assert not list(data.glob("unsaved-sets-*"))


def journal_text(data: Path) -> str:
    """What waits in the run's journal (the file goes once the store has everything)."""
    text = ""
    for path in data.glob("unsaved-sets-*"):
        with contextlib.suppress(FileNotFoundError):
            text += path.read_text()
    return text


def test_a_hold_into_the_end_of_session_retries_loses_no_set(tmp_path) -> None:
    data, proc = start_run(tmp_path)
    holder = hold(data / DATABASE_NAME)
    try:
        journal = until(lambda: list(data.glob("unsaved-sets-*")), "a set waiting in the journal", 30)
        assert journal  # the sets finishing now are on disk beside the database, not in memory only
        until(lambda: '"kind": "end"' in journal_text(data), "the session's end waiting in the journal", 60)
        held = len(query(data, "SELECT id FROM sets"))
        holder.communicate(input="", timeout=30)  # let go while the run retries
        out, err = proc.communicate(timeout=90)
    finally:
        for process in (proc, holder):
            if process.poll() is None:
                process.kill()
                process.wait()
    assert "Traceback" not in err
    assert proc.returncode == 0 and "session completed" in out, (out, err)  # stored by a retry
    assert held < SETS  # some sets really waited for the store
    assert_every_set_once(data)
    print(f"held to the session's end: run exited {proc.returncode}, {held} sets stored before, {SETS} after")


def test_a_hold_past_the_session_end_is_said_and_written_at_the_next_start(tmp_path) -> None:
    data, proc = start_run(tmp_path)
    holder = hold(data / DATABASE_NAME)
    try:
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        holder.communicate(input="", timeout=30)  # let go
    assert proc.returncode == 2, (out, err)
    assert "not saved to the history yet" in err and "nothing is lost" in err and "Traceback" not in err
    assert len(query(data, "SELECT id FROM sets")) < SETS  # some really were waiting
    assert list(data.glob("unsaved-sets-*"))
    shown = subprocess.run(
        upright(data, "history", "--json"), cwd=ROOT, env=env(tmp_path), capture_output=True, text=True
    )
    assert shown.returncode == 0, shown.stderr
    [session] = json.loads(shown.stdout)["sessions"]
    assert len(session["sets"]) == SETS and session["outcome"] == "completed"
    assert_every_set_once(data)


def test_while_a_writer_holds_the_lock_reads_work_and_writes_say_busy(tmp_path) -> None:
    data = tmp_path / "data"
    routine = tmp_path / "routine.json"
    routine.write_text(json.dumps(ROUTINE))
    subprocess.run(upright(data, "import", str(routine)), cwd=ROOT, env=env(tmp_path), check=True)
    holder = hold(data / DATABASE_NAME)
    try:
        started = time.monotonic()
        read = subprocess.run(
            upright(data, "history"), cwd=ROOT, env=env(tmp_path), capture_output=True, text=True, timeout=60
        )
        read_s = time.monotonic() - started
        started = time.monotonic()
        tray_read = subprocess.run(  # the tray's reads go through this child: no write lock either
            upright(data, "store-call"),
            input='[{"request": "get_setting", "args": {"key": "appearance", "default": "system"}}]',
            cwd=ROOT,
            env=env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
        tray_read_s = time.monotonic() - started
        started = time.monotonic()
        write = subprocess.run(
            upright(data, "routines", "delete", "kill-test"),
            cwd=ROOT,
            env=env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
        write_s = time.monotonic() - started
    finally:
        holder.communicate(input="", timeout=30)
    assert read.returncode == 0 and "Traceback" not in read.stderr, read.stderr
    assert read_s < BUSY_TIMEOUT_S  # a read never waits for the lock
    assert json.loads(tray_read.stdout) == {"answers": ["system"]} and tray_read_s < BUSY_TIMEOUT_S
    assert write.returncode == 2 and "is busy" in write.stderr and "Traceback" not in write.stderr
    assert BUSY_TIMEOUT_S <= write_s < BUSY_TIMEOUT_S + 20  # bounded: the busy timeout, then the message
    print(f"while locked: history {read_s:.2f} s, the tray's read {tray_read_s:.2f} s;")
    print(f"a write met the busy message after {write_s:.2f} s")


# Holds only, so the session runs by itself once started; no step on a ladder, so no review.
HOLDS = {
    "format": "upright-routine",
    "version": 1,
    "routine": {
        "id": "busy-start",
        "name": "Busy start",
        "description": "Three short holds.",
        "items": [{"exercise": "figure-four-stretch", "hold_s": 6, "sets": 3, "rest_s": 4}],
    },
}
PAIN_BEFORE, PAIN_AFTER = 6, 2


def answer_pain(env: dict[str, str], title: str, value: int) -> None:
    """Type a rating as a person would into the window named ``title``: the pain dialog before
    the session, the session window (its done screen) after it; openbox gives it the focus."""
    found = until(
        lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", title], env=env, capture_output=True, text=True
        ).stdout.split(),
        f"the dialog {title!r}",
        60,
    )
    subprocess.run(["xdotool", "windowactivate", "--sync", found[0]], env=env, check=True, timeout=30)
    subprocess.run(
        ["xdotool", "key", "--delay", "100", str(value), "Return"], env=env, check=True, timeout=30
    )


def test_a_hold_across_the_start_and_the_ratings_loses_nothing(tmp_path) -> None:
    """The write lock is taken before the session starts and held until the rating after
    has been given: the session's start, both ratings, every set and the end wait in the
    journal, in order, and nothing is lost."""
    import shutil

    from desktop.app.safety_gate import SAFETY_SETTING
    from desktop.content.catalog_cache import load_catalog_cached
    from desktop.content.routine_file import read_routine_file
    from desktop.core.plan import expand
    from tests.xvfb import running_xvfb

    for tool in ("openbox", "xdotool"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: `bash packaging/bootstrap.sh test` installs it")
    data, routine = tmp_path / "data", tmp_path / "routine.json"
    routine.write_text(json.dumps(HOLDS))
    work = [
        s
        for s in expand(load_catalog_cached(), read_routine_file(routine, load_catalog_cached()))
        if s.kind == "work"
    ]
    with running_xvfb() as display:
        environment = {
            **env(tmp_path),
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus",
        }
        wm = subprocess.Popen(
            ["openbox"], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        acknowledged = subprocess.run(  # the safety notice was read before: the pain rating comes first
            upright(data, "store-call"),
            input=json.dumps([{"request": "set_setting", "args": {"key": SAFETY_SETTING, "value": True}}]),
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert acknowledged.returncode == 0, acknowledged.stderr
        holder = hold(data / DATABASE_NAME)
        took_lock = time.monotonic()
        proc = subprocess.Popen(
            upright(data, "run", str(routine), "--speed", "20"),
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            answer_pain(environment, "Pain before the session", PAIN_BEFORE)
            until(lambda: list(data.glob("unsaved-sets-*")), "the session's start in the journal", 30)
            held_through_start = holder.poll() is None and not query(data, "SELECT id FROM sessions")
            # The end is journaled before anything is asked; then the rating after is asked on
            # the session's done screen, beside its summary (the window keeps the focus).
            until(lambda: '"kind": "end"' in journal_text(data), "the session's end in the journal", 90)
            answer_pain(environment, "Busy start", PAIN_AFTER)
            until(lambda: '"moment": "after"' in journal_text(data), "the rating after in the journal", 30)
            held_s = time.monotonic() - took_lock
            holder.communicate(input="", timeout=30)  # let go while the run retries
            subprocess.run(
                ["xdotool", "key", "Escape"], env=environment, check=True, timeout=30
            )  # leave the done screen
            out, err = proc.communicate(timeout=90)
        finally:
            for process in (proc, holder, wm):
                if process.poll() is None:
                    process.kill()
                    process.wait()
    assert held_through_start  # the start really met a busy store (and was journaled, not lost)
    assert proc.returncode == 0 and "session completed" in out and "Traceback" not in err, (out, err)
    [(session, outcome)] = query(data, "SELECT id, outcome FROM sessions")
    assert outcome == "completed"
    pain = dict(query(data, f"SELECT moment, value FROM pain_ratings WHERE session_id = {session}"))
    assert pain == {"before": PAIN_BEFORE, "after": PAIN_AFTER}
    sets = query(data, f"SELECT exercise_id, side, set_index FROM sets WHERE session_id = {session}")
    assert len(sets) == len(work) == len(set(sets)), sets  # every set, once
    assert not list(data.glob("unsaved-sets-*")) and not list((data / "running").glob("*"))
    print(f"held {held_s:.1f} s across the start and both ratings: {len(sets)} of {len(work)} sets kept")
