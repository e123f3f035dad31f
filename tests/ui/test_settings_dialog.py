"""Settings: every rule in a plain sentence, live; bad values blocked with a message."""

from dataclasses import asdict

from PySide6.QtWidgets import QDialogButtonBox

from desktop.app.settings_flow import validate
from desktop.core.breaks import BreakSettings, rules_text
from desktop.ui.settings_dialog import SettingsDialog


def make(qtbot):
    settings = BreakSettings()
    dialog = SettingsDialog({**asdict(settings), "autostart": False, "theme": "dark"}, rules_text(settings))
    qtbot.addWidget(dialog)

    def preview(values):
        checked, problem = validate(values)
        dialog.show_problem(problem)
        if checked is not None:
            dialog.show_rules(rules_text(checked))

    dialog.changed.connect(preview)
    return dialog


def test_rules_follow_the_edits(qtbot):
    dialog = make(qtbot)
    assert "After 30 minutes of sitting" in dialog.rules.text()
    dialog.interval.setValue(45)
    assert "After 45 minutes of sitting" in dialog.rules.text()
    dialog.only_hours.setChecked(False)
    assert "09:00" not in dialog.rules.text()
    values = dialog.values()
    assert values["working_hours"] is None and values["theme"] == "dark"


def test_a_break_longer_than_the_interval_is_refused(qtbot):
    dialog = make(qtbot)
    dialog.interval.setValue(10)
    dialog.natural.setValue(15)
    assert "natural_break_min" in dialog.problem.text()
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert not button.isEnabled()
    dialog.natural.setValue(5)
    assert button.isEnabled() and not dialog.problem.text()


def test_no_working_days_is_refused(qtbot):
    dialog = make(qtbot)
    for box in dialog.days:
        box.setChecked(False)
    assert "working_hours.days" in dialog.problem.text()
