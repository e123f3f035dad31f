"""The desk break's timeline: which phase is running, its cue, and the time left.

The break window renders ``moment(elapsed)``; everything it shows is a pure
function of the seconds since the break began, so tests step a fake clock.
A short get-ready (stand up, hands in place) comes first, then the reps at
the routine item's tempo, phase by phase, in the order the author wrote.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop.core.catalog import Catalog, Dosage, Routine
from desktop.core.cues import pick, setup_text
from desktop.core.doses import item_dosage

GET_READY_S = 5.0
HOLD_CUE = "Hold here and breathe easily."


@dataclass(frozen=True)
class BreakMoment:
    phase: str  # "get-ready", a tempo phase name ("lean-back", "hold", "return"), or "done"
    cue: str
    phase_left_s: float
    left_s: float  # the whole break
    rep: int  # 1-based; 0 while getting ready
    reps: int

    @property
    def done(self) -> bool:
        return self.phase == "done"


@dataclass(frozen=True)
class DeskBreak:
    exercise_id: str
    exercise_name: str
    dosage: Dosage
    setup_cue: str
    phases: tuple[tuple[str, float, str], ...]  # (name, seconds, cue), one rep
    reps: int

    @property
    def rep_s(self) -> float:
        return sum(seconds for _, seconds, _ in self.phases)

    @property
    def total_s(self) -> float:
        return GET_READY_S + self.reps * self.rep_s

    def moment(self, elapsed: float) -> BreakMoment:
        left = max(0.0, self.total_s - elapsed)
        if elapsed < GET_READY_S:
            return BreakMoment("get-ready", self.setup_cue, GET_READY_S - elapsed, left, 0, self.reps)
        if left <= 0:
            return BreakMoment(
                "done", "Well done. Back to work, standing tall.", 0.0, 0.0, self.reps, self.reps
            )
        rep, t = divmod(elapsed - GET_READY_S, self.rep_s)
        for name, seconds, cue in self.phases:
            if t < seconds:
                return BreakMoment(name, cue, seconds - t, left, int(rep) + 1, self.reps)
            t -= seconds
        name, _, cue = self.phases[-1]  # floating-point edge of the last phase
        return BreakMoment(name, cue, 0.0, left, int(rep) + 1, self.reps)

    def next_change(self, elapsed: float) -> float:
        """Seconds from ``elapsed`` until the shown countdown or phase changes."""
        m = self.moment(elapsed)
        if m.done:
            return math.inf
        return max(0.01, min(m.phase_left_s, m.left_s - math.floor(m.left_s - 1e-9)))


def desk_break(catalog: Catalog, routine: Routine) -> DeskBreak:
    """The break for ``routine``'s first item: its tempo gives the phases, the cues filed
    under each phase (see ``desktop.core.cues``) the words, so the break window says what
    the figure is doing at that moment, as the session does."""
    item = routine.items[0]
    exercise = catalog.exercise(item.exercise)
    dosage = item_dosage(catalog, item, None)
    tempo = dict(dosage.tempo or {"go": 3.0, "hold": 2.0, "back": 3.0})
    cues = exercise.cues
    phases = tuple(
        (name, float(seconds), pick(cues.get(name), 0) or HOLD_CUE) for name, seconds in tempo.items()
    )
    reps = int(dosage.reps.lo) if dosage.reps is not None else 5
    return DeskBreak(exercise.id, exercise.name, dosage, setup_text(cues), phases, reps)
