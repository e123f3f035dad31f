"""What a session (or a reminder) leaves in the history, as records that can wait on disk.

A session's start, its finished sets, its pain ratings and its end are each
turned into one of these once (and so is a reminder's outcome when the tray
must end before the store can take it); the store writes them and the journal
(``desktop.storage.set_journal``) keeps a copy until the store has them, so
both agree on what was done and a store another program keeps busy loses
nothing. The session is named by its key (``session``), chosen when it
starts, not by the store's row id: the row may not exist yet when its first
set finishes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.core.history import BreakOutcome, PainMoment, SessionOutcome, SetSide


@dataclass(frozen=True)
class SessionStart:
    session: str  # the session's key: names it in every record about it, before and after the store has it
    routine_id: str
    routine_name: str
    started_at: datetime  # timezone-aware


@dataclass(frozen=True)
class SetRecord:
    session: str  # the key of the session's ``SessionStart``
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
class PainRecord:
    """A 0-10 rating given before or after the session."""

    session: str
    moment: PainMoment
    value: int
    recorded_at: datetime


@dataclass(frozen=True)
class SessionEnd:
    """How and when a session ended, so a session finished while the store was busy is not
    later taken for a crashed one."""

    session: str
    outcome: SessionOutcome
    ended_at: datetime


@dataclass(frozen=True)
class BreakRecord:
    """A reminder's outcome, as ``HistoryStore.record_break`` takes it."""

    offered_at: datetime
    outcome: BreakOutcome
    answered_at: datetime | None
    duration_s: float | None


SessionRecord = SessionStart | SetRecord | PainRecord | SessionEnd
JournalRecord = SessionRecord | BreakRecord
