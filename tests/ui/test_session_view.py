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


@pytest.mark.parametrize("big", ["5", "49", "20:00", "1:05"])
def test_timer_digits_are_at_least_thirty_percent_of_the_window(qtbot, big):
    view = shown(qtbot)
    view.set_cues("Static back", "supine", ("Lie on your back", "Calves on the ottoman", "Breathe"))
    view.render(
        Display(
            "work",
            "Work",
            "Static back",
            "",
            big,
            "minutes left",
            0.3,
            "Next: finish",
            "static-back",
            False,
            False,
        )
    )
    qtbot.wait(10)
    digits = QFontMetricsF(view.dial.digit_font()).tightBoundingRect(big)
    assert digits.height() >= 0.30 * view.height(), (digits.height(), view.height())
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


def luminance(colour) -> float:
    """WCAG 2 relative luminance of a QColor."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast(a, b) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("kind", ["work", "rest", "get_ready", "side_switch"])
def test_timer_contrast_is_at_least_seven_to_one_as_rendered(qtbot, palette, kind):
    """Measured on the pixels: the digits' ink against the background right beside them."""
    view = shown(qtbot, palette)
    view.render(
        Display(kind, kind, "Static back", "", "20:00", "minutes left", 0.3, "", "static-back", False, False)
    )
    qtbot.wait(10)
    image = view.grab().toImage()
    dial = view.dial.geometry()
    background = image.pixelColor(dial.left() + 2, dial.top() + 2)
    ink = max(
        (
            image.pixelColor(x, y)
            for x in range(dial.left(), dial.right(), 3)
            for y in range(dial.top(), dial.top() + dial.height() // 2, 3)
        ),
        key=lambda c: contrast(c, background),
    )
    assert contrast(ink, background) >= 7.0, (kind, ink.name(), background.name())


def test_the_done_screen_stops_the_figure_and_the_cues(qtbot):
    view = shown(qtbot)
    view.set_cues("Cat/cow", "all-fours", ("Hands under shoulders", "Round up", "Let the belly drop"))
    view.render(Display("work", "Work", "Cat/cow", "", "3", "of 8 reps", 0.3, "", "cat-cow", False, False))
    assert view.cue_timer.isActive() and view.buttons["skip"].isEnabled()
    view.render(
        Display("done", "Done", "Session complete", "Well done.", "\u2713", "", 1.0, "", None, False, False)
    )
    assert not view.cue_timer.isActive() and not view.buttons["skip"].isEnabled()
    assert view.cues.cue.text() == "Take your time getting up." and not view.cues.art.animating
