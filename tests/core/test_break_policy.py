"""The sit-break policy: accrual, natural breaks, answers, quiet states, hours, sleep, clocks.

``Desk`` drives the policy the way the tray and the simulator do: between two
inputs it calls ``tick`` at every deadline the policy asks for. It keeps the
true time apart from the time the computer's clock shows, so sleeps (the
monotonic clock stands still) and clock changes can be staged exactly.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from desktop.core.breaks import (
    BreakPolicy,
    BreakSettings,
    BreakSettingsError,
    BreakState,
    WorkingHours,
    rules_text,
)

CET, CEST = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))
MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=CET)
BERLIN_DST_END = datetime(2026, 10, 25, 1, 0, tzinfo=UTC)  # 03:00 CEST becomes 02:00 CET


def berlin(instant: datetime) -> datetime:
    """A wall time as the tray would pass it: fixed offset, +02:00 before the change, +01:00 after."""
    return instant.astimezone(CEST if instant < BERLIN_DST_END else CET)


class Desk:
    def __init__(self, settings: BreakSettings | None = None, start: datetime = MONDAY_9, zone=None):
        self.policy = BreakPolicy(settings or BreakSettings())
        self.mono = 0.0
        self.true = start  # the real time now
        self.skew = timedelta(0)  # how far the computer's clock is off
        self.zone = zone or (lambda instant: instant.astimezone(start.tzinfo))
        self.log = []

    @property
    def wall(self) -> datetime:
        return self.zone(self.true + self.skew)

    def _take(self, decisions):
        assert not decisions or not self.policy.state.paused  # nothing is decided while paused
        self.log += decisions
        return decisions

    def wait(self, seconds: float) -> None:
        """Time passes with no input; the policy is woken at each deadline on the way."""
        end = self.mono + seconds
        while (deadline := self.policy.next_deadline(self.mono)) is not None and self.mono < deadline < end:
            self.true += timedelta(seconds=deadline - self.mono)
            self.mono = deadline
            self._take(self.policy.tick(self.mono, self.wall))
        self.true += timedelta(seconds=end - self.mono)
        self.mono = end

    def sample(self, idle_s: float = 0.0):
        return self._take(self.policy.sample(self.mono, self.wall, idle_s))

    def event(self, kind: str):
        return self._take(self.policy.event(self.mono, self.wall, kind))

    def answer(self, answer: str):
        return self._take(self.policy.answer(self.mono, self.wall, answer))

    def snooze(self, minutes: float):
        return self._take(self.policy.snooze(self.mono, self.wall, minutes))

    def pause_until(self, until: datetime | None):
        return self._take(self.policy.pause_until(self.mono, self.wall, until))

    def active(self, minutes: int) -> None:
        """At the keyboard: an idle reading of 0 every minute."""
        for _ in range(minutes):
            self.wait(60)
            self.sample(0)

    def idle(self, minutes: int) -> None:
        """Away from the keyboard (or reading): the idle reading grows by a minute each minute."""
        for n in range(1, minutes + 1):
            self.wait(60)
            self.sample(60 * n)

    def lock(self, minutes: float) -> None:
        self.event("lock")
        self.wait(minutes * 60)
        self.event("unlock")

    def sleep(self, minutes: float) -> None:
        """The lid closes: the true time moves on, the monotonic clock does not."""
        self.event("sleep")
        self.true += timedelta(minutes=minutes)
        self.event("resume")

    def sleep_until(self, true: datetime) -> None:
        self.sleep((true - self.true).total_seconds() / 60)

    def times(self, kind: str) -> list[tuple[float, str]]:
        return [(d.mono, d.wall.strftime("%H:%M")) for d in self.log if d.decision == kind]

    def kinds(self) -> list[str]:
        return [d.decision for d in self.log]


def at(mono: float, hh_mm: str | None = None) -> tuple[float, str]:
    """A decision time; the wall clock defaults to Monday 09:00 plus ``mono`` (no sleep, no clock change)."""
    return (mono, hh_mm or (MONDAY_9 + timedelta(seconds=mono)).strftime("%H:%M"))


ALWAYS = BreakSettings(working_hours=None)


# -- settings --------------------------------------------------------------


def test_defaults_are_the_physiotherapist_ones_and_read_as_rules():
    s = BreakSettings()
    assert (s.interval_min, s.natural_break_min, s.snooze_min) == (30, 5, 10)
    assert s.working_hours == WorkingHours("09:00", "17:30", (1, 2, 3, 4, 5))
    assert s.quiet_when_fullscreen and s.quiet_when_dnd and s.quiet_in_calls
    assert rules_text(s) == [
        "After 30 minutes of sitting, Upright suggests a short stand-and-extend break.",
        "Being away from the keyboard for 5 minutes or more counts as a break and starts the count again.",
        "Snoozing asks again 10 minutes later.",
        "A reminder left unanswered asks again at most every 10 minutes while you keep sitting.",
        "Outside 09:00\u201317:30, Monday to Friday, nothing is counted and nothing is shown.",
        "While a full-screen app, do-not-disturb or a call is on, reminders wait; "
        "at most one comes afterwards.",
        "Locking the screen or sleep is time away: 5 minutes or more of it counts as a break.",
        "You can skip as many breaks as you like.",
        "After the computer sleeps you get at most one reminder, never a pile of them.",
    ]
    with pytest.raises(FrozenInstanceError):
        s.interval_min = 20


@pytest.mark.parametrize(
    ("changes", "sentence"),
    [
        (
            {"natural_break_min": 1},
            "Being away from the keyboard for 1 minute or more counts as a break and starts the count again.",
        ),
        ({"working_hours": None}, "Sitting is counted at any hour, every day."),
        (
            {"working_hours": {"start": "07:30", "end": "16:00", "days": [6, 1, 3, 7, 5]}},
            "Outside 07:30\u201316:00, Monday, Wednesday and Friday to Sunday, "
            "nothing is counted and nothing is shown.",
        ),
        (
            {"working_hours": {"start": "08:00", "end": "12:00", "days": [6, 7]}},
            "Outside 08:00\u201312:00, Saturday and Sunday, nothing is counted and nothing is shown.",
        ),
        (
            {"working_hours": {"start": "08:00", "end": "12:00", "days": [1, 2, 3, 4, 5, 6, 7]}},
            "Outside 08:00\u201312:00, every day, nothing is counted and nothing is shown.",
        ),
        (
            {"quiet_when_fullscreen": False, "quiet_when_dnd": False},
            "While a call is on, reminders wait; at most one comes afterwards.",
        ),
        (
            {"quiet_when_fullscreen": False, "quiet_when_dnd": False, "quiet_in_calls": False},
            "Reminders come even during full-screen apps, do-not-disturb and calls.",
        ),
    ],
)
def test_rules_text_follows_the_settings(changes, sentence):
    assert sentence in rules_text(BreakSettings(**changes))


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        ({"interval_min": 4}, ["interval_min: must be between 5 and 240 minutes, not 4"]),
        ({"interval_min": 241}, ["interval_min: must be between 5 and 240 minutes, not 241"]),
        ({"natural_break_min": 0}, ["natural_break_min: must be between 1 and 60 minutes, not 0"]),
        (
            {"natural_break_min": 61, "interval_min": 90},
            ["natural_break_min: must be between 1 and 60 minutes, not 61"],
        ),
        (
            {"natural_break_min": 30},
            ["natural_break_min: must be shorter than interval_min (30 is not less than 30)"],
        ),
        ({"snooze_min": 0.5}, ["snooze_min: must be between 1 and 120 minutes, not 0.5"]),
        ({"snooze_min": 121}, ["snooze_min: must be between 1 and 120 minutes, not 121"]),
        ({"snooze_min": True}, ["snooze_min: must be between 1 and 120 minutes, not True"]),
        (
            {"working_hours": {"start": "9:00", "end": "17:30", "days": [1]}},
            ["working_hours.start: must be a 24-hour time as HH:MM, not '9:00'"],
        ),
        (
            {"working_hours": {"start": "09:00", "end": "24:00", "days": [1]}},
            ["working_hours.end: must be a 24-hour time as HH:MM, not '24:00'"],
        ),
        (
            {"working_hours": {"start": "17:30", "end": "17:30", "days": [1]}},
            ["working_hours: start 17:30 must be before end 17:30"],
        ),
        (
            {"working_hours": {"start": "09:00", "end": "17:00", "days": []}},
            ["working_hours.days: must list ISO weekdays 1 to 7 (Monday is 1), at least one, not []"],
        ),
        (
            {"working_hours": {"start": "09:00", "end": "17:00", "days": [0, 8]}},
            ["working_hours.days: must list ISO weekdays 1 to 7 (Monday is 1), at least one, not [0, 8]"],
        ),
        (
            {"working_hours": {"start": "09:00", "end": "17:00", "days": [1], "lunch": "12:00"}},
            ["working_hours: unknown key lunch"],
        ),
        (
            {
                "interval_min": 2,
                "snooze_min": 200,
                "working_hours": {"start": "x", "end": "17:00", "days": [1]},
            },
            [
                "interval_min: must be between 5 and 240 minutes, not 2",
                "snooze_min: must be between 1 and 120 minutes, not 200",
                "working_hours.start: must be a 24-hour time as HH:MM, not 'x'",
            ],
        ),
    ],
)
def test_settings_out_of_range_name_every_field(changes, problems):
    with pytest.raises(ValueError) as caught:
        BreakSettings(**changes)
    assert isinstance(caught.value, BreakSettingsError)
    assert caught.value.problems == problems
    assert str(caught.value) == "; ".join(problems)


def test_settings_at_the_edges_are_accepted():
    s = BreakSettings(
        interval_min=5,
        natural_break_min=4,
        snooze_min=1,
        working_hours={"start": "00:00", "end": "23:59", "days": [7, 7, 1]},
    )
    assert s.working_hours == WorkingHours("00:00", "23:59", (1, 7))
    assert BreakSettings(interval_min=240, natural_break_min=60, snooze_min=120).interval_min == 240


def test_working_hours_edges_and_next_change():
    hours = WorkingHours()
    assert hours.contains(datetime(2026, 11, 23, 9, 0, tzinfo=CET))  # Monday, start is inside
    assert not hours.contains(datetime(2026, 11, 23, 8, 59, 59, tzinfo=CET))
    assert not hours.contains(datetime(2026, 11, 23, 17, 30, tzinfo=CET))  # end is outside
    assert not hours.contains(datetime(2026, 11, 28, 10, 0, tzinfo=CET))  # Saturday
    # Judged in the wall time's own offset: the same instant is 09:30 in Berlin but 08:30 in UTC.
    instant = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    assert hours.contains(instant.astimezone(CET)) and not hours.contains(instant)
    assert hours.next_change(datetime(2026, 11, 23, 12, 0, tzinfo=CET)) == datetime(
        2026, 11, 23, 17, 30, tzinfo=CET
    )
    assert hours.next_change(datetime(2026, 11, 23, 17, 30, tzinfo=CET)) == datetime(
        2026, 11, 24, 9, 0, tzinfo=CET
    )
    assert hours.next_change(datetime(2026, 11, 27, 18, 0, tzinfo=CET)) == datetime(
        2026, 11, 30, 9, 0, tzinfo=CET
    )
    assert hours.next_change(datetime(2026, 11, 23, 8, 0, tzinfo=CET)) == datetime(
        2026, 11, 23, 9, 0, tzinfo=CET
    )


# -- accrual and reminders -----------------------------------------------------


def test_a_reminder_comes_when_sitting_reaches_the_interval():
    desk = Desk()
    desk.sample(0)
    desk.active(29)
    assert desk.log == [] and desk.policy.sitting_s(desk.mono) == 29 * 60
    assert desk.policy.next_deadline(desk.mono) == 1800  # the reminder, with the poll at the same moment
    desk.wait(100)  # no reading at 30:00: the deadline wakes the policy anyway
    assert desk.times("remind") == [at(1800, "09:30")]
    assert desk.log[0].wall == datetime(2026, 11, 23, 9, 30, tzinfo=CET)
    assert desk.policy.state == BreakState(due=True, paused=False, snoozed=False)


def test_the_idle_span_a_sample_reports_is_not_sitting():
    desk = Desk()
    desk.sample(0)
    desk.active(10)
    desk.idle(3)  # reading for three minutes: not a break, but not counted either
    assert desk.policy.sitting_s(desk.mono) == 600
    desk.active(29)
    assert desk.times("remind") == [at(1980, "09:33")]
    assert "natural_break" not in desk.kinds()


def test_a_late_sample_takes_back_presumed_sitting():
    desk = Desk()
    desk.sample(0)
    desk.wait(600)
    assert desk.policy.sitting_s(desk.mono) == 600  # presumed at the desk since the last sample
    desk.sample(240)  # ... but nothing was touched for the last four minutes
    assert desk.policy.sitting_s(desk.mono) == 360
    assert (
        desk.policy.next_deadline(desk.mono) == 660
    )  # the next reading, before the natural-break mark at 660
    desk.wait(60)
    desk.sample(0)
    assert desk.policy.sitting_s(desk.mono) == 420  # the minute between two readings counts again


@pytest.mark.parametrize(("away", "broke"), [(4, False), (5, True), (45, True)])
def test_idle_long_enough_is_a_natural_break_once(away, broke):
    desk = Desk()
    desk.sample(0)
    desk.active(15)
    desk.idle(away)
    assert desk.times("natural_break") == ([at(900 + 300, "09:20")] if broke else [])
    assert desk.policy.next_deadline(desk.mono) == desk.mono + 60  # keeps reading idle to see them come back
    back = desk.mono + 60
    desk.active(40)
    # Sitting starts again when they come back; short of a break, idle minutes were not sitting either.
    assert desk.times("remind")[0] == at(back + 1800 if broke else 1800 + away * 60)


def test_natural_break_mark_is_polled_exactly():
    desk = Desk()
    desk.sample(0)
    desk.wait(30)
    desk.sample(20)  # last input at 10 s
    assert desk.policy.next_deadline(desk.mono) == 90  # a minute on
    desk.wait(60)
    desk.sample(80)
    assert desk.policy.next_deadline(desk.mono) == 150
    desk.wait(180)
    desk.sample(260)  # last input still at 10 s: the next reading is due when the idle reaches 5 min
    assert desk.policy.next_deadline(desk.mono) == 310


@pytest.mark.parametrize(("minutes", "broke"), [(4, False), (5, True)])
def test_locking_the_screen(minutes, broke):
    desk = Desk()
    desk.sample(0)
    desk.active(10)
    desk.lock(minutes)
    assert desk.times("natural_break") == ([at(600 + minutes * 60, "09:15")] if broke else [])
    desk.active(40)
    back = 600 + minutes * 60  # locked minutes are not sitting; a break also resets the count
    assert desk.times("remind")[0] == at(back + (1800 if broke else 1200))


def test_nothing_to_wake_for_while_locked():
    desk = Desk()
    desk.sample(0)
    desk.event("lock")
    assert desk.policy.next_deadline(desk.mono) is None
    desk.wait(7200)
    assert desk.log == [] and desk.policy.sitting_s(desk.mono) == 0


def test_idle_just_before_a_lock_counts_toward_the_break():
    desk = Desk()
    desk.sample(0)
    desk.active(10)
    desk.wait(180)
    desk.sample(180)  # the tray reads idle as the lock comes: three minutes idle already
    desk.event("lock")
    desk.wait(120)
    desk.event("unlock")
    assert desk.times("natural_break") == [at(900, "09:15")]


@pytest.mark.parametrize(("minutes", "broke"), [(4, False), (5, True), (600, True)])
def test_sleep_counts_by_the_wall_clock(minutes, broke):
    desk = Desk(ALWAYS)
    desk.sample(0)
    desk.active(20)
    desk.sleep(minutes)
    assert desk.mono == 1200
    assert desk.times("natural_break") == ([(1200, desk.wall.strftime("%H:%M"))] if broke else [])
    desk.active(40)
    first = 1200 + (1800 if broke else 600)
    assert desk.times("remind")[0][0] == first


def test_after_a_sleep_at_most_one_reminder_never_a_pile():
    desk = Desk()
    desk.sample(0)
    desk.active(32)
    assert desk.times("remind") == [at(1800, "09:30")]
    desk.sleep(4)  # short: not a break, and the minutes asleep do not count as sitting
    desk.active(1)
    assert desk.times("remind") == [at(1800, "09:30")]
    desk.active(8)  # the unanswered reminder repeats once, ten sitting minutes after the first
    assert desk.times("remind") == [at(1800, "09:30"), at(2400, "09:44")]


def test_after_a_long_sleep_on_a_clock_that_kept_running_one_break_then_one_reminder():
    """Some systems' monotonic clocks run through sleep: the wall gap is not counted twice."""
    desk = Desk(ALWAYS)
    desk.sample(0)
    desk.active(40)
    desk.event("sleep")
    desk.mono += 7200
    desk.true += timedelta(hours=2)
    desk.event("resume")
    desk.active(35)
    assert desk.kinds() == ["remind", "remind", "natural_break", "remind"]
    assert desk.times("remind")[-1][0] == 2400 + 7200 + 1800


def test_lock_and_sleep_together_end_at_the_unlock():
    desk = Desk()
    desk.sample(0)
    desk.active(10)
    desk.event("lock")
    desk.event("sleep")
    desk.true += timedelta(minutes=3)
    desk.event("resume")
    assert desk.policy.next_deadline(desk.mono) is None  # still locked
    desk.wait(150)
    desk.event("unlock")  # 3 min asleep + 2.5 min locked awake
    assert desk.times("natural_break") == [at(750, "09:15")]


@pytest.mark.parametrize(("answer", "decision"), [("take", "break_taken"), ("skip", "skipped")])
def test_take_and_skip_reset_the_count(answer, decision):
    desk = Desk()
    desk.sample(0)
    desk.active(31)
    assert desk.answer(answer)[0].decision == decision
    assert desk.policy.sitting_s(desk.mono) == 0 and not desk.policy.state.due
    desk.active(31)
    assert desk.times("remind") == [at(1800, "09:30"), at(1860 + 1800, "10:01")]


def test_snooze_asks_again_snooze_min_later():
    desk = Desk()
    desk.sample(0)
    desk.active(31)
    assert [d.decision for d in desk.answer("snooze")] == ["snoozed"]
    assert desk.policy.state == BreakState(due=False, paused=False, snoozed=True)
    desk.active(11)
    assert desk.times("remind") == [at(1800, "09:30"), at(2460, "09:41")]
    assert desk.policy.state.due and not desk.policy.state.snoozed


def test_snooze_waits_for_sitting_not_just_for_time():
    desk = Desk()
    desk.sample(0)
    desk.active(30)
    desk.answer("snooze")
    desk.idle(4)  # away four minutes: no break, but those minutes are not sitting
    desk.active(12)
    assert desk.times("remind") == [at(1800, "09:30"), at(2640, "09:44")]


def test_an_unanswered_reminder_repeats_every_snooze_min_of_sitting():
    desk = Desk()
    desk.sample(0)
    desk.active(45)
    desk.idle(2)  # the next repeat moves by the two idle minutes
    desk.active(20)
    assert desk.times("remind") == [
        at(1800, "09:30"),
        at(2400, "09:40"),
        at(3120, "09:52"),
        at(3720, "10:02"),
    ]


def test_an_unanswered_reminder_is_dropped_when_they_go_away():
    desk = Desk()
    desk.sample(0)
    desk.active(32)
    desk.idle(6)
    assert desk.kinds() == ["remind", "natural_break"]
    assert not desk.policy.state.due
    desk.active(20)
    assert desk.kinds() == ["remind", "natural_break"]


def test_answers_without_a_reminder_are_ignored():
    desk = Desk()
    desk.sample(0)
    desk.active(5)
    assert desk.answer("take") == [] and desk.answer("skip") == [] and desk.answer("snooze") == []
    assert desk.policy.sitting_s(desk.mono) == 300


@pytest.mark.parametrize(("minutes", "first"), [(10, 1800), (30, 600 + 1800)])
def test_tray_snooze_without_a_reminder_is_a_floor(minutes, first):
    desk = Desk()
    desk.sample(0)
    desk.active(10)
    assert [d.decision for d in desk.snooze(minutes)] == ["snoozed"]
    assert desk.policy.state.snoozed
    desk.active(45)
    assert desk.times("remind")[0][0] == first


def test_tray_snooze_with_a_reminder_due_answers_it():
    desk = Desk()
    desk.sample(0)
    desk.active(30)
    desk.snooze(30)
    desk.active(31)
    assert desk.times("remind") == [at(1800, "09:30"), at(3600, "10:00")]


@pytest.mark.parametrize("source", ["fullscreen", "dnd", "call"])
def test_quiet_states_defer_and_release_exactly_one(source):
    desk = Desk()
    desk.sample(0)
    desk.active(20)
    desk.event(f"{source}_on")
    desk.active(60)  # due at 30 min, quiet for another 50
    assert desk.kinds() == ["deferred"] and desk.times("deferred") == [at(1800, "09:30")]
    assert desk.policy.state.due
    assert desk.policy.next_deadline(desk.mono) == desk.mono + 60  # only idle readings while quiet
    desk.event(f"{source}_off")
    assert desk.times("remind") == [at(4800, "10:20")]
    desk.active(10)
    assert desk.times("remind") == [at(4800, "10:20"), at(5400, "10:30")]


def test_quiet_sources_overlap_and_settings_can_ignore_them():
    desk = Desk(BreakSettings(quiet_in_calls=False))
    desk.sample(0)
    desk.event("call_on")
    desk.event("dnd_on")
    desk.event("fullscreen_on")
    desk.active(31)
    desk.event("dnd_off")
    assert desk.kinds() == ["deferred"]  # full screen is still on
    desk.event("fullscreen_off")
    assert desk.kinds() == ["deferred", "remind"]  # a call alone does not hold reminders back here
    assert desk.times("remind") == [at(1860, "09:31")]


def test_a_break_during_quiet_means_nothing_is_released():
    desk = Desk()
    desk.sample(0)
    desk.event("fullscreen_on")
    desk.active(31)
    desk.idle(6)
    desk.event("fullscreen_off")
    assert desk.kinds() == ["deferred", "natural_break"]


def test_a_repeat_coming_due_in_quiet_is_deferred_too():
    desk = Desk()
    desk.sample(0)
    desk.active(31)
    desk.event("dnd_on")
    desk.active(20)
    desk.event("dnd_off")
    assert desk.kinds() == ["remind", "deferred", "remind"]
    assert [(d.mono, d.decision) for d in desk.log] == [
        (1800, "remind"),
        (2400, "deferred"),
        (3060, "remind"),
    ]


def test_pause_until_then_fresh():
    desk = Desk()
    desk.sample(0)
    desk.active(25)
    until = desk.wall + timedelta(hours=1)
    assert desk.pause_until(until) == []
    assert desk.policy.state.paused and desk.policy.sitting_s(desk.mono) == 0
    assert desk.policy.next_deadline(desk.mono) == 1500 + 3600  # wakes when the pause ends
    desk.active(60)
    assert desk.log == []
    assert not desk.policy.state.paused
    desk.active(31)
    assert desk.times("remind") == [at(5100 + 1800, "10:55")]


def test_resume_from_a_pause_early_starts_fresh():
    desk = Desk()
    desk.sample(0)
    desk.active(29)
    desk.pause_until(desk.wall + timedelta(hours=2))
    desk.active(10)
    desk.pause_until(None)
    assert not desk.policy.state.paused
    desk.active(31)
    assert desk.times("remind") == [at(2340 + 1800, "10:09")]


def test_a_pause_withdraws_a_due_reminder_and_answers_are_then_ignored():
    desk = Desk()
    desk.sample(0)
    desk.active(31)
    desk.pause_until(desk.wall + timedelta(minutes=30))
    assert desk.policy.state == BreakState(due=False, paused=True, snoozed=False)
    assert desk.answer("take") == [] and desk.snooze(10) == []


def test_working_hours_start_counts_fresh_and_nothing_before():
    desk = Desk(start=datetime(2026, 11, 23, 8, 40, tzinfo=CET))
    desk.sample(0)
    assert desk.policy.next_deadline(0) == 1200  # 09:00
    desk.active(20)
    assert desk.policy.sitting_s(desk.mono) == 0
    desk.active(31)
    assert desk.times("remind") == [at(1200 + 1800, "09:30")]


def test_working_hours_end_stops_everything():
    desk = Desk(start=datetime(2026, 11, 23, 16, 50, tzinfo=CET))
    desk.sample(0)
    desk.active(39)
    assert desk.times("remind") == [at(1800, "17:20")]
    assert desk.policy.next_deadline(desk.mono) == 2400  # 17:30: the end of working hours
    desk.active(60)
    assert desk.times("remind") == [at(1800, "17:20")]  # the 17:30 repeat would be outside
    assert not desk.policy.state.due and desk.policy.sitting_s(desk.mono) == 0
    assert desk.policy.next_deadline(desk.mono) == desk.mono + 3600  # re-judged hourly until 09:00


def test_weekends_and_always():
    saturday = datetime(2026, 11, 28, 10, 0, tzinfo=CET)
    desk = Desk(start=saturday)
    desk.sample(0)
    desk.active(120)
    assert desk.log == []
    desk = Desk(ALWAYS, start=saturday.replace(hour=3))
    desk.sample(0)
    desk.active(31)
    assert desk.times("remind") == [at(1800, "03:30")]


def test_sleeping_through_the_evening_starts_the_next_day_fresh():
    desk = Desk(start=datetime(2026, 11, 23, 16, 50, tzinfo=CET))
    desk.sample(0)
    desk.active(20)
    desk.sleep_until(datetime(2026, 11, 24, 9, 20, tzinfo=CET))
    assert desk.log == []  # not a natural break at 09:20 for the night: a new day
    desk.active(31)
    assert desk.times("remind") == [at(1200 + 1800, "09:50")]


def test_clock_changes_neither_repeat_nor_swallow_a_reminder():
    desk = Desk()
    desk.sample(0)
    desk.active(20)
    desk.skew = -timedelta(hours=1)  # set back: 09:20 reads 08:20, outside working hours
    desk.active(1)
    assert desk.policy.sitting_s(desk.mono) == 0  # ... so counting stopped
    desk.skew = timedelta(0)
    desk.active(40)  # back in working hours at the next reading: a fresh count from there
    assert desk.times("remind") == [at(1320 + 1800, "09:52")]
    desk = Desk()
    desk.sample(0)
    desk.active(20)
    desk.skew = timedelta(minutes=-15)  # NTP, say, within working hours
    desk.active(5)
    desk.skew = timedelta(minutes=25)
    desk.active(10)
    assert desk.times("remind") == [at(1800, "09:55")]  # 30 monotonic minutes, whatever the clock said


def test_sitting_time_and_state_for_the_tooltip():
    desk = Desk()
    assert desk.policy.next_deadline(0) is None and desk.policy.sitting_s(0) == 0
    desk.sample(0)
    desk.active(12)
    assert desk.policy.sitting_s(desk.mono) == 720
    assert desk.policy.sitting_s(desk.mono + 30) == 750
    assert desk.policy.state == BreakState(False, False, False)


def test_new_settings_keep_what_is_known():
    desk = Desk()
    desk.sample(0)
    desk.active(25)
    desk.policy = BreakPolicy(BreakSettings(interval_min=20), restart_from=desk.policy)
    assert desk.policy.sitting_s(desk.mono) == 1500
    desk.sample(0)
    assert desk.times("remind") == [at(1500, "09:25")]


def test_inputs_are_checked():
    policy = BreakPolicy(BreakSettings())
    policy.tick(100, MONDAY_9)
    with pytest.raises(ValueError, match="UTC offset"):
        policy.tick(200, MONDAY_9.replace(tzinfo=None))
    with pytest.raises(ValueError, match="backwards"):
        policy.tick(50, MONDAY_9)
    with pytest.raises(ValueError, match="unknown event 'nap'"):
        policy.event(200, MONDAY_9, "nap")
    with pytest.raises(ValueError, match="unknown answer 'later'"):
        policy.answer(200, MONDAY_9, "later")
    with pytest.raises(ValueError, match="idle_s"):
        policy.sample(200, MONDAY_9, -1)
    with pytest.raises(ValueError, match="snooze minutes"):
        policy.snooze(200, MONDAY_9, 0)


# -- a week ----------------------------------------------------------------


def test_a_week_of_work_with_sleeps_lunches_dst_and_a_clock_set_back():
    """Mon 19 Oct 2026 to Mon 26 Oct, Europe/Berlin: summer time ends on Sunday 25th.

    Every minute at the desk is one idle reading; the comments give the real
    time. The monotonic clock counts only the time the laptop is awake.
    """
    desk = Desk(start=datetime(2026, 10, 19, 8, 30, tzinfo=CEST), zone=berlin)

    def day(d: int, hh: int, mm: int) -> datetime:
        return berlin(datetime(2026, 10, d, hh, mm, tzinfo=CEST if d < 25 else CET))

    # Monday: a snooze, a short stretch, ignored repeats, lunch with the screen locked.
    desk.sample(0)
    desk.active(62)  # 09:32 (counting from 09:00)
    desk.answer("snooze")
    desk.active(11)  # 09:43
    desk.answer("take")
    desk.idle(3)  # 09:46: stretching at the desk, not a break
    desk.active(54)  # 10:40
    desk.answer("take")
    desk.active(32)  # 11:12
    desk.answer("skip")
    desk.active(33)  # 11:45
    desk.lock(45)  # lunch until 12:30
    desk.active(31)  # 13:01
    desk.answer("take")
    desk.active(39)  # 13:40
    desk.idle(10)  # a colleague's desk, without locking: 13:50
    desk.active(40)  # 14:30
    desk.answer("take")
    desk.active(75)  # 15:45, ignoring every reminder
    desk.sleep_until(day(20, 8, 55))
    # Tuesday: a full-screen presentation, lunch away without locking, a short lid-close, DND at the end.
    desk.active(36)  # 09:31
    desk.answer("take")
    desk.active(19)  # 09:50
    desk.event("fullscreen_on")
    desk.active(55)  # 10:45
    desk.event("fullscreen_off")
    desk.active(11)  # 10:56
    desk.answer("take")
    desk.active(31)  # 11:27
    desk.answer("skip")
    desk.active(33)  # 12:00
    desk.idle(40)  # lunch: 12:40
    desk.active(32)  # 13:12
    desk.answer("snooze")
    desk.active(8)  # 13:20
    desk.sleep(3)  # lid closed until 13:23
    desk.active(7)  # 13:30
    desk.answer("take")
    desk.active(31)  # 14:01
    desk.answer("take")
    desk.lock(2)  # 14:03
    desk.active(32)  # 14:35
    desk.answer("take")
    desk.sleep_until(day(20, 16, 45))
    desk.active(15)  # 17:00
    desk.event("dnd_on")
    desk.active(40)  # 17:40
    desk.event("dnd_off")
    desk.sleep_until(day(21, 8, 40))
    # Wednesday: the clock is set back an hour mid-morning, NTP puts it right later.
    desk.active(51)  # 09:31
    desk.answer("take")
    desk.active(44)  # 10:15
    desk.skew = -timedelta(hours=1)
    desk.active(20)  # 10:35 (shows 09:35)
    desk.answer("take")
    desk.active(31)  # 11:06 (shows 10:06)
    desk.answer("take")
    desk.skew = timedelta(0)
    desk.active(14)  # 11:20
    desk.lock(40)  # lunch until 12:00
    desk.active(58)  # 12:58
    desk.sleep_until(day(22, 9, 10))
    # Thursday: a call, the tray's Snooze 30 min, a pause over a long lunch meeting.
    desk.active(31)  # 09:41
    desk.answer("take")
    desk.active(19)  # 10:00
    desk.event("call_on")
    desk.active(50)  # 10:50
    desk.event("call_off")
    desk.answer("take")
    desk.active(10)  # 11:00
    desk.snooze(30)
    desk.active(31)  # 11:31
    desk.answer("take")
    desk.active(29)  # 12:00
    desk.pause_until(day(22, 14, 0))
    desk.active(151)  # 14:31
    desk.answer("take")
    desk.sleep_until(day(23, 8, 58))
    # Friday: a short morning, then locked and asleep over the weekend.
    desk.active(33)  # 09:31
    desk.answer("take")
    desk.active(59)  # 10:30
    desk.event("lock")
    desk.sleep_until(day(24, 10, 0))
    desk.event("unlock")
    # The weekend (summer time ends early on Sunday), then Monday in winter time.
    desk.active(120)
    desk.sleep_until(day(25, 11, 0))
    desk.active(60)
    desk.sleep_until(day(26, 8, 50))
    desk.active(41)  # 09:31 CET
    desk.answer("take")

    reminders = [(d.mono, d.wall.isoformat()) for d in desk.log if d.decision == "remind"]
    assert reminders == [
        # Monday 19th
        (3600, "2026-10-19T09:30:00+02:00"),
        (4320, "2026-10-19T09:42:00+02:00"),
        (6360, "2026-10-19T10:16:00+02:00"),
        (6960, "2026-10-19T10:26:00+02:00"),
        (7560, "2026-10-19T10:36:00+02:00"),
        (9600, "2026-10-19T11:10:00+02:00"),
        (11520, "2026-10-19T11:42:00+02:00"),
        (16200, "2026-10-19T13:00:00+02:00"),
        (18060, "2026-10-19T13:31:00+02:00"),
        (21060, "2026-10-19T14:21:00+02:00"),
        (23400, "2026-10-19T15:00:00+02:00"),
        (24000, "2026-10-19T15:10:00+02:00"),
        (24600, "2026-10-19T15:20:00+02:00"),
        (25200, "2026-10-19T15:30:00+02:00"),
        (25800, "2026-10-19T15:40:00+02:00"),
        # Tuesday 20th
        (28200, "2026-10-20T09:30:00+02:00"),
        (32700, "2026-10-20T10:45:00+02:00"),
        (33300, "2026-10-20T10:55:00+02:00"),
        (35160, "2026-10-20T11:26:00+02:00"),
        (37020, "2026-10-20T11:57:00+02:00"),
        (41460, "2026-10-20T13:11:00+02:00"),
        (42120, "2026-10-20T13:25:00+02:00"),
        (44220, "2026-10-20T14:00:00+02:00"),
        (46200, "2026-10-20T14:33:00+02:00"),
        # Wednesday 21st: the clock reads an hour behind from 10:15 to 11:06
        (52620, "2026-10-21T09:30:00+02:00"),
        (54480, "2026-10-21T10:01:00+02:00"),
        (55080, "2026-10-21T10:11:00+02:00"),
        (55680, "2026-10-21T09:21:00+02:00"),
        (56280, "2026-10-21T09:31:00+02:00"),
        (58320, "2026-10-21T10:05:00+02:00"),
        (63420, "2026-10-21T12:30:00+02:00"),
        (64020, "2026-10-21T12:40:00+02:00"),
        (64620, "2026-10-21T12:50:00+02:00"),
        # Thursday 22nd
        (66900, "2026-10-22T09:40:00+02:00"),
        (71100, "2026-10-22T10:50:00+02:00"),
        (73500, "2026-10-22T11:30:00+02:00"),
        (84300, "2026-10-22T14:30:00+02:00"),
        # Friday 23rd
        (86280, "2026-10-23T09:30:00+02:00"),
        (88140, "2026-10-23T10:01:00+02:00"),
        (88740, "2026-10-23T10:11:00+02:00"),
        (89340, "2026-10-23T10:21:00+02:00"),
        # nothing at the weekend; Monday 26th in winter time
        (103080, "2026-10-26T09:30:00+01:00"),
    ]
    assert desk.times("deferred") == [at(30060, "10:01"), at(48120, "17:15"), at(68760, "10:11")]
    assert desk.times("natural_break") == [
        at(14400, "12:30"),
        at(18900, "13:45"),
        at(37500, "12:05"),
        at(61620, "12:00"),
    ]
    assert desk.kinds().count("snoozed") == 3
    assert desk.mono == 103140  # 28 h 39 min awake over the week


# -- properties ------------------------------------------------------------

HOURS = st.one_of(
    st.none(),
    st.builds(
        lambda start, length, days: {
            "start": f"{start // 60:02d}:{start % 60:02d}",
            "end": f"{(start + length) // 60:02d}:{(start + length) % 60:02d}",
            "days": days,
        },
        st.integers(0, 22 * 60),
        st.integers(1, 120),
        st.lists(st.integers(1, 7), min_size=1, max_size=7),
    ).filter(lambda h: h["end"] <= "23:59"),
)


@st.composite
def break_settings(draw):
    interval = draw(st.integers(5, 240))
    return BreakSettings(
        interval_min=interval,
        natural_break_min=draw(st.integers(1, min(60, interval - 1))),
        snooze_min=draw(st.integers(1, 120)),
        working_hours=draw(HOURS),
        quiet_when_fullscreen=draw(st.booleans()),
        quiet_when_dnd=draw(st.booleans()),
        quiet_in_calls=draw(st.booleans()),
    )


QUIET_KINDS = ["fullscreen_on", "fullscreen_off", "dnd_on", "dnd_off", "call_on", "call_off"]
STEPS = st.one_of(
    st.tuples(st.just("sample"), st.floats(0, 1800), st.floats(0, 4000)),
    st.tuples(st.just("active"), st.integers(1, 90), st.none()),
    st.tuples(st.just("event"), st.floats(0, 900), st.sampled_from(["lock", "unlock"])),
    st.tuples(st.just("event"), st.floats(0, 900), st.sampled_from(QUIET_KINDS)),
    st.tuples(st.just("answer"), st.floats(0, 900), st.sampled_from(["take", "snooze", "skip"])),
    st.tuples(st.just("snooze"), st.floats(0, 900), st.sampled_from([10, 30])),
    st.tuples(st.just("pause"), st.floats(0, 900), st.one_of(st.none(), st.integers(-30, 300))),
    st.tuples(st.just("sleep"), st.floats(0, 900), st.floats(0, 20 * 3600)),
    st.tuples(st.just("clock"), st.floats(0, 900), st.floats(-3 * 3600, 3 * 3600)),
)
BREAKS = {"break_taken", "skipped", "snoozed", "natural_break"}


def run_steps(settings: BreakSettings, start: datetime, steps) -> Desk:
    desk = Desk(settings, start=start)
    desk.sample(0)
    for kind, wait, arg in steps:
        if kind == "active":
            desk.active(wait)
            continue
        desk.wait(wait)
        if kind == "sample":
            desk.sample(arg)
        elif kind == "event":
            desk.event(arg)
        elif kind == "answer":
            desk.answer(arg)
        elif kind == "snooze":
            desk.snooze(arg)
        elif kind == "pause":
            desk.pause_until(None if arg is None else desk.wall + timedelta(minutes=arg))
        elif kind == "sleep":
            desk.sleep(arg / 60)
        else:
            desk.skew += timedelta(seconds=arg)
    desk.wait(4 * 3600)
    return desk


TRACES = dict(
    settings=break_settings(),
    start=st.datetimes(datetime(2026, 1, 1), datetime(2027, 1, 1)).map(lambda d: d.replace(tzinfo=CET)),
    steps=st.lists(STEPS, min_size=3, max_size=40),
)


@hyp_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**TRACES)
def test_no_two_reminders_closer_than_snooze_without_an_answer_or_break(settings, start, steps):
    desk = run_steps(settings, start, steps)
    last_remind = None
    for d in desk.log:
        if d.decision in BREAKS:
            last_remind = None
        elif d.decision == "remind":
            if last_remind is not None:
                assert d.mono - last_remind >= settings.snooze_min * 60 - 0.01
            last_remind = d.mono
    assert [d.mono for d in desk.log] == sorted(d.mono for d in desk.log)


@hyp_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**TRACES)
def test_nothing_fires_outside_working_hours_or_while_paused(settings, start, steps):
    desk = run_steps(settings, start, steps)
    hours = settings.working_hours
    assert all(hours is None or hours.contains(d.wall) for d in desk.log)  # Desk checks "not paused"
