"""The pydantic schema of catalog and routine files.

Unknown keys are refused everywhere (``extra="forbid"``) so a typo such as
``rest_sec`` is reported instead of silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

KebabId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
SeedName = Annotated[str, StringConstraints(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")]

# strict: a number must be written as a number; "10" or true is a mistake to report, not to guess at.
PositiveNumber = Annotated[float, Field(gt=0, le=24 * 3600, strict=True)]
Count = Annotated[int, Field(ge=1, le=200, strict=True)]


def _check_span(value):
    """A ``[min, max]`` pair must be ascending; a bare number stands for itself."""
    if isinstance(value, list) and value[0] > value[1]:
        raise ValueError(f"range [{value[0]}, {value[1]}] must be [min, max] with min <= max")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


CountOrRange = Count | Annotated[list[Count], Field(min_length=2, max_length=2)]
SecondsOrRange = PositiveNumber | Annotated[list[PositiveNumber], Field(min_length=2, max_length=2)]


class DosageFile(_Strict):
    sets: CountOrRange | None = None
    reps: CountOrRange | None = None
    hold_s: SecondsOrRange | None = None
    duration_s: SecondsOrRange | None = None
    per_day: CountOrRange | None = None
    per_week: CountOrRange | None = None
    rest_s: SecondsOrRange | None = None
    tempo: dict[KebabId, Annotated[float, Field(gt=0, le=60, strict=True)]] | None = Field(
        default=None, min_length=1, max_length=6
    )
    sides: Literal["none", "each", "alternate"] | None = None

    _spans = field_validator("sets", "reps", "hold_s", "duration_s", "per_day", "per_week", "rest_s")(
        _check_span
    )


class LoadFile(_Strict):
    start: Annotated[float, Field(ge=0, le=500, strict=True)]
    max: Annotated[float, Field(gt=0, le=500, strict=True)]
    unit: Literal["lb", "kg"]

    @model_validator(mode="after")
    def _start_within_max(self):
        if self.start > self.max:
            raise ValueError(f"load start {self.start} is above its max {self.max}")
        return self


def _check_cues(value: dict[str, list[str]] | None, required: tuple[str, ...]) -> dict[str, list[str]] | None:
    if value is None:
        return value
    missing = [m for m in required if m not in value]
    if missing:
        raise ValueError(f"cues need the moment(s) {', '.join(missing)}")
    return value


# Moment -> cues, in the author's order: setup, work, switch or a tempo phase name (see core/cues.py).
CueMoments = Annotated[
    dict[KebabId, Annotated[list[Text], Field(min_length=1, max_length=6)]], Field(max_length=12)
]


class ProgressionFile(_Strict):
    name: Text
    dosage: DosageFile
    notes: Annotated[str, StringConstraints(strip_whitespace=True, max_length=400)] = ""
    load: LoadFile | None = None
    cues: CueMoments | None = None  # where this step is done differently: its own words
    equipment: list[KebabId] | None = None


class ExerciseFile(_Strict):
    id: KebabId
    name: Text
    sources: Annotated[list[SeedName], Field(min_length=1)]
    position: Literal["standing", "supine", "prone", "side-lying", "all-fours", "kneeling", "seated"]
    equipment: list[KebabId] = []
    why: Annotated[list[Text], Field(min_length=1)]
    cautions: list[Text] = []
    dosage: DosageFile
    session_dose: DosageFile | None = None  # what a session runs where the seed gives no number
    load: LoadFile | None = None
    cues: CueMoments
    progressions: list[ProgressionFile] = []

    @field_validator("cues")
    @classmethod
    def _setup_and_work(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _check_cues(value, ("setup", "work"))  # type: ignore[return-value]

    @model_validator(mode="after")
    def _phases_have_cues(self):
        """Every tempo phase the catalog names is described, so the screen never shows a
        phase word without words for it; and a session always has something to count."""
        problems = []
        doses = [("dosage", self.dosage), ("session_dose", self.session_dose)]
        doses += [(f"progressions[{n}].dosage", p.dosage) for n, p in enumerate(self.progressions)]
        for n, (where, dose) in enumerate(doses):
            own = self.progressions[n - 2].cues if n >= 2 else None
            for phase in (dose.tempo or {}) if dose else {}:
                if phase not in self.cues and not (own and phase in own):
                    problems.append(f'{where}: tempo phase "{phase}" has no cues')
        runnable = ("reps", "hold_s", "duration_s")
        if not any(getattr(d, k) is not None for _, d in doses[:2] if d for k in runnable):
            problems.append("needs reps, hold_s or duration_s in dosage or session_dose")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class RoutineItemFile(DosageFile):
    """A routine entry: the exercise id plus any dosage key to override."""

    exercise: KebabId
    per_day: None = None  # how often to do a routine is a property of the plan, not of one item
    per_week: None = None


class RoutineFile(_Strict):
    id: KebabId
    name: Text
    description: Text
    sources: list[SeedName] = []
    items: Annotated[list[RoutineItemFile], Field(min_length=1, max_length=100)]


class SafetyFlagFile(_Strict):
    """A red flag; ``exercises`` lists the cards it is shown on (none: shown before sessions only)."""

    id: KebabId
    title: Text
    advice: Text
    sources: Annotated[list[SeedName], Field(min_length=1)]
    exercises: list[KebabId] = []


class CatalogFile(_Strict):
    """The shipped catalog: ``exercises.toml`` + ``routines.toml`` + ``safety.toml``."""

    exercise: Annotated[list[ExerciseFile], Field(min_length=1)]
    routine: list[RoutineFile] = []
    safety: list[SafetyFlagFile] = []

    @model_validator(mode="after")
    def _references_resolve(self):
        problems = []
        seen: set[str] = set()
        for ex in self.exercise:
            if ex.id in seen:
                problems.append(f'duplicate exercise id "{ex.id}"')
            seen.add(ex.id)
        routine_ids: set[str] = set()
        for r in self.routine:
            if r.id in routine_ids:
                problems.append(f'duplicate routine id "{r.id}"')
            routine_ids.add(r.id)
            for n, item in enumerate(r.items):
                if item.exercise not in seen:
                    problems.append(f'routine "{r.id}" items[{n}]: unknown exercise "{item.exercise}"')
                    continue
                cues = next(e.cues for e in self.exercise if e.id == item.exercise)
                for phase in item.tempo or {}:
                    if phase not in cues:
                        problems.append(f'routine "{r.id}" items[{n}]: tempo phase "{phase}" has no cues')
        for flag in self.safety:
            for exercise_id in flag.exercises:
                if exercise_id not in seen:
                    problems.append(f'safety flag "{flag.id}": unknown exercise "{exercise_id}"')
        if problems:
            raise ValueError("; ".join(problems))
        return self
