"""A routine's items checked against what their exercises are (``desktop.core.dose_kinds``).

Run after the schema, with the catalog, by routine-file import and the
routine editor alike, so both refuse the same items with the same words.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from desktop.content.schema import RoutineItemFile
from desktop.core.catalog import Catalog, Dosage, RoutineItem
from desktop.core.dose_kinds import kind_of, misfits


def dose_problems(items: Any, catalog: Catalog) -> list[str]:
    """``routine.items[N].key: message`` for each dose key that does not fit its exercise.

    Read from the file's raw items, each checked on its own, so a hold with reps is
    listed beside every other problem of the file (a bad id, an empty name), not only
    once they are fixed. An item with problems of its own is left to those.
    """
    known = {e.id for e in catalog.exercises}
    problems = []
    for n, raw in enumerate(items if isinstance(items, list) else []):
        exercise = raw.get("exercise") if isinstance(raw, dict) else None
        if not isinstance(exercise, str) or exercise not in known:
            continue  # not an item, or an unknown exercise: reported already
        try:
            item = RoutineItemFile.model_validate(raw)
        except ValidationError:
            continue
        dose = RoutineItem.from_data(item.model_dump(exclude_none=True)).overrides
        problems += [
            f"routine.items[{n}].{k}: {m}" for k, m in item_misfits(catalog, item.exercise, dose).items()
        ]
    return problems


def item_misfits(catalog: Catalog, exercise_id: str, dose: Dosage) -> dict[str, str]:
    """Each key of one item's dose that does not fit the exercise, with its message."""
    exercise = catalog.exercise(exercise_id)
    return misfits(exercise.name, kind_of(exercise.dosage, dose), dose)
