"""The tray icon and its menu on a real X server with a real tray host (trayer).

Runs in a child process on its own Xvfb display, so the rest of the suite
stays offscreen. Xvfb and trayer are installed by packaging/bootstrap.sh.
"""

import os
import subprocess
import sys

import pytest

from tests.xvfb import running_xvfb, tray_host

CHILD = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication([])
from desktop.ui.tray_menu import TrayMenu
menu = TrayMenu()
print("available", QSystemTrayIcon.isSystemTrayAvailable(), flush=True)
menu.icon.show()
from desktop.core.break_status import BreakStatus, TrayState
sitting, due = "Sitting for 31 min", "A break is due"
menu.show_state(BreakStatus(TrayState.DUE, 31, 1.03, None, None, None, None, False, sitting, due, ""))
def when(ready, then, what):
    # Polls a condition of the tray host, which runs on its own; a deadline, not a guessed time.
    deadline = time.monotonic() + 20
    def check():
        if ready() or time.monotonic() > deadline:
            poll.stop()
            print("waited", what, "ok" if ready() else "timed out", flush=True)
            then()
    poll = QTimer(app, interval=10)
    poll.timeout.connect(check)
    poll.start()
def embedded():  # the tray host has taken the icon in and given it a place
    return not menu.icon.geometry().isEmpty()
def check():
    geometry = menu.icon.geometry()
    print("visible", menu.icon.isVisible(), "geometry", geometry.width(), geometry.height(), flush=True)
    menu.menu.popup(geometry.bottomLeft())
    when(lambda: bool(menu.menu.windowHandle() and menu.menu.windowHandle().isExposed()), report, "menu")
def report():
    shown = "|".join(a.text() for a in menu.menu.actions() if a.text())
    print("menu", menu.menu.isVisible(), shown, flush=True)
    print("tooltip", menu.icon.toolTip().replace("\n", " / "), flush=True)
    app.quit()
when(embedded, check, "icon")
app.exec()
"""


@pytest.fixture
def x_with_tray():
    with running_xvfb(screen="800x600x24") as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        with tray_host(env):
            yield env


def test_tray_icon_and_menu_on_a_real_tray_host(x_with_tray):
    out = subprocess.run(
        [sys.executable, "-c", CHILD], env=x_with_tray, capture_output=True, text=True, timeout=30
    )
    waited = [line for line in out.stdout.splitlines() if line.startswith("waited ")]
    assert waited == ["waited icon ok", "waited menu ok"], out.stdout + out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    assert lines.get("available") == "True", out.stdout + out.stderr
    assert lines["visible"].startswith("True geometry")
    width, height = map(int, lines["visible"].split()[-2:])
    assert width > 0 and height > 0
    shown, items = lines["menu"].split(" ", 1)
    assert shown == "True"
    assert items.split("|") == [
        "Take a break now",
        "Snooze 10 min",
        "Snooze 30 min",
        "Pause for 1 hour",
        "Pause until tomorrow",
        "Resume reminders",
        "Open Upright",
        "Preferences\u2026",
        "Quit Upright",
    ]
    assert lines["tooltip"] == "Upright \u2014 Sitting for 31 min / A break is due"
