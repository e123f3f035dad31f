"""How a test waits: for a condition, with a deadline; never for a guessed length of time.

A fixed sleep is too long on a quiet machine and too short on a loaded one,
so the suite is slow and flaky at once. What a test waits for is always
something it can look at: a signal, a task, a file another process writes,
a window on screen. Three ways, one for each kind of waiting:

- ``settle(qtbot)``: Qt has handled everything already posted (layout
  requests, repaints, queued signals, zero-delay timers); no time passes.
- ``await eventually(check, what)``: on a running asyncio (or qasync) loop,
  until ``check()`` holds, the loop working meanwhile.
- ``until(check, what)``: in plain code, for another process or thread.

The last two poll; the short pause between two looks is the only sleep the
suite has, and tests/test_no_fixed_waits.py keeps it that way.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")
POLL_S = 0.02  # between two looks at a condition; short beside any deadline
What = str | Callable[[], str]  # what was awaited; a function when the message is read at failure (a log)


def until(check: Callable[[], T], what: What, timeout_s: float = 30.0) -> T:
    """``check()``'s first true value; fails naming ``what`` after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            _fail(what, timeout_s)
        time.sleep(POLL_S)


async def eventually(check: Callable[[], T], what: What, timeout_s: float = 10.0) -> T:
    """``until`` on a running event loop, which runs meanwhile (qasync's runs Qt's events too)."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            _fail(what, timeout_s)
        await asyncio.sleep(POLL_S)


def _fail(what: What, timeout_s: float) -> None:
    pytest.fail(f"not within {timeout_s:g} s: {what if isinstance(what, str) else what()}")


def settle(qtbot) -> None:
    """Return once Qt has handled what was posted before this call, and what that posted in turn
    while being handled (a layout request that resizes a child, say): a marker posted behind it
    all must come round twice."""
    from PySide6.QtCore import QObject, QTimer, Signal

    class Marker(QObject):
        reached = Signal()

    marker = Marker()
    for _ in range(2):
        with qtbot.waitSignal(marker.reached, timeout=5000):
            QTimer.singleShot(0, marker.reached.emit)
