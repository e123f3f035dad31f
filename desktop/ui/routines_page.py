"""The routines list: each routine's exercises, estimated time and a Start button."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.theme import SPACE


@dataclass(frozen=True)
class RoutineRow:
    """What the page shows of a routine; prepared by the controller."""

    id: str
    name: str
    description: str
    exercises: tuple[str, ...]
    estimate: str


class RoutineCard(QFrame):
    start_clicked = Signal(str)

    def __init__(self, row: RoutineRow, parent=None):
        super().__init__(parent)
        self.setObjectName("RoutineCard")
        name = QLabel(row.name, objectName="RoutineName")
        estimate = QLabel(row.estimate, objectName="Muted")
        description = QLabel(row.description, wordWrap=True)
        contents = QLabel(" \u00b7 ".join(row.exercises), wordWrap=True, objectName="Muted")
        self.start = QPushButton("Start")
        self.start.setProperty("primary", True)
        self.start.setAccessibleName(f"Start {row.name}")
        self.start.clicked.connect(lambda: self.start_clicked.emit(row.id))
        header = QHBoxLayout()
        header.addWidget(name, 1)
        header.addWidget(estimate)
        text = QVBoxLayout()
        text.setSpacing(SPACE[1])
        text.addLayout(header)
        text.addWidget(description)
        text.addWidget(contents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACE[3], SPACE[3], SPACE[3], SPACE[3])
        layout.setSpacing(SPACE[3])
        layout.addLayout(text, 1)
        layout.addWidget(self.start)


class RoutinesPage(QWidget):
    start_requested = Signal(str)  # routine id

    def __init__(self, rows: list[RoutineRow], parent=None):
        super().__init__(parent)
        self.setObjectName("Page")
        title = QLabel("Routines", objectName="PageTitle")
        intro = QLabel(
            "Pick a routine and press Start. Times include getting ready and rests.",
            objectName="Muted",
        )
        column = QWidget(objectName="Page")
        cards = QVBoxLayout(column)
        cards.setSpacing(SPACE[2])
        self.cards: list[RoutineCard] = []
        for row in rows:
            card = RoutineCard(row)
            card.start_clicked.connect(self.start_requested)
            cards.addWidget(card)
            self.cards.append(card)
        cards.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
        layout.setSpacing(SPACE[2])
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
