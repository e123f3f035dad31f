"""The tempo timeline: at a given second, which pose to show and which side.

An illustration's movement is a pure function of elapsed seconds, so a
widget only has to ask "where are we now?" on each frame, tests step a fake
clock instead of sleeping, and a session can restart the timeline when a
step starts so the figure moves in time with the reps the engine counts.

One cycle is: rest at the start pose, go (start -> end through every
keyframe), hold at end range, back (end -> start). With a tempo the phases
come from it (first phase goes, last comes back, any between hold) and there
is no rest, so a cycle lasts exactly one paced rep.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.catalog import Dosage
from desktop.core.figure import ExerciseArt

# Seconds used when the dosage sets no tempo; poses.toml may override per exercise.
DEFAULT_PACE = {"go": 2.0, "hold": 1.0, "back": 2.0, "rest": 0.8}


def ease(t: float) -> float:
    """Slow out of one pose and slow into the next, as a controlled movement looks."""
    t = min(max(t, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * t)


@dataclass(frozen=True)
class Frame:
    position: float  # 0 = first keyframe ... keyframes - 1 = last; fractions blend
    mirrored: bool  # shown from the other side: the other limb is working
    phase: str  # rest | go | hold | back
    cycle: int  # how many whole cycles came before this one

    def keys(self) -> tuple[int, int, float]:
        """The two keyframes around ``position`` and the blend factor between them."""
        a = math.floor(self.position)
        t = self.position - a
        return (a, a, 0.0) if t == 0 else (a, a + 1, t)


@dataclass(frozen=True)
class Timeline:
    go_s: float
    hold_s: float
    back_s: float
    rest_s: float = 0.0
    keyframes: int = 2
    sides: str = "none"  # the exercise's sides: none | each | alternate
    side: str | None = None  # a session step's side: left/right stay put; None demonstrates both
    once: bool = False  # go to the end position and stay there (a held position in a session)
    at_start: bool = False  # stand still in the start position (getting ready, resting)

    @property
    def cycle_s(self) -> float:
        return self.rest_s + self.go_s + self.hold_s + self.back_s

    def _mirrored(self, cycle: int) -> bool:
        if self.side in ("left", "right"):
            return self.side == "right"
        if self.side == "none" or self.sides == "none":
            return False
        return cycle % 2 == 1  # alternate reps, or a demonstration of "each": one cycle per side

    def frame(self, elapsed: float) -> Frame:
        last = self.keyframes - 1
        elapsed = max(elapsed, 0.0)
        if self.at_start:
            return Frame(0.0, self._mirrored(0), "rest", 0)
        if self.once and elapsed >= self.rest_s + self.go_s:
            return Frame(float(last), self._mirrored(0), "hold", 0)
        cycle, t = divmod(elapsed, self.cycle_s) if self.cycle_s > 0 else (0, 0.0)
        mirrored = self._mirrored(int(cycle))
        for phase, length in (
            ("rest", self.rest_s),
            ("go", self.go_s),
            ("hold", self.hold_s),
            ("back", self.back_s),
        ):
            if t < length:
                break
            t -= length
        else:
            phase, t, length = "rest", 0.0, 1.0
        u = ease(t / length)
        position = {"rest": 0.0, "go": u * last, "hold": float(last), "back": (1 - u) * last}[phase]
        return Frame(position, mirrored, phase, int(cycle))

    @classmethod
    def still(cls, art: ExerciseArt, side: str | None = None) -> Timeline:
        """The start position held: nothing moves, so nothing repaints."""
        return cls(0.0, 0.0, 0.0, keyframes=len(art.keyframes), side=side, once=True, at_start=True)

    @classmethod
    def for_exercise(
        cls, art: ExerciseArt, dosage: Dosage | None = None, side: str | None = None, session: bool = False
    ) -> Timeline:
        """The timeline of ``art`` at ``dosage``'s tempo and hold; see the module docstring.

        ``session``: a session step is running. Positions meant to be held (``stay`` in the pose
        data, such as static back) then move into place once and stay, instead of looping.
        """
        dosage = dosage or Dosage()
        pace: Mapping[str, float] = {**DEFAULT_PACE, **(art.pace or {})}
        hold = dosage.hold_s.lo if dosage.hold_s is not None else None
        phases = list((dosage.tempo or {}).values())
        if phases:
            go, back = phases[0], phases[-1]
            middle = sum(phases[1:-1])
            timing = (go, middle or (hold or 0.0), back, 0.0)
        else:
            timing = (pace["go"], hold if hold is not None else pace["hold"], pace["back"], pace["rest"])
        return cls(
            *timing,
            keyframes=len(art.keyframes),
            sides=dosage.effective_sides,
            side=side,
            once=session and art.stay,
        )
