"""A routine's items checked against what their exercises are (``desktop.core.dose_kinds``).

Run after the schema, with the catalog, by routine-file import and the
routine editor alike, so both refuse the same items with the same words.
"""

from __future__ import annotations

from desktop.content.schema import RoutineFile
from desktop.core.catalog import Catalog, Dosage, RoutineItem
from desktop.core.dose_kinds import kind_of, misfits


def dose_problems(routine: RoutineFile, catalog: Catalog) -> list[str]:
    """``routine.items[N].key: message`` for each dose key that does not fit its exercise."""
    known = {e.id: e for e in catalog.exercises}
    problems = []
    for n, item in enumerate(routine.items):
        exercise = known.get(item.exercise)
        if exercise is None:
            continue  # reported as an unknown exercise already
        dose = RoutineItem.from_data(item.model_dump(exclude_none=True)).overrides
        problems += [
            f"routine.items[{n}].{k}: {m}" for k, m in item_misfits(catalog, exercise.id, dose).items()
        ]
    return problems


def item_misfits(catalog: Catalog, exercise_id: str, dose: Dosage) -> dict[str, str]:
    """Each key of one item's dose that does not fit the exercise, with its message."""
    exercise = catalog.exercise(exercise_id)
    return misfits(exercise.name, kind_of(exercise.dosage, dose), dose)
