"""The tempo timeline: at a given second, which pose to show, on which side, in which phase.

An illustration's movement is a pure function of elapsed seconds, so a
widget only has to ask "where are we now?" on each frame, tests step a fake
clock instead of sleeping, and a session can restart the timeline when a
step starts so the figure moves in time with the reps the engine counts.

One cycle is one rep: a list of beats, each a phase with its seconds and the
keyframe the body reaches by its end. With a tempo the beats are exactly the
tempo's phases in the author's order, each moving to the keyframe the art
names for it (``ExerciseArt.phases``), so the phase word on screen and the
picture agree at every instant. Without a tempo a cycle demonstrates the
movement: rest at the start, go to the end, hold, come back.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from desktop.core.catalog import Dosage, Sides
from desktop.core.figure import ExerciseArt, Scene
from desktop.core.plan import Side
from desktop.core.skeleton import Pose

# Seconds used when the dosage sets no tempo; poses.toml may override per exercise.
DEFAULT_PACE = {"go": 2.0, "hold": 1.0, "back": 2.0, "rest": 0.8}


def ease(t: float) -> float:
    """Slow out of one pose and slow into the next, as a controlled movement looks."""
    t = min(max(t, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * t)


@dataclass(frozen=True)
class Beat:
    """One phase of a rep: its name, its seconds, and the keyframe position reached at its end."""

    phase: str
    seconds: float
    target: float


@dataclass(frozen=True)
class Frame:
    """The figure at one instant: moving from position ``start`` to ``end``, ``t`` (eased) of the way.

    ``swapped``: the far limbs work (the other side of an alternating or one-sided exercise);
    ``swapped_from``: the same for the pose this beat started from (the previous rep's side).
    ``mirrored``: the whole picture is flipped (lying on the other side).
    """

    phase: str
    cycle: int
    start: float
    end: float
    t: float = 0.0
    mirrored: bool = False
    swapped: bool = False
    swapped_from: bool = False

    @property
    def position(self) -> float:
        """0 = first keyframe ... keyframes - 1 = last; fractions blend."""
        return self.start + (self.end - self.start) * self.t

    def pose(self, art: ExerciseArt) -> Pose:
        return art.pose_between(self.start, self.end, self.t, self.swapped_from, self.swapped)

    def scene(self, art: ExerciseArt) -> Scene:
        return art.scene_of(self.pose(art), self.mirrored, self.swapped)


def flip_for(side: Side | None, sides: Sides, cycle: int) -> bool:
    """Whether the far limb works (or the picture is flipped) in rep ``cycle``.

    The near limb drawn in front is the person's right one (the figure's face is always
    clockwise of its trunk), so a step on the left side, and the left reps of alternating
    sides (the session engine starts them on the left), flip. A demonstration (``side`` None)
    shows the near side first, then the other.
    """
    if side in ("left", "right"):
        return side == "left"
    if side == "alternate":
        return cycle % 2 == 0
    if side == "none" or sides == "none":
        return False
    return cycle % 2 == 1


@dataclass(frozen=True)
class Timeline:
    beats: tuple[Beat, ...]
    sides: Sides = "none"  # the exercise's
    side: Side | None = None  # a session step's; None demonstrates
    mirror: bool = False  # the other side flips the whole picture instead of swapping limbs
    once: bool = False  # go to the end position and stay there (a held position in a session)
    settle_beat: int = 0  # with ``once``: the beat that reaches the end position
    start: float = 0.0  # where the first rep starts: the art's setup position

    @property
    def settle_s(self) -> float:
        return sum(b.seconds for b in self.beats[: self.settle_beat + 1])

    @property
    def cycle_s(self) -> float:
        return sum(b.seconds for b in self.beats)

    def frame(self, elapsed: float) -> Frame:
        elapsed = max(elapsed, 0.0)
        if self.once and elapsed >= self.settle_s:
            target = self.beats[self.settle_beat].target
            return self._frame(self.settle_beat, 0, target, 1.0, "hold")
        cycle_s = self.cycle_s
        cycle, t = divmod(elapsed, cycle_s) if cycle_s > 0 else (0.0, 0.0)
        for n, beat in enumerate(self.beats):
            if t < beat.seconds:
                return self._frame(n, int(cycle), self._origin(n, int(cycle)), ease(t / beat.seconds))
            t -= beat.seconds
        return self._frame(len(self.beats) - 1, int(cycle), self.beats[-1].target, 1.0)

    def _origin(self, n: int, cycle: int) -> float:
        """Where beat ``n`` starts: the previous beat's end; the first rep starts at the start pose."""
        if n > 0:
            return self.beats[n - 1].target
        return self.start if cycle == 0 else self.beats[-1].target

    def _frame(self, n: int, cycle: int, start: float, t: float, phase: str | None = None) -> Frame:
        flip = flip_for(self.side, self.sides, cycle)
        before = flip_for(self.side, self.sides, cycle - 1) if n == 0 and cycle > 0 else flip
        beat = self.beats[n]
        return _sided(Frame(phase or beat.phase, cycle, start, beat.target, t), self.mirror, flip, before)

    @classmethod
    def for_exercise(
        cls, art: ExerciseArt, dosage: Dosage | None = None, side: Side | None = None, session: bool = False
    ) -> Timeline:
        """The timeline of ``art`` at ``dosage``'s tempo and hold; see the module docstring.

        ``session``: a session step is running. Positions meant to be held (``stay`` in the pose
        data, such as static back) then move into place once and stay, instead of looping.
        """
        dosage = dosage or Dosage()
        beats = tempo_beats(art, dosage.tempo) if dosage.tempo else pace_beats(art, dosage)
        end_at = next((n for n, b in enumerate(beats) if b.target == art.end), len(beats) - 1)
        return cls(
            beats,
            sides=dosage.effective_sides,
            side=side,
            mirror=art.other_side == "mirror",
            once=session and art.stay,
            settle_beat=end_at,
            start=art.start_position,
        )


def _sided(frame: Frame, mirror: bool, flip: bool, flip_before: bool) -> Frame:
    """``frame`` on the other side when ``flip``: the whole picture mirrored (lying on the other
    side) or the far limbs working, as the art says."""
    if mirror:
        return replace(frame, mirrored=flip)
    return replace(frame, swapped=flip, swapped_from=flip_before)


def start_frame(art: ExerciseArt, side: Side | None) -> Frame:
    """The still start position for a step on ``side``: exactly the first frame a session
    step on that side begins with (same pose, same mirroring or swapped limbs), so getting
    ready, resting and switching sides show the position the next set starts from."""
    flip = flip_for(side, "none", 0)
    start = art.start_position
    return _sided(Frame("still", 0, start, start, 0.0), art.other_side == "mirror", flip, flip)


def tempo_beats(art: ExerciseArt, tempo: Mapping[str, float]) -> tuple[Beat, ...]:
    """The tempo's phases in order, each moving to the keyframe the art names for it.

    A phase the art does not know (a name typed in a person's own routine) keeps the old
    rule of thumb: the first phase goes to the end position, the last comes back, any
    other holds where the body is.
    """
    beats: list[Beat] = []
    phases = list(tempo.items())
    for n, (phase, seconds) in enumerate(phases):
        target = art.keyframe_for(phase)
        if target is None:
            previous = beats[-1].target if beats else 0.0
            target = art.end if n == 0 else 0.0 if n == len(phases) - 1 else previous
        beats.append(Beat(phase, seconds, target))
    return tuple(beats)


def pace_beats(art: ExerciseArt, dosage: Dosage) -> tuple[Beat, ...]:
    """A demonstration cycle without a tempo: rest, go, hold (the dosage's hold if any), back."""
    pace: Mapping[str, float] = {**DEFAULT_PACE, **(art.pace or {})}
    hold = dosage.hold_s.lo if dosage.hold_s is not None else pace["hold"]
    return (
        Beat("rest", pace["rest"], art.start_position),
        Beat("go", pace["go"], art.end),
        Beat("hold", hold, art.end),
        Beat("back", pace["back"], 0.0),
    )
