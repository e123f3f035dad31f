"""Parts of the routine editor: undo commands, the item list model and the dose form.

Every undo command holds the whole routine before and after the edit (routines are
small frozen values), so undo cannot drift from redo: it shows the exact
previous ``Routine``. Commands never compute edits themselves; the editor
builds the new routine with ``desktop.core.routine_edit`` and hands both in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.content.routine_validation import FieldProblem, field_text, parse_field
from desktop.core.catalog import Dosage, Routine, RoutineItem
from desktop.core.dosage_text import summary
from desktop.core.doses import ItemDose
from desktop.ui.plain import PlainLabel
from desktop.ui.theme import SPACE

Apply = Callable[[Routine, int], None]  # show this routine with this row selected (-1: none)
TEXT_FIELDS = (
    ("sets", "Sets"),
    ("reps", "Reps"),
    ("hold_s", "Hold"),
    ("duration_s", "Duration"),
    ("rest_s", "Rest between sets"),
    ("tempo", "Tempo"),
)
SIDES = (
    ("none", "No sides", "no sides"),
    ("each", "Each side in turn", "each side"),
    ("alternate", "Alternating sides", "alternating"),
)
FIELD_WIDTH = 220
MERGE_ID = 0x5570  # any fixed id; only typing commands use it
ITEM_MIME = "application/x-upright-routine-item"

NO_PARENT = QModelIndex()  # a list model's rows hang off the invalid (root) index


class RoutineChange(QUndoCommand):
    """One edit: ``before`` -> ``after``; ``merge_key`` lets consecutive keystrokes become one step."""

    def __init__(
        self,
        text: str,
        apply: Apply,
        before: Routine,
        after: Routine,
        rows: tuple[int, int],
        merge_key: object = None,
    ):
        super().__init__(text)
        self.apply = apply
        self.before, self.after = before, after
        self.rows = rows  # the row to select after undo, after redo
        self.merge_key = merge_key

    def redo(self) -> None:
        self.apply(self.after, self.rows[1])

    def undo(self) -> None:
        self.apply(self.before, self.rows[0])

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, RoutineChange) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.rows = (self.rows[0], other.rows[1])
        self.setText(other.text())
        self.setObsolete(self.after == self.before)  # typed back to where it started: no step at all
        return True


class RoutineItemsModel(QAbstractListModel):
    """The routine's items as list rows; a drag asks for a move instead of moving rows itself.

    Moves go through ``move_requested`` so that a drag, like the keyboard,
    becomes an undoable command; the editor then shows the new routine here.
    """

    move_requested = Signal(int, int)  # from row, to row (the row it ends up at)

    def __init__(self, names: dict[str, str], dose: Callable[[RoutineItem], ItemDose], parent=None):
        super().__init__(parent)
        self._names = names
        self._dose = dose
        self._routine: Routine | None = None

    def set_routine(self, routine: Routine) -> None:
        same_rows = self._routine is not None and [i.exercise for i in self._routine.items] == [
            i.exercise for i in routine.items
        ]
        if same_rows:  # an override or a rename: keep the view's selection and scroll position
            self._routine = routine
            if routine.items:
                self.dataChanged.emit(self.index(0), self.index(len(routine.items) - 1))
            return
        self.beginResetModel()
        self._routine = routine
        self.endResetModel()

    def name(self, exercise_id: str) -> str:
        return self._names.get(exercise_id, exercise_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() or self._routine is None else len(self._routine.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._routine is None or index.row() >= len(self._routine.items):
            return None
        item = self._routine.items[index.row()]
        resolved = self._dose(item)
        dose = summary(resolved.dosage)
        if resolved.from_step:  # part of it is the person's ladder step: say so
            dose += f" \u00b7 {resolved.step.lower()}"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}.  {self.name(item.exercise)}  \u2014  {dose}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{index.row() + 1}: {self.name(item.exercise)}, {dose}"
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(0, 32)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Drag, or press Alt+Up / Alt+Down, to move it; Delete removes it."
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never onto one
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(ITEM_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(ITEM_MIME):
            return False
        try:
            source = int(bytes(data.data(ITEM_MIME).data()).decode())
        except ValueError:
            return False
        target = parent.row() if parent.isValid() else (row if row >= 0 else self.rowCount())
        return self.moveRows(QModelIndex(), source, 1, QModelIndex(), target)

    def moveRows(self, source_parent, source_row, count, destination_parent, destination_child) -> bool:
        """Qt's move: ``destination_child`` is the row the item goes *before*, as views compute it."""
        rows = self.rowCount()
        if (
            count != 1
            or source_parent.isValid()
            or not 0 <= source_row < rows
            or not 0 <= destination_child <= rows
        ):
            return False
        to_row = destination_child - 1 if destination_child > source_row else destination_child
        if to_row == source_row:
            return False
        self.move_requested.emit(source_row, to_row)
        return True


def message_label(name: str) -> QLabel:
    """A field's problem, shown beside it; hidden while the field is fine."""
    label = PlainLabel(objectName="CautionBox", wordWrap=True, accessibleName=name)
    label.hide()
    return label


def show_message(label: QLabel, edit, message: str | None) -> None:
    text = message[:1].upper() + message[1:] if message else ""
    label.setText(text)
    label.setVisible(bool(message))
    edit.setProperty("invalid", bool(message))  # for a stylesheet rule such as QLineEdit[invalid="true"]
    edit.style().unpolish(edit)
    edit.style().polish(edit)
    edit.setAccessibleDescription(text or edit.property("hint") or "")


def _line_edit(name: str) -> QLineEdit:
    """A dose field, named for screen readers by its caption."""
    edit = QLineEdit()
    edit.setAccessibleName(name)
    return edit


class ItemForm(QFrame):
    """One routine item's dose overrides: a text field per value, a sides choice, a message per field.

    ``edited`` carries only values that passed the routine file rules
    (``None`` = use the catalog's or the ladder step's value); text that fails
    stays in its field with a message and is listed in ``problems`` until fixed
    or replaced. While it fails, the item keeps the value it had before the
    typing began: typing 999999 passes through 9 and 99 on the way, and neither
    may stay in the routine behind a message saying the number is too large.
    """

    edited = Signal(str, object, bool)  # field, core value or None, typed (merge consecutive keystrokes)
    problems_changed = Signal()
    run_ended = Signal()  # the person left a field: the next keystroke starts a new undo step

    def __init__(self, key_filter=None, parent=None):
        super().__init__(parent)
        self.setObjectName("Panel")
        self.problems: dict[str, str] = {}
        self._shown: dict[str, object] = {}  # the value each field's text stands for
        self._before: dict[str, object] = {}  # each field's value when the typing in it began
        self.title = PlainLabel(objectName="RoutineName", wordWrap=True)
        self.dose = PlainLabel(objectName="Muted", wordWrap=True)
        self.misfit = message_label("Dose problem")  # keys that do not fit this kind of exercise
        self.fields: dict[str, QLineEdit] = {}
        self.messages: dict[str, QLabel] = {}
        self.sides = QComboBox()
        self.sides.setAccessibleName("Sides")
        self.sides.addItem("As catalog", None)
        for key, text, _short in SIDES:
            self.sides.addItem(text, key)
        self.sides.activated.connect(lambda _i: self._chosen())
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACE[3])
        grid.setVerticalSpacing(SPACE[1])
        grid.setColumnStretch(2, 1)
        rows = [*TEXT_FIELDS[:5], ("sides", "Sides"), TEXT_FIELDS[5]]
        for n, (field, label) in enumerate(rows):
            edit: QWidget = self.sides if field == "sides" else _line_edit(label)
            if isinstance(edit, QLineEdit):
                self.fields[field] = edit
                edit.textEdited.connect(lambda text, f=field: self._typed(f, text))
                edit.editingFinished.connect(lambda f=field: self._end_typing(f))
                if key_filter is not None:
                    edit.installEventFilter(key_filter)
                self.messages[field] = message_label(f"{label} problem")
                grid.addWidget(self.messages[field], 2 * n + 1, 1, 1, 2)
            caption = PlainLabel(label)
            caption.setBuddy(edit)
            grid.addWidget(caption, 2 * n, 0)
            if field == "tempo":  # phases need room; numbers do not
                edit.setMinimumWidth(FIELD_WIDTH)
                grid.addWidget(edit, 2 * n, 1, 1, 2)
            else:
                edit.setFixedWidth(FIELD_WIDTH)
                grid.addWidget(edit, 2 * n, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[3], SPACE[3], SPACE[3], SPACE[3])
        layout.setSpacing(SPACE[2])
        layout.addWidget(self.title)
        layout.addWidget(self.dose)
        layout.addWidget(self.misfit)
        layout.addSpacing(SPACE[1])
        layout.addLayout(grid)
        layout.addStretch(1)

    def show_item(
        self, title: str | None, default: ItemDose | None, overrides: Dosage | None, fresh: bool
    ) -> None:
        """Show an item (``title`` None: nothing selected) with ``default``, what it runs with no
        overrides: each empty field names where its value comes from, the catalog or the person's
        ladder step. Unless ``fresh``, a field keeps its text while the item's value is the one it
        already stands for, so typing is never interrupted."""
        enabled = title is not None
        for widget in (*self.fields.values(), self.sides):
            widget.setEnabled(enabled)
        self.title.setText(title or "No exercise selected")
        default, overrides = default or ItemDose(Dosage()), overrides or Dosage()
        self.dose.setText(
            _dose_line(default)
            if enabled
            else "Add an exercise, then pick it in the list to change its dose."
        )
        for field, edit in self.fields.items():
            text = field_text(field, getattr(default.dosage, field))
            source = _source(default, field)
            edit.setPlaceholderText((f"{source}: {text}" if text else "not set") if enabled else "")
            edit.setProperty("hint", f"Empty uses {_source_words(default, field)}, {text or 'not set'}")
            value = getattr(overrides, field)
            if fresh or value != self._shown.get(field, ...):
                edit.setText(field_text(field, value))
                self._shown[field] = value
                self._before.pop(field, None)
                self._problem(field, None)
            edit.setAccessibleDescription(self.messages[field].text() or edit.property("hint"))
        short = {key: s for key, _text, s in SIDES}
        self.sides.setItemText(0, f"As {_source(default, 'sides')}: {short[default.dosage.effective_sides]}")
        with QSignalBlocker(self.sides):
            self.sides.setCurrentIndex(max(0, self.sides.findData(overrides.sides)))

    def show_misfits(self, messages: list[str]) -> None:
        """Dose keys that passed their own field's check but do not fit the exercise's kind."""
        text = "\n".join(m[:1].upper() + m[1:] for m in messages)
        self.misfit.setText(text)
        self.misfit.setVisible(bool(messages))

    def _typed(self, field: str, text: str) -> None:
        before = self._before.setdefault(field, self._shown.get(field))
        try:
            data = parse_field(field, text)
        except FieldProblem as problem:
            self._problem(field, problem.message)
            if self._shown.get(field) != before:  # a half-typed value got in on the way: take it out
                self._shown[field] = before
                self.edited.emit(field, before, True)
            return
        self._problem(field, None)
        value = None if data is None else getattr(Dosage.from_data({field: data}), field)
        self._shown[field] = value
        self.edited.emit(field, value, True)

    def _end_typing(self, field: str) -> None:
        self._before.pop(field, None)
        self.run_ended.emit()

    def _chosen(self) -> None:
        self.edited.emit("sides", self.sides.currentData(), False)

    def _problem(self, field: str, message: str | None) -> None:
        show_message(self.messages[field], self.fields[field], message)
        if self.problems.get(field) != message:
            if message:
                self.problems[field] = message
            else:
                self.problems.pop(field, None)
            self.problems_changed.emit()


def _source(default: ItemDose, field: str) -> str:
    """Where an empty field's value comes from, as its placeholder starts: ``Step 1 of 3`` or ``catalog``."""
    return default.step if field in default.from_step else "catalog"


def _source_words(default: ItemDose, field: str) -> str:
    if field in default.from_step:
        return f"your ladder step's value ({default.step}: {default.rung})"
    return "the catalog's value"


def _dose_line(default: ItemDose) -> str:
    """The item's dose with nothing typed, and what typing does to it."""
    if not default.step:
        return f"Catalog dose: {summary(default.dosage)}. Empty fields use the catalog's value."
    return (
        f"Your step, {default.step} ({default.rung}): {summary(default.dosage)}. "
        "Empty fields follow your step; what you type is used instead."
    )
