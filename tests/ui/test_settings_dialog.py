"""Preferences: every rule in a plain sentence, live; bad values blocked with a message a person reads."""

from dataclasses import asdict

import pytest

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

        def outputs_lacking(self) -> dict:
            return {}

    result = asyncio.run(settings_flow.edit_preferences(save, BreakSettings(), Appearance(), Media(), "Dana"))
    assert result is not None
    assert saved[REPORT_NAME_KEY] == "Zo\u00eb N\u00e9ron"  # trimmed and composed, ready to print


def test_preferences_asked_for_again_while_open_bring_the_same_dialog_forward(qapp, monkeypatch):
    """Ctrl+, and then the tray's Preferences…: one dialog, or the second would save old values."""
    import asyncio

    from desktop.app import modal, settings_flow

    shown: list = []
    release = asyncio.Event()

    async def held_open(dialog) -> bool:
        shown.append(dialog)
        await release.wait()
        return False

    monkeypatch.setattr(modal, "answer", held_open)
    monkeypatch.setattr("desktop.platform.autostart.is_autostart_enabled", lambda: False)

    class Appearance:
        choice = "light"

    class Media:
        sound_wanted = voice_wanted = True

        def outputs_lacking(self) -> dict:
            return {}

    async def scenario():
        first = asyncio.ensure_future(
            settings_flow.edit_preferences(None, BreakSettings(), Appearance(), Media(), "")
        )
        await asyncio.sleep(0)  # the first dialog is on screen
        second = await settings_flow.edit_preferences(None, BreakSettings(), Appearance(), Media(), "")
        release.set()
        return second, await first

    assert asyncio.run(scenario()) == (None, None)
    assert len(shown) == 1 and settings_flow._showing == []


def type_into(qtbot, spin, text: str) -> None:
    """As a person does: select what is there, type over it."""
    spin.setFocus()
    spin.selectAll()
    if text:
        qtbot.keyClicks(spin, text)
    else:
        qtbot.keyClick(spin, "\b")  # Backspace empties the selected text


OUT_OF_RANGE = [
    ("interval", "interval_min", "1", "from 5 to 240 min, not 1"),
    ("interval", "interval_min", "0", "from 5 to 240 min, not 0"),
    ("interval", "interval_min", "300", "from 5 to 240 min, not 300"),
    ("natural", "natural_break_min", "0", "from 1 to 60 min, not 0"),
    ("natural", "natural_break_min", "90", "from 1 to 60 min, not 90"),
    ("snooze", "snooze_min", "0", "from 1 to 120 min, not 0"),
    ("snooze", "snooze_min", "500", "from 1 to 120 min, not 500"),
    ("skips", "daily_skip_limit", "25", "from 0 to 20 a day, or No limit, not 25"),
    ("interval", "interval_min", "", "is empty. Type a number of minutes from 5 to 240"),
]


@pytest.mark.parametrize(("field", "key", "typed", "said"), OUT_OF_RANGE)
def test_a_number_out_of_range_is_said_beside_the_field_and_save_waits(qtbot, field, key, typed, said):
    dialog = make(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    spin = getattr(dialog, field)
    note = next(note for note in dialog.notes if note.spin is spin)
    assert note.property("caution") is not True and "to" in note.text()  # the range, shown before any edit
    spin.setFocus()  # the focus frame is drawn thicker: measured with it, the message alone must move nothing
    settle(qtbot)
    rows_before = [s.mapTo(dialog, s.rect().topLeft()) for s in (dialog.natural, dialog.skips)]
    type_into(qtbot, spin, typed)
    settle(qtbot)
    assert [s.mapTo(dialog, s.rect().topLeft()) for s in (dialog.natural, dialog.skips)] == rows_before
    assert note.width() >= note.sizeHint().width()  # the note is not cut
    assert spin.text().removesuffix(" min") == typed  # shown as typed, not quietly put back
    assert f"\u201c{LABELS[key]}\u201d" in dialog.problem.text() and said in dialog.problem.text()
    assert note.property("caution") is True and spin.property("invalid") is True
    assert note.text().startswith("Type" if not typed else "Use")
    assert not dialog.save_button.isEnabled()
    type_into(qtbot, spin, "10")
    assert dialog.save_button.isEnabled() and not dialog.problem.text()
    assert note.property("caution") is False and dialog.values()[key] == 10


def test_the_arrows_stay_in_range_and_reach_no_limit(qtbot):
    dialog = make(qtbot)
    dialog.interval.setValue(6)
    dialog.interval.stepBy(-10)
    assert dialog.interval.value() == 5
    dialog.interval.stepBy(1000)
    assert dialog.interval.value() == 240
    dialog.skips.setValue(1)
    dialog.skips.stepBy(-5)
    assert dialog.skips.text() == "No limit" and dialog.values()["daily_skip_limit"] is None
    assert dialog.save_button.isEnabled()


def test_stored_values_out_of_range_are_set_aside_with_the_range():
    settings, problem = validate({"interval_min": 1})
    assert settings is None and problem is not None
    assert LABELS["interval_min"] in problem and "from 5 to 240 min, not 1" in problem


def test_without_sound_the_sound_and_voice_boxes_are_off_greyed_and_say_why(qtbot):
    from desktop.app.media import Media, Missing

    media = Media(has_output=lambda: False)
    lacking = media.outputs_lacking()
    no_sound = "No sound on this computer: the session runs silently."
    assert lacking == {Missing.SOUND: no_sound, Missing.VOICE: no_sound}
    dialog = make(qtbot, sound=True, voice=True, **{f"{k.value}_lacking": r for k, r in lacking.items()})
    for box in (dialog.sound, dialog.voice):
        assert not box.isEnabled() and not box.isChecked() and box.toolTip() == no_sound
    assert dialog.lacking.text() == no_sound and not dialog.lacking.isHidden()  # said once, not twice
    assert dialog.values()["sound"] is True and dialog.values()["voice"] is True  # the choice is kept


def test_with_sound_the_boxes_follow_the_choice_and_the_system_is_asked_once():
    from desktop.app.media import Media

    asked: list[bool] = []
    media = Media(has_output=lambda: asked.append(True) or True)
    assert media.outputs_lacking() == {} and media.outputs_lacking() == {}
    assert asked == [True]


def test_the_wheel_scrolls_past_fields_it_is_turned_over(qtbot):
    """Scrolling the page changes no setting it passes; a field being edited takes the wheel."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    dialog = make(qtbot)
    dialog.resize(660, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentIndex(1)
    settle(qtbot)

    def wheel(widget, notches: int) -> None:
        at = QPointF(widget.rect().center())
        event = QWheelEvent(
            at,
            QPointF(widget.mapToGlobal(at.toPoint())),
            QPoint(),
            QPoint(0, -120 * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)

    dialog.save_button.setFocus()
    away, interval = dialog.away.currentIndex(), dialog.interval.value()
    bar = dialog.tabs.currentWidget().verticalScrollBar()
    wheel(dialog.away, 3)
    wheel(dialog.interval, 3)
    assert dialog.away.currentIndex() == away and dialog.interval.value() == interval
    assert bar.value() > 0  # the page scrolled instead
    dialog.interval.setFocus()
    wheel(dialog.interval, -1)  # wheel up: one more minute
    assert dialog.interval.value() == interval + 1
