"""Which dose keys fit which kind of exercise, so a routine item cannot ask for the impossible.

An exercise is done in one of three ways, read from the catalog's dose for
it (the first of reps, duration_s, hold_s it gives):

- **reps**: counted repetitions; takes sets, reps, rest_s, a tempo (each
  rep paced phase by phase) or a hold_s (a pause at the end of each
  self-paced rep, not both), and sides none, each or alternate;
- **timed**: one stretch of time; takes sets, duration_s, rest_s, sides none or each;
- **hold**: one held position; takes sets, hold_s, rest_s, sides none or each.

A catalog exercise that gives none of the three (cat-cow) takes its kind
from the routine item (duration_s makes it timed, reps or a tempo makes it
reps, a hold_s alone a hold). A routine item may change the dose, never the
kind: a hold with reps, a tempo and a duration at once is refused.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.core.catalog import Dosage


class DoseKind(StrEnum):
    REPS = "reps"
    TIMED = "timed"
    HOLD = "hold"


FITTING_KEYS: dict[DoseKind, tuple[str, ...]] = {
    DoseKind.REPS: ("sets", "reps", "rest_s", "tempo", "hold_s", "sides"),
    DoseKind.TIMED: ("sets", "duration_s", "rest_s", "sides"),
    DoseKind.HOLD: ("sets", "hold_s", "rest_s", "sides"),
}
FITTING_SIDES: dict[DoseKind, tuple[str, ...]] = {
    DoseKind.REPS: ("none", "each", "alternate"),
    DoseKind.TIMED: ("none", "each"),
    DoseKind.HOLD: ("none", "each"),
}
_WORDS = {DoseKind.REPS: "done in reps", DoseKind.TIMED: "timed", DoseKind.HOLD: "a hold"}


def kind_of(catalog_dose: Dosage, item_dose: Dosage) -> DoseKind:
    """The catalog decides; where it is silent, the item does; reps when both are."""
    for dose in (catalog_dose, item_dose):
        if dose.reps is not None:
            return DoseKind.REPS
        if dose.duration_s is not None:
            return DoseKind.TIMED
        if dose.tempo is not None:
            return DoseKind.REPS
        if dose.hold_s is not None:
            return DoseKind.HOLD
    return DoseKind.REPS


def set_keys(dose: Dosage) -> list[str]:
    return [k for k in (*Dosage.RANGE_KEYS, "tempo", "sides") if getattr(dose, k) is not None]


def misfits(name: str, kind: DoseKind, item_dose: Dosage) -> dict[str, str]:
    """Each key of ``item_dose`` that does not fit an exercise of ``kind``, with a message."""
    found: dict[str, str] = {}
    keys = set_keys(item_dose)
    fitting = FITTING_KEYS[kind]
    for key in keys:
        if key not in fitting:
            found[key] = f"{name} is {_WORDS[kind]}, so {key} does not fit; it takes {', '.join(fitting)}"
    if item_dose.sides is not None and item_dose.sides not in FITTING_SIDES[kind]:
        allowed = " or ".join(FITTING_SIDES[kind])
        found["sides"] = f'{name} is {_WORDS[kind]}, so sides "{item_dose.sides}" does not fit; use {allowed}'
    if kind is DoseKind.REPS and "tempo" in keys and "hold_s" in keys:
        found["hold_s"] = "give a tempo (whose phases may include a hold) or hold_s, not both"
    return found
