"""The routines list: the person's own routines and the shipped templates, each with its actions.

The page only shows rows it is handed and emits what the person asked for
(``action_requested(action, routine_id)``); the controller does the rest.
A card never grows wider than the list: the name (up to 400 characters, as
the person typed it) wraps onto two lines and then gives way, and a narrow
card puts its buttons under the text rather than beside it, so Start is
always in sight.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.intents import RoutineAction
from desktop.ui.fit_text import ClampedLabel
from desktop.ui.plain import PlainLabel
from desktop.ui.theme import SPACE


@dataclass(frozen=True)
class RoutineRow:
    """What the page shows of a routine; prepared by the controller."""

    id: str
    name: str
    description: str
    exercises: tuple[str, ...]
    estimate: str
    own: bool = False


TEXT_MIN_WIDTH = 280  # px of a card's text beside its buttons; narrower, the buttons go below


class RoutineCard(QFrame):
    action_requested = Signal(RoutineAction, str)  # with the routine id

    def __init__(self, row: RoutineRow, parent=None):
        super().__init__(parent)
        self.setObjectName("RoutineCard")
        self.name = ClampedLabel(row.name, lines=2, objectName="RoutineName")
        self.name.setAccessibleName(row.name)
        kind = PlainLabel("Yours" if row.own else "Template", objectName="Muted")
        estimate = PlainLabel(row.estimate, objectName="Muted")
        self.description = ClampedLabel(row.description, lines=4)
        contents = ClampedLabel(" \u00b7 ".join(row.exercises), lines=4, objectName="Muted")
        self.start = self._button("Start", RoutineAction.START, row, primary=True)
        # A template is never edited in place: "Customise" makes the person's own copy.
        self.edit = self._button("Edit" if row.own else "Customise", RoutineAction.EDIT, row)
        # Every card's button column is as wide as the widest ("Customise"), so Start buttons line up.
        self.edit.setMinimumWidth(QPushButton("Customise").sizeHint().width())
        self.row_id = row.id
        self.more = QToolButton()
        self.more.setText("More")
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setAccessibleName(f"More actions for {row.name}")
        menu = QMenu(self.more)
        entries = [("Duplicate", RoutineAction.DUPLICATE), ("Export\u2026", RoutineAction.EXPORT)]
        if row.own:
            entries.append(("Delete", RoutineAction.DELETE))
        for text, action in entries:
            item = QAction(text, menu)
            item.triggered.connect(lambda _=False, a=action: self.action_requested.emit(a, row.id))
            menu.addAction(item)
        self.more.setMenu(menu)
        meta = QHBoxLayout()  # under the name, which gets the card's whole width
        meta.setSpacing(SPACE[2])
        meta.addWidget(kind)
        meta.addWidget(estimate)
        meta.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(SPACE[1])
        column.addWidget(self.name)
        column.addLayout(meta)
        column.addWidget(self.description)
        column.addWidget(contents)
        self._buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._buttons.setSpacing(SPACE[1])
        self._buttons.addWidget(self.start)
        row_two = QHBoxLayout()
        row_two.setSpacing(SPACE[1])
        row_two.addWidget(self.edit)
        row_two.addWidget(self.more)
        self._buttons.addLayout(row_two)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(SPACE[3], SPACE[3], SPACE[3], SPACE[3])
        self._layout.setSpacing(SPACE[3])
        self._layout.addLayout(column, 1)
        self._layout.addLayout(self._buttons)

    def narrow(self) -> bool:
        """Whether the buttons sit under the text (a card too narrow for both side by side)."""
        return self._layout.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.ensurePolished()
        buttons = self.start.sizeHint().width()
        buttons = max(buttons, self.edit.sizeHint().width() + SPACE[1] + self.more.sizeHint().width())
        margins = self._layout.contentsMargins()
        wide = margins.left() + TEXT_MIN_WIDTH + SPACE[3] + buttons + margins.right()
        narrow = event.size().width() < wide
        if narrow != self.narrow():
            self._layout.setDirection(
                QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
            )
            self._buttons.setDirection(
                QBoxLayout.Direction.LeftToRight if narrow else QBoxLayout.Direction.TopToBottom
            )
        super().resizeEvent(event)

    def _button(
        self, text: str, action: RoutineAction, row: RoutineRow, primary: bool = False
    ) -> QPushButton:
        button = QPushButton(text)
        if primary:
            button.setProperty("primary", True)
        button.setAccessibleName(f"{text} {row.name}")
        button.clicked.connect(lambda: self.action_requested.emit(action, row.id))
        return button


class RoutinesPage(QWidget):
    action_requested = Signal(RoutineAction, str)  # with the routine id
    new_requested = Signal()
    import_requested = Signal()

    def __init__(self, rows: list[RoutineRow], parent=None):
        super().__init__(parent)
        self.setObjectName("Page")
        title = PlainLabel("Routines", objectName="PageTitle")
        intro = PlainLabel(
            "Pick a routine and press Start. Times include getting ready and rests. "
            "Templates stay as shipped: Customise makes your own copy.",
            objectName="Muted",
            wordWrap=True,
        )
        self.new_button = QPushButton("New routine")
        self.new_button.setAccessibleName("Make a new routine")
        self.new_button.clicked.connect(self.new_requested)
        self.import_button = QPushButton("Import\u2026")
        self.import_button.setAccessibleName("Import a routine file")
        self.import_button.setToolTip("Or drop a routine file (.json or .toml) onto the window")
        self.import_button.clicked.connect(self.import_requested)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.import_button)
        header.addWidget(self.new_button)
        self._column = QVBoxLayout()
        self._column.setSpacing(SPACE[2])
        column = QWidget()
        column.setObjectName("Page")
        column.setLayout(self._column)
        self.list_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
        layout.setSpacing(SPACE[2])
        layout.addLayout(header)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        self.cards: list[RoutineCard] = []
        self.selected_id: str | None = None
        self.set_rows(rows)

    def set_rows(self, rows: list[RoutineRow]) -> None:
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # off the screen now, deleted once the event loop gets to it
                widget.deleteLater()
        self.cards = []
        for row in rows:
            card = RoutineCard(row)
            card.action_requested.connect(self.action_requested)
            self._column.addWidget(card)
            self.cards.append(card)
        self._column.addStretch(1)

    def select(self, routine_id: str) -> None:
        """Bring a routine's card into view and put the focus on its Start button."""
        for card in self.cards:
            card.setProperty("selected", card.row_id == routine_id)
            card.style().unpolish(card)  # the stylesheet reads the property again
            card.style().polish(card)
            if card.row_id == routine_id:
                self.list_area.ensureWidgetVisible(card)
                card.start.setFocus()
        self.selected_id = routine_id
