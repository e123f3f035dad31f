"""What the break policy needs to know about the person and the desktop, in one place.

Each reading comes from an optional platform adapter; a missing adapter
reads as "unknown" (None), which the tray treats as "present, not quiet".
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from desktop.core.breaks import BreakEvent, QuietReason

log = logging.getLogger("upright.platform")


class Sensors:
    def __init__(self):
        from desktop.platform.idle import pick_idle_source
        from desktop.platform.sleep_watch import ClockGapDetector

        self.idle = pick_idle_source()
        self.sleep = ClockGapDetector()
        self._logind = None

    async def watch_session(self, on_event: Callable[[BreakEvent], None]) -> bool:
        """Lock, unlock and resume from logind, where the system has it.

        Resume only wakes the tray at once; how long the machine slept still
        comes from the clock gap, which also works where logind's sleep signal
        arrives too late or not at all.
        """
        from desktop.platform.sleep_watch import LogindSleepWatch

        self._logind = LogindSleepWatch(
            lambda: None,
            lambda: on_event(BreakEvent.RESUME),
            on_lock=lambda: on_event(BreakEvent.LOCK),
            on_unlock=lambda: on_event(BreakEvent.UNLOCK),
        )
        return await self._logind.start()

    def idle_seconds(self) -> float | None:
        return self.idle.idle_seconds()

    def listen_idle(self, on_change: Callable[[], None]) -> float | None:
        """Have the idle source report changes itself; its threshold, or None where it must be polled."""
        return self.idle.listen(on_change)

    def slept_seconds(self) -> float | None:
        """Seconds the machine slept since the last look, when it did."""
        return self.sleep.check()

    def quiet(self) -> dict[QuietReason, bool]:
        """Full screen, do-not-disturb and calls, as far as this desktop tells."""
        from desktop.platform.quiet import dnd_active, fullscreen_active, in_call

        return {"fullscreen": bool(fullscreen_active()), "dnd": bool(dnd_active()), "call": bool(in_call())}

    def close(self) -> None:
        self.idle.close()
        if self._logind is not None:
            self._logind.close()
