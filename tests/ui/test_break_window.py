"""The desk break window: centred, never takes the focus, the phase's cue and a countdown, calm ends."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.content.catalog_cache import shipped_poses
from desktop.core.desk_break import desk_break
from desktop.core.intents import BreakEnd
from desktop.ui.break_window import BreakWindow
from desktop.ui.theme import DARK, LIGHT


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def window(qtbot, catalog):
    def make(**kwargs) -> tuple[BreakWindow, FakeClock, list[str]]:
        clock, ended = FakeClock(), []
        w = BreakWindow(
            desk_break(catalog, catalog.routine("stand-and-extend")),
            poses=shipped_poses(),
            clock=clock,
            **kwargs,
        )
        qtbot.addWidget(w)
        w.ended.connect(ended.append)
        w.start()
        return w, clock, ended

    return make


def at(w: BreakWindow, clock: FakeClock, seconds: float) -> None:
    clock.now = 1000.0 + seconds
    w.refresh()


def test_it_never_takes_the_focus_and_sits_in_the_middle(window):
    w, _, _ = window()
    assert w.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert w.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in w.buttons.values())
    centre = QGuiApplication.primaryScreen().availableGeometry().center()
    assert abs(w.geometry().center().x() - centre.x()) <= 2
    assert abs(w.geometry().center().y() - centre.y()) <= 2


def test_each_phase_shows_its_own_cue_a_countdown_and_the_figure_moves_only_in_the_reps(window):
    w, clock, _ = window()
    assert w.cue.text().startswith("Stand up, feet hip-width apart")
    assert (w.countdown.text(), w.detail.text()) == ("45 s", "Get ready")
    assert not w.figure.animating  # standing still in the start position while getting ready
    at(w, clock, 6.2)
    assert w.cue.text() == "Lean back gently and look up a little."
    assert (w.countdown.text(), w.detail.text()) == ("39 s", "Rep 1 of 5 \u00b7 lean back")
    assert w.figure.animating
    at(w, clock, 8.5)
    assert w.cue.text() == "Stay there a moment and breathe."
    at(w, clock, 10.0)
    assert w.cue.text() == "Come back to standing tall."


def test_the_end_says_well_done_and_reports_completed(window):
    w, clock, ended = window()
    at(w, clock, 6.0)
    at(w, clock, 45.0)
    assert ended == [BreakEnd.COMPLETED]
    assert w.cue.text().startswith("Well done")
    assert not w.figure.animating


@pytest.mark.parametrize(("how", "end"), [("snooze", BreakEnd.SNOOZED), ("skip", BreakEnd.SKIPPED)])
def test_snooze_and_skip_end_it_once(window, how, end):
    w, _, ended = window()
    button = w.buttons[BreakEnd.SNOOZED if how == "snooze" else BreakEnd.SKIPPED]
    button.click()
    w.close()
    assert ended == [end] and type(ended[0]) is BreakEnd and not w.isVisible()


def test_closing_it_by_any_means_counts_as_skipping(window):
    w, _, ended = window()
    w.close()  # what the title bar's x, Alt+F4 and `wmctrl -c` ask for
    assert ended == [BreakEnd.CLOSED]


def test_skip_is_not_offered_once_the_day_s_skips_are_used(window):
    w, _, _ = window(can_skip=False)
    assert not w.buttons[BreakEnd.SKIPPED].isVisible() and w.buttons[BreakEnd.SNOOZED].isVisible()


@pytest.mark.parametrize("palette", [LIGHT, DARK])
def test_text_contrasts_with_the_background_in_both_themes(window, palette):
    from PySide6.QtGui import QColor

    def luminance(colour: str) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        q = QColor(colour)
        r, g, b = (channel(v) for v in (q.redF(), q.greenF(), q.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(a: str, b: str) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    w, _, _ = window(palette=palette)
    assert palette.window in w.styleSheet()
    assert contrast(palette.text, palette.window) >= 7  # the cue
    assert contrast(palette.accent, palette.window) >= 4.5  # the countdown
    assert contrast(palette.muted, palette.window) >= 4.5
