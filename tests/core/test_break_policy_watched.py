"""The sit-break policy with a watching idle source: no polls, only deadlines and the source's reports.

``WatchedDesk`` drives the policy as the tray does with X11's IDLETIME alarms
or Wayland's idle notifications: it wakes the policy at ``next_deadline`` and
when the source reports (the person idle for ``WATCH_S``, or back after
that), and at each wake hands it the true idle time. Every wake-up is
counted, so a test can say how often an hour at the desk wakes the tray.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desktop.core.breaks import BreakPolicy, BreakSettings

MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone(timedelta(hours=1)))
ALWAYS = BreakSettings(working_hours=None)
WATCH_S = 30.0


class WatchedDesk:
    def __init__(self, settings: BreakSettings = ALWAYS, watch_s: float | None = WATCH_S) -> None:
        self.policy = BreakPolicy(settings, idle_watch_s=watch_s)
        self.watch_s = watch_s
        self.mono = 0.0
        self.last_input = 0.0
        self.reported_idle = False  # the source has said "idle" and not yet "back"
        self.wakes: list[tuple[float, str]] = []
        self.log: list[tuple[float, str]] = []
        self._wake("start")

    @property
    def wall(self) -> datetime:
        return MONDAY_9 + timedelta(seconds=self.mono)

    def _wake(self, why: str) -> None:
        self.wakes.append((self.mono, why))
        decisions = self.policy.sample(self.mono, self.wall, self.mono - self.last_input)
        self.log += [(d.mono, d.decision) for d in decisions]

    def run(self, until: float, inputs: list[float] = ()) -> None:
        """Time passes to ``until``; the person touches the keyboard at each of ``inputs``."""
        pending = sorted(inputs)
        while True:
            nexts: list[tuple[float, str]] = []
            deadline = self.policy.next_deadline(self.mono)
            if deadline is not None:
                nexts.append((max(deadline, self.mono), "deadline"))
            if self.watch_s is not None and not self.reported_idle:
                nexts.append((self.last_input + self.watch_s, "idle"))
            if pending:
                nexts.append((pending[0], "input"))
            when, why = min(nexts, default=(until, "end"))
            if when > until or why == "end":
                self.mono = until
                return
            self.mono = when
            if why == "input":
                pending.pop(0)
                self.last_input = when
                if self.reported_idle:
                    self.reported_idle = False
                    self._wake("back")
            else:
                self.reported_idle = self.reported_idle or why == "idle"
                self._wake(why)

    def kinds(self) -> list[str]:
        return [kind for _, kind in self.log]


def typing(start: float, end: float, every: float = 10.0) -> list[float]:
    return [start + every * n for n in range(int((end - start) / every) + 1)]


def test_an_hour_of_typing_wakes_only_for_the_reminders():
    desk = WatchedDesk()
    desk.run(3600, typing(0, 3600))
    assert desk.log == [(1800.0, "remind"), (2400.0, "remind"), (3000.0, "remind"), (3600.0, "remind")]
    assert desk.wakes[1:] == [(t, "deadline") for t, _ in desk.log]  # four wake-ups, each one a reminder


def test_the_same_hour_polled_wakes_every_minute():
    """What the watching source saves: the same policy with a polled source reads idle time 60 times."""
    policy, mono, wakes = BreakPolicy(ALWAYS), 0.0, 0
    decisions = policy.sample(mono, MONDAY_9, 0.0)
    while (deadline := policy.next_deadline(mono)) is not None and deadline <= 3600:
        mono, wakes = deadline, wakes + 1
        decisions += policy.sample(mono, MONDAY_9 + timedelta(seconds=mono), 0.0)
    assert wakes == 60 and [d.mono for d in decisions if d.decision == "remind"] == [1800, 2400, 3000, 3600]


def test_nobody_there_the_idle_tray_schedules_nothing():
    desk = WatchedDesk()
    desk.run(8 * 3600)
    assert desk.wakes == [(0.0, "start"), (30.0, "idle"), (300.0, "deadline")]  # the natural-break mark
    assert desk.policy.next_deadline(desk.mono) is None
    assert desk.policy.sitting_s(desk.mono) == 0 and desk.log == []


def test_a_pause_longer_than_the_watch_is_not_sitting():
    desk = WatchedDesk()
    desk.run(3600, typing(0, 600) + typing(780, 3600))  # three minutes reading, from 600 to 780
    assert desk.log[0] == (1980.0, "remind")  # as the polled policy counts it: from the last input
    assert "natural_break" not in desk.kinds()
    assert (630.0, "idle") in desk.wakes and (780.0, "back") in desk.wakes


def test_a_pause_shorter_than_the_watch_counts_as_sitting():
    desk = WatchedDesk()
    desk.run(1900, typing(0, 600) + typing(620, 1900))
    assert desk.log[0] == (1800.0, "remind")
    assert [why for _, why in desk.wakes] == ["start", "deadline"]  # the source had nothing to say


def test_away_long_enough_is_a_natural_break_at_the_mark():
    desk = WatchedDesk()
    desk.run(5000, typing(0, 900) + typing(1500, 5000))  # away from 900 to 1500
    assert desk.log[0] == (1200.0, "natural_break")  # last input + 5 minutes, to the second
    assert desk.log[1] == (1500.0 + 1800, "remind")  # sitting starts again when they are back
    assert (1500.0, "back") in desk.wakes


def test_a_reminder_due_in_a_short_pause_comes_at_its_time():
    desk = WatchedDesk()
    desk.run(2000, typing(0, 1780) + typing(1900, 2000))  # 20 s without input at the 30-minute mark
    assert desk.log == [(1800.0, "remind")]  # still at the desk: the source has not said otherwise
    assert "natural_break" not in desk.kinds()


def test_a_held_back_reminder_reads_again_each_minute_until_the_quiet_ends():
    desk = WatchedDesk()
    desk.run(1200, typing(0, 1200))
    desk.policy.event(desk.mono, desk.wall, "fullscreen_on")
    desk.run(1800, typing(1210, 1800))
    assert desk.log == [(1800.0, "deferred")]
    assert desk.policy.next_deadline(desk.mono) == 1860  # full screen has no event: read again a minute on
    released = desk.policy.event(desk.mono, desk.wall, "fullscreen_off")
    assert [d.decision for d in released] == ["remind"]
    assert desk.policy.next_deadline(desk.mono) == 2400  # the repeat, and no reading in between


def test_new_settings_keep_the_watching_source():
    desk = WatchedDesk()
    desk.run(600, typing(0, 600))
    desk.policy = BreakPolicy(BreakSettings(interval_min=20, working_hours=None), restart_from=desk.policy)
    desk.run(8 * 3600, typing(600, 1300))
    assert desk.log[0] == (1200.0, "remind")
    assert desk.policy.next_deadline(desk.mono) is None  # still no polls: the source says when they are back


@pytest.mark.parametrize("sitting", [0.0, 450.0, 1799.0])
def test_sitting_reaches_a_mark_only_while_it_grows(sitting):
    desk = WatchedDesk()
    desk.run(600, typing(0, 600))
    assert desk.policy.sitting_reaches(600, sitting + 600) == 600 + sitting
    desk.run(700)  # idle since 600, reported at 630
    assert desk.policy.sitting_reaches(700, sitting + 600) is None
