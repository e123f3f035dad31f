"""``upright history [--period P] [--json]``: recorded sessions, sets and breaks.

The table shows one period (the last four weeks unless asked for more), read
with the same SQL as the history page, so ten years of history print in well
under a second instead of loading every set; ``--json`` is the complete,
public export for scripts and backups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK
from desktop.cli.output import fail, print_json, print_table
from desktop.cli.with_store import Failed, with_database
from desktop.core.history import BreakOutcome, HistoryRange, SessionSummary

if TYPE_CHECKING:
    from desktop.core.history import StepChange
    from desktop.storage.database import Database

# Natural breaks were never offered.
REMINDERS = (BreakOutcome.TAKEN, BreakOutcome.SNOOZED, BreakOutcome.SKIPPED, BreakOutcome.IGNORED)
PERIOD_WORDS = {
    HistoryRange.WEEKS_4: "the last 4 weeks",
    HistoryRange.MONTHS_3: "the last 3 months",
    HistoryRange.MONTHS_12: "the last 12 months",
    HistoryRange.ALL: "everything recorded",
}


@dataclass(frozen=True)
class _Period:
    """What the table shows of one period."""

    first_day: date
    sessions: list[SessionSummary]  # newest first
    breaks: dict[BreakOutcome, int]
    changes: list[StepChange]
    anything_recorded: bool


def run(args) -> int:
    if args.json:
        return _print_json(args)
    from desktop.content.catalog_cache import load_catalog_cached
    from desktop.content.errors import ContentError

    try:
        names = {e.id: e.name for e in load_catalog_cached().exercises}
    except ContentError as exc:
        return fail(exc.report(), EXIT_BAD_INPUT)
    period = HistoryRange(args.period or HistoryRange.WEEKS_4)
    today = date.today()
    read = with_database(args, lambda db: _read(db, period, today))
    if isinstance(read, Failed):
        return read.code
    print_period(read, period, names)
    return EXIT_OK


def _print_json(args) -> int:
    from desktop.storage.history import HistoryStore

    period = HistoryRange(args.period or HistoryRange.ALL)
    today = date.today()

    def export(db: Database) -> dict:
        store = HistoryStore(db)
        if period is HistoryRange.ALL:
            return store.export_history()
        return store.export_history(
            since=datetime.combine(period.first_day(today, None), time()).astimezone()
        )

    data = with_database(args, export)
    if isinstance(data, Failed):
        return data.code
    print_json(data, one_line_below=2)  # a session or a break a line
    return EXIT_OK


def _read(db: Database, period: HistoryRange, today: date) -> _Period:
    from desktop.app.report_data import ALL_SESSIONS
    from desktop.storage.history import HistoryStore
    from desktop.storage.progress_store import ProgressStore

    store = HistoryStore(db)
    span = store.history_range()
    first = period.first_day(today, span[0] if span else None)
    breaks: dict[BreakOutcome, int] = {}
    for _day, counts in store.aggregates(first, today, today).breaks:
        for outcome, count in counts.items():
            breaks[outcome] = breaks.get(outcome, 0) + count
    changes = [c for c in ProgressStore(db).changes() if c.changed_at.date() >= first]
    return _Period(first, store.list_sessions(first, today, ALL_SESSIONS), breaks, changes, span is not None)


def print_period(read: _Period, period: HistoryRange, names: dict[str, str]) -> None:
    if not read.anything_recorded:
        print("No sessions or breaks recorded yet. Start a routine with `upright` to begin.")
        return
    sessions = list(reversed(read.sessions))  # oldest first: the newest ends up beside the prompt
    if sessions:
        print_table(
            ["STARTED", "ROUTINE", "OUTCOME", "MINUTES", "SETS", "PAIN BEFORE", "PAIN AFTER"],
            [
                [
                    s.started_at.strftime("%Y-%m-%d %H:%M"),
                    s.routine_name,
                    "In progress" if s.outcome is None else s.outcome.label,
                    str(round(s.minutes)),
                    str(s.set_count),
                    "-" if s.pain_before is None else str(s.pain_before),
                    "-" if s.pain_after is None else str(s.pain_after),
                ]
                for s in sessions
            ],
        )
    else:
        print(f"No sessions in {PERIOD_WORDS[period]}.")
    reminders = sum(read.breaks.get(o, 0) for o in REMINDERS)
    natural, taken = read.breaks.get(BreakOutcome.NATURAL, 0), read.breaks.get(BreakOutcome.TAKEN, 0)
    if reminders or natural:
        own = f"; {_count(natural, 'break')} without a reminder" if natural else ""
        print(f"\nSit-breaks: {_count(reminders, 'reminder')}, {taken} taken{own}.")
    print_step_changes(read.changes, names)
    shown = f"{PERIOD_WORDS[period]} (from {read.first_day:%Y-%m-%d})"
    print(f"\nShown: {shown}, {_count(len(sessions), 'session')}.")
    if period is not HistoryRange.ALL:
        print("More: --period 3m, 12m or all. Everything as JSON: --json.")


def print_step_changes(changes: list[StepChange], names: dict[str, str]) -> None:
    """Every confirmed move on an exercise's ladder, with the reason the person agreed to."""
    if not changes:
        return
    print("\nStep changes:")
    print_table(
        ["WHEN", "EXERCISE", "FROM", "TO", "WHY"],
        [
            [
                _when(c.changed_at.astimezone()),  # the local time, as the sessions above
                names.get(c.exercise_id, c.exercise_id),
                str(c.from_step + 1),
                str(c.to_step + 1),
                c.reason,
            ]
            for c in changes
        ],
    )


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
