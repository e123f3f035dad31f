"""A widget that plays an exercise's illustration at the exercise's tempo, or shows it still.

Two uses: ``show_exercise`` moves the figure through the tempo's phases (a session
step, a demonstration in the exercise details); ``show_still`` draws one position and
runs no timer (rest and get-ready show the next exercise's start position this way).
Cheap by design: a coarse ~30 fps timer runs only while the widget is
visible and something moves, and each frame is a pure function of the
injected clock (see ``desktop.core.motion``), so tests step a fake clock
instead of sleeping and a slow frame never makes the movement drift.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.core import clock as clocks
from desktop.core.catalog import Dosage
from desktop.core.figure import ExerciseArt, PoseBook
from desktop.core.motion import Frame, Timeline, start_frame
from desktop.core.plan import Side
from desktop.ui.figure_painter import paint_art, paint_figure
from desktop.ui.theme import LIGHT, Palette

FRAME_MS = 33


class AnimatedFigure(QWidget):
    def __init__(
        self,
        poses: PoseBook | None = None,
        palette: Palette = LIGHT,
        clock: clocks.Clock = clocks.monotonic,
        parent=None,
        cycles: int | None = None,
    ):
        """``cycles``: play that many repetitions, then rest on the end position (a click plays
        again); ``None`` loops for as long as the widget is shown, as the session's cue panel does."""
        super().__init__(parent)
        self._cycles = cycles
        self.setAccessibleName("Exercise illustration")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._poses = poses or PoseBook({})
        self._palette = palette
        self._clock = clock
        self._art: ExerciseArt | None = None
        self._timeline: Timeline | None = None
        self._still: Frame | None = None
        self._bounds: tuple[float, float, float, float] | None = None
        self._origin = clock()
        self._paused_at: float | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def art(self) -> ExerciseArt | None:
        return self._art

    @property
    def animating(self) -> bool:
        return self._timer.isActive()

    def sizeHint(self) -> QSize:
        return QSize(320, 200)

    def show_exercise(
        self,
        exercise_id: str | None,
        dosage: Dosage | None = None,
        side: Side | None = None,
        session: bool = False,
        started_at: float | None = None,
        rung: int | None = None,
    ) -> None:
        """Play ``exercise_id`` from its start pose, one cycle per rep.

        ``dosage``: its tempo sets the phases (in order, each moving to the keyframe the
        pose data names for it) and its sides whether reps alternate. ``side``: a session
        step's side, "left"/"right" (the named limb works), "alternate" (the limbs change over
        every rep, left first, as the session engine counts) or None (a demonstration of both).
        ``session``: positions meant to be held settle and stay. ``started_at`` (clock time)
        lines the movement up with a step that began a moment ago, so reps stay in time.
        ``rung``: the person's ladder step (0 = easiest), whose drawing may differ.
        """
        self._art = self._poses.get(exercise_id, rung) if exercise_id else None
        self._still = None
        self._timeline = Timeline.for_exercise(self._art, dosage, side, session) if self._art else None
        self._bounds = self._art.bounds() if self._art else None  # one exercise: fill the widget with it
        self._origin = self._clock() if started_at is None else started_at
        if self._paused_at is not None:
            self._paused_at = self._origin
        self._sync_timer()
        self.update()

    def show_still(self, exercise_id: str | None, rung: int | None = None, side: Side | None = None) -> None:
        """Draw ``exercise_id``'s start position (at ladder ``rung``) without moving.

        The start position is the art's setup position (``start`` in the pose data, else its
        first keyframe), where a set's first rep begins.

        For rest, get-ready and side switches, which show where the next set begins: no timer
        runs and ``frame()`` stays the same however the clock moves. ``side`` is the coming
        step's ("left", "right", "alternate" or None): the picture is that step's first frame.
        """
        self._art = self._poses.get(exercise_id, rung) if exercise_id else None
        self._timeline = None
        self._still = start_frame(self._art, side) if self._art else None
        self._bounds = self._art.bounds() if self._art else None
        self._sync_timer()
        self.update()

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self.update()

    def set_paused(self, paused: bool) -> None:
        """Freeze the movement where it is (a paused session), and pick it up from there."""
        now = self._clock()
        if paused and self._paused_at is None:
            self._paused_at = now
        elif not paused and self._paused_at is not None:
            self._origin += now - self._paused_at
            self._paused_at = None
        self._sync_timer()

    def elapsed(self) -> float:
        elapsed = (self._paused_at if self._paused_at is not None else self._clock()) - self._origin
        limit = self._limit()
        return elapsed if limit is None else min(elapsed, limit)

    def _limit(self) -> float | None:
        """When a demonstration of ``cycles`` repetitions reaches its last end position."""
        t = self._timeline
        if self._cycles is None or t is None or t.once:
            return None
        return (self._cycles - 1) * t.cycle_s + t.settle_s

    def mousePressEvent(self, event) -> None:
        if self._limit() is not None:  # play the demonstration again
            self._origin = self._clock()
            self._sync_timer()
            self.update()
        super().mousePressEvent(event)

    def frame(self) -> Frame | None:
        """Where the figure is now: a still, a frame of the timeline, or None without art."""
        if self._art is None:
            return None
        return self._timeline.frame(self.elapsed()) if self._timeline else self._still

    def _settled(self) -> bool:
        t, limit = self._timeline, self._limit()
        return (
            t is None
            or (t.once and self.elapsed() >= t.settle_s)
            or (limit is not None and self.elapsed() >= limit)
        )

    def _sync_timer(self) -> None:
        run = self.isVisible() and self._paused_at is None and not self._settled()
        if run and not self._timer.isActive():
            self._timer.start()
        elif not run and self._timer.isActive():
            self._timer.stop()

    def _tick(self) -> None:
        self.update()
        if self._settled():
            self._timer.stop()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._sync_timer()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._sync_timer()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        frame = self.frame()
        if frame is None or self._art is None:
            paint_art(painter, QRectF(self.rect()), None, self._palette)
        else:
            paint_figure(
                painter, QRectF(self.rect()), frame.scene(self._art), self._palette, zoom_to=self._bounds
            )
        painter.end()
