"""Stand-ins for the desktop services the adapters ask, served on a private bus by dbus-fast.

No ``from __future__ import annotations`` here: dbus-fast reads the D-Bus
signatures from the annotations, which must stay plain strings like "t".
"""

from dbus_fast.aio import MessageBus
from dbus_fast.constants import PropertyAccess
from dbus_fast.service import ServiceInterface, dbus_method, dbus_property, dbus_signal

SESSION_PATH = "/org/freedesktop/login1/session/_31"


class MutterIdleMonitor(ServiceInterface):
    def __init__(self, idle_ms: int) -> None:
        super().__init__("org.gnome.Mutter.IdleMonitor")
        self.idle_ms = idle_ms

    @dbus_method()
    def GetIdletime(self) -> "t":  # noqa: F821
        return self.idle_ms


class ScreenSaver(ServiceInterface):
    def __init__(self, idle_ms: int) -> None:
        super().__init__("org.freedesktop.ScreenSaver")
        self.idle_ms = idle_ms

    @dbus_method()
    def GetSessionIdleTime(self) -> "u":  # noqa: F821
        return self.idle_ms


class Notifications(ServiceInterface):
    def __init__(self, inhibited: bool) -> None:
        super().__init__("org.freedesktop.Notifications")
        self.inhibited = inhibited

    @dbus_property(access=PropertyAccess.READ)
    def Inhibited(self) -> "b":  # noqa: F821
        return self.inhibited


class LoginManager(ServiceInterface):
    def __init__(self) -> None:
        super().__init__("org.freedesktop.login1.Manager")

    @dbus_method()
    def GetSession(self, session_id: "s") -> "o":  # noqa: F821
        assert session_id == "auto"
        return SESSION_PATH

    @dbus_signal()
    def PrepareForSleep(self, start: bool) -> "b":  # noqa: F821
        return start


class LoginSession(ServiceInterface):
    def __init__(self) -> None:
        super().__init__("org.freedesktop.login1.Session")

    @dbus_signal()
    def Lock(self) -> None:
        pass

    @dbus_signal()
    def Unlock(self) -> None:
        pass


async def serve(address: str, name: str, objects: dict[str, ServiceInterface]) -> MessageBus:
    """Own ``name`` on the bus at ``address`` and export each interface at its path."""
    bus = await MessageBus(bus_address=address).connect()
    for path, interface in objects.items():
        bus.export(path, interface)
    await bus.request_name(name)
    return bus


class NotificationPortal(ServiceInterface):
    """org.freedesktop.portal.Notification: keeps what was added, and can press one of its buttons."""

    def __init__(self) -> None:
        super().__init__("org.freedesktop.portal.Notification")
        self.shown = {}

    @dbus_method()
    def AddNotification(self, id: "s", notification: "a{sv}") -> None:  # noqa: F821, F722
        self.shown[id] = notification

    @dbus_method()
    def RemoveNotification(self, id: "s") -> None:  # noqa: F821
        self.shown.pop(id, None)

    @dbus_signal()
    def ActionInvoked(self) -> "ssav":  # noqa: F821
        return self.pressed

    def press(self, id: str, action: str) -> None:
        self.pressed = [id, action, []]
        self.ActionInvoked()
