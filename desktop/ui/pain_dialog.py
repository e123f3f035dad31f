"""An optional 0-10 pain rating, answerable entirely from the keyboard.

Digits pick a number (``1`` then ``0`` within a second gives 10), arrows
nudge it, Enter saves, Esc or S skips. Skipping is always fine.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from desktop.core.history import PainMoment
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.plain import PlainLabel
from desktop.ui.screen_fit import available
from desktop.ui.theme import SPACE

TEN_WINDOW_S = 1.0


class PainDialog(QDialog):
    def __init__(self, moment: PainMoment, parent=None):
        super().__init__(parent)
        before = moment is PainMoment.BEFORE
        self.setWindowTitle("Pain before the session" if before else "Pain after the session")
        self.value: int | None = None
        self._last_one = -10.0
        question = PlainLabel(
            "How is your back right now?" if before else "How is your back now?",
            objectName="PageTitle",
        )
        hint = PlainLabel(
            "0 is no pain, 10 the worst you can imagine. Type a number or use the arrows; "
            "Enter saves, Esc skips.",
            wordWrap=True,
            objectName="Muted",
        )
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        # One row of eleven where there is room; where there is not (200 % on 1280x720, or beside
        # the summary on a small session window) the numbers run on over two or three lines.
        row = FlowLayout(spacing=SPACE[1], balanced=True)
        for n in range(11):
            button = QPushButton(str(n))
            button.setCheckable(True)
            button.setAccessibleName(f"Pain {n} of 10")
            # Wide enough for "10" with the stylesheet's padding at any font size; never squeezed.
            button.setMinimumSize(
                max(44, button.fontMetrics().horizontalAdvance("10") + 2 * SPACE[3] + 8), 44
            )
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            button.setAutoDefault(False)  # Enter saves; it never re-presses a number
            button.installEventFilter(self)  # digits and arrows mean the same on every button
            self.group.addButton(button, n)
            row.addWidget(button)
        self.group.idClicked.connect(self._pick)
        save = QPushButton("Save")
        save.setProperty("primary", True)
        save.setAccessibleName("Save pain rating")
        save.clicked.connect(self._save)
        save.setDefault(True)
        skip = QPushButton("Skip")
        skip.setAccessibleName("Skip pain rating")
        skip.clicked.connect(self.reject)
        skip.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(skip)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
        layout.setSpacing(SPACE[3])
        layout.addWidget(question)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addLayout(buttons)
        self.save_button = save
        # A window of its own opens wide enough for one row of numbers if the screen allows.
        self.ensurePolished()
        width = min(self.sizeHint().width(), available(self).width())
        self.resize(width, layout.totalHeightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A window's minimum height does not follow its numbers running onto another line by
        itself: at each width, never shorter than its lines need."""
        super().resizeEvent(event)
        layout = self.layout()
        if self.isWindow() and layout is not None:
            need = layout.totalHeightForWidth(event.size().width())
            if need != self.minimumHeight():
                self.setMinimumHeight(need)

    def _pick(self, n: int) -> None:
        self.value = n
        self.group.button(n).setChecked(True)
        self.group.button(n).setFocus()

    def _save(self) -> None:
        self.accept() if self.value is not None else self.reject()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() != Qt.Key.Key_Tab:
            self.keyPressEvent(event)
            return True
        return False

    def keyPressEvent(self, event) -> None:
        key, text = event.key(), event.text()
        if text.isdigit():
            n = int(text)
            if n == 0 and time.monotonic() - self._last_one <= TEN_WINDOW_S and self.value == 1:
                n = 10
            self._last_one = time.monotonic() if n == 1 else -10.0
            self._pick(n)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down) and self.value is not None:
            self._pick(max(0, self.value - 1))
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self._pick(min(10, (self.value if self.value is not None else -1) + 1))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._save()
        elif key == Qt.Key.Key_S:
            self.reject()
        else:
            super().keyPressEvent(event)
