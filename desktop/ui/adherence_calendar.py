"""A year of days as a grid of squares shaded by minutes exercised.

Qt Charts has no calendar heat map, so this one is painted: one square per
day, weeks as columns, Monday at the top; hovering names the day and minutes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.ui.theme import LIGHT, Palette

CELL = 13
GAP = 3


class AdherenceCalendar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Adherence calendar: minutes exercised per day")
        self.setMouseTracking(True)
        self._days: list[tuple[date, float]] = []
        self._palette: Palette = LIGHT
        self.setMinimumHeight(7 * (CELL + GAP) + 8)

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self.update()

    def show_days(self, days: list[tuple[date, float]]) -> None:
        self._days = days[-371:]  # at most a year of columns fits the card
        weeks = (len(self._days) + 13) // 7
        self.setMinimumWidth(min(weeks, 53) * (CELL + GAP) + 8)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(53 * (CELL + GAP) + 8, 7 * (CELL + GAP) + 8)

    def _cell(self, n: int) -> QRectF:
        first = self._days[0][0]
        offset = n + first.weekday()  # column 0 starts on the Monday of the first week
        return QRectF(4 + (offset // 7) * (CELL + GAP), 4 + (offset % 7) * (CELL + GAP), CELL, CELL)

    def paintEvent(self, event) -> None:
        if not self._days:
            return
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        empty, full = QColor(p.surface_alt), QColor(p.accent)
        for n, (_day, minutes) in enumerate(self._days):
            if minutes <= 0:
                colour = empty
            else:
                share = min(1.0, 0.25 + minutes / 40)  # 30 min or more reads as a full day
                colour = QColor(
                    round(empty.red() + (full.red() - empty.red()) * share),
                    round(empty.green() + (full.green() - empty.green()) * share),
                    round(empty.blue() + (full.blue() - empty.blue()) * share),
                )
            painter.setBrush(colour)
            painter.drawRoundedRect(self._cell(n), 3, 3)
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        for n, (day, minutes) in enumerate(self._days):
            if self._cell(n).contains(event.position()):
                QToolTip.showText(
                    event.globalPosition().toPoint(), f"{day:%a %d %b %Y}: {minutes:.0f} min", self
                )
                return
        QToolTip.hideText()
