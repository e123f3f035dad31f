"""Idle sources: X11 against a real Xvfb, D-Bus against a private bus, Windows and macOS with fakes."""

import asyncio
import ctypes
import itertools
import logging
import os
import shutil
import subprocess
import sys

import pytest

from desktop.platform import idle
from desktop.platform.idle import IdleUnavailable, MacIdle, NoIdle, WindowsIdle, pick_idle_source
from desktop.platform.idle_dbus import DBusIdle
from desktop.platform.idle_x11 import X11Idle
from tests.platform.conftest import running_xvfb
from tests.platform.dbus_fakes import MutterIdleMonitor, ScreenSaver, serve, withdraw
from tests.platform.x_clock import XServerClock
from tests.waiting import eventually
from tests.xvfb import xvfb_server

_positions = itertools.cycle([(10, 10), (200, 150)])


def move_mouse(display: str) -> None:
    """Real pointer motion through XTEST: xdotool when installed, else libXtst directly."""
    x, y = next(_positions)
    if shutil.which("xdotool"):
        subprocess.run(
            ["xdotool", "mousemove", str(x), str(y)], env={**os.environ, "DISPLAY": display}, check=True
        )
        return
    x11, xtst = ctypes.CDLL("libX11.so.6"), ctypes.CDLL("libXtst.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XFlush.argtypes = x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xtst.XTestFakeMotionEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_ulong,
    ]
    connection = x11.XOpenDisplay(display.encode())
    xtst.XTestFakeMotionEvent(connection, -1, x, y, 0)
    x11.XFlush(connection)
    x11.XCloseDisplay(connection)


@pytest.mark.slow
def test_x11_idle_is_the_server_time_since_the_last_mouse_motion(xvfb):
    """Both ends come from the X server's clock, so the bounds are exact and no test time is waited."""
    clock, source = XServerClock(xvfb), X11Idle(xvfb)
    try:
        for _ in range(3):  # each motion starts the count again from that motion
            move_mouse(xvfb)
            moved = clock.last_motion()
            before = clock.now()
            idle = source.idle_seconds()
            after = clock.now()
            assert idle is not None
            assert before - moved <= round(idle * 1000) <= after - moved, (moved, before, idle, after)
    finally:
        source.close()
        clock.close()
    assert source.idle_seconds() is None  # closed: unknown, not a crash
    source.close()  # twice is harmless


@pytest.mark.slow
def test_x11_alarms_report_the_person_stopping_and_coming_back(xvfb):
    """The SYNC IDLETIME alarms, on a real server: one report per change and none between."""

    async def scenario():
        clock, source = XServerClock(xvfb), X11Idle(xvfb)
        seen: list[float] = []
        try:
            move_mouse(xvfb)
            assert source.listen(lambda: seen.append(source.idle_seconds()), watch_s=0.3) == 0.3
            assert source.listen(lambda: None) is None  # one listener per source
            await eventually(lambda: len(seen) == 1, "the report that the person stopped")
            assert seen[0] >= 0.3
            reported = clock.now()
            await eventually(lambda: clock.now() - reported >= 500, "half a second more of server time")
            await asyncio.sleep(0)  # any report that came meanwhile is read now
            assert len(seen) == 1  # still idle: nothing more to say
            move_mouse(xvfb)
            await eventually(lambda: len(seen) == 2, "the report that they are back")
            assert seen[1] < 0.3
            await eventually(lambda: len(seen) == 3, "idle again: the alarms stay armed")
        finally:
            source.close()
            clock.close()
        return seen

    assert len(asyncio.run(scenario())) == 3


@pytest.mark.slow
def test_x11_alarms_see_the_server_go_without_ending_the_process(caplog):
    """Xlib's own handler for a broken connection exits the process: the source must not call it."""
    caplog.set_level(logging.INFO, "upright.platform")

    async def scenario():
        with xvfb_server() as (display, server):
            source = X11Idle(display)
            assert source.listen(lambda: None) == idle.WATCH_S
            server.terminate()
            server.wait(10)
            await eventually(lambda: source._alarm_fd is None, "the end of the connection read")
            assert source.idle_seconds() is None
            source.close()

    asyncio.run(scenario())  # a process ended by Xlib would not get here
    assert "the X server closed the connection" in caplog.text


def test_x11_alarms_need_an_event_loop_to_be_read(xvfb):
    source = X11Idle(xvfb)
    try:
        assert source.listen(lambda: None) is None  # no loop: the tray polls instead
        assert source.idle_seconds() is not None
    finally:
        source.close()


class CountingScreenSaver:
    """libXss's query, answering a counter the test sets (the server's own is milliseconds)."""

    def __init__(self, idle_ms: int | None) -> None:
        self.idle_ms = idle_ms

    def XScreenSaverQueryInfo(self, display, root, info) -> int:
        if self.idle_ms is None:
            return 0  # the request failed
        info.contents.idle = self.idle_ms
        return 1


@pytest.mark.slow
def test_x11_idle_turns_the_servers_milliseconds_into_seconds(xvfb):
    """An hour and a half away from the desk, which no test waits for."""
    source = X11Idle(xvfb)
    try:
        source._xss = CountingScreenSaver(5_400_250)
        assert source.idle_seconds() == 5400.25
        source._xss = CountingScreenSaver(None)
        assert source.idle_seconds() is None
    finally:
        source.close()


def test_x11_idle_without_a_server_is_unavailable():
    with pytest.raises(IdleUnavailable, match="cannot open X display"):
        X11Idle(":4242")  # nobody serves display 4242 here or on a desktop


@pytest.mark.slow
def test_x11_idle_without_the_screen_saver_extension_is_unavailable():
    with (
        running_xvfb("-extension", "MIT-SCREEN-SAVER") as display,
        pytest.raises(IdleUnavailable, match="lacks the MIT-SCREEN-SAVER extension"),
    ):
        X11Idle(display)


def test_x11_idle_without_libxss_is_unavailable(monkeypatch):
    def no_library(name):
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(ctypes, "CDLL", no_library)
    with pytest.raises(IdleUnavailable, match="libX11 or libXss is missing"):
        X11Idle(":0")


class FakeUser32:
    def __init__(self, last_input: int | None) -> None:
        self.last_input = last_input

    def GetLastInputInfo(self, info_ref) -> int:
        if self.last_input is None:
            return 0
        assert info_ref._obj.cbSize == 8  # Windows rejects a wrong cbSize
        info_ref._obj.dwTime = self.last_input
        return 1


class FakeKernel32:
    def __init__(self, ticks: int) -> None:
        self.ticks = ticks

    def GetTickCount(self) -> int:
        return self.ticks


def test_windows_idle_is_ticks_since_last_input():
    assert WindowsIdle(FakeUser32(10_000), FakeKernel32(12_500)).idle_seconds() == 2.5


def test_windows_idle_survives_the_49_day_tick_wrap():
    assert WindowsIdle(FakeUser32(0xFFFF_FF00), FakeKernel32(0x100)).idle_seconds() == 0.512


def test_windows_idle_is_unknown_when_the_call_fails():
    assert WindowsIdle(FakeUser32(None), FakeKernel32(0)).idle_seconds() is None


IOREG = b"""+-o IOHIDSystem  <class IOHIDSystem, id 0x100000203, registered, matched, active>
    {
      "HIDKeyboardModifierMappingPairs" = ()
      "HIDIdleTime" = 4213370166
      "HIDParameters" = {"HIDClickTime"=500000000}
    }
"""


def fake_run(stdout=b"", error=None):
    def run(argv, **kwargs):
        if error:
            raise error
        return subprocess.CompletedProcess(argv, 0, stdout=stdout)

    return run


def test_macos_idle_reads_hid_idle_time_in_nanoseconds():
    assert MacIdle(run=fake_run(IOREG)).idle_seconds() == pytest.approx(4.213370166)


@pytest.mark.parametrize(
    "run",
    [
        fake_run(b"+-o Root\n"),
        fake_run(error=FileNotFoundError("ioreg")),
        fake_run(error=subprocess.TimeoutExpired("ioreg", 5)),
    ],
)
def test_macos_idle_is_unknown_without_an_answer(run):
    assert MacIdle(run=run).idle_seconds() is None


def test_no_idle_never_knows():
    assert NoIdle().idle_seconds() is None


def test_mutter_idle_monitor_answers_in_milliseconds(session_bus, caplog):
    caplog.set_level(logging.INFO, "upright.platform")

    async def scenario():
        monitor = MutterIdleMonitor(1500)
        service = await serve(
            session_bus, "org.gnome.Mutter.IdleMonitor", {"/org/gnome/Mutter/IdleMonitor/Core": monitor}
        )
        source = DBusIdle(session_bus)
        assert (source.name, source.idle_seconds()) == ("d-bus", None)  # asked, not yet answered
        await eventually(lambda: source.idle_seconds() == 1.5, "the monitor's answer")
        assert source.name == "mutter"
        monitor.idle_ms = 0
        await eventually(lambda: source.idle_seconds() == 0.0, "the new answer")
        source.close()
        service.disconnect()

    asyncio.run(scenario())
    assert "idle time: mutter" in caplog.text


def test_freedesktop_screensaver_is_the_second_choice(session_bus):
    async def scenario():
        service = await serve(
            session_bus, "org.freedesktop.ScreenSaver", {"/org/freedesktop/ScreenSaver": ScreenSaver(60_000)}
        )
        source = DBusIdle(session_bus)
        assert await source.refresh() == 60.0
        assert source.name == "freedesktop-screensaver"
        source.close()
        service.disconnect()

    asyncio.run(scenario())


def test_a_monitor_that_comes_later_is_found_and_one_that_goes_is_missed(session_bus, caplog):
    caplog.set_level(logging.INFO, "upright.platform")

    async def scenario():
        source = DBusIdle(session_bus)
        assert (await source.refresh(), source.name) == (None, "none")
        service = await serve(
            session_bus,
            "org.gnome.Mutter.IdleMonitor",
            {"/org/gnome/Mutter/IdleMonitor/Core": MutterIdleMonitor(10)},
        )
        assert (await source.refresh(), source.name) == (0.01, "mutter")
        await withdraw(session_bus, service, "org.gnome.Mutter.IdleMonitor")
        assert (await source.refresh(), source.name) == (None, "none")
        source.close()

    asyncio.run(scenario())
    assert caplog.text.count("idle time: not available (no D-Bus idle monitor answered)") == 2


def test_dbus_idle_without_a_bus_is_none(no_bus):
    source = DBusIdle(no_bus)
    assert asyncio.run(source.refresh()) is None
    assert source.name == "none"


def test_dbus_idle_outside_an_event_loop_asks_nothing(session_bus):
    source = DBusIdle(session_bus)
    assert source.idle_seconds() is None
    assert source.name == "d-bus"


def test_pick_prefers_x11_on_an_x11_session(xvfb, caplog):
    caplog.set_level(logging.INFO, "upright.platform")
    source = pick_idle_source(platform="linux", env={"DISPLAY": xvfb})
    try:
        assert source.name == "x11"
        assert "idle time: x11" in caplog.text
    finally:
        source.close()


def test_pick_skips_x11_on_wayland_and_asks_the_session_bus(xvfb, session_bus):
    source = pick_idle_source(
        platform="linux", env={"DISPLAY": xvfb, "WAYLAND_DISPLAY": "wayland-0"}, bus_address=session_bus
    )
    assert isinstance(source, DBusIdle)


def test_pick_says_why_x11_failed_and_the_bus_says_what_it_found(no_bus, caplog):
    caplog.set_level(logging.INFO, "upright.platform")
    source = pick_idle_source(platform="linux", env={"DISPLAY": ":4242"}, bus_address=no_bus)
    assert "idle time: asking the session bus (cannot open X display ':4242')" in caplog.text
    asyncio.run(source.refresh())
    assert "idle time: not available (no D-Bus idle monitor answered)" in caplog.text


def test_pick_without_dbus_fast_is_no_idle(monkeypatch, caplog):
    caplog.set_level(logging.INFO, "upright.platform")
    monkeypatch.setitem(sys.modules, "dbus_fast", None)  # import dbus_fast now raises ImportError
    source = pick_idle_source(platform="linux", env={})
    assert isinstance(source, NoIdle)
    assert "idle time: not available (dbus-fast is not installed)" in caplog.text


def test_pick_on_windows_and_macos_uses_their_own_counters(monkeypatch):
    class FakeWindowsIdle(NoIdle):
        name = "windows"

    monkeypatch.setattr(idle, "WindowsIdle", FakeWindowsIdle)
    assert pick_idle_source(platform="win32", env={}).name == "windows"
    assert pick_idle_source(platform="darwin", env={}).name == "macos"
