"""A printable PDF of the history, for someone to bring to a physiotherapist.

Who and which period are said once, at the top. Then the summary, the
person's own routines with the step each exercise is on, the calendar of
days exercised, and the minutes, sit-breaks and pain as charts (painted as
vectors, so they print sharp), then the sessions as a table where there are
any. Paper is A4, or US Letter where the locale measures in US units; every
page is numbered. With nothing recorded in the period there is no report:
``has_content`` says so first and the caller tells the person.

The wording states what was recorded and nothing more; the app is no
clinician, so the report makes no diagnosis and draws no conclusions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPageSize, QPainter

from desktop.ui.adherence_calendar import FULL_DAY_MIN, AdherenceCalendar
from desktop.ui.chart_export import paint
from desktop.ui.chart_panel import ChartPanel
from desktop.ui.history_charts import fill_breaks, fill_minutes, fill_pain
from desktop.ui.history_page import OUTCOMES, duration
from desktop.ui.report_pages import Block, Drawing, Html, Table, page_size_for, table_html, write_pages
from desktop.ui.theme import LIGHT

if TYPE_CHECKING:
    from desktop.core.history import HistoryAggregates, SessionSummary

TITLE = "Upright \u2014 back-care report"
MAX_SESSION_ROWS = 60  # a ten-year history would print hundreds of pages; the most recent tell the story
CHART_SIZE = QSizeF(760, 270)  # logical size the charts are laid out at before scaling onto the page
CALENDAR_WIDTH = 820  # logical px: 53 weeks at the smallest square, scaled onto the page
DASH = "\u2013"
SESSION_COLUMNS_PERCENT = (22, 24, 9, 15, 15, 15)  # date, routine, time, outcome, pain before, after


@dataclass(frozen=True)
class ReportRoutine:
    """A routine as the report lists it: each line one exercise with its current step and dose."""

    name: str
    own: bool
    lines: tuple[str, ...]


@dataclass(frozen=True)
class ReportInput:
    person: str
    period: str  # "Last 12 months"
    aggregates: HistoryAggregates
    sessions: list[SessionSummary]  # newest first, at most ``MAX_SESSION_ROWS``
    session_count: int  # all sessions in the period
    routines: list[ReportRoutine]
    routine_names: dict[str, str] = field(default_factory=dict)
    written: date = field(default_factory=date.today)


def has_content(a: HistoryAggregates, session_count: int) -> bool:
    """Anything recorded in the period: a session, a pain rating or a sit-break."""
    return bool(session_count or a.pain or any(sum(c.values()) for _, c in a.breaks))


def write_report(path: Path, data: ReportInput, page_size: QPageSize.PageSizeId | None = None) -> int:
    """Write the report to ``path``; return the number of pages. Needs a ``QApplication``.

    Raises ``ValueError`` when there is nothing to report and ``OSError`` naming
    ``path`` when it cannot be written.
    """
    if not has_content(data.aggregates, data.session_count):
        raise ValueError("There is nothing recorded in this period, so there is nothing to report.")
    a = data.aggregates
    footer = f"{data.person} \u00b7 {_day(a.first_day)} {DASH} {_day(a.last_day)} \u00b7 Upright"
    return write_pages(Path(path), report_blocks(data), footer, TITLE, page_size or page_size_for())


def report_blocks(data: ReportInput) -> list[Block]:
    a = data.aggregates
    blocks: list[Block] = [
        Html(
            f"<h1 style='font-size: 17pt; margin-bottom: 2px;'>{escape(TITLE)}</h1>"
            f"<p><b>{escape(data.person)}</b> \u00b7 {escape(data.period)}, "
            f"{_day(a.first_day)} {DASH} {_day(a.last_day)}<br/>"
            f"<span style='color:#555555'>Written on {_day(data.written)}. Everything here was recorded "
            "by the person in the app; it is not a medical assessment.</span></p>"
        ),
        Html(_heading("Summary") + _summary(a, data.session_count)),
        Html(_heading("Routines and the step each exercise is on") + _routines(data.routines)),
    ]
    calendar = AdherenceCalendar()
    calendar.set_palette(LIGHT)
    calendar.resize(CALENDAR_WIDTH, 200)  # wide enough for a year of weeks; set before the days
    calendar.show_days(a.daily_minutes)
    calendar.resize(CALENDAR_WIDTH, calendar.heightForWidth(CALENDAR_WIDTH))
    shown = calendar.shown_days()
    note = f" since {shown[0][0].day} {shown[0][0]:%b %Y}" if calendar.truncated and shown else ""
    blocks.append(
        Drawing(
            _painter_of(calendar),
            calendar.height() / calendar.width(),
            Html(
                _heading(f"Days exercised{note}")
                + f"<p style='color:#555555'>Darker squares are longer days; {FULL_DAY_MIN} minutes or more "
                "is the darkest.</p>"
            ),
        )
    )
    week = calendar.first_weekday  # a week's bar covers the days of a calendar column
    charts = (
        (
            "Minutes exercised",
            lambda p: fill_minutes(
                p, a.routine_minutes, data.routine_names, LIGHT, a.first_day, a.last_day, week
            ),
        ),
        ("Sit-break reminders", lambda p: fill_breaks(p, a.breaks, LIGHT, a.first_day, a.last_day, week)),
        (
            "Pain before and after sessions (0 none, 10 worst imaginable)",
            lambda p: fill_pain(p, a.pain, LIGHT, week, (a.first_day, a.last_day)),
        ),
    )
    for heading, fill in charts:
        panel = ChartPanel(heading, LIGHT)
        fill(panel)
        if not panel.has_chart:
            blocks.append(Html(_heading(heading) + f"<p>{escape(panel.empty.text())}</p>"))
            continue
        blocks.append(
            Drawing(
                _chart_painter(panel),
                CHART_SIZE.height() / CHART_SIZE.width(),
                Html(_heading(heading)),
                Html(panel.legend.text()),
            )
        )
    if a.avg_pain_change is not None:
        blocks.append(
            Html(
                f"<p>Average change in pain from before to after a session, over {len(a.pain)} rated "
                f"session{'' if len(a.pain) == 1 else 's'}: <b>{a.avg_pain_change:+.1f} points</b>.</p>"
            )
        )
    if a.longest_sitting_min:
        blocks.append(Html(_heading("Sitting and stand-ups") + _sitting(a)))
    if data.sessions:
        blocks.append(_sessions(data))
    return blocks


def report_text(data: ReportInput) -> str:
    """The report's HTML blocks joined, for checking wording without reading a PDF."""
    return "\n".join(_html_of(b) for b in report_blocks(data))


def _html_of(block: Block) -> str:
    if isinstance(block, Html):
        return block.html
    if isinstance(block, Table):
        return block.html()
    return block.keep_with.html if block.keep_with else ""


def _painter_of(widget: AdherenceCalendar) -> Callable[[QPainter, QRectF], None]:
    def draw(painter: QPainter, rect: QRectF) -> None:
        paint(widget, painter, rect)  # the closure keeps the widget alive as long as the block

    return draw


def _chart_painter(panel: ChartPanel) -> Callable[[QPainter, QRectF], None]:
    panel.chart().resize(CHART_SIZE)
    panel.chart().setPos(0, 0)

    def draw(painter: QPainter, rect: QRectF) -> None:
        chart = panel.chart()  # through the panel: the closure keeps its view and scene alive
        chart.scene().render(painter, rect, chart.sceneBoundingRect())

    return draw


def _summary(a: HistoryAggregates, sessions: int) -> str:
    minutes = [m for _, m in a.daily_minutes]
    total = sum(minutes)
    active = sum(1 for m in minutes if m > 0)
    rows = [
        ("Sessions", str(sessions)),
        ("Total exercise", duration(total)),
        ("Days with exercise", f"{active} of {len(minutes)}"),
        ("Average on a day with exercise", f"{total / active:.1f} min" if active else DASH),
        ("Current streak", f"{a.streak_days} day{'' if a.streak_days == 1 else 's'} in a row"),
        (
            "Sit-break reminders taken",
            "no reminders recorded" if a.reminders_taken_share is None else f"{a.reminders_taken_share:.0%}",
        ),
        (
            "Average pain change after a session",
            "no ratings recorded"
            if a.avg_pain_change is None
            else f"{a.avg_pain_change:+.1f} points (0{DASH}10)",
        ),
    ]
    return table_html(None, rows)


def _routines(routines: list[ReportRoutine]) -> str:
    if not routines:
        return "<p>No routines used in this period and none of the person's own.</p>"
    out = []
    for r in sorted(routines, key=lambda r: not r.own):
        kind = "own routine" if r.own else "shipped template"
        out.append(
            f"<p style='margin-bottom:0'><b>{escape(r.name)}</b> "
            f"<span style='color:#555555'>({kind})</span></p>"
        )
        out.append(
            "<ul style='margin-top:0'>" + "".join(f"<li>{escape(line)}</li>" for line in r.lines) + "</ul>"
        )
    return "".join(out)


def _sitting(a: HistoryAggregates) -> str:
    days = len(a.longest_sitting_min)
    rows = [
        ("Days with sit-break records", str(days)),
        (
            "Longest unbroken sitting, daily average",
            duration(sum(m for _, m in a.longest_sitting_min) / days),
        ),
    ]
    if a.standups_per_hour:
        per_hour = sum(v for _, v in a.standups_per_hour) / len(a.standups_per_hour)
        rows.append(("Stand-ups per hour at the desk, average", f"{per_hour:.1f}"))
    return table_html(None, rows)


def _sessions_title(data: ReportInput) -> str:
    shown, total = len(data.sessions), data.session_count
    return "Sessions" if shown == total else f"Sessions: the {shown} most recent of {total}"


def _sessions(data: ReportInput) -> Table:
    rows = [
        (
            f"{s.started_at.day} {s.started_at:%b %Y, %H:%M}",
            s.routine_name,
            f"{s.minutes:.0f} min",
            "In progress" if s.outcome is None else OUTCOMES[s.outcome],
            DASH if s.pain_before is None else str(s.pain_before),
            DASH if s.pain_after is None else str(s.pain_after),
        )
        for s in data.sessions
    ]
    title = _sessions_title(data)
    return Table(
        _heading(title),
        _heading(f"{title} (continued)"),
        ("Date", "Routine", "Time", "Outcome", "Pain before", "Pain after"),
        rows,
        SESSION_COLUMNS_PERCENT,
        font_pt=9,  # a date and a time fit one line, as does each header
    )


def _heading(text: str) -> str:
    return (
        f"<h2 style='font-size: 12pt; margin-top: 6px; margin-bottom: 2px; color: {LIGHT.accent};'>"
        f"{escape(text)}</h2>"
    )


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"
