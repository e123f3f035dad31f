"""Type that shrinks before it is cut: the largest size at which wrapped text fits its box.

A session is read from across a room, so its words start large; on a small
window or a long cue they give up size, never letters.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy

from desktop.ui.plain import PlainLabel, plain_tooltip


def wrapped_height(font: QFont, text: str, width: int) -> int:
    flags = int(Qt.TextFlag.TextWordWrap)
    return QFontMetrics(font).boundingRect(QRect(0, 0, max(1, width), 100_000), flags, text).height()


def fitting_px(label: QLabel, text: str, largest: int, smallest: int, width: int, height: int) -> int:
    """The largest pixel size in ``[smallest, largest]`` at which ``text`` wraps into
    ``width`` x ``height``; ``smallest`` if none does."""
    font = QFont(label.font())
    lo, hi, best = smallest, largest, smallest
    while lo <= hi:
        mid = (lo + hi) // 2
        font.setPixelSize(mid)
        fits = wrapped_height(font, text, width) <= height
        widest = max((QFontMetrics(font).horizontalAdvance(w) for w in text.split()), default=0)
        if fits and widest <= width:
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    return best


class ElidedLabel(PlainLabel):
    """One line that gives way at its end (with the whole text as its tooltip) instead of
    widening its window or being cut mid-letter: for the least important lines."""

    def __init__(self, object_name: str) -> None:
        super().__init__(objectName=object_name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(plain_tooltip(text))
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(room, 1)))
