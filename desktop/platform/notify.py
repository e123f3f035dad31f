"""Break reminders as desktop notifications that the person answers from the notification.

Adapters, chosen at run time and named once in the log:
``PortalNotifier`` inside a Flatpak (the sandbox's only way out),
``DBusNotifier`` (org.freedesktop.Notifications, with action buttons where
the server has them) elsewhere on Linux, ``NativeNotifier`` (in
notify_native.py) on Windows and macOS, and None where none answers, so the
tray falls back to the corner prompt. An unanswered reminder replaces the
previous one instead of stacking.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from desktop.core.breaks import Answer
from desktop.platform._support import LOG, add_match, call, connect, log_once

if TYPE_CHECKING:
    from dbus_fast import Message
    from dbus_fast.aio import MessageBus

APP_NAME = "Upright"
APP_ID = "io.github.upright.Upright"
LABELS = {Answer.TAKE: "Take a break", Answer.SNOOZE: "Snooze", Answer.SKIP: "Skip"}

FDO = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications", "org.freedesktop.Notifications")
PORTAL = (
    "org.freedesktop.portal.Desktop",
    "/org/freedesktop/portal/desktop",
    "org.freedesktop.portal.Notification",
)
PORTAL_ID = "break-reminder"  # one id: a new reminder replaces the unanswered one
URGENCY_NORMAL = 1


class Notifier(Protocol):
    name: str

    async def show(self, title: str, body: str, answers: Sequence[Answer]) -> None: ...

    async def withdraw(self) -> None: ...

    def close(self) -> None: ...


class DBusNotifier:
    """org.freedesktop.Notifications: Notify with replaces_id, answers from ActionInvoked."""

    name = "freedesktop notifications"

    def __init__(self, bus: MessageBus, on_answer: Callable[[Answer], None]) -> None:
        self._bus, self._on_answer = bus, on_answer
        self._id = 0  # the unanswered notification on screen, 0 for none
        bus.add_message_handler(self._signal)

    @classmethod
    async def start(cls, bus: MessageBus, on_answer: Callable[[Answer], None]) -> DBusNotifier | None:
        caps = await call(bus, *FDO, "GetCapabilities")
        if caps is None or "actions" not in caps[0]:
            return None  # no server, or one that cannot show buttons: the prompt does better
        rule = f"type='signal',interface='{FDO[2]}',path='{FDO[1]}'"
        return cls(bus, on_answer) if await add_match(bus, rule) else None

    async def show(self, title: str, body: str, answers: Sequence[Answer]) -> None:
        actions: list[str] = []
        for answer in answers:
            actions += [answer.value, LABELS[answer]]
        if answers:
            actions += ["default", LABELS[answers[0]]]  # a click on the body takes the first choice
        from dbus_fast import Variant

        hints = {
            "urgency": Variant("y", URGENCY_NORMAL),
            "desktop-entry": Variant("s", APP_ID),
            "category": Variant("s", "presence"),
        }
        reply = await call(
            self._bus,
            *FDO,
            "Notify",
            "susssasa{sv}i",
            [APP_NAME, self._id, "", title, body, actions, hints, 0],  # 0: stays until answered
        )
        self._id = reply[0] if reply else 0

    async def withdraw(self) -> None:
        shown, self._id = self._id, 0
        if shown:
            await call(self._bus, *FDO, "CloseNotification", "u", [shown])

    def _signal(self, message: Message) -> None:
        if message.interface != FDO[2] or not message.body or message.body[0] != self._id or not self._id:
            return
        if message.member == "ActionInvoked":  # the tray then withdraws it: not every server closes it
            key = message.body[1]
            answer = Answer.TAKE if key == "default" else _answer(key)
            if answer is not None:
                self._on_answer(answer)
        elif message.member == "NotificationClosed":
            self._id = 0  # dismissed or expired: the next reminder is a new one

    def close(self) -> None:
        self._bus.disconnect()


class PortalNotifier:
    """The XDG desktop portal's Notification interface (inside a Flatpak): buttons answer."""

    name = "desktop portal notifications"

    def __init__(self, bus: MessageBus, on_answer: Callable[[Answer], None]) -> None:
        self._bus, self._on_answer = bus, on_answer
        bus.add_message_handler(self._signal)

    @classmethod
    async def start(cls, bus: MessageBus, on_answer: Callable[[Answer], None]) -> PortalNotifier | None:
        rule = f"type='signal',interface='{PORTAL[2]}',member='ActionInvoked'"
        return cls(bus, on_answer) if await add_match(bus, rule) else None

    async def show(self, title: str, body: str, answers: Sequence[Answer]) -> None:
        from dbus_fast import Variant

        buttons = [{"label": Variant("s", LABELS[a]), "action": Variant("s", a.value)} for a in answers]
        notification = {
            "title": Variant("s", title),
            "body": Variant("s", body),
            "priority": Variant("s", "normal"),
            "buttons": Variant("aa{sv}", buttons),
        }
        await call(self._bus, *PORTAL, "AddNotification", "sa{sv}", [PORTAL_ID, notification])

    async def withdraw(self) -> None:
        await call(self._bus, *PORTAL, "RemoveNotification", "s", [PORTAL_ID])

    def _signal(self, message: Message) -> None:
        if (
            message.interface == PORTAL[2]
            and message.member == "ActionInvoked"
            and message.body[0] == PORTAL_ID
        ):
            answer = _answer(message.body[1])
            if answer is not None:
                self._on_answer(answer)

    def close(self) -> None:
        self._bus.disconnect()


def _answer(key: str) -> Answer | None:
    try:
        return Answer(key)
    except ValueError:
        LOG.debug("notification action %r is not an answer", key)
        return None


async def start_notifier(
    on_answer: Callable[[Answer], None],
    *,
    bus_address: str | None = None,
    flatpak_info: Path = Path("/.flatpak-info"),
    platform: str = sys.platform,
) -> Notifier | None:
    """The notifier that works here, or None (then the tray's corner prompt reminds)."""
    if platform in ("win32", "darwin"):
        from desktop.platform.notify_native import NativeNotifier

        notifier: Notifier | None = await NativeNotifier.start(on_answer)
    else:
        notifier = await _freedesktop_notifier(on_answer, bus_address, flatpak_info)
    log_once("notifications", notifier.name if notifier else "none with buttons (the corner prompt answers)")
    return notifier


async def _freedesktop_notifier(
    on_answer: Callable[[Answer], None], bus_address: str | None, flatpak_info: Path
) -> Notifier | None:
    """The portal inside a Flatpak, the notification server elsewhere; None without a bus or buttons."""
    bus = await connect(system=False, address=bus_address)
    if bus is None:
        return None
    kind = PortalNotifier if flatpak_info.exists() else DBusNotifier
    notifier: Notifier | None
    try:
        notifier = await asyncio.wait_for(kind.start(bus, on_answer), 5)
    except TimeoutError:
        notifier = None
    if notifier is None:
        bus.disconnect()
    return notifier
