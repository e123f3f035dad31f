"""History page data: hand-computed aggregates, undo of a delete, pain corrections.

Every fixture time is given in the offset the person lived it in, and the
expected values were worked out by hand from those local times (see the
comments). Berlin switches to summer time on 2026-03-29 and back on
2026-10-25; New York is UTC-4 in both of those weeks.
"""

from __future__ import annotations

import importlib.util
import itertools
import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.core.history import SessionOutcome, SessionSummary
from desktop.storage.aggregates import COUNTED_BREAKS
from desktop.storage.database import Database
from desktop.storage.history import HistoryStore
from desktop.storage.models import BreakRow, PainRow, SetRow
from desktop.storage.models import SessionRow as SessionModel

CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
NEW_YORK = timezone(timedelta(hours=-4))
INDIA = timezone(timedelta(hours=5, minutes=30))
UTC = UTC
ZERO = dict.fromkeys(COUNTED_BREAKS, 0)


def add_session(db: Database, routine: str, start: datetime, sets=(), pain=(None, None)) -> int:
    """A finished session whose offset is ``start``'s; ``sets`` are (start, end) aware datetimes."""
    with db.sessions.begin() as session:
        row = SessionModel(
            routine_id=routine,
            routine_name=routine.title(),
            started_at=start,
            ended_at=start + timedelta(minutes=30),
            outcome="completed",
            utc_offset_s=int(start.utcoffset().total_seconds()),
        )
        session.add(row)
        session.flush()
        for index, (begin, end) in enumerate(sets, 1):
            session.add(
                SetRow(
                    session_id=row.id,
                    exercise_id="bridge",
                    side="none",
                    set_index=index,
                    started_at=begin,
                    ended_at=end,
                )
            )
        for moment, value in zip(("before", "after"), pain, strict=False):
            if value is not None:
                session.add(PainRow(session_id=row.id, moment=moment, value=value, recorded_at=start))
        return row.id


def add_break(db: Database, offered: datetime, outcome: str) -> None:
    with db.sessions.begin() as session:
        session.add(
            BreakRow(
                offered_at=offered, outcome=outcome, utc_offset_s=int(offered.utcoffset().total_seconds())
            )
        )


def minutes(start: datetime, length: float) -> tuple[datetime, datetime]:
    return start, start + timedelta(minutes=length)


@pytest.fixture
def spring(db: Database) -> dict[str, int]:
    """Sessions around midnight, the spring DST change and three zones (27 Mar - 2 Apr 2026).

    Local days of the sets, in minutes:
      27 Mar  2   E began 26 Mar 23:58 CET; its set at 00:01 belongs to the 27th
      28 Mar  5   A 23:52-23:57 CET
      29 Mar  13  A's second set at 00:05 (A's offset, CET) + B 10 at 03:31 CEST, the DST day
      30 Mar  12  C at 22:32 in New York, already 31 Mar in UTC
      31 Mar  0
       1 Apr  7   D 6 at 00:16 in India (still 31 Mar in UTC) + F 1 ending 23:59:59.999 CEST
       2 Apr  1   F's set from 00:00:00.000 CEST
       3 Apr  10  G, outside the range
    """
    return {
        "E": add_session(
            db,
            "evening-floor",
            datetime(2026, 3, 26, 23, 58, tzinfo=CET),
            [minutes(datetime(2026, 3, 27, 0, 1, tzinfo=CET), 2)],
            (7, 1),
        ),
        "A": add_session(
            db,
            "mobility-trio",
            datetime(2026, 3, 28, 23, 50, tzinfo=CET),
            [
                minutes(datetime(2026, 3, 28, 23, 52, tzinfo=CET), 5),
                minutes(datetime(2026, 3, 29, 0, 5, tzinfo=CET), 3),
            ],
            (5, 3),
        ),
        "B": add_session(
            db,
            "evening-floor",
            datetime(2026, 3, 29, 3, 30, tzinfo=CEST),
            [minutes(datetime(2026, 3, 29, 3, 31, tzinfo=CEST), 10)],
            (4, None),
        ),
        "C": add_session(
            db,
            "mobility-trio",
            datetime(2026, 3, 30, 22, 30, tzinfo=NEW_YORK),
            [minutes(datetime(2026, 3, 30, 22, 32, tzinfo=NEW_YORK), 12)],
            (None, 2),
        ),
        "D": add_session(
            db,
            "stand-and-extend",
            datetime(2026, 4, 1, 0, 15, tzinfo=INDIA),
            [minutes(datetime(2026, 4, 1, 0, 16, tzinfo=INDIA), 6)],
            (6, 5),
        ),
        "F": add_session(
            db,
            "posterior-chain",
            datetime(2026, 4, 1, 23, 58, tzinfo=CEST),
            [
                minutes(datetime(2026, 4, 1, 23, 58, 59, 999000, tzinfo=CEST), 1),
                minutes(datetime(2026, 4, 2, 0, 0, tzinfo=CEST), 1),
            ],
        ),
        "G": add_session(
            db,
            "mobility-trio",
            datetime(2026, 4, 3, 10, 0, tzinfo=CEST),
            [minutes(datetime(2026, 4, 3, 10, 0, tzinfo=CEST), 10)],
        ),
    }


@pytest.fixture
def autumn(db: Database) -> None:
    """Break records around the autumn DST change (24-27 Oct 2026).

    24 Oct (CEST): 09:00 ignored, 10:00 taken, 11:30 snoozed, 12:00 natural,
        15:00 skipped. Stretches 9-10, 10-12, 12-15: longest 180 min;
        2 stand-ups over 6 h = 1/3 an hour.
    25 Oct: 01:30 CEST taken, 02:30 CEST ignored, 02:15 CET taken, 04:30 CET
        natural = 23:30, 00:30, 01:15, 03:30 UTC. Stretches 105 and 135 min;
        3 stand-ups over 4 real hours (the wall clock says 3) = 0.75.
    26 Oct: 09:00 CET ignored, then 23:30 in New York ignored (03:30 UTC on the
        27th): no stand-up, so the whole 19.5 h is one stretch, 0 an hour.
    27 Oct: 10:00 CET natural, 10:45 CET offered (pending: a record, not a
        count): 45 min, 1 stand-up in 0.75 h.
    """
    for when, outcome in [
        (datetime(2026, 10, 24, 9, 0, tzinfo=CEST), "ignored"),
        (datetime(2026, 10, 24, 10, 0, tzinfo=CEST), "taken"),
        (datetime(2026, 10, 24, 11, 30, tzinfo=CEST), "snoozed"),
        (datetime(2026, 10, 24, 12, 0, tzinfo=CEST), "natural"),
        (datetime(2026, 10, 24, 15, 0, tzinfo=CEST), "skipped"),
        (datetime(2026, 10, 25, 1, 30, tzinfo=CEST), "taken"),
        (datetime(2026, 10, 25, 2, 30, tzinfo=CEST), "ignored"),
        (datetime(2026, 10, 25, 2, 15, tzinfo=CET), "taken"),
        (datetime(2026, 10, 25, 4, 30, tzinfo=CET), "natural"),
        (datetime(2026, 10, 26, 9, 0, tzinfo=CET), "ignored"),
        (datetime(2026, 10, 26, 23, 30, tzinfo=NEW_YORK), "ignored"),
        (datetime(2026, 10, 27, 10, 0, tzinfo=CET), "natural"),
        (datetime(2026, 10, 27, 10, 45, tzinfo=CET), "offered"),
    ]:
        add_break(db, when, outcome)


def d(month: int, day: int) -> date:
    return date(2026, month, day)


def test_daily_and_weekly_minutes_by_local_day(store: HistoryStore, spring) -> None:
    a = store.aggregates(d(3, 27), d(4, 2), today=d(4, 2))
    assert (a.first_day, a.last_day) == (d(3, 27), d(4, 2))
    assert a.daily_minutes == [
        (d(3, 27), 2.0),
        (d(3, 28), 5.0),
        (d(3, 29), 13.0),
        (d(3, 30), 12.0),
        (d(3, 31), 0.0),
        (d(4, 1), 7.0),
        (d(4, 2), 1.0),
    ]
    # Summed by week (Mondays 23 and 30 Mar); only days inside the range count.
    weekly: dict[tuple[date, str], float] = defaultdict(float)
    for day, routine, minutes in a.routine_minutes:
        weekly[(day - timedelta(days=day.weekday()), routine)] += minutes
    assert sorted((w, r, m) for (w, r), m in weekly.items()) == [
        (d(3, 23), "evening-floor", 12.0),
        (d(3, 23), "mobility-trio", 8.0),
        (d(3, 30), "mobility-trio", 12.0),
        (d(3, 30), "posterior-chain", 2.0),
        (d(3, 30), "stand-and-extend", 6.0),
    ]
    assert sum(m for _, m in a.daily_minutes) == sum(m for _, _, m in a.routine_minutes)


def test_a_range_of_empty_days(store: HistoryStore, spring) -> None:
    a = store.aggregates(d(5, 1), d(5, 3), today=d(5, 3))
    assert a.daily_minutes == [(d(5, 1), 0.0), (d(5, 2), 0.0), (d(5, 3), 0.0)]
    assert a.routine_minutes == [] and a.pain == [] and a.longest_sitting_min == []
    assert a.breaks == [(d(5, 1), ZERO), (d(5, 2), ZERO), (d(5, 3), ZERO)]
    assert a.reminders_taken_share is None and a.avg_pain_change is None
    assert (a.week_minutes, a.streak_days) == (0.0, 0)


@pytest.mark.parametrize(
    ("today", "streak", "week"),
    [
        (d(3, 28), 2, 7.0),  # Sat: 27, 28; week 2 + 5
        (d(3, 31), 4, 12.0),  # today empty, so from yesterday: 30, 29, 28, 27 (26 had no set)
        (d(4, 2), 2, 20.0),  # 2 Apr and 1 Apr, then the empty 31st; week 12 + 0 + 7 + 1
        (d(4, 4), 3, 30.0),  # Sat, empty: from 3 Apr back to 1 Apr
        (d(4, 5), 0, 30.0),  # neither today nor yesterday
    ],
)
def test_streak_and_week_count_up_to_today(store: HistoryStore, spring, today, streak, week) -> None:
    a = store.aggregates(d(3, 27), d(4, 2), today=today)
    assert (a.streak_days, a.week_minutes) == (streak, week)


def test_a_streak_longer_than_the_range_and_the_first_look_back(db: Database, store: HistoryStore) -> None:
    today = d(6, 30)
    for back in range(150):
        start = datetime.combine(today - timedelta(days=back), datetime.min.time(), CEST) + timedelta(hours=8)
        add_session(db, "mobility-trio", start, [minutes(start, 1)])
    for first, last in [(today - timedelta(days=6), today), (d(1, 1), d(1, 2)), (d(12, 1), d(12, 5))]:
        assert store.aggregates(first, last, today=today).streak_days == 150
    assert store.aggregates(today, today, today=today + timedelta(days=1)).streak_days == 150


def test_pain_points_and_mean_change(store: HistoryStore, spring) -> None:
    a = store.aggregates(d(3, 27), d(4, 2), today=d(4, 2))
    # E began on the 26th, so its ratings are outside; ordered by the real instant.
    assert a.pain == [
        (datetime(2026, 3, 28, 23, 50, tzinfo=CET), "mobility-trio", 5, 3),
        (datetime(2026, 3, 29, 3, 30, tzinfo=CEST), "evening-floor", 4, None),
        (datetime(2026, 3, 30, 22, 30, tzinfo=NEW_YORK), "mobility-trio", None, 2),
        (datetime(2026, 4, 1, 0, 15, tzinfo=INDIA), "stand-and-extend", 6, 5),
    ]
    assert [p[0].utcoffset() for p in a.pain] == [timedelta(hours=h) for h in (1, 2, -4, 5.5)]
    assert a.avg_pain_change == pytest.approx(-1.5)  # (3 - 5 + 5 - 6) / 2: only A and D have both


def test_breaks_per_day_across_the_autumn_dst_change(store: HistoryStore, autumn) -> None:
    a = store.aggregates(d(10, 24), d(10, 27), today=d(10, 27))
    assert a.break_period == "day"
    assert a.breaks == [
        (d(10, 24), {"taken": 1, "snoozed": 1, "skipped": 1, "natural": 1, "ignored": 1}),
        (d(10, 25), {**ZERO, "taken": 2, "natural": 1, "ignored": 1}),
        (d(10, 26), {**ZERO, "ignored": 2}),
        (d(10, 27), {**ZERO, "natural": 1}),
    ]
    assert a.longest_sitting_min == [
        (d(10, 24), 180.0),
        (d(10, 25), 135.0),
        (d(10, 26), 1170.0),
        (d(10, 27), 45.0),
    ]
    assert a.standups_per_hour == [
        (d(10, 24), pytest.approx(1 / 3)),
        (d(10, 25), 0.75),
        (d(10, 26), 0.0),
        (d(10, 27), pytest.approx(4 / 3)),
    ]
    assert a.reminders_taken_share == pytest.approx(3 / 9)  # natural and pending breaks were not reminders


def test_one_record_is_no_rate(store: HistoryStore, db: Database) -> None:
    add_break(db, datetime(2026, 10, 27, 10, 0, tzinfo=CET), "taken")
    a = store.aggregates(d(10, 27), d(10, 27), today=d(10, 27))
    assert (a.longest_sitting_min, a.standups_per_hour) == ([(d(10, 27), 0.0)], [(d(10, 27), 0.0)])
    assert a.reminders_taken_share == 1.0


def test_long_ranges_count_breaks_per_week(store: HistoryStore, autumn) -> None:
    a = store.aggregates(d(7, 1), d(10, 31), today=d(10, 31))
    assert a.break_period == "week"
    mondays = [p for p, _ in a.breaks]
    assert mondays[0] == d(6, 29) and mondays[-1] == d(10, 26) and len(mondays) == 18
    assert all(m.weekday() == 0 for m in mondays)
    assert a.breaks[-2:] == [
        (d(10, 19), {"taken": 3, "snoozed": 1, "skipped": 1, "natural": 2, "ignored": 2}),
        (d(10, 26), {**ZERO, "natural": 1, "ignored": 2}),
    ]
    assert all(counts == ZERO for _, counts in a.breaks[:-2])
    assert len(a.longest_sitting_min) == 4  # still per day


def test_weeks_start_on_the_locales_first_day(store: HistoryStore, autumn, spring) -> None:
    """Sunday weeks (en_US): Sat 24 Oct is the last day of one week, Sun 25 Oct starts the next."""
    a = store.aggregates(d(7, 1), d(10, 31), today=d(10, 31), first_weekday=7)
    sundays = [p for p, _ in a.breaks]
    assert sundays[0] == d(6, 28) and sundays[-1] == d(10, 25) and all(s.isoweekday() == 7 for s in sundays)
    assert a.breaks[-2:] == [
        (d(10, 18), {"taken": 1, "snoozed": 1, "skipped": 1, "natural": 1, "ignored": 1}),
        (d(10, 25), {**ZERO, "taken": 2, "natural": 2, "ignored": 3}),
    ]
    # "This week" on Tue 31 Mar: from Sun 29 with Sunday weeks, from Mon 30 with Monday weeks.
    by_day = dict(store.aggregates(d(3, 23), d(3, 31), today=d(3, 31)).daily_minutes)
    assert by_day[d(3, 29)] > 0
    sunday = store.aggregates(d(3, 27), d(4, 2), today=d(3, 31), first_weekday=7).week_minutes
    monday = store.aggregates(d(3, 27), d(4, 2), today=d(3, 31), first_weekday=1).week_minutes
    assert sunday == pytest.approx(by_day[d(3, 29)] + by_day[d(3, 30)] + by_day[d(3, 31)])
    assert monday == pytest.approx(by_day[d(3, 30)] + by_day[d(3, 31)])
    with pytest.raises(ValueError, match="ISO weekday"):
        store.aggregates(d(3, 27), d(4, 2), today=d(3, 31), first_weekday=0)


def test_92_days_is_the_last_daily_range(store: HistoryStore) -> None:
    assert store.aggregates(d(1, 1), d(1, 1) + timedelta(days=91), d(4, 1)).break_period == "day"
    assert store.aggregates(d(1, 1), d(1, 1) + timedelta(days=92), d(4, 1)).break_period == "week"


def test_history_range(store: HistoryStore, db: Database, spring) -> None:
    assert store.history_range() == (d(3, 26), d(4, 3))  # by the day each session began
    add_break(db, datetime(2026, 4, 10, 0, 30, tzinfo=INDIA), "taken")  # 9 Apr in UTC
    assert store.history_range() == (d(3, 26), d(4, 10))


def test_empty_history(store: HistoryStore) -> None:
    assert store.history_range() is None
    assert store.list_sessions(d(1, 1), d(12, 31)) == []
    a = store.aggregates(d(1, 1), d(1, 7), d(1, 7))
    assert a.daily_minutes[0] == (d(1, 1), 0.0) and a.streak_days == 0


def test_list_sessions_newest_first(store: HistoryStore, spring) -> None:
    rows = store.list_sessions(d(3, 27), d(4, 2))
    assert [r.id for r in rows] == [spring[k] for k in "FDCBA"]
    assert rows[0] == SessionSummary(
        id=spring["F"],
        routine_id="posterior-chain",
        routine_name="Posterior-Chain",
        started_at=datetime(2026, 4, 1, 23, 58, tzinfo=CEST),
        minutes=2.0,
        outcome=SessionOutcome.COMPLETED,
        pain_before=None,
        pain_after=None,
        set_count=2,
    )
    assert rows[0].started_at.utcoffset() == timedelta(hours=2)
    assert rows[0].outcome is SessionOutcome.COMPLETED  # typed at the store's edge, not the column's text
    assert (rows[-1].minutes, rows[-1].set_count, rows[-1].pain_before, rows[-1].pain_after) == (8.0, 2, 5, 3)
    assert [r.id for r in store.list_sessions(d(3, 27), d(4, 2), limit=2)] == [spring["F"], spring["D"]]


def test_reversed_range_is_refused(store: HistoryStore) -> None:
    with pytest.raises(ValueError, match="after"):
        store.aggregates(d(2, 2), d(2, 1), d(2, 2))


# -- delete, undo, corrections ------------------------------------------------


def _some_history(store: HistoryStore) -> list[int]:
    t0 = datetime(2026, 5, 4, 7, 0, 0, 123000, tzinfo=UTC)
    ids = []
    for n in range(3):
        start = t0 + timedelta(hours=n)
        sid = store.start_session(f"routine-{n}", f"Routine {n}", start)
        for index in (1, 2):
            store.record_set(
                sid,
                exercise_id="bridge",
                side="left",
                set_index=index,
                planned_reps=10,
                done_reps=9,
                planned_s=None,
                done_s=None,
                started_at=start + timedelta(seconds=40 * index),
                ended_at=start + timedelta(seconds=40 * index + 30.5),
            )
        store.set_pain(sid, "before", 4 + n, recorded_at=start)
        store.set_pain(sid, "after", 2, recorded_at=start + timedelta(minutes=5))
        store.finish_session(sid, "completed", start + timedelta(minutes=5))
        ids.append(sid)
    store.record_break(t0 + timedelta(hours=4), "taken", duration_s=60.0)
    return ids


def test_delete_then_restore_gives_back_the_same_history(store: HistoryStore) -> None:
    ids = _some_history(store)
    before = store.export_history()
    snapshot = store.delete_session(ids[1])
    after_delete = store.export_history()
    assert [s["id"] for s in after_delete["sessions"]] == [ids[0], ids[2]]
    assert snapshot["session"]["id"] == ids[1] and len(snapshot["sets"]) == 2 and len(snapshot["pain"]) == 2
    assert store.restore_session(snapshot) == ids[1]
    assert store.export_history() == before


def test_delete_cascades_and_unknown_ids_raise(store: HistoryStore, db: Database) -> None:
    ids = _some_history(store)
    store.delete_session(ids[0])
    with sqlite3.connect(db.path) as raw:
        assert raw.execute("SELECT count(*) FROM sets WHERE session_id = ?", (ids[0],)).fetchone() == (0,)
        assert raw.execute(
            "SELECT count(*) FROM pain_ratings WHERE session_id = ?", (ids[0],)
        ).fetchone() == (0,)
    with pytest.raises(LookupError):
        store.delete_session(ids[0])


def test_undo_after_the_id_was_reused_gets_a_new_id(store: HistoryStore) -> None:
    ids = _some_history(store)
    snapshot = store.delete_session(ids[-1])
    newer = store.start_session("late", "Late", datetime(2026, 5, 5, 9, 0, tzinfo=UTC))
    assert newer == ids[-1]  # SQLite hands out max(id) + 1 again
    restored = store.restore_session(snapshot)
    assert restored not in ids
    sessions = {s["id"]: s for s in store.export_history()["sessions"]}
    assert sessions[restored]["routine"] == "routine-2" and len(sessions[restored]["sets"]) == 2
    assert sessions[restored]["pain_before"] == 6 and sessions[newer]["routine"] == "late"


def test_correct_pain(store: HistoryStore, db: Database) -> None:
    sid = _some_history(store)[0]
    with sqlite3.connect(db.path) as raw:
        recorded = raw.execute(
            "SELECT recorded_at FROM pain_ratings WHERE session_id = ? AND moment = 'after'", (sid,)
        ).fetchone()
    store.correct_pain(sid, "after", 0)
    store.correct_pain(sid, "before", None)
    session = store.export_history()["sessions"][0]
    assert (session["pain_before"], session["pain_after"]) == (None, 0)
    with sqlite3.connect(db.path) as raw:
        assert (
            raw.execute(
                "SELECT recorded_at FROM pain_ratings WHERE session_id = ? AND moment = 'after'", (sid,)
            ).fetchone()
            == recorded
        )  # only the number changed
    store.correct_pain(sid, "before", 3)  # a rating that was never given can be added
    assert store.export_history()["sessions"][0]["pain_before"] == 3
    for moment, value in [("after", 11), ("after", -1), ("after", True), ("after", 2.5), ("during", 3)]:
        with pytest.raises(ValueError):
            store.correct_pain(sid, moment, value)
    with pytest.raises(LookupError):
        store.correct_pain(9999, "after", 2)
    assert (store.export_history()["sessions"][0]["pain_after"]) == 0


# -- cross-check against a plain Python reading of synthetic years ------------


def _benchmark_module():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "history.py"
    spec = importlib.util.spec_from_file_location("history_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _local_day(ms: int, offset_s: int) -> date:
    return date(1970, 1, 1) + timedelta(days=(ms // 1000 + offset_s) // 86400)


def _reference(path: Path, first: date, last: date) -> dict:
    """The same figures computed row by row in Python from the raw tables."""
    with sqlite3.connect(path) as raw:
        sets = raw.execute(
            "SELECT s.routine_id, s.utc_offset_s, st.started_at, st.ended_at"
            " FROM sets st JOIN sessions s ON s.id = st.session_id"
        ).fetchall()
        breaks = raw.execute("SELECT offered_at, utc_offset_s, outcome FROM breaks").fetchall()
    daily, weekly = defaultdict(float), defaultdict(float)
    for routine, offset, begin, end in sets:
        day = _local_day(begin, offset)
        if first <= day <= last:
            daily[day] += (end - begin) / 60000
            weekly[(day, routine)] += (end - begin) / 60000
    by_day = defaultdict(list)
    for at, offset, outcome in breaks:
        day = _local_day(at, offset)
        if first <= day <= last:
            by_day[day].append((at, outcome))
    longest, rate = [], []
    for day in sorted(by_day):
        records = sorted(by_day[day])
        marks = [records[0][0]] + [at for at, o in records if o in ("taken", "natural")] + [records[-1][0]]
        marks.sort()
        longest.append((day, max((b - a for a, b in itertools.pairwise(marks)), default=0) / 60000))
        hours = (records[-1][0] - records[0][0]) / 3_600_000
        ups = sum(o in ("taken", "natural") for _, o in records)
        rate.append((day, ups / hours if len(records) >= 2 and hours > 0 else 0.0))
    outcomes = [o for day in by_day for _, o in by_day[day]]
    reminders = sum(o in ("taken", "snoozed", "skipped", "ignored") for o in outcomes)
    return {
        "daily": daily,
        "weekly": {k: v for k, v in weekly.items() if v > 0},
        "longest": longest,
        "rate": rate,
        "share": outcomes.count("taken") / reminders if reminders else None,
    }


@pytest.mark.parametrize("days", [60, 400])
def test_sql_matches_a_python_reading_of_synthetic_history(data_dir: Path, days: int) -> None:
    _benchmark_module().make_history(data_dir, years=1.3, seed=7)  # spans both DST changes and the trip
    from desktop.storage.database import open_database

    db = open_database(data_dir)
    try:
        today = date.today()
        first = today - timedelta(days=days - 1)
        a = HistoryStore(db).aggregates(first, today, today)
        ref = _reference(db.path, first, today)
    finally:
        db.close()
    assert a.daily_minutes == [
        (day, pytest.approx(ref["daily"].get(day, 0.0)))
        for day in (first + timedelta(days=n) for n in range(days))
    ]
    assert {(w, r): m for w, r, m in a.routine_minutes} == pytest.approx(ref["weekly"])
    assert a.longest_sitting_min == [(day, pytest.approx(v)) for day, v in ref["longest"]]
    assert a.standups_per_hour == [(day, pytest.approx(v)) for day, v in ref["rate"]]
    assert a.reminders_taken_share == pytest.approx(ref["share"])
    assert len(a.longest_sitting_min) > days * 0.6 and sum(m for _, m in a.daily_minutes) > 0
