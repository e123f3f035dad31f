"""X11 idle time from the X server's MIT-SCREEN-SAVER extension, through libXss and ctypes.

ctypes rather than python-xlib keeps the dependency list short: libX11 and
libXss are on every X desktop, and the whole exchange is one request.
"""

from __future__ import annotations

import ctypes

from desktop.platform.idle import IdleUnavailable


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    ]


class X11Idle:
    """The X server's own input-idle counter (MIT-SCREEN-SAVER), read through libXss.

    One display connection is kept for the life of the source, because opening
    one per poll costs a round trip and a file descriptor each time. Like all
    Xlib use it must stay on one thread (the Qt main thread).
    """

    name = "x11"

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
        return self._info.contents.idle / 1000

    def close(self) -> None:
        if self._display:
            if getattr(self, "_info", None):
                self._x11.XFree(self._info)
            self._x11.XCloseDisplay(self._display)
            self._display = None
