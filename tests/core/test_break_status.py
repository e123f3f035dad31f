"""The status line says what is true in every state: pure, on the real policy, with set clocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop.core.break_status import BreakStatus, TrayState, break_status, clock_time
from desktop.core.breaks import BreakPolicy, BreakSettings, WorkingHours
from desktop.core.control import Control, ControlOutcome, ControlRequest, refusal, reply, said

CET = timezone(timedelta(hours=1))
MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=CET)


class Desk:
    """The policy as the tray drives it: present all along (idle 0), minutes passing."""

    def __init__(self, settings: BreakSettings | None = None, start: datetime = MONDAY_9) -> None:
        self.policy = BreakPolicy(settings or BreakSettings())
        self.mono, self.wall = 0.0, start
        self.policy.sample(self.mono, self.wall, 0.0)

    def sit(self, minutes: float) -> None:
        """Sitting at the desk: a fresh idle reading every minute, as the tray takes them."""
        for _ in range(int(minutes)):
            self.mono += 60
            self.wall += timedelta(minutes=1)
            self.policy.sample(self.mono, self.wall, 0.0)

    def status(self, *, on_break: bool = False) -> BreakStatus:
        return break_status(
            self.policy, self.mono, self.wall, on_break=on_break, reminder_shown=self.policy.state.due
        )


def test_a_fresh_start_is_sitting_not_a_break_nobody_took():
    status = Desk().status()
    assert status.text == "Sitting for 0 min \u00b7 Next break in about 30 min"
    assert status.state is TrayState.NORMAL and status.next_break_min == 30


def test_counting_minutes_and_the_next_break():
    desk = Desk()
    desk.sit(12)
    assert desk.status().text == "Sitting for 12 min \u00b7 Next break in about 18 min"


def test_the_last_moments_before_a_reminder_say_under_a_minute_not_0_min():
    desk = Desk()
    desk.sit(29)
    desk.mono += 59.9  # the reminder's wake-up comes at 30 min; asked just before it
    status = desk.status()
    assert status.text == "Sitting for 29 min \u00b7 Next break in about 1 min"
    desk.mono += 0.2  # past 30 min, between the count reaching it and the tray's wake-up
    desk.wall += timedelta(minutes=1)
    status = desk.status()
    assert status.text == "Sitting for 30 min \u00b7 Next break in under a minute"
    assert status.next_break_min == 0


def test_a_due_break_says_so():
    desk = Desk()
    desk.sit(31)
    status = desk.status()
    assert status.state is TrayState.DUE and status.next_break_min is None
    assert status.text == "Sitting for 31 min \u00b7 A break is due"


def test_a_break_taken_is_just_had_a_break_for_its_first_minute_only():
    desk = Desk()
    desk.sit(30)
    desk.policy.answer(desk.mono, desk.wall, "take")
    assert desk.status().text == "Just had a break \u00b7 Next break in about 30 min"
    desk.sit(2)
    assert desk.status().text == "Sitting for 2 min \u00b7 Next break in about 28 min"


def test_time_away_is_a_break_too():
    desk = Desk()
    desk.sit(10)
    desk.mono += 6 * 60
    desk.wall += timedelta(minutes=6)
    desk.policy.sample(desk.mono, desk.wall, 6 * 60)  # away 6 min: more than the 5 that make a break
    desk.policy.sample(desk.mono + 1, desk.wall, 0.0)
    assert desk.status().sitting == "Just had a break"


def test_a_skipped_reminder_is_not_a_break():
    desk = Desk()
    desk.sit(30)
    desk.policy.answer(desk.mono, desk.wall, "skip")
    assert desk.status().text == "Break skipped \u00b7 Next break in about 30 min"


def test_a_break_window_skipped_or_closed_is_not_a_break():
    """Take opens the break; the window's Skip (or its x) is counted as a skip after it began."""
    desk = Desk()
    desk.sit(30)
    desk.policy.answer(desk.mono, desk.wall, "take")
    desk.policy.count_skip(desk.wall)
    assert desk.status().sitting == "Break skipped"


def test_a_break_window_snoozed_is_not_a_break_either():
    desk = Desk()
    desk.sit(30)
    desk.policy.answer(desk.mono, desk.wall, "take")
    desk.policy.snooze(desk.mono, desk.wall, 10)  # the window's Snooze, as the tray passes it on
    assert desk.status().sitting == "Sitting for 0 min"


def test_during_a_break_it_says_on_a_break_and_nothing_about_the_next():
    desk = Desk()
    desk.sit(30)
    desk.policy.answer(desk.mono, desk.wall, "take")
    status = desk.status(on_break=True)
    assert status.text == "On a break" and status.on_break


def test_a_snooze_says_until_about_when_on_the_clock():
    desk = Desk()
    desk.sit(30)
    desk.policy.snooze(desk.mono, desk.wall, 10)
    status = desk.status()
    assert status.text == "Sitting for 30 min \u00b7 Snoozed until about 09:40"
    assert status.next_break_min == 10 and status.snoozed_until == MONDAY_9 + timedelta(minutes=40)


def test_a_snooze_of_a_due_reminder_is_as_long_as_asked_not_the_settings_snooze():
    desk = Desk()
    desk.sit(30)
    desk.policy.snooze(desk.mono, desk.wall, 3)
    desk.sit(3)
    assert desk.status().state is TrayState.DUE


def test_a_pause_says_until_when_and_counts_nothing():
    desk = Desk()
    desk.sit(12)
    desk.policy.pause_until(desk.mono, desk.wall, desk.wall + timedelta(minutes=90))
    status = desk.status()
    assert status.state is TrayState.PAUSED and status.next_break_min is None
    assert status.text == "Reminders paused until 10:42"
    assert status.as_json()["paused_until"] == "2026-11-23T10:42:00+01:00"


def test_a_pause_until_tomorrow_says_tomorrow():
    desk = Desk()
    desk.policy.pause_until(desk.mono, desk.wall, datetime(2026, 11, 24, 0, 0, tzinfo=CET))
    assert desk.status().text == "Reminders paused until tomorrow at 00:00"


def test_outside_working_hours_it_says_when_reminders_come_back():
    friday_evening = datetime(2026, 11, 27, 18, 0, tzinfo=CET)
    desk = Desk(BreakSettings(working_hours=WorkingHours("09:00", "17:30", (1, 2, 3, 4, 5))), friday_evening)
    status = desk.status()
    assert status.state is TrayState.PAUSED
    assert status.text == "Outside working hours: reminders from Mon 30 Nov at 09:00"


@pytest.mark.parametrize(
    ("later", "shown"),
    [
        (timedelta(minutes=5), "09:05"),
        (timedelta(hours=15), "tomorrow at 00:00"),
        (timedelta(days=2), "Wed 25 Nov at 09:00"),
    ],
)
def test_clock_times_read_as_the_local_clock(later, shown):
    assert clock_time(MONDAY_9 + later, MONDAY_9) == shown
    assert clock_time((MONDAY_9 + later).astimezone(UTC), MONDAY_9) == shown


def test_snooze_with_no_reminder_has_nothing_to_do_and_says_what_comes_next():
    desk = Desk()
    desk.sit(12)
    request = ControlRequest(Control.SNOOZE, 10)
    before = desk.status()
    assert refusal(request, before) == (
        "No reminder is showing, so there is nothing to snooze. Next break in about 18 min."
    )
    answer = reply(before, ControlOutcome.NOTHING_TO_DO, refusal(request, before) or "")
    assert answer["outcome"] == "nothing_to_do" and answer["state"] == "normal"
    assert (
        refusal(request, desk.status(on_break=True))
        == "A desk break is on screen: its Snooze button puts it off."
    )
    desk.sit(20)
    assert refusal(request, desk.status()) is None  # due now


def test_done_requests_say_what_happened():
    desk = Desk()
    desk.sit(30)
    before = desk.status()
    desk.policy.snooze(desk.mono, desk.wall, 10)
    assert said(ControlRequest(Control.SNOOZE, 10), before, desk.status()) == "Snoozed until about 09:40."
    desk.policy.pause_until(desk.mono, desk.wall, desk.wall + timedelta(minutes=10))
    assert said(ControlRequest(Control.PAUSE, 10), before, desk.status()) == "Reminders paused until 09:40."
    take = ControlRequest(Control.BREAK)
    assert said(take, before, desk.status()) == "Break started: the stand-and-extend break is on screen."
    assert said(take, desk.status(on_break=True), desk.status()) == "A desk break is already on screen."
