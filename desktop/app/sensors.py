"""What the break policy needs to know about the person and the desktop, in one place.

Each reading comes from an optional platform adapter; a missing adapter
reads as "unknown" (None), which the tray treats as "present, not quiet".
"""

from __future__ import annotations

import logging

log = logging.getLogger("upright.platform")


class Sensors:
    def __init__(self):
        from desktop.platform.idle import pick_idle_source
        from desktop.platform.sleep_watch import ClockGapDetector

        self.idle = pick_idle_source()
        self.sleep = ClockGapDetector()

    def idle_seconds(self) -> float | None:
        return self.idle.idle_seconds()

    def slept_seconds(self) -> float | None:
        """Seconds the machine slept since the last look, when it did."""
        return self.sleep.check()

    def quiet(self) -> dict[str, bool]:
        """Full screen, do-not-disturb and calls, as far as this desktop tells."""
        from desktop.platform.quiet import dnd_active, fullscreen_active, in_call

        return {"fullscreen": bool(fullscreen_active()), "dnd": bool(dnd_active()), "call": bool(in_call())}

    def close(self) -> None:
        close = getattr(self.idle, "close", None)
        if close is not None:
            close()
