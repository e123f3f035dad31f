"""Builders for the history charts (Qt Charts), each with exact values on hover.

Qt Charts is deprecated in favour of Qt Graphs since Qt 6.10, but Qt Graphs'
2D charts run on Qt Quick and need a GPU scene graph; Qt Charts paints with
QPainter, so it renders offscreen, under Xvfb and on machines without GPU.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import QToolTip

from desktop.ui.theme import Palette

BREAK_COLOURS = {
    "taken": "#2bb3a8",
    "natural": "#7fb0ff",
    "snoozed": "#f2a31b",
    "skipped": "#e0707a",
    "ignored": "#a3adb8",
}
ROUTINE_COLOURS = ("#0b6e69", "#4cc2b8", "#7fb0ff", "#f2a31b", "#b58ae6", "#e0707a", "#8a94a0")


def recolour(chart: QChart, palette: Palette) -> None:
    """Apply a theme to a chart and its axes, also after a live theme switch."""
    chart.setBackgroundBrush(QColor(palette.surface))
    chart.setTitleBrush(QColor(palette.text))
    chart.legend().setLabelColor(QColor(palette.muted))
    for axis in chart.axes():
        axis.setLabelsColor(QColor(palette.muted))
        axis.setGridLineColor(QColor(palette.border))


def chart_view(title: str, palette: Palette) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    recolour(chart, palette)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(title)
    view.setMinimumHeight(240)
    return view


NEW_ROUTINE_GAP_DAYS = 14
MAX_LABELLED = 16  # more bars than this: no per-bar labels, the title names the span instead
MAX_WEEKLY_BARS = 104  # two years of weeks; longer ranges show months, which read better and draw faster


def _axes(chart: QChart, categories: list[str], palette: Palette, series) -> None:
    x = QBarCategoryAxis()
    x.append(categories)
    x.setLabelsVisible(len(categories) <= MAX_LABELLED)
    x.setLabelsAngle(-90 if len(categories) > 6 else 0)
    small = QFont(x.labelsFont())
    small.setPixelSize(10)
    x.setLabelsFont(small)
    if categories and len(categories) > MAX_LABELLED:
        chart.setTitle(f"{chart.title().split(',')[0]}, {categories[0]} \u2013 {categories[-1]}")
    y = QValueAxis()
    y.setLabelFormat("%d")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    y.applyNiceNumbers()
    recolour(chart, palette)


def _hover(bar_set: QBarSet, labels: list[str], unit: str) -> None:
    def show(status: bool, index: int) -> None:
        if status:
            QToolTip.showText(
                QCursor.pos(), f"{labels[index]} \u00b7 {bar_set.label()}: {bar_set.at(index):.0f} {unit}"
            )

    bar_set.hovered.connect(show)


def fill_minutes(
    view: QChartView, weekly: list[tuple[date, str, float]], names: dict[str, str], palette: Palette
) -> None:
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    unit = "week"
    if len({w for w, _, _ in weekly}) > MAX_WEEKLY_BARS:
        weekly, unit = _by_month(weekly), "month"
    weeks = sorted({w for w, _, _ in weekly})
    if unit == "month":
        labels = [f"{w:%b %Y}" for w in weeks]
    else:
        labels = [f"{w:%d %b %Y}" if len(weeks) > MAX_LABELLED else f"{w:%d.%m}" for w in weeks]
    series = QStackedBarSeries()
    for n, routine in enumerate(sorted({r for _, r, _ in weekly})):
        values = {w: m for w, r, m in weekly if r == routine}
        bar_set = QBarSet(names.get(routine, routine))
        bar_set.setColor(QColor(ROUTINE_COLOURS[n % len(ROUTINE_COLOURS)]))
        bar_set.append([values.get(w, 0.0) for w in weeks])
        _hover(bar_set, labels, "min")
        series.append(bar_set)
    chart.addSeries(series)
    chart.setTitle(f"Minutes per {unit}")
    _axes(chart, labels, palette, series)


def _by_month(weekly) -> list[tuple[date, str, float]]:
    """(week, key, amount) rows summed into calendar months (by each week's Monday), for ranges of years."""
    months: dict[tuple[date, str], float] = {}
    for week, key, amount in weekly:
        months[(week.replace(day=1), key)] = months.get((week.replace(day=1), key), 0) + amount
    return [(month, key, amount) for (month, key), amount in months.items()]


def fill_breaks(
    view: QChartView, breaks: list[tuple[date, dict[str, int]]], period: str, palette: Palette
) -> None:
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    if len(breaks) > MAX_WEEKLY_BARS:
        counts = _by_month(
            (week, outcome, n) for week, by_outcome in breaks for outcome, n in by_outcome.items()
        )
        months = sorted({month for month, _, _ in counts})
        breaks = [(m, {o: n for month, o, n in counts if month == m}) for m in months]
        period = "month"
    labels = [
        f"{d:%b %Y}" if period == "month" else f"{d:%d %b %Y}" if len(breaks) > MAX_LABELLED else f"{d:%d.%m}"
        for d, _ in breaks
    ]
    series = QStackedBarSeries()
    for outcome, colour in BREAK_COLOURS.items():
        bar_set = QBarSet(outcome)
        bar_set.setColor(QColor(colour))
        bar_set.append([float(counts[outcome]) for _, counts in breaks])
        _hover(bar_set, labels, "breaks")
        series.append(bar_set)
    chart.addSeries(series)
    chart.setTitle(f"Breaks per {period}")
    _axes(chart, labels, palette, series)


MAX_PAIN_POINTS = 400


def weekly_pain(pain):
    """Weekly means for long ranges: thousands of sessions would only draw noise, slowly."""
    weeks: dict[tuple[int, int], list] = {}
    for started, routine, before, after in pain:
        weeks.setdefault(started.isocalendar()[:2], []).append((started, routine, before, after))

    def mean(values):
        values = [v for v in values if v is not None]
        return round(sum(values) / len(values), 1) if values else None

    return [
        (rows[0][0], rows[0][1], mean(r[2] for r in rows), mean(r[3] for r in rows))
        for rows in weeks.values()
    ]


def fill_pain(
    view: QChartView, pain: list[tuple[datetime, str, int | None, int | None]], palette: Palette
) -> None:
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    before, after, changes = QLineSeries(), QLineSeries(), QScatterSeries()
    before.setName("before")
    after.setName("after")
    changes.setName("new routine")
    before.setColor(QColor("#e0707a"))
    after.setColor(QColor(palette.accent))
    changes.setColor(QColor(palette.muted))
    changes.setMarkerSize(8)
    if len(pain) > MAX_PAIN_POINTS:
        pain = weekly_pain(pain)
        chart.setTitle("Pain before and after (weekly average)")
    else:
        chart.setTitle("Pain before and after")
    last_used: dict[str, datetime] = {}
    for started, routine, b, a in pain:
        ms = QDateTime(started).toMSecsSinceEpoch()
        if b is not None:
            before.append(ms, b)
        if a is not None:
            after.append(ms, a)
        # A routine taken up (first use, or back after two weeks) is what may explain a pain trend.
        previous = last_used.get(routine)
        if last_used and (previous is None or (started - previous).days >= NEW_ROUTINE_GAP_DAYS):
            changes.append(ms, 0)
        last_used[routine] = started
    x = QDateTimeAxis()
    x.setFormat("dd MMM")
    y = QValueAxis()
    y.setRange(0, 10)
    y.setLabelFormat("%d")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    recolour(chart, palette)
    for series in (before, after, changes):
        chart.addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)
        series.hovered.connect(
            lambda point, state, s=series: (
                state
                and QToolTip.showText(
                    QCursor.pos(),
                    f"{s.name()}: {point.y():.0f} on "
                    f"{QDateTime.fromMSecsSinceEpoch(int(point.x())).toString('dd MMM yyyy HH:mm')}",
                )
            )
        )
