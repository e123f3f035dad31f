"""Where a week starts: the locale's first day of the week, for the calendar and every weekly chart.

A week's column in the calendar and a week's bar in a chart must cover the
same seven days, or the bar for "the week of 6 Sep" counts days the
calendar puts in another week. Both ask this module: Sunday in the United
States, Monday in most of Europe, Saturday in some other places.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale


def first_weekday(locale: QLocale | None = None) -> int:
    """The locale's first day of the week as an ISO weekday (Monday is 1, Sunday 7); the
    default locale's (the system's, unless the app set another) when none is given."""
    return (locale or QLocale()).firstDayOfWeek().value


def days_into_week(day: date, first: int) -> int:
    """0 on the week's first day (ISO weekday ``first``), up to 6 on its last."""
    return (day.isoweekday() - first) % 7


def week_start(day: date, first: int) -> date:
    """The first day of the week ``day`` is in, weeks starting on ISO weekday ``first``."""
    return day - timedelta(days=days_into_week(day, first))
