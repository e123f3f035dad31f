"""Whether now is a bad moment to pop up a break reminder.

Do-not-disturb, a full-screen window (a film, a slide show, a game) and a
call in progress each mean "later". Every check answers True, False, or None
for "cannot tell here", and the app treats None like False.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.platform._support import BackgroundQuery, call, log_once

if TYPE_CHECKING:
    from dbus_fast.aio import MessageBus

Run = Callable[..., subprocess.CompletedProcess]


def _run_text(run: Run, argv: list[str], env: Mapping[str, str] | None = None) -> str | None:
    """A helper program's stdout, or None when it is missing, fails or hangs."""
    try:
        done = run(argv, capture_output=True, text=True, timeout=3, env=env)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


class NotificationsInhibited(BackgroundQuery):
    """The notification server's Inhibited property (notifications spec 1.3; KDE has it, GNOME not)."""

    async def query(self, bus: MessageBus | None) -> bool | None:
        reply = await call(
            bus,
            "org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.freedesktop.DBus.Properties",
            "Get",
            "ss",
            ["org.freedesktop.Notifications", "Inhibited"],
        )
        inhibited = getattr(reply[0], "value", None) if reply else None
        return inhibited if isinstance(inhibited, bool) else None


_NOTIFICATIONS = NotificationsInhibited()  # connects on the first poll, lives as long as the app


def dnd_active(
    *,
    env: Mapping[str, str] = os.environ,
    run: Run = subprocess.run,
    inhibited: BackgroundQuery = _NOTIFICATIONS,
) -> bool | None:
    """Do-not-disturb, from the notification server's Inhibited property or GNOME's setting.

    The D-Bus answer is fetched in the background (see BackgroundQuery), so
    the first call cannot know it. GNOME's show-banners setting is only read
    on a GNOME desktop: gsettings elsewhere answers with a default nobody chose.
    """
    answer = inhibited.poll()
    if answer is not None:
        log_once("do-not-disturb", "notification server's Inhibited property")
        return answer
    if "GNOME" in env.get("XDG_CURRENT_DESKTOP", "").upper().split(":"):
        banners = _run_text(run, ["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"])
        if banners and banners.strip() in ("true", "false"):
            log_once("do-not-disturb", "GNOME show-banners setting")
            return banners.strip() == "false"
    log_once("do-not-disturb", "not available")
    return None


_WINDOW_ID = re.compile(r"(?:#|=)\s*(0x[0-9a-fA-F]+|\d+)")


def fullscreen_active(*, env: Mapping[str, str] = os.environ, run: Run = subprocess.run) -> bool | None:
    """Whether the focused window is full-screen, per the window manager's EWMH hints, via xprop.

    On Wayland the X server sees only X programs' windows, so it cannot tell.
    """
    if not env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        log_once("full-screen", "not available (no X11 session)")
        return None
    active = _run_text(run, ["xprop", "-root", "_NET_ACTIVE_WINDOW"], env)
    found = _WINDOW_ID.search(active or "")
    if found is None:  # no xprop, or a window manager without EWMH
        log_once("full-screen", "not available (no xprop or no _NET_ACTIVE_WINDOW)")
        return None
    log_once("full-screen", "X11 _NET_WM_STATE via xprop")
    window = int(found.group(1), 0)
    if window == 0:  # nothing has the focus: the desktop itself
        return False
    state = _run_text(run, ["xprop", "-id", hex(window), "_NET_WM_STATE"], env)
    return None if state is None else "_NET_WM_STATE_FULLSCREEN" in state


def _capture_running(proc: Path) -> bool:
    """An ALSA capture stream is running: a microphone in use (PipeWire and Pulse release idle ones)."""
    for status in proc.glob("asound/card*/pcm*c/sub*/status"):
        try:
            if "state: RUNNING" in status.read_text():
                return True
        except OSError:
            continue
    return False


def _camera_open(proc: Path, dev: Path) -> bool:
    """Some process (of ours to see: a call app runs as the same user) holds /dev/video* open."""
    cameras = {str(path) for path in dev.glob("video*")}
    if not cameras:
        return False
    for pid in proc.iterdir():
        if not pid.name.isdigit():
            continue
        try:
            for fd in (pid / "fd").iterdir():
                if os.readlink(fd) in cameras:
                    return True
        except OSError:  # the process ended, or is another user's
            continue
    return False


def in_call(
    *, platform: str = sys.platform, proc: Path = Path("/proc"), dev: Path = Path("/dev")
) -> bool | None:
    """A microphone or camera in use, which on a desk nearly always means a call.

    Linux only. Without /proc/asound (no ALSA, a container) the microphone
    cannot be seen, so a camera that is off proves nothing and the answer is None.
    """
    if platform != "linux" or not proc.is_dir():
        log_once("in a call", "not available")
        return None
    if _camera_open(proc, dev):
        return True
    if not (proc / "asound").is_dir():
        log_once("in a call", "not available (no /proc/asound to see microphones by)")
        return None
    log_once("in a call", "ALSA capture and /dev/video")
    return _capture_running(proc)
