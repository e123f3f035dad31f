"""A finished set and a session's end as the history keeps them, with wall-clock times.

The session turns its engine events (in engine seconds) into these records
once; the store writes them and the set journal keeps a copy until the
store has them, so both agree on what was done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.core.history import SessionOutcome, SetSide


@dataclass(frozen=True)
class SetRecord:
    session_id: int
    exercise_id: str
    side: SetSide  # an alternating set is stored as none (both sides)
    set_index: int  # counts from 1
    planned_reps: int | None
    done_reps: int | None
    planned_s: float | None
    done_s: float | None
    started_at: datetime  # timezone-aware
    ended_at: datetime


@dataclass(frozen=True)
class SessionEnd:
    """How and when a session ended: journaled like a set, so a busy store cannot lose it."""

    session_id: int
    outcome: SessionOutcome
    ended_at: datetime
