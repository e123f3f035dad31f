"""Noticing that the machine slept, so a sit-break timer does not count the night as sitting.

Two ways, used together: ClockGapDetector works everywhere and only needs to
be polled; LogindSleepWatch hears systemd-logind announce sleep and resume on
Linux as they happen. The app trusts whichever speaks first.
"""

from __future__ import annotations

import ctypes
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from desktop.platform._support import LOG, add_match, call, connect, log_once

if TYPE_CHECKING:
    from dbus_fast import Message
    from dbus_fast.aio import MessageBus

Clock = Callable[[], float]

LOGIN1 = "org.freedesktop.login1"
MANAGER = "org.freedesktop.login1.Manager"
SESSION = "org.freedesktop.login1.Session"


def _windows_clocks() -> tuple[Clock, Clock]:
    """Interrupt time without the sleeps, and the tick count with them."""
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.GetTickCount64.restype = ctypes.c_uint64

    def awake() -> float:
        ticks = ctypes.c_uint64()
        kernel32.QueryUnbiasedInterruptTime(ctypes.byref(ticks))
        return ticks.value / 1e7  # 100 ns units

    return awake, lambda: kernel32.GetTickCount64() / 1000


def suspend_clocks(platform: str = sys.platform) -> tuple[Clock, Clock]:
    """An (awake, total) pair of clocks: the first stops while the machine sleeps, the second runs on.

    Both are immune to someone setting the wall clock, except in the last
    resort, which compares with time.time(): there an NTP step or a manual
    change of the clock looks like a sleep (or is ignored, when it goes back).
    """
    if platform == "linux":
        return time.monotonic, partial(time.clock_gettime, time.CLOCK_BOOTTIME)
    if platform == "darwin":
        return (
            partial(time.clock_gettime, time.CLOCK_UPTIME_RAW),  # type: ignore[attr-defined]
            partial(time.clock_gettime, time.CLOCK_MONOTONIC),
        )
    if platform == "win32":
        return _windows_clocks()
    return time.monotonic, time.time


class ClockGapDetector:
    """Reports how long the machine slept since the previous check().

    The difference between the two clocks only grows while the machine is
    suspended, so its growth between polls is the time slept. Growth under
    ``threshold`` seconds is clock jitter (or a short NTP slew) and is ignored.
    """

    def __init__(self, clocks: tuple[Clock, Clock] | None = None, *, threshold: float = 2.0) -> None:
        self._awake, self._total = clocks or suspend_clocks()
        self.threshold = threshold
        self._offset = self._total() - self._awake()

    def check(self) -> float | None:
        """Seconds slept since the last check, or None when the machine stayed awake."""
        offset = self._total() - self._awake()
        gap, self._offset = offset - self._offset, offset
        return gap if gap > self.threshold else None


class LogindSleepWatch:
    """systemd-logind's PrepareForSleep (and, if asked, session Lock/Unlock) signals.

    on_sleep() may not get to run before the machine is down, since no sleep
    delay lock is taken; on_resume() always does. Lock and Unlock are logind's
    requests to the screen locker: a desktop that locks by itself may not send them.
    """

    def __init__(
        self,
        on_sleep: Callable[[], None],
        on_resume: Callable[[], None],
        *,
        on_lock: Callable[[], None] | None = None,
        on_unlock: Callable[[], None] | None = None,
        bus_address: str | None = None,
    ) -> None:
        self._handlers: dict[tuple[str, str, bool | None], Callable[[], None]] = {
            (MANAGER, "PrepareForSleep", True): on_sleep,
            (MANAGER, "PrepareForSleep", False): on_resume,
        }
        if on_lock:
            self._handlers[(SESSION, "Lock", None)] = on_lock
        if on_unlock:
            self._handlers[(SESSION, "Unlock", None)] = on_unlock
        self._address = bus_address
        self._bus: MessageBus | None = None

    async def start(self) -> bool:
        """Subscribe; False (and logged) when there is no system bus or no logind on it."""
        bus = await connect(system=True, address=self._address)
        has_logind = bus and await call(
            bus,
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "NameHasOwner",
            "s",
            [LOGIN1],
        )
        rule = f"type='signal',sender='{LOGIN1}',interface='{MANAGER}',member='PrepareForSleep'"
        if not (bus and has_logind and has_logind[0] and await add_match(bus, rule)):
            if bus:
                bus.disconnect()
            log_once("sleep/resume", "logind not available (no system bus or no logind); clock gaps only")
            return False
        assert bus is not None  # has_logind is only true with a bus
        self._bus = bus
        bus.add_message_handler(self._on_message)
        locks = ""
        if any(key[0] == SESSION for key in self._handlers):
            session = await call(bus, LOGIN1, "/org/freedesktop/login1", MANAGER, "GetSession", "s", ["auto"])
            # The bus daemon filters by path, so other people's sessions never reach us.
            if session and await add_match(
                bus, f"type='signal',sender='{LOGIN1}',interface='{SESSION}',path='{session[0]}'"
            ):
                locks = " with session lock/unlock"
        log_once("sleep/resume", f"logind{locks}")
        return True

    def close(self) -> None:
        if self._bus is not None:
            self._bus.disconnect()
            self._bus = None

    def _on_message(self, message: Message) -> None:
        argument = message.body[0] if message.member == "PrepareForSleep" and message.body else None
        handler = self._handlers.get((message.interface or "", message.member or "", argument))
        if handler is not None:
            try:
                handler()
            except Exception:  # a faulty callback must not break the bus's reader
                LOG.exception("sleep/resume callback %s failed", message.member)
