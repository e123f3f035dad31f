"""The pain rating answers from the keyboard alone."""

from PySide6.QtCore import Qt

from desktop.core.history import PainMoment
from desktop.ui.pain_dialog import PainDialog


def make(qtbot, moment=PainMoment.BEFORE):
    dialog = PainDialog(moment)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_digit_then_enter_saves(qtbot):
    dialog = make(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    focused = dialog.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Return)  # Enter lands on the focused number button
    assert dialog.result() == PainDialog.DialogCode.Accepted and dialog.value == 3


def test_one_then_zero_gives_ten_and_arrows_nudge(qtbot):
    dialog = make(qtbot, PainMoment.AFTER)
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_0)
    assert dialog.value == 10
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Left)
    assert dialog.value == 9
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Right)
    assert dialog.value == 10


def test_escape_and_enter_without_a_number_skip(qtbot):
    dialog = make(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == PainDialog.DialogCode.Rejected and dialog.value is None
    dialog = make(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == PainDialog.DialogCode.Rejected and dialog.value is None


def test_every_number_has_an_accessible_name(qtbot):
    dialog = make(qtbot)
    assert [b.accessibleName() for b in dialog.group.buttons()] == [f"Pain {n} of 10" for n in range(11)]
