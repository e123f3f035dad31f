"""Real stand-ins for the desktop: an Xvfb server and a private D-Bus daemon, each started per need.

Both pick their own free address (Xvfb's -displayfd, a socket in tmp_path),
so the tests neither collide with a real desktop nor need one.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest

from desktop.platform import _support
from tests.xvfb import running_xvfb


@pytest.fixture(autouse=True)
def fresh_log_once(monkeypatch):
    """Each test sees log_once's first message, whatever earlier tests logged."""
    monkeypatch.setattr(_support, "_said", {})


@pytest.fixture(scope="session")
def xvfb() -> Iterator[str]:
    """One X server for the session, with MIT-SCREEN-SAVER and XTEST as Xvfb has by default."""
    with running_xvfb() as display:
        yield display


@pytest.fixture
def session_bus(tmp_path) -> Iterator[str]:
    """The address of a private message bus (session rules: anyone may own any name)."""
    if shutil.which("dbus-daemon") is None:
        pytest.fail("dbus-daemon is missing: apt-get install dbus-daemon")
    daemon = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--nosyslog",
            f"--address=unix:path={tmp_path}/bus",
            "--print-address",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    with daemon.stdout:
        address = daemon.stdout.readline().strip()
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(10)


@pytest.fixture
def no_bus(tmp_path) -> str:
    """An address where no bus listens, as on a server or in this container."""
    return f"unix:path={tmp_path}/nothing-listens-here"
