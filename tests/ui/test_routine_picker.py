"""File > Export's choice of routine stays on the screen with a 400-character name, and the
choice is the routine at that place (the name shown may be shortened)."""

from desktop.ui.dialogs import routine_picker
from tests.ui.fit_probe import UNBROKEN_NAME


def test_a_long_name_is_shortened_in_the_choice_and_whole_in_its_tooltip(qtbot):
    names = ["Mobility trio", UNBROKEN_NAME]
    picker, choice = routine_picker(None, "Export a routine", "Which routine?", "Export\u2026", names)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    assert choice.itemText(0) == "Mobility trio"
    assert choice.itemText(1).endswith("\u2026") and len(choice.itemText(1)) < 100
    assert UNBROKEN_NAME in choice.itemData(1, 3)  # Qt.ItemDataRole.ToolTipRole
    assert picker.width() < 800  # not 3000 px of name
    choice.setCurrentIndex(1)
    assert choice.currentIndex() == 1  # what export_chosen reads
