"""The real app on a machine with none of the optional pieces: no tray, no D-Bus, no sound, no speech.

Each run is the real ``upright`` process (offscreen, no X display), with the
session and system bus addresses pointing at sockets nobody listens on,
PulseAudio and PipeWire pointing nowhere and speech-dispatcher unreachable.
Upright must start, do its job, exit 0, and say what it cannot do exactly
once each. The platform adapters' own one-line log (``upright.platform`` at
INFO, off by default) is switched on so that what they noticed is seen too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The platform adapters' INFO lines on a handler of their own; warnings still reach the
# terminal once, through the app's own ``upright: ...`` handler.
WITH_PLATFORM_LOG = (
    "import logging, sys; h = logging.StreamHandler(); h.setFormatter(logging.Formatter("
    "'%(name)s: %(message)s')); h.addFilter(lambda r: r.levelno < logging.WARNING);"
    " p = logging.getLogger('upright.platform'); p.addHandler(h); p.setLevel(logging.INFO);"
    " from desktop.cli.main import main; sys.exit(main(sys.argv[1:]))"
)
NO_TRAY = "There is no system tray on this desktop, so reminders appear in Upright's window instead."
NO_SOUND = "No sound on this computer: the session runs silently."
NO_BUS = "did not answer, so a locked screen is not seen as time away"

pytestmark = pytest.mark.slow


@pytest.fixture
def bare_machine(tmp_path) -> dict[str, str]:
    nowhere = tmp_path / "nothing-listens-here"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")
    }
    user = f"upright-test-{os.getpid()}"  # its own single-instance socket: a running Upright is not asked
    env.update(
        QT_QPA_PLATFORM="offscreen",
        LOGNAME=user,
        USER=user,
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={nowhere}",
        DBUS_SYSTEM_BUS_ADDRESS=f"unix:path={nowhere}",
        PULSE_SERVER=f"unix:{nowhere}",
        PIPEWIRE_REMOTE=str(nowhere),
        XDG_RUNTIME_DIR=str(tmp_path),
        SPEECHD_ADDRESS=f"unix_socket:{nowhere}",
    )
    return env


def upright(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", WITH_PLATFORM_LOG, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )


def said(out: subprocess.CompletedProcess) -> list[str]:
    """Upright's own messages and the platform log, one per line."""
    return [
        line
        for line in (out.stdout + out.stderr).splitlines()
        if line.startswith(("upright: ", "upright.platform: "))
    ]


def assert_said_once(lines: list[str], *fragments: str) -> None:
    for fragment in fragments:
        assert sum(fragment in line for line in lines) == 1, (fragment, lines)
    repeated = sorted({line for line in lines if lines.count(line) > 1})
    assert not repeated, f"said more than once: {repeated}"


def test_tray_only_without_tray_or_bus_opens_the_window_and_says_so_once(bare_machine, tmp_path):
    out = upright(bare_machine, "--data-dir", str(tmp_path / "data"), "--tray", "--exit-after-paint")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    lines = said(out)
    # The idle source says which it asks, then (when its first answer comes in time) that none answered.
    assert_said_once(
        lines,
        NO_TRAY,
        NO_BUS,
        "sleep/resume: logind not available",
        "do-not-disturb: not available",
        "idle time: asking the session bus",
    )


def test_main_window_without_tray_or_bus_paints_and_says_so_once(bare_machine, tmp_path):
    out = upright(bare_machine, "--data-dir", str(tmp_path / "data"), "--exit-after-paint")
    assert out.returncode == 0, out.stderr
    assert "first paint after" in out.stdout and "Traceback" not in out.stderr
    assert_said_once(said(out), NO_TRAY, NO_BUS, "sleep/resume: logind not available")


def test_a_session_without_sound_or_speech_runs_silently_and_says_so_once(bare_machine, tmp_path):
    out = upright(
        bare_machine, "--data-dir", str(tmp_path / "data"), "run", "tweaked-back", "--auto", "--speed", "100"
    )
    assert out.returncode == 0, out.stderr
    assert "session completed" in out.stdout and "Traceback" not in out.stderr
    assert_said_once(said(out), NO_SOUND)  # no sound output silences the voice too: one line for both
