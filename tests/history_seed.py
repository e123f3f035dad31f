"""Histories of every size, written through the store's own API (``HistoryStore``).

``SIZES`` are the four shapes the history page and the report must read
well at: nothing, one session, a month, and ten years. The ten-year one is
thinner per week than the benchmark's generator (which writes raw SQL for
speed) so it stays a few seconds through the real API, one committed
transaction per record as the app writes them. Deterministic for a seed.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

ROUTINES = (
    ("mobility-trio", "Mobility trio"),
    ("posterior-chain", "Posterior-chain strength"),
    ("busy-morning", "Busy morning"),
    ("evening-floor", "Evening floor routine"),
)
EXERCISES = ("cat-cow", "segmental-bridge", "push-up", "squat")
SIZES = ("empty", "one", "month", "decade")
OUTCOMES = ("taken", "natural", "snoozed", "skipped", "ignored")


def seed(store, size: str, today: date | None = None, seed: int = 7) -> None:
    """Fill ``store`` with the history ``size`` names, ending on ``today``."""
    today = today or date.today()
    rng = random.Random(seed)
    if size == "empty":
        return
    if size == "one":
        _session(store, _at(today - timedelta(days=1), 8.5), ROUTINES[0], 2, pain=(5, 3))
        return
    days, sessions_per_week, break_days_per_week = (30, 4, 5) if size == "month" else (3652, 2, 1)
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        if rng.random() < sessions_per_week / 7:
            routine = ROUTINES[rng.randrange(len(ROUTINES))]
            rated = rng.random() < 0.7
            before = rng.randint(2, 7)
            pain = (before, max(0, before - rng.randint(-1, 3))) if rated else None
            _session(store, _at(day, rng.uniform(7, 20)), routine, rng.randint(1, 3), pain=pain)
        if day.weekday() < 5 and rng.random() < break_days_per_week / 5:
            for hour in (10.0, 12.5, 15.0):
                offered = _at(day, hour + rng.uniform(0, 1))
                outcome = rng.choices(OUTCOMES, (40, 20, 15, 10, 15))[0]
                store.record_break(offered, outcome, answered_at=offered + timedelta(seconds=30))


def _at(day: date, hour: float) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(hours=hour)


def _session(store, start: datetime, routine: tuple[str, str], sets: int, pain) -> None:
    sid = store.start_session(routine[0], routine[1], start)
    if pain:
        store.set_pain(sid, "before", pain[0], recorded_at=start)
    at = start
    for n in range(sets):
        end = at + timedelta(minutes=4 + n)
        store.record_set(
            sid,
            exercise_id=EXERCISES[n % len(EXERCISES)],
            side="none",
            set_index=n + 1,
            planned_reps=10,
            done_reps=10,
            started_at=at,
            ended_at=end,
        )
        at = end + timedelta(seconds=30)
    if pain:
        store.set_pain(sid, "after", pain[1], recorded_at=at)
    store.finish_session(sid, "completed", at)
