"""Load the shipped catalog: three TOML files -> pydantic -> ``core.catalog`` values."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop.content import schema
from desktop.content.catalog_cache import CATALOG_FILES
from desktop.content.errors import ContentError, describe_validation_error
from desktop.core.catalog import (
    Catalog,
    Dosage,
    Exercise,
    Load,
    Progression,
    Range,
    Routine,
    RoutineItem,
    SafetyFlag,
    Source,
)
from desktop.core.cues import Cues


def load_catalog(folder: Path | None = None) -> Catalog:
    """Read and validate the catalog; any problem raises ``ContentError`` listing all of them."""
    if folder is None:
        from desktop.assets import catalog_dir

        folder = catalog_dir()
    merged: dict[str, Any] = {}
    for name in CATALOG_FILES:
        path = folder / name
        try:
            merged.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ContentError(str(path), [str(exc)]) from exc
    try:
        parsed = schema.CatalogFile.model_validate(merged)
    except ValidationError as exc:
        raise ContentError(str(folder), describe_validation_error(exc)) from exc
    return to_catalog(parsed)


def to_catalog(parsed: schema.CatalogFile) -> Catalog:
    return Catalog(
        exercises=tuple(to_exercise(e) for e in parsed.exercise),
        routines=tuple(to_routine(r) for r in parsed.routine),
        safety=tuple(
            SafetyFlag(f.id, f.title, f.advice, tuple(f.sources), tuple(f.exercises)) for f in parsed.safety
        ),
        sources=tuple(Source(s.file, s.title) for s in parsed.source),
    )


def to_dosage(d: schema.DosageFile) -> Dosage:
    ranges = {
        key: Range.of(getattr(d, key)) for key in Dosage.RANGE_KEYS if getattr(d, key, None) is not None
    }
    return Dosage(**ranges, tempo=dict(d.tempo) if d.tempo else None, sides=d.sides)


def to_load(load: schema.LoadFile | None) -> Load | None:
    return Load(load.start, load.max, load.unit) if load else None


def to_exercise(e: schema.ExerciseFile) -> Exercise:
    return Exercise(
        id=e.id,
        name=e.name,
        sources=tuple(e.sources),
        position=e.position,
        equipment=tuple(e.equipment),
        why=tuple(e.why),
        cues=Cues.from_data(e.cues),
        cautions=tuple(e.cautions),
        dosage=to_dosage(e.dosage),
        load=to_load(e.load),
        progressions=tuple(
            Progression(
                p.name,
                to_dosage(p.dosage),
                p.notes,
                to_load(p.load),
                Cues.from_data(p.cues) if p.cues else None,
                tuple(p.equipment) if p.equipment is not None else None,
            )
            for p in e.progressions
        ),
        session_dose=to_dosage(e.session_dose) if e.session_dose else Dosage(),
    )


def to_routine(r: schema.RoutineFile) -> Routine:
    return Routine(
        id=r.id,
        name=r.name,
        description=r.description,
        sources=tuple(r.sources),
        items=tuple(RoutineItem(i.exercise, to_dosage(i)) for i in r.items),
    )
