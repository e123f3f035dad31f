"""The tray icon and its menu: shows sitting time, emits what the person chose."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.core.intents import TrayAction, TrayIntent
from desktop.ui.tray_art import TrayState, tray_icon

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
    (TrayIntent(TrayAction.SETTINGS), "Settings\u2026"),
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
        self.icon = QSystemTrayIcon(tray_icon("normal", 0.0), self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self._shown: tuple | None = None

    def _activated(self, reason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.intent.emit(TrayIntent(TrayAction.OPEN))

    def show_state(self, state: TrayState, minutes_sat: int, progress: float, detail: str) -> None:
        """Update icon and tooltip; skipped when nothing visible changed (no wasted void calls)."""
        shown = (state, minutes_sat, round(progress, 2), detail)
        if shown == self._shown:
            return
        self._shown = shown
        self.icon.setIcon(tray_icon(state, progress))
        sat = "Just had a break" if minutes_sat == 0 else f"Sitting for {minutes_sat} min"
        self.icon.setToolTip(f"Upright \u2014 {sat}\n{detail}" if detail else f"Upright \u2014 {sat}")
        self.actions[TrayIntent(TrayAction.RESUME)].setEnabled(state == "paused")
        for action in (TrayAction.PAUSE_HOUR, TrayAction.PAUSE_TOMORROW):
            self.actions[TrayIntent(action)].setEnabled(state != "paused")

    def show(self) -> None:
        self.icon.show()

    def close(self) -> None:
        """Take the icon down and let go of its menu: the icon must never point at a deleted menu.

        Python owns both (no deleteLater here: a Qt-side delete of a Python-owned
        object would be freed twice).
        """
        self.icon.hide()
        self.icon.setContextMenu(None)  # type: ignore[arg-type]  # Qt takes None: no menu
