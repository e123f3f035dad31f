"""History view cost on ten years of data: aggregates, session list and CSV export.

``make_history`` fills a data folder with synthetic but plausible history (a
person in Berlin with DST changes, a yearly trip to New York, a few sessions
a day, sit-break reminders on working days, idle days and holidays). It
writes through one raw SQLite connection with ``executemany`` because going
through ``HistoryStore`` (one committed transaction per set, as the app must)
would take minutes for 100,000 sets. The UI benchmark imports it too.

Run: python benchmarks/history.py [--years 10] [--runs 5]
The last line printed is a JSON object for scripts.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

if __package__ in (None, ""):  # run as a script: make `desktop` importable from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.storage.database import open_database

HOME = ZoneInfo("Europe/Berlin")
TRIP = ZoneInfo("America/New_York")
ROUTINES = {  # id: (name, sets per session)
    "mobility-trio": ("Mobility trio", 6),
    "posterior-chain": ("Posterior-chain strength", 10),
    "evening-floor": ("Evening floor routine", 8),
    "strength-foundation": ("Strength foundation", 12),
    "stand-and-extend": ("Stand and extend", 5),
    "tweaked-back": ("Tweaked back first aid", 7),
}
EXERCISES = (
    "bridge",
    "bird-dog",
    "cat-camel",
    "side-plank",
    "dead-bug",
    "prone-extension",
    "hip-hinge",
    "figure-four-stretch",
    "segmental-bridge",
    "wall-angel",
)
BREAK_OUTCOMES = ("taken", "natural", "snoozed", "skipped", "ignored")
BREAK_WEIGHTS = (35, 20, 15, 10, 20)


def make_history(data_dir: Path, years: float, seed: int = 1) -> None:
    """Create (or add to) the history in ``data_dir``: ``years`` of days ending today.

    About 4 sessions (30 sets) and 8-9 reminders a day on average, so 10
    years give over 100,000 sets and 30,000 breaks. Deterministic for a seed.
    """
    db = open_database(data_dir)  # creates and migrates the schema like the app does
    path = db.path
    db.close()
    rows = _generate(years, random.Random(seed))
    connection = sqlite3.connect(path)
    try:
        with connection:
            first_id = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM sessions").fetchone()[0]
            sessions = [(first_id + i, *row) for i, row in enumerate(rows["sessions"])]
            connection.executemany(
                "INSERT INTO sessions (id, routine_id, routine_name, started_at, ended_at, utc_offset_s,"
                " outcome) VALUES (?, ?, ?, ?, ?, ?, ?)",
                sessions,
            )
            connection.executemany(
                "INSERT INTO sets (session_id, exercise_id, side, set_index, planned_reps, done_reps,"
                " planned_s, done_s, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((first_id + s, *rest) for s, *rest in rows["sets"]),
            )
            connection.executemany(
                "INSERT INTO pain_ratings (session_id, moment, value, recorded_at) VALUES (?, ?, ?, ?)",
                ((first_id + s, *rest) for s, *rest in rows["pain"]),
            )
            connection.executemany(
                "INSERT INTO breaks (offered_at, utc_offset_s, outcome, answered_at, duration_s)"
                " VALUES (?, ?, ?, ?, ?)",
                rows["breaks"],
            )
        connection.execute("PRAGMA optimize")
    finally:
        connection.close()


def _ms(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


def _generate(years: float, rng: random.Random) -> dict[str, list[tuple]]:
    """Rows as tuples; session references are 0-based and offset by the caller."""
    out: dict[str, list[tuple]] = {"sessions": [], "sets": [], "pain": [], "breaks": []}
    now = datetime.now(UTC)  # nothing in the future: today stops at the current time
    today = date.today()
    first = today - timedelta(days=round(years * 365.25) - 1)
    day = first
    while day <= today:
        zone = TRIP if day.month == 5 and 10 <= day.day <= 24 else HOME  # a yearly trip, other DST dates
        holiday = day.month == 8 and day.day <= 14
        if rng.random() > (0.5 if holiday else 0.08):  # some days nothing at all
            _sessions_of_day(out, day, zone, rng, now)
        if not holiday:
            _breaks_of_day(out, day, zone, rng, now)
        day += timedelta(days=1)
    return out


def _sessions_of_day(
    out: dict[str, list[tuple]], day: date, zone: ZoneInfo, rng: random.Random, now: datetime
) -> None:
    # Spread over the waking day; the last one now and then runs across midnight.
    starts = sorted(rng.uniform(6.5, 23.9) for _ in range(rng.choice((3, 4, 4, 5, 5, 6))))
    for hour in starts:
        routine = rng.choice(list(ROUTINES))
        name, planned_sets = ROUTINES[routine]
        local = datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(hours=hour)
        start = local.astimezone(UTC)  # via UTC: fixes local times inside a DST gap
        if start > now - timedelta(minutes=15):
            return
        session = len(out["sessions"])
        outcome = rng.choices(("completed", "ended_early", "interrupted"), (87, 10, 3))[0]
        count = planned_sets if outcome == "completed" else rng.randint(1, planned_sets - 1)
        moment = start + timedelta(seconds=rng.uniform(3, 15))
        for index in range(count):
            exercise = EXERCISES[(session + index) % len(EXERCISES)]
            timed = index % 2 == 0
            length = rng.uniform(20, 60)
            planned_s = 30.0 if timed else None
            reps = None if timed else 10
            out["sets"].append(
                (
                    session,
                    exercise,
                    rng.choice(("none", "none", "left", "right")),
                    index // 2 + 1,
                    reps,
                    None if timed else rng.randint(6, 10),
                    planned_s,
                    round(length, 1) if timed else None,
                    _ms(moment),
                    _ms(moment + timedelta(seconds=length)),
                )
            )
            moment += timedelta(seconds=length + rng.uniform(8, 25))
        offset = int(start.astimezone(zone).utcoffset().total_seconds())
        out["sessions"].append((routine, name, _ms(start), _ms(moment), offset, outcome))
        if rng.random() < 0.5:
            before = rng.randint(1, 8)
            out["pain"].append((session, "before", before, _ms(start)))
            if rng.random() < 0.8:
                out["pain"].append((session, "after", max(0, before - rng.randint(-1, 3)), _ms(moment)))


def _breaks_of_day(
    out: dict[str, list[tuple]], day: date, zone: ZoneInfo, rng: random.Random, now: datetime
) -> None:
    working = day.weekday() < 5
    count = rng.randint(9, 12) if working else rng.randint(3, 6)
    hour = rng.uniform(8.0, 9.5)
    for _ in range(count):
        offered = (datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(hours=hour)).astimezone(
            UTC
        )
        if offered > now - timedelta(minutes=5):
            return
        outcome = rng.choices(BREAK_OUTCOMES, BREAK_WEIGHTS)[0]
        answered = None if outcome == "ignored" else offered + timedelta(seconds=rng.uniform(1, 90))
        duration = round(rng.uniform(60, 300), 1) if outcome == "taken" else None
        offset = int(offered.astimezone(zone).utcoffset().total_seconds())
        out["breaks"].append((_ms(offered), offset, outcome, answered and _ms(answered), duration))
        hour += rng.uniform(0.6, 1.2)


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from desktop.storage.csv_export import export_csv
    from desktop.storage.history import HistoryStore

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        start = time.perf_counter()
        make_history(data, args.years)
        fill_s = time.perf_counter() - start
        db = open_database(data)
        try:
            store = HistoryStore(db)
            with db.engine.connect() as connection:
                sets, breaks, sessions = (
                    connection.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one()
                    for t in ("sets", "breaks", "sessions")
                )
            today = date.today()
            first_all, _ = store.history_range()
            last_year = today - timedelta(days=364)
            q12 = _median_ms(lambda: store.aggregates(last_year, today, today), args.runs)
            qall = _median_ms(lambda: store.aggregates(first_all, today, today), args.runs)
            listing = _median_ms(lambda: store.list_sessions(last_year, today), args.runs)
            csv_ms = _median_ms(lambda: export_csv(db, Path(tmp) / "csv"), max(1, args.runs // 2))
        finally:
            db.close()
    print(
        f"history: {args.years:g} years, {sessions} sessions, {sets} sets, {breaks} breaks "
        f"(filled in {fill_s:.1f} s)"
    )
    print(f"{'measure':<34}{'median ms':>10}")
    for label, value in (
        ("load_aggregates, last 12 months", q12),
        ("load_aggregates, all years", qall),
        ("list_sessions, last 12 months", listing),
        ("export_csv, everything", csv_ms),
    ):
        print(f"{label:<34}{value:>10.1f}")
    print(
        json.dumps(
            {
                "history_12m_query_ms": round(q12, 1),
                "history_all_query_ms": round(qall, 1),
                "list_sessions_ms": round(listing, 1),
                "csv_export_ms": round(csv_ms, 1),
                "sets": sets,
                "breaks": breaks,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
