"""The huge countdown or rep counter, with its caption and a progress bar.

Painted directly so the digits scale with the space they get (readable from
the floor 2-3 m away) and a repaint costs one text draw and two rectangles.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui.theme import LIGHT, Palette

DIGIT_SHARE = 0.78  # of the dial's height given to the digits' font
BAR_HEIGHT = 14
CAPTION_SHARE = 0.1  # rep k of n, the side and the set: read from the floor, so not small
NARROWEST = 75  # QFont stretch (per cent) the digits may be narrowed to before they shrink


class TimerDial(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Timer")
        self._big = ""
        self._caption = ""
        self._progress = 0.0
        self._palette: Palette = LIGHT
        self._font = QFont(self.font())
        self._font.setBold(True)
        self._font.setFeature(QFont.Tag("tnum"), 1)  # equal-width digits: no jitter as they change

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self.update()

    def show_value(self, big: str, caption: str, progress: float) -> None:
        if (big, caption, round(progress, 3)) == (self._big, self._caption, round(self._progress, 3)):
            return
        self._big, self._caption, self._progress = big, caption, progress
        self.setAccessibleDescription(f"{big} {caption}")
        self.update()

    def digit_font(self) -> QFont:
        """The digits' font, as large as fits both the height and the width."""
        caption_h = max(28.0, self.height() * CAPTION_SHARE)
        room_h = self.height() - caption_h - BAR_HEIGHT - 24
        font = QFont(self._font)
        font.setPixelSize(max(12, int(room_h * DIGIT_SHARE / 0.75)))
        text, room_w = self._big or "0:00", self.width() * 0.94
        width = QFontMetricsF(font).horizontalAdvance(text)
        if width > room_w:
            # Narrower glyphs before smaller ones: height is what reads from across a room.
            font.setStretch(max(NARROWEST, int(100 * room_w / width)))
            width = QFontMetricsF(font).horizontalAdvance(text)
        if width > room_w:
            font.setPixelSize(max(12, int(font.pixelSize() * room_w / width)))
        return font

    def paintEvent(self, event) -> None:
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        caption_h = max(28.0, self.height() * CAPTION_SHARE)
        digits_h = self.height() - caption_h - BAR_HEIGHT - 24
        painter.setPen(QColor(p.text))
        painter.setFont(self.digit_font())
        painter.drawText(QRectF(0, 0, self.width(), digits_h), Qt.AlignmentFlag.AlignCenter, self._big)
        caption = QFont(self._font)
        caption.setBold(False)
        caption.setPixelSize(int(caption_h * 0.8))
        painter.setFont(caption)
        painter.setPen(QColor(p.text))
        room = QRectF(0, digits_h, self.width(), caption_h)
        if QFontMetricsF(caption).horizontalAdvance(self._caption) > room.width():  # shrink, never clip
            caption.setPixelSize(
                max(
                    10,
                    int(
                        caption.pixelSize()
                        * room.width()
                        / QFontMetricsF(caption).horizontalAdvance(self._caption)
                    ),
                )
            )
            painter.setFont(caption)
        painter.drawText(room, Qt.AlignmentFlag.AlignCenter, self._caption)
        bar = QRectF(self.width() * 0.1, self.height() - BAR_HEIGHT - 4, self.width() * 0.8, BAR_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(p.border))
        painter.drawRoundedRect(bar, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        if self._progress > 0:
            filled = QRectF(bar.left(), bar.top(), bar.width() * min(1.0, self._progress), BAR_HEIGHT)
            painter.setBrush(QColor(p.accent))
            painter.drawRoundedRect(filled, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        painter.end()
