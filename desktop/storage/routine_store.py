"""Routines people make, copy or import, kept in the history database.

A routine is stored as the JSON of its public file shape, so what is saved,
exported and imported is one format. Callers validate before saving; this
store only decides ids: it never overwrites a routine it was not asked to
replace, and an import whose id is taken becomes a copy under a new id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import delete, select

from desktop.core.catalog import Routine
from desktop.core.routine_ids import unique_id
from desktop.storage.database import Database
from desktop.storage.models import RoutineRow


@dataclass(frozen=True)
class StoredRoutine:
    routine: Routine
    based_on: str | None
    updated_at: datetime


class RoutineStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[StoredRoutine]:
        """Every stored routine, most recently changed first."""
        with self._db.read() as session:
            rows = session.scalars(select(RoutineRow).order_by(RoutineRow.updated_at.desc(), RoutineRow.id))
            return [_stored(row) for row in rows]

    def get(self, routine_id: str) -> StoredRoutine | None:
        with self._db.read() as session:
            row = session.get(RoutineRow, routine_id)
            return _stored(row) if row else None

    def add(
        self,
        routine: Routine,
        *,
        reserved: frozenset[str] | set[str],
        now: datetime,
        based_on: str | None = None,
    ) -> Routine:
        """Store ``routine`` as a new one; its id changes if it is taken (or in ``reserved``,
        the shipped ids). Returns the routine as stored."""
        with self._db.unit() as session:
            taken = set(reserved) | set(session.scalars(select(RoutineRow.id)))
            stored = replace(routine, id=unique_id(routine.id, taken))
            session.add(
                RoutineRow(
                    id=stored.id,
                    name=stored.name,
                    body=_body(stored),
                    based_on=based_on,
                    created_at=now,
                    updated_at=now,
                )
            )
        return stored

    def replace(self, routine: Routine, *, now: datetime) -> None:
        """Save an edit of a stored routine; ``KeyError`` if it is not stored (it may have been deleted)."""
        with self._db.unit() as session:
            row = session.get(RoutineRow, routine.id)
            if row is None:
                raise KeyError(routine.id)
            row.name, row.body, row.updated_at = routine.name, _body(routine), now

    def delete(self, routine_id: str) -> StoredRoutine | None:
        """Remove a routine; returns what was removed so the caller can offer Undo."""
        with self._db.unit() as session:
            row = session.get(RoutineRow, routine_id)
            if row is None:
                return None
            removed = _stored(row)
            session.execute(delete(RoutineRow).where(RoutineRow.id == routine_id))
            return removed

    def restore(self, stored: StoredRoutine, *, now: datetime) -> Routine:
        """Put back a deleted routine (under a new id if its old one was taken since)."""
        return self.add(stored.routine, reserved=frozenset(), now=now, based_on=stored.based_on)


def _body(routine: Routine) -> str:
    # Never sort_keys: a tempo's phases run in the order of its keys (open, then close).
    return json.dumps(routine.to_data(), ensure_ascii=False)


def _stored(row: RoutineRow) -> StoredRoutine:
    return StoredRoutine(Routine.from_data(json.loads(row.body)), row.based_on, row.updated_at)
