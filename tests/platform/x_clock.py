"""The X server's own clock, read through the timestamps of the events it sends.

An idle counter is "server time now minus the time of the last input". A test
that sleeps to watch it grow measures the test machine's load as much as the
adapter; reading both ends from the server instead gives exact bounds and
needs no wall time: the last pointer motion's timestamp from its
MotionNotify event, and "now" from the PropertyNotify event of a property
written on the root window.
"""

from __future__ import annotations

import ctypes

MOTION_NOTIFY, PROPERTY_NOTIFY = 6, 28
POINTER_MOTION_MASK, PROPERTY_CHANGE_MASK = 1 << 6, 1 << 22
PROP_MODE_REPLACE = 0


class _Event(ctypes.Structure):
    """The leading fields Xlib's event structures share, then room for the largest (XEvent is 24 longs)."""

    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        # XPropertyEvent: atom, time. XMotionEvent: root, subwindow, time.
        ("field_1", ctypes.c_ulong),
        ("field_2", ctypes.c_ulong),
        ("field_3", ctypes.c_ulong),
        ("rest", ctypes.c_long * 16),
    ]

    @property
    def time(self) -> int:
        return self.field_2 if self.type == PROPERTY_NOTIFY else self.field_3


class XServerClock:
    """Server timestamps (milliseconds) on ``display``: now, and the last pointer motion seen."""

    def __init__(self, display: str) -> None:
        x = self._x = ctypes.CDLL("libX11.so.6")
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XChangeProperty.argtypes = [
            *(ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong),
            *(ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int),
        ]
        x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x.XPending.argtypes = [ctypes.c_void_p]
        x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._display = x.XOpenDisplay(display.encode())
        assert self._display, f"cannot open X display {display}"
        self._root = x.XDefaultRootWindow(self._display)
        x.XSelectInput(self._display, self._root, POINTER_MOTION_MASK | PROPERTY_CHANGE_MASK)
        self._atom = x.XInternAtom(self._display, b"UPRIGHT_TEST_CLOCK", 0)
        self._string = x.XInternAtom(self._display, b"STRING", 0)
        self.moved_at: int | None = None  # the newest MotionNotify's time
        self._drain()  # the selection is in place before any motion the test makes

    def _drain(self) -> int | None:
        """Read every event the server has sent; the newest PropertyNotify's time, if any."""
        self._x.XSync(self._display, 0)  # a round trip: whatever the server sent is now queued
        stamped = None
        event = _Event()
        while self._x.XPending(self._display):
            self._x.XNextEvent(self._display, ctypes.byref(event))
            if event.type == MOTION_NOTIFY:
                self.moved_at = event.time
            elif event.type == PROPERTY_NOTIFY:
                stamped = event.time
        return stamped

    def now(self) -> int:
        """The server's time: write an empty property on the root window and read the event's stamp."""
        self._x.XChangeProperty(
            self._display, self._root, self._atom, self._string, 8, PROP_MODE_REPLACE, b"", 0
        )
        stamped = self._drain()
        assert stamped is not None, "the server sent no PropertyNotify"
        return stamped

    def last_motion(self) -> int:
        """The time of the newest pointer motion the server has reported."""
        self._drain()
        assert self.moved_at is not None, "the server reported no pointer motion"
        return self.moved_at

    def close(self) -> None:
        self._x.XCloseDisplay(self._display)
