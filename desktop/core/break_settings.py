"""Sit-break settings: physiotherapist defaults, their limits, and the rules in words.

The ranges keep the policy meaningful: a natural break must be shorter than
the sitting interval (or every pause would count as a break before a
reminder could ever come), and working hours are a same-day window because
the policy judges them on the wall clock of the moment, in its own offset.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import StrEnum

_HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
MINUTE_RANGES = (
    ("interval_min", 5, 240),
    ("natural_break_min", 1, 60),
    ("snooze_min", 1, 120),
)  # whole minutes
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class AwayEffect(StrEnum):
    """What a screen lock or a sleep does to the sitting clock (a setting; people differ).

    ``END``: the time locked or asleep is not sitting, and when it lasts the
    natural-break minutes it counts as a break. ``PAUSE``: the clock stops and
    picks up where it was, never a break. ``IGNORE``: the lock or sleep says
    nothing; only idle time tells whether someone is there.
    """

    END = "end"
    PAUSE = "pause"
    IGNORE = "ignore"


MAX_DAILY_SKIPS = 20


class BreakSettingsError(ValueError):
    """Settings out of range; each of ``problems`` reads ``field: what is wrong``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class WorkingHours:
    """A daily window (``start`` inclusive, ``end`` exclusive) on ISO weekdays (Monday is 1)."""

    start: str = "09:00"
    end: str = "17:30"
    days: tuple[int, ...] = (1, 2, 3, 4, 5)

    def __post_init__(self) -> None:
        with contextlib.suppress(TypeError):  # not a collection of numbers: reported below
            object.__setattr__(self, "days", tuple(sorted(set(self.days))))
        problems = [
            f"working_hours.{name}: must be a 24-hour time as HH:MM, not {value!r}"
            for name, value in (("start", self.start), ("end", self.end))
            if not isinstance(value, str) or not _HH_MM.match(value)
        ]
        if not problems and self.start >= self.end:
            problems.append(f"working_hours: start {self.start} must be before end {self.end}")
        if (
            not isinstance(self.days, tuple)
            or not self.days
            or not all(isinstance(d, int) and 1 <= d <= 7 for d in self.days)
        ):
            shown = list(self.days) if isinstance(self.days, tuple) else self.days
            problems.append(
                f"working_hours.days: must list ISO weekdays 1 to 7 (Monday is 1), "
                f"at least one, not {shown!r}"
            )
        if problems:
            raise BreakSettingsError(problems)

    def contains(self, wall: datetime) -> bool:
        """Judged on the wall clock's own date and time, whatever its offset."""
        return wall.isoweekday() in self.days and self._start <= wall.time() < self._end

    def next_change(self, wall: datetime) -> datetime:
        """The next wall time at which ``contains`` flips, in ``wall``'s offset."""
        if self.contains(wall):
            return datetime.combine(wall.date(), self._end, wall.tzinfo)
        starts = (
            datetime.combine(wall.date() + timedelta(days=n), self._start, wall.tzinfo) for n in range(8)
        )
        return next(s for s in starts if s > wall and s.isoweekday() in self.days)

    @property
    def _start(self) -> time:
        return time.fromisoformat(self.start)

    @property
    def _end(self) -> time:
        return time.fromisoformat(self.end)


@dataclass(frozen=True)
class BreakSettings:
    """Minutes throughout. ``working_hours`` None means reminders at any hour of any day.

    ``working_hours`` may also be given as a mapping with the keys of ``WorkingHours``
    (the shape of the settings file); it is stored as a ``WorkingHours``.
    """

    interval_min: float = 30  # sitting minutes before a reminder
    natural_break_min: float = 5  # away this long counts as a break
    snooze_min: float = 10
    working_hours: WorkingHours | None = field(default_factory=WorkingHours)
    quiet_when_fullscreen: bool = True
    quiet_when_dnd: bool = True
    quiet_in_calls: bool = True
    away_effect: AwayEffect = AwayEffect.END
    daily_skip_limit: int | None = None  # None: Skip is always offered

    def __post_init__(self) -> None:
        bad = [
            (name, low, high)
            for name, low, high in MINUTE_RANGES
            if not _within(getattr(self, name), low, high)
        ]
        problems = [
            f"{name}: must be between {low} and {high} minutes, not {_shown(getattr(self, name))}"
            for name, low, high in bad
        ]
        if (
            not {"interval_min", "natural_break_min"} & {name for name, _, _ in bad}
            and self.natural_break_min >= self.interval_min
        ):
            problems.append(
                f"natural_break_min: must be shorter than interval_min "
                f"({self.natural_break_min:g} is not less than {self.interval_min:g})"
            )
        hours = self.working_hours
        if isinstance(hours, Mapping):
            unknown = sorted(map(str, set(hours) - set(WorkingHours.__dataclass_fields__)))
            if unknown:
                problems.append(f"working_hours: unknown key {', '.join(unknown)}")
            else:
                try:
                    object.__setattr__(self, "working_hours", WorkingHours(**hours))
                except BreakSettingsError as exc:
                    problems += exc.problems
        elif not isinstance(hours, (WorkingHours, type(None))):
            problems.append(f"working_hours: must be start, end and days, or None, not {hours!r}")
        try:
            object.__setattr__(self, "away_effect", AwayEffect(self.away_effect))
        except ValueError:
            choices = ", ".join(effect.value for effect in AwayEffect)
            problems.append(f"away_effect: must be one of {choices}, not {self.away_effect!r}")
        limit = self.daily_skip_limit
        if limit is not None and not (
            isinstance(limit, int) and not isinstance(limit, bool) and 0 <= limit <= MAX_DAILY_SKIPS
        ):
            problems.append(
                f"daily_skip_limit: must be a whole number from 0 to {MAX_DAILY_SKIPS}, "
                f"or none, not {limit!r}"
            )
        if problems:
            raise BreakSettingsError(problems)


def _within(value: object, low: float, high: float) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high


def _shown(value: object) -> str:
    """3.0 from a JSON file reads as 3, as it was typed."""
    return f"{value:g}" if isinstance(value, float) else repr(value)


def rules_text(settings: BreakSettings) -> list[str]:
    """One plain sentence per rule, in the order the settings dialog lists them."""
    s = settings
    return [
        f"After {_minutes(s.interval_min)} of sitting, Upright suggests a short stand-and-extend break.",
        f"Being away from the keyboard for {_minutes(s.natural_break_min)} or more counts as a break "
        "and starts the count again.",
        f"Snoozing asks again {_minutes(s.snooze_min)} later.",
        f"A reminder left unanswered asks again at most every {_minutes(s.snooze_min)} "
        "while you keep sitting.",
        _hours_rule(s.working_hours),
        _quiet_rule(s),
        _away_rule(s),
        _skip_rule(s.daily_skip_limit),
        "After the computer sleeps you get at most one reminder, never a pile of them.",
    ]


def _away_rule(s: BreakSettings) -> str:
    if s.away_effect == AwayEffect.PAUSE:
        return "Locking the screen or sleep pauses the sitting count; it carries on afterwards."
    if s.away_effect == AwayEffect.IGNORE:
        return (
            "Locking the screen or sleep changes nothing by itself; only time away from the keyboard counts."
        )
    return (
        "Locking the screen or sleep is time away: "
        f"{_minutes(s.natural_break_min)} or more of it counts as a break."
    )


def _skip_rule(limit: int | None) -> str:
    if limit is None:
        return "You can skip as many breaks as you like."
    if limit == 0:
        return "Breaks cannot be skipped, only snoozed."
    return f"You can skip {limit} break{'' if limit == 1 else 's'} a day; after that, only snooze."


def _minutes(value: float) -> str:
    return f"{value:g} minute" + ("" if value == 1 else "s")


def _hours_rule(hours: WorkingHours | None) -> str:
    if hours is None:
        return "Sitting is counted at any hour, every day."
    days = _day_list(hours.days)
    return f"Outside {hours.start}\u2013{hours.end}, {days}, nothing is counted and nothing is shown."


def _day_list(days: Iterable[int]) -> str:
    """``(1, 2, 3, 4, 5)`` reads "Monday to Friday"; runs of three or more are spans."""
    days = list(days)
    if len(days) == 7:
        return "every day"
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    for run in runs:
        names = [DAY_NAMES[d - 1] for d in run]
        parts += [f"{names[0]} to {names[-1]}"] if len(run) >= 3 else names
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _quiet_rule(s: BreakSettings) -> str:
    sources = [
        name
        for name, on in (
            ("a full-screen app", s.quiet_when_fullscreen),
            ("do-not-disturb", s.quiet_when_dnd),
            ("a call", s.quiet_in_calls),
        )
        if on
    ]
    if not sources:
        return "Reminders come even during full-screen apps, do-not-disturb and calls."
    listed = sources[0] if len(sources) == 1 else ", ".join(sources[:-1]) + " or " + sources[-1]
    return f"While {listed} is on, reminders wait; at most one comes afterwards."
