"""Closing the session window through the window manager ends the session, keeps its sets, and
`upright run` exits.

A real `upright run` process on a private Xvfb with openbox, so `wmctrl -c` closes the window
the way the title bar's x (or Alt+F4) does; `upright history --json` reads what was recorded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.platform.conftest import running_xvfb
from tests.waiting import until

pytestmark = pytest.mark.slow
TITLE = "Mobility trio \u2014 Upright"


def test_wmctrl_close_mid_session_ends_it_early_with_its_sets_and_the_process_exits(tmp_path):
    for tool in ("openbox", "wmctrl"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: `bash packaging/bootstrap.sh test` installs it")
    with running_xvfb() as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus",
            "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        }
        (tmp_path / "runtime").mkdir(mode=0o700)
        wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = str(tmp_path / "data")

        def history() -> dict:
            command = [sys.executable, "-m", "desktop", "--data-dir", data, "history", "--json"]
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
            return json.loads(done.stdout) if done.returncode == 0 and done.stdout else {"sessions": []}

        def windows() -> str:
            return subprocess.run(["wmctrl", "-l"], env=env, capture_output=True, text=True).stdout

        # --auto answers the prompts (no pain ratings); --speed 10 makes the first set end in ~4 s.
        run = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desktop",
                "--data-dir",
                data,
                "run",
                "mobility-trio",
                "--auto",
                "--speed",
                "10",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            until(lambda: TITLE in windows(), "the session window")
            until(lambda: any(s["sets"] for s in history()["sessions"]), "a finished set", 60)
            subprocess.run(["wmctrl", "-c", TITLE], env=env, check=True)
            out, err = run.communicate(timeout=30)
            still_open = TITLE in windows()
        finally:
            if run.poll() is None:
                run.kill()
            wm.terminate()
            wm.wait(10)
    assert run.returncode == 0, err
    assert "session ended early" in out and not still_open
    (session,) = history()["sessions"]
    assert session["outcome"] == "ended_early"
    assert session["sets"] and all(s["exercise"] == "open-book-rotation" for s in session["sets"])
    assert session["pain_after"] is None  # a closed window asks nothing more
