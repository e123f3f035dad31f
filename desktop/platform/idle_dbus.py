"""Idle time over the session bus, for Wayland desktops where X11 cannot see input.

GNOME's Mutter answers org.gnome.Mutter.IdleMonitor; KDE (on X11) and a few
others answer org.freedesktop.ScreenSaver. Both count milliseconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.platform._support import BackgroundQuery, call, log_once
from desktop.platform.idle import Polled

if TYPE_CHECKING:
    from dbus_fast.aio import MessageBus

DBUS_SOURCES = {
    "mutter": (
        "org.gnome.Mutter.IdleMonitor",
        "/org/gnome/Mutter/IdleMonitor/Core",
        "org.gnome.Mutter.IdleMonitor",
        "GetIdletime",
    ),
    "freedesktop-screensaver": (
        "org.freedesktop.ScreenSaver",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "GetSessionIdleTime",
    ),
}


class DBusIdle(Polled, BackgroundQuery):
    """The first idle monitor on the session bus that answers, asked anew each poll.

    Polled: Mutter's IdleMonitor could watch (AddIdleWatch, AddUserActiveWatch)
    but org.freedesktop.ScreenSaver cannot; only the first is a candidate to watch.

    ``name`` is "d-bus" until the first answer, then the monitor's name, or
    "none" while none answers. It keeps asking, since an app started at login
    can be up before the desktop's monitor is; it then logs the change.
    """

    def __init__(self, bus_address: str | None = None) -> None:
        super().__init__(bus_address=bus_address)
        self.name = "d-bus"

    def idle_seconds(self) -> float | None:
        return self.poll()

    async def query(self, bus: MessageBus | None) -> float | None:
        for name, method in DBUS_SOURCES.items():
            reply = await call(bus, *method)
            if reply:
                self.name = name
                log_once("idle time", name)
                return reply[0] / 1000
        self.name = "none"
        log_once("idle time", "not available (no D-Bus idle monitor answered)")
        return None
