"""One parametric figure: a side-view skeleton whose poses are plain numbers.

Every illustration is this same figure in a different pose, so line weight
and proportions match across exercises by construction, poses are data
(``assets/catalog/poses.toml``) rather than drawings, and any two poses can
be blended for animation. Nothing here knows how to paint: the UI turns a
``Scene`` (points in figure units) into pixels, and tests check geometry.

Conventions, chosen so a pose reads like a description of the body:

* Figure units: x runs right from 0 to ``BOX_W``; y runs *up* from the floor
  (y = 0). The picture box spans ``BOX_BOTTOM``..``BOX_BOTTOM + BOX_H``.
* Angles are absolute degrees, counter-clockwise from pointing right
  (0 = right, 90 = up, -90 = down), so a thigh pointing at the floor is -90
  whatever the torso does. Blending is linear on the numbers, never "the
  short way round": writing 270 instead of -90 chooses the direction.
* Limbs come in pairs ``(near, far)``: near is drawn in front, far in a
  lighter tone behind the body. The face is clockwise of the trunk, so the
  near limbs are the person's right ones. The other side is shown either by
  swapping near and far limbs (``Pose.swapped``: the head stays put, as
  alternating legs need) or by mirroring the picture (lying on the other side).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from desktop.core.figure_props import Arrow, PlacedProp, Point, Prop
from desktop.core.skeleton import BONES, BOX_W, HEAD_R, LIMB_FIELDS, SIDES, Pose, ahead

MIN_ARROW = 0.2  # short joint paths still get an arrow this long, so the cue reads
SWAP_TOLERANCE = 5.0  # degrees: a limb that moves less than this between keyframes is only resting


@dataclass(frozen=True)
class Scene:
    """A resolved picture: joints, placed props and the arrow curve (start, control, end)."""

    joints: Mapping[str, Point]
    props: tuple[PlacedProp, ...]
    arrow: tuple[Point, Point, Point] | None
    arrow_both: bool
    floor: bool
    mirrored: bool = False

    def mirrored_copy(self) -> Scene:
        """The picture flipped left to right: the same movement on the body's other side."""

        def flip(p: Point) -> Point:
            return (BOX_W - p[0], p[1])

        return Scene(
            {k: flip(p) for k, p in self.joints.items()},
            tuple(
                replace(p, centre=flip(p.centre), angle=-p.angle, mirrored=not p.mirrored) for p in self.props
            ),
            (flip(self.arrow[0]), flip(self.arrow[1]), flip(self.arrow[2])) if self.arrow else None,
            self.arrow_both,
            self.floor,
            not self.mirrored,
        )


def _place(prop: Prop, pose: Pose, joints: Mapping[str, Point]) -> PlacedProp:
    if prop.attach is None:
        return PlacedProp(prop.kind, prop.at, prop.size, prop.turn, prop.layer, False)
    start = next(a for bone, a, _ in BONES if bone == prop.attach)
    angle = pose.bone_angle(prop.attach)
    along = ahead(joints[start], angle, prop.at[0])
    return PlacedProp(
        prop.kind, ahead(along, angle + 90, prop.at[1]), prop.size, angle + prop.turn, prop.layer, False
    )


OtherSide = Literal["swap", "mirror"]


def _other_limb(joint: str) -> str:
    name, _, side = joint.partition(".")
    return f"{name}.{SIDES[1 - SIDES.index(side)]}" if side else joint


@dataclass(frozen=True)
class ExerciseArt:
    """One exercise's illustration: keyframes (start ... end), props, an arrow, a view.

    ``phases`` names, for each tempo phase, the keyframe the body is at or moves to while
    that phase runs (``{"lean-back": "lean back", "hold": "lean back", "return": "tall"}``),
    so the figure shows what the phase word on screen says. ``other_side`` is how the other
    side is shown: "swap" exchanges the near and far limbs (the head stays where it is),
    "mirror" flips the whole picture (lying on the other side).
    """

    keyframes: tuple[Pose, ...]
    names: tuple[str, ...]
    props: tuple[Prop, ...] = ()
    arrow: Arrow | None = None
    view: Literal["side", "above"] = "side"  # "above": lying seen from the ceiling, no floor line
    stay: bool = False  # a position to settle into: a session moves there once and stays
    pace: Mapping[str, float] = field(default_factory=dict)  # go/hold/back/rest seconds without a tempo
    pins: tuple[str, ...] = ()  # joints that travel in a straight line (planted hands, feet, shoulders)
    phases: Mapping[str, str] = field(default_factory=dict)  # tempo phase -> keyframe name
    other_side: OtherSide = "swap"
    start: str = ""  # the keyframe a set starts from (the setup position); "" is the first

    @property
    def start_position(self) -> float:
        """Where a set starts and what a still shows: the ``start`` keyframe, or the first."""
        return float(self.names.index(self.start)) if self.start in self.names else 0.0

    @property
    def working_limbs(self) -> tuple[str, ...]:
        """The limbs ("arm", "leg") that move between keyframes: the ones the other side swaps.

        Arms that only rest (supine marching) stay as they are when the legs change over.
        """
        moving = []
        for limb, names in LIMB_FIELDS.items():
            first = self.keyframes[0]
            if any(
                abs(a - b) > SWAP_TOLERANCE
                for pose in self.keyframes[1:]
                for name in names
                for a, b in zip(getattr(first, name), getattr(pose, name), strict=True)
            ):
                moving.append(limb)
        return tuple(moving)

    def keyframe_for(self, phase: str) -> float | None:
        """The position (keyframe index) that ``phase`` moves to, or None when the art does not know it."""
        name = self.phases.get(phase, phase)
        return float(self.names.index(name)) if name in self.names else None

    def pose_at(self, position: float, swapped: bool = False) -> Pose:
        """``position`` 0 is the first keyframe, ``len - 1`` the last; in between blends.

        ``swapped``: the far limbs do what the near limbs do in the data (the other side).
        """
        last = len(self.keyframes) - 1
        position = min(max(position, 0.0), float(last))
        n = min(int(position), last - 1)
        a, b, t = self.keyframes[n], self.keyframes[n + 1], position - n
        if t in (0.0, 1.0):
            pose = a if t == 0.0 else b
        else:
            pose = a.blend(b, t)
            for joint in self.pins:
                (ax, ay), (bx, by) = a.joints()[joint], b.joints()[joint]
                pose = pose.pinned(joint, (ax + (bx - ax) * t, ay + (by - ay) * t))
        return pose.swapped(self.working_limbs) if swapped else pose

    def pose_between(
        self, start: float, end: float, t: float, swapped_from: bool = False, swapped: bool = False
    ) -> Pose:
        """The body ``t`` (0..1) of the way from position ``start`` to ``end``.

        On one side the path runs through every keyframe in between (``pose_at``); when the
        working limb changes over (alternating reps) the previous limb's pose blends into this one.
        """
        here = self.pose_at(start + (end - start) * t, swapped)
        if swapped_from == swapped or t >= 1.0:
            return here
        return self.pose_at(start, swapped_from).blend(here, t)

    def arrow_curve(self, swapped: bool = False) -> tuple[Point, Point, Point] | None:
        if self.arrow is None:
            return None
        a, dx, dy = self.arrow, *self.arrow.offset
        joint = _other_limb(a.joint) if swapped else a.joint
        first, last = (
            k.swapped(self.working_limbs) if swapped else k for k in (self.keyframes[0], self.keyframes[-1])
        )
        p0, p1 = first.joints()[joint], last.joints()[joint]
        mid = ((p0[0] + p1[0]) / 2 + dx, (p0[1] + p1[1]) / 2 + dy)
        chord = math.dist(p0, p1)
        heading = math.degrees(math.atan2(p1[1] - p0[1], p1[0] - p0[0]))
        length = max(chord, MIN_ARROW)
        start, end = ahead(mid, heading + 180, length / 2), ahead(mid, heading, length / 2)
        return start, ahead(mid, heading + 90, a.bend * length), end

    def scene(self, position: float, mirrored: bool = False, swapped: bool = False) -> Scene:
        """The still picture at ``position``; see ``scene_of`` for a pose in motion."""
        return self.scene_of(self.pose_at(position, swapped), mirrored, swapped)

    def scene_of(self, pose: Pose, mirrored: bool = False, swapped: bool = False) -> Scene:
        joints = pose.joints()
        scene = Scene(
            joints,
            tuple(_place(p, pose, joints) for p in self.props),
            self.arrow_curve(swapped),
            bool(self.arrow and self.arrow.both),
            self.view == "side",
        )
        return scene.mirrored_copy() if mirrored else scene

    @property
    def end(self) -> float:
        return float(len(self.keyframes) - 1)

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) around every keyframe, prop and the arrow.

        A view that shows one exercise at a time zooms to this rather than to the whole
        picture box, so a figure lying on the floor fills the panel as well as a standing one.
        """
        xs: list[float] = []
        ys: list[float] = []

        def add(p: Point, pad_x: float, pad_y: float | None = None) -> None:
            xs.extend((p[0] - pad_x, p[0] + pad_x))
            ys.extend(
                (p[1] - (pad_x if pad_y is None else pad_y), p[1] + (pad_x if pad_y is None else pad_y))
            )

        swaps = (False, True) if self.other_side == "swap" else (False,)
        for n, swapped in ((n, s) for n in range(len(self.keyframes)) for s in swaps):
            scene = self.scene(float(n), swapped=swapped)
            for point in scene.joints.values():
                add(point, HEAD_R)
            for prop in scene.props:
                (w, h), c, s = (
                    prop.size,
                    abs(math.cos(math.radians(prop.angle))),
                    abs(math.sin(math.radians(prop.angle))),
                )
                add(prop.centre, (w * c + h * s) / 2, (w * s + h * c) / 2)
        for swapped in swaps:
            for point in self.arrow_curve(swapped) or ():
                add(point, 0.06)  # the arrow head
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class PoseBook:
    """Every illustration by id, as validated from ``poses.toml``.

    An exercise's own art has the exercise's id. ``ladders`` gives, for an exercise whose
    ladder steps differ in position or equipment, the art id of each rung (easiest first).
    """

    arts: Mapping[str, ExerciseArt]
    ladders: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def get(self, exercise_id: str, rung: int | None = None) -> ExerciseArt | None:
        """The art of ``exercise_id`` at ladder ``rung`` (0 = easiest, clamped to the top one,
        as ``Exercise.rung`` does); the exercise's own art without a rung or a ladder."""
        ladder = self.ladders.get(exercise_id)
        if rung is not None and ladder:
            return self.arts.get(ladder[max(0, min(rung, len(ladder) - 1))])
        return self.arts.get(exercise_id)

    def __contains__(self, exercise_id: str) -> bool:
        return exercise_id in self.arts

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-able values, for the cache of validated content (see ``pose_data``)."""
        from desktop.core.pose_data import book_to_data

        return book_to_data(self)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> PoseBook:
        """The inverse of ``to_data``, for data that was already validated."""
        from desktop.core.pose_data import book_from_data

        return book_from_data(data)
