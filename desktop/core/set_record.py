"""A finished set as the history keeps it, with wall-clock times.

The session turns its engine event (``SetFinished``, in engine seconds) into
this record once; the store writes it and the journal keeps a copy until the
store has it, so both agree on what a set is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SetRecord:
    session_id: int
    exercise_id: str
    side: str  # none, left or right
    set_index: int  # counts from 1
    planned_reps: int | None
    done_reps: int | None
    planned_s: float | None
    done_s: float | None
    started_at: datetime  # timezone-aware
    ended_at: datetime
