"""Grouping days into weeks, months or years for the history charts, and dated axis ticks.

A history may hold one session or ten years; the charts group bars so they
never hold more than a few dozen: weeks up to 16 weeks, months up to three
years, years beyond. Weeks start on the locale's first day of the week, the
same day the adherence calendar's columns start on (``desktop.ui.weeks``).
Every label is a real date, and no two labels in one chart read the same.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop.ui.weeks import week_start


def unit_for(first: date, last: date) -> str:
    """Weeks up to 16 weeks, months up to three years, then years: never a comb of bars."""
    days = (last - first).days + 1
    if days <= 16 * 7:
        return "week"
    if days <= 3 * 366:
        return "month"
    return "year"


def bucket(day: date, unit: str, first_weekday: int) -> date:
    """The first day of the week, month or year ``day`` is in; weeks start on ISO ``first_weekday``."""
    if unit == "week":
        return week_start(day, first_weekday)
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


def buckets(first: date, last: date, unit: str, first_weekday: int) -> list[date]:
    """Every bucket start from ``first``'s to ``last``'s, empty ones included."""
    out, start = [], bucket(first, unit, first_weekday)
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
MONDAY = 1


@dataclass
class Periods:
    """A chart's bars over ``first``..``last``: their unit, start days and labels, and which bar
    each day falls in (worked out once per day: ten years of rows name only ~3650 days)."""

    unit: str
    starts: list[date]
    labels: list[str]
    first_weekday: int
    _index: dict[date, int] = field(default_factory=dict)
    _slots: dict[date, int | None] = field(default_factory=dict)

    @classmethod
    def over(cls, first: date, last: date, first_weekday: int) -> Periods:
        unit = unit_for(first, last)
        starts = buckets(first, last, unit, first_weekday)
        return cls(
            unit,
            starts,
            [bucket_label(s, unit) for s in starts],
            first_weekday,
            {s: i for i, s in enumerate(starts)},
        )

    def slot(self, day: date) -> int | None:
        """The index of the bar ``day`` counts in, or ``None`` outside the range."""
        try:
            return self._slots[day]
        except KeyError:
            found = self._slots[day] = self._index.get(bucket(day, self.unit, self.first_weekday))
            return found


def averaged_pain(pain, unit: str, first_weekday: int):
    """Mean ratings per week or month for long histories: thousands of points would only draw noise.

    Each group keeps its first session's moment and routine, and running sums
    (not lists) of the ratings given: ten years are ~7,000 rated sessions."""
    groups: dict[date, list] = {}  # start -> [moment, routine, sum before, n before, sum after, n after]
    starts: dict[date, date] = {}  # a day's bucket, worked out once however many sessions it had
    for started, routine, before, after in pain:
        day = started.date()
        start = starts.get(day)
        if start is None:
            start = starts[day] = bucket(day, unit, first_weekday)
        group = groups.get(start)
        if group is None:
            group = groups[start] = [started, routine, 0, 0, 0, 0]
        if before is not None:
            group[2] += before
            group[3] += 1
        if after is not None:
            group[4] += after
            group[5] += 1
    return [
        (moment, routine, _mean(b_sum, b_n), _mean(a_sum, a_n))
        for moment, routine, b_sum, b_n, a_sum, a_n in groups.values()
    ]


def _mean(total: float, count: int) -> float | None:
    return round(total / count, 1) if count else None


def time_ticks(lo: datetime, hi: datetime, most: int = 7) -> list[tuple[str, datetime]]:
    """Labelled moments in [lo, hi): whole days, months or years, at most ``most``, each label unique.

    The chart's axis spans the period shown, not a rounded-out one: a year from
    8 Dec reads from "Jan '26" on, and never runs on past the period's last day.
    """
    tz = lo.tzinfo
    span_days = (hi.date() - lo.date()).days + 1
    if span_days <= 60:
        unit, step = "day", max(1, math.ceil(span_days / (most - 1)))
    elif span_days <= 3 * 366:
        unit, step = "month", max(1, math.ceil(span_days / 30.4 / (most - 1)))
    else:
        unit, step = "year", max(1, math.ceil(span_days / 365.25 / (2 * most - 1)))  # "2016" is short

    def midnight(day: date) -> datetime:
        return datetime.combine(day, datetime.min.time(), tz)

    at = lo.date() if unit == "day" else bucket(lo.date(), unit, MONDAY)  # months and years: no weekday
    while midnight(at) < lo:
        at = at + timedelta(days=1) if unit == "day" else _next(at, unit)
    moments: list[date] = []
    while midnight(at) < hi:
        moments.append(at)
        for _ in range(step):
            at = at + timedelta(days=1) if unit == "day" else _next(at, unit)
    if unit != "day":
        return [(bucket_label(m, unit), midnight(m)) for m in moments]
    # Days name their year where it is not plain: on the first tick and wherever it changes.
    years = len({m.year for m in moments}) > 1
    return [
        (
            f"{m.day} {m:%b}" + (f" {m:%Y}" if years and (n == 0 or m.year != moments[n - 1].year) else ""),
            midnight(m),
        )
        for n, m in enumerate(moments)
    ]
