"""The public JSON shape of the history (``upright export`` and backups).

Kept separate from the ORM models so the file format is written down in one
place and can stay stable while the tables change. Times are ISO 8601 with
milliseconds in the local time where they happened (the UTC offset stored
with the session or reminder; a set takes its session's), so the day a
session belongs to is the same here, in the CSV files and in the window,
wherever and in whatever zone the file is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

from desktop.storage.models import BreakRow, SessionRow, SetRow


def history_to_data(sessions: Iterable[SessionRow], breaks: Iterable[BreakRow]) -> dict[str, Any]:
    """Sessions (with their sets and ratings loaded) and breaks, in the caller's order."""
    return {
        "sessions": [_session(session) for session in sessions],
        "breaks": [
            {
                "offered_at": _iso(b.offered_at, b.utc_offset_s),
                "outcome": b.outcome,
                "duration_s": b.duration_s,
            }
            for b in breaks
        ],
    }


def _session(session: SessionRow) -> dict[str, Any]:
    pain = {rating.moment: rating.value for rating in session.pain}
    return {
        "id": session.id,
        "routine": session.routine_id,
        "started_at": _iso(session.started_at, session.utc_offset_s),
        "ended_at": _iso(session.ended_at, session.utc_offset_s),
        "outcome": session.outcome,
        "pain_before": pain.get("before"),
        "pain_after": pain.get("after"),
        "sets": [_set(row, session.utc_offset_s) for row in session.sets],
    }


def _set(row: SetRow, offset_s: int) -> dict[str, Any]:
    return {
        "exercise": row.exercise_id,
        "side": row.side,
        "set": row.set_index,
        "planned_reps": row.planned_reps,
        "done_reps": row.done_reps,
        "planned_s": row.planned_s,
        "done_s": row.done_s,
        "started_at": _iso(row.started_at, offset_s),
        "ended_at": _iso(row.ended_at, offset_s),
    }


def _iso(moment: datetime | None, offset_s: int) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(timezone(timedelta(seconds=offset_s))).isoformat(timespec="milliseconds")
