"""What the history view shows, aggregated in SQL by the user's local day.

Ten years of use is over 100,000 sets; pulling them into Python to count
would make the history page lag, so every sum and count here is a GROUP BY
and Python only reshapes the few hundred result rows (fills empty days with
0, turns day numbers into dates).

A *local day* is the calendar date the user was living in: the UTC time plus
the offset recorded when the session or reminder began (``utc_offset_s``).
Sets use their session's offset, so a set at 00:10 after a session begun at
23:55 counts for the next day, and a trip or a DST change never moves
history into another day after the fact. In SQL a day is the integer
``(epoch_ms / 1000 + utc_offset_s) / 86400`` (days since 1970-01-01), which
is cheaper than ``date()`` and orders the same way.

Every query also bounds the UTC column to the requested days plus a day on
each side (offsets are always under 24 h), so the indexes on
``sessions.started_at`` and ``breaks.offered_at`` read only that stretch.
``sets.started_at`` has no index on purpose: on ten years of history (113,000
sets) one cut a 12-month load from about 13 ms to 6 ms of set scanning and
did nothing for "all years", where grouping, not reading, is the cost; not
worth a migration.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.core.history import BreakOutcome, HistoryAggregates, SessionOutcome, SessionSummary

COUNTED_BREAKS = tuple(o for o in BreakOutcome if o is not BreakOutcome.OFFERED)  # offered: still pending
WEEKLY_BREAKS_AFTER_DAYS = 92  # longer ranges count breaks per week: ~520 rows for ten years, not ~3650
_EPOCH_DAY = date(1970, 1, 1)
_EPOCH_ORDINAL = _EPOCH_DAY.toordinal()
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_DAY_MS = 86_400_000
_STREAK_CHUNK_DAYS = 64  # first look-back for the streak; doubled while the streak reaches its start


# Sets whose local day is in [:first, :last], with that day and their routine.
_SETS_IN_RANGE = """
    SELECT (st.started_at / 1000 + s.utc_offset_s) / 86400 AS day, s.routine_id AS routine_id,
           st.ended_at - st.started_at AS ms
    FROM sets AS st JOIN sessions AS s ON s.id = st.session_id
    WHERE st.started_at >= :lo_ms AND st.started_at < :hi_ms AND day BETWEEN :first AND :last
"""

# Per day (kind 0) and per day and routine (kind 1) from one pass over the sets.
# The sets are first summed per session (one scan, no join per set), and the
# ~15,000 sessions of ten years joined once; nearly every session's sets fall
# on one local day. Only a session whose sets cross local midnight is split
# set by set, so a set at 00:10 still counts for its own day. On ten years
# this took "everything" from about 75 to 61 ms.
_MINUTES = """
    WITH per_session AS MATERIALIZED (
        SELECT session_id, sum(ended_at - started_at) AS ms, min(started_at) AS lo, max(started_at) AS hi
        FROM sets WHERE started_at >= :lo_ms AND started_at < :hi_ms GROUP BY session_id
    ), spans AS MATERIALIZED (
        SELECT p.session_id, s.routine_id, s.utc_offset_s AS offset_s, p.ms,
               (p.lo / 1000 + s.utc_offset_s) / 86400 AS day,
               (p.hi / 1000 + s.utc_offset_s) / 86400 AS last_day
        FROM per_session AS p JOIN sessions AS s ON s.id = p.session_id
    ), per_day AS MATERIALIZED (
        SELECT day, routine_id, sum(ms) AS ms FROM (
            SELECT day, routine_id, ms FROM spans WHERE day = last_day AND day BETWEEN :first AND :last
            UNION ALL
            SELECT (st.started_at / 1000 + sp.offset_s) / 86400 AS day, sp.routine_id,
                   st.ended_at - st.started_at
            FROM spans AS sp JOIN sets AS st ON st.session_id = sp.session_id
            WHERE sp.day <> sp.last_day AND st.started_at >= :lo_ms AND st.started_at < :hi_ms
              AND day BETWEEN :first AND :last
        ) GROUP BY day, routine_id
    )
    SELECT 0, day, NULL, sum(ms) / 60000.0 FROM per_day GROUP BY day
    UNION ALL
    SELECT 1, day, routine_id, ms / 60000.0 FROM per_day WHERE ms > 0
    ORDER BY 1, 2, 3
"""

_DAYS_WITH_MINUTES = f"""
    SELECT day, sum(ms) / 60000.0 FROM ({_SETS_IN_RANGE}) GROUP BY day HAVING sum(ms) > 0
"""

_BREAKS_IN_RANGE = """
    SELECT (offered_at / 1000 + utc_offset_s) / 86400 AS day, offered_at AS at, outcome
    FROM breaks
    WHERE offered_at >= :lo_ms AND offered_at < :hi_ms AND day BETWEEN :first AND :last
"""

_OUTCOME_COUNTS = ", ".join(f"sum(outcome = '{o}') AS n_{o}" for o in COUNTED_BREAKS)
_OUTCOME_COLUMNS = ", ".join(f"n_{o}" for o in COUNTED_BREAKS)
_OUTCOME_SUMS = ", ".join(f"sum(n_{o})" for o in COUNTED_BREAKS)

# One pass over the breaks (each day's first and last record from its GROUP BY,
# not from a window over every break: 85 -> 66 ms on ten years), three kinds of rows:
#   'day'   per local day with records: records, stand-ups, first-to-last span,
#           longest sitting stretch (minutes), then the five outcome counts;
#   'week'  the outcome counts per week, weeks starting on ISO weekday :first_weekday
#           (only when :weekly);
#   'total' the outcome counts over the whole range, for the taken share.
# A sitting stretch runs between stand-ups (taken or natural breaks); the
# day's first and last record also bound one, so a day of ignored reminders
# shows how long the person sat instead of nothing.
_BREAKS = f"""
    WITH b AS MATERIALIZED (
        SELECT day, at, outcome, outcome IN ('taken', 'natural') AS up FROM ({_BREAKS_IN_RANGE})
    ), days AS MATERIALIZED (
        SELECT day, count(*) AS records, sum(up) AS ups, min(at) AS first_at, max(at) AS last_at,
               {_OUTCOME_COUNTS}
        FROM b GROUP BY day
    ), stretches AS (
        SELECT day, max(gap) AS longest FROM (
            SELECT b.day, b.at - lag(b.at) OVER (PARTITION BY b.day ORDER BY b.at) AS gap
            FROM b JOIN days USING (day) WHERE b.up OR b.at = days.first_at OR b.at = days.last_at
        ) GROUP BY day
    )
    SELECT 'day', day, records, ups, last_at - first_at, coalesce(longest, 0) / 60000.0, {_OUTCOME_COLUMNS}
    FROM days JOIN stretches USING (day)
    UNION ALL
    SELECT 'week', day - (day + 11 - :first_weekday) % 7 AS week, NULL, NULL, NULL, NULL, {_OUTCOME_SUMS}
    FROM days WHERE :weekly GROUP BY week
    UNION ALL
    SELECT 'total', NULL, NULL, NULL, NULL, NULL, {_OUTCOME_SUMS} FROM days
    ORDER BY 1, 2
"""

_SESSIONS_IN_RANGE = """
    s.started_at >= :lo_ms AND s.started_at < :hi_ms
    AND (s.started_at / 1000 + s.utc_offset_s) / 86400 BETWEEN :first AND :last
"""

# Per session with any rating (kind 0), then the mean change over those with
# both (kind 1): one pass, so the chart and the summary card agree.
_PAIN = f"""
    WITH rated AS MATERIALIZED (
        SELECT s.id, s.started_at, s.utc_offset_s, s.routine_id,
               max(CASE WHEN p.moment = 'before' THEN p.value END) AS before,
               max(CASE WHEN p.moment = 'after' THEN p.value END) AS after
        FROM sessions AS s CROSS JOIN pain_ratings AS p ON p.session_id = s.id  -- CROSS: scan the range first
        WHERE {_SESSIONS_IN_RANGE}
        GROUP BY s.id
    )
    SELECT 0, started_at, id, utc_offset_s, routine_id, before, after FROM rated
    UNION ALL
    SELECT 1, NULL, NULL, NULL, NULL, avg(after - before), NULL FROM rated  -- the mean, as "before"
    ORDER BY 1, 2, 3
"""

_SESSION_LIST = f"""
    SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.utc_offset_s, s.outcome,
           (SELECT coalesce(sum(ended_at - started_at), 0) / 60000.0 FROM sets WHERE session_id = s.id),
           (SELECT count(*) FROM sets WHERE session_id = s.id),
           (SELECT value FROM pain_ratings WHERE session_id = s.id AND moment = 'before'),
           (SELECT value FROM pain_ratings WHERE session_id = s.id AND moment = 'after')
    FROM sessions AS s
    WHERE {_SESSIONS_IN_RANGE}
    ORDER BY s.started_at DESC, s.id DESC
    LIMIT :limit
"""

# The earliest and latest local day: only rows within a day of the extreme
# UTC times can hold it, and the indexes find those at once.
_RANGE = """
    SELECT min(day), max(day) FROM (
        SELECT (started_at / 1000 + utc_offset_s) / 86400 AS day FROM sessions
        WHERE started_at <= (SELECT min(started_at) FROM sessions) + 86400000
        UNION ALL
        SELECT (started_at / 1000 + utc_offset_s) / 86400 FROM sessions
        WHERE started_at >= (SELECT max(started_at) FROM sessions) - 86400000
        UNION ALL
        SELECT (offered_at / 1000 + utc_offset_s) / 86400 FROM breaks
        WHERE offered_at <= (SELECT min(offered_at) FROM breaks) + 86400000
        UNION ALL
        SELECT (offered_at / 1000 + utc_offset_s) / 86400 FROM breaks
        WHERE offered_at >= (SELECT max(offered_at) FROM breaks) - 86400000
    )
"""


def load_aggregates(
    session: Session, first_day: date, last_day: date, today: date, first_weekday: int = 1
) -> HistoryAggregates:
    """Aggregate ``first_day``..``last_day`` (local, inclusive); streak and week count up to ``today``.

    ``today`` is a parameter, not read from the clock, so the page and the
    tests agree on what "this week" means even across midnight. Weeks (the
    weekly break counts, "this week") start on ISO weekday ``first_weekday``:
    the locale's, which the window's calendar and charts use too.
    """
    if not (isinstance(first_weekday, int) and 1 <= first_weekday <= 7):
        raise ValueError(f"first_weekday must be an ISO weekday from 1 (Monday) to 7, not {first_weekday!r}")
    params = _range_params(first_day, last_day)
    days = range(params["first"], params["last"] + 1)

    daily: dict[int, float] = {}
    by_routine: list[tuple[date, str, float]] = []
    for kind, day, routine, minutes in session.execute(text(_MINUTES), params).all():
        if kind == 0:
            daily[day] = minutes
        else:
            by_routine.append((_date(day), routine, minutes))

    weekly_breaks = len(days) > WEEKLY_BREAKS_AFTER_DAYS
    break_rows = _BreakRows(session, {**params, "weekly": weekly_breaks, "first_weekday": first_weekday})
    periods = sorted({_week_start(d, first_weekday) for d in days}) if weekly_breaks else list(days)
    counts = break_rows.weeks if weekly_breaks else break_rows.days

    pain, avg_pain_change = [], None
    for kind, started, _id, offset, routine, before, after in session.execute(text(_PAIN), params).all():
        if kind == 0:
            pain.append((_local(started, offset), routine, before, after))
        else:
            avg_pain_change = before  # the mean rides in the ``before`` column

    minutes_on = _recent_minutes(session, today, daily, params)
    return HistoryAggregates(
        first_day=first_day,
        last_day=last_day,
        daily_minutes=[(_date(d), daily.get(d, 0.0)) for d in days],
        routine_minutes=by_routine,
        breaks=[(_date(p), counts.get(p) or dict.fromkeys(COUNTED_BREAKS, 0)) for p in periods],
        break_period="week" if weekly_breaks else "day",
        pain=pain,
        week_minutes=sum(
            minutes_on(d) for d in range(_week_start(_day(today), first_weekday), _day(today) + 1)
        ),
        streak_days=_streak(minutes_on, _day(today)),
        reminders_taken_share=break_rows.taken_share(),
        avg_pain_change=avg_pain_change,
        longest_sitting_min=break_rows.longest_sitting,
        standups_per_hour=break_rows.standups_per_hour,
    )


def history_range(session: Session) -> tuple[date, date] | None:
    """The first and last local day with any session or break, or ``None`` for an empty history."""
    first, last = session.execute(text(_RANGE)).one()
    return None if first is None else (_date(first), _date(last))


def list_sessions(
    session: Session, first_day: date, last_day: date, limit: int = 200
) -> list[SessionSummary]:
    """Sessions begun on ``first_day``..``last_day`` (local), newest first, at most ``limit``.

    ``minutes`` is the time spent in sets, the same measure as the charts, so
    the list and the totals above it add up.
    """
    params = {**_range_params(first_day, last_day), "limit": limit}
    return [
        SessionSummary(
            id=sid,
            routine_id=routine_id,
            routine_name=routine_name,
            started_at=_local(started, offset),
            minutes=minutes,
            outcome=None if outcome is None else SessionOutcome(outcome),  # the column's text, typed
            pain_before=before,
            pain_after=after,
            set_count=set_count,
        )
        for (
            sid,
            routine_id,
            routine_name,
            started,
            offset,
            outcome,
            minutes,
            set_count,
            before,
            after,
        ) in session.execute(text(_SESSION_LIST), params)
    ]


class _BreakRows:
    """The rows of ``_BREAKS`` sorted into the shapes ``HistoryAggregates`` wants."""

    def __init__(self, session: Session, params: dict[str, Any]) -> None:
        self.days: dict[int, dict[BreakOutcome, int]] = {}
        self.weeks: dict[int, dict[BreakOutcome, int]] = {}
        self.total = dict.fromkeys(COUNTED_BREAKS, 0)
        self.longest_sitting: list[tuple[date, float]] = []
        self.standups_per_hour: list[tuple[date, float]] = []
        for kind, day, records, ups, span_ms, longest, *outcomes in session.execute(
            text(_BREAKS), params
        ).all():
            counts = dict(zip(COUNTED_BREAKS, (n or 0 for n in outcomes), strict=False))
            if kind == "total":
                self.total = counts
            elif kind == "week":
                self.weeks[day] = counts
            else:
                self.days[day] = counts
                hours = span_ms / 3_600_000
                self.longest_sitting.append((_date(day), longest))
                self.standups_per_hour.append(
                    (_date(day), ups / hours if records >= 2 and hours > 0 else 0.0)
                )

    def taken_share(self) -> float | None:
        """Taken over all answered-or-ignored reminders; natural breaks were never offered."""
        reminders = sum(
            self.total[o]
            for o in (BreakOutcome.TAKEN, BreakOutcome.SNOOZED, BreakOutcome.SKIPPED, BreakOutcome.IGNORED)
        )
        return self.total[BreakOutcome.TAKEN] / reminders if reminders else None


def _recent_minutes(
    session: Session, today: date, known: dict[int, float], params: dict[str, Any]
) -> Callable[[int], float]:
    """Minutes on a day number up to today, for the week total and the streak.

    Days the requested range already covers come from ``known``; earlier or
    later ones are fetched from SQL in chunks of days, doubling in length, so
    a short streak costs one small query and a ten-year streak a handful.
    """
    end = _day(today)
    covered_from = params["first"] if params["last"] >= end else end + 1
    loaded: dict[int, float] = {d: m for d, m in known.items() if d >= covered_from}
    state = {"from": covered_from, "chunk": _STREAK_CHUNK_DAYS}

    def minutes_on(day: int) -> float:
        while day < state["from"]:
            last = state["from"] - 1
            first = min(day, last - state["chunk"] + 1)
            rows = session.execute(text(_DAYS_WITH_MINUTES), _range_params(_date(first), _date(last)))
            loaded.update((d, m) for d, m in rows)  # not update(rows): a Result has .keys()
            state["from"], state["chunk"] = first, state["chunk"] * 2
        return loaded.get(day, 0.0)

    return minutes_on


def _streak(minutes_on: Callable[[int], float], today: int) -> int:
    """Consecutive days with exercise ending today, or yesterday while today is still open."""
    day = today if minutes_on(today) > 0 else today - 1
    streak = 0
    while minutes_on(day) > 0:
        streak += 1
        day -= 1
    return streak


def _range_params(first_day: date, last_day: date) -> dict[str, int]:
    if first_day > last_day:
        raise ValueError(f"first_day {first_day} is after last_day {last_day}")
    first, last = _day(first_day), _day(last_day)
    return {"first": first, "last": last, "lo_ms": (first - 1) * _DAY_MS, "hi_ms": (last + 2) * _DAY_MS}


def _day(d: date) -> int:
    return (d - _EPOCH_DAY).days


def _date(day: int) -> date:
    return date.fromordinal(_EPOCH_ORDINAL + day)  # one C call: ten years ask ~20,000 times


def _week_start(day: int, first_weekday: int) -> int:
    """The week's first day number, weeks starting on ISO weekday ``first_weekday``; as in SQL.

    1970-01-01 (day 0) was a Thursday, ISO 4: day ``d`` is ``(d + 3) % 7 + 1``,
    so it is ``(d + 4 - first_weekday) % 7`` days into its week (+ 7 keeps SQLite's % positive)."""
    return day - (day + 11 - first_weekday) % 7


def _local(epoch_ms: int, offset_s: int) -> datetime:
    return (_EPOCH + timedelta(milliseconds=epoch_ms)).astimezone(_zone(offset_s))


@functools.cache
def _zone(offset_s: int) -> timezone:
    """One ``timezone`` per offset (a history holds a handful), not one per session."""
    return timezone(timedelta(seconds=offset_s))
