"""Is there a screen to show windows on? Asked before Qt is, because Qt's answer is an abort.

Without a display Qt prints a page about the "xcb" plugin, suggests
installing libxcb-cursor0 (which is there and not the problem) and aborts
with a core dump. Upright checks first and says in one line what it needs.
The check is the same connection Qt would make: libxcb's ``xcb_connect``
(which also tries the X authority) for X11, the compositor's socket for Wayland.
"""

from __future__ import annotations

import ctypes
import os
import socket
from pathlib import Path

NEEDS = "Upright needs a graphical session: set DISPLAY or WAYLAND_DISPLAY, or QT_QPA_PLATFORM=offscreen"
# Platforms that draw without a windowing system, or that Qt is told to use and will report on itself.
_HEADLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay", "cocoa", "windows")


class NoDisplay(Exception):
    """There is nothing to show a window on; the message says what is needed."""


def require_display(environ: dict[str, str] | None = None) -> None:
    """Raise ``NoDisplay`` with a one-line message when no window could be shown."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip().lower()
    if platform.startswith(_HEADLESS):
        return
    wayland, x11 = env.get("WAYLAND_DISPLAY", ""), env.get("DISPLAY", "")
    if platform in ("", "wayland", "wayland-egl") and wayland and _wayland_reachable(wayland, env):
        return
    if platform in ("", "xcb") and x11:
        problem = _x11_problem(x11)
        if problem is None:
            return
        raise NoDisplay(f"{NEEDS} (DISPLAY={x11}: {problem})")
    if wayland:
        raise NoDisplay(f"{NEEDS} (WAYLAND_DISPLAY={wayland}: no compositor answers)")
    raise NoDisplay(NEEDS)


def _wayland_reachable(name: str, env: dict[str, str] | os._Environ[str]) -> bool:
    path = Path(name) if name.startswith("/") else Path(env.get("XDG_RUNTIME_DIR", "/nonexistent")) / name
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        try:
            probe.connect(str(path))
        except OSError:
            return False
    return True


def _x11_problem(display: str) -> str | None:
    """Why the X server named ``display`` cannot be used, or ``None`` when it can."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")  # by soname: find_library would run ldconfig, some 10 ms
    except OSError:
        return None  # Qt's xcb plugin cannot load either; let Qt say which library is missing
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        error = xcb.xcb_connection_has_error(connection)
    finally:
        xcb.xcb_disconnect(connection)
    return None if error == 0 else "no X server answers, or it refused the connection"
