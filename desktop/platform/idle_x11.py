"""X11 idle time: read from MIT-SCREEN-SAVER (libXss), watched with the SYNC extension's IDLETIME alarms.

ctypes rather than python-xlib keeps the dependency list short: libX11,
libXext and libXss are on every X desktop. Reading is one request. Watching
is two alarms on the server's IDLETIME counter, the way GNOME's and
Workrave's idle monitors do it: one fires when the idle time rises through
``watch_s`` (the person stopped), the other when it falls back below it
(they are back), so the tray wakes once per change and not at all between.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import socket
from collections.abc import Callable

from desktop.platform._support import LOG
from desktop.platform.idle import WATCH_S, IdleUnavailable

_POSITIVE_TRANSITION, _NEGATIVE_TRANSITION = 0, 1  # XSyncTestType
_ALARM_FIELDS = 0b111111  # XSyncCACounter | ValueType | Value | TestType | Delta | Events
_QUEUED_ALREADY = 0  # XEventsQueued mode: what Xlib has read, no new read


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    ]


class _XSyncValue(ctypes.Structure):
    _fields_ = [("hi", ctypes.c_int), ("lo", ctypes.c_uint)]


class _XSyncSystemCounter(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("counter", ctypes.c_ulong), ("resolution", _XSyncValue)]


class _XSyncTrigger(ctypes.Structure):
    _fields_ = [
        ("counter", ctypes.c_ulong),
        ("value_type", ctypes.c_int),
        ("wait_value", _XSyncValue),
        ("test_type", ctypes.c_int),
    ]


class _XSyncAlarmAttributes(ctypes.Structure):
    _fields_ = [
        ("trigger", _XSyncTrigger),
        ("delta", _XSyncValue),
        ("events", ctypes.c_int),
        ("state", ctypes.c_int),
    ]


class X11Idle:
    """The X server's own input-idle counter (MIT-SCREEN-SAVER), read through libXss.

    One display connection is kept for the life of the source, because opening
    one per poll costs a round trip and a file descriptor each time. Like all
    Xlib use it must stay on one thread (the Qt main thread, where the
    asyncio loop's reader runs too).
    """

    name = "x11"
    _alarm_fd: int | None = None

    def __init__(self, display: str) -> None:
        try:
            self._x11 = ctypes.CDLL("libX11.so.6")  # the sonames, so no ldconfig run to find them
            self._xss = ctypes.CDLL("libXss.so.1")
        except OSError as error:
            raise IdleUnavailable(f"libX11 or libXss is missing ({error})") from None
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._x11.XFree.argtypes = [ctypes.c_void_p]
        self._x11.XConnectionNumber.argtypes = self._x11.XFlush.argtypes = [ctypes.c_void_p]
        self._x11.XPending.argtypes = [ctypes.c_void_p]
        self._x11.XEventsQueued.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self._x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        self._event = (ctypes.c_long * 24)()  # an XEvent: a union of 24 longs
        self._xss.XScreenSaverQueryExtension.argtypes = [ctypes.c_void_p] + [ctypes.POINTER(ctypes.c_int)] * 2
        self._xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
        self._xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XScreenSaverInfo),
        ]
        self._display = self._x11.XOpenDisplay(display.encode())
        if not self._display:
            raise IdleUnavailable(f"cannot open X display {display!r}")
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not self._xss.XScreenSaverQueryExtension(self._display, event_base, error_base):
            self.close()
            raise IdleUnavailable(f"X display {display!r} lacks the MIT-SCREEN-SAVER extension")
        self._root = self._x11.XDefaultRootWindow(self._display)
        self._info = self._xss.XScreenSaverAllocInfo()

    def idle_seconds(self) -> float | None:
        if not self._display or not self._xss.XScreenSaverQueryInfo(self._display, self._root, self._info):
            return None
        self._drain(_QUEUED_ALREADY)  # alarms read along with the reply: this reading already reflects them
        return self._info.contents.idle / 1000

    def listen(self, on_change: Callable[[], None], watch_s: float = WATCH_S) -> float | None:
        """Call ``on_change`` when the idle time rises through ``watch_s`` or falls back below it.

        Returns ``watch_s``, or None (logged) where the server has no SYNC
        IDLETIME counter or there is no running event loop to read its alarms.
        """
        if not self._display or self._alarm_fd is not None:
            return None
        try:
            xext = ctypes.CDLL("libXext.so.6")
            loop = asyncio.get_running_loop()
        except (OSError, RuntimeError) as error:
            LOG.info("idle time: read once a minute (no X SYNC alarms: %s)", error)
            return None
        counter = self._idle_counter(xext)
        if counter is None:
            LOG.info("idle time: read once a minute (the X server has no SYNC IDLETIME counter)")
            return None
        xext.XSyncCreateAlarm.restype = ctypes.c_ulong
        xext.XSyncCreateAlarm.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XSyncAlarmAttributes),
        ]
        threshold_ms = round(watch_s * 1000)
        for test in (_POSITIVE_TRANSITION, _NEGATIVE_TRANSITION):
            alarm = _XSyncAlarmAttributes()
            alarm.trigger.counter, alarm.trigger.test_type = counter, test
            alarm.trigger.wait_value = _XSyncValue(threshold_ms >> 32, threshold_ms & 0xFFFFFFFF)
            alarm.delta, alarm.events = _XSyncValue(0, 0), 1  # a transition alarm with no delta stays armed
            xext.XSyncCreateAlarm(self._display, _ALARM_FIELDS, ctypes.byref(alarm))
        self._x11.XFlush(self._display)
        self._on_change = on_change
        self._alarm_fd = self._x11.XConnectionNumber(self._display)
        loop.add_reader(self._alarm_fd, self._alarms_came)
        return watch_s

    def _idle_counter(self, xext: ctypes.CDLL) -> int | None:
        """The server's IDLETIME system counter (X.Org 1.7 and later have it), or None."""
        xext.XSyncQueryExtension.argtypes = [ctypes.c_void_p] + [ctypes.POINTER(ctypes.c_int)] * 2
        xext.XSyncInitialize.argtypes = [ctypes.c_void_p] + [ctypes.POINTER(ctypes.c_int)] * 2
        xext.XSyncListSystemCounters.restype = ctypes.POINTER(_XSyncSystemCounter)
        xext.XSyncListSystemCounters.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
        xext.XSyncFreeSystemCounterList.argtypes = [ctypes.POINTER(_XSyncSystemCounter)]
        first, second = ctypes.c_int(), ctypes.c_int()
        if not (
            xext.XSyncQueryExtension(self._display, first, second)
            and xext.XSyncInitialize(self._display, first, second)
        ):
            return None
        count = ctypes.c_int()
        counters = xext.XSyncListSystemCounters(self._display, count)
        if not counters:
            return None
        try:
            found = [counters[i].counter for i in range(count.value) if counters[i].name == b"IDLETIME"]
        finally:
            xext.XSyncFreeSystemCounterList(counters)
        return found[0] if found else None

    def _alarms_came(self) -> None:
        """The connection is readable: alarm events (nothing else is asked for on it), or the end.

        At the end (the X server gone, as at logout) Xlib is not called again: its
        default handler for a broken connection ends the process, before the app
        could record what was under way. The source then answers None.
        """
        if self._alarm_fd is not None and _closed_by_peer(self._alarm_fd):
            LOG.info("idle time: the X server closed the connection")
            self._stop_reading()
            self._display = None  # nothing more may be asked of Xlib on it
            return
        if self._drain(None):
            self._on_change()

    def _stop_reading(self) -> None:
        if self._alarm_fd is not None:
            with contextlib.suppress(RuntimeError):  # the loop is already gone
                asyncio.get_running_loop().remove_reader(self._alarm_fd)
            self._alarm_fd = None

    def _drain(self, mode: int | None) -> int:
        """Read and drop the queued events; ``mode`` None reads the socket too. Returns how many."""
        if not self._display:
            return 0
        pending = self._x11.XPending if mode is None else lambda d: self._x11.XEventsQueued(d, mode)
        drained = 0
        while pending(self._display):
            self._x11.XNextEvent(self._display, self._event)
            drained += 1
        return drained

    def close(self) -> None:
        self._stop_reading()
        if self._display:
            if getattr(self, "_info", None):
                self._x11.XFree(self._info)
            self._x11.XCloseDisplay(self._display)
            self._display = None


def _closed_by_peer(fd: int) -> bool:
    """Whether the other end closed the socket: a peek that reads nothing (no data is taken)."""
    with socket.socket(fileno=os.dup(fd)) as peek:
        try:
            return peek.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False
        except OSError:
            return True
