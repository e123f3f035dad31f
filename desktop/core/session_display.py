"""What the session screen says, as plain values computed from engine state.

Kept out of the widgets so the wording and the timer format are tested
without a screen, and the view only paints what it is handed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.catalog import Catalog
from desktop.core.plan import Step
from desktop.core.plan_text import SIDE_WORDS, step_detail, step_title
from desktop.core.progression import step_of
from desktop.core.session import SessionState

KIND_LABELS = {
    "get_ready": "Get ready",
    "work": "Work",
    "rest": "Rest",
    "side_switch": "Switch sides",
    "done": "Done",
}


@dataclass(frozen=True)
class Display:
    kind: str  # get_ready | work | rest | side_switch | done: the view colours by it
    label: str  # "Work", "Rest", ... (or "Paused")
    title: str  # the exercise name, or "Session complete"
    subtitle: str  # "Set 1 of 2 · left side"
    big: str  # the countdown ("0:45", "12") or the rep count ("3")
    big_caption: str  # "seconds left", "of 10 reps", "lift"
    progress: float
    next_text: str  # "Next: Rest · 30 s"
    exercise_id: str | None
    paused: bool
    awaits_reps: bool


def clock_text(seconds: float) -> str:
    """Whole seconds remaining, rounded up: ``45``, ``1:05``, ``20:00``."""
    whole = max(0, math.ceil(seconds - 1e-3))
    if whole < 60:
        return str(whole)
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d}"


def _subtitle(step: Step, side: str) -> str:
    bits = []
    if step.kind in ("work", "rest") and step.sets > 1:
        bits.append(f"Set {step.set_index} of {step.sets}")
    shown_side = side if step.side == "alternate" else step.side
    if step.kind == "work" and shown_side in SIDE_WORDS:
        bits.append(SIDE_WORDS[shown_side].capitalize() if not bits else SIDE_WORDS[shown_side])
    if step.kind == "side_switch":
        bits.append(f"Next: {SIDE_WORDS[step.side]}")
    return " \u00b7 ".join(bits)


def _rung(catalog: Catalog, step: Step, ladder: Mapping[str, int]) -> str:
    """``Step 2 of 3: 30 reps`` while getting ready for or doing a laddered exercise."""
    if step.kind not in ("get_ready", "work") or not step.exercise_id:
        return ""
    exercise = catalog.exercise(step.exercise_id)
    rung = exercise.rung(ladder.get(exercise.id, 0))
    if rung is None:
        return ""
    return f"{step_of(exercise, rung)}: {rung.name}"


def display(
    state: SessionState, catalog: Catalog, awaits_reps: bool, ladder: Mapping[str, int] | None = None
) -> Display:
    step = state.step
    name = catalog.exercise(step.exercise_id).name if step.exercise_id else ""
    if state.finished or step.kind == "done":
        return Display(
            "done", "Done", "Session complete", "Well done.", "\u2713", "", 1.0, "", None, False, False
        )
    if step.kind == "work" and not step.is_timed and state.phase:
        big = str(min(state.reps_done + 1, state.rep_count))  # the rep being done now
        caption = f"{state.phase}  \u00b7  rep {big} of {state.rep_count}"
    elif step.kind == "work" and not step.is_timed:
        big = str(state.reps_done)
        caption = f"of {state.rep_count} reps  \u00b7  Space after each rep"
    else:
        big = clock_text(state.remaining_s or 0)
        caption = "minutes left" if (state.remaining_s or 0) > 60 else "seconds"
    following = state.next_step
    next_text = ""
    if following is not None and following.kind != "done":
        next_text = f"Next: {step_title(following, catalog)} \u00b7 {step_detail(following)}"
    elif following is not None:
        next_text = "Next: finish"
    return Display(
        kind=step.kind,
        label="Paused" if state.paused else KIND_LABELS[step.kind],
        title=name,
        subtitle=" \u00b7 ".join(
            bit for bit in (_subtitle(step, state.side), _rung(catalog, step, ladder or {})) if bit
        ),
        big=big,
        big_caption=caption,
        progress=state.progress,
        next_text=next_text,
        exercise_id=step.exercise_id,
        paused=state.paused,
        awaits_reps=awaits_reps,
    )
