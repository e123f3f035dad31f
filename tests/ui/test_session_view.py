"""The session view is readable from the floor, says what it is handed, and every action has a button."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from desktop.core.session_display import Display, FigureCue
from desktop.ui.session_view import SessionView
from desktop.ui.theme import DARK, LIGHT
from tests.waiting import settle


def shown_display(
    kind="work",
    exercise_id="static-back",
    *,
    big="20:00",
    caption="minutes left",
    cue="Let your back settle into the floor",
    phase="",
    title="Static back",
    subtitle="",
    paused=False,
    side=None,
    label=None,
) -> Display:
    return Display(
        kind=kind,
        label=label or kind.replace("_", " ").capitalize(),
        title=title,
        subtitle=subtitle,
        big=big,
        big_caption=caption,
        progress=0.3,
        cue=cue,
        phase=phase,
        next_text="Next: finish",
        figure=FigureCue(exercise_id, None, side, moving=kind == "work"),
        paused=paused,
        awaits_reps=False,
    )


def shown(qtbot, palette=LIGHT, size=(1280, 720)):
    view = SessionView()
    qtbot.addWidget(view)
    view.set_palette(palette)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("big", ["5", "49", "20:00", "1:05"])
def test_timer_digits_are_at_least_thirty_percent_of_the_window(qtbot, big):
    view = shown(qtbot)
    view.present(shown_display(big=big))
    settle(qtbot)
    digits = QFontMetricsF(view.dial.digit_font()).tightBoundingRect(big)
    assert digits.height() >= 0.30 * view.height(), (digits.height(), view.height())
    assert digits.width() <= view.dial.width()
    assert view.cues.cue.fontInfo().pixelSize() >= 32


def test_the_phase_word_is_the_second_largest_text_at_least_8_percent_high(qtbot):
    view = shown(qtbot)
    view.present(
        shown_display("work", "cat-cow", big="3", caption="rep 3 of 8", phase="Cow  2", cue="Belly sinks")
    )
    settle(qtbot)
    phase_px = view.phase.fontInfo().pixelSize()
    assert phase_px >= 0.08 * view.height()
    others = [view.title, view.subtitle, view.label, view.next, view.cues.cue]
    assert all(phase_px > w.fontInfo().pixelSize() for w in others)
    assert phase_px < QFontMetricsF(view.dial.digit_font()).height()
    assert view.phase.text() == "Cow  2" and view.cues.cue.text() == "Belly sinks"


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


def test_closing_the_window_asks_the_controller_instead_of_hiding(qtbot):
    view = shown(qtbot)
    pressed = []
    view.intent.connect(pressed.append)
    view.close()
    assert pressed == ["close"] and view.isVisible()
    view.close_for_good()
    assert not view.isVisible()


def test_rest_and_get_ready_look_different_from_work(qtbot):
    view = shown(qtbot)
    colours = {}
    for kind in ("work", "rest", "get_ready", "side_switch"):
        view.present(shown_display(kind, big="9"))
        settle(qtbot)
        colours[kind] = view.grab().toImage().pixelColor(4, 4).name()
    assert len(set(colours.values())) == 4, colours


def test_cue_stays_large_under_the_app_stylesheet(qtbot, qapp):
    from desktop.ui.appearance import Appearance

    Appearance(qapp, "dark")
    view = shown(qtbot, DARK)
    view.present(shown_display(cue="Round your back up toward the ceiling"))
    assert view.cues.cue.fontInfo().pixelSize() >= 32


def test_text_from_files_is_shown_as_plain_text(qtbot):
    view = shown(qtbot)
    hostile = '<img src="/dev/zero"><b>bold</b>'
    view.present(shown_display(title=hostile, cue=hostile, subtitle=hostile))
    for label in (view.title, view.cues.cue, view.subtitle, view.phase, view.next, view.label):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_paused_dims_the_whole_screen_under_a_large_word(qtbot, qapp):
    from desktop.ui.appearance import Appearance

    Appearance(qapp, "light")  # the app's stylesheet and the view's palette agree, as in the app
    view = shown(qtbot)
    view.present(shown_display(big="12"))
    settle(qtbot)
    running = view.grab().toImage()
    view.present(shown_display(big="12", paused=True, label="Paused"))
    settle(qtbot)
    assert view.paused.isVisible() and view.paused.geometry() == view.rect()
    assert view.paused.word_px() >= 0.15 * view.height()
    paused = view.grab().toImage()

    def strong_ink(image) -> int:
        """Pixels of the cue (beside the big word, not under it) that stand out at 4.5:1."""
        box = view.cues.cue.geometry().translated(view.cues.pos())
        background = image.pixelColor(view.width() - 3, view.height() - 3)
        return sum(
            1
            for x in range(box.left(), box.right(), 3)
            for y in range(box.top(), box.bottom(), 3)
            if contrast(image.pixelColor(x, y), background) >= 4.5
        )

    running_ink, paused_ink = strong_ink(running), strong_ink(paused)
    # Under the veil the running screen's text fades: it cannot be read as running.
    assert running_ink > 50 and paused_ink < running_ink / 4, (running_ink, paused_ink)


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
    view.present(shown_display(kind))
    settle(qtbot)
    image = view.grab().toImage()
    dial = view.dial.geometry().translated(
        view.dial.parentWidget().mapTo(view, view.dial.parentWidget().rect().topLeft())
    )
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


def test_the_done_screen_stops_the_figure_and_disables_the_steps(qtbot):
    view = shown(qtbot)
    view.present(shown_display("work", "cat-cow", big="3", caption="rep 3 of 8"))
    assert view.buttons["skip"].isEnabled()
    done = Display(
        "done",
        "Ended early",
        "Session ended early",
        "",
        "\u25a0",
        "saved in your history",
        1.0,
        "1 set of 1 exercise in 1 minute.",
        "",
        "Take your time getting up.",
        FigureCue(None, None, None, False),
        False,
        False,
    )
    view.present(done)
    assert not view.buttons["skip"].isEnabled() and not view.cues.art.animating
    assert view.title.text() == "Session ended early" and view.cues.cue.text().startswith("1 set")


def _done_display() -> Display:
    return Display(
        "done",
        "Ended early",
        "Session ended early",
        "",
        "1",
        "set done",
        1.0,
        "1 set of 1 exercise in 1 minute.",
        "",
        "Take your time getting up. Enter or Esc closes this window.",
        FigureCue(None, None, None, False),
        False,
        False,
    )


def _in_view(view, widget):
    from PySide6.QtCore import QRect

    return QRect(widget.mapTo(view, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("size", [(1280, 720), (640, 400)])
def test_the_pain_question_sits_beside_the_summary_and_leaves_it_readable(qtbot, size):
    """The after-session question is part of the done screen: the title and the summary
    stay uncovered, the keys go to the question, and afterwards Enter, Esc or Close leave."""
    from PySide6.QtWidgets import QApplication

    from desktop.core.intents import SessionIntent
    from desktop.ui.pain_dialog import PainDialog

    view = shown(qtbot, size=size)
    view.present(shown_display("work", "cat-cow", big="3", caption="rep 3 of 8"))
    view.present(_done_display())
    close = view.buttons[SessionIntent.END]
    assert close.isEnabled() and close.text() == "Close" and not view.buttons[SessionIntent.SKIP].isEnabled()
    question = PainDialog("after")
    view.ask(question)
    question.open()
    view.activateWindow()
    qtbot.waitUntil(lambda: question.isVisible() and QApplication.activeWindow() is view)
    assert not question.isWindow() and question.isVisible() and view.question is question
    summary, title = _in_view(view, view.cues.cue), _in_view(view, view.title)
    asked = _in_view(view, question)
    assert view.rect().contains(asked), (asked, view.rect())
    assert not asked.intersects(summary) and not asked.intersects(title), (asked, summary, title)
    assert view.cues.cue.isVisible() and view.cues.cue.text().startswith("1 set")
    emitted = []
    view.intent.connect(emitted.append)
    qtbot.keyClick(question, Qt.Key.Key_4)
    qtbot.keyClick(question, Qt.Key.Key_Return)
    assert question.result() == PainDialog.DialogCode.Accepted and question.value == 4
    assert emitted == [], "the question's keys never reach the session"
    view.end_question()
    assert view.question is None and view.next.isVisible() and view.dial.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert emitted == [SessionIntent.END, SessionIntent.SET_DONE]
