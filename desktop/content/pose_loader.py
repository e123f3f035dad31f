"""Load ``poses.toml``, the illustration of every exercise, into a ``PoseBook``.

The schema refuses unknown keys, joints, bones and prop kinds, and names
each problem by its path in the file (``poses["cat-cow"].keyframes[1].hip``)
so a pose typo is found at start-up rather than as a strange drawing.

The pictures must move as the words say: every tempo phase the shipped
exercises and routines name (``exercises.toml``, its ladder steps, and
``routines.toml`` in the same folder) must lead to a keyframe of the art
drawn for it, or loading fails naming the exercise and the phase.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from desktop.content.catalog_cache import POSES_FILE
from desktop.content.errors import ContentError, describe_validation_error
from desktop.core.figure import ExerciseArt, PoseBook
from desktop.core.figure_props import PROP_KINDS, Arrow, Prop
from desktop.core.pose_data import pose_from_data
from desktop.core.skeleton import BONES, BOX_BOTTOM, BOX_H, BOX_W, JOINTS, PINS

KebabId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)]
Angle = Annotated[float, Field(ge=-720, le=720)]
AnglePair = Annotated[list[Angle], Field(min_length=2, max_length=2)]
Point = Annotated[list[Annotated[float, Field(ge=-2, le=2)]], Field(min_length=2, max_length=2)]
Reach = Annotated[list[Annotated[float, Field(gt=0.05, le=1)]], Field(min_length=2, max_length=2)]
Seconds = Annotated[float, Field(ge=0, le=60)]
FLOOR_SLACK = 0.012  # a lying body may press this far into the floor line


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KeyframeFile(_Strict):
    name: Annotated[str, Field(max_length=40)] = ""
    hip: Point
    lumbar: Angle
    thorax: Angle
    neck: Angle
    arm: AnglePair
    forearm: AnglePair
    thigh: AnglePair
    shin: AnglePair
    foot: AnglePair
    arm_reach: Reach = [1.0, 1.0]
    leg_reach: Reach = [1.0, 1.0]
    gaze: Angle | None = None

    @field_validator("hip")
    @classmethod
    def _inside_the_box(cls, hip: list[float]) -> list[float]:
        if not (0 <= hip[0] <= BOX_W and BOX_BOTTOM <= hip[1] <= BOX_BOTTOM + BOX_H):
            raise ValueError(
                f"hip {hip} is outside the picture (x 0..{BOX_W}, y {BOX_BOTTOM}..{BOX_BOTTOM + BOX_H:g})"
            )
        return hip


class PropFile(_Strict):
    kind: Literal[PROP_KINDS]  # type: ignore[valid-type]  # built from the core's tuple
    at: Point
    size: Annotated[list[Annotated[float, Field(gt=0, le=2)]], Field(min_length=2, max_length=2)]
    attach: Literal[tuple(b for b, _, _ in BONES)] | None = None  # type: ignore[valid-type]
    turn: Angle = 0.0
    layer: Literal["back", "middle", "front"] = "back"


class ArrowFile(_Strict):
    joint: Literal[JOINTS]  # type: ignore[valid-type]
    bend: Annotated[float, Field(ge=-2, le=2)] = 0.0
    offset: Point = [0.0, 0.0]
    both: bool = False


class PaceFile(_Strict):
    go: Seconds | None = None
    hold: Seconds | None = None
    back: Seconds | None = None
    rest: Seconds | None = None


class ArtFile(_Strict):
    keyframes: Annotated[list[KeyframeFile], Field(min_length=2, max_length=8)]
    props: list[PropFile] = []
    arrow: ArrowFile | None = None
    view: Literal["side", "above"] = "side"
    stay: bool = False
    pace: PaceFile = PaceFile()
    pins: list[Literal[PINS]] = []  # type: ignore[valid-type]
    phases: dict[KebabId, Annotated[str, Field(max_length=40)]] = {}
    other_side: Literal["swap", "mirror"] = "swap"
    start: Annotated[str, Field(max_length=40)] = ""


class PosesFile(_Strict):
    poses: dict[KebabId, ArtFile] = Field(min_length=1)
    ladders: dict[KebabId, Annotated[list[KebabId], Field(min_length=1, max_length=12)]] = {}


def load_poses(folder: Path | None = None) -> PoseBook:
    """Read, validate and check ``poses.toml``; any problem raises ``ContentError`` listing all."""
    if folder is None:
        from desktop.assets import catalog_dir

        folder = catalog_dir()
    path = folder / POSES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ContentError(str(path), [str(exc)]) from exc
    try:
        parsed = PosesFile.model_validate(data)
    except ValidationError as exc:
        # Exercise ids are keys: poses.cat-cow.hip reads better as poses["cat-cow"].hip
        problems = [
            re.sub(r"^poses\.([^.\[:]+?)( \(name\))?(?=[.\[:])", r'poses["\1"]\2', p)
            for p in describe_validation_error(exc)
        ]
        raise ContentError(str(path), problems) from exc
    book = to_pose_book(parsed)
    problems = check(book) + check_tempos(book, shipped_tempos(folder))
    if problems:
        raise ContentError(str(path), problems)
    return book


def to_pose_book(parsed: PosesFile) -> PoseBook:
    return PoseBook(
        {
            exercise_id: ExerciseArt(
                keyframes=tuple(pose_from_data(k.model_dump(exclude={"name"})) for k in art.keyframes),
                names=tuple(k.name for k in art.keyframes),
                props=tuple(
                    Prop(p.kind, (p.at[0], p.at[1]), (p.size[0], p.size[1]), p.attach, p.turn, p.layer)
                    for p in art.props
                ),
                arrow=Arrow(
                    art.arrow.joint,
                    art.arrow.bend,
                    (art.arrow.offset[0], art.arrow.offset[1]),
                    art.arrow.both,
                )
                if art.arrow
                else None,
                view=art.view,
                stay=art.stay,
                pace=art.pace.model_dump(exclude_none=True),
                pins=tuple(art.pins),
                phases=dict(art.phases),
                other_side=art.other_side,
                start=art.start,
            )
            for exercise_id, art in parsed.poses.items()
        },
        {exercise_id: tuple(arts) for exercise_id, arts in parsed.ladders.items()},
    )


def check(book: PoseBook) -> list[str]:
    """What the schema cannot see: a movement that does not move, a body sunk into the floor."""
    problems = []
    for exercise_id, arts in book.ladders.items():
        problems += [
            f'ladders["{exercise_id}"][{n}]: there is no art "{art_id}" in poses'
            for n, art_id in enumerate(arts)
            if art_id not in book.arts
        ]
    for exercise_id, art in book.arts.items():
        where = f'poses["{exercise_id}"]'
        problems += [
            f'{where}.phases["{phase}"]: there is no keyframe named "{name}"'
            for phase, name in art.phases.items()
            if name not in art.names
        ]
        if art.start and art.start not in art.names:
            problems.append(f'{where}.start: there is no keyframe named "{art.start}"')
        if art.keyframes[0] == art.keyframes[-1]:
            problems.append(f"{where}.keyframes: the first and last keyframes are the same pose")
        if art.view != "side":
            continue
        for n, pose in enumerate(art.keyframes):
            low = pose.lowest()
            if low < -FLOOR_SLACK:
                problems.append(f"{where}.keyframes[{n}]: the body dips {-low:.3f} below the floor (y = 0)")
    return problems


# (exercise id, ladder step index or None for every step, phase name, where the tempo is written)
TempoUse = tuple[str, int | None, str, str]


def shipped_tempos(folder: Path) -> list[TempoUse]:
    """Every tempo phase named in ``exercises.toml`` and ``routines.toml`` beside ``poses.toml``.

    Read raw: the catalog loader validates these files; here only the phase names matter,
    and a file that is missing or broken is that loader's to report.
    """
    uses: list[TempoUse] = []

    def read(name: str) -> dict[str, Any]:
        try:
            return tomllib.loads((folder / name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return {}

    def phases(table: dict[str, Any]) -> list[str]:
        """Phase names of every tempo in ``table``'s dose tables (``dosage``, ``session_dose``...)."""
        found: list[str] = []
        for value in table.values():
            tempo = value.get("tempo") if isinstance(value, dict) else None
            if isinstance(tempo, dict):
                found += [str(k) for k in tempo if k not in found]
        return found

    for exercise in read("exercises.toml").get("exercise", []):
        eid = str(exercise.get("id", ""))
        uses += [(eid, None, p, "exercises.toml") for p in phases(exercise)]
        for n, step in enumerate(exercise.get("progressions", [])):
            uses += [(eid, n, p, f"exercises.toml, ladder step {n + 1}") for p in phases(step)]
    for routine in read("routines.toml").get("routine", []):
        for item in routine.get("items", []):
            where = f'routines.toml, routine "{routine.get("id", "")}"'
            uses += [(str(item.get("exercise", "")), None, p, where) for p in phases({"item": item})]
    return uses


def check_tempos(book: PoseBook, uses: list[TempoUse]) -> list[str]:
    """Each tempo phase must name a keyframe of every drawing it can play on."""
    problems = []
    for exercise_id, step, phase, where in uses:
        if exercise_id not in book:
            continue  # an exercise without art is reported by the catalog tests, not here
        ladder = book.ladders.get(exercise_id, ())
        art_ids = (
            [ladder[min(step, len(ladder) - 1)]] if step is not None and ladder else [exercise_id, *ladder]
        )
        for art_id in dict.fromkeys(art_ids):
            art = book.arts.get(art_id)
            if art is not None and art.keyframe_for(phase) is None:
                problems.append(
                    f'exercise "{exercise_id}" ({where}): tempo phase "{phase}" has no keyframe in '
                    f'poses["{art_id}"]; name a keyframe "{phase}" or add it to that art\'s phases'
                )
    return problems
