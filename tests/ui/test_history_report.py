"""The physiotherapist report: a real PDF, the right figures in its text, and a clear error."""

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.core.history import HistoryAggregates
from desktop.ui.history_report import report_html, write_report
from desktop.ui.theme import LIGHT

FIRST = date(2026, 3, 2)  # a Monday
ROUTINES = [
    (
        "Mobility trio",
        ["Reverse Jefferson curl \u2014 10 reps, 4\u20136\u00d7 a day", "Segmental bridge \u2014 5 reps"],
    ),
    ("Desk reset", ["Standing extension \u2014 8 reps"]),
]
NAMES = {"mobility-trio": "Mobility trio", "desk-reset": "Desk reset"}


def aggregates(pain=(), avg_pain_change=None) -> HistoryAggregates:
    days = [FIRST + timedelta(days=i) for i in range(14)]
    minutes = [12.0, 0.0, 8.5, 0.0, 0.0, 20.0, 0.0] + [0.0] * 7  # 40.5 min on 3 days, all in week one
    return HistoryAggregates(
        first_day=days[0],
        last_day=days[-1],
        daily_minutes=list(zip(days, minutes, strict=False)),
        weekly_minutes=[(FIRST, "mobility-trio", 40.5)],
        breaks=[(d, {"taken": 2, "snoozed": 0, "skipped": 1, "natural": 0, "ignored": 1}) for d in days],
        break_period="day",
        pain=list(pain),
        week_minutes=0.0,
        streak_days=3,
        reminders_taken_share=0.5,
        avg_pain_change=avg_pain_change,
        longest_sitting_min=[(days[0], 90.0), (days[1], 60.0)],
        standups_per_hour=[(days[0], 1.0), (days[1], 0.5)],
    )


def rated(n: int):
    t0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
    return [(t0 + timedelta(days=i), "mobility-trio", 5, 3 + i % 2) for i in range(n)]


def test_html_names_period_figures_and_routines():
    html = report_html(aggregates(), NAMES, ROUTINES, "Last 2 weeks", LIGHT)
    assert "Upright \u2014 back-care report" in html
    assert "Last 2 weeks" in html and "2 Mar 2026" in html and "15 Mar 2026" in html
    assert "40 min" in html  # total, rounded
    assert "3 of 14" in html  # active days
    assert "3 days" in html  # current streak
    assert "13.5 min" in html  # average per active day
    assert "50%" in html  # reminders taken
    assert "75 min" in html and "0.8" in html  # longest sitting, stand-ups per hour
    assert "Mobility trio" in html and "Desk reset" in html
    assert "Reverse Jefferson curl" in html
    assert "no ratings recorded" in html.lower()
    assert "Week of 2 Mar 2026" in html and "Week of 9 Mar 2026" in html  # the empty week is listed too


def test_html_pain_shows_both_ends_and_the_average():
    html = report_html(aggregates(rated(12), -1.5), NAMES, ROUTINES, "Last 2 weeks", LIGHT)
    assert "no ratings recorded" not in html.lower()
    assert "First 5 rated sessions" in html and "Last 5 rated sessions" in html
    assert "2026-03-02 09:00" in html and "2026-03-13 09:00" in html
    assert "2026-03-08 09:00" not in html  # the middle sessions are left out
    assert "-1.5 points" in html


def test_write_report_makes_a_pdf(qapp, tmp_path):
    path = write_report(
        tmp_path / "report.pdf", aggregates(rated(12), -1.5), NAMES, ROUTINES, "Last 2 weeks", LIGHT
    )
    assert path == tmp_path / "report.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 1024


def test_unwritable_path_raises_naming_it(qapp, tmp_path):
    (tmp_path / "file.txt").write_text("not a folder")
    target = tmp_path / "file.txt" / "r.pdf"
    with pytest.raises(OSError, match=r"r\.pdf") as error:
        write_report(target, aggregates(), NAMES, ROUTINES, "Last 2 weeks", LIGHT)
    assert str(target) in str(error.value)
