"""Wakes the session engine at its next deadline with a precise single-shot timer.

Qt's default CoarseTimer fires a 1 s timer ~190 ms late here; PreciseTimer
single shots land within a few ms. Nothing repeats: after each wake-up the
engine says when it next needs one, so an idle or paused session costs no
wake-ups at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer


class DeadlineTimer(QObject):
    def __init__(self, clock, to_real: Callable[[float], float], on_due: Callable[[], None], parent=None):
        super().__init__(parent)
        self._clock = clock
        self._to_real = to_real
        self._on_due = on_due
        self._due: float | None = None
        self.lateness_s: list[float] = []  # engine seconds late, per wake-up (for benchmarks)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._fire)

    def wake_at(self, due: float | None) -> None:
        self._timer.stop()
        self._due = due
        if due is None:
            return
        delay = self._to_real(max(0.0, due - self._clock()))
        self._timer.start(max(0, math.ceil(delay * 1000)))

    def _fire(self) -> None:
        if self._due is not None:
            self.lateness_s.append(self._clock() - self._due)
        self._on_due()

    def stop(self) -> None:
        self._timer.stop()
        self._due = None
