"""The desk break: a calm, centred window with the moving figure, the cue and a countdown.

It never takes the keyboard focus (someone may still be typing when it
appears), so it answers to the mouse: Snooze and Skip, or closing it in any
way, which counts as skipping. It renders ``DeskBreak.moment`` and emits how
the break ended; the tray decides what that means.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.core import clock as clocks
from desktop.core.desk_break import GET_READY_S, DeskBreak
from desktop.core.dosage_text import phase_words
from desktop.core.figure import PoseBook
from desktop.core.intents import BreakEnd
from desktop.core.session_display import clock_text
from desktop.ui.animated_figure import AnimatedFigure
from desktop.ui.plain import PlainLabel
from desktop.ui.theme import LIGHT, SPACE, Palette

SIZE = (560, 600)
DONE_LINGER_MS = 2500  # "Well done" stays long enough to read, then the window goes


class BreakWindow(QWidget):
    ended = Signal(BreakEnd)  # once

    def __init__(
        self,
        plan: DeskBreak,
        *,
        poses: PoseBook,
        palette: Palette = LIGHT,
        clock: clocks.Clock = clocks.monotonic,
        can_skip: bool = True,
    ) -> None:
        super().__init__(
            None,
            Qt.WindowType.Window
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setObjectName("BreakWindow")
        self.setWindowTitle(f"{plan.exercise_name} \u2014 Upright")
        self.setAccessibleName("Desk break")
        self._plan, self._clock = plan, clock
        self._started: float | None = None
        self._phase = ""
        self._ended = False
        centre = Qt.AlignmentFlag.AlignCenter
        self.title = PlainLabel(plan.exercise_name, objectName="BreakTitle", alignment=centre)
        self.figure = AnimatedFigure(poses, palette, clock)
        self.cue = PlainLabel(objectName="BreakCue", wordWrap=True, alignment=centre)  # cues come from files
        self.countdown = PlainLabel(objectName="BreakCountdown", alignment=centre)
        self.detail = PlainLabel(objectName="BreakDetail", alignment=centre)
        self.buttons: dict[BreakEnd, QPushButton] = {}
        row = QHBoxLayout()
        row.addStretch(1)
        for end, text, name in (
            (BreakEnd.SNOOZED, "Snooze", "Ask again later"),
            (BreakEnd.SKIPPED, "Skip", "Skip this break"),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, e=end: self._end(e))
            row.addWidget(button)
            self.buttons[end] = button
        self.buttons[BreakEnd.SKIPPED].setVisible(can_skip)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[5], SPACE[4], SPACE[5], SPACE[4])
        layout.setSpacing(SPACE[3])
        layout.addWidget(self.title)
        layout.addWidget(self.figure, 1)
        layout.addWidget(self.cue)
        layout.addWidget(self.countdown)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)
        self.set_palette(palette)

    def start(self) -> None:
        """Show centred on the screen, without taking the focus, and begin the get-ready."""
        self._started = self._clock()
        self.resize(*SIZE)
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.move(screen.center().x() - SIZE[0] // 2, screen.center().y() - SIZE[1] // 2)
        self.show()
        self.refresh()

    def set_palette(self, palette: Palette) -> None:
        self.figure.set_palette(palette)
        self.setStyleSheet(
            f"#BreakWindow {{ background: {palette.window}; }}"
            f"#BreakTitle {{ color: {palette.muted}; font-size: 18px; }}"
            f"#BreakCue {{ color: {palette.text}; font-size: 26px; font-weight: 600; }}"
            f"#BreakCountdown {{ color: {palette.accent}; font-size: 40px; font-weight: 700; }}"
            f"#BreakDetail {{ color: {palette.muted}; font-size: 16px; }}"
        )

    def elapsed(self) -> float:
        return 0.0 if self._started is None else self._clock() - self._started

    def refresh(self) -> None:
        """Show the moment now and sleep until the next thing that changes on screen."""
        elapsed = self.elapsed()
        m = self._plan.moment(elapsed)
        if m.phase != self._phase:
            self._enter(m.phase, elapsed)
        self.cue.setText(m.cue)
        left = clock_text(m.left_s)
        self.countdown.setText("" if m.done else left if ":" in left else f"{left} s")
        self.detail.setText(
            "Get ready"
            if m.rep == 0
            else ""
            if m.done
            else f"Rep {m.rep} of {m.reps} \u00b7 {phase_words(m.phase)}"
        )
        if m.done:
            self._end(BreakEnd.COMPLETED)
        else:
            self._timer.start(max(10, round(self._plan.next_change(elapsed) * 1000)))

    def _enter(self, phase: str, elapsed: float) -> None:
        if phase == "get-ready":  # the start position, still
            self.figure.show_exercise(self._plan.exercise_id, self._plan.dosage, session=True)
            self.figure.set_paused(True)
        elif self._phase == "get-ready":  # the reps begin: the figure moves in step from here
            self.figure.set_paused(False)
            self.figure.show_exercise(
                self._plan.exercise_id,
                self._plan.dosage,
                session=True,
                started_at=self._clock() - (elapsed - GET_READY_S),
            )
        elif phase == "done":
            self.figure.set_paused(True)
        self._phase = phase

    def _end(self, end: BreakEnd) -> None:
        if self._ended:
            return
        self._ended = True
        self._timer.stop()
        self.figure.set_paused(True)
        self.ended.emit(end)
        if end is BreakEnd.COMPLETED:  # "Well done" stays long enough to read
            QTimer.singleShot(DONE_LINGER_MS, self.hide)
        else:
            self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._end(BreakEnd.CLOSED)
        super().closeEvent(event)
