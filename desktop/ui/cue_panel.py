"""The cue panel: the exercise's picture and the one cue true right now.

The panel has no timer of its own: the session hands it the cue of the
moment on every repaint (see ``desktop.core.session_display``), so the words
change exactly when the phase does. The figure above moves at the
exercise's tempo during work and stands still in the start position while
the person gets ready, rests or switches sides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from desktop.core import clock as clocks
from desktop.core.catalog import Dosage
from desktop.core.figure import PoseBook
from desktop.core.plan import Side
from desktop.ui.animated_figure import AnimatedFigure
from desktop.ui.fit_text import fitting_px
from desktop.ui.plain import PlainLabel
from desktop.ui.theme import LIGHT, SPACE, Palette

CUE_PX = 36  # readable from 3 m on a laptop screen
LINES = 3  # the room a cue always has, so the figure above never moves
LINE = 1.3  # line height per pixel of type


class CuePanel(QWidget):
    def __init__(
        self,
        parent: QWidget | None = None,
        poses: PoseBook | None = None,
        clock: clocks.Clock = clocks.monotonic,
    ):
        super().__init__(parent)
        self.art = AnimatedFigure(poses, LIGHT, clock, self)
        self.art.setMinimumHeight(64)  # the smallest window keeps three lines of cue
        self.cue = PlainLabel(objectName="SessionCue", wordWrap=True)  # cues come from files
        self.cue.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.cue.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self._cue_px, self._smallest = CUE_PX, 14
        self.set_cue_px(CUE_PX)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE[2])
        layout.addWidget(self.art, 1)
        layout.addWidget(self.cue, 0)

    def set_cue_px(self, px: int, smallest: int = 14) -> None:
        """The cue's size when it fits; a long cue or a small window shrinks it to fit three
        lines, down to ``smallest``, so it never runs into the figure."""
        self._cue_px, self._smallest = px, smallest
        self.cue.setFixedHeight(int(px * LINE * LINES))
        self._fit()

    def _fit(self) -> None:
        text, width = self.cue.text(), self.cue.contentsRect().width()
        px = self._cue_px
        if text and width > 1:
            px = fitting_px(self.cue, text, self._cue_px, self._smallest, width, self.cue.height())
        # On the widget itself, so no theme or app stylesheet can shrink it.
        self.cue.setStyleSheet(f"font-size: {px}px; font-weight: 600;")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def set_palette(self, palette: Palette) -> None:
        self.art.set_palette(palette)

    def show_cue(self, text: str) -> None:
        if text != self.cue.text():
            self.cue.setText(text)
            self._fit()

    def show_motion(
        self,
        exercise_id: str,
        dosage: Dosage | None,
        side: Side | None = None,
        *,
        rung: int | None = None,
        started_at: float | None = None,
    ) -> None:
        """Play the exercise from its start pose, in time with a step that began at ``started_at``."""
        self.art.show_exercise(exercise_id, dosage, side, True, started_at, rung=rung)

    def show_still(self, exercise_id: str | None, rung: int | None = None, side: Side | None = None) -> None:
        """The start position, not moving: what to get into next."""
        self.art.show_still(exercise_id, rung=rung, side=side)
