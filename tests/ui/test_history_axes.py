"""The history's time axes stay inside the period shown and never lose a year's name."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desktop.ui.adherence_calendar import AdherenceCalendar
from desktop.ui.chart_panel import ChartPanel
from desktop.ui.chart_periods import time_ticks
from desktop.ui.history_charts import axis_labels, fill_pain
from desktop.ui.theme import LIGHT

FIRST, LAST = date(2025, 12, 8), date(2026, 12, 7)  # "the last 12 months" seen on 7 Dec 2026


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), UTC)


def test_ticks_of_a_year_begin_and_end_inside_it():
    ticks = time_ticks(_midnight(FIRST), _midnight(LAST + timedelta(days=1)))
    moments = [moment for _label, moment in ticks]
    assert moments[0] >= _midnight(FIRST) and moments[-1] <= _midnight(LAST)
    assert ticks[0][0] == "Jan \u201926" and len({label for label, _ in ticks}) == len(ticks)


def test_four_weeks_are_labelled_by_day_inside_the_weeks():
    first, last = date(2026, 11, 10), date(2026, 12, 7)
    ticks = time_ticks(_midnight(first), _midnight(last + timedelta(days=1)))
    assert ticks[0] == ("10 Nov", _midnight(first)) and ticks[-1][1] <= _midnight(last)


def test_the_pain_axis_spans_the_period_not_a_rounded_out_one(qtbot):
    panel = ChartPanel("Pain", LIGHT)
    qtbot.addWidget(panel)
    rated = [
        (_midnight(FIRST + timedelta(days=n)).replace(hour=9), "mobility-trio", 5, 3) for n in (3, 120, 360)
    ]
    fill_pain(panel, rated, LIGHT, 1, (FIRST, LAST))
    x = next(axis for axis in panel.chart().axes() if axis.titleText() == "date")
    labels = axis_labels(x)
    assert labels[0] == "Jan \u201926" and not any("\u201927" in label for label in labels)
    assert x.max() == _midnight(LAST + timedelta(days=1)).timestamp() * 1000
    assert x.min() == _midnight(FIRST).timestamp() * 1000


def test_the_calendar_names_the_new_year_when_the_view_opens_late_in_december(qtbot):
    calendar = AdherenceCalendar()
    qtbot.addWidget(calendar)
    days = [(FIRST + timedelta(days=n), 10.0) for n in range((LAST - FIRST).days + 1)]
    for width in (420, 700, 1200):  # small cells crowd the opening month's name; large ones do not
        calendar.resize(width, calendar.heightForWidth(width))
        calendar.show_days(days)
        marks = calendar.month_labels(lambda text: 7.0 * len(text))
        texts = [text for text, _x in marks]
        shown = [day for day, _minutes in calendar.shown_days()]  # a narrow calendar shows fewer weeks
        if date(2026, 1, 1) in shown:
            assert "Jan 2026" in texts and "Dec 2025" not in texts[1:], (width, texts)
        assert texts[0].endswith(("2025", "2026")), (width, texts)
        lefts = [x for _text, x in marks]
        rights = [x + 7.0 * len(text) for text, x in marks]
        assert all(rights[n] <= lefts[n + 1] for n in range(len(marks) - 1)), (width, marks)


def test_an_empty_chart_is_titled_for_its_period(qtbot):
    from desktop.ui.history_charts import fill_breaks, fill_minutes

    minutes, breaks = ChartPanel("Minutes per week", LIGHT), ChartPanel("Sit-breaks", LIGHT)
    for panel in (minutes, breaks):
        qtbot.addWidget(panel)
    fill_minutes(minutes, [], {}, LIGHT, FIRST, LAST, 1)  # twelve months: bars would be months
    fill_breaks(breaks, [], LIGHT, FIRST, LAST, 1)
    assert (minutes.empty_title.text(), breaks.empty_title.text()) == (
        "Minutes per month",
        "Sit-breaks per month",
    )
    assert not minutes.has_chart and not breaks.has_chart
