"""The domain events a session emits; the view, sounds, voice and store subscribe.

Every event carries ``at``: the engine time it belongs to (its deadline),
not the moment it happened to be processed, so late polling never shifts
what is recorded or announced.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.history import SessionOutcome
from desktop.core.plan import Side, Step


@dataclass(frozen=True)
class StepStarted:
    at: float
    index: int
    step: Step


@dataclass(frozen=True)
class Countdown:
    """One of the last three seconds of a timed step: ``seconds_left`` is 3, 2 or 1."""

    at: float
    index: int
    seconds_left: int


@dataclass(frozen=True)
class SideSwitch:
    at: float
    index: int
    side: Side  # the side to switch to


@dataclass(frozen=True)
class RepPhase:
    """A tempo-paced rep entering one of its phases (e.g. ``up``, ``hold``, ``down``)."""

    at: float
    index: int
    rep: int  # 1-based
    of: int
    phase: str
    seconds: float
    side: Side


@dataclass(frozen=True)
class RepCounted:
    at: float
    index: int
    rep: int
    of: int


@dataclass(frozen=True)
class SetFinished:
    at: float  # when the set ended
    index: int
    exercise_id: str
    side: Side
    set_index: int
    started_at: float
    planned_reps: int | None
    done_reps: int | None
    planned_s: float | None
    done_s: float | None


@dataclass(frozen=True)
class Paused:
    at: float


@dataclass(frozen=True)
class Resumed:
    at: float


@dataclass(frozen=True)
class SessionFinished:
    at: float
    outcome: SessionOutcome  # completed or ended early (a crash is found later, at start-up)


Event = (
    StepStarted
    | Countdown
    | SideSwitch
    | RepPhase
    | RepCounted
    | SetFinished
    | Paused
    | Resumed
    | SessionFinished
)
