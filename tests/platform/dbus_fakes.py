"""Stand-ins for the desktop services the adapters ask, served on a private bus by dbus-fast.

No ``from __future__ import annotations`` here: dbus-fast reads the D-Bus
signatures from the annotations, which must stay plain strings like "t".
"""

import asyncio

from dbus_fast import Message
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


def _bus_daemon(member: str, signature: str = "", body: list | None = None) -> Message:
    return Message(
        destination="org.freedesktop.DBus",
        path="/org/freedesktop/DBus",
        interface="org.freedesktop.DBus",
        member=member,
        signature=signature,
        body=body or [],
    )


async def owner_change(address: str, name: str, *, owned: bool, then=None, timeout_s: float = 20) -> None:
    """Return once ``name`` has (``owned``) or has no owner on the bus, after calling ``then()``.

    The bus daemon sends NameOwnerChanged once it has given the name to its
    new owner or let it go, so from then on every caller finds the service
    there or missing: no time is guessed. Listening starts before ``then()``
    and before the daemon is asked who owns the name now, so no change is
    missed in between.
    """
    watcher = await MessageBus(bus_address=address).connect()
    changed = asyncio.Event()

    def on_message(message: Message) -> None:
        # NameOwnerChanged(name, old owner, new owner); the new owner is "" when the name was let go.
        if (
            message.member == "NameOwnerChanged"
            and message.body[0] == name
            and bool(message.body[2]) == owned
        ):
            changed.set()

    watcher.add_message_handler(on_message)
    rule = f"type='signal',sender='org.freedesktop.DBus',member='NameOwnerChanged',arg0='{name}'"
    try:
        await watcher.call(_bus_daemon("AddMatch", "s", [rule]))
        if then is not None:
            then()
        reply = await watcher.call(_bus_daemon("NameHasOwner", "s", [name]))
        if reply.body[0] != owned:
            await asyncio.wait_for(changed.wait(), timeout_s)
    finally:
        watcher.disconnect()


async def withdraw(address: str, service: MessageBus, name: str) -> None:
    """Disconnect ``service`` and return once the bus daemon has let ``name`` go."""
    await owner_change(address, name, owned=False, then=service.disconnect)


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
