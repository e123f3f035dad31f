"""A printable A4 PDF of the history, for someone to bring to a physiotherapist.

The report is HTML laid out by ``QTextDocument`` and painted onto a
``QPdfWriter``: Qt's own PDF writer needs no extra dependency, and HTML gives
tables, headings and page breaks for free. The text is built separately by
``report_html`` so it can be checked without parsing a PDF.

The wording states what was recorded and nothing more; the app is no
clinician, so the report makes no diagnosis and draws no conclusions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

TITLE = "Upright \u2014 back-care report"
PAIN_ROWS = 5  # sessions shown at each end of the pain list; the average covers all of them
MAX_WEEK_ROWS = 53  # longer periods list months, so ten years stay a page, not ten
RESOLUTION_DPI = 300  # device units of the PDF; text stays vector at any value
DASH = "\u2013"


def write_report(
    path: Path,
    aggregates,
    routine_names: dict[str, str],
    routines: list[tuple[str, list[str]]],
    period_text: str,
    palette,
) -> Path:
    """Write the report for ``aggregates`` to ``path`` as an A4 PDF and return ``path``.

    Pages are painted one by one with our own ``QPainter`` rather than with
    ``QTextDocument.print_``, because ``print_`` fails silently: only
    ``QPainter.begin`` tells us the file could not be opened. Needs a
    ``QGuiApplication`` (fonts). Raises ``OSError`` naming ``path`` on failure.
    """
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(TITLE)
    writer.setCreator("Upright")
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # lay out in the PDF's units, so point sizes come out right
    doc.setHtml(report_html(aggregates, routine_names, routines, period_text, palette))
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(page.width(), page.height()))

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Cannot write the report to {path}")
    try:
        height = page.height()
        for index in range(doc.pageCount()):
            if index and not writer.newPage():
                raise OSError(f"Cannot write the report to {path}")
            painter.save()
            painter.translate(0, -index * height)
            doc.drawContents(painter, QRectF(0, index * height, page.width(), height))
            painter.restore()
    finally:
        painter.end()
    if not path.is_file() or path.stat().st_size == 0:  # the writer can still fail on flush
        raise OSError(f"Cannot write the report to {path}")
    return path


def report_html(
    aggregates,
    routine_names: dict[str, str],
    routines: list[tuple[str, list[str]]],
    period_text: str,
    palette,
) -> str:
    """The report as HTML, in the subset ``QTextDocument`` renders.

    Paper is white whatever the app's theme, so text stays black and only
    ``palette.accent`` is borrowed, for rules and bars.
    """
    a = aggregates
    accent = palette.accent
    parts = [
        f"<html><body style='font-family: sans-serif; font-size: 10pt; color: #000000;'>"
        f"<h1 style='font-size: 18pt;'>{escape(TITLE)}</h1>",
        f"<p><b>Period:</b> {escape(period_text)} ({_day(a.first_day)} {DASH} {_day(a.last_day)})<br/>"
        f"Generated on {_day(date.today())}. All figures are recorded by the user in the app.</p>",
        _heading("Summary", accent),
        _summary(a),
        _heading("Exercise per week" if _weeks_fit(a) else "Exercise per month", accent),
        _adherence(a, accent),
        _heading("Pain ratings", accent),
        _pain(a, routine_names),
        _heading("Sitting and stand-ups", accent),
        _sitting(a),
        _heading("Current routines", accent),
        _routines(routines),
        "<p style='color: #555555; font-size: 8pt;'>This report lists self-recorded exercise, pain ratings "
        "and sit-breaks. It is not a medical assessment.</p></body></html>",
    ]
    return "\n".join(parts)


def _summary(a) -> str:
    minutes = [m for _, m in a.daily_minutes]
    total = sum(minutes)
    active = sum(1 for m in minutes if m > 0)
    rows = [
        ("Total exercise", f"{total:.0f} min"),
        ("Active days", f"{active} of {len(minutes)}"),
        ("Current streak", f"{a.streak_days} day{'' if a.streak_days == 1 else 's'}"),
        ("Average per active day", f"{total / active:.1f} min" if active else DASH),
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
    return _table(None, rows)


def _weeks_fit(a) -> bool:
    return (a.last_day - a.first_day).days // 7 + 1 <= MAX_WEEK_ROWS


def _adherence(a, accent: str) -> str:
    """Minutes per week (or month), every one listed: an empty week is part of the story.

    Built from ``daily_minutes``, which has every day of the period, rather
    than ``weekly_minutes``, which leaves out weeks without exercise.
    """
    totals: dict[date, float] = {}
    weekly = _weeks_fit(a)
    for day, minutes in a.daily_minutes:
        key = day - timedelta(days=day.weekday()) if weekly else day.replace(day=1)
        totals[key] = totals.get(key, 0.0) + minutes
    if not totals:
        return "<p>No days in this period.</p>"
    top = max(totals.values()) or 1.0
    rows = []
    for start, minutes in totals.items():
        label = f"Week of {_day(start)}" if weekly else f"{start:%B %Y}"
        share = round(100 * minutes / top)
        bar = (
            (
                f"<table width='100%' cellspacing='0' cellpadding='0'><tr>"
                f"<td width='{share}%' bgcolor='{accent}'>&nbsp;</td><td width='{100 - share}%'></td>"
                f"</tr></table>"
            )
            if share
            else ""
        )
        rows.append(
            f"<tr><td>{label}</td><td align='right'>{minutes:.0f} min</td><td width='50%'>{bar}</td></tr>"
        )
    return (
        f"<table width='100%' cellspacing='0' cellpadding='3' style='margin-bottom: 8px;'>"
        f"<tr><th align='left'>{'Week' if weekly else 'Month'}</th><th align='right'>Minutes</th><th></th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _pain(a, routine_names: dict[str, str]) -> str:
    """The first and last rated sessions, so a trend shows without listing hundreds of rows."""
    if not a.pain:
        return "<p>No ratings recorded in this period.</p>"
    header = ("Date", "Routine", "Before", "After", "Change")

    def rows(sessions: Iterable) -> list[tuple[str, ...]]:
        return [
            (
                f"{at:%Y-%m-%d %H:%M}",
                routine_names.get(rid, rid),
                _rating(before),
                _rating(after),
                DASH if before is None or after is None else f"{after - before:+d}",
            )
            for at, rid, before, after in sessions
        ]

    out = [
        f"<p>Pain is rated from 0 (none) to 10 (worst imaginable), before and after a session. "
        f"{len(a.pain)} session{'' if len(a.pain) == 1 else 's'} with a rating.</p>"
    ]
    if len(a.pain) <= 2 * PAIN_ROWS:
        out.append(_table(header, rows(a.pain)))
    else:
        out.append(_table(header, rows(a.pain[:PAIN_ROWS]), f"First {PAIN_ROWS} rated sessions"))
        out.append(_table(header, rows(a.pain[-PAIN_ROWS:]), f"Last {PAIN_ROWS} rated sessions"))
    change = (
        "not available (no session has both ratings)"
        if a.avg_pain_change is None
        else f"{a.avg_pain_change:+.1f} points"
    )
    out.append(f"<p>Average change from before to after, over sessions with both ratings: {change}.</p>")
    return "".join(out)


def _sitting(a) -> str:
    """Averages over the days that have any break record; days without the app running say nothing."""
    if not a.longest_sitting_min:
        return "<p>No sit-break records in this period.</p>"
    days = len(a.longest_sitting_min)
    rows = [
        ("Days with break records", str(days)),
        (
            "Average longest unbroken sitting per day",
            f"{sum(m for _, m in a.longest_sitting_min) / days:.0f} min",
        ),
    ]
    if a.standups_per_hour:
        per_hour = sum(v for _, v in a.standups_per_hour) / len(a.standups_per_hour)
        rows.append(("Average stand-ups per hour", f"{per_hour:.1f}"))
    return _table(None, rows)


def _routines(routines: list[tuple[str, list[str]]]) -> str:
    if not routines:
        return "<p>No routines set up.</p>"
    out = []
    for name, lines in routines:
        out.append(f"<h3 style='font-size: 11pt;'>{escape(name)}</h3>")
        out.append(
            "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
            if lines
            else "<p>No exercises.</p>"
        )
    return "".join(out)


def _heading(text: str, accent: str) -> str:
    return (
        f"<h2 style='font-size: 13pt; margin-top: 16px; margin-bottom: 0px;'>{escape(text)}</h2>"
        f"<hr style='background-color: {accent}; height: 1px; margin-top: 0px;'/>"
    )


def _table(header: tuple[str, ...] | None, rows: list[tuple[str, ...]], caption: str | None = None) -> str:
    head = (
        ("<tr>" + "".join(f"<th align='left'>{escape(h)}</th>" for h in header) + "</tr>") if header else ""
    )
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    title = f"<p><i>{escape(caption)}</i></p>" if caption else ""
    table = "<table cellspacing='0' cellpadding='3' border='1' style='border-collapse: collapse;'>"
    return f"{title}{table}{head}{body}</table>"


def _rating(value: int | None) -> str:
    return DASH if value is None else str(value)


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"
