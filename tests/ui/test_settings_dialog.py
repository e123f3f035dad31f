"""Preferences: every rule in a plain sentence, live; bad values blocked with a message a person reads."""

from dataclasses import asdict

from desktop.app.settings_flow import connect_preview, validate
from desktop.core.breaks import BreakSettings, rules_text
from desktop.ui.settings_dialog import LABELS, SettingsDialog
from tests.waiting import settle


def make(qtbot, **overrides):
    settings = BreakSettings()
    values = {**asdict(settings), "autostart": False, "theme": "dark", "sound": True, "voice": False}
    dialog = SettingsDialog({**values, **overrides}, rules_text(settings))
    qtbot.addWidget(dialog)
    connect_preview(dialog)
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
    assert values["sound"] is True and values["voice"] is False


def test_rules_follow_even_values_that_cannot_be_saved(qtbot):
    dialog = make(qtbot)
    dialog.natural.setValue(5)
    dialog.interval.setValue(5)
    assert "After 5 minutes of sitting" in dialog.rules.text()  # not the last valid 30
    assert dialog.problem.text()


def test_a_break_longer_than_the_interval_is_refused_in_the_forms_words(qtbot):
    dialog = make(qtbot)
    dialog.interval.setValue(10)
    dialog.natural.setValue(15)
    text = dialog.problem.text()
    assert LABELS["natural_break_min"] in text and LABELS["interval_min"] in text
    assert "_min" not in text and "Lower" in text  # no file keys; says what to do
    assert not dialog.save_button.isEnabled()
    dialog.natural.setValue(5)
    assert dialog.save_button.isEnabled() and not dialog.problem.text()


def test_no_working_days_is_refused(qtbot):
    dialog = make(qtbot)
    for box in dialog.days:
        box.setChecked(False)
    assert "Tick at least one working day" in dialog.problem.text()
    assert "working_hours" not in dialog.problem.text()


def test_the_end_before_the_start_is_refused(qtbot):
    from PySide6.QtCore import QTime

    dialog = make(qtbot)
    dialog.end.setTime(QTime(8, 0))
    assert "08:00" in dialog.problem.text() and "later in the day" in dialog.problem.text()


def test_the_form_keeps_its_place_when_a_message_appears(qtbot):
    dialog = make(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    tabs_before = dialog.tabs.geometry()
    buttons_before = dialog.save_button.mapTo(dialog, dialog.save_button.rect().topLeft())
    dialog.natural.setValue(40)
    settle(qtbot)
    assert dialog.problem.isVisible()
    assert dialog.tabs.geometry() == tabs_before
    assert dialog.save_button.mapTo(dialog, dialog.save_button.rect().topLeft()) == buttons_before


def test_validate_reads_stored_values_that_lack_keys():
    settings, problem = validate({})
    assert settings == BreakSettings() and problem is None


def test_the_name_on_reports_is_checked_as_names_are(qtbot):
    dialog = make(qtbot, report_name="Dana Example", report_name_default="root")
    assert dialog.report_name.text() == "Dana Example" and dialog.report_name.placeholderText() == "root"
    dialog.report_name.setText("Dana\x1b[2J")
    dialog.report_name.textEdited.emit(dialog.report_name.text())  # as typing emits it
    text = dialog.problem.text()
    assert LABELS["report_name"] in text and "control character U+001B" in text
    assert "empty the field" in text and not dialog.save_button.isEnabled()
    dialog.report_name.setText("")  # empty: the account's name, which is fine
    dialog.report_name.textEdited.emit("")
    assert dialog.save_button.isEnabled() and dialog.values()["report_name"] == ""


def test_saving_preferences_stores_the_name_in_nfc(qapp, monkeypatch):
    import asyncio

    from desktop.app import modal, settings_flow
    from desktop.app.report_data import REPORT_NAME_KEY

    async def typed(dialog) -> bool:
        dialog.report_name.setText("  Zoe\u0308 Ne\u0301ron ")  # decomposed, as some input methods type it
        return True

    monkeypatch.setattr(modal, "answer", typed)
    monkeypatch.setattr("desktop.platform.autostart.is_autostart_enabled", lambda: False)
    saved: dict = {}

    async def save(key, value) -> None:
        saved[key] = value

    class Appearance:
        choice = "light"

        def set_choice(self, choice) -> None:
            self.choice = choice

    class Media:
        sound_wanted = voice_wanted = True

        def want(self, **_kw) -> None:
            pass

    result = asyncio.run(settings_flow.edit_preferences(save, BreakSettings(), Appearance(), Media(), "Dana"))
    assert result is not None
    assert saved[REPORT_NAME_KEY] == "Zo\u00eb N\u00e9ron"  # trimmed and composed, ready to print
