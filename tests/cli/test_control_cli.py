"""``upright status|break|snooze|pause`` drive the running tray over its single-instance socket."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from desktop.app.single_instance import hold
from desktop.app.tray_store import TrayStore
from desktop.core.control import Control, ControlRequest, parse_minutes
from tests.app.test_tray import _history, coach  # noqa: F401  (the fixture: a tray on fake clocks and sensors)
from tests.app_helpers import run
from tests.waiting import eventually


def upright(*args: str, user: str) -> subprocess.CompletedProcess:
    """``user`` names the data folder: one instance per folder, so each test has its own socket."""
    env = {**os.environ, "UPRIGHT_DATA_DIR": data_dir(user), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, env=env, timeout=60
    )


def data_dir(user: str) -> str:
    return str(Path(tempfile.gettempdir()) / user)


@pytest.mark.parametrize("text", ["0", "-5", "abc", "1441", "2.5", ""])
def test_bad_minutes_are_refused_before_anything_is_sent(text):
    with pytest.raises(ValueError, match="MINUTES must be a whole number from 1 to 1440"):
        parse_minutes(text)
    done = upright("snooze", text, user=f"upright-test-{os.getpid()}-bad")
    assert done.returncode == 2
    assert "MINUTES must be a whole number from 1 to 1440" in done.stderr


def test_without_a_running_instance_it_says_so():
    done = upright("status", "--json", user=f"upright-test-{os.getpid()}-none")
    assert done.returncode == 1
    assert "Upright is not running" in done.stderr and done.stdout == ""


def test_requests_round_trip_as_lines():
    for request in (ControlRequest(Control.STATUS), ControlRequest(Control.PAUSE, 30)):
        assert ControlRequest.from_line(request.line()) == request
    with pytest.raises(ValueError, match="status takes no argument"):
        ControlRequest.from_line("status 5")


def test_status_snooze_pause_and_break_reach_the_running_tray(coach, qapp):  # noqa: F811
    make, clocks, _sensors, _, data = coach
    user = f"upright-test-{os.getpid()}-ctl"

    async def ask(*args: str) -> subprocess.CompletedProcess:
        return await asyncio.get_running_loop().run_in_executor(None, lambda: upright(*args, user=user))

    async def scenario():
        server = hold(Path(data_dir(user)))
        assert server is not None
        tray = make(TrayStore(data))
        await tray.start()
        server.control = tray.control
        clocks.advance(12)
        tray.wake()
        asked = {"status": await ask("status", "--json"), "plain": await ask("status")}
        asked["nothing"] = await ask("snooze", "25")  # no reminder showing: nothing to snooze
        clocks.advance(19)
        tray.wake()  # 31 min: the reminder is showing
        asked["snoozed"] = await ask("snooze", "25")
        asked["paused"] = await ask("pause", "90")
        asked["bad"] = await ask("pause", "0")
        asked["break"] = await ask("break", "now")
        await eventually(lambda: tray.break_window is not None, "the break window")
        asked["on_break"] = await ask("status", "--json")
        tray.break_window.close()  # closing the break window by any means: skipped, the tray runs on
        await tray.settle()
        after = tray.status()
        history = await _history(data)
        tray.close()
        server.close()
        return asked, after, history

    asked, after, history = run(qapp, scenario, timeout_s=90)  # each store call is a child process
    reply = json.loads(asked["status"].stdout)
    assert asked["status"].returncode == 0
    assert reply["state"] == "normal" and reply["sitting_min"] == 12 and reply["next_break_min"] == 18
    assert asked["plain"].stdout.strip() == "Sitting for 12 min \u00b7 Next break in about 18 min"
    nothing = asked["nothing"]
    assert nothing.returncode == 3 and nothing.stdout == ""
    assert nothing.stderr.strip() == (
        "upright snooze: No reminder is showing, so there is nothing to snooze. Next break in about 18 min."
    )
    assert (
        asked["snoozed"].returncode == 0 and asked["snoozed"].stdout.strip() == "Snoozed until about 09:56."
    )
    assert (
        asked["paused"].returncode == 0 and asked["paused"].stdout.strip() == "Reminders paused until 11:01."
    )
    assert asked["bad"].returncode == 2 and "MINUTES" in asked["bad"].stderr
    assert asked["break"].stdout.strip() == "Break started: the stand-and-extend break is on screen."
    on_break = json.loads(asked["on_break"].stdout)
    assert on_break["on_break"] is True and on_break["text"] == "On a break"
    assert after.state == "paused" and not after.on_break
    # The refused snooze left no trace: one snooze (of the reminder), one skip (the window closed).
    assert [b["outcome"] for b in history["breaks"]] == ["snoozed", "skipped"]
