"""The routine editor: checked typing, live total, undo/redo of every edit, keyboard and drag reorder."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QListView

from desktop.content.routine_validation import field_text
from desktop.core import dosage_text, plan
from desktop.core.catalog import Range
from desktop.core.routine_edit import as_copy
from desktop.ui.routine_editor import RoutineEditor

ROOT = Path(__file__).resolve().parents[2]
TWEAKED = "belly-breathing-feet-up", "cat-cow", "rocking-all-fours", "supine-marching"


@pytest.fixture
def make(qtbot, qapp, catalog):
    def build(routine=None, show=False):
        routine = routine or as_copy(catalog.routine("tweaked-back"), {r.id for r in catalog.routines})
        editor = RoutineEditor(
            routine,
            [(e.id, e.name) for e in catalog.exercises],
            catalog,
            lambda r: "about " + dosage_text.about(plan.estimate_s(catalog, r)),
        )
        qtbot.addWidget(editor)
        if show:
            editor.show()
            qtbot.waitExposed(editor)
            editor.activateWindow()
            qtbot.waitUntil(lambda: qapp.activeWindow() is editor)
        return editor

    return build


def ids(routine):
    return [i.exercise for i in routine.items]


def select(editor, row):
    editor.items.setCurrentIndex(editor.model.index(row))


def retype(qtbot, edit, text):
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)


def visible(label):
    return not label.isHidden()


def test_opens_on_the_first_item_with_catalog_placeholders(make, catalog):
    editor = make()
    assert editor.name.text() == "Tweaked back first aid (my copy)"
    assert editor.form.title.text() == catalog.exercise(TWEAKED[0]).name
    assert editor.form.fields["reps"].text() == "10"
    assert editor.form.fields["tempo"].text() == "inhale 4, exhale 6"
    dosage = catalog.exercise(TWEAKED[0]).base_dosage  # the session default fills what the seed leaves open
    for field, edit in editor.form.fields.items():
        default = field_text(field, getattr(dosage, field))
        assert edit.placeholderText() == (f"catalog: {default}" if default else "not set")
    assert editor.form.fields["sets"].text() == ""  # no override: the catalog value shows as the placeholder
    assert editor.total.text().startswith("About ")
    assert editor.save.isEnabled() and not editor.undo_button.isEnabled()


def test_invalid_text_shows_a_message_and_changes_nothing(make, qtbot):
    editor = make()
    before = editor.routine()
    select(editor, 1)
    reps, message = editor.form.fields["reps"], editor.form.messages["reps"]
    retype(qtbot, reps, "0")
    assert visible(message) and message.text() == "Use a whole number from 1 to 200"
    assert reps.text() == "0" and reps.accessibleDescription() == message.text()
    assert editor.routine() == before and editor.undo_stack.count() == 0
    assert not editor.save.isEnabled() and editor.has_problems()
    retype(qtbot, reps, "8-x")
    assert message.text() == "Write a number such as 10 or a range such as 8-20"
    assert editor.routine() == before
    retype(qtbot, reps, "8-12")
    assert not visible(message) and editor.save.isEnabled()
    assert editor.routine().items[1].overrides.reps == Range(8, 12)


def test_a_valid_value_updates_the_routine_and_the_total(make, qtbot, catalog):
    editor = make()
    select(editor, 3)  # supine marching: 2 sets
    total = editor.total.text()
    retype(qtbot, editor.form.fields["sets"], "5")
    routine = editor.routine()
    assert routine.items[3].overrides.sets == Range(5, 5)
    expected = "about " + dosage_text.about(plan.estimate_s(catalog, routine))
    assert editor.total.text() == expected[:1].upper() + expected[1:] != total
    assert "5 \u00d7 6" in editor.model.index(3).data()


def test_emptying_a_field_goes_back_to_the_catalog_value(make, qtbot):
    editor = make()
    retype(qtbot, editor.form.fields["tempo"], "")
    assert editor.routine().items[0].overrides.tempo is None
    assert editor.form.fields["tempo"].placeholderText().startswith(("catalog: ", "not set"))


def test_keystrokes_in_one_field_are_one_undo_step(make, qtbot):
    editor = make()
    before = editor.routine()
    reps = editor.form.fields["reps"]
    retype(qtbot, reps, "12")
    assert editor.routine().items[0].overrides.reps == Range(12, 12)
    assert editor.undo_stack.count() == 1
    reps.editingFinished.emit()  # leaving the field ends the run
    retype(qtbot, reps, "15")
    assert editor.undo_stack.count() == 2
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert editor.routine() == before and reps.text() == "10"


def test_typing_back_to_the_start_leaves_no_undo_step(make, qtbot):
    editor = make()
    reps = editor.form.fields["reps"]
    reps.setFocus()
    reps.end(False)
    qtbot.keyClicks(reps, "0")
    assert editor.routine().items[0].overrides.reps == Range(100, 100)
    qtbot.keyClick(reps, Qt.Key.Key_Backspace)
    assert editor.undo_stack.count() == 0 and editor.routine().items[0].overrides.reps == Range(10, 10)


def check_undo_redo(editor, before):
    after = editor.routine()
    assert after != before
    editor.undo_button.click()
    assert editor.routine() == before
    editor.redo_button.click()
    assert editor.routine() == after


def test_undo_redo_of_add(make):
    editor = make()
    before = editor.routine()
    editor.add_choice.setCurrentIndex(editor.add_choice.findData("squat"))
    editor.add.click()
    assert ids(editor.routine()) == [*TWEAKED, "squat"]
    assert editor.items.currentIndex().row() == 4 and editor.form.fields["reps"].text() == ""
    check_undo_redo(editor, before)


def test_undo_redo_of_remove(make):
    editor = make()
    before = editor.routine()
    select(editor, 1)
    editor.remove.click()
    assert ids(editor.routine()) == [TWEAKED[0], *TWEAKED[2:]]
    check_undo_redo(editor, before)
    editor.undo_button.click()
    assert editor.items.currentIndex().row() == 1  # the item is back, and selected


def test_undo_redo_of_move(make):
    editor = make()
    before = editor.routine()
    select(editor, 0)
    editor.down.click()
    assert ids(editor.routine())[:2] == [TWEAKED[1], TWEAKED[0]]
    assert editor.items.currentIndex().row() == 1
    check_undo_redo(editor, before)


def test_undo_redo_of_override_and_text_follows(make, qtbot):
    editor = make()
    before = editor.routine()
    select(editor, 3)
    retype(qtbot, editor.form.fields["rest_s"], "1 min")
    assert editor.routine().items[3].overrides.rest_s == Range(60, 60)
    check_undo_redo(editor, before)
    editor.undo_button.click()
    assert editor.form.fields["rest_s"].text() == "30 s"
    editor.redo_button.click()
    assert editor.form.fields["rest_s"].text() == "1 min"


def test_undo_redo_of_sides(make):
    editor = make()
    before = editor.routine()
    sides = editor.form.sides
    sides.setCurrentIndex(sides.findData("each"))
    sides.activated.emit(sides.currentIndex())
    assert editor.routine().items[0].overrides.sides == "each"
    check_undo_redo(editor, before)
    editor.undo_button.click()
    assert sides.currentData() is None and sides.currentText().startswith("As catalog")


def test_undo_redo_of_rename(make, qtbot):
    editor = make()
    before = editor.routine()
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Morning back")
    assert editor.routine().name == "Morning back" and editor.routine().id == before.id
    assert editor.undo_stack.count() == 1
    check_undo_redo(editor, before)
    editor.undo_button.click()
    assert editor.name.text() == before.name


def test_an_empty_name_is_refused(make, qtbot):
    editor = make()
    before = editor.routine()
    editor.name.selectAll()
    qtbot.keyClick(editor.name, Qt.Key.Key_Backspace)
    assert visible(editor.name_message) and editor.name_message.text() == "Give the routine a name"
    assert editor.routine() == before and not editor.save.isEnabled()


def test_keyboard_reorder_and_delete(make, qtbot):
    editor = make(show=True)
    before = editor.routine()
    select(editor, 1)
    editor.items.setFocus()
    qtbot.keyClick(editor.items, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert ids(editor.routine()) == [TWEAKED[1], TWEAKED[0], *TWEAKED[2:]]
    assert editor.items.currentIndex().row() == 0
    qtbot.keyClick(editor.items, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(editor.items, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert ids(editor.routine()) == [TWEAKED[0], TWEAKED[2], TWEAKED[1], TWEAKED[3]]
    qtbot.keyClick(editor.items, Qt.Key.Key_Delete)
    assert ids(editor.routine()) == [TWEAKED[0], TWEAKED[2], TWEAKED[3]]
    for _ in range(4):
        qtbot.keyClick(editor.items, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.routine() == before
    qtbot.keyClick(editor.items, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert ids(editor.routine()) == [TWEAKED[1], TWEAKED[0], *TWEAKED[2:]]


def test_ctrl_z_in_a_field_uses_the_editor_stack(make, qtbot):
    editor = make(show=True)
    before = editor.routine()
    reps = editor.form.fields["reps"]
    reps.setFocus()
    retype(qtbot, reps, "14")
    qtbot.keyClick(reps, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.routine() == before and reps.text() == "10"
    assert editor.undo_stack.canRedo()  # the stack undid it, not the field's own undo
    qtbot.keyClick(
        reps, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert editor.routine().items[0].overrides.reps == Range(14, 14) and reps.text() == "14"


def test_drag_and_drop_moves_through_the_model(make):
    editor = make()
    before = editor.routine()
    model = editor.model
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)  # Qt's form: put row 0 before row 3
    assert ids(editor.routine()) == [TWEAKED[1], TWEAKED[2], TWEAKED[0], TWEAKED[3]]
    assert editor.items.currentIndex().row() == 2
    data = model.mimeData([model.index(3)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert ids(editor.routine()) == [TWEAKED[3], TWEAKED[1], TWEAKED[2], TWEAKED[0]]
    assert not model.moveRows(QModelIndex(), 1, 1, QModelIndex(), 2)  # onto itself: nothing to do
    # QListView's internal move calls exactly this, with "before row 4" meaning "to the end"
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 4)
    assert ids(editor.routine()) == [TWEAKED[1], TWEAKED[2], TWEAKED[0], TWEAKED[3]]
    assert editor.undo_stack.count() == 3
    for _ in range(3):
        editor.undo_stack.undo()
    assert editor.routine() == before


def test_the_view_is_set_up_for_internal_moves(make):
    editor = make()
    assert editor.items.dragDropMode() == QListView.DragDropMode.InternalMove
    flags = editor.model.flags(editor.model.index(0))
    assert flags & Qt.ItemFlag.ItemIsDragEnabled and not flags & Qt.ItemFlag.ItemIsDropEnabled
    assert editor.model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled


def test_save_emits_the_edited_routine_and_cancel_cancels(make, qtbot):
    editor = make()
    retype(qtbot, editor.form.fields["reps"], "6")
    with qtbot.waitSignal(editor.save_requested) as saved:
        editor.save.click()
    assert saved.args[0] == editor.routine() and saved.args[0].items[0].overrides.reps == Range(6, 6)
    with qtbot.waitSignal(editor.cancelled):
        editor.cancel.click()


def test_an_empty_routine_cannot_be_saved(make, catalog):
    from dataclasses import replace

    editor = make(routine=replace(catalog.routine("tweaked-back"), items=()))
    assert not editor.save.isEnabled() and editor.total.text() == "No exercises yet"
    assert not editor.form.fields["reps"].isEnabled()
    editor.add.click()
    assert editor.save.isEnabled() and editor.form.fields["reps"].isEnabled()


def test_every_control_has_an_accessible_name(make):
    editor = make()
    controls = (
        editor.findChildren(QLineEdit)
        + editor.findChildren(QComboBox)
        + editor.findChildren(QAbstractButton)
        + editor.findChildren(QListView)
    )
    assert len(controls) >= 15
    assert [c for c in controls if not c.accessibleName() and not in_a_combo_popup(c)] == []


def in_a_combo_popup(widget):
    while widget is not None:
        widget = widget.parent()
        if isinstance(widget, QComboBox):
            return True
    return False


DRAG_CHILD = r"""
import subprocess, time
from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.content.catalog_loader import load_catalog
from desktop.ui.routine_editor import RoutineEditor
catalog = load_catalog()
editor = RoutineEditor(catalog.routine("tweaked-back"), [(e.id, e.name) for e in catalog.exercises], catalog,
                       lambda r: "about 1 min")
editor.resize(1000, 700)
editor.move(0, 0)
editor.show()
E = QEvent.Type
seen = set()  # event types the list's viewport has had since the last step

class Seen(QObject):
    def eventFilter(self, watched, event):
        seen.add(event.type())
        return False

# A person's pace without a clock: each step of the drag is sent once the list has had the
# event the step before made, so Qt sees press, motion, drag and drop in their real order.
def drive():
    viewport = editor.items.viewport()
    viewport.setMouseTracking(True)  # plain motion reaches the list too: before the press, after the drop
    viewport.installEventFilter(watcher)
    a = viewport.mapToGlobal(editor.items.visualRect(editor.model.index(0)).center())
    b = viewport.mapToGlobal(editor.items.visualRect(editor.model.index(3)).bottomLeft() + QPoint(60, 6))
    moving = {E.MouseMove, E.DragEnter, E.DragMove}
    yield ["mousemove", a.x(), a.y()], {E.MouseMove}
    yield ["mousedown", 1], {E.MouseButtonPress}
    for k in range(1, 12):
        yield ["mousemove", a.x(), a.y() + k * 10], moving
    yield ["mousemove", b.x(), b.y()], {E.DragMove}
    yield ["mouseup", 1], {E.Drop}
    yield ["mousemove", b.x() + 10, b.y()], {E.MouseMove}  # the drag's own loop is over
def step():
    global wanted
    if wanted is not None and not seen & wanted:
        if time.monotonic() > deadline:
            report(f"timed out waiting for {wanted}")
        return
    command = next(steps, None)
    if command is None:
        report("done")
        return
    arguments, wanted = command
    seen.clear()
    subprocess.run(["xdotool", *map(str, arguments)], check=True)
def report(how):
    poll.stop()
    print("drag", how, flush=True)
    print("items", ",".join(i.exercise for i in editor.routine().items), flush=True)
    print("steps", editor.undo_stack.count(), "row", editor.items.currentIndex().row(), flush=True)
    app.quit()
watcher = Seen()
QTest.qWaitForWindowExposed(editor)
steps, wanted, deadline = drive(), None, time.monotonic() + 30
poll = QTimer(app, interval=10)
poll.timeout.connect(step)
poll.start()
app.exec()
"""


def test_a_real_mouse_drag_reorders_on_x11():
    """QListView's own internal move (not just the model) becomes one undoable move."""
    for tool in ("Xvfb", "xdotool"):
        assert shutil.which(tool), f"{tool} is missing: run the README's test command, which installs it"
    from tests.xvfb import running_xvfb

    with running_xvfb(screen="1024x768x24") as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        out = subprocess.run(
            [sys.executable, "-c", DRAG_CHILD], env=env, capture_output=True, text=True, timeout=60, cwd=ROOT
        )
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    assert lines.get("drag") == "done", out.stdout + out.stderr
    assert lines.get("items") == ",".join([*TWEAKED[1:], TWEAKED[0]]), out.stdout + out.stderr
    assert lines.get("steps") == "1 row 3"


def test_the_description_is_edited_with_undo_and_an_empty_one_is_refused(make, qtbot):
    editor = make()
    before = editor.routine()
    retype(qtbot, editor.description, "My short version for busy mornings.")
    assert editor.routine().description == "My short version for busy mornings."
    assert editor.undo_stack.count() == 1
    editor.undo_button.click()
    assert editor.description.text() == before.description
    retype(qtbot, editor.description, "")
    assert (
        visible(editor.description_message)
        and "what this routine is for" in editor.description_message.text()
    )
    assert editor.routine() == before and not editor.save.isEnabled()


def test_the_heading_says_what_is_being_edited_and_dose_fields_wait_for_an_exercise(qtbot, catalog):
    from desktop.core.catalog import Routine

    editor = RoutineEditor(
        Routine("new-routine", "New routine", "A routine of my own.", (), ()),
        [(e.id, e.name) for e in catalog.exercises],
        catalog,
        lambda r: "about 1 min",
        heading="New routine",
    )
    qtbot.addWidget(editor)
    assert editor.findChild(QLabel, "PageTitle").text() == "New routine"
    assert not any(field.isEnabled() for field in editor.form.fields.values())


def test_a_dose_key_that_does_not_fit_the_exercise_blocks_saving(qtbot, catalog):
    """The editor refuses what import refuses: a hold exercise takes no reps (docs/routine-format.md)."""
    from desktop.core.catalog import Routine, RoutineItem

    routine = Routine("mine", "Mine", "Mine.", (), (RoutineItem("figure-four-stretch"),))
    editor = RoutineEditor(routine, [(e.id, e.name) for e in catalog.exercises], catalog, lambda r: "1 min")
    qtbot.addWidget(editor)
    assert editor.save.isEnabled() and editor.form.misfit.isHidden()
    editor.form.fields["reps"].setText("5")
    editor.form.fields["reps"].textEdited.emit("5")
    assert not editor.save.isEnabled()
    assert "is a hold, so reps does not fit" in editor.form.misfit.text()
    editor.form.fields["reps"].setText("")
    editor.form.fields["reps"].textEdited.emit("")
    assert editor.save.isEnabled() and editor.form.misfit.text() == ""


def test_names_typed_decomposed_are_stored_nfc_as_import_stores_them(qtbot, catalog):
    from desktop.core.catalog import Routine, RoutineItem

    routine = Routine("mine", "Mine", "Mine.", (), (RoutineItem("cat-cow"),))
    editor = RoutineEditor(routine, [(e.id, e.name) for e in catalog.exercises], catalog, lambda r: "1 min")
    qtbot.addWidget(editor)
    editor.name.setText("  Cafe\u0301 stretch ")
    editor.name.textEdited.emit(editor.name.text())
    editor.description.setText("Cafe\u0301.")
    editor.description.textEdited.emit(editor.description.text())
    assert editor.routine().name == "Caf\u00e9 stretch" and editor.routine().description == "Caf\u00e9."
    assert editor.name.text() == "  Cafe\u0301 stretch "  # what was typed stays while typing


def test_a_number_typed_past_the_limit_leaves_the_value_from_before(make, qtbot):
    """Typing 999999 passes through 9 and 99, which are valid: neither may stay in the routine
    once the field says the number is too large (the list once said "99 reps")."""
    editor = make()
    select(editor, 1)  # cat-cow, 8 reps in the routine
    before = editor.routine()
    reps, message = editor.form.fields["reps"], editor.form.messages["reps"]
    retype(qtbot, reps, "999999")
    assert visible(message) and message.text() == "Use a whole number from 1 to 200"
    assert reps.text() == "999999"  # what was typed stays, with its message
    assert editor.routine() == before and not editor.save.isEnabled()
    assert "8 reps" in editor.model.index(1).data() and "99" not in editor.model.index(1).data()
    assert editor.undo_stack.count() == 0  # nothing happened, so there is nothing to undo
    reps.editingFinished.emit()  # leaving the field does not apply it either
    assert editor.routine() == before
    retype(qtbot, reps, "12")
    assert editor.routine().items[1].overrides.reps == Range(12, 12) and editor.save.isEnabled()


def test_an_empty_field_names_the_ladder_step_it_follows_and_a_typed_count_wins(qtbot, catalog):
    from desktop.core.catalog import Routine, RoutineItem

    routine = Routine("mine", "Mine", "Mine.", (), (RoutineItem("push-up"),))
    ladder = {"push-up": 1}
    editor = RoutineEditor(
        routine,
        [(e.id, e.name) for e in catalog.exercises],
        catalog,
        lambda r: "about " + dosage_text.about(plan.estimate_s(catalog, r, ladder)),
        ladder=ladder,
    )
    qtbot.addWidget(editor)
    reps = editor.form.fields["reps"]
    assert reps.text() == "" and reps.placeholderText() == "Step 2 of 3: 30"
    assert editor.form.fields["sets"].placeholderText().startswith(("catalog: ", "not set"))
    assert editor.form.dose.text().startswith("Your step, Step 2 of 3 (30 reps): 30 reps.")
    assert editor.model.index(0).data().endswith("30 reps \u00b7 step 2 of 3")
    step_total = editor.total.text()
    retype(qtbot, reps, "150")
    assert editor.model.index(0).data().endswith("150 reps")  # the person's count, no step named
    assert editor.total.text() != step_total
    assert editor.total.text() == "About " + dosage_text.about(
        plan.estimate_s(catalog, editor.routine(), ladder)
    )
