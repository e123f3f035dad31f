"""The routine editor: name, items, per-item dose overrides, live total time, undo/redo.

It is built from plain data (the routine, exercise names, the catalog, the
person's ladder steps and a way to estimate the total time), so it runs and
tests without the store or the main window. Every dose it shows comes from
``desktop.core.doses``, the rule the session runs by. Typed text is checked by
the routine file rules (``desktop.content.routine_validation``); text that
fails gets a message beside its field and never reaches the routine (the
value from before the typing stays), and every change that does is one step
on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import ClassVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.content.dose_rules import item_misfits
from desktop.content.routine_validation import routine_description_problem, routine_name_problem
from desktop.core.catalog import Catalog, Routine, RoutineItem
from desktop.core.doses import ItemDose, item_dose
from desktop.core.routine_edit import add_item, move_item, remove_item, rename, set_override, stored_text
from desktop.ui.fit_text import ClampedLabel
from desktop.ui.plain import PlainLabel, plain_tooltip
from desktop.ui.routine_commands import (
    TEXT_FIELDS,
    ItemForm,
    RoutineChange,
    RoutineItemsModel,
    message_label,
    show_message,
)
from desktop.ui.side_by_side import SideBySide
from desktop.ui.theme import SPACE

UNDO_KEYS, REDO_KEYS = ("Ctrl+Z",), ("Ctrl+Shift+Z", "Ctrl+Y")


class _StackKeys(QObject):
    """Lets undo/redo keys in a text field reach the editor's stack instead of the field's own undo."""

    KEYS: ClassVar[frozenset[int]] = frozenset(
        QKeySequence(k)[0].toCombined()  # type: ignore[index]  # PySide6 indexes key sequences
        for k in UNDO_KEYS + REDO_KEYS
    )

    def eventFilter(self, watched, event) -> bool:
        # Left unaccepted, so the editor's shortcut fires.
        return (
            event.type() == QEvent.Type.ShortcutOverride and event.keyCombination().toCombined() in self.KEYS
        )


MAX_DESCRIPTION = 400  # the routine file format's limit


def description_problem(text: str) -> str | None:
    """What is wrong with a description as typed; None if it can be saved (the routine file rule)."""
    problem = routine_description_problem(text)
    return None if problem is None else problem[:1].upper() + problem[1:] + "."


def _button(text: str, name: str, slot, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(name)
    button.clicked.connect(slot)
    return button


class RoutineEditor(QWidget):
    """Edits one routine; the caller decides where it is saved (and copies shipped routines first)."""

    save_requested = Signal(object)  # the edited Routine
    cancelled = Signal()

    def __init__(
        self,
        routine: Routine,
        exercises: Sequence[tuple[str, str]],
        catalog: Catalog,
        estimate: Callable[[Routine], str],
        parent=None,
        heading: str = "Edit routine",
        ladder: Mapping[str, int] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("Page")
        self._catalog, self._ladder, self._estimate = catalog, dict(ladder or {}), estimate
        self._routine, self._row = routine, -1
        self._shown_name: str | None = None  # the name the name field's text stands for
        self._name_problem: str | None = None
        self._shown_description: str | None = None
        self._description_problem: str | None = None
        self._heading = heading
        self._run = 0  # keystrokes with the same run number merge into one undo step
        self._applying = False
        self.undo_stack = QUndoStack(self)
        self.model = RoutineItemsModel(dict(exercises), self._dose, self)
        self.model.move_requested.connect(self._move_row)
        self._build(exercises)
        self._apply(routine, 0 if routine.items else -1)

    def routine(self) -> Routine:
        """The routine as edited so far (only values that passed the checks)."""
        return self._routine

    def has_problems(self) -> bool:
        return bool(self._name_problem or self._description_problem or self.form.problems or self._misfits())

    def _dose(self, item: RoutineItem) -> ItemDose:
        """What ``item`` runs for this person, and which keys their ladder step decides."""
        return item_dose(self._catalog, item, self._ladder.get(item.exercise, 0))

    def _misfits(self, row: int | None = None) -> list[str]:
        """Dose keys of one item (or of any) that do not fit its exercise: a hold takes no reps."""
        rows = range(len(self._routine.items)) if row is None else [row]
        found = []
        for n in rows:
            item = self._routine.items[n]
            found += list(item_misfits(self._catalog, item.exercise, item.overrides).values())
        return found

    # --- every change goes through a command, every command through _apply ---------------------------

    def _apply(self, routine: Routine, row: int) -> None:
        """Show ``routine`` with ``row`` selected (-1: none)."""
        self._routine = routine
        self._applying = True
        self.model.set_routine(routine)
        row = min(row, len(routine.items) - 1)
        self.items.setCurrentIndex(self.model.index(row) if row >= 0 else QModelIndex())
        self._applying = False
        if routine.name != self._shown_name:
            self.name.setText(routine.name)
            self._shown_name = routine.name
            self._set_name_problem(None)
        if routine.description != self._shown_description:
            self.description.setText(routine.description)
            self._shown_description = routine.description
            self._set_description_problem(None)
        self._show_item(row)

    def _push(self, text: str, after: Routine, rows: tuple[int, int], merge_key: object = None) -> None:
        if after == self._routine:
            return
        if merge_key is None:
            self._run += 1
        self.undo_stack.push(RoutineChange(text, self._apply, self._routine, after, rows, merge_key))

    def _save_if_enabled(self) -> None:
        if self.save.isEnabled():
            self.save.click()

    def _undo(self) -> None:
        self._run += 1
        self.undo_stack.undo()

    def _redo(self) -> None:
        self._run += 1
        self.undo_stack.redo()

    def _name_at(self, row: int) -> str:
        return self.model.name(self._routine.items[row].exercise)

    # --- edits from the controls -------------------------------------------------------------------

    def _name_edited(self, text: str) -> None:
        self._set_name_problem(routine_name_problem(text))
        if self._name_problem is None:
            self._shown_name = stored_text(text)
            self._push(
                "Rename routine", rename(self._routine, text), (self._row, self._row), ("name", self._run)
            )

    def _description_edited(self, text: str) -> None:
        self._set_description_problem(description_problem(text))
        if self._description_problem is None:
            self._shown_description = stored_text(text)
            self._push(
                "Change description",
                replace(self._routine, description=stored_text(text)),
                (self._row, self._row),
                ("description", self._run),
            )

    def _override_edited(self, field: str, value, typed: bool) -> None:
        label = dict(TEXT_FIELDS).get(field, field).lower()
        merge = (field, self._row, self._run) if typed else None
        self._push(
            f"Change {label} of {self._name_at(self._row)}",
            set_override(self._routine, self._row, field, value),
            (self._row, self._row),
            merge,
        )

    def _add(self) -> None:
        exercise_id, end = self.add_choice.currentData(), len(self._routine.items)
        if exercise_id is None:
            return
        self._push(
            f"Add {self.model.name(exercise_id)}", add_item(self._routine, exercise_id), (self._row, end)
        )

    def _remove(self) -> None:
        row = self._row
        if row >= 0:
            after = remove_item(self._routine, row)
            self._push(f"Remove {self._name_at(row)}", after, (row, min(row, len(after.items) - 1)))

    def _move(self, delta: int) -> None:
        if self._row >= 0 and 0 <= self._row + delta < len(self._routine.items):
            self._move_row(self._row, self._row + delta)

    def _move_row(self, from_row: int, to_row: int) -> None:
        """Keyboard, buttons and drags all move through here, so each move is one undo step."""
        self._push(
            f"Move {self._name_at(from_row)}", move_item(self._routine, from_row, to_row), (from_row, to_row)
        )

    def _current_changed(self, current, _previous) -> None:
        if not self._applying:
            self._run += 1
            self._show_item(current.row() if current.isValid() else -1)

    # --- showing state -----------------------------------------------------------------------------

    def _show_item(self, row: int) -> None:
        fresh, self._row = row != self._row, row
        if row < 0:
            self.form.show_item(None, None, None, fresh)
        else:
            item = self._routine.items[row]
            self.form.show_item(
                self.model.name(item.exercise), self._dose(RoutineItem(item.exercise)), item.overrides, fresh
            )
        self.form.show_misfits(self._misfits(row) if row >= 0 else [])
        self._refresh()

    def _set_name_problem(self, message: str | None) -> None:
        self._name_problem = message
        show_message(self.name_message, self.name, message)
        self._refresh()

    def _set_description_problem(self, message: str | None) -> None:
        self._description_problem = message
        show_message(self.description_message, self.description, message)
        self._refresh()

    def _refresh(self) -> None:
        """The total, and which buttons make sense now."""
        has_items = bool(self._routine.items)
        text = self._estimate(self._routine) if has_items else "no exercises yet"
        self.total.setText(text[:1].upper() + text[1:])
        self.save.setEnabled(has_items and not self.has_problems())
        why = "Fix the fields with a message first." if self.has_problems() else "Add at least one exercise."
        if has_items and self._misfits() and not self._misfits(self._row):
            why = "An exercise's dose has keys that do not fit it: pick it in the list to see which."
        self.save.setToolTip("Ctrl+S" if self.save.isEnabled() else plain_tooltip(why))
        last = len(self._routine.items) - 1
        self.up.setEnabled(self._row > 0)
        self.down.setEnabled(0 <= self._row < last)
        self.remove.setEnabled(self._row >= 0)

    # --- building ----------------------------------------------------------------------------------

    def _build(self, exercises: Sequence[tuple[str, str]]) -> None:
        keys = _StackKeys(self)
        self.name = QLineEdit()
        self.name.setAccessibleName("Routine name")
        self.name.textEdited.connect(self._name_edited)
        self.name.editingFinished.connect(self._end_run)
        self.name.installEventFilter(keys)
        self.name_message = message_label("Routine name problem")
        self.description = QLineEdit()
        self.description.setAccessibleName("Routine description")
        self.description.setMaxLength(MAX_DESCRIPTION)
        self.description.setPlaceholderText("What this routine is for, in a sentence")
        self.description.textEdited.connect(self._description_edited)
        self.description.editingFinished.connect(self._end_run)
        self.description.installEventFilter(keys)
        self.description_message = message_label("Routine description problem")
        self.total = PlainLabel(objectName="RoutineName", accessibleName="Estimated total time")
        self.form = ItemForm(keys)
        self.form.edited.connect(self._override_edited)
        self.form.problems_changed.connect(self._refresh)
        self.form.run_ended.connect(self._end_run)
        header = QHBoxLayout()
        header.addWidget(ClampedLabel(self._heading, lines=2, objectName="PageTitle"), 1)
        header.addWidget(self.total)
        name_row = QGridLayout()
        name_row.setHorizontalSpacing(SPACE[2])
        name_row.setVerticalSpacing(SPACE[1])
        name_label = PlainLabel("Name")
        name_label.setBuddy(self.name)
        name_row.addWidget(name_label, 0, 0)
        name_row.addWidget(self.name, 0, 1)
        name_row.addWidget(self.name_message, 1, 1)
        description_label = PlainLabel("Description")
        description_label.setBuddy(self.description)
        name_row.addWidget(description_label, 2, 0)
        name_row.addWidget(self.description, 2, 1)
        name_row.addWidget(self.description_message, 3, 1)
        form = QScrollArea()  # resizable with no frame: long messages never clip
        form.setWidgetResizable(True)
        form.setFrameShape(QFrame.Shape.NoFrame)
        form.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form.setMinimumWidth(self.form.minimumSizeHint().width())
        form.setWidget(self.form)
        panels = SideBySide(self._build_list(exercises), form, SPACE[3])  # stacked in a narrow window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
        layout.setSpacing(SPACE[3])
        layout.addLayout(header)
        layout.addLayout(name_row)
        layout.addWidget(panels, 1)
        layout.addLayout(self._build_buttons())

    def _build_list(self, exercises) -> QFrame:
        self.items = QListView()
        self.items.setAccessibleName("Exercises in this routine")
        self.items.setModel(self.model)
        self.items.setMinimumHeight(5 * 32)  # room to see a few rows while dragging
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items.selectionModel().currentChanged.connect(self._current_changed)
        self._shortcuts = []  # on the list only: in a text field Delete and Alt+Down mean something else
        for keys, slot in (
            ("Alt+Up", lambda: self._move(-1)),
            ("Alt+Down", lambda: self._move(1)),
            ("Delete", self._remove),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.items)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)
        self.up = _button("Move up", "Move exercise up", lambda: self._move(-1), "Alt+Up")
        self.down = _button("Move down", "Move exercise down", lambda: self._move(1), "Alt+Down")
        self.remove = _button("Remove", "Remove exercise", self._remove, "Delete")
        self.add_choice = QComboBox()
        self.add_choice.setAccessibleName("Exercise to add")
        self.add_choice.setMinimumContentsLength(14)
        self.add_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for exercise_id, name in exercises:
            self.add_choice.addItem(name, exercise_id)
        self.add = _button("Add exercise", "Add exercise", self._add)
        self.add.setEnabled(bool(exercises))
        panel = QFrame()
        panel.setObjectName("Panel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(SPACE[3], SPACE[3], SPACE[3], SPACE[3])
        layout.setSpacing(SPACE[2])
        layout.addWidget(PlainLabel("Exercises", objectName="RoutineName"))
        layout.addWidget(
            PlainLabel("Drag to reorder, or use Alt+Up and Alt+Down.", objectName="Muted", wordWrap=True)
        )
        layout.addWidget(self.items, 1)
        for row_widgets in ((self.up, self.down, self.remove, None), (self.add_choice, self.add)):
            row = QHBoxLayout()
            row.setSpacing(SPACE[2])
            for widget in row_widgets:
                row.addStretch(1) if widget is None else row.addWidget(widget, int(widget is self.add_choice))
            layout.addLayout(row)
        return panel

    def _build_buttons(self) -> QHBoxLayout:
        self.undo_button = _button("Undo", "Undo", self._undo, " or ".join(UNDO_KEYS))
        self.redo_button = _button("Redo", "Redo", self._redo, " or ".join(REDO_KEYS))
        self.cancel = _button("Cancel", "Cancel editing", lambda: self.cancelled.emit())
        self.save = _button("Save routine", "Save routine", lambda: self.save_requested.emit(self._routine))
        self.save.setProperty("primary", True)
        for button, keys, slot, can in (
            (self.undo_button, UNDO_KEYS, self._undo, self.undo_stack.canUndoChanged),
            (self.redo_button, REDO_KEYS, self._redo, self.undo_stack.canRedoChanged),
        ):
            action = QAction(button.text(), self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            button.setEnabled(False)
            can.connect(button.setEnabled)
        save = QAction("Save routine", self, shortcut=QKeySequence("Ctrl+S"))
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self._save_if_enabled)
        self.addAction(save)
        self.save.setToolTip("Ctrl+S")
        row = QHBoxLayout()
        row.setSpacing(SPACE[2])
        for widget in (self.undo_button, self.redo_button, None, self.cancel, self.save):
            row.addStretch(1) if widget is None else row.addWidget(widget)
        return row

    def _end_run(self) -> None:
        self._run += 1
