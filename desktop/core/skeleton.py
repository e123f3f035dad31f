"""The figure's skeleton: segment lengths, bones and joints, and one pose of the body.

A pose is plain numbers (where the hip is, which way each segment points), so
poses can be written as data, blended for animation and pinned so a planted
hand or foot stays put. ``desktop.core.figure`` builds the pictures (props,
arrows, mirrored sides, keyframed exercises) on top of this; the conventions
(figure units, absolute angles, near and far limbs) are described there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any

from desktop.core.figure_props import Point

Pair = tuple[float, float]  # (near, far)

BOX_W = 1.6
BOX_H = 1.0
BOX_BOTTOM = -0.07

# Segment lengths in figure units (a standing figure is about 0.87 tall).
LENGTH = {
    "lumbar": 0.13,
    "thorax": 0.15,
    "neck": 0.088,
    "arm": 0.15,
    "forearm": 0.18,
    "thigh": 0.21,
    "shin": 0.2,
    "foot": 0.07,
}
HEAD_R = 0.064
LIMB_W = 0.044  # stroke width of arms and legs
TORSO_W = 0.088  # stroke width of the trunk; a lying body's centre line sits TORSO_W / 2 up

SIDES = ("near", "far")
LIMB_FIELDS = {"arm": ("arm", "forearm", "arm_reach"), "leg": ("thigh", "shin", "foot", "leg_reach")}
LIMBS = tuple(LIMB_FIELDS)
# Each bone: name, from joint, to joint. Limb joints are named "<joint>.<side>".
BONES = (
    ("lumbar", "hip", "waist"),
    ("thorax", "waist", "shoulder"),
    ("neck", "shoulder", "head"),
    *(
        (f"{bone}.{s}", a if bone in ("arm", "thigh") else f"{a}.{s}", f"{b}.{s}")
        for s in SIDES
        for bone, a, b in (
            ("arm", "shoulder", "elbow"),
            ("forearm", "elbow", "hand"),
            ("thigh", "hip", "knee"),
            ("shin", "knee", "ankle"),
            ("foot", "ankle", "toe"),
        )
    ),
)
JOINTS = (
    "hip",
    "waist",
    "shoulder",
    "head",
    "face",
    *(f"{j}.{s}" for s in SIDES for j in ("elbow", "hand", "knee", "ankle", "toe")),
)


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def ahead(p: Point, angle: float, length: float) -> Point:
    """The point ``length`` away from ``p`` at ``angle``: one bone's far end."""
    rad = math.radians(angle)
    return (p[0] + length * math.cos(rad), p[1] + length * math.sin(rad))


@dataclass(frozen=True)
class Pose:
    """The body at one instant: where the hip is and which way every segment points."""

    hip: Point
    lumbar: float  # hip -> waist
    thorax: float  # waist -> shoulders: two spine segments let backs round and arch
    neck: float  # shoulders -> head centre
    arm: Pair
    forearm: Pair
    thigh: Pair
    shin: Pair
    foot: Pair
    # The length of a limb as seen, as a fraction: below 1 where it points at the viewer (an arm
    # opening towards the ceiling, a knee turned out to cross an ankle over the other knee).
    arm_reach: Pair = (1.0, 1.0)
    leg_reach: Pair = (1.0, 1.0)
    gaze: float | None = None  # which way the face looks; None: square to the neck (neck - 90)

    @property
    def gaze_angle(self) -> float:
        return self.neck - 90 if self.gaze is None else self.gaze

    def blend(self, other: Pose, t: float) -> Pose:
        """``self`` at t=0, ``other`` at t=1, every number linearly in between."""
        both_square = self.gaze is None and other.gaze is None
        values: dict[str, Any] = {
            "gaze": None if both_square else _lerp(self.gaze_angle, other.gaze_angle, t)
        }
        for f in fields(self):
            if f.name == "gaze":
                continue
            a, b = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = (
                tuple(_lerp(x, y, t) for x, y in zip(a, b, strict=False))
                if isinstance(a, tuple)
                else _lerp(a, b, t)
            )
        return Pose(**values)

    def joints(self) -> dict[str, Point]:
        """Forward kinematics: every joint's position in figure units."""
        at = {"hip": self.hip}
        at["waist"] = ahead(at["hip"], self.lumbar, LENGTH["lumbar"])
        at["shoulder"] = ahead(at["waist"], self.thorax, LENGTH["thorax"])
        at["head"] = ahead(at["shoulder"], self.neck, LENGTH["neck"])
        at["face"] = ahead(at["head"], self.gaze_angle, HEAD_R)  # the front of the head
        for n, side in enumerate(SIDES):
            arm, leg = self.arm_reach[n], self.leg_reach[n]
            at[f"elbow.{side}"] = ahead(at["shoulder"], self.arm[n], LENGTH["arm"] * arm)
            at[f"hand.{side}"] = ahead(at[f"elbow.{side}"], self.forearm[n], LENGTH["forearm"] * arm)
            at[f"knee.{side}"] = ahead(at["hip"], self.thigh[n], LENGTH["thigh"] * leg)
            at[f"ankle.{side}"] = ahead(at[f"knee.{side}"], self.shin[n], LENGTH["shin"] * leg)
            at[f"toe.{side}"] = ahead(at[f"ankle.{side}"], self.foot[n], LENGTH["foot"] * leg)
        return at

    def swapped(self, limbs: tuple[str, ...] = LIMBS) -> Pose:
        """The same pose with near and far ``limbs`` ("arm", "leg") exchanged: the other arm or
        leg does the work.

        Alternating sides use this instead of mirroring, so the head and trunk stay put and
        only the limbs change over.
        """
        names = [name for limb in limbs for name in LIMB_FIELDS[limb]]
        pairs: dict[str, Any] = {name: tuple(reversed(getattr(self, name))) for name in names}
        return replace(self, **pairs)

    def bone_angle(self, bone: str) -> float:
        name, _, side = bone.partition(".")
        value = getattr(self, name)
        return float(value[SIDES.index(side)] if side else value)

    def with_angle(self, bone: str, angle: float) -> Pose:
        name, _, side = bone.partition(".")
        change: dict[str, Any] = {name: angle}
        if side:
            pair = list(getattr(self, name))
            pair[SIDES.index(side)] = angle
            change[name] = tuple(pair)
        return replace(self, **change)

    def pinned(self, joint: str, target: Point) -> Pose:
        """This pose with the chain ending at ``joint`` bent so the joint lands on ``target``.

        Blending angles moves a planted hand or foot off its spot mid-way; pinning puts it
        back, bending the elbow (knee, waist) to the same side as before.
        """
        name, _, side = joint.partition(".")
        root, first, second = PIN_CHAINS[name]
        if side:
            first, second = f"{first}.{side}", f"{second}.{side}"
        at = self.joints()
        reach = {"arm": self.arm_reach, "thigh": self.leg_reach}.get(first.partition(".")[0], (1.0, 1.0))
        scale = reach[SIDES.index(side)] if side else 1.0
        a, b = (LENGTH[bone.partition(".")[0]] * scale for bone in (first, second))
        mid = next(to for bone, _, to in BONES if bone == first)
        angle1, angle2 = _two_bones(at[root], at[mid], target, a, b)
        return self.with_angle(first, angle1).with_angle(second, angle2)

    def lowest(self) -> float:
        """The lowest y any part of the drawn body reaches (strokes and head included)."""
        at = self.joints()
        low = at["head"][1] - HEAD_R
        for bone, a, b in BONES:
            half = (TORSO_W if bone in ("lumbar", "thorax") else LIMB_W) / 2
            low = min(low, at[a][1] - half, at[b][1] - half)
        return low


# A pinnable joint -> the chain that reaches it: root joint, first bone, second bone.
PIN_CHAINS = {
    "hand": ("shoulder", "arm", "forearm"),
    "ankle": ("hip", "thigh", "shin"),
    "shoulder": ("hip", "lumbar", "thorax"),
}
PINS = ("shoulder", *(f"{j}.{s}" for s in SIDES for j in ("hand", "ankle")))


def _two_bones(root: Point, mid: Point, target: Point, a: float, b: float) -> tuple[float, float]:
    """Angles of two bones (lengths a, b) from ``root`` to ``target``, bending toward ``mid``'s side."""
    dx, dy = target[0] - root[0], target[1] - root[1]
    d = min(max(math.hypot(dx, dy), abs(a - b) + 1e-9), a + b - 1e-9)
    base = math.degrees(math.atan2(dy, dx))
    cos_a = (a * a + d * d - b * b) / (2 * a * d)
    bend = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    side = (mid[0] - root[0]) * dy - (mid[1] - root[1]) * dx  # > 0: mid lies right of root -> target
    first = base - bend if side > 0 else base + bend
    elbow = ahead(root, first, a)
    return first, math.degrees(math.atan2(target[1] - elbow[1], target[0] - elbow[0]))
