"""Weekly bars start on the locale's first day of the week, as the calendar's columns do.

Sunday 8 March 2026 is the turn of a week in the United States and the end
of one in Germany and Britain: its minutes belong to the week of 8 Mar in
en_US and to the week of 2 Mar in de_DE and en_GB, in the window and in the
PDF alike.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import QLocale

from desktop.core.history import HistoryAggregates
from desktop.ui.history_page import HistoryPage
from desktop.ui.history_report import ReportInput, write_report
from desktop.ui.theme import LIGHT
from desktop.ui.weeks import first_weekday

FIRST, LAST = date(2026, 3, 1), date(2026, 3, 14)  # Sunday 1 to Saturday 14 March
SUNDAY, MONDAY = date(2026, 3, 8), date(2026, 3, 9)
LOCALES = {  # first weekday, week labels, minutes per week, breaks taken per week
    "en_US": (7, ["1 Mar", "8 Mar"], [0.0, 15.0], [0.0, 2.0]),  # Sunday weeks: 8 and 9 March in one
    "de_DE": (1, ["23 Feb", "2 Mar", "9 Mar"], [0.0, 10.0, 5.0], [0.0, 1.0, 1.0]),  # Monday weeks
    "en_GB": (1, ["23 Feb", "2 Mar", "9 Mar"], [0.0, 10.0, 5.0], [0.0, 1.0, 1.0]),
}
ZERO = {"taken": 0, "snoozed": 0, "skipped": 0, "natural": 0, "ignored": 0}


@pytest.fixture
def locale(request) -> Iterator[str]:
    before = QLocale()
    QLocale.setDefault(QLocale(request.param))
    try:
        yield request.param
    finally:
        QLocale.setDefault(before)


def aggregates() -> HistoryAggregates:
    days = [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]
    minutes = {SUNDAY: 10.0, MONDAY: 5.0}
    return HistoryAggregates(
        first_day=FIRST,
        last_day=LAST,
        daily_minutes=[(d, minutes.get(d, 0.0)) for d in days],
        routine_minutes=[(d, "mobility-trio", m) for d, m in minutes.items()],
        breaks=[(d, {**ZERO, "taken": 1} if d in minutes else ZERO) for d in days],
        break_period="day",
        pain=[],
        week_minutes=0.0,
        streak_days=0,
        reminders_taken_share=1.0,
        avg_pain_change=None,
        longest_sitting_min=[],
        standups_per_hour=[],
    )


def bars(panel) -> tuple[list[str], list[float]]:
    chart = panel.chart()
    [axis] = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    [series] = chart.series()
    sets = series.barSets()
    return list(axis.categories()), [sum(s.at(i) for s in sets) for i in range(sets[0].count())]


@pytest.mark.parametrize("locale", list(LOCALES), indirect=True)
def test_the_window_buckets_weeks_from_the_calendars_first_day(qtbot, locale):
    weekday, labels, minutes, taken = LOCALES[locale]
    page = HistoryPage(LIGHT)
    qtbot.addWidget(page)
    page.show_history(aggregates(), [], {"mobility-trio": "Mobility trio"})
    assert first_weekday() == page.calendar.first_weekday == weekday  # one source for both
    assert page.calendar.row(SUNDAY) == (0 if weekday == 7 else 6)
    assert bars(page.minutes) == (labels, minutes)
    assert bars(page.breaks) == (labels, taken)


@pytest.mark.parametrize("locale", list(LOCALES), indirect=True)
def test_the_pdf_buckets_weeks_the_same_way(qapp, tmp_path, locale):
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed: bash packaging/bootstrap.sh test"
    labels = LOCALES[locale][1]
    path = tmp_path / "report.pdf"
    data = ReportInput("Alex Example", "Last 2 weeks", aggregates(), [], 2, [], {}, date(2026, 3, 15))
    write_report(path, data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Minutes per week" in text
    assert ("23 Feb" in text) == ("23 Feb" in labels)  # a Monday week reaches back into February


def test_weekly_pain_means_follow_the_first_weekday():
    from datetime import UTC, datetime

    from desktop.ui.chart_periods import averaged_pain

    def at(day: int):
        return datetime(2026, 3, day, 9, tzinfo=UTC)

    rated = [(at(7), "a", 6, 4), (at(8), "b", 5, None), (at(9), "c", 2, 1), (at(9), "c", None, 2)]
    sunday_weeks = averaged_pain(rated, "week", 7)  # Sat 7 | Sun 8, Mon 9
    assert sunday_weeks == [(at(7), "a", 6.0, 4.0), (at(8), "b", 3.5, 1.5)]
    monday_weeks = averaged_pain(rated, "week", 1)  # Sat 7, Sun 8 | Mon 9
    assert monday_weeks == [(at(7), "a", 5.5, 4.0), (at(9), "c", 2.0, 1.5)]
    assert averaged_pain([(at(7), "a", None, 3)], "month", 1) == [(at(7), "a", None, 3.0)]
