"""The tray icon and its menu: shows sitting time, emits what the person chose."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.core.break_status import BreakStatus, TrayState
from desktop.core.intents import TrayAction, TrayIntent
from desktop.ui.tray_art import tray_icon

# (intent, label); None is a separator
ITEMS: tuple[tuple[TrayIntent, str] | None, ...] = (
    (TrayIntent(TrayAction.TAKE), "Take a break now"),
    None,
    (TrayIntent(TrayAction.SNOOZE, 10), "Snooze 10 min"),
    (TrayIntent(TrayAction.SNOOZE, 30), "Snooze 30 min"),
    None,
    (TrayIntent(TrayAction.PAUSE_HOUR), "Pause for 1 hour"),
    (TrayIntent(TrayAction.PAUSE_TOMORROW), "Pause until tomorrow"),
    (TrayIntent(TrayAction.RESUME), "Resume reminders"),
    None,
    (TrayIntent(TrayAction.OPEN), "Open Upright"),
    (TrayIntent(TrayAction.PREFERENCES), "Preferences\u2026"),
    (TrayIntent(TrayAction.QUIT), "Quit Upright"),
)


class TrayMenu(QObject):
    intent = Signal(TrayIntent)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.menu = QMenu()
        self.actions: dict[TrayIntent, QAction] = {}
        for item in ITEMS:
            if item is None:
                self.menu.addSeparator()
                continue
            key, text = item
            action = self.menu.addAction(text)
            action.triggered.connect(lambda _=False, k=key: self.intent.emit(k))
            self.actions[key] = action
        self.icon = QSystemTrayIcon(tray_icon(TrayState.NORMAL, 0.0), self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self._shown: tuple | None = None

    def _activated(self, reason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.intent.emit(TrayIntent(TrayAction.OPEN))

    def show_state(self, status: BreakStatus) -> None:
        """Update icon and tooltip; skipped when nothing visible changed (no wasted void calls)."""
        shown = (status.state, round(status.progress, 2), status.sitting, status.detail)
        if shown == self._shown:
            return
        self._shown = shown
        self.icon.setIcon(tray_icon(status.state, status.progress))
        self.icon.setToolTip(
            "Upright \u2014 " + "\n".join(line for line in (status.sitting, status.detail) if line)
        )
        paused = status.state is TrayState.PAUSED and status.paused_until is not None
        self.actions[TrayIntent(TrayAction.RESUME)].setEnabled(paused)
        for action in (TrayAction.PAUSE_HOUR, TrayAction.PAUSE_TOMORROW):
            self.actions[TrayIntent(action)].setEnabled(not paused)
        for (
            intent,
            entry,
        ) in self.actions.items():  # as ``upright snooze``: only a reminder showing is put off
            if intent.action is TrayAction.SNOOZE:
                entry.setEnabled(status.state is TrayState.DUE)

    def show(self) -> None:
        self.icon.show()

    def close(self) -> None:
        """Take the icon down and let go of its menu: the icon must never point at a deleted menu.

        Python owns both (no deleteLater here: a Qt-side delete of a Python-owned
        object would be freed twice).
        """
        self.icon.hide()
        self.icon.setContextMenu(None)  # type: ignore[arg-type]  # Qt takes None: no menu
