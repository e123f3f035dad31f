"""Expand a routine into the ordered steps a session walks through.

The same plan feeds the routine preview, the time estimate and the session
engine, so what the routines list promises is what the session does.
Conventions: a range in the catalog starts at its low end (the conservative
dose); reps count per side for ``each`` and ``alternate``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from desktop.core.catalog import Catalog, Dosage, Range, Routine
from desktop.core.doses import item_dose

StepKind = Literal["get_ready", "work", "rest", "side_switch", "done"]
Side = Literal["none", "left", "right", "alternate"]

GET_READY_S = 5.0
SIDE_SWITCH_S = 5.0
DEFAULT_REST_S = 30.0
SELF_PACED_REP_S = 3.0  # a nominal rep for estimates when the person sets the pace


@dataclass(frozen=True)
class Step:
    kind: StepKind
    exercise_id: str | None = None
    set_index: int = 0
    sets: int = 0
    side: Side = "none"
    seconds: float | None = None  # countdown length; None for rep work
    reps: int | None = None  # reps per side for rep work
    hold_s: float | None = None  # pause at end range inside each self-paced rep
    tempo: tuple[tuple[str, float], ...] | None = None  # paced reps: (phase, seconds)
    item: int | None = None  # which routine item this step belongs to (an exercise may appear twice)
    own_dose: bool = False  # the item's own values replace some its ladder step sets (desktop.core.doses)

    @property
    def is_timed(self) -> bool:
        return self.seconds is not None

    @property
    def rep_count(self) -> int:
        """Reps to perform in this step; alternating sets do every rep on both sides."""
        if self.reps is None:
            return 0
        return self.reps * 2 if self.side == "alternate" else self.reps

    @property
    def nominal_s(self) -> float:
        if self.seconds is not None:
            return self.seconds
        per_rep = sum(s for _, s in self.tempo) if self.tempo else SELF_PACED_REP_S + (self.hold_s or 0.0)
        return self.rep_count * per_rep


def _low(value: Range | None, default: float | None = None) -> float | None:
    return value.lo if value is not None else default


def work_steps(exercise_id: str, dosage: Dosage, set_index: int, sets: int) -> list[Step]:
    """The work of one set: one step, or two with a switch between for ``each``."""
    reps = _low(dosage.reps)
    hold = _low(dosage.hold_s)
    duration = _low(dosage.duration_s)
    if reps is not None:
        seconds = None
    else:
        seconds = duration if duration is not None else hold
        hold = None
    tempo = tuple(dosage.tempo.items()) if dosage.tempo and reps is not None else None
    work = Step(
        kind="work",
        exercise_id=exercise_id,
        set_index=set_index,
        sets=sets,
        seconds=seconds,
        reps=int(reps) if reps is not None else None,
        hold_s=hold,
        tempo=tempo,
    )
    sides = dosage.effective_sides
    if sides == "each":
        switch = Step("side_switch", exercise_id, set_index, sets, "right", SIDE_SWITCH_S)
        return [replace(work, side="left"), switch, replace(work, side="right")]
    return [replace(work, side="alternate" if sides == "alternate" else "none")]


def expand(catalog: Catalog, routine: Routine, ladder: Mapping[str, int] | None = None) -> tuple[Step, ...]:
    """The routine as timed steps; ``ladder`` maps exercise ids to the person's current rung."""
    ladder = ladder or {}
    steps: list[Step] = []
    for n, item in enumerate(routine.items):
        resolved = item_dose(catalog, item, ladder.get(item.exercise, 0))
        dosage = resolved.dosage
        sets = int(dosage.sets.lo) if dosage.sets is not None else 1
        own = [Step("get_ready", item.exercise, 1, sets, seconds=GET_READY_S)]
        for k in range(1, sets + 1):
            own.extend(work_steps(item.exercise, dosage, k, sets))
            if k < sets:
                rest = _low(dosage.rest_s, DEFAULT_REST_S)
                own.append(Step("rest", item.exercise, k, sets, seconds=rest))
        steps.extend(replace(step, item=n, own_dose=bool(resolved.over_step)) for step in own)
    steps.append(Step("done", seconds=0.0))
    return tuple(steps)


def estimate_s(catalog: Catalog, routine: Routine, ladder: Mapping[str, int] | None = None) -> float:
    return sum(step.nominal_s for step in expand(catalog, routine, ladder))
