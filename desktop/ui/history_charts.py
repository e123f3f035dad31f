"""The history charts (Qt Charts): minutes, breaks and pain, readable at any size of history.

A history may hold nothing, one session, a month or ten years. The bars are
grouped (``desktop.ui.chart_periods``) so a chart never holds more than a
few dozen of them, weeks starting on the locale's first day; every axis
names its unit, every label is a real date and no two labels read the same.
Routines and outcomes are named in full in a legend under the chart
(``desktop.ui.chart_panel``). A chart with nothing to show says what will appear.

Qt Charts is deprecated in favour of Qt Graphs since Qt 6.10, but Qt Graphs'
2D charts run on Qt Quick and need a GPU scene graph; Qt Charts paints with
QPainter, so it renders offscreen, under Xvfb, on machines without GPU, and
into a PDF as vectors.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QCursor, QFont
from PySide6.QtWidgets import QToolTip

from desktop.core.history import BreakOutcome
from desktop.ui.chart_panel import ChartPanel, recolour
from desktop.ui.chart_periods import UNIT_TITLES, Periods, averaged_pain, time_ticks
from desktop.ui.theme import Palette

BREAK_OUTCOMES = (  # outcome, how a person reads it, colour
    (BreakOutcome.TAKEN, "Taken", "#2bb3a8"),
    (BreakOutcome.NATURAL, "Got up on your own", "#7fb0ff"),
    (BreakOutcome.SNOOZED, "Snoozed", "#f2a31b"),
    (BreakOutcome.SKIPPED, "Skipped", "#e0707a"),
    (BreakOutcome.IGNORED, "Not answered", "#a3adb8"),
)
ROUTINE_COLOURS = ("#0b6e69", "#4cc2b8", "#7fb0ff", "#f2a31b", "#b58ae6", "#e0707a", "#8a94a0")
PAIN_BEFORE = "#e0707a"
NEW_ROUTINE_GAP_DAYS = 14
MAX_PAIN_POINTS = 150  # more rated sessions than this are drawn as weekly (or monthly) means
EMPTY_TEXT = {
    "minutes": "Minutes per routine will appear here after your first session.",
    "breaks": "Sit-break reminders and how you answered them will appear here "
    "once Upright has been running in the tray on a working day.",
    "pain": "Pain ratings will appear here when you rate your pain before or after a session.",
}


# -- axes ----------------------------------------------------------------------------------
def nice_step(top: float, ticks: int = 5) -> int:
    """A whole step of 1, 2 or 5 times a power of ten giving at most ``ticks`` intervals up to ``top``."""
    raw = max(top, 1.0) / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return max(1, int(factor * power))
    return max(1, int(10 * power))


def whole_axis(top: float, title: str) -> QValueAxis:
    """0 up to a whole multiple of a nice step, labelled in whole numbers: no label twice."""
    step = nice_step(top)
    intervals = max(1, math.ceil(top / step))
    axis = QValueAxis()
    axis.setRange(0, intervals * step)
    axis.setTickCount(intervals + 1)
    axis.setLabelFormat("%d")
    axis.setTitleText(title)
    return axis


def axis_labels(axis: QAbstractAxis) -> list[str]:
    """The labels an axis draws, for tests and for checking uniqueness."""
    if isinstance(axis, QBarCategoryAxis):
        return list(axis.categories()) if axis.labelsVisible() else []
    if isinstance(axis, QCategoryAxis):
        return list(axis.categoriesLabels())
    if isinstance(axis, QValueAxis):
        n = axis.tickCount()
        step = (axis.max() - axis.min()) / max(1, n - 1)
        return [str(round(axis.min() + i * step)) for i in range(n)]
    return []


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def _small(axis: QAbstractAxis) -> None:
    font = QFont(axis.labelsFont())
    font.setPixelSize(11)
    axis.setLabelsFont(font)
    title = QFont(axis.titleFont())
    title.setPixelSize(11)
    title.setBold(False)
    axis.setTitleFont(title)


def _bars(panel: ChartPanel, labels: list[str], unit: str, sets: list[QBarSet], y_title: str) -> None:
    chart = panel.chart()
    series = QStackedBarSeries()
    for bar_set in sets:
        series.append(bar_set)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(labels)
    x.setTitleText(UNIT_TITLES[unit])
    x.setLabelsAngle(-90 if len(labels) > 8 else 0)
    top = max((sum(s.at(i) for s in sets) for i in range(len(labels))), default=0.0)
    y = whole_axis(top, y_title)
    for axis in (x, y):
        _small(axis)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    series.setBarWidth(0.6 if len(labels) > 3 else 0.35)  # one bar is not a wall


def _hover(bar_set: QBarSet, labels: list[str], unit: str) -> None:
    def show(status: bool, index: int) -> None:
        if status:
            QToolTip.showText(
                QCursor.pos(), f"{labels[index]} \u00b7 {bar_set.label()}: {bar_set.at(index):.0f} {unit}"
            )

    bar_set.hovered.connect(show)


def fill_minutes(
    panel: ChartPanel,
    daily: list[tuple[date, str, float]],
    names: dict[str, str],
    palette: Palette,
    first: date,
    last: date,
    first_weekday: int,
) -> None:
    """Minutes per week, month or year, stacked by routine; ``daily`` rows are (day, routine, minutes).
    Weeks start on ISO weekday ``first_weekday``, as the calendar's columns do."""
    chart = panel.chart()
    _clear(chart)
    periods = Periods.over(first, last, first_weekday)
    per_routine: dict[str, list[float]] = {}
    for day, routine, minutes in daily:  # one pass: ten years are ~10,000 rows
        slot = periods.slot(day)
        if minutes > 0 and slot is not None:
            per_routine.setdefault(routine, [0.0] * len(periods.starts))[slot] += minutes
    if not per_routine:
        panel.show_empty(EMPTY_TEXT["minutes"], f"Minutes per {periods.unit}")
        return
    sets, legend = [], []
    for n, routine in enumerate(sorted(per_routine, key=lambda r: str(names.get(r, r)).casefold())):
        name = names.get(routine, routine)
        colour = ROUTINE_COLOURS[n % len(ROUTINE_COLOURS)]
        sets.append(_bar_set(name, colour, per_routine[routine], periods.labels, "min"))
        legend.append((colour, name))
    chart.setTitle(f"Minutes per {periods.unit}")
    _bars(panel, periods.labels, periods.unit, sets, "minutes")
    recolour(chart, palette)
    panel.show_chart(legend)


def _bar_set(name: str, colour: str, values: list[float], labels: list[str], unit: str) -> QBarSet:
    """One coloured series of bars whose hover says each bar's period and value in ``unit``."""
    bar_set = QBarSet(name)
    bar_set.setColor(QColor(colour))
    bar_set.setBorderColor(QColor(colour))
    bar_set.append(values)
    _hover(bar_set, labels, unit)
    return bar_set


def fill_breaks(
    panel: ChartPanel,
    breaks: list[tuple[date, dict[BreakOutcome, int]]],
    palette: Palette,
    first: date,
    last: date,
    first_weekday: int,
) -> None:
    """Reminders per week, month or year by how they were answered; ``breaks`` rows are per day,
    or per week starting on ISO weekday ``first_weekday`` (the store's weeks are the charts')."""
    chart = panel.chart()
    _clear(chart)
    periods = Periods.over(first, last, first_weekday)
    if not any(sum(c.values()) for _, c in breaks):
        panel.show_empty(EMPTY_TEXT["breaks"], f"Sit-breaks per {periods.unit}")
        return
    sets, legend = [], []
    for outcome, name, colour in BREAK_OUTCOMES:
        values = [0.0] * len(periods.starts)
        for period, counts in breaks:
            slot = periods.slot(period)
            if slot is not None:
                values[slot] += counts.get(outcome, 0)
        if not any(values):
            continue
        sets.append(_bar_set(name, colour, values, periods.labels, "reminders"))
        legend.append((colour, name))
    chart.setTitle(f"Sit-breaks per {periods.unit}")
    _bars(panel, periods.labels, periods.unit, sets, "breaks")
    recolour(chart, palette)
    panel.show_chart(legend)


def _epoch_ms(moment: datetime) -> int:
    """The chart's x for ``moment``: its own wall-clock time read as local time.

    The tooltip turns x back into a local date and time, so a session begun at
    09:00 under another UTC offset reads 09:00, as it does in the list. (This
    is what ``QDateTime(moment)`` does, which drops the offset; spelt out,
    the type checker sees the conversion.)
    """
    return int(moment.replace(tzinfo=None).timestamp() * 1000)


def fill_pain(
    panel: ChartPanel,
    pain: Sequence[tuple[datetime, str, float | None, float | None]],
    palette: Palette,
    first_weekday: int,
    period: tuple[date, date],
) -> None:
    """Pain before and after each rated session, 0-10 in whole numbers, each rating a marked point,
    over the ``period`` shown (first and last local day), as the other charts are."""
    chart = panel.chart()
    _clear(chart)
    rated = [row for row in pain if row[2] is not None or row[3] is not None]
    if not rated:
        panel.show_empty(EMPTY_TEXT["pain"])
        return
    averaged = ""
    if len(rated) > MAX_PAIN_POINTS:
        span = (rated[-1][0].date() - rated[0][0].date()).days
        averaged = "week" if span <= 3 * 366 else "month"
        rated = averaged_pain(rated, averaged, first_weekday)
    chart.setTitle("Pain before and after" + (f" ({averaged}ly average)" if averaged else ""))
    before, after, changes = QLineSeries(), QLineSeries(), QScatterSeries()
    before.setName("before")
    after.setName("after")
    changes.setName("new routine")
    before.setColor(QColor(PAIN_BEFORE))
    after.setColor(QColor(palette.accent))
    changes.setColor(QColor(palette.muted))
    changes.setMarkerSize(8)
    for series in (before, after):
        series.setPointsVisible(len(rated) <= MAX_PAIN_POINTS)
        series.setMarkerSize(7)
    last_used: dict[str, datetime] = {}
    for started, routine, b, a in rated:
        ms = _epoch_ms(started)
        if b is not None:
            before.append(ms, b)
        if a is not None:
            after.append(ms, a)
        # A routine taken up (first use, or back after two weeks) is what may explain a pain trend.
        previous = last_used.get(routine)
        if (
            not averaged
            and last_used
            and (previous is None or (started - previous).days >= NEW_ROUTINE_GAP_DAYS)
        ):
            changes.append(ms, 0)
        last_used[routine] = started
    zone = rated[-1][0].tzinfo
    lo = min(datetime.combine(period[0], datetime.min.time(), zone), rated[0][0])  # an average's week
    hi = max(datetime.combine(period[1] + timedelta(days=1), datetime.min.time(), zone), rated[-1][0])
    x = QCategoryAxis()
    x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    x.setStartValue(_epoch_ms(lo))
    for label, moment in time_ticks(lo, hi):
        x.append(label, _epoch_ms(moment))
    x.setRange(_epoch_ms(lo), _epoch_ms(hi))
    x.setTitleText("date")
    y = QValueAxis()
    y.setRange(0, 10)
    y.setTickCount(6)  # 0, 2, 4, 6, 8, 10, with a grid line at every whole number between
    y.setMinorTickCount(1)
    y.setLabelFormat("%d")
    y.setTitleText("pain (0\u201310)")
    for axis in (x, y):
        _small(axis)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    legend = [(PAIN_BEFORE, "Before the session"), ("accent", "After the session")]
    series_list: Iterable = (before, after, changes) if changes.count() else (before, after)
    if changes.count():
        legend.append(("muted", "A routine taken up (dot on the axis)"))
    for series in series_list:
        chart.addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)
        series.hovered.connect(
            lambda point, state, s=series: (
                state
                and QToolTip.showText(
                    QCursor.pos(),
                    f"{s.name()}: {point.y():.0f} on "
                    f"{QDateTime.fromMSecsSinceEpoch(int(point.x())).toString('d MMM yyyy HH:mm')}",
                )
            )
        )
    recolour(chart, palette)
    panel.show_chart(legend)
