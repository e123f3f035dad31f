"""The cue panel: the exercise's picture and one large cue at a time.

One cue at a time, large, is what can be read from the floor; the panel
rotates through them on a slow timer owned by the session view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.ui.placeholder_art import paint_placeholder
from desktop.ui.theme import LIGHT, SPACE, Palette


CUE_PX = 36  # readable from 3 m on a laptop screen


class _Art(QWidget):
    def __init__(self, panel: "CuePanel"):
        super().__init__(panel)
        self._panel = panel
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_placeholder(painter, self.rect(), self._panel.position, self._panel.palette_)
        painter.end()


class CuePanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.position = "standing"
        self.palette_: Palette = LIGHT
        self._cues: tuple[str, ...] = ()
        self._n = 0
        self.art = _Art(self)
        self.art.setAccessibleName("Exercise illustration")
        self.cue = QLabel(objectName="SessionCue", wordWrap=True)
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
        self.palette_ = palette
        self.art.update()

    def show_exercise(self, name: str, position: str, cues: tuple[str, ...]) -> None:
        self.position, self._cues, self._n = position, cues, 0
        self.art.setAccessibleDescription(f"{name}, {position}")
        self.art.update()
        self._show()

    def next_cue(self) -> None:
        if self._cues:
            self._n = (self._n + 1) % len(self._cues)
            self._show()

    def _show(self) -> None:
        self.cue.setText(self._cues[self._n] if self._cues else "")
