"""A widget that plays an exercise's illustration at the exercise's tempo.

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
from desktop.core.motion import Frame, Timeline
from desktop.ui.figure_painter import paint_art
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
        side: str | None = None,
        session: bool = False,
        started_at: float | None = None,
        rung: int | None = None,
    ) -> None:
        """Play ``exercise_id`` from its start pose (``rung``: the person's ladder step).

        ``side`` left/right fixes the side shown (a session step); ``started_at`` (clock time)
        lines the movement up with a step that began a moment ago, so reps stay in time.
        """
        self._art = self._poses.get(exercise_id) if exercise_id else None
        self._timeline = Timeline.for_exercise(self._art, dosage, side, session) if self._art else None
        self._bounds = self._art.bounds() if self._art else None  # one exercise: fill the widget with it
        self._origin = self._clock() if started_at is None else started_at
        if self._paused_at is not None:
            self._paused_at = self._origin
        self._sync_timer()
        self.update()

    def show_still(self, exercise_id: str | None, rung: int | None = None, side: str | None = None) -> None:
        """The start position of ``exercise_id``, standing still (get ready, rest, switch sides)."""
        self._art = self._poses.get(exercise_id) if exercise_id else None
        self._timeline = Timeline.still(self._art, side) if self._art else None
        self._bounds = self._art.bounds() if self._art else None
        self._origin = self._clock()
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
        return (self._cycles - 1) * t.cycle_s + t.rest_s + t.go_s

    def mousePressEvent(self, event) -> None:
        if self._limit() is not None:  # play the demonstration again
            self._origin = self._clock()
            self._sync_timer()
            self.update()
        super().mousePressEvent(event)

    def frame(self) -> Frame | None:
        return self._timeline.frame(self.elapsed()) if self._timeline else None

    def _settled(self) -> bool:
        t, limit = self._timeline, self._limit()
        return (
            t is None
            or (t.once and self.elapsed() >= t.rest_s + t.go_s)
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
        if frame is None:
            paint_art(painter, QRectF(self.rect()), None, self._palette)
        else:
            paint_art(
                painter,
                QRectF(self.rect()),
                self._art,
                self._palette,
                frame.position,
                frame.mirrored,
                zoom_to=self._bounds,
            )
        painter.end()
