"""The cue panel: the exercise's moving picture and one large cue at a time.

One cue at a time, large, is what can be read from the floor; the panel
rotates through them on a slow timer owned by the session view. The figure
above moves at the exercise's tempo and shows the side being worked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.core import clock as clocks
from desktop.core.catalog import Dosage
from desktop.core.figure import PoseBook
from desktop.ui.animated_figure import AnimatedFigure
from desktop.ui.plain import PlainLabel
from desktop.ui.theme import LIGHT, SPACE, Palette

CUE_PX = 36  # readable from 3 m on a laptop screen


class CuePanel(QWidget):
    def __init__(self, parent=None, poses: PoseBook | None = None, clock: clocks.Clock = clocks.monotonic):
        super().__init__(parent)
        self._cues: tuple[str, ...] = ()
        self._n = 0
        self.art = AnimatedFigure(poses, LIGHT, clock, self)
        self.art.setMinimumHeight(160)
        self.cue = PlainLabel(objectName="SessionCue", wordWrap=True)
        self.cue.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.cue.setMinimumHeight(96)
        # On the widget itself, so no theme or app stylesheet can shrink it.
        self.cue.setStyleSheet(f"font-size: {CUE_PX}px; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE[3])
        layout.addWidget(self.art, 3)
        layout.addWidget(self.cue, 1)

    def set_palette(self, palette: Palette) -> None:
        self.art.set_palette(palette)

    def show_exercise(self, name: str, position: str, cues: tuple[str, ...]) -> None:
        self._cues, self._n = cues, 0
        self.art.setAccessibleDescription(f"{name}, {position}")
        self.art.update()
        self._show()

    def show_motion(
        self,
        exercise_id: str,
        dosage: Dosage | None,
        side: str | None = None,
        session: bool = False,
        started_at: float | None = None,
    ) -> None:
        """Play the exercise from its start pose, e.g. when a step starts, on ``side``."""
        self.art.show_exercise(exercise_id, dosage, side, session, started_at)

    def next_cue(self) -> None:
        if self._cues:
            self._n = (self._n + 1) % len(self._cues)
            self._show()

    def _show(self) -> None:
        self.cue.setText(self._cues[self._n] if self._cues else "")
