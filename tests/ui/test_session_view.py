"""The session view is readable from the floor and every action has a named button."""

import pytest
from PySide6.QtGui import QFontMetricsF

from desktop.core.session_display import Display
from desktop.ui.session_view import SessionView
from desktop.ui.theme import DARK, LIGHT


def shown(qtbot, palette=LIGHT):
    view = SessionView()
    qtbot.addWidget(view)
    view.set_palette(palette)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("big", ["5", "49", "20:00"])
def test_timer_digits_are_at_least_a_quarter_of_the_window(qtbot, big):
    view = shown(qtbot)
    view.set_cues("Static back", "supine", ("Lie on your back", "Calves on the ottoman", "Breathe"))
    view.render(Display("work", "Work", "Static back", "", big, "minutes left", 0.3, "Next: finish", "static-back",
                        False, False))
    qtbot.wait(10)
    digits = QFontMetricsF(view.dial.digit_font()).tightBoundingRect(big)
    assert digits.height() >= 0.25 * view.height(), (digits.height(), view.height())
    assert digits.width() <= view.dial.width()
    assert view.cues.cue.fontInfo().pixelSize() >= 32


def test_every_action_has_a_button_with_an_accessible_name(qtbot):
    view = shown(qtbot, DARK)
    names = {intent: b.accessibleName() for intent, b in view.buttons.items()}
    assert set(names) == {"back", "space", "skip", "end", "mute", "voice"}
    assert all(names.values())
    pressed = []
    view.intent.connect(pressed.append)
    for button in view.buttons.values():
        button.click()
    assert pressed == ["back", "space", "skip", "end", "mute", "voice"]


def test_rest_and_get_ready_look_different_from_work(qtbot):
    view = shown(qtbot)
    colours = {}
    for kind in ("work", "rest", "get_ready", "side_switch"):
        view.render(Display(kind, kind, "X", "", "9", "seconds", 0.1, "", "x", False, False))
        qtbot.wait(5)
        colours[kind] = view.grab().toImage().pixelColor(4, 4).name()
    assert len(set(colours.values())) == 4, colours


def test_cue_stays_large_under_the_app_stylesheet(qtbot, qapp):
    from desktop.ui.appearance import Appearance

    Appearance(qapp, "dark")
    view = shown(qtbot, DARK)
    view.set_cues("Cat/cow", "all-fours", ("Hands under shoulders", "Round up", "Let the belly drop"))
    assert view.cues.cue.fontInfo().pixelSize() >= 32
