"""Clocks the session engine can be driven by.

The engine only ever asks "what time is it" of an injected callable, so a
test can use ``FakeClock`` and ``upright run --speed 10`` can use a
``ScaledClock`` without the engine knowing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]  # seconds on a monotonic scale

monotonic: Clock = time.monotonic


class FakeClock:
    """A clock that moves only when told to: tests never sleep."""

    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


class ScaledClock:
    """Runs ``speed`` times faster than ``base``, from the moment it is made."""

    def __init__(self, base: Clock, speed: float):
        if not 0.1 <= speed <= 1000:
            raise ValueError(f"speed must be between 0.1 and 1000, not {speed}")
        self._base = base
        self._origin = base()
        self.speed = speed

    def __call__(self) -> float:
        return self._origin + (self._base() - self._origin) * self.speed

    def real_seconds(self, session_seconds: float) -> float:
        """How long to wait on the base clock for ``session_seconds`` to pass here."""
        return session_seconds / self.speed
