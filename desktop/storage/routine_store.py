"""Routines people make, copy or import, kept in the history database.

A routine is stored as the JSON of its public file shape, so what is saved,
exported and imported is one format. Callers validate before saving; this
store only decides ids: it never overwrites a routine it was not asked to
replace, and an import whose id is taken becomes a copy under a new id.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import delete, select

from desktop.core.catalog import Routine
from desktop.core.history import StoredRoutine
from desktop.core.routine_ids import unique_id
from desktop.storage.database import Database
from desktop.storage.models import RoutineRow


@dataclass(frozen=True)
class Unreadable:
    """A stored routine that no longer passes the checks an import makes."""

    id: str
    name: str
    problem: str

    def notice(self) -> str:
        return (
            f"Your routine \u201c{self.name}\u201d ({self.id}) cannot be read ({self.problem}), "
            f"so it is left out. Remove it with `upright routines delete {self.id}`."
        )


# Reads a stored routine's body (its id, the JSON text): the routine, or what is wrong with it.
RoutineReader = Callable[[str, str], "Routine | str"]


class RoutineStore:
    def __init__(self, db: Database, read: RoutineReader | None = None) -> None:
        """``read`` checks a body as an import would (``desktop.content.routine_file.
        stored_routine_reader``); without it only the shape is checked."""
        self._db = db
        self._read = read or _read_shape

    def all(self) -> list[StoredRoutine]:
        """Every stored routine that reads back valid, most recently changed first; the others
        are left out (``unreadable`` names them) so one bad row never hides the rest."""
        return [stored for stored in self._load() if isinstance(stored, StoredRoutine)]

    def unreadable(self) -> list[Unreadable]:
        return [bad for bad in self._load() if isinstance(bad, Unreadable)]

    def get(self, routine_id: str) -> StoredRoutine | None:
        """The routine, or ``None`` if there is none (or it cannot be read)."""
        with self._db.read() as session:
            row = session.get(RoutineRow, routine_id)
            stored = _stored(row, self._read) if row else None
        return stored if isinstance(stored, StoredRoutine) else None

    def _load(self) -> list[StoredRoutine | Unreadable]:
        with self._db.read() as session:
            rows = session.scalars(select(RoutineRow).order_by(RoutineRow.updated_at.desc(), RoutineRow.id))
            return [_stored(row, self._read) for row in rows]

    def add(
        self,
        routine: Routine,
        *,
        reserved: frozenset[str] | set[str],
        now: datetime,
        based_on: str | None = None,
        before_commit: Callable[[Routine], None] | None = None,
    ) -> Routine:
        """Store ``routine`` as a new one; its id changes if it is taken (or in ``reserved``,
        the shipped ids). Returns the routine as stored.

        ``before_commit`` sees the routine as it will be stored, inside the
        transaction: if it raises (the command line could not say what was
        imported), nothing is stored, so trying again makes no copy.
        """
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
            if before_commit is not None:
                session.flush()  # a row the database refuses is refused before anything is said
                before_commit(stored)
        return stored

    def replace(self, routine: Routine, *, now: datetime) -> None:
        """Save an edit of a stored routine; ``KeyError`` if it is not stored (it may have been deleted)."""
        with self._db.unit() as session:
            row = session.get(RoutineRow, routine.id)
            if row is None:
                raise KeyError(routine.id)
            row.name, row.body, row.updated_at = routine.name, _body(routine), now

    def delete(self, routine_id: str) -> StoredRoutine | Unreadable | None:
        """Remove a routine; returns what was removed so the caller can offer Undo (an
        unreadable one can be removed too, but not restored), ``None`` if there is none."""
        with self._db.unit() as session:
            row = session.get(RoutineRow, routine_id)
            if row is None:
                return None
            removed = _stored(row, self._read)
            session.execute(delete(RoutineRow).where(RoutineRow.id == routine_id))
            return removed

    def restore(self, stored: StoredRoutine, *, now: datetime) -> Routine:
        """Put back a deleted routine (under a new id if its old one was taken since)."""
        return self.add(stored.routine, reserved=frozenset(), now=now, based_on=stored.based_on)


def _body(routine: Routine) -> str:
    # Never sort_keys: a tempo's phases run in the order of its keys (open, then close).
    return json.dumps(routine.to_data(), ensure_ascii=False)


def _read_shape(_routine_id: str, body: str) -> Routine | str:
    try:
        return Routine.from_data(json.loads(body))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return f"{type(exc).__name__}: {exc}"


def _stored(row: RoutineRow, read: RoutineReader) -> StoredRoutine | Unreadable:
    """The row's routine, or why not (a row edited outside Upright, or kept from before a
    rule changed, must not reach a session)."""
    routine = read(row.id, row.body)
    if isinstance(routine, str):
        return Unreadable(row.id, row.name, routine)
    return StoredRoutine(routine, row.based_on, row.updated_at)
