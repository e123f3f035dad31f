"""Progressions guided by pain: when to suggest a step back, a step forward, or stopping.

The seeds move people up a ladder slowly (20, then 30, then 40 push-ups; a
backpack only once the unweighted curl is comfortable) and tell them to stop
an exercise that makes pain worse. This module turns that into a pure
policy: it looks at the sessions done on the current rung and proposes one
change with a reason. Nothing here changes anything; the person confirms.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from desktop.core.catalog import Catalog, Exercise, Progression
from desktop.core.dosage_text import seconds_text

# A rise in pain over one session this large (0-10 scale) means "stop for today": the
# session ends with that advice, and the review suggests a step back.
PAIN_RISE_TO_STOP = 2
SESSIONS_TO_MOVE_ON = 3


def pain_rose_too_much(before: int | None, after: int | None) -> bool:
    """True when both ratings were given and pain rose by ``PAIN_RISE_TO_STOP`` or more."""
    return before is not None and after is not None and after - before >= PAIN_RISE_TO_STOP


def step_of(exercise: Exercise, rung: Progression) -> str:
    """``Step 2 of 3``: where a rung sits on its exercise's ladder."""
    return f"Step {exercise.progressions.index(rung) + 1} of {len(exercise.progressions)}"


@dataclass(frozen=True)
class SessionEvidence:
    """What one session says about an exercise: the pain ratings and the person's mark."""

    session_id: int
    pain_before: int | None = None
    pain_after: int | None = None
    painful: bool = False

    @property
    def rise(self) -> int | None:
        if self.pain_before is None or self.pain_after is None:
            return None
        return self.pain_after - self.pain_before

    @property
    def hurt(self) -> bool:
        return self.painful or pain_rose_too_much(self.pain_before, self.pain_after)

    @property
    def pain_held(self) -> bool:
        """Counts towards moving on: not marked painful and pain not higher afterwards."""
        return not self.painful and (self.rise is None or self.rise <= 0)


@dataclass(frozen=True)
class Suggestion:
    exercise_id: str
    kind: Literal["back", "forward", "stop"]
    from_step: int
    to_step: int  # equal to from_step for "stop"
    reason: str  # the whole sentence kept in the history with the change
    advice: str = ""  # for "stop": what the sources say to do
    to_name: str = ""  # the rung moved to, e.g. "30 reps"

    @property
    def changes_step(self) -> bool:
        return self.to_step != self.from_step


def rung_name(exercise: Exercise, step: int) -> str:
    rung = exercise.rung(step)
    return rung.name if rung else ""


def suggest(
    catalog: Catalog, exercise_id: str, step: int, on_step: Sequence[SessionEvidence]
) -> Suggestion | None:
    """One suggestion after a session, or ``None``.

    ``on_step`` lists the sessions done on the current rung, oldest first,
    ending with the session just finished.
    """
    if not on_step:
        return None
    exercise = catalog.exercise(exercise_id)
    latest = on_step[-1]
    if latest.hurt:
        why = _hurt_reason(latest)
        if step > 0 and exercise.progressions:
            back = step - 1
            return Suggestion(
                exercise_id,
                "back",
                step,
                back,
                f"{why}. Go back to \u201c{rung_name(exercise, back)}\u201d.",
                to_name=rung_name(exercise, back),
            )
        return Suggestion(
            exercise_id,
            "stop",
            step,
            step,
            f"{why}. Stop this exercise for now.",
            _stop_advice(catalog, exercise_id),
        )
    last = len(exercise.progressions) - 1
    held = _trailing_held(on_step)
    if step < last and held >= SESSIONS_TO_MOVE_ON:
        ahead = step + 1
        return Suggestion(
            exercise_id,
            "forward",
            step,
            ahead,
            f"{held} sessions on \u201c{rung_name(exercise, step)}\u201d without pain rising. "
            f"Ready for \u201c{rung_name(exercise, ahead)}\u201d?",
            to_name=rung_name(exercise, ahead),
        )
    return None


def _trailing_held(sessions: Sequence[SessionEvidence]) -> int:
    """Sessions in a row, counting back from the latest, in which pain held steady."""
    count = 0
    for evidence in reversed(sessions):
        if not evidence.pain_held:
            break
        count += 1
    return count


def _hurt_reason(evidence: SessionEvidence) -> str:
    if evidence.painful:
        return "You marked it as painful"
    return f"Pain went from {evidence.pain_before} to {evidence.pain_after}"


def _stop_advice(catalog: Catalog, exercise_id: str) -> str:
    """The exercise's own red flags if it has any, else the general rule about rising pain."""
    flags = catalog.flags_for(exercise_id) or tuple(f for f in catalog.safety if f.id == "pain-increases")
    return " ".join(f.advice for f in flags)


def ladder_text(exercise: Exercise, step: int, best_reps: int | None, best_s: float | None) -> str:
    """``Step 2 of 3 · goal 30 reps · best 26`` for cards and the session; empty without a ladder."""
    if not exercise.progressions:
        return ""
    rung = exercise.rung(step)
    assert rung is not None  # an exercise with a ladder always has a rung
    bits = [step_of(exercise, rung)]
    dose = exercise.dosage.overridden(rung.dosage)
    if dose.reps is not None:
        bits.append(f"goal {dose.reps.hi:g} reps")
        if best_reps:
            bits.append(f"best {best_reps}")
    elif dose.duration_s is not None or dose.hold_s is not None:
        goal = dose.duration_s or dose.hold_s
        assert goal is not None
        bits.append(f"goal {seconds_text(goal.hi)}")
        if best_s:
            bits.append(f"best {seconds_text(best_s)}")
    return " \u00b7 ".join(bits)


def suggestions(
    catalog: Catalog,
    ladder: Mapping[str, int],
    evidence: Mapping[str, Sequence[SessionEvidence]],
    marked: Collection[str] = (),
) -> list[Suggestion]:
    """One suggestion per exercise (where there is one), with ``marked`` exercises counted as
    painful in the latest session: what the after-session review shows as the person ticks boxes."""
    found = []
    for exercise_id, sessions in evidence.items():
        sessions = list(sessions)
        if sessions and exercise_id in marked:
            sessions[-1] = replace(sessions[-1], painful=True)
        suggestion = suggest(catalog, exercise_id, ladder.get(exercise_id, 0), sessions)
        if suggestion is not None:
            found.append(suggestion)
    return found
