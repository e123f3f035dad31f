"""The pydantic schema of catalog and routine files.

Unknown keys are refused everywhere (``extra="forbid"``) so a typo such as
``rest_sec`` is reported instead of silently ignored.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

# Direction overrides and isolates: they make text read differently from what it is.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters that draw nothing although Unicode does not file them as spaces or format characters.
_BLANK_LETTERS = frozenset("\u115f\u1160\u180e\u2800\u3164\uffa0")


def _shown_text(value: str) -> str:
    """Text a person will see: NFC, no control or escape characters, no bidi overrides, not blank.

    Escape sequences start with a control character (ESC, CSI), so refusing
    those refuses them; line and paragraph separators count as control here.
    """
    value = unicodedata.normalize("NFC", value)
    for ch in value:
        if ch in _BIDI:
            raise ValueError(f"must not contain the direction override U+{ord(ch):04X}")
        if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp"):
            raise ValueError(f"must not contain the control character U+{ord(ch):04X}")
    if not any(_visible(ch) for ch in value):
        raise ValueError("must have at least one visible character")
    return value


def _visible(ch: str) -> bool:
    return unicodedata.category(ch)[0] not in "CZ" and ch not in _BLANK_LETTERS


KebabId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400), AfterValidator(_shown_text)
]
SeedName = Annotated[str, StringConstraints(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")]

# strict: a number must be written as a number; "10" or true is a mistake to report, not to guess at.
# Physical minimums: no set, hold or rest is shorter than a second, no tempo phase than half of one.
MIN_SECONDS = 1
MIN_PHASE_S = 0.5
PositiveNumber = Annotated[float, Field(ge=MIN_SECONDS, le=24 * 3600, strict=True)]
Count = Annotated[int, Field(ge=1, le=200, strict=True)]


def _check_span(value: Any) -> Any:
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
    tempo: dict[KebabId, Annotated[float, Field(ge=MIN_PHASE_S, le=60, strict=True)]] | None = Field(
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
    def _start_within_max(self) -> LoadFile:
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

    @field_validator("notes")
    @classmethod
    def _notes_shown(cls, value: str) -> str:
        return _shown_text(value) if value else value

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
    def _phases_have_cues(self) -> ExerciseFile:
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


class SourceFile(_Strict):
    """A seed article and the title a person knows it by."""

    file: SeedName
    title: Text


class CatalogFile(_Strict):
    """The shipped catalog: ``exercises.toml`` + ``routines.toml`` + ``safety.toml`` + ``sources.toml``."""

    exercise: Annotated[list[ExerciseFile], Field(min_length=1)]
    routine: list[RoutineFile] = []
    safety: list[SafetyFlagFile] = []
    source: list[SourceFile] = []

    @model_validator(mode="after")
    def _references_resolve(self) -> CatalogFile:
        problems: list[str] = []
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
        if self.source:  # once titles are given, every article cited needs one
            titled = {s.file for s in self.source}
            cited = {
                *(f for e in self.exercise for f in e.sources),
                *(f for r in self.routine for f in r.sources),
                *(f for s in self.safety for f in s.sources),
            }
            problems += [f'source "{f}" has no [[source]] title' for f in sorted(cited - titled)]
        if problems:
            raise ValueError("; ".join(problems))
        return self
