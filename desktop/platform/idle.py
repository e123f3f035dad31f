"""How long the person has not touched the keyboard or mouse, from whatever the OS offers.

The break reminder only needs "has someone been at the machine lately", so
each source answers in seconds, or None when it cannot tell right now, and
the app treats None as "assume present". pick_idle_source() chooses one.
Sources whose OS can say when idleness changes (X11, Wayland) also report
that by themselves (``listen``), so the tray need not poll them.
"""

from __future__ import annotations

import ctypes
import os
import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from desktop.platform._support import log_once

WATCH_S = 30.0  # a watching source reports "idle" after this long without input, and "back" after it


class IdleSource(Protocol):
    """What the break reminder reads; ``name`` says which OS facility answers."""

    name: str

    def idle_seconds(self) -> float | None: ...

    def listen(self, on_change: Callable[[], None]) -> float | None:
        """Call ``on_change`` when the person has been idle for the returned number of
        seconds and when they come back after that; None: this source cannot, poll it."""
        ...

    def close(self) -> None: ...


class Polled:
    """For sources that can only be asked: ``listen`` says so."""

    def listen(self, on_change: Callable[[], None]) -> float | None:
        return None


class IdleUnavailable(Exception):
    """A source cannot work on this machine; the message says why."""


class NoIdle(Polled):
    """The last resort: idle time is never known, so the app assumes someone is there."""

    name = "none"

    def idle_seconds(self) -> float | None:
        return None

    def close(self) -> None:
        pass


class _LastInputInfo(ctypes.Structure):
    _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32)]


class WindowsIdle(Polled):
    """GetLastInputInfo: the tick count of the last input in this session."""

    name = "windows"

    def __init__(self, user32: Any = None, kernel32: Any = None) -> None:
        self._user32 = user32 or ctypes.windll.user32  # type: ignore[attr-defined]
        self._kernel32 = kernel32 or ctypes.windll.kernel32  # type: ignore[attr-defined]

    def idle_seconds(self) -> float | None:
        info = _LastInputInfo(ctypes.sizeof(_LastInputInfo), 0)
        if not self._user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        # Both counts are 32-bit milliseconds that wrap after 49.7 days; the mask undoes the wrap.
        return ((self._kernel32.GetTickCount() - info.dwTime) & 0xFFFFFFFF) / 1000

    def close(self) -> None:
        pass


_HID_IDLE = re.compile(rb'"HIDIdleTime"\s*=\s*(\d+)')


class MacIdle(Polled):
    """IOHIDSystem's HIDIdleTime (nanoseconds), read from ioreg: no Objective-C bridge needed."""

    name = "macos"

    def __init__(self, run: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> None:
        self._run = run

    def idle_seconds(self) -> float | None:
        try:
            out = self._run(
                ["ioreg", "-r", "-d", "1", "-c", "IOHIDSystem"], capture_output=True, timeout=5
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        found = _HID_IDLE.search(out or b"")
        return int(found.group(1)) / 1e9 if found else None

    def close(self) -> None:
        pass


def pick_idle_source(
    *, platform: str = sys.platform, env: Mapping[str, str] = os.environ, bus_address: str | None = None
) -> IdleSource:
    """The first idle source that works here, logged once; NoIdle when none can.

    On a Wayland session the compositor is asked first (ext-idle-notify-v1, or
    org_kde_kwin_idle), and X11 is skipped even though $DISPLAY is set:
    XWayland only sees input aimed at X programs, so its idle time keeps
    growing while someone types into a Wayland one. GNOME's Mutter offers
    neither protocol; the D-Bus source then asks its IdleMonitor, finding it
    on the first poll, and logs it then.
    """
    source: IdleSource | None = None
    reasons = []
    if platform == "win32":
        source = WindowsIdle()
    elif platform == "darwin":
        source = MacIdle()
    else:
        wayland = bool(env.get("WAYLAND_DISPLAY")) or env.get("XDG_SESSION_TYPE") == "wayland"
        if env.get("WAYLAND_DISPLAY"):
            from desktop.platform.idle_wayland import WaylandIdle

            try:
                source = WaylandIdle(env["WAYLAND_DISPLAY"])
            except IdleUnavailable as error:
                reasons.append(str(error))
        if source is None and env.get("DISPLAY") and not wayland:
            from desktop.platform.idle_x11 import X11Idle

            try:
                source = X11Idle(env["DISPLAY"])
            except IdleUnavailable as error:
                reasons.append(str(error))
        if source is None:
            try:
                import dbus_fast  # noqa: F401  (pyproject installs it on Linux only)
            except ImportError:
                reasons.append("dbus-fast is not installed")
            else:
                from desktop.platform.idle_dbus import DBusIdle

                source = DBusIdle(bus_address)
    source = source or NoIdle()
    detail = f" ({'; '.join(reasons)})" if reasons else ""
    label = {"none": "not available", "d-bus": "asking the session bus"}.get(source.name, source.name)
    log_once("idle time", label + detail)
    return source
