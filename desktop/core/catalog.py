"""The exercise catalog as plain immutable values.

These types are what every other layer sees; the file format that produces
them (see ``desktop.content``) can change without touching the rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from desktop.core.cues import Cues

# A value in the JSON shape of the catalog and routine files (and of the cache).
Data = dict[str, Any]

Sides = Literal["none", "each", "alternate"]
Position = Literal["standing", "supine", "prone", "side-lying", "all-fours", "kneeling", "seated"]


@dataclass(frozen=True)
class Range:
    """A dose that may be a single number or an inclusive span such as 8-20 reps."""

    lo: float
    hi: float

    @classmethod
    def of(cls, value: float | tuple[float, float] | list[float]) -> Range:
        if isinstance(value, (list, tuple)):
            return cls(value[0], value[1])
        return cls(value, value)

    @property
    def is_single(self) -> bool:
        return self.lo == self.hi

    def to_data(self) -> float | list[float]:
        """The public form: a bare number when there is no span."""
        return _plain(self.lo) if self.is_single else [_plain(self.lo), _plain(self.hi)]


def _plain(x: float) -> float:
    return int(x) if float(x).is_integer() else x


class Tempo(Mapping[str, float]):
    """A paced rep's phases with their seconds, in the order they are done (``open``, ``close``).

    A dict would hold them, but two dicts with the same phases in another
    order compare equal, which let a routine whose phases had been sorted
    pass for the original. Here the order is part of the value: a reordered
    tempo is a different tempo to every comparison and test.
    """

    __slots__ = ("_phases",)

    def __init__(self, phases: Mapping[str, float] | Iterable[tuple[str, float]] = ()) -> None:
        self._phases: tuple[tuple[str, float], ...] = tuple(dict(phases).items())

    def __getitem__(self, phase: str) -> float:
        for name, seconds in self._phases:
            if name == phase:
                return seconds
        raise KeyError(phase)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._phases)

    def __len__(self) -> int:
        return len(self._phases)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return self._phases == tuple(other.items())

    def __hash__(self) -> int:
        return hash(self._phases)

    def __repr__(self) -> str:
        return f"Tempo({dict(self._phases)!r})"


@dataclass(frozen=True)
class Dosage:
    """How much of an exercise to do. ``None`` means the seed says nothing about it."""

    sets: Range | None = None
    reps: Range | None = None
    hold_s: Range | None = None
    duration_s: Range | None = None
    per_day: Range | None = None
    per_week: Range | None = None
    rest_s: Range | None = None
    tempo: Mapping[str, float] | None = None
    sides: Sides | None = None

    RANGE_KEYS = ("sets", "reps", "hold_s", "duration_s", "per_day", "per_week", "rest_s")

    def __post_init__(self) -> None:
        if self.tempo is not None and not isinstance(self.tempo, Tempo):
            object.__setattr__(self, "tempo", Tempo(self.tempo))

    @property
    def effective_sides(self) -> Sides:
        return self.sides or "none"

    def overridden(self, overrides: Dosage) -> Dosage:
        """This dosage with every key that ``overrides`` sets replaced."""
        values = {k: getattr(overrides, k) for k in (*self.RANGE_KEYS, "tempo", "sides")}
        return Dosage(**{k: (v if v is not None else getattr(self, k)) for k, v in values.items()})

    @classmethod
    def from_data(cls, data: Data) -> Dosage:
        """The inverse of ``to_data``, for data that was already validated."""
        ranges = {k: Range.of(data[k]) for k in cls.RANGE_KEYS if k in data}
        return cls(**ranges, tempo=dict(data["tempo"]) if "tempo" in data else None, sides=data.get("sides"))

    def to_data(self) -> Data:
        data: Data = {}
        for key in self.RANGE_KEYS:
            value = getattr(self, key)
            if value is not None:
                data[key] = value.to_data()
        if self.tempo is not None:
            data["tempo"] = {k: _plain(v) for k, v in self.tempo.items()}
        if self.sides is not None:
            data["sides"] = self.sides
        return data


@dataclass(frozen=True)
class Load:
    start: float
    max: float
    unit: Literal["lb", "kg"]

    def to_data(self) -> Data:
        return {"start": _plain(self.start), "max": _plain(self.max), "unit": self.unit}

    @classmethod
    def from_data(cls, data: Data | None) -> Load | None:
        return cls(data["start"], data["max"], data["unit"]) if data else None


@dataclass(frozen=True)
class Progression:
    """One rung of an exercise's ladder, easiest first.

    ``cues`` and ``equipment`` are set where the step is done differently
    (hands on hips instead of a backpack): the session then shows and says
    this step's words, not the exercise's.
    """

    name: str
    dosage: Dosage
    notes: str = ""
    load: Load | None = None
    cues: Cues | None = None
    equipment: tuple[str, ...] | None = None

    def to_data(self) -> Data:
        data: Data = {"name": self.name, "dosage": self.dosage.to_data(), "notes": self.notes}
        if self.load is not None:
            data["load"] = self.load.to_data()
        if self.cues is not None:
            data["cues"] = self.cues.to_data()
        if self.equipment is not None:
            data["equipment"] = list(self.equipment)
        return data

    @classmethod
    def from_data(cls, data: Data) -> Progression:
        return cls(
            data["name"],
            Dosage.from_data(data["dosage"]),
            data["notes"],
            Load.from_data(data.get("load")),
            Cues.from_data(data["cues"]) if "cues" in data else None,
            tuple(data["equipment"]) if "equipment" in data else None,
        )


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    sources: tuple[str, ...]
    position: Position
    equipment: tuple[str, ...]
    why: tuple[str, ...]
    cues: Cues
    cautions: tuple[str, ...]
    dosage: Dosage
    load: Load | None = None
    progressions: tuple[Progression, ...] = ()
    session_dose: Dosage = field(default_factory=Dosage)  # where the seed gives no number

    def rung(self, step: int) -> Progression | None:
        """The ladder rung at ``step`` (clamped to the top one); ``None`` without a ladder."""
        if not self.progressions:
            return None
        return self.progressions[max(0, min(step, len(self.progressions) - 1))]

    def cues_at(self, step: int | None) -> Cues:
        """The cues of the person's step on the ladder (the exercise's own without one)."""
        rung = self.rung(step) if step is not None else None
        return self.cues.with_overrides(rung.cues if rung else None)

    def equipment_at(self, step: int | None) -> tuple[str, ...]:
        rung = self.rung(step) if step is not None else None
        return rung.equipment if rung is not None and rung.equipment is not None else self.equipment

    @property
    def base_dosage(self) -> Dosage:
        """The catalog dosage with the session defaults filling what the seed leaves open,
        so an item added without a dose still has reps or seconds to run."""
        return self.session_dose.overridden(self.dosage)

    def to_data(self) -> Data:
        return {
            "id": self.id,
            "name": self.name,
            "sources": list(self.sources),
            "position": self.position,
            "equipment": list(self.equipment),
            "why": list(self.why),
            "cues": self.cues.to_data(),
            "cautions": list(self.cautions),
            "dosage": self.dosage.to_data(),
            "session_dose": self.session_dose.to_data(),
            "load": self.load.to_data() if self.load else None,
            "progressions": [p.to_data() for p in self.progressions],
        }

    @classmethod
    def from_data(cls, d: Data) -> Exercise:
        return cls(
            d["id"],
            d["name"],
            tuple(d["sources"]),
            d["position"],
            tuple(d["equipment"]),
            tuple(d["why"]),
            Cues.from_data(d["cues"]),
            tuple(d["cautions"]),
            Dosage.from_data(d["dosage"]),
            Load.from_data(d["load"]),
            tuple(Progression.from_data(p) for p in d["progressions"]),
            Dosage.from_data(d["session_dose"]),
        )


@dataclass(frozen=True)
class RoutineItem:
    """An exercise in a routine; ``overrides`` replaces parts of the catalog dosage."""

    exercise: str
    overrides: Dosage = field(default_factory=Dosage)

    def to_data(self) -> Data:
        return {"exercise": self.exercise, **self.overrides.to_data()}

    @classmethod
    def from_data(cls, data: Data) -> RoutineItem:
        return cls(data["exercise"], Dosage.from_data({k: v for k, v in data.items() if k != "exercise"}))


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    description: str
    sources: tuple[str, ...]
    items: tuple[RoutineItem, ...]

    def to_data(self) -> Data:
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "sources": list(self.sources),
            "items": [i.to_data() for i in self.items],
        }

    @classmethod
    def from_data(cls, d: Data) -> Routine:
        return cls(
            d["id"],
            d["name"],
            d["description"],
            tuple(d["sources"]),
            tuple(RoutineItem.from_data(i) for i in d["items"]),
        )


@dataclass(frozen=True)
class SafetyFlag:
    """A red flag from the seeds: when to stop, or see a professional first."""

    id: str
    title: str
    advice: str
    sources: tuple[str, ...]
    exercises: tuple[str, ...] = ()  # the cards it shows on; empty for general advice

    def to_data(self) -> Data:
        return {
            "id": self.id,
            "title": self.title,
            "advice": self.advice,
            "sources": list(self.sources),
            "exercises": list(self.exercises),
        }

    @classmethod
    def from_data(cls, d: Data) -> SafetyFlag:
        return cls(d["id"], d["title"], d["advice"], tuple(d["sources"]), tuple(d["exercises"]))


@dataclass(frozen=True)
class Source:
    """A seed article (``file``) and its title as the app shows it."""

    file: str
    title: str

    def to_data(self) -> Data:
        return {"file": self.file, "title": self.title}


@dataclass(frozen=True)
class Catalog:
    exercises: tuple[Exercise, ...]
    routines: tuple[Routine, ...]
    safety: tuple[SafetyFlag, ...] = ()
    sources: tuple[Source, ...] = ()
    _by_id: Mapping[str, Exercise] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({e.id: e for e in self.exercises}))

    def exercise(self, exercise_id: str) -> Exercise:
        return self._by_id[exercise_id]

    def routine(self, routine_id: str) -> Routine:
        for routine in self.routines:
            if routine.id == routine_id:
                return routine
        raise KeyError(routine_id)

    def source_title(self, file: str) -> str:
        """The article's title; a file the catalog gives no title for is named as it is."""
        return next((s.title for s in self.sources if s.file == file), file)

    def flags_for(self, exercise_id: str) -> tuple[SafetyFlag, ...]:
        return tuple(f for f in self.safety if exercise_id in f.exercises)

    def routines_with(self, exercise_id: str) -> tuple[Routine, ...]:
        return tuple(r for r in self.routines if any(i.exercise == exercise_id for i in r.items))

    def to_data(self) -> Data:
        """The public ``upright catalog --json`` shape."""
        return {
            "exercises": [e.to_data() for e in self.exercises],
            "routines": [r.to_data() for r in self.routines],
        }

    def to_cache(self) -> Data:
        return {
            **self.to_data(),
            "safety": [f.to_data() for f in self.safety],
            "sources": [s.to_data() for s in self.sources],
        }

    @classmethod
    def from_cache(cls, data: Data) -> Catalog:
        """Rebuild from ``to_cache`` output, which was validated when it was written."""
        return cls(
            tuple(Exercise.from_data(e) for e in data["exercises"]),
            tuple(Routine.from_data(r) for r in data["routines"]),
            tuple(SafetyFlag.from_data(f) for f in data["safety"]),
            tuple(Source(s["file"], s["title"]) for s in data.get("sources", [])),
        )
