"""The paused veil: the whole session screen dims under one large word.

A small "Paused" pill reads from a desk but not from the floor 3 m away; a
dimmed screen with a huge word cannot be mistaken for a running session.
It takes no input, so the keys still reach the session underneath.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop.ui.theme import LIGHT, Palette

WORD_SHARE = 0.16  # of the screen's height: the largest text on it while paused
HINT = "Space to resume  \u00b7  Esc to end"


class PausedOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName("Paused")
        self._palette: Palette = LIGHT
        self.hide()

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self.update()

    def cover(self) -> None:
        """Fill the parent and sit above everything in it."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()

    def word_px(self) -> int:
        return max(24, int(self.height() * WORD_SHARE))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        veil = QColor(p.window)
        veil.setAlpha(215)
        painter.fillRect(self.rect(), veil)
        word = QFont(self.font())
        word.setBold(True)
        word.setPixelSize(self.word_px())
        painter.setFont(word)
        painter.setPen(QColor(p.text))
        h = self.height()
        painter.drawText(QRectF(0, h * 0.28, self.width(), h * 0.24), Qt.AlignmentFlag.AlignCenter, "Paused")
        hint = QFont(self.font())
        hint.setPixelSize(max(14, int(h * 0.05)))
        painter.setFont(hint)
        painter.drawText(QRectF(0, h * 0.54, self.width(), h * 0.1), Qt.AlignmentFlag.AlignCenter, HINT)
        painter.end()
