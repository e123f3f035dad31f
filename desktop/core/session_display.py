"""What the session screen says, as plain values computed from engine state.

Kept out of the widgets so the wording, the cue of the moment and the timer
format are tested without a screen, and the view only paints what it is
handed. Every field is computed for one instant, so what the screen shows
can never lag behind the phase the engine is in.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.catalog import Catalog, Exercise
from desktop.core.cues import FINISHED, ROTATE_S, WORK, Cues, pick, setup_text, switch_text
from desktop.core.dosage_text import phase_words
from desktop.core.history import SessionOutcome
from desktop.core.plan import Side, Step, StepKind
from desktop.core.plan_text import SIDE_WORDS, step_detail
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
class Summary:
    """What a finished session did, for the done screen."""

    outcome: SessionOutcome  # completed or ended early
    sets: int
    exercises: int
    seconds: float


@dataclass(frozen=True)
class FigureCue:
    """What the figure shows: the exercise moving (work) or standing still in its start
    position (getting ready, resting, switching sides: nothing to copy yet)."""

    exercise_id: str | None
    rung: int | None
    side: Side | None
    moving: bool


@dataclass(frozen=True)
class Display:
    kind: StepKind  # the view colours by it
    label: str  # "Work", "Rest", ... (or "Paused")
    title: str  # the exercise at hand (during rest and get-ready: the one coming next)
    subtitle: str  # the ladder step: "Step 2 of 3: 30 reps"
    big: str  # the countdown ("0:45", "12") or the rep count ("3")
    big_caption: str  # "rep 3 of 10 · left side · set 1 of 2"
    progress: float
    cue: str  # the words true at this instant
    phase: str  # the moment's own word and countdown: "Lift  2", "Switch legs"...; "" for none
    next_text: str  # "Next: Rest · 30 s"
    figure: FigureCue
    paused: bool
    awaits_reps: bool

    @property
    def exercise_id(self) -> str | None:
        return self.figure.exercise_id


def clock_text(seconds: float) -> str:
    """Whole seconds remaining, rounded up: ``45``, ``1:05``, ``20:00``."""
    whole = max(0, math.ceil(seconds - 1e-3))
    if whole < 60:
        return str(whole)
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d}"


def rung_of(catalog: Catalog, exercise_id: str, ladder: Mapping[str, int]) -> int | None:
    """The person's step on the exercise's ladder; exercises never moved are on step 0."""
    return ladder.get(exercise_id, 0) if catalog.exercise(exercise_id).progressions else None


def step_label(exercise: Exercise, rung: int | None, own_dose: bool = False) -> str:
    """``Step 2 of 3: 30 reps`` for a laddered exercise; empty without a ladder. With
    ``own_dose`` the routine's own numbers replace the step's, and the label says so, so a
    screen never says "20 reps" over a count of 200."""
    found = exercise.rung(rung) if rung is not None else None
    if found is None:
        return ""
    label = f"{step_of(exercise, found)}: {found.name}"
    return f"{label} \u00b7 this routine sets its own dose" if own_dose else label


def _counts(state: SessionState) -> str:
    """Rep k of n, the side and set k of n: the numbers a person checks from the floor."""
    step = state.step
    bits = []
    if step.kind == "work" and not step.is_timed:
        if step.tempo:
            bits.append(f"rep {min(state.reps_done + 1, state.rep_count)} of {state.rep_count}")
        else:
            bits.append(f"of {state.rep_count} reps")
    elif step.kind == "work":
        bits.append("minutes left" if (state.remaining_s or 0) > 60 else "seconds left")
    elif step.kind == "rest":
        bits.append("seconds of rest")
    elif step.kind == "get_ready":
        bits.append("seconds to get ready")
    shown_side = state.side if step.side == "alternate" else step.side
    if step.kind == "side_switch":
        bits.append(f"then {SIDE_WORDS[step.side]}")
    elif step.kind == "work" and shown_side in SIDE_WORDS:
        bits.append(SIDE_WORDS[shown_side])
    if step.kind == "work" and step.sets > 1:
        bits.append(f"set {step.set_index} of {step.sets}")
    if step.kind == "work" and not step.is_timed and not step.tempo:
        bits.append("Space after each rep")
    return "  \u00b7  ".join(bits)


def _phase_line(state: SessionState) -> str:
    """The tempo phase running now with its own countdown (``Lift  2``): the second largest
    thing on the screen, so the movement's rhythm reads from the floor."""
    step = state.step
    if step.kind == "work" and state.phase and state.phase_left_s is not None:
        return f"{phase_words(state.phase).capitalize()}  {max(1, math.ceil(state.phase_left_s - 1e-3))}"
    return ""


def cue_now(state: SessionState, cues: Cues | None) -> str:
    """The cue of the moment running now (see ``desktop.core.cues``). During rest ``cues`` are
    those of the step coming next: rest shows how to set up for it."""
    step = state.step
    if step.kind in ("get_ready", "rest"):
        return setup_text(cues) if cues is not None else ""
    if step.kind == "side_switch" and cues is not None:
        return switch_text(cues)
    if step.kind != "work" or cues is None:
        return ""
    if state.phase:  # a paced rep: the words of this phase, the next of them on the next rep
        return pick(cues.get(state.phase), state.reps_done)
    if step.is_timed:
        return pick(cues.get(WORK), int(state.elapsed_s // ROTATE_S))
    return pick(cues.get(WORK), state.reps_done)


def _done(summary: Summary | None) -> Display:
    ended = summary is not None and summary.outcome != SessionOutcome.COMPLETED
    if summary is None:
        what = ""
    else:
        minutes = max(1, round(summary.seconds / 60)) if summary.seconds >= 30 else 0
        sets = f"{summary.sets} set{'s' if summary.sets != 1 else ''}"
        exercises = f"{summary.exercises} exercise{'s' if summary.exercises != 1 else ''}"
        time = f"{minutes} minute{'s' if minutes != 1 else ''}" if minutes else "under a minute"
        what = f"{sets} of {exercises} in {time}." if summary.sets else f"No sets finished ({time})."
    return Display(
        kind="done",
        label="Ended early" if ended else "Done",
        title="Session ended early" if ended else "Session complete",
        subtitle="",
        big="\u2713" if not ended else str(summary.sets if summary else 0),
        big_caption="" if not ended else ("set done" if summary and summary.sets == 1 else "sets done"),
        progress=1.0,
        cue=what,
        phase="",
        next_text=f"{FINISHED} Enter or Esc closes this window.",
        figure=FigureCue(None, None, None, False),
        paused=False,
        awaits_reps=False,
    )


def display(
    state: SessionState,
    catalog: Catalog,
    awaits_reps: bool,
    ladder: Mapping[str, int] | None = None,
    summary: Summary | None = None,
) -> Display:
    step = state.step
    ladder = ladder or {}
    if state.finished or step.kind == "done":
        return _done(summary)
    following = state.next_step
    # During rest the screen is about what comes next: the next set or exercise.
    shown = following if step.kind == "rest" and following is not None and following.exercise_id else step
    exercise = catalog.exercise(shown.exercise_id) if shown.exercise_id else None
    rung = rung_of(catalog, exercise.id, ladder) if exercise else None
    cues = exercise.cues_at(rung) if exercise else None
    next_text = _next_text(following, catalog, resting=step.kind == "rest")
    if step.kind == "work" and not step.is_timed and state.phase:
        big = str(min(state.reps_done + 1, state.rep_count))  # the rep being done now
    elif step.kind == "work" and not step.is_timed:
        big = str(state.reps_done)
    else:
        big = clock_text(state.remaining_s or 0)
    title = exercise.name if exercise else ""
    if step.kind == "rest" and exercise is not None:
        title = f"Next: {exercise.name}"
    figure_side = _figure_side(step, state)
    return Display(
        kind=step.kind,
        label="Paused" if state.paused else KIND_LABELS[step.kind],
        title=title,
        subtitle=step_label(exercise, rung, shown.own_dose) if exercise else "",
        big=big,
        big_caption=_counts(state),
        progress=state.progress,
        cue=cue_now(state, cues),
        phase=_phase_line(state),
        next_text=next_text,
        figure=FigureCue(exercise.id if exercise else None, rung, figure_side, moving=step.kind == "work"),
        paused=state.paused,
        awaits_reps=awaits_reps,
    )


def _next_text(following: Step | None, catalog: Catalog, *, resting: bool = False) -> str:
    """The line under the timer: what the next step is, in words (``Next exercise: Segmental
    bridge``, ``Next: rest, 30 s``, ``Last one, then you're done``). During rest the title
    already names the exercise that follows, so the line gives only its dose."""
    if following is None:
        return ""
    if following.kind == "done":
        return "Last one, then you\u2019re done."
    if following.kind == "get_ready":
        return f"Next exercise: {_name(following, catalog)}"
    if following.kind == "rest":
        return f"Next: rest, {step_detail(following)}"
    if following.kind == "side_switch":
        return f"Next: switch sides, {step_detail(following)}"
    if resting:
        detail = step_detail(following)
        return detail[:1].upper() + detail[1:]
    return f"Next: {_name(following, catalog)} \u00b7 {step_detail(following)}"


def _name(step: Step, catalog: Catalog) -> str:
    return catalog.exercise(step.exercise_id).name if step.exercise_id else ""


def _figure_side(step: Step, state: SessionState) -> Side | None:
    """The side the figure shows: the step's own during work; while getting ready, resting or
    switching sides, the side of the set that comes next, so the still picture is exactly
    the position that set starts from (see ``desktop.core.motion.start_frame``)."""
    if step.kind != "work":
        coming = state.next_step
        step = coming if coming is not None and coming.kind == "work" else step
    return step.side if step.side in ("left", "right", "alternate") else None
