"""The desk coach end to end: fake sensors and clocks, the real policy, store and widgets."""

from datetime import datetime, timedelta, timezone

import pytest

from desktop.app.media import Media
from desktop.app.store_worker import StoreWorker
from desktop.app.tray_controller import TrayController
from desktop.app.tray_store import TrayStore
from desktop.core.breaks import Answer, BreakEvent
from desktop.core.intents import TrayAction, TrayIntent
from desktop.ui.appearance import Appearance
from tests.app_helpers import run
from tests.waiting import eventually

MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone(timedelta(hours=1)))


class Clocks:
    def __init__(self):
        self.mono = 100.0
        self.wall = MONDAY_9

    def advance(self, minutes: float):
        self.mono += minutes * 60
        self.wall += timedelta(minutes=minutes)


class FakeSensors:
    def __init__(self):
        self.idle = 0.0
        self.slept = None
        self.quiet_now = {"fullscreen": False, "dnd": False, "call": False}
        self.watch_s = None  # polled, unless a test gives the source a watch threshold
        self.quiet_looks = 0
        self.on_change = None

    def idle_seconds(self):
        return self.idle

    def listen_idle(self, on_change):
        self.on_change = on_change
        return self.watch_s

    def slept_seconds(self):
        slept, self.slept = self.slept, None
        return slept

    def quiet(self):
        self.quiet_looks += 1
        return dict(self.quiet_now)

    async def watch_session(self, on_event):
        self.session_event = on_event
        return True

    def close(self):
        pass


@pytest.fixture
def coach(qapp, catalog, tmp_path):
    clocks, sensors, opened = Clocks(), FakeSensors(), []

    async def no_notifier(on_answer):
        return None  # the corner prompt answers; tests/platform/test_notify_dunst.py covers a real server

    def make(store, notifier_factory=no_notifier):
        return TrayController(
            catalog,
            store,
            Appearance(qapp, "light"),
            Media(),
            open_window=lambda: opened.append(1),
            quit_app=lambda: None,
            clock=lambda: clocks.mono,
            now=lambda: clocks.wall,
            sensors=sensors,
            notifier_factory=notifier_factory,
        )

    return make, clocks, sensors, opened, tmp_path


async def tray_with_a_reminder_showing(coach):
    """A started tray whose first reminder is offered and not answered (31 minutes of sitting):
    what quitting, a lost display or a busy store must then record."""
    from desktop.app.tray_store import TrayStore

    make, clocks, _sensors, _, data = coach
    tray = make(TrayStore(data))
    await tray.start()
    clocks.advance(31)
    tray.wake()
    assert tray.status().state == "due"  # offered, not answered
    return tray


def test_reminds_after_the_interval_escalates_gently_and_records(coach, qapp):
    make, clocks, _sensors, _, data = coach

    async def scenario():
        tray = make(TrayStore(data))
        await tray.start()
        clocks.advance(29)
        tray.wake()
        assert not tray.prompt.isVisible() and tray.menu._shown[0] == "normal"
        assert "Sitting for 29 min" in tray.menu.icon.toolTip()
        clocks.advance(1)
        tray.wake()  # 30 minutes: no notification server with buttons here, so the corner prompt
        assert tray.menu._shown[0] == "due"
        assert tray.prompt.isVisible()
        clocks.advance(10)
        tray.wake()  # still sitting 10 minutes later: the corner prompt
        assert tray.prompt.isVisible()
        tray.prompt._answer(Answer.SNOOZE)
        clocks.advance(10)
        tray.wake()
        assert tray.prompt.isVisible() or tray.visible
        tray.prompt._answer(Answer.SKIP)
        await tray.settle()
        history = await _history(data)
        tray.close()
        return history["breaks"]

    breaks = run(qapp, scenario, timeout_s=60)  # each store call is a child process
    assert [b["outcome"] for b in breaks] == ["ignored", "snoozed", "skipped"]


def test_away_counts_as_a_natural_break_and_nothing_fires(coach, qapp):
    make, clocks, sensors, _, data = coach

    async def scenario():
        tray = make(TrayStore(data))
        await tray.start()
        clocks.advance(25)
        tray.wake()
        clocks.advance(8)
        sensors.idle = 8 * 60  # away for the last 8 minutes
        tray.wake()
        sensors.idle = 0
        clocks.advance(1)
        tray.wake()
        shown = tray.menu._shown
        await tray.settle()
        history = await _history(data)
        tray.close()
        return shown, history["breaks"]

    shown, breaks = run(qapp, scenario, timeout_s=60)  # each store call is a child process
    assert shown[0] == "normal" and shown[1] <= 1
    assert [b["outcome"] for b in breaks] == ["natural"]


def test_menu_pause_and_resume_and_open(coach, qapp):
    make, clocks, _sensors, opened, _ = coach

    async def scenario():
        tray = make(None)
        await tray.start()
        tray._on_intent(TrayIntent(TrayAction.PAUSE_HOUR))
        paused = tray.menu._shown[0]
        clocks.advance(45)
        tray.wake()
        still = tray.menu._shown[0]
        due_while_paused = tray.prompt.isVisible()
        tray._on_intent(TrayIntent(TrayAction.RESUME))
        tray._on_intent(TrayIntent(TrayAction.OPEN))
        state = tray.menu._shown[0]
        enabled = tray.menu.actions[TrayIntent(TrayAction.RESUME)].isEnabled()
        tray.close()
        return paused, still, due_while_paused, state, enabled

    assert run(qapp, scenario) == ("paused", "paused", False, "normal", False)
    assert opened == [1]


def test_no_tray_says_so_once(coach, qapp):
    make, *_ = coach
    notices = []

    async def scenario():
        tray = make(None)
        tray.media.on_notice(notices.append)
        await tray.start()
        tray.close()
        return tray.visible

    visible = run(qapp, scenario, timeout_s=60)  # each store call is a child process
    if not visible:
        assert len(notices) == 1 and "no system tray" in notices[0]
    else:
        assert notices == []


async def _history(data):
    """What the tray's child processes wrote, read back through the app's own store."""
    worker = StoreWorker(data)
    await worker.open()
    try:
        return await worker.run(worker.history.export_history)
    finally:
        worker.close()


def test_screen_lock_counts_as_away(coach, qapp):
    make, clocks, sensors, _, data = coach

    async def scenario():
        tray = make(TrayStore(data))
        await tray.start()
        clocks.advance(20)
        tray.wake()
        sensors.session_event(BreakEvent.LOCK)
        clocks.advance(15)
        sensors.session_event(BreakEvent.UNLOCK)
        clocks.advance(1)
        tray.wake()
        minutes = tray.menu._shown[1]
        await tray.settle()
        history = await _history(data)
        tray.close()
        return minutes, [b["outcome"] for b in history["breaks"]]

    minutes, outcomes = run(qapp, scenario, timeout_s=60)  # each store call is a child process
    assert minutes <= 1 and outcomes == ["natural"]


def test_real_sensors_answer_or_say_unknown_without_raising(qapp):
    from desktop.app.sensors import Sensors

    async def scenario():
        sensors = Sensors()
        watching = await sensors.watch_session(lambda kind: None)
        readings = sensors.idle_seconds(), sensors.slept_seconds(), sensors.quiet()
        sensors.close()
        return watching, readings

    watching, (idle, slept, quiet) = run(qapp, scenario)
    assert isinstance(watching, bool)
    assert idle is None or idle >= 0
    assert slept is None  # no sleep between two looks a moment apart
    assert set(quiet) == {"fullscreen", "dnd", "call"} and all(isinstance(v, bool) for v in quiet.values())


def test_the_menu_offers_snooze_only_while_a_reminder_is_showing(coach, qapp):
    """As ``upright snooze``: with nothing showing there is nothing to put off, and nothing is recorded."""
    make, clocks, _sensors, _, data = coach
    snoozes = [TrayIntent(TrayAction.SNOOZE, 10), TrayIntent(TrayAction.SNOOZE, 30)]

    async def scenario():
        tray = make(TrayStore(data))
        await tray.start()
        clocks.advance(12)
        tray.wake()
        early = [tray.menu.actions[intent].isEnabled() for intent in snoozes]
        clocks.advance(19)
        tray.wake()  # 31 min: the reminder is showing
        due = [tray.menu.actions[intent].isEnabled() for intent in snoozes]
        tray.menu.actions[snoozes[1]].trigger()
        after = [tray.menu.actions[intent].isEnabled() for intent in snoozes]
        await tray.settle()
        history = await _history(data)
        text = tray.status().text
        tray.close()
        return early, due, after, history["breaks"], text

    early, due, after, breaks, text = run(qapp, scenario, timeout_s=60)  # each store call is a child process
    assert early == [False, False] and due == [True, True] and after == [False, False]
    assert [b["outcome"] for b in breaks] == ["snoozed"]
    assert breaks[0]["offered_at"].startswith("2026-11-23T08:31")  # 09:31 +01:00: the reminder's time
    assert text == "Sitting for 31 min \u00b7 Snoozed until about 10:01"


def test_take_a_break_three_times_opens_one_break_and_records_it_once(coach, qapp):
    """Three clicks on "Take a break now" are one break: one window, one record."""
    import asyncio

    from PySide6.QtWidgets import QApplication

    from desktop.core.intents import BreakEnd
    from desktop.ui.break_window import BreakWindow

    make, clocks, _sensors, _, data = coach

    def open_windows():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, BreakWindow) and w.isVisible()]

    async def scenario():
        tray = make(TrayStore(data))
        await tray.start()
        clocks.advance(30)
        tray.wake()
        for _ in range(3):
            tray._on_intent(TrayIntent(TrayAction.TAKE))
            await asyncio.sleep(0)
        # Every take has run as far as it goes: a break window each waits for its end; any other
        # take found one on screen and is done. (Before the fix, three windows and three waits.)
        shown = await eventually(
            lambda: (windows := open_windows()) and len(tray.tasks) == len(windows) and windows,
            "each take to open a break or find one open",
        )
        shown[0]._end(BreakEnd.COMPLETED)
        await tray.settle()
        history = await _history(data)
        tray.close()
        return len(shown), history

    shown, history = run(qapp, scenario, timeout_s=60)  # each store call is a child process
    assert shown == 1
    assert [b["outcome"] for b in history["breaks"]] == ["taken"]


def test_a_failed_break_record_is_reported_not_dropped(coach, qapp, caplog):
    """A disk problem is said once where the person looks; any other failure is logged with its traceback."""
    import logging

    from desktop.storage.errors import StorageError

    make, clocks, _sensors, _, data = coach
    failures = [StorageError(data, "Upright could not save because the disk is full."), RuntimeError("a bug")]

    class FailingStore(TrayStore):
        async def record_break(self, *args, **kwargs):
            raise failures.pop(0)

    notices: list[str] = []

    async def scenario():
        tray = make(FailingStore(data))
        tray.media.on_notice(notices.append)
        await tray.start()
        clocks.advance(12)
        tray.wake()
        tray._on_intent(TrayIntent(TrayAction.SNOOZE, 30))
        await tray.settle()
        tray._on_intent(TrayIntent(TrayAction.SNOOZE, 30))
        await tray.settle()
        tray.close()

    with caplog.at_level(logging.ERROR, "upright"):
        run(qapp, scenario, timeout_s=60)  # each store call is a child process
    assert any("disk is full" in n and "not kept" in n for n in notices)
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)


class FakeTimers:
    """The tray's two single-shot timers on the fake clock: when each is due, and firing them in order."""

    def __init__(self, tray, clocks):
        self.clocks, self.due, self.fired, self.after = clocks, {}, [], lambda name: None
        self.timers = {"wake": tray._timer, "ring": tray._ring}
        for name, timer in self.timers.items():
            timer.start = lambda ms, name=name: self.due.__setitem__(name, clocks.mono + ms / 1000)
            timer.stop = lambda name=name: self.due.pop(name, None)

    def run(self, until: float, idle_since: float | None = None, sensors=None) -> None:
        """Fire every timer due before ``until``; nobody touches anything after ``idle_since``."""
        while self.due and (when := min(self.due.values())) <= until:
            name = min(self.due, key=self.due.__getitem__)
            del self.due[name]
            self.clocks.advance((when - self.clocks.mono) / 60)
            if idle_since is not None:
                sensors.idle = self.clocks.mono - idle_since
            self.fired.append((round(self.clocks.mono - 100), name))
            self.timers[name].timeout.emit()  # whatever the tray connected it to
            self.after(name)
        self.clocks.advance((until - self.clocks.mono) / 60)


@pytest.mark.parametrize(("watch_s", "wakes"), [(30.0, 1), (None, 60)])
def test_nobody_at_the_machine_for_an_hour(coach, qapp, watch_s, wakes):
    """A watching idle source leaves the tray asleep; a polled one reads it every minute."""
    make, clocks, sensors, _, _ = coach
    sensors.watch_s = watch_s

    async def scenario():
        tray = make(None)
        await tray.start()
        timers = FakeTimers(tray, clocks)
        tray._apply([], clocks.wall)  # re-arm through the fake timers
        clocks.advance(0.5)
        sensors.idle = 30.0
        if sensors.on_change is not None:
            sensors.on_change()  # the source: 30 s without input
        timers.run(100 + 3600, idle_since=100, sensors=sensors)
        left = dict(timers.due)
        tray.close()
        return timers.fired, left

    fired, left = run(qapp, scenario)
    assert len(fired) == wakes
    assert sensors.quiet_looks == 1  # at the start only: no reminder could come after it
    if watch_s is not None:
        assert fired == [(300, "wake")]  # the natural-break mark, then nothing
        assert left == {"wake": 100 + 8.5 * 3600}  # until working hours end at 17:30


def test_an_hour_of_typing_wakes_for_the_ring_and_the_reminders_only(coach, qapp):
    make, clocks, sensors, _, _ = coach
    sensors.watch_s = 30.0  # idle stays 0: the source never has anything to say

    async def scenario():
        tray = make(None)
        await tray.start()
        timers = FakeTimers(tray, clocks)
        tray._apply([], clocks.wall)
        tips = []
        timers.after = lambda name: tips.append(tray.menu.icon.toolTip()) if name == "ring" else None
        timers.run(100 + 3600)
        tray.close()
        return timers.fired, tips

    fired, tips = run(qapp, scenario)
    assert sensors.quiet_looks == 1 + 4  # at the start, then once at each reminder
    assert [t for t, name in fired if name == "wake"] == [1800, 2400, 3000, 3600]  # the reminders
    assert [t for t, name in fired if name == "ring"] == [225 * n for n in range(1, 8)]  # eighths of 30 min
    assert "Sitting for 26 min" in tips[-1]  # 1575 s


def test_a_sleep_logind_did_not_announce_is_seen_at_the_rings_next_step(coach, qapp):
    make, clocks, sensors, _, _ = coach
    sensors.watch_s = 30.0

    async def scenario():
        tray = make(None)
        await tray.start()
        timers = FakeTimers(tray, clocks)
        tray._apply([], clocks.wall)
        timers.run(100 + 600)  # ten minutes at the desk
        clocks.wall += timedelta(hours=2)  # the lid closed: the monotonic clock stood still
        sensors.slept = 2 * 3600.0
        timers.run(100 + 700)
        status = tray.status()
        tray.close()
        return timers.fired, status

    fired, status = run(qapp, scenario)
    assert fired[-1] == (675, "ring")  # the first step after the sleep, 3 of 8 in a 30-minute interval
    assert status.sitting == "Just had a break"  # the two hours away were seen there, and were a break


def test_the_tooltip_and_menu_are_brought_up_to_date_when_looked_at(coach, qapp):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication

    make, clocks, sensors, _, _ = coach
    sensors.watch_s = 30.0

    async def scenario():
        tray = make(None)
        await tray.start()
        clocks.advance(7)  # no timer fired: the tooltip still says what it said at the start
        before = tray.menu.icon.toolTip()
        QApplication.sendEvent(tray.menu.icon, QHelpEvent(QEvent.Type.ToolTip, QPoint(), QPoint()))
        hovered = tray.menu.icon.toolTip()
        clocks.advance(5)
        tray.menu.menu.aboutToShow.emit()
        opened = tray.menu.icon.toolTip()
        tray.close()
        return before, hovered, opened

    before, hovered, opened = run(qapp, scenario)
    assert "Sitting for 0 min" in before
    assert "Sitting for 7 min" in hovered and "Sitting for 12 min" in opened
