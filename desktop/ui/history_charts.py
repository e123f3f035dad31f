"""The history charts (Qt Charts): minutes, breaks and pain, readable at any size of history.

A history may hold nothing, one session, a month or ten years. The bars are
grouped so a chart never holds more than a few dozen of them: weeks up to 16
weeks, months up to three years, years beyond; every axis names its unit,
every label is a real date and no two labels read the same. Routines and
outcomes are named in full in a legend under the chart that wraps instead
of cutting names short. A chart with nothing to show says what will appear.

Qt Charts is deprecated in favour of Qt Graphs since Qt 6.10, but Qt Graphs'
2D charts run on Qt Quick and need a GPU scene graph; Qt Charts paints with
QPainter, so it renders offscreen, under Xvfb, on machines without GPU, and
into a PDF as vectors.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from html import escape

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

from desktop.core.history import BreakOutcome
from desktop.ui.plain import PlainLabel, rich_label
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


# -- grouping ------------------------------------------------------------------------------
def unit_for(first: date, last: date) -> str:
    """Weeks up to 16 weeks, months up to three years, then years: never a comb of bars."""
    days = (last - first).days + 1
    if days <= 16 * 7:
        return "week"
    if days <= 3 * 366:
        return "month"
    return "year"


def bucket(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


def buckets(first: date, last: date, unit: str) -> list[date]:
    """Every bucket start from ``first``'s to ``last``'s, empty ones included."""
    out, start = [], bucket(first, unit)
    while start <= last:
        out.append(start)
        start = _next(start, unit)
    return out


def bucket_label(start: date, unit: str) -> str:
    """Unique within any range this module draws: "24 Aug", "Aug \u201925", "2025"."""
    if unit == "week":
        return f"{start.day} {start:%b}"
    if unit == "month":
        return f"{start:%b} \u2019{start:%y}"
    return f"{start:%Y}"


UNIT_TITLES = {"week": "week starting", "month": "month", "year": "year"}


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


# -- the panel: a chart, its legend, or a sentence saying what will be there ----------------
class ChartPanel(QWidget):
    """A chart view with a wrapping legend beneath, or in its place a sentence when empty."""

    def __init__(self, title: str, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.setObjectName("Panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(4, 4, 28, 4))  # room for the last date label at the right edge
        chart.setBackgroundRoundness(0)
        chart.legend().hide()  # the legend below wraps; Qt's own cuts long names short
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.view = QChartView(chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(title)
        self.view.setMinimumHeight(240)
        self.legend = rich_label("", wordWrap=True)
        self.legend.setAccessibleName(f"{title}: legend")
        self.empty_title = PlainLabel(title, objectName="SectionTitle")
        self.empty = PlainLabel(objectName="Muted", wordWrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.empty_title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.empty, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._palette = palette
        self._legend: list[tuple[str, str]] = []
        self.view.setBackgroundBrush(QColor(palette.surface))
        self.show_empty("")

    def chart(self) -> QChart:
        return self.view.chart()

    @property
    def has_chart(self) -> bool:
        return not self.view.isHidden()

    def show_empty(self, text: str) -> None:
        self.view.hide()
        self.legend.hide()
        self.empty_title.show()
        self.empty.setText(text)
        self.empty.show()

    def show_chart(self, legend: list[tuple[str, str]]) -> None:
        """``legend`` is (colour, name) pairs, drawn as swatches that wrap between entries only."""
        self.empty.hide()
        self.empty_title.hide()
        self.view.show()
        self._legend = legend
        self._draw_legend()
        self.legend.setVisible(bool(legend))

    def _draw_legend(self) -> None:
        """Colours named ``accent`` or ``muted`` follow the theme; others are fixed."""
        themed = {"accent": self._palette.accent, "muted": self._palette.muted}
        entries = [
            f"<span style='color:{themed.get(c, c)}'>\u25a0</span>&nbsp;"
            + escape(name).replace(" ", "&nbsp;").replace("-", "\u2011")  # names never break inside
            for c, name in self._legend
        ]
        self.legend.setText(
            f"<div style='color:{self._palette.muted}'>" + " &nbsp;&nbsp; ".join(entries) + "</div>"
        )

    def restyle(self, palette: Palette) -> None:
        self._palette = palette
        recolour(self.chart(), palette)
        self.view.setBackgroundBrush(QColor(palette.surface))
        self._draw_legend()


def recolour(chart: QChart, palette: Palette) -> None:
    """Apply a theme to a chart and its axes, also after a live theme switch."""
    chart.setBackgroundBrush(QColor(palette.surface))
    chart.setTitleBrush(QColor(palette.text))
    for axis in chart.axes():
        axis.setLabelsColor(QColor(palette.muted))
        axis.setTitleBrush(QColor(palette.muted))
        axis.setGridLineColor(QColor(palette.border))
        if isinstance(axis, QValueAxis):
            axis.setMinorGridLineColor(QColor(palette.surface_alt))
        axis.setLinePenColor(QColor(palette.border))
    for series in chart.series():
        if isinstance(series, QLineSeries) and series.name() == "after":
            series.setColor(QColor(palette.accent))


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


# -- the three charts ----------------------------------------------------------------------
def fill_minutes(
    panel: ChartPanel,
    daily: list[tuple[date, str, float]],
    names: dict[str, str],
    palette: Palette,
    first: date,
    last: date,
) -> None:
    """Minutes per week, month or year, stacked by routine; ``daily`` rows are (day, routine, minutes)."""
    chart = panel.chart()
    _clear(chart)
    if not any(m > 0 for _, _, m in daily):
        panel.show_empty(EMPTY_TEXT["minutes"])
        return
    unit = unit_for(first, last)
    starts = buckets(first, last, unit)
    labels = [bucket_label(s, unit) for s in starts]
    index = {s: i for i, s in enumerate(starts)}
    routines = sorted({r for _, r, m in daily if m > 0}, key=lambda r: str(names.get(r, r)).casefold())
    sets, legend = [], []
    for n, routine in enumerate(routines):
        values = [0.0] * len(starts)
        for day, r, minutes in daily:
            slot = index.get(bucket(day, unit))
            if r == routine and slot is not None:
                values[slot] += minutes
        name = names.get(routine, routine)
        colour = ROUTINE_COLOURS[n % len(ROUTINE_COLOURS)]
        sets.append(_bar_set(name, colour, values, labels, "min"))
        legend.append((colour, name))
    chart.setTitle(f"Minutes per {unit}")
    _bars(panel, labels, unit, sets, "minutes")
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
) -> None:
    """Reminders per week, month or year by how they were answered; ``breaks`` rows are per day or week."""
    chart = panel.chart()
    _clear(chart)
    if not any(sum(c.values()) for _, c in breaks):
        panel.show_empty(EMPTY_TEXT["breaks"])
        return
    unit = unit_for(first, last)
    starts = buckets(first, last, unit)
    labels = [bucket_label(s, unit) for s in starts]
    index = {s: i for i, s in enumerate(starts)}
    sets, legend = [], []
    for outcome, name, colour in BREAK_OUTCOMES:
        values = [0.0] * len(starts)
        for period, counts in breaks:
            slot = index.get(bucket(period, unit))
            if slot is not None:
                values[slot] += counts.get(outcome, 0)
        if not any(values):
            continue
        sets.append(_bar_set(name, colour, values, labels, "reminders"))
        legend.append((colour, name))
    chart.setTitle(f"Sit-breaks per {unit}")
    _bars(panel, labels, unit, sets, "breaks")
    recolour(chart, palette)
    panel.show_chart(legend)


def averaged_pain(pain, unit: str):
    """Mean ratings per week or month for long histories: thousands of points would only draw noise."""
    groups: dict[date, list] = {}
    for started, routine, before, after in pain:
        groups.setdefault(bucket(started.date(), unit), []).append((started, routine, before, after))

    def mean(values):
        values = [v for v in values if v is not None]
        return round(sum(values) / len(values), 1) if values else None

    return [
        (rows[0][0], rows[0][1], mean(r[2] for r in rows), mean(r[3] for r in rows))
        for rows in groups.values()
    ]


def _epoch_ms(moment: datetime) -> int:
    """The chart's x for ``moment``: its own wall-clock time read as local time.

    The tooltip turns x back into a local date and time, so a session begun at
    09:00 under another UTC offset reads 09:00, as it does in the list. (This
    is what ``QDateTime(moment)`` does, which drops the offset; spelt out,
    the type checker sees the conversion.)
    """
    return int(moment.replace(tzinfo=None).timestamp() * 1000)


def time_ticks(lo: datetime, hi: datetime, most: int = 7) -> list[tuple[str, datetime]]:
    """Labelled moments around [lo, hi]: whole days, months or years, at most ``most``, each label unique.

    The first tick is at or before ``lo`` and the last at or after ``hi``, so
    one session still gets an axis: the day it happened and the next.
    """
    tz = lo.tzinfo
    span_days = (hi.date() - lo.date()).days + 1
    if span_days <= 60:
        unit, step = "day", max(1, math.ceil(span_days / (most - 1)))
    elif span_days <= 3 * 366:
        unit, step = "month", max(1, math.ceil(span_days / 30.4 / (most - 1)))
    else:
        unit, step = "year", max(1, math.ceil(span_days / 365.25 / (2 * most - 1)))  # "2016" is short
    at = lo.date() if unit == "day" else bucket(lo.date(), unit)
    moments: list[date] = []
    while not moments or datetime.combine(moments[-1], datetime.min.time(), tz) < hi or len(moments) < 2:
        moments.append(at)
        for _ in range(step):
            at = at + timedelta(days=1) if unit == "day" else _next(at, unit)
    if unit != "day":
        return [(bucket_label(m, unit), datetime.combine(m, datetime.min.time(), tz)) for m in moments]
    # Days name their year where it is not plain: on the first tick and wherever it changes.
    years = len({m.year for m in moments}) > 1
    return [
        (
            f"{m.day} {m:%b}" + (f" {m:%Y}" if years and (n == 0 or m.year != moments[n - 1].year) else ""),
            datetime.combine(m, datetime.min.time(), tz),
        )
        for n, m in enumerate(moments)
    ]


def fill_pain(
    panel: ChartPanel, pain: Sequence[tuple[datetime, str, float | None, float | None]], palette: Palette
) -> None:
    """Pain before and after each rated session, 0-10 in whole numbers, each rating a marked point."""
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
        rated = averaged_pain(rated, averaged)
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
    ticks = time_ticks(rated[0][0], rated[-1][0])
    x = QCategoryAxis()
    x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    x.setStartValue(_epoch_ms(ticks[0][1]))
    for label, moment in ticks:
        x.append(label, _epoch_ms(moment))
    x.setRange(_epoch_ms(ticks[0][1]), _epoch_ms(ticks[-1][1]))
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
