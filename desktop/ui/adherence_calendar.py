"""Up to a year of days as a grid of squares shaded by minutes exercised.

Qt Charts has no calendar heat map, so this one is painted: weeks as
columns, the days of the week as rows starting on the locale's first day,
month names above the columns where a month begins and weekday names on the
left. The squares grow to use the width they are given (a four-week range
is a readable block, not a cluster in a corner), up to a size where the day
of the month fits inside each one. Hovering names the day and its minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.ui.theme import LIGHT, Palette
from desktop.ui.weeks import days_into_week, first_weekday

MIN_CELL, MAX_CELL, GAP = 11, 34, 3
MAX_WEEKS = 53  # a year of columns
DAY_NUMBERS_FROM = 22  # cells at least this big show the day of the month
FULL_DAY_MIN = 30  # this many minutes or more is the darkest square


def shade(minutes: float) -> float:
    """0 for no exercise, else between 0.25 and 1 (at ``FULL_DAY_MIN`` or more)."""
    return 0.0 if minutes <= 0 else min(1.0, 0.25 + 0.75 * minutes / FULL_DAY_MIN)


class AdherenceCalendar(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Adherence calendar: minutes exercised per day")
        self.setMouseTracking(True)
        self._all: list[tuple[date, float]] = []  # as given, up to a year
        self._days: list[tuple[date, float]] = []  # the most recent weeks that fit the width
        self._cut = False  # days older than a year were left out
        self._palette: Palette = LIGHT
        self._locale = QLocale()
        self.first_weekday = first_weekday(self._locale)  # ISO: Monday is 1; the charts' weeks too
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        small = QFont(self.font())
        small.setPixelSize(11)
        self._small = small
        metrics = QFontMetrics(small)  # the gutters depend only on the font and the locale: measured once
        names = [self.weekday_name(n) for n in range(7)]
        self._gutter_sizes = max(metrics.horizontalAdvance(n) for n in names) + 8, metrics.height() + 6

    # -- data --------------------------------------------------------------------------
    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self.update()

    def show_days(self, days: list[tuple[date, float]]) -> None:
        """At most 53 columns: the week of the last day and the 52 before it."""
        self._cut = False
        if days:
            last = days[-1][0]
            start = last - timedelta(days=self.row(last), weeks=MAX_WEEKS - 1)
            self._cut = days[0][0] < start
            days = [(d, m) for d, m in days if d >= start]
        self._all = days
        self._fit(self.width())

    @property
    def truncated(self) -> bool:
        """Fewer days shown than given, or a year cut from a longer range."""
        return bool(self._all) and (len(self._days) < len(self._all) or self._cut)

    def shown_days(self) -> list[tuple[date, float]]:
        return self._days

    def _fit(self, width: int) -> None:
        """Keep the most recent weeks that fit ``width`` at the smallest cell; older ones wait for room."""
        self._days = self._all
        if self._all:
            left, _top = self._gutters()
            room = max(4, (width - left - 8) // (MIN_CELL + GAP))
            if self.weeks() > room:
                start = self._start() + timedelta(weeks=self.weeks() - room)
                self._days = [(d, m) for d, m in self._all if d >= start]
        self.updateGeometry()
        self.update()

    def resizeEvent(self, event) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)

    # -- geometry ----------------------------------------------------------------------
    def row(self, day: date) -> int:
        return days_into_week(day, self.first_weekday)

    def _start(self) -> date:
        first = self._days[0][0]
        return first - timedelta(days=self.row(first))

    def weeks(self) -> int:
        if not self._days:
            return 0
        return (self._days[-1][0] - self._start()).days // 7 + 1

    def _gutters(self) -> tuple[int, int]:
        """Room for the weekday names at the left and the month names above."""
        return self._gutter_sizes

    def cell_for(self, width: int) -> int:
        left, _top = self._gutters()
        weeks = max(1, self.weeks())
        return max(MIN_CELL, min(MAX_CELL, (width - left - 8) // weeks - GAP))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        _left, top = self._gutters()
        return top + 7 * (self.cell_for(width) + GAP) + 4

    def sizeHint(self) -> QSize:
        left, _top = self._gutters()
        width = left + min(53, max(8, self.weeks())) * (MIN_CELL + GAP) + 8
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """Eight weeks' width: narrower windows show fewer, more recent weeks rather than scroll."""
        left, top = self._gutters()
        return QSize(left + 8 * (MIN_CELL + GAP) + 8, top + 7 * (MIN_CELL + GAP) + 4)

    def _origin(self) -> tuple[float, float, int]:
        """Left edge of the first column, top of the first row, and the cell size, centred."""
        left, top = self._gutters()
        cell = self.cell_for(self.width())
        grid = self.weeks() * (cell + GAP) - GAP
        x0 = max(left, (self.width() - grid + left) / 2)
        return x0, top, cell

    def cell_rect(self, day: date) -> QRectF:
        x0, y0, cell = self._origin()
        column = (day - self._start()).days // 7
        return QRectF(x0 + column * (cell + GAP), y0 + self.row(day) * (cell + GAP), cell, cell)

    # -- names ---------------------------------------------------------------------------
    def weekday_name(self, row: int) -> str:
        iso = (self.first_weekday - 1 + row) % 7 + 1
        return self._locale.dayName(iso, QLocale.FormatType.ShortFormat)

    def month_labels(self, advance: Callable[[str], float] | None = None) -> list[tuple[str, float]]:
        """(text, x) of the month names above the columns: where each month begins, and the month
        the view opens in.

        Two names never overlap, and the year is never lost with a name left out: the opening
        month's name gives way to the next one (which then carries the year), and January
        always shows its year, so a view from 8 Dec reads "Jan 2026, Feb, ..." rather than
        "Dec 2025, Feb". ``advance`` measures a text (the painter's font metrics).
        """
        width = advance or QFontMetrics(self._small).horizontalAdvance
        marks: list[tuple[str, float, float, bool]] = []  # text, left, right, opens the view mid-month
        for day, _minutes in self._days:
            if marks and day.day != 1:
                continue
            left = self.cell_rect(day - timedelta(days=self.row(day))).left()
            if marks and left < marks[-1][2]:  # it would overlap the name before it
                if not (marks[-1][3] or day.month == 1):
                    continue
                marks.pop()
            name = self._locale.monthName(day.month, QLocale.FormatType.ShortFormat)
            text = f"{name} {day.year}" if not marks or day.month == 1 else name
            marks.append((text, left, left + width(text) + 8, day.day != 1))
        return [(text, left) for text, left, _right, _opening in marks]

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        if not self._days:
            return
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._small)
        metrics = QFontMetrics(self._small)
        x0, _y0, cell = self._origin()
        painter.setPen(QColor(p.muted))
        for row in range(7):
            if cell >= 16 or row % 2 == 0:
                rect = self.cell_rect(self._start() + timedelta(days=row))
                painter.drawText(
                    QRectF(0, rect.top(), x0 - 6, rect.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    self.weekday_name(row),
                )
        for text, left in self.month_labels(metrics.horizontalAdvance):
            painter.drawText(QRectF(left, 0, 200, metrics.height() + 2), Qt.AlignmentFlag.AlignLeft, text)
        empty, full = QColor(p.surface_alt), QColor(p.accent)
        for day, minutes in self._days:
            share = shade(minutes)
            colour = QColor(
                round(empty.red() + (full.red() - empty.red()) * share),
                round(empty.green() + (full.green() - empty.green()) * share),
                round(empty.blue() + (full.blue() - empty.blue()) * share),
            )
            rect = self.cell_rect(day)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 3, 3)
            if cell >= DAY_NUMBERS_FROM:
                painter.setPen(QColor(p.accent_text if share > 0.55 else p.muted))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(day.day))
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        for day, minutes in self._days:
            if self.cell_rect(day).contains(event.position()):
                QToolTip.showText(
                    event.globalPosition().toPoint(), f"{day:%a %d %b %Y}: {minutes:.0f} min", self
                )
                return
        QToolTip.hideText()
