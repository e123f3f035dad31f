"""Private X servers for tests that need a real display, started without races or guesses.

Xvfb chooses a free display number itself and writes it to a pipe once it
accepts connections (``-displayfd``), so no test guesses a number that may be
taken or sleeps hoping the server is up. Helpers that another process must
bring up (a tray host) are waited for by polling what they create, with a
deadline (``tests.waiting.until``), never by a fixed sleep.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.waiting import until


@contextmanager
def running_xvfb(*options: str, screen: str = "640x480x24") -> Iterator[str]:
    """A private X server's display name (":N"); Xvfb picks a free N itself and reports it."""
    with xvfb_server(*options, screen=screen) as (display, _server):
        yield display


@contextmanager
def xvfb_server(*options: str, screen: str = "640x480x24") -> Iterator[tuple[str, subprocess.Popen]]:
    """``running_xvfb`` with the server's process, for a test that ends it (the display going
    away, as at logout)."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: `bash packaging/bootstrap.sh test` installs it")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        # -noreset: keep root-window properties when the last client (an xprop) disconnects.
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-nolisten",
            "tcp",
            "-noreset",
            "-screen",
            "0",
            screen,
            *options,
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        number = numbers.readline().strip()  # written once the server accepts connections
    try:
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}", server
    finally:
        if server.poll() is None:
            server.terminate()
        server.wait(10)


def window_of(env: dict[str, str], class_name: str) -> bool:
    """Whether a window of ``class_name`` is mapped on ``env``'s display (trayer maps its panel
    after it has taken the tray selection)."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--class", class_name],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return bool(found.stdout.strip())


@contextmanager
def tray_host(env: dict[str, str]) -> Iterator[None]:
    """trayer on ``env``'s display, returned once it owns the tray selection."""
    if shutil.which("trayer") is None:
        pytest.fail("trayer is missing: `bash packaging/bootstrap.sh test` installs it")
    command = ["trayer", "--edge", "top", "--widthtype", "pixel", "--width", "120", "--height", "24"]
    tray = subprocess.Popen(
        [*command, "--transparent", "false"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        until(lambda: window_of(env, "trayer"), "trayer to show its panel")
        yield
    finally:
        tray.kill()
        tray.wait()
