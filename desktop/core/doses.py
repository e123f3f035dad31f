"""The dose a routine item runs: one rule for the editor, the session, the estimates and the report.

Three layers, each replacing the keys it sets: the catalog's dose (with the
session defaults filling what the seed leaves open), then the person's step on
the exercise's ladder, then the routine item's own values. What a person wrote
runs as written: 150 reps typed in the editor, or ``reps = 200`` in an imported
file, win over the step. The step decides every key an item leaves open, which
is how moving from 20 to 30 push-ups reaches every routine that names push-ups
without a count of its own (the shipped routines leave the counts a ladder sets
to the ladder). Every place that shows or runs a dose asks here, so the editor's
list, its total, ``upright routines``, the session and the report never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.core.catalog import Catalog, Dosage, RoutineItem
from desktop.core.dose_kinds import FITTING_KEYS, FITTING_SIDES, DoseKind, kind_of, set_keys
from desktop.core.progression import step_of


@dataclass(frozen=True)
class ItemDose:
    """What an item runs, and where each part of it comes from."""

    dosage: Dosage
    step: str = ""  # "Step 1 of 3" when the exercise has a ladder, else ""
    rung: str = ""  # that step's name, "Hands on hips"
    from_step: frozenset[str] = frozenset()  # keys whose value is the step's
    over_step: frozenset[str] = frozenset()  # keys the step sets that the item's own value replaces


def item_dose(catalog: Catalog, item: RoutineItem, step: int | None = None) -> ItemDose:
    """``item``'s dose with the person on ladder ``step`` (``None``: leave the ladder out)."""
    exercise = catalog.exercise(item.exercise)
    kind = kind_of(exercise.dosage, item.overrides)
    rung = exercise.rung(step) if step is not None else None
    if rung is None:
        return ItemDose(_of_kind(exercise.base_dosage.overridden(item.overrides), kind, item.overrides))
    by_step = set(set_keys(rung.dosage))
    own = set(set_keys(item.overrides))
    return ItemDose(
        _of_kind(
            exercise.base_dosage.overridden(rung.dosage).overridden(item.overrides), kind, item.overrides
        ),
        step_of(exercise, rung),
        rung.name,
        frozenset(by_step - own),
        frozenset(by_step & own),
    )


WAYS = ("reps", "duration_s", "hold_s", "tempo")  # the keys that say how an exercise is done


def _of_kind(dosage: Dosage, kind: DoseKind, own: Dosage) -> Dosage:
    """``dosage`` without the defaults that do not fit the way the exercise is done.

    Where the catalog leaves the way open (cat-cow), the item decides it, and the
    session defaults for the other ways must not run instead: cat-cow with
    ``duration_s = 60`` is a minute, not the default 8 reps. What the item wrote
    itself stays (a key that does not fit is refused before it gets here).
    """
    fitting = FITTING_KEYS[kind]
    dropped: dict[str, None] = {
        k: None
        for k in WAYS
        if k not in fitting and getattr(dosage, k) is not None and getattr(own, k) is None
    }
    if dosage.sides is not None and own.sides is None and dosage.sides not in FITTING_SIDES[kind]:
        dropped["sides"] = None
    return replace(dosage, **dropped) if dropped else dosage


def item_dosage(catalog: Catalog, item: RoutineItem, step: int | None = None) -> Dosage:
    """Just the dosage of ``item_dose``: what the session runs and the estimates count."""
    return item_dose(catalog, item, step).dosage
