"""The tray icon and its menu: shows sitting time, emits what the person chose."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Signal
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


RING_STEPS = 8  # the sitting ring moves in eighths: finer steps do not show at 16-22 px


class TrayMenu(QObject):
    """``looked_at``: the person is about to read the tooltip or the menu, so bring them up to date.

    The tooltip's question arrives as a ToolTip event sent to the QSystemTrayIcon
    before Qt shows its text (xembed trays); hosts that read the tooltip over
    D-Bus see the text of the last update.
    """

    intent = Signal(TrayIntent)
    looked_at = Signal()

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
        self.icon.installEventFilter(self)
        self.menu.aboutToShow.connect(self.looked_at.emit)
        self._shown: tuple | None = None
        self._tip = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.icon and event.type() == QEvent.Type.ToolTip:
            self.looked_at.emit()
        return False

    def _activated(self, reason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.intent.emit(TrayIntent(TrayAction.OPEN))

    def show_state(self, status: BreakStatus) -> None:
        """Update icon and tooltip, each only when what it shows changed (a new icon is drawn,
        sent to the tray host and repainted; the ring moves in ``RING_STEPS`` steps)."""
        shown = (status.state, math.floor(min(1.0, status.progress) * RING_STEPS) / RING_STEPS)
        if shown != self._shown:
            self._shown = shown
            self.icon.setIcon(tray_icon(*shown))
        tip = "Upright \u2014 " + "\n".join(line for line in (status.sitting, status.detail) if line)
        if tip != self._tip:
            self._tip = tip
            self.icon.setToolTip(tip)
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
