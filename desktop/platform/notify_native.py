"""Break reminders as Windows toasts and macOS Notification Center banners, with buttons.

Qt's tray balloon has no buttons, so on Windows and macOS the reminder goes
through desktop-notifier, a maintained library that speaks each system's own
notification API (WinRT toasts, UNUserNotificationCenter) and, on Linux,
org.freedesktop.Notifications: the tests drive this adapter there, against a
real notification server, the same way the other platforms' backends are
driven by that library's own tests. Each answer comes back from the button
the person pressed; a click on the body takes the first answer offered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from desktop.core.breaks import Answer
from desktop.platform._support import LOG
from desktop.platform.notify import APP_NAME, LABELS

if TYPE_CHECKING:
    from desktop_notifier import DesktopNotifier


class NativeNotifier:
    """The system's own notifications through desktop-notifier; a new reminder replaces the last."""

    name = "the system's notifications (desktop-notifier)"

    def __init__(self, notifier: DesktopNotifier, on_answer: Callable[[Answer], None]) -> None:
        self._notifier, self._on_answer = notifier, on_answer
        self._shown: str | None = None  # the unanswered notification's identifier

    @classmethod
    async def start(cls, on_answer: Callable[[Answer], None]) -> NativeNotifier | None:
        """The adapter, or None where the library is missing or the person has refused notifications."""
        try:
            from desktop_notifier import DesktopNotifier
        except ImportError:
            LOG.info("desktop-notifier is not installed: reminders use the corner prompt")
            return None
        notifier = DesktopNotifier(app_name=APP_NAME)
        try:
            allowed = await notifier.request_authorisation()  # macOS asks the person once
        except Exception as error:  # a backend that cannot start here (no service, no bus)
            LOG.info("the system's notifications cannot be reached: %r", error)
            return None
        return cls(notifier, on_answer) if allowed else None

    async def show(self, title: str, body: str, answers: Sequence[Answer]) -> None:
        from desktop_notifier import Button, Notification

        await self.withdraw()  # the unanswered one goes: reminders replace, never stack
        buttons = tuple(
            Button(title=LABELS[answer], identifier=answer.value, on_pressed=partial(self._answered, answer))
            for answer in answers
        )
        notification = Notification(
            title,
            body,
            buttons=buttons,
            on_clicked=partial(self._answered, answers[0]) if answers else None,
            on_dismissed=self._dismissed,
        )
        self._shown = await self._notifier.send_notification(notification)

    async def withdraw(self) -> None:
        shown, self._shown = self._shown, None
        if shown is not None:
            await self._notifier.clear(shown)

    def _answered(self, answer: Answer) -> None:
        self._shown = None  # the system has taken it down with the answer
        self._on_answer(answer)

    def _dismissed(self) -> None:
        self._shown = None  # closed without an answer: the next reminder is a new one

    def close(self) -> None:
        """Nothing to release: the library's connection ends with the process."""
