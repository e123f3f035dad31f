"""The session screen: step, exercise, huge timer, a rotating cue, the next step.

It renders ``Display`` values and turns keys and buttons into intents; the
session controller decides what they mean.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.core import clock as clocks
from desktop.core.catalog import Dosage
from desktop.core.figure import PoseBook
from desktop.core.session_display import Display
from desktop.ui.cue_panel import CuePanel
from desktop.ui.plain import PlainLabel
from desktop.ui.theme import LIGHT, SPACE, Palette
from desktop.ui.timer_dial import TimerDial

BACKGROUNDS = {"get_ready": "ready_bg", "rest": "rest_bg", "side_switch": "switch_bg", "done": "accent_soft"}

# (intent, button text, accessible name, keys)
CONTROLS = (
    ("back", "\u2190 Back", "Back to the previous step", ("Left",)),
    ("space", "Pause", "Pause or resume; in a self-paced set, count a rep", ("Space",)),
    ("skip", "Skip \u2192", "Skip to the next step", ("Right",)),
    ("end", "End", "End the session", ("Escape",)),
    ("mute", "Sound on", "Sound on or off", ("M",)),
    ("voice", "Voice on", "Voice on or off", ("V",)),
)


class SessionView(QWidget):
    intent = Signal(str)  # back | space | skip | end | mute | voice | set_done

    def __init__(self, parent=None, poses: PoseBook | None = None, clock: clocks.Clock = clocks.monotonic):
        super().__init__(parent)
        self.setObjectName("SessionView")
        self.setWindowTitle("Upright session")
        self.setAccessibleName("Session")
        self.setAutoFillBackground(True)
        self._palette: Palette = LIGHT
        self._kind = "get_ready"
        self._compact = False
        self.label = PlainLabel(objectName="SessionLabel")
        self.title = PlainLabel(objectName="SessionTitle", wordWrap=True)
        self.subtitle = PlainLabel(objectName="SessionSubtitle")
        self.dial = TimerDial()
        self.cues = CuePanel(poses=poses, clock=clock)
        self.next = PlainLabel(objectName="SessionNext", wordWrap=True)
        for label in (self.title, self.next):  # long names wrap instead of widening the window
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice = PlainLabel(objectName="Muted", wordWrap=True)
        self.notice.hide()
        self.buttons: dict[str, QPushButton] = {}
        controls = QHBoxLayout()
        controls.setSpacing(SPACE[2])
        for intent, text, name, keys in CONTROLS:
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setToolTip(f"{name} ({' / '.join(keys)})")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys act on the session, never on a button
            button.clicked.connect(lambda _=False, i=intent: self.intent.emit(i))
            controls.addWidget(button)
            self.buttons[intent] = button
            for key in keys:
                QShortcut(QKeySequence(key), self, lambda i=intent: self.intent.emit(i))
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self, lambda: self.intent.emit("set_done"))
        QShortcut(QKeySequence("F11"), self, self.toggle_full_screen)

        header = QHBoxLayout()
        header.setSpacing(SPACE[4])
        header.addWidget(self.label, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.title, 1)
        header.addWidget(self.subtitle, 0, Qt.AlignmentFlag.AlignVCenter)
        body = QHBoxLayout()
        body.setSpacing(SPACE[5])
        body.addWidget(self.cues, 2)  # the timer gets the lion's share: "20:00" must read from 3 m
        body.addWidget(self.dial, 5)
        footer = QHBoxLayout()
        footer.addWidget(self.next, 1)
        bar = QWidget(objectName="SessionControls")
        bar.setLayout(controls)
        footer.addWidget(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[5], SPACE[4], SPACE[5], SPACE[4])
        layout.setSpacing(SPACE[3])
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addLayout(footer)
        layout.addWidget(self.notice)
        self.cue_timer = QTimer(self)
        self.cue_timer.setInterval(7000)  # long enough to read a cue from the floor
        self.cue_timer.timeout.connect(self.cues.next_cue)

    def set_compact(self, compact: bool) -> None:
        """The small desk-break window: the cue and the timer, nothing that crowds them."""
        self.cues.art.setVisible(not compact)
        self.next.setVisible(not compact)
        self._compact = compact
        if compact:
            self.notice.hide()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self.dial.set_palette(palette)
        self.cues.set_palette(palette)
        self._paint_background()

    def set_cues(self, exercise_name: str, position: str, cues: tuple[str, ...]) -> None:
        self.cues.show_exercise(exercise_name, position, cues)
        self.cue_timer.start()

    def set_motion(
        self,
        exercise_id: str,
        dosage: Dosage | None,
        side: str | None = None,
        *,
        session: bool = False,
        started_at: float | None = None,
    ) -> None:
        """Move the figure at the exercise's tempo; ``side`` left/right shows only that side."""
        self.cues.show_motion(exercise_id, dosage, side, session, started_at)

    def notify(self, text: str) -> None:
        """A quiet line for what cannot work here (no sound device, no voice)."""
        lines = [t for t in self.notice.text().split("\n") if t]
        if text not in lines:
            self.notice.setText("\n".join([*lines, text]))
        self.notice.setVisible(not self._compact)

    def set_toggles(self, sound: bool, voice: bool) -> None:
        self.buttons["mute"].setText("Sound on" if sound else "Sound off")
        self.buttons["voice"].setText("Voice on" if voice else "Voice off")

    def render(self, d: Display) -> None:
        self.label.setText(d.label)
        self.title.setText(d.title)
        self.subtitle.setText(d.subtitle)
        self.dial.show_value(d.big, d.big_caption, d.progress)
        self.next.setText(d.next_text)
        space = "Resume" if d.paused else ("Rep done" if d.awaits_reps else "Pause")
        self.buttons["space"].setText(space)
        self.cues.art.set_paused(d.paused or d.kind == "done")
        if d.kind != self._kind:
            if d.kind == "done":  # the last exercise's cue no longer applies
                self.cue_timer.stop()
                self.cues.show_exercise("Session complete", "", ("Take your time getting up.",))
            for intent in ("back", "space", "skip", "end"):
                self.buttons[intent].setEnabled(d.kind != "done")
            self._kind = d.kind
            self._paint_background()

    def _paint_background(self) -> None:
        colour = getattr(self._palette, BACKGROUNDS.get(self._kind, "window"))
        self.setStyleSheet(f"#SessionView {{ background: {colour}; }}")
