"""What the figure holds or lies on, and the arrow that shows its movement: plain values.

Kept beside ``figure.py`` (which places them on the body) so the kinds of equipment,
which the pose loader validates and the painter draws, are listed in one short place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Point = tuple[float, float]

PropKind = Literal[
    "wall",
    "backpack",
    "exercise-ball",
    "plyo-box",
    "ottoman",
    "tennis-ball",
    "foam-roller",
    "small-ball",
    "mat",
    "pillow",
    "ankle-weight",
]
PROP_KINDS: tuple[str, ...] = get_args(PropKind)
Layer = Literal["back", "middle", "front"]  # behind the far limbs, between far and near, in front


@dataclass(frozen=True)
class Prop:
    """Equipment. Placed in figure units, or riding on a bone so it moves with the body."""

    kind: str
    at: Point  # centre; on a bone: (distance along it from its start, distance to its left)
    size: Point  # width, height
    attach: str | None = None  # a bone name from BONES
    turn: float = 0.0  # degrees; on a bone, added to the bone's angle
    layer: Layer = "back"


@dataclass(frozen=True)
class PlacedProp:
    kind: str
    centre: Point
    size: Point
    angle: float  # degrees, counter-clockwise
    layer: Layer
    mirrored: bool  # draw the shape flipped left-right in its own frame


@dataclass(frozen=True)
class Arrow:
    """The motion cue: from where ``joint`` starts to where it ends, bowed by ``bend``."""

    joint: str
    bend: float = 0.0  # sagitta as a fraction of the chord; positive bows to the left of travel
    offset: Point = (0.0, 0.0)  # moves the arrow off the body
    both: bool = False  # two heads: a back-and-forth movement such as breathing
