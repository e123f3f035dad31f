"""The sit-break policy: a pure state machine fed with timed observations.

Every input carries ``mono`` (monotonic seconds: never jumps, and does not
advance while the machine sleeps) and ``wall`` (an aware datetime). Durations
come only from ``mono``, so DST, NTP and manual clock changes can neither
repeat nor swallow a reminder; ``wall`` is used only for what people mean by
it: working hours, "pause until 14:00", and how long a sleep lasted.

Presence comes from OS idle samples, read one of two ways. A polled source
(``idle_watch_s`` None) is read every ``POLL_S``: the idle span a sample
reports is not sitting, and the time after the latest sample is presumed
sitting until the next one says otherwise, so a late sample corrects the
count after the fact. A watching source (X11's IDLETIME alarms, Wayland's
idle notifications) reports by itself when the person has been idle for
``idle_watch_s`` and when they come back, so nothing is polled: idle spans
shorter than that count as sitting, longer ones do not from their last
input, and the natural break is a deadline at that input plus
``natural_break_min``. The tray and ``upright breaks simulate`` drive this
same class and neither counts ticks: both call back at ``next_deadline``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from desktop.core.break_settings import (
    AwayEffect,
    BreakSettings,
    BreakSettingsError,
    WorkingHours,
    rules_text,
)

__all__ = [
    "ANSWERS",
    "EVENTS",
    "Answer",
    "AwayEffect",
    "BreakEvent",
    "BreakPolicy",
    "BreakSettings",
    "BreakSettingsError",
    "BreakState",
    "Decision",
    "DecisionKind",
    "QuietReason",
    "SittingSince",
    "WorkingHours",
    "rules_text",
]  # the settings live next door but belong to the policy's face

POLL_S = 60.0  # idle readings older than this leave a return or an absence unnoticed for too long
# (polled sources; and held-back reminders, since full screen, do-not-disturb and calls are polled too)
RECHECK_WALL_S = 3600.0  # waits for a wall time are re-judged this often, so a DST or clock change is seen
EARLY_TOLERANCE_S = 0.001  # a wake-up a hair early still counts as on time


class BreakEvent(StrEnum):
    """What the desktop tells the policy: the machine asleep or locked, or a reason to keep quiet.

    A quiet reason's two events are its name with ``_on`` and ``_off``.
    """

    SLEEP = "sleep"
    RESUME = "resume"
    LOCK = "lock"
    UNLOCK = "unlock"
    FULLSCREEN_ON = "fullscreen_on"
    FULLSCREEN_OFF = "fullscreen_off"
    DND_ON = "dnd_on"
    DND_OFF = "dnd_off"
    CALL_ON = "call_on"
    CALL_OFF = "call_off"


EVENTS = tuple(event.value for event in BreakEvent)


class Answer(StrEnum):
    """What a person can say to a reminder, from the notification, the prompt or the command line."""

    TAKE = "take"
    SNOOZE = "snooze"
    SKIP = "skip"


ANSWERS = tuple(answer.value for answer in Answer)
QuietReason = Literal["fullscreen", "dnd", "call"]  # what the desktop may say keeps reminders quiet
_QUIET_SETTING = {"fullscreen": "quiet_when_fullscreen", "dnd": "quiet_when_dnd", "call": "quiet_in_calls"}

DecisionKind = Literal["remind", "natural_break", "break_taken", "snoozed", "skipped", "deferred"]


@dataclass(frozen=True)
class Decision:
    """Something the tray should show or record, at the time of the input that caused it."""

    mono: float
    wall: datetime
    decision: DecisionKind


class SittingSince(StrEnum):
    """What the sitting count started from, so the status says what happened, not a guess."""

    START = "start"  # counting began: the first input, the end of a pause, working hours
    BREAK = "break"  # a break taken, or time away long enough to be one
    SKIP = "skip"  # the break was skipped: the count starts over all the same


@dataclass(frozen=True)
class BreakState:
    due: bool  # a reminder was shown (or held back by a quiet state) and is not answered
    paused: bool
    snoozed: bool


class BreakPolicy:
    """Counting starts at the first input, as if the person had just sat down then.

    ``restart_from`` carries everything known over to new settings (sitting so
    far, presence, quiet and away states, a pause, a due reminder, how idle
    time is read); only a count not yet due takes the new interval.
    ``idle_watch_s`` is the threshold of a watching idle source (see the
    module's docstring), None for one that must be polled.
    """

    def __init__(
        self,
        settings: BreakSettings,
        restart_from: BreakPolicy | None = None,
        *,
        idle_watch_s: float | None = None,
    ) -> None:
        self.settings = settings
        self._watch_s = idle_watch_s
        self._idle_since: float | None = None  # watched: the last input of an idle spell not yet a break
        self._wall: datetime | None = None  # None until the first input
        self._mono = 0.0
        self._pause_until: datetime | None = None
        self._quiet: set[str] = set()  # the quiet sources that are on: fullscreen, dnd, call
        self._locked = self._asleep = False
        self._away_since: float | None = None  # start of a lock or sleep (or the idle that led into it)
        self._slept_s = 0.0  # sleep the monotonic clock did not see, during this absence
        self._sleep_at: tuple[float, datetime] | None = None
        self._last_sample: float | None = None
        self._last_input: float | None = None  # mono of the last keyboard/mouse input a sample implied
        self._last_remind: float | None = None  # cleared only by an answer or a break
        self._counting = False
        self._skips: tuple[date, int] = (date.min, 0)  # skips on the day of the latest one
        self._present_from: float | None = None
        self._accrued = self._target = self._poll_at = 0.0  # set by _fresh, just below
        self._due = self._deferred = self._snoozed = False
        self._fresh(0.0)
        if restart_from is not None:
            self.__dict__.update(restart_from.__dict__)
            self.settings, self._quiet = settings, set(restart_from._quiet)
            if not (self._due or self._snoozed):
                self._target = settings.interval_min * 60

    # -- queries ---------------------------------------------------------
    @property
    def state(self) -> BreakState:
        return BreakState(self._due, self._pause_until is not None, self._snoozed)

    @property
    def counting(self) -> bool:
        """False while paused and outside working hours (and before the first input)."""
        return self._counting

    @property
    def since(self) -> SittingSince:
        return self._since

    @property
    def remind_at_s(self) -> float:
        """The sitting seconds at which the next reminder comes (the interval, or a snooze's end)."""
        return self._target

    def sitting_s(self, mono: float) -> float:
        """Sitting time since the last break (or fresh start), as known at ``mono``."""
        if self._present_from is None:
            return self._accrued
        return self._accrued + max(0.0, mono - self._present_from)

    def sitting_reaches(self, mono: float, sitting_s: float) -> float | None:
        """When the sitting count reaches ``sitting_s`` if the person stays; None while it is not growing."""
        if self._present_from is None:
            return None
        return mono + max(0.0, sitting_s - self.sitting_s(mono))

    def skips_left(self, wall: datetime) -> int | None:
        """Skips still allowed on ``wall``'s day; None when there is no daily limit."""
        limit = self.settings.daily_skip_limit
        if limit is None:
            return None
        day, count = self._skips
        return max(0, limit - (count if day == wall.date() else 0))

    def count_skip(self, wall: datetime) -> None:
        """A break skipped after it began (the break window's Skip, or closing it)."""
        self._since = SittingSince.SKIP
        day, count = self._skips
        self._skips = (wall.date(), count + 1 if day == wall.date() else 1)

    @property
    def paused_until(self) -> datetime | None:
        return self._pause_until

    def note_skips(self, day: date, count: int) -> None:
        """Skips already recorded on ``day`` (read from the history when the tray starts)."""
        self._skips = (day, count)

    def next_deadline(self, mono: float) -> float | None:
        """When to call back (``tick``, or ``sample`` with a fresh idle reading).

        While counting: the reminder, the end of working hours, and the next
        idle reading of a polled source; with a watching source, the natural
        break of an idle spell it reported instead (and a reading a minute on
        only while a reminder is held back by a quiet state, which is polled).
        While paused or outside working hours: when that ends (re-judged at
        least hourly). None before the first input and while locked or asleep,
        since only an unlock or resume can change anything then; None too with
        a watching source and nothing due, since only the source can.
        """
        if self._away_since is not None or self._wall is None:
            return None
        if not self._counting:
            waits = [self._mono_at(self._pause_until)] if self._pause_until is not None else []
            if self.settings.working_hours is not None:
                waits.append(self._mono_at(self.settings.working_hours.next_change(self._wall)))
            return min([*waits, mono + RECHECK_WALL_S])
        held_back = self._deferred and self._is_quiet()
        due = [self._poll_at] if self._watch_s is None or held_back else []
        if self._idle_since is not None:
            due.append(self._idle_since + self._natural_s)
        if self.settings.working_hours is not None:
            due.append(self._mono_at(self.settings.working_hours.next_change(self._wall)))
        if self._present_from is not None and not held_back:
            reached = self._present_from + self._target - self._accrued
            due.append(max(reached, self._not_before()))
        return min(due, default=None)

    # -- inputs ----------------------------------------------------------
    def tick(self, mono: float, wall: datetime) -> list[Decision]:
        """Time passed and nothing new was seen (a deadline with no idle reading)."""
        self._observe(mono, wall)
        return self._check(mono, wall)

    def sample(self, mono: float, wall: datetime, idle_s: float) -> list[Decision]:
        """The OS idle time at ``mono``: no input since ``mono - idle_s``."""
        if not idle_s >= 0:
            raise ValueError(f"idle_s must be 0 or more, not {idle_s}")
        self._observe(mono, wall)
        out: list[Decision] = []
        if self._counting and self._away_since is None:
            self._last_sample, self._last_input = mono, mono - idle_s
            if self._watch_s is not None:
                out += self._watched(mono, wall, idle_s, self._last_input)
            else:
                self._settle(self._last_input)
                if idle_s >= self._natural_s:
                    out += self._natural_break(mono, wall)  # and keep polling, to see them come back
                else:
                    self._present_from = mono
                    self._poll_at = min(mono + POLL_S, self._last_input + self._natural_s)
        return out + self._check(mono, wall)

    def event(self, mono: float, wall: datetime, kind: BreakEvent) -> list[Decision]:
        if kind not in EVENTS:
            raise ValueError(f"unknown event {kind!r}; expected one of {', '.join(EVENTS)}")
        kind = BreakEvent(kind)
        self._observe(mono, wall)
        out: list[Decision] = []
        source, _, switch = kind.rpartition("_")
        if source in _QUIET_SETTING:
            (self._quiet.add if switch == "on" else self._quiet.discard)(source)
        elif kind in (BreakEvent.LOCK, BreakEvent.SLEEP) and self.settings.away_effect is AwayEffect.IGNORE:
            pass  # an absence begun under other settings still ends at unlock or resume
        elif kind is BreakEvent.LOCK:
            self._begin_absence(mono)
            self._locked = True
        elif kind is BreakEvent.SLEEP and not self._asleep:
            self._begin_absence(mono)
            self._asleep, self._sleep_at = True, (mono, wall)
        elif kind is BreakEvent.UNLOCK and self._locked:
            self._locked = False
            out += self._end_absence(mono, wall)
        elif kind is BreakEvent.RESUME and self._asleep and self._sleep_at is not None:
            sleep_mono, sleep_wall = self._sleep_at
            # Only the part of the sleep the monotonic clock missed (all of it, on most systems).
            self._slept_s += max(0.0, (wall - sleep_wall).total_seconds() - (mono - sleep_mono))
            self._asleep = False
            out += self._end_absence(mono, wall)
        return out + self._check(mono, wall)

    def answer(self, mono: float, wall: datetime, answer: Answer) -> list[Decision]:
        """The answer to the latest reminder; ignored when none is due.

        A skip beyond the daily limit is taken as a snooze: the break is still owed.
        """
        if answer not in ANSWERS:
            raise ValueError(f"unknown answer {answer!r}; expected one of {', '.join(ANSWERS)}")
        answer = Answer(answer)
        self._observe(mono, wall)
        out: list[Decision] = []
        if answer is Answer.SKIP and self.skips_left(wall) == 0:
            answer = Answer.SNOOZE
        if self._due and answer is Answer.SNOOZE:
            out += self._snooze(mono, wall, self.settings.snooze_min)
        elif self._due:
            out += self._break(mono, wall, "break_taken" if answer is Answer.TAKE else "skipped")
        return out + self._check(mono, wall)

    def break_done(self, mono: float, wall: datetime) -> list[Decision]:
        """A desk break finished, asked for or not (the menu's "Take a break now"): the count starts over."""
        self._observe(mono, wall)
        out = self._break(mono, wall, "break_taken") if self._counting else []
        return out + self._check(mono, wall)

    def snooze(self, mono: float, wall: datetime, minutes: float) -> list[Decision]:
        """The tray's "Snooze N min": no reminder for at least N more minutes of sitting."""
        if not minutes > 0:
            raise ValueError(f"snooze minutes must be more than 0, not {minutes}")
        self._observe(mono, wall)
        out = self._snooze(mono, wall, minutes) if self._counting else []
        return out + self._check(mono, wall)

    def pause_until(self, mono: float, wall: datetime, until: datetime | None) -> list[Decision]:
        """No reminders until ``until`` (None, or a time already past: resume now, counting afresh)."""
        if until is not None:
            _require_aware(until)
        self._observe(mono, wall)
        self._pause_until = until if until is not None and until > wall else None
        self._update_gate(mono, restart=False)
        return self._check(mono, wall)

    # -- internals -------------------------------------------------------
    @property
    def _natural_s(self) -> float:
        return self.settings.natural_break_min * 60

    def _observe(self, mono: float, wall: datetime) -> None:
        """Every input first moves time on: pause end, working hours, overdue polls."""
        _require_aware(wall)
        if self._wall is None:
            self._mono, self._wall = mono, wall
            self._update_gate(mono, restart=True)
            return
        if mono < self._mono:
            raise ValueError(f"mono went backwards: {mono} after {self._mono}")
        hours = self.settings.working_hours
        # Working hours that ended since the last input (the machine slept through the
        # evening, say) end this count even though they have begun again by now.
        ended = self._counting and hours is not None and hours.next_change(self._wall) <= wall
        self._mono, self._wall = mono, wall
        if self._pause_until is not None and wall >= self._pause_until:
            self._pause_until = None
        if mono >= self._poll_at - EARLY_TOLERANCE_S:
            self._poll_at = mono + POLL_S  # a wake-up without a sample: ask again later, not now
        self._update_gate(mono, restart=ended)

    def _hours_allow(self, wall: datetime | None) -> bool:
        """Before the first input (no wall time yet) nothing is counted anyway."""
        hours = self.settings.working_hours
        return hours is None or wall is None or hours.contains(wall)

    def _update_gate(self, mono: float, restart: bool) -> None:
        counting = self._pause_until is None and self._hours_allow(self._wall)
        if counting != self._counting or restart:
            self._counting = counting
            self._fresh(mono)

    def _fresh(self, mono: float) -> None:
        """Counting starts (or stops) afresh: working hours, a pause, the start."""
        self._reset()
        self._since = SittingSince.START
        self._present_from = mono if self._counting and self._away_since is None else None
        self._poll_at = mono + POLL_S
        self._last_input = self._idle_since = None

    def _reset(self) -> None:
        self._accrued = 0.0
        self._target = self.settings.interval_min * 60  # sitting seconds at which to ask next
        self._due = self._deferred = self._snoozed = False

    def _watched(self, mono: float, wall: datetime, idle_s: float, last_input: float) -> list[Decision]:
        """A reading from a watching source: it reports again by itself when this changes."""
        assert self._watch_s is not None
        self._idle_since = None
        if idle_s >= self._natural_s:
            self._settle(last_input)
            return self._natural_break(mono, wall)  # the source says when they are back
        if idle_s >= self._watch_s:
            self._settle(last_input)  # idle since then, and no longer presumed at the desk
            self._idle_since = last_input
        elif self._present_from is None:
            self._present_from = last_input  # back: a shorter pause counted as sitting all along
        return []

    def _settle(self, until: float) -> None:
        """Bank the presumed sitting up to ``until``; the person is not presumed present after."""
        if self._present_from is not None:
            self._accrued += max(0.0, until - self._present_from)
            self._present_from = None

    def _mono_at(self, when: datetime) -> float:
        assert self._wall is not None  # asked only about moments after the first input
        return self._mono + (when - self._wall).total_seconds()

    def _is_quiet(self) -> bool:
        return any(getattr(self.settings, _QUIET_SETTING[source]) for source in self._quiet)

    def _not_before(self) -> float:
        """An unanswered reminder never comes back sooner than ``snooze_min`` of mono time."""
        return (
            float("-inf") if self._last_remind is None else self._last_remind + self.settings.snooze_min * 60
        )

    def _check(self, mono: float, wall: datetime) -> list[Decision]:
        if not self._counting or self._present_from is None:
            return []
        sitting = self.sitting_s(mono)
        if sitting < self._target - EARLY_TOLERANCE_S or mono < self._not_before() - EARLY_TOLERANCE_S:
            return []
        if self._is_quiet():
            if self._deferred:
                return []
            self._due = self._deferred = True
            return [Decision(mono, wall, "deferred")]
        self._due, self._deferred, self._snoozed = True, False, False
        self._target = sitting + self.settings.snooze_min * 60
        self._last_remind = mono
        return [Decision(mono, wall, "remind")]

    def _break(self, mono: float, wall: datetime, kind: DecisionKind) -> list[Decision]:
        """A break happened: the count, the reminder and its repeat all start over."""
        self._since = SittingSince.BREAK
        if kind == "skipped":
            self.count_skip(wall)
        self._reset()
        self._last_remind = None
        if self._present_from is not None:
            self._present_from = mono
        return [Decision(mono, wall, kind)]

    def _natural_break(self, mono: float, wall: datetime) -> list[Decision]:
        """Away long enough: a break if there was anything to end, so once per absence."""
        if self._accrued > 0 or self._due or self._snoozed:
            return self._break(mono, wall, "natural_break")
        return []

    def _snooze(self, mono: float, wall: datetime, minutes: float) -> list[Decision]:
        """A due reminder comes back after ``minutes`` more sitting; one not yet due never sooner."""
        later = self.sitting_s(mono) + minutes * 60
        self._target = later if self._due else max(self._target, later)
        self._due = self._deferred = False
        self._snoozed = True
        self._last_remind = None
        if self._since is SittingSince.BREAK:  # the break window's Snooze: a break put off is no break
            self._since = SittingSince.START
        return [Decision(mono, wall, "snoozed")]

    def _begin_absence(self, mono: float) -> None:
        if self._away_since is not None:
            return
        # A sample taken with the lock (the tray samples first) says how long they were idle before it.
        idle_before = self._last_sample == mono and self._last_input is not None
        self._away_since = self._last_input if idle_before else mono
        self._idle_since = None
        self._settle(mono)
        self._slept_s = 0.0

    def _end_absence(self, mono: float, wall: datetime) -> list[Decision]:
        if self._locked or self._asleep or self._away_since is None:
            return []
        away_s = mono - self._away_since + self._slept_s
        self._away_since = None
        if not self._counting:
            return []
        ends_sitting = self.settings.away_effect is AwayEffect.END
        out = self._natural_break(mono, wall) if ends_sitting and away_s >= self._natural_s else []
        self._present_from = mono
        self._poll_at = mono + POLL_S
        return out


def _require_aware(wall: datetime) -> None:
    if wall.utcoffset() is None:
        raise ValueError(f"wall times need a UTC offset, not {wall.isoformat()}")
