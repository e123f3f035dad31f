"""A small corner prompt offering a break: never takes focus, never blocks.

Shown without activation and unable to accept focus, so typing in another
window carries on undisturbed; the person answers with the mouse or from
the tray menu.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.core.breaks import Answer
from desktop.ui.plain import PlainLabel
from desktop.ui.theme import SPACE


class BreakPrompt(QWidget):
    answered = Signal(Answer)

    def __init__(self, parent=None):
        super().__init__(
            parent,
            Qt.WindowType.Tool
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
            | Qt.WindowType.FramelessWindowHint,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setObjectName("Panel")
        self.setAccessibleName("Break reminder")
        self.title = PlainLabel("Time to stand and extend", objectName="RoutineName")
        self.text = PlainLabel(wordWrap=True, objectName="Muted")
        row = QHBoxLayout()
        self.buttons: dict[Answer, QPushButton] = {}
        for key, label, name in (
            (Answer.SKIP, "Skip", "Skip this break"),
            (Answer.SNOOZE, "Snooze", "Ask again later"),
            (Answer.TAKE, "Start", "Start the stand and extend break"),
        ):
            button = QPushButton(label)
            button.setAccessibleName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if key is Answer.TAKE:
                button.setProperty("primary", True)
            button.clicked.connect(lambda _=False, k=key: self._answer(k))
            row.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[3], SPACE[3], SPACE[3], SPACE[3])
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.setFixedWidth(360)

    def offer(self, minutes_sat: int, gentle: bool, can_skip: bool = True) -> None:
        """Show in the screen's corner; Skip is left out once the day's skips are used."""
        self.buttons[Answer.SKIP].setVisible(can_skip)
        self.text.setText(
            f"You have been sitting for {minutes_sat} minutes. A few slow back bends take under a minute."
            if gentle
            else f"Still sitting after {minutes_sat} minutes: a short break helps your back."
        )
        self.adjustSize()
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.move(screen.right() - self.width() - SPACE[4], screen.bottom() - self.height() - SPACE[4])
        self.show()

    def _answer(self, key: Answer) -> None:
        self.hide()
        self.answered.emit(key)
