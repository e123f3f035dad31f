"""What the OS adapters share: one logger, said-once messages and fail-soft D-Bus calls.

Every adapter is optional, so none of these helpers raises: a missing bus, a
missing service or a missing dbus-fast package all come back as None, and the
caller reports "not available" instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dbus_fast.aio import MessageBus

LOG = logging.getLogger("upright.platform")
DBUS_TIMEOUT = 2.0  # seconds; a wedged desktop service must not stall the reminders

_said: dict[str, str] = {}


def log_once(topic: str, message: str) -> None:
    """Log at INFO when ``topic`` first gets a message or its message changes.

    Adapters are asked every few seconds or minutes; the log should say which
    source answers (and when that changes), not repeat it on every poll.
    """
    if _said.get(topic) != message:
        _said[topic] = message
        LOG.info("%s: %s", topic, message)


async def connect(*, system: bool, address: str | None = None) -> MessageBus | None:
    """The session (or system) bus, or None when there is none to reach.

    ``address`` overrides the usual lookup; tests use it for a private bus.
    """
    try:
        from dbus_fast import BusType
        from dbus_fast.aio import MessageBus

        bus = MessageBus(bus_address=address, bus_type=BusType.SYSTEM if system else BusType.SESSION)
        return await asyncio.wait_for(bus.connect(), DBUS_TIMEOUT)
    except Exception as error:  # no package, no address, no socket, refused, timed out
        LOG.debug("no %s D-Bus: %r", "system" if system else "session", error)
        return None


async def call(
    bus: MessageBus | None,
    service: str,
    path: str,
    interface: str,
    member: str,
    signature: str = "",
    body: list[Any] | None = None,
) -> list[Any] | None:
    """The reply's values, or None when the call fails for any reason.

    NO_AUTOSTART keeps a query from launching a service (a notification daemon,
    say) that the desktop chose not to run.
    """
    if bus is None:
        return None
    try:
        from dbus_fast import Message, MessageFlag, MessageType

        message = Message(
            destination=service,
            path=path,
            interface=interface,
            member=member,
            signature=signature,
            body=body or [],
            flags=MessageFlag.NO_AUTOSTART,
        )
        reply = await asyncio.wait_for(bus.call(message), DBUS_TIMEOUT)
    except Exception as error:
        LOG.debug("D-Bus %s.%s failed: %r", interface, member, error)
        return None
    if reply is None or reply.message_type == MessageType.ERROR:
        LOG.debug("D-Bus %s.%s answered %s", interface, member, reply and reply.error_name)
        return None
    return list(reply.body)


async def add_match(bus: MessageBus, rule: str) -> bool:
    """Ask the bus daemon to route the signals matching ``rule`` to us."""
    return (
        await call(
            bus,
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "AddMatch",
            "s",
            [rule],
        )
        is not None
    )


class BackgroundQuery:
    """A session-bus answer for callers that cannot wait: poll() returns the last answer and asks again.

    The app polls from Qt timers, synchronously, while dbus-fast is asyncio.
    Asking on the running event loop (qasync's) and handing back the previous
    answer keeps a slow desktop service from stalling the window; the value
    lags one poll and is None until the first answer. Without a running loop
    nothing is asked. The bus is reconnected when it goes, at most once a poll.
    """

    def __init__(self, *, bus_address: str | None = None) -> None:
        self._address = bus_address
        self._bus: MessageBus | None = None
        self._task: asyncio.Task | None = None
        self._closed = False
        self._asking = asyncio.Lock()  # a poll's question and a refresh() must not both connect
        self.latest: Any = None

    async def query(self, bus: MessageBus | None) -> Any:
        """Ask the service; ``bus`` is None when there is no bus to ask. Subclasses say what to ask."""
        raise NotImplementedError

    async def refresh(self) -> Any:
        """Ask now and wait for the answer (for callers that are async themselves)."""
        async with self._asking:
            if not self._closed and (self._bus is None or not self._bus.connected):
                self._bus = await connect(system=False, address=self._address)
                if self._closed and self._bus is not None:  # close() came while connecting
                    self.close()
            self.latest = await self.query(self._bus)
            return self.latest

    def poll(self) -> Any:
        if not self._closed and (self._task is None or self._task.done()):
            with contextlib.suppress(RuntimeError):  # no event loop running: the last answer stands
                self._task = asyncio.get_running_loop().create_task(self.refresh())
        return self.latest

    def close(self) -> None:
        self._closed = True
        if self._bus is not None:
            self._bus.disconnect()
            self._bus = None
