"""Sleep detection: clock gaps with injected clocks, logind signals from a fake logind on a private bus."""

import asyncio
import logging
import time

from desktop.platform.sleep_watch import ClockGapDetector, LogindSleepWatch, suspend_clocks
from tests.platform.dbus_fakes import SESSION_PATH, LoginManager, LoginSession, serve


class Clocks:
    """An awake clock and a total clock that a test moves by hand."""

    def __init__(self) -> None:
        self.awake = 1000.0
        self.total = 5000.0

    def run(self, seconds: float) -> None:
        self.awake += seconds
        self.total += seconds

    def sleep(self, seconds: float) -> None:
        self.total += seconds

    @property
    def pair(self):
        return (lambda: self.awake), (lambda: self.total)


def test_no_gap_while_awake():
    clocks = Clocks()
    detector = ClockGapDetector(clocks.pair)
    clocks.run(60)
    assert detector.check() is None


def test_the_time_asleep_is_reported_once():
    clocks = Clocks()
    detector = ClockGapDetector(clocks.pair)
    clocks.run(10)
    clocks.sleep(3600)
    clocks.run(5)
    assert detector.check() == 3600
    clocks.run(60)
    assert detector.check() is None


def test_jitter_under_the_threshold_is_ignored():
    clocks = Clocks()
    detector = ClockGapDetector(clocks.pair, threshold=2.0)
    clocks.sleep(1.5)
    assert detector.check() is None
    clocks.sleep(2.5)
    assert detector.check() == 2.5  # measured from the last check, not summed with the jitter


def test_a_clock_set_back_is_not_sleep():
    clocks = Clocks()
    detector = ClockGapDetector(clocks.pair)
    clocks.total -= 3600
    assert detector.check() is None


def test_the_real_clocks_show_no_sleep_between_two_checks():
    detector = ClockGapDetector()
    assert detector.check() is None


def test_linux_clocks_are_monotonic_and_boot_time():
    awake, total = suspend_clocks("linux")
    assert awake is time.monotonic
    assert total.args == (time.CLOCK_BOOTTIME,)
    earlier = awake()
    assert total() >= earlier  # boot time includes every suspend; monotonic none


def test_other_systems_fall_back_to_the_wall_clock():
    assert suspend_clocks("freebsd14") == (time.monotonic, time.time)


def test_logind_missing_system_bus_is_reported_not_raised(no_bus, caplog, monkeypatch):
    caplog.set_level(logging.INFO, "upright.platform")
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", no_bus)  # the real lookup, pointed at nothing
    watch = LogindSleepWatch(on_sleep=lambda: None, on_resume=lambda: None)
    assert asyncio.run(watch.start()) is False
    assert "sleep/resume: logind not available" in caplog.text
    watch.close()


def test_a_bus_without_logind_is_not_enough(session_bus):
    watch = LogindSleepWatch(on_sleep=lambda: None, on_resume=lambda: None, bus_address=session_bus)
    assert asyncio.run(watch.start()) is False


def test_prepare_for_sleep_calls_on_sleep_then_on_resume(session_bus, caplog):
    caplog.set_level(logging.INFO, "upright.platform")

    async def scenario():
        heard = []
        resumed = asyncio.Event()
        manager = LoginManager()
        logind = await serve(session_bus, "org.freedesktop.login1", {"/org/freedesktop/login1": manager})
        watch = LogindSleepWatch(
            on_sleep=lambda: heard.append("sleep"),
            on_resume=lambda: (heard.append("resume"), resumed.set()),
            bus_address=session_bus,
        )
        assert await watch.start() is True
        manager.PrepareForSleep(True)
        manager.PrepareForSleep(False)
        await asyncio.wait_for(resumed.wait(), 5)
        watch.close()
        logind.disconnect()
        return heard

    assert asyncio.run(scenario()) == ["sleep", "resume"]
    assert "sleep/resume: logind\n" in caplog.text + "\n"


def test_lock_and_unlock_of_our_session_only(session_bus, caplog):
    caplog.set_level(logging.INFO, "upright.platform")

    async def scenario():
        heard = []
        unlocked = asyncio.Event()
        ours, other = LoginSession(), LoginSession()
        logind = await serve(
            session_bus,
            "org.freedesktop.login1",
            {
                "/org/freedesktop/login1": LoginManager(),
                SESSION_PATH: ours,
                "/org/freedesktop/login1/session/_32": other,
            },
        )
        watch = LogindSleepWatch(
            on_sleep=lambda: None,
            on_resume=lambda: None,
            on_lock=lambda: heard.append("lock"),
            on_unlock=lambda: (heard.append("unlock"), unlocked.set()),
            bus_address=session_bus,
        )
        assert await watch.start() is True
        other.Lock()  # someone else's session: not ours to react to
        ours.Lock()
        ours.Unlock()
        await asyncio.wait_for(unlocked.wait(), 5)
        watch.close()
        logind.disconnect()
        return heard

    assert asyncio.run(scenario()) == ["lock", "unlock"]
    assert "sleep/resume: logind with session lock/unlock" in caplog.text


def test_a_failing_callback_is_logged_and_the_watch_goes_on(session_bus, caplog):
    async def scenario():
        resumed = asyncio.Event()
        manager = LoginManager()
        logind = await serve(session_bus, "org.freedesktop.login1", {"/org/freedesktop/login1": manager})
        watch = LogindSleepWatch(on_sleep=lambda: 1 / 0, on_resume=resumed.set, bus_address=session_bus)
        await watch.start()
        manager.PrepareForSleep(True)
        manager.PrepareForSleep(False)
        await asyncio.wait_for(resumed.wait(), 5)
        watch.close()
        logind.disconnect()

    asyncio.run(scenario())
    assert "sleep/resume callback PrepareForSleep failed" in caplog.text
