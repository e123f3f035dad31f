"""What the history holds, in the words the rest of the app uses.

The store (``desktop.storage``) fills these; the window, the report and the
commands read them. They live in the core so a page can name its inputs
without importing SQLAlchemy, and so a column renamed in the database
changes one query, not every screen. The enums are ``StrEnum``: their
values are the exact strings the database and the exported files hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from desktop.core.catalog import Routine


class SessionOutcome(StrEnum):
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    INTERRUPTED = "interrupted"  # the app stopped (crash, power cut) before the session ended

    @property
    def label(self) -> str:
        """How the history page, the report and the command line say it."""
        return self.value.replace("_", " ").capitalize()


class BreakOutcome(StrEnum):
    OFFERED = "offered"  # asked, not yet answered
    TAKEN = "taken"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    NATURAL = "natural"  # the person got up on their own
    IGNORED = "ignored"  # a reminder left unanswered


class PainMoment(StrEnum):
    BEFORE = "before"
    AFTER = "after"


class SetSide(StrEnum):
    """The side a stored set worked; an alternating set is stored as ``none`` (both sides)."""

    NONE = "none"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class HistoryAggregates:
    """Everything the history page draws for one range of local days (inclusive)."""

    first_day: date
    last_day: date
    daily_minutes: list[tuple[date, float]]
    routine_minutes: list[tuple[date, str, float]]  # (local day, routine id, minutes), days with any
    breaks: list[tuple[date, dict[BreakOutcome, int]]]  # answered or ignored reminders, by how
    break_period: str
    pain: list[tuple[datetime, str, int | None, int | None]]
    week_minutes: float
    streak_days: int
    reminders_taken_share: float | None
    avg_pain_change: float | None
    longest_sitting_min: list[tuple[date, float]]
    standups_per_hour: list[tuple[date, float]]


@dataclass(frozen=True)
class SessionSummary:
    """One line of the history page's session list; ``started_at`` is in the session's own offset."""

    id: int
    routine_id: str
    routine_name: str
    started_at: datetime
    minutes: float
    outcome: SessionOutcome | None  # None while it runs
    pain_before: int | None
    pain_after: int | None
    set_count: int


@dataclass(frozen=True)
class DoneSet:
    """One finished set of a session, as the session's details show it."""

    exercise_id: str
    side: SetSide
    set_index: int
    planned_reps: int | None
    done_reps: int | None
    planned_s: float | None
    done_s: float | None
    started_at: datetime
    ended_at: datetime


@dataclass(frozen=True)
class StepChange:
    """A confirmed move on an exercise's ladder, with the reason shown in the history."""

    exercise_id: str
    from_step: int
    to_step: int
    reason: str
    changed_at: datetime
    session_id: int | None


@dataclass(frozen=True)
class Best:
    """The most reps in one set and the longest set, over all history."""

    reps: int | None
    seconds: float | None


@dataclass(frozen=True)
class StoredRoutine:
    """A routine the person made, copied or imported, with where it came from."""

    routine: Routine
    based_on: str | None
    updated_at: datetime


class HistoryRange(StrEnum):
    """The periods the history page and the report can show."""

    WEEKS_4 = "4w"
    MONTHS_3 = "3m"
    MONTHS_12 = "12m"
    ALL = "all"

    @property
    def days_back(self) -> int | None:
        """Days before today the period starts; ``None``: from the first thing recorded."""
        return {"4w": 27, "3m": 91, "12m": 364}.get(self.value)

    def first_day(self, today: date, recorded_from: date | None) -> date:
        """The period's first day; "all" starts at the first thing recorded (four weeks when none is)."""
        days = self.days_back
        if days is None:
            return recorded_from if recorded_from is not None else today - timedelta(days=27)
        return today - timedelta(days=days)

    @property
    def button(self) -> str:
        return {"4w": "4 weeks", "3m": "3 months", "12m": "12 months", "all": "All"}[self.value]

    @property
    def report_title(self) -> str:
        return {
            "4w": "Last 4 weeks",
            "3m": "Last 3 months",
            "12m": "Last 12 months",
            "all": "Everything recorded",
        }[self.value]


def routine_names(sessions: Iterable[SessionSummary], current: Mapping[str, str]) -> dict[str, str]:
    """Each routine's name for charts and legends: as the library names it now, else the name it
    had when last used (a routine since deleted still reads as a name, not as its id)."""
    names = {s.routine_id: s.routine_name for s in sorted(sessions, key=lambda s: s.started_at)}
    names.update(current)
    return names
