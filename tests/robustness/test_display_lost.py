"""The display going away (a logout) records what was under way, in real processes.

A real Xvfb is ended under a running Upright, as a logout ends the X server:
Qt warns that the X11 connection broke and stops its event loop for good.
The tray with a desk break on screen, and ``upright run`` mid-session, must
then record what was under way (the break as skipped with its time; the
session as ended early with every set done) and exit with status 1, one line
said and no traceback. What the store could not take at once is in the
journal, and the next start writes it.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app.display_lost import EXIT_DISPLAY_LOST
from tests.platform.test_idle_wayland import sway  # noqa: F401  (the fixture)
from tests.robustness.test_kill import ROUTINE, SETS
from tests.robustness.test_signals import (
    ROOT,
    committed_sets,
    env,
    query,
    tray_with_a_break_on_screen,
    upright,
)
from tests.waiting import until
from tests.xvfb import xvfb_server

pytestmark = pytest.mark.slow
SAID = "the display connection broke"
PROBE = (  # a bare Qt application: what Qt itself does when the display goes
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication(sys.argv)\n"
    "app.aboutToQuit.connect(lambda: print('about to quit', flush=True))\n"
    "w = QWidget(); w.show()\n"
    "print('up', flush=True)\n"
    "print('exec returned', app.exec(), flush=True)\n"
)


def on_display(tmp_path: Path, display: str) -> dict[str, str]:
    return {
        **env(tmp_path),
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus",
    }


def history(data: Path, tmp_path: Path) -> dict:
    """What the next start sees (it writes what the journal kept first)."""
    shown = subprocess.run(
        upright(data, "history", "--json"),
        cwd=ROOT,
        env=env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


def end_display(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)  # what the end of a graphical session does to its X server
    server.wait(10)


def test_the_display_going_away_records_the_desk_break_on_screen(tmp_path) -> None:
    data = tmp_path / "data"
    with xvfb_server() as (display, server):
        tray = tray_with_a_break_on_screen(data, on_display(tmp_path, display))
        try:
            end_display(server)
            _out, err = tray.communicate(timeout=30)
        finally:
            if tray.poll() is None:
                tray.kill()
                tray.wait()
    assert tray.returncode == EXIT_DISPLAY_LOST, err
    assert SAID in err and "Traceback" not in err and "RuntimeError" not in err
    assert list(data.glob("unsaved-sets-*"))  # journaled at once: the tray does not wait for the store
    [recorded] = history(data, tmp_path)["breaks"]
    assert recorded["outcome"] == "skipped" and recorded["duration_s"] > 0
    assert not list(data.glob("unsaved-sets-*"))
    assert len(history(data, tmp_path)["breaks"]) == 1  # written once, however often it is read


def test_the_display_going_away_ends_a_session_early_with_its_sets(tmp_path) -> None:
    data, routine = tmp_path / "data", tmp_path / "routine.json"
    routine.write_text(json.dumps(ROUTINE))
    with xvfb_server() as (display, server):
        run = subprocess.Popen(
            upright(data, "run", str(routine), "--auto", "--speed", "4"),
            cwd=ROOT,
            env=on_display(tmp_path, display),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            until(lambda: committed_sets(data) >= 2, "two committed sets", 60)
            end_display(server)
            _out, err = run.communicate(timeout=30)
        finally:
            if run.poll() is None:
                run.kill()
                run.wait()
    assert run.returncode == EXIT_DISPLAY_LOST, err
    assert SAID in err and "Traceback" not in err
    # Written before the process ended (the store was free): no next start needed.
    [(session, outcome, ended_at)] = query(data, "SELECT id, outcome, ended_at FROM sessions")
    assert outcome == "ended_early" and ended_at is not None
    [(sets, last_end)] = query(data, f"SELECT count(*), max(ended_at) FROM sets WHERE session_id = {session}")
    assert 2 <= sets < SETS and last_end <= ended_at
    assert not list(data.glob("unsaved-sets-*")) and not list((data / "running").glob("*"))
    print(f"display gone mid-session: ended early with {sets} sets, exit {run.returncode}")


def test_qt_warns_before_it_ends_the_app_when_the_display_goes(tmp_path) -> None:
    """What the watch relies on, measured on the pinned Qt with a bare application: the X
    server's end is met in one of two ways, by whichever thread notices first. Either the
    xcb plugin quits the event loop (``exec`` returns 1 after ``aboutToQuit``; the process
    lives on, but its loop will not run again), or an Xlib call meets the dead connection
    and Xlib's I/O error handler ends the process at once (status 1, no ``aboutToQuit``).
    Both are preceded by Qt's warning, which is where the watch records."""
    with xvfb_server() as (display, server):
        child = subprocess.Popen(
            [sys.executable, "-c", PROBE],
            env=on_display(tmp_path, display),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "up"
        end_display(server)
        out, err = child.communicate(timeout=30)
    warned = err.find("The X11 connection broke")
    assert warned >= 0 and "XIO" not in err[:warned], err  # the warning comes first, either way
    loop_quit = out.split("\n")[:2] == ["about to quit", "exec returned 1"]
    xlib_exit = child.returncode == 1 and "XIO:  fatal IO error" in err and not out
    assert loop_quit or xlib_exit, (child.returncode, out, err)


def test_the_wayland_compositor_going_away_ends_a_session_early_with_its_sets(tmp_path, sway) -> None:  # noqa: F811
    """On Wayland Qt warns and calls ``_exit`` at once: the warning's handler is the only moment."""
    socket, ipc = sway
    data, routine = tmp_path / "data", tmp_path / "routine.json"
    routine.write_text(json.dumps(ROUTINE))
    environment = {**env(tmp_path), "QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": str(socket)}
    environment.pop("DISPLAY", None)
    run = subprocess.Popen(
        upright(data, "run", str(routine), "--auto", "--speed", "4"),
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        until(lambda: committed_sets(data) >= 2, "two committed sets", 60)
        # What logging out of sway does: the compositor exits.
        subprocess.run(["swaymsg", "-s", str(ipc), "exit"], capture_output=True, timeout=10, check=False)
        _out, err = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    assert SAID in err and "Traceback" not in err, err  # Qt's own warning goes to Upright's log
    assert run.returncode == EXIT_DISPLAY_LOST
    [(session, outcome)] = query(data, "SELECT id, outcome FROM sessions")
    assert outcome == "ended_early"
    [(sets,)] = query(data, f"SELECT count(*) FROM sets WHERE session_id = {session}")
    assert 2 <= sets < SETS


def test_qt_ends_the_app_at_once_when_the_wayland_compositor_goes(tmp_path, sway) -> None:  # noqa: F811
    """On Wayland the warning is the only moment: the plugin calls ``_exit(-1)`` straight
    after it (status 255, no ``aboutToQuit``, ``exec`` never returns)."""
    socket, ipc = sway
    environment = {**env(tmp_path), "QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": str(socket)}
    environment.pop("DISPLAY", None)
    child = subprocess.Popen(
        [sys.executable, "-c", PROBE],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "up"
    subprocess.run(["swaymsg", "-s", str(ipc), "exit"], capture_output=True, timeout=10, check=False)
    out, err = child.communicate(timeout=30)
    assert "The Wayland connection broke" in err
    assert child.returncode == 255 and out == "", (child.returncode, out, err)
