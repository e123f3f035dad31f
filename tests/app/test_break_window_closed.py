"""Closing the desk break through the window manager ends it as skipped; the tray keeps running.

A real `upright --tray` process on a private Xvfb with openbox (a window
manager, so `wmctrl -c` closes the window the way the title bar's x does)
and trayer (a tray host). It is driven from outside with the same commands a
person or a panel script uses: `upright break now`, `wmctrl -c`, `upright
status`, and `upright history --json` reads what was recorded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.waiting import until
from tests.xvfb import running_xvfb

pytestmark = pytest.mark.slow
TITLE = "Standing back bend"


def test_wmctrl_close_records_a_skip_and_the_tray_runs_on(tmp_path):
    for tool in ("openbox", "wmctrl", "trayer"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: `bash packaging/bootstrap.sh test` installs it")
    user = f"upright-test-{os.getpid()}-wm"
    with running_xvfb() as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "LOGNAME": user,
            "USER": user,
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus",
        }
        helpers = [
            subprocess.Popen([tool], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for tool in ("openbox", "trayer")
        ]
        data = str(tmp_path / "data")
        tray = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", data, "--tray"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def upright(*args: str) -> subprocess.CompletedProcess:
            command = [sys.executable, "-m", "desktop", "--data-dir", data, *args]
            return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)

        def windows() -> str:
            return subprocess.run(["wmctrl", "-l"], env=env, capture_output=True, text=True).stdout

        try:
            until(lambda: upright("status").returncode == 0, "the tray to answer")
            assert upright("break", "now").returncode == 0
            until(lambda: TITLE in windows(), "the break window")
            subprocess.run(["wmctrl", "-c", TITLE], env=env, check=True)
            until(lambda: TITLE not in windows(), "the break window to close")
            breaks = until(
                lambda: json.loads(upright("history", "--json").stdout)["breaks"], "the break to be recorded"
            )
            status = json.loads(upright("status", "--json").stdout)
            alive = tray.poll() is None
        finally:
            tray.terminate()
            tray.wait(10)
            for helper in helpers:
                helper.terminate()
                helper.wait(10)
    assert [b["outcome"] for b in breaks] == ["skipped"]
    assert alive and status["on_break"] is False
    # The default working hours decide whether the count runs now; either way no break is claimed.
    assert status["text"].startswith(("Break skipped \u00b7 Next break in", "Outside working hours")), status
