"""The exercise browser: search and filters, a grid of cards, the detail pane.

Cards show a still of each exercise's end position; the detail area plays
the selected exercise's movement above its text.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock as clocks
from desktop.core.catalog import Catalog
from desktop.core.figure import PoseBook
from desktop.core.history import Best
from desktop.ui.animated_figure import AnimatedFigure
from desktop.ui.card_delegate import CardDelegate, CardGrid
from desktop.ui.detail_pane import DetailPane
from desktop.ui.exercise_model import ExerciseFilter, ExerciseListModel, Role, label
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.plain import PlainLabel
from desktop.ui.side_by_side import FoldingSplitter
from desktop.ui.theme import SPACE, Palette


def _combo(name: str, everything: str, choices: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    # As wide as its longest choice, never narrower: a narrow window moves the filters onto a
    # second line instead of cutting "Any position" to "Any positi".
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    combo.addItem(everything, None)
    for text, value in choices:
        combo.addItem(text, value)
    return combo


def _room_for_hint(field: QLineEdit) -> int:
    """The width at which a field shows all of its placeholder: the hint is the only label it has."""
    field.ensurePolished()  # the app's stylesheet decides the font
    margins = field.textMargins()
    return (
        field.fontMetrics().horizontalAdvance(field.placeholderText())
        + margins.left()
        + margins.right()
        + 2 * SPACE[3]
    )


DEMO_CYCLES = 3
DETAIL_MIN_WIDTH = 260  # the detail's text still reads in lines of a few words


class ExercisesPage(QWidget):
    def __init__(
        self,
        catalog: Catalog,
        palette: Palette,
        poses: PoseBook | None = None,
        clock: clocks.Clock = clocks.monotonic,
        parent=None,
    ):
        super().__init__(parent)
        self.setObjectName("Page")
        self._palette = palette
        self.model = ExerciseListModel(catalog, self)
        self.proxy = ExerciseFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText="Search exercises by name")
        self.search.setAccessibleName("Search exercises")
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search.setMinimumWidth(_room_for_hint(self.search))
        self.search.setClearButtonEnabled(True)
        for action in self.search.findChildren(QAction):  # Qt's own icon is missing without an icon theme
            if action.objectName() == "_q_qlineeditclearaction":
                action.setIcon(QIcon(":/icons/clear.svg"))
        for button in self.search.findChildren(QToolButton):
            button.setAccessibleName("Clear search")
        positions = sorted({e.position for e in catalog.exercises})
        equipment = sorted({x for e in catalog.exercises for x in e.equipment})
        self.position = _combo("Filter by position", "Any position", [(label(p), p) for p in positions])
        self.equipment = _combo("Filter by equipment", "Any equipment", [(label(x), x) for x in equipment])
        self.routine = _combo("Filter by routine", "Any routine", [(r.name, r.id) for r in catalog.routines])
        self.count = PlainLabel(objectName="Muted")

        self.delegate = CardDelegate(None, poses)
        self.delegate.set_palette(palette)
        self.cards = CardGrid(self.delegate)
        self.cards.setAccessibleName("Exercise cards")
        self.cards.setModel(self.proxy)
        self.detail = DetailPane()
        # A few repetitions, then still: a window left open all day must not redraw 30 times a second.
        self.figure = AnimatedFigure(poses, palette, clock, cycles=DEMO_CYCLES)
        self.figure.setToolTip("Click to play the movement again")
        self.figure.setMinimumHeight(110)
        self.figure.setMaximumHeight(230)
        detail_area = QWidget()
        column = QVBoxLayout(detail_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACE[2])
        column.addWidget(self.figure, 2)
        column.addWidget(self.detail, 3)

        filters = FlowLayout(spacing=SPACE[2])
        filters.addWidget(self.search)
        for combo in (self.position, self.equipment, self.routine):
            filters.addWidget(combo)
        self.splitter = splitter = FoldingSplitter(self.cards, detail_area)
        self.detail.setMinimumWidth(DETAIL_MIN_WIDTH)
        splitter.setSizes([640, 420])
        splitter.setStretchFactor(0, 3)  # a wider window mostly adds columns of cards
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
        layout.setSpacing(SPACE[2])
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self._apply_filters)
        for combo in (self.position, self.equipment, self.routine):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.cards.selectionModel().currentChanged.connect(self._show_current)
        # The rung and bests arrive from the store after the first paint: show them in the details too.
        self.model.dataChanged.connect(lambda *_: self._show_current(self.cards.currentIndex()))
        self._apply_filters()
        self.cards.setCurrentIndex(self.proxy.index(0, 0))

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            position=self.position.currentData(),
            equipment=self.equipment.currentData(),
            routine=self.routine.currentData(),
            text=self.search.text(),
        )
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} exercises" if shown else "No exercise matches these filters.")
        # The card in view stays selected; when it is filtered out, the first card that matches is.
        if shown and not self.cards.currentIndex().isValid():
            self.cards.setCurrentIndex(self.proxy.index(0, 0))

    def _show_current(self, current, _previous=None) -> None:
        if current.isValid():
            exercise = current.data(Role.EXERCISE)
            self.detail.show_exercise(
                exercise,
                current.data(Role.FLAGS),
                self._palette,
                current.data(Role.STEP),
                current.data(Role.SOURCES),
            )
            self.figure.show_exercise(exercise.id, exercise.base_dosage, rung=current.data(Role.STEP))
            self.figure.setAccessibleDescription(f"{exercise.name}, moving from start to end position")
        else:
            self.detail.show_exercise(None, (), self._palette)
            self.figure.show_exercise(None)
            self.figure.setAccessibleDescription("")

    def show_exercise(self, exercise_id: str) -> None:
        source = self.model.index(self.model.row_of(exercise_id), 0)
        proxy_index = self.proxy.mapFromSource(source)
        if proxy_index.isValid():
            self.cards.setCurrentIndex(proxy_index)

    def set_progress(self, ladder: dict[str, int], bests: Mapping[str, Best]) -> None:
        """The person's rung on each exercise's ladder and their best sets, shown on the cards."""
        self.model.set_progress(ladder, bests)

    def cards_surface(self) -> QWidget:
        """The widget the cards are painted on: its first paint is the app's first useful paint."""
        return self.cards.viewport()

    def restyle(self, palette: Palette) -> None:
        self._palette = palette
        self.delegate.set_palette(palette)
        self.detail.restyle(palette)
        self.figure.set_palette(palette)
        self.cards.viewport().update()
