"""Exercise cards as a list model, and the proxy that filters them.

The model is handed a ``Catalog`` and never looks anything up itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from desktop.core import dosage_text
from desktop.core.catalog import Catalog, Exercise
from desktop.core.history import Best
from desktop.core.progression import ladder_text
from desktop.ui.plain import plain_tooltip

NO_PARENT = QModelIndex()  # a list model's rows hang off the invalid (root) index


class Role(IntEnum):
    EXERCISE = Qt.ItemDataRole.UserRole + 1
    SUMMARY = Qt.ItemDataRole.UserRole + 2
    POSITION = Qt.ItemDataRole.UserRole + 3
    EQUIPMENT = Qt.ItemDataRole.UserRole + 4
    ROUTINES = Qt.ItemDataRole.UserRole + 5
    FLAGS = Qt.ItemDataRole.UserRole + 6  # the red flags shown on this card
    SOURCES = Qt.ItemDataRole.UserRole + 7
    PROGRESS = Qt.ItemDataRole.UserRole + 8  # "Step 2 of 3 · goal 30 reps · best 26", or ""
    STEP = Qt.ItemDataRole.UserRole + 9  # the person's rung (0 = first), None without a ladder


def label(kebab: str) -> str:
    """``exercise-ball`` -> ``Exercise ball`` for filters and cards."""
    return kebab.replace("-", " ").capitalize()


class ExerciseListModel(QAbstractListModel):
    def __init__(self, catalog: Catalog, parent=None):
        super().__init__(parent)
        self._catalog = catalog
        self._rows: tuple[Exercise, ...] = catalog.exercises
        self._routines = {e.id: frozenset(r.id for r in catalog.routines_with(e.id)) for e in self._rows}
        self._flags = {e.id: catalog.flags_for(e.id) for e in self._rows}
        self._progress = {e.id: ladder_text(e, 0, None, None) for e in self._rows}
        self._ladder: dict[str, int] = {}

    def set_progress(self, ladder: dict[str, int], bests: Mapping[str, Best]) -> None:
        """The person's rung per exercise and their best sets (``ProgressStore.bests``), once known."""
        self._ladder = dict(ladder)
        for e in self._rows:
            best = bests.get(e.id)
            self._progress[e.id] = ladder_text(
                e, ladder.get(e.id, 0), best.reps if best else None, best.seconds if best else None
            )
        self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Role.PROGRESS, Role.STEP])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return e.name
        flags = self._flags[e.id]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            caution = "".join(f", caution: {f.title}" for f in flags)
            progress = f", {self._progress[e.id]}" if self._progress[e.id] else ""
            return f"{e.name}: {label(e.position)}, {dosage_text.summary(e.dosage)}{progress}{caution}"
        if role == Qt.ItemDataRole.ToolTipRole:
            # The name first: a card elides a long one.
            return plain_tooltip("\n".join([e.name, e.why[0], *(f"\u26a0 {f.title}" for f in flags)]))
        if role == Role.EXERCISE:
            return e
        if role == Role.SUMMARY:
            return dosage_text.summary(e.dosage)
        if role == Role.POSITION:
            return e.position
        if role == Role.EQUIPMENT:
            return e.equipment
        if role == Role.ROUTINES:
            return self._routines[e.id]
        if role == Role.FLAGS:
            return flags
        if role == Role.PROGRESS:
            return self._progress[e.id]
        if role == Role.STEP:
            return self._ladder.get(e.id, 0) if e.progressions else None
        if role == Role.SOURCES:
            return " \u00b7 ".join(self._catalog.source_title(s) for s in e.sources)
        return None

    def row_of(self, exercise_id: str) -> int:
        return next(i for i, e in enumerate(self._rows) if e.id == exercise_id)


class ExerciseFilter(QSortFilterProxyModel):
    """Position, equipment and routine filters plus a name search, all combined."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._position: str | None = None
        self._equipment: str | None = None
        self._routine: str | None = None
        self._text = ""

    def set_filters(self, *, position=None, equipment=None, routine=None, text="") -> None:
        self.beginFilterChange()
        self._position, self._equipment, self._routine = position, equipment, routine
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        e: Exercise = index.data(Role.EXERCISE)
        if self._position and e.position != self._position:
            return False
        if self._equipment and self._equipment not in e.equipment:
            return False
        if self._routine and self._routine not in index.data(Role.ROUTINES):
            return False
        return not self._text or self._text in e.name.casefold()
