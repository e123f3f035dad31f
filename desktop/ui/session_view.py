"""The session screen: what to do now, readable from the floor 2-3 m away.

It renders ``Display`` values and turns keys, buttons and the window's close
button into intents; the session controller decides what they mean. The
type scales with the window's height, so the order of importance holds at
any size: the timer, then the phase word with its countdown, then the
exercise, the cue, the counts; the exercise name wraps before anything
else gives way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.core import clock as clocks
from desktop.core.catalog import Dosage
from desktop.core.figure import PoseBook
from desktop.core.intents import SessionIntent
from desktop.core.plan import Side
from desktop.core.session_display import Display, FigureCue
from desktop.ui.cue_panel import CuePanel
from desktop.ui.fit_text import ElidedLabel, fitting_px
from desktop.ui.paused_overlay import PausedOverlay
from desktop.ui.plain import PlainLabel
from desktop.ui.theme import LIGHT, SPACE, Palette
from desktop.ui.timer_dial import TimerDial

BACKGROUNDS = {"get_ready": "ready_bg", "rest": "rest_bg", "side_switch": "switch_bg", "done": "accent_soft"}
MIN_SIZE = (640, 400)  # below this the timer and the cue cannot both stay readable
ROOMY_HEIGHT = 480  # below this the rows sit closer together

# (intent, button text, accessible name, keys)
CONTROLS = (
    (SessionIntent.BACK, "\u2190 Back", "Back to the previous step", ("Left",)),
    (SessionIntent.SPACE, "Pause", "Pause or resume; in a self-paced set, count a rep", ("Space",)),
    (SessionIntent.SKIP, "Skip \u2192", "Skip to the next step", ("Right",)),
    (SessionIntent.END, "End", "End the session", ("Escape",)),
    (SessionIntent.MUTE, "Sound on", "Sound on or off", ("M",)),
    (SessionIntent.VOICE, "Voice on", "Voice on or off", ("V",)),
)

# Pixel size of each text as a share of the window's height (and its floor in px).
TYPE_SHARE = {
    "title": (0.06, 18),
    "subtitle": (0.032, 13),
    "label": (0.034, 13),
    "phase": (0.09, 18),  # at least 8 % of the height: the second largest thing on screen
    "cue": (0.05, 16),
    "next": (0.03, 12),
    "button": (0.024, 12),
}


_TOGGLES = {SessionIntent.MUTE: ("sound", "M"), SessionIntent.VOICE: ("voice", "V")}
# Every text a control button can show (the space bar's changes with the step).
LONGEST_LABELS = ("Rep done", "Resume", "Sound off", "Voice off", "No sound", "No voice", "Skip \u2192")


class SessionView(QWidget):
    intent = Signal(SessionIntent)

    def __init__(self, parent=None, poses: PoseBook | None = None, clock: clocks.Clock = clocks.monotonic):
        super().__init__(parent)
        self._missing: dict[SessionIntent, str] = {}  # reasons, shown on the sound and voice buttons
        self._toggles = {SessionIntent.MUTE: True, SessionIntent.VOICE: True}
        self.setObjectName("SessionView")
        self.setWindowTitle("Upright session")
        self.setAccessibleName("Session")
        self.setAutoFillBackground(True)
        self._palette: Palette = LIGHT
        self._kind = "get_ready"
        self._may_close = False
        self._figure: FigureCue | None = None
        self.label = PlainLabel(objectName="SessionLabel")
        self.title = PlainLabel(objectName="SessionTitle", wordWrap=True)
        self.subtitle = ElidedLabel("SessionSubtitle")
        self.phase = PlainLabel(objectName="SessionPhase")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dial = TimerDial()
        self.cues = CuePanel(poses=poses, clock=clock)
        self.next = ElidedLabel("SessionNext")
        for label in (self.title, self.phase):
            # long names wrap or elide instead of widening the window past the screen
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice = PlainLabel(objectName="Muted", wordWrap=True)
        self.notice.hide()
        self.buttons: dict[SessionIntent, QPushButton] = {}
        self._shortcuts: list[QShortcut] = []
        self.question: QWidget | None = None  # a question asked on the done screen, if any
        controls = QHBoxLayout()
        controls.setSpacing(SPACE[2])
        controls.setContentsMargins(0, 0, 0, 0)
        for intent, text, name, keys in CONTROLS:
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setToolTip(f"{name} ({' / '.join(keys)})")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys act on the session, never on a button
            button.clicked.connect(lambda _=False, i=intent: self.intent.emit(i))
            controls.addWidget(button)
            self.buttons[intent] = button
            for key in keys:
                self._shortcuts.append(
                    QShortcut(QKeySequence(key), self, lambda i=intent: self.intent.emit(i))
                )
        for key in ("Return", "Enter"):
            self._shortcuts.append(
                QShortcut(QKeySequence(key), self, lambda: self.intent.emit(SessionIntent.SET_DONE))
            )
        QShortcut(QKeySequence("F11"), self, self.toggle_full_screen)

        header = QHBoxLayout()
        header.setSpacing(SPACE[4])
        header.addWidget(self.label, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        header.addLayout(heading, 1)
        timer = QVBoxLayout()
        timer.setSpacing(0)
        timer.addWidget(self.phase)
        timer.addWidget(self.dial, 1)
        self._timer_column = timer
        body = QHBoxLayout()
        body.setSpacing(SPACE[5])
        body.addWidget(self.cues, 2)
        body.addLayout(timer, 4)  # the timer gets the lion's share: "20:00" must read from 3 m
        footer = QHBoxLayout()
        footer.addStretch(1)
        bar = QWidget()
        bar.setObjectName("SessionControls")
        self._controls = bar
        bar.setLayout(controls)
        footer.addWidget(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[5], SPACE[4], SPACE[5], SPACE[4])
        layout.setSpacing(SPACE[3])
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addWidget(self.next)
        layout.addLayout(footer)
        layout.addWidget(self.notice)
        self.paused = PausedOverlay(self)
        self._fit_type()

    # -- window ------------------------------------------------------------------
    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The title-bar x, Alt+F4 or the window manager: the controller ends the session
        (it records it ended early) and then closes the window itself."""
        if self._may_close:
            super().closeEvent(event)
            return
        event.ignore()
        self.intent.emit(SessionIntent.CLOSE)

    @property
    def kind(self) -> str:
        """The kind of step on screen (``"done"`` once the session has ended)."""
        return self._kind

    # -- a question on the done screen ----------------------------------------------
    def ask(self, question: QWidget) -> None:
        """Show ``question`` (a question after the session: the pain rating, advice, the review)
        in the timer's place, so the summary beside it stays readable; the keys are its own
        until ``end_question``."""
        question.setWindowFlags(Qt.WindowType.Widget)  # a part of this screen, not a window over it
        question.setParent(self)
        question.setMinimumSize(0, 0)  # sized for a window of its own; here its layout decides
        if (inner := question.layout()) is not None:  # the screen's margins are its margins
            inner.setContentsMargins(0, 0, 0, 0)
        # The controls do nothing now (the session is over): their row goes to the question.
        for widget in (self.phase, self.dial, self.next, self._controls):
            widget.hide()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
        self._timer_column.addWidget(question, 1, Qt.AlignmentFlag.AlignVCenter)  # its own height, centred
        self.question = question
        question.show()
        self.activateWindow()  # a dialog may just have closed: the keys come back here
        question.setFocus()  # digits, arrows, Enter and Esc answer it

    def end_question(self) -> None:
        """Back to the done screen as it was; Enter, Esc or Close now close it."""
        if self.question is not None:
            self._timer_column.removeWidget(self.question)
            self.question.hide()
            self.question = None
        for widget in (self.phase, self.dial, self.next, self._controls):
            widget.show()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(True)
        self.activateWindow()

    def close_for_good(self) -> None:
        self._may_close = True
        self.close()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_type()
        self.paused.cover()

    def type_px(self, role: str) -> int:
        share, floor = TYPE_SHARE[role]
        return max(floor, int(self.height() * share))

    def _fit_type(self) -> None:
        """Scale every text with the window, on the widgets themselves so no app stylesheet
        can shrink them. A small window also gives up air around and between the rows."""
        layout = self.layout()
        if layout is not None:
            roomy = self.height() >= ROOMY_HEIGHT
            edge, gap = (SPACE[4], SPACE[3]) if roomy else (SPACE[2], SPACE[2])
            layout.setContentsMargins(SPACE[5], edge, SPACE[5], edge)
            layout.setSpacing(gap)
        for role, widget, weight in (
            ("subtitle", self.subtitle, 400),
            ("label", self.label, 700),
            ("phase", self.phase, 700),
            ("next", self.next, 400),
        ):
            widget.setStyleSheet(f"font-size: {self.type_px(role)}px; font-weight: {weight};")
        self.cues.set_cue_px(self.type_px("cue"), self.type_px("next"))
        controls = self.findChild(QWidget, "SessionControls")
        if controls is not None:
            controls.setStyleSheet(self._controls_style())
        self._fit_title()

    def _controls_style(self) -> str:
        """The six buttons' type, and padding that lets all six keep their size hint in one row:
        roomy in a big window, tight at the smallest (640 px at 200 %: "No voice" stays whole)."""
        px = self.type_px("button")
        room = self.width() - 2 * SPACE[5]  # the view's side margins
        gap = SPACE[2]  # the controls' spacing
        each = (room - gap * (len(CONTROLS) - 1)) // len(CONTROLS)
        font = self.font()
        font.setPixelSize(px)
        words = max(QFontMetrics(font).horizontalAdvance(t) for t in LONGEST_LABELS)
        pad = max(SPACE[1], min(SPACE[3], (each - words - 6) // 2))  # 6: border and focus ring
        least = max(0, min(int(px * 4.5), each - 2 * pad - 6))
        tall = max(28, min(36, int(self.height() * 0.07)))  # a small window keeps its height for the cue
        return (
            f"QPushButton {{ font-size: {px}px; padding: {SPACE[1]}px {pad}px; "
            f"min-width: {least}px; min-height: {tall}px; }}"
        )

    def _fit_title(self) -> None:
        """The whole name, wrapping onto a second line and only then getting smaller; the
        ladder step below it and the next line give way first (they elide)."""
        largest = self.type_px("title")
        width = self.title.contentsRect().width()
        px = largest
        if self.title.text() and width > 1:
            px = fitting_px(
                self.title, self.title.text(), largest, self.type_px("next"), width, int(largest * 1.3 * 2)
            )
        self.title.setStyleSheet(f"font-size: {px}px; font-weight: 700;")

    # -- state ---------------------------------------------------------------------
    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self.dial.set_palette(palette)
        self.cues.set_palette(palette)
        self.paused.set_palette(palette)
        self._paint_background()

    def set_motion(
        self,
        exercise_id: str,
        dosage: Dosage | None,
        side: Side | None = None,
        *,
        rung: int | None = None,
        started_at: float | None = None,
    ) -> None:
        """Move the figure at the exercise's tempo, in time with a step that began at ``started_at``."""
        self._figure = FigureCue(exercise_id, rung, side, moving=True)
        self.cues.show_motion(exercise_id, dosage, side, rung=rung, started_at=started_at)

    def notify(self, text: str) -> None:
        """A quiet line for what cannot work here (no sound device, no voice)."""
        lines = [t for t in self.notice.text().split("\n") if t]
        if text not in lines:
            self.notice.setText("\n".join([*lines, text]))
        self.notice.setVisible(True)

    def set_toggles(self, sound: bool, voice: bool) -> None:
        self._toggles = {SessionIntent.MUTE: sound, SessionIntent.VOICE: voice}
        for intent, (noun, key) in _TOGGLES.items():
            button, reason = self.buttons[intent], self._missing.get(intent)
            if reason is not None:  # the lasting sign of a missing piece, said once per install
                button.setText(f"No {noun}")
                button.setToolTip(reason)
            else:
                button.setText(f"{noun.capitalize()} {'on' if self._toggles[intent] else 'off'}")
                button.setToolTip(f"{noun.capitalize()} on or off ({key})")
            button.setAccessibleDescription(reason or "")

    def show_missing(self, intent: SessionIntent, reason: str) -> None:
        """This machine cannot give sound (``MUTE``) or voice (``VOICE``): say so on its button."""
        self._missing[intent] = reason
        self.set_toggles(self._toggles[SessionIntent.MUTE], self._toggles[SessionIntent.VOICE])

    def present(self, d: Display) -> None:
        self.label.setText(d.label)
        self.title.setText(d.title)
        self.subtitle.set_full_text(d.subtitle)
        self.subtitle.setVisible(bool(d.subtitle))
        self.phase.setText(d.phase)
        self.dial.show_value(d.big, d.big_caption, d.progress)
        self.cues.show_cue(d.cue)
        self._fit_title()
        self.next.set_full_text(d.next_text)
        space = "Resume" if d.paused else ("Rep done" if d.awaits_reps else "Pause")
        self.buttons[SessionIntent.SPACE].setText(space)
        if not d.figure.moving and d.figure != self._figure:
            self._figure = d.figure
            self.cues.show_still(d.figure.exercise_id, d.figure.rung, d.figure.side)
        self.cues.art.set_paused(d.paused or d.kind == "done")
        self.paused.setVisible(d.paused)
        if d.paused:
            self.paused.cover()
        if d.kind != self._kind:
            self.cues.art.setVisible(d.kind != "done")  # nothing left to show
            for intent in (SessionIntent.BACK, SessionIntent.SPACE, SessionIntent.SKIP):
                self.buttons[intent].setEnabled(d.kind != "done")
            if d.kind == "done":  # the screen stays until the person closes it
                close = self.buttons[SessionIntent.END]
                close.setText("Close")
                close.setAccessibleName("Close the session window")
                close.setToolTip("Close the session window (Enter / Esc)")
            self._kind = d.kind
            self._paint_background()

    def _paint_background(self) -> None:
        colour = getattr(self._palette, BACKGROUNDS.get(self._kind, "window"))
        self.setStyleSheet(f"#SessionView {{ background: {colour}; }}")
