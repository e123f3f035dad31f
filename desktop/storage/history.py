"""The history as the rest of the app sees it: one method, one committed transaction.

Each method opens its own unit of work and commits before it returns, so a
crash or power cut can lose at most the set in progress, never one that was
already reported as done. Arguments are checked before the database is
touched, so a bad value raises ``ValueError`` and writes nothing; disk
problems surface as ``StorageError``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Table, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from desktop.core.history import (
    BreakOutcome,
    DoneSet,
    HistoryAggregates,
    PainMoment,
    SessionOutcome,
    SessionSummary,
    SetSide,
)
from desktop.storage import aggregates as agg
from desktop.storage.database import Database
from desktop.storage.export import history_data
from desktop.storage.models import (
    BREAK_OUTCOMES,
    PAIN_MOMENTS,
    SESSION_OUTCOMES,
    SIDES,
    Base,
    BreakRow,
    PainfulMarkRow,
    PainRow,
    SessionRow,
    SetRow,
    SettingRow,
)

log = logging.getLogger("upright")


class HistoryStore:
    """Sessions, sets, pain ratings, sit-breaks and settings, each write committed at once."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _unit(self) -> AbstractContextManager[Session]:
        return self._db.unit()

    def _read(self) -> AbstractContextManager[Session]:
        return self._db.read()

    def start_session(
        self, routine_id: str, routine_name: str, started_at: datetime, *, owned: bool = True
    ) -> int:
        """Add a session (still without an outcome); returns its id.

        ``owned``: the calling process runs the session and holds its lock
        (``SessionOwnership``) until it ends; a journal replayed after its
        process ended writes the session unowned. A session the store already
        has (same routine and start time) is not added again: replaying the
        journal after a crash between this commit and its ``done`` line must
        not double it.
        """
        row = SessionRow(
            routine_id=routine_id,
            routine_name=routine_name,
            started_at=started_at,
            utc_offset_s=_local_offset_s(started_at),
        )
        with self._unit() as session:
            same = session.scalar(
                select(SessionRow.id).where(
                    SessionRow.routine_id == routine_id, SessionRow.started_at == started_at
                )
            )
            if same is not None:
                return same
            session.add(row)
            session.flush()
            if owned:
                # Locked before the row is committed, inside the write lock: no other
                # process can see the session without its owner.
                self._db.owner.claim(row.id)
        return row.id

    def record_set(
        self,
        session_id: int,
        *,
        exercise_id: str,
        side: SetSide,
        set_index: int,
        planned_reps: int | None = None,
        done_reps: int | None = None,
        planned_s: float | None = None,
        done_s: float | None = None,
        started_at: datetime,
        ended_at: datetime,
    ) -> int:
        """Commit one finished set the moment it ends; returns its id.

        A set the store already has (same session, exercise, side, index and
        times) is not added again: replaying the journal after a crash
        between this commit and its ``done`` line must not double it.
        """
        _require("side", side, SIDES)
        if set_index < 1:
            raise ValueError(f"set_index counts from 1; got {set_index}")
        row = SetRow(
            session_id=session_id,
            exercise_id=exercise_id,
            side=side,
            set_index=set_index,
            planned_reps=planned_reps,
            done_reps=done_reps,
            planned_s=planned_s,
            done_s=done_s,
            started_at=started_at,
            ended_at=ended_at,
        )
        with self._unit() as session:
            same = session.scalar(
                select(SetRow.id).where(
                    SetRow.session_id == session_id,
                    SetRow.exercise_id == exercise_id,
                    SetRow.side == side,
                    SetRow.set_index == set_index,
                    SetRow.started_at == started_at,
                    SetRow.ended_at == ended_at,
                )
            )
            if same is not None:
                return same
            session.add(row)
            session.flush()
            return row.id

    def finish_session(self, session_id: int, outcome: SessionOutcome, ended_at: datetime) -> None:
        _require("outcome", outcome, SESSION_OUTCOMES)
        with self._unit() as session:
            row = session.get(SessionRow, session_id)
            if row is None:
                raise LookupError(f"no session with id {session_id}")
            row.outcome = outcome
            row.ended_at = ended_at
        self._db.owner.release(session_id)

    def set_pain(
        self, session_id: int, moment: PainMoment, value: int, *, recorded_at: datetime | None = None
    ) -> None:
        """Record (or replace) the 0-10 rating taken ``before`` or ``after`` a session.

        ``recorded_at`` defaults to now; it is a parameter so tests and imports
        can pin it.
        """
        _check_pain(moment, value)
        stmt = insert(PainRow).values(
            session_id=session_id,
            moment=moment,
            value=value,
            recorded_at=recorded_at or datetime.now(UTC),
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[PainRow.session_id, PainRow.moment],
            set_={"value": stmt.excluded.value, "recorded_at": stmt.excluded.recorded_at},
        )
        with self._unit() as session:
            session.execute(stmt)

    def record_break(
        self,
        offered_at: datetime,
        outcome: BreakOutcome,
        answered_at: datetime | None = None,
        duration_s: float | None = None,
    ) -> int:
        """Add a reminder's outcome; returns its id. One the store already has (same offer
        time and outcome) is not added again: a journaled outcome may be replayed twice."""
        _require("outcome", outcome, BREAK_OUTCOMES)
        row = BreakRow(
            offered_at=offered_at,
            utc_offset_s=_local_offset_s(offered_at),
            outcome=outcome,
            answered_at=answered_at,
            duration_s=duration_s,
        )
        with self._unit() as session:
            same = session.scalar(
                select(BreakRow.id).where(BreakRow.offered_at == offered_at, BreakRow.outcome == outcome)
            )
            if same is not None:
                return same
            session.add(row)
            session.flush()
            return row.id

    def count_breaks(self, outcome: BreakOutcome, since: datetime) -> int:
        """How many reminders since ``since`` ended with ``outcome`` (the tray's daily skip count)."""
        _require("outcome", outcome, BREAK_OUTCOMES)
        with self._read() as session:
            return session.scalar(  # type: ignore[return-value]  # count() is never NULL
                select(func.count())
                .select_from(BreakRow)
                .where(BreakRow.outcome == outcome, BreakRow.offered_at >= since)
            )

    def mark_interrupted(self) -> int:
        """Close the sessions whose process has ended without finishing them; returns how many.

        Called at start-up. A session still without an outcome whose owner is
        gone (``SessionOwnership``) was cut short by a crash or shutdown, so it
        ends where its last committed set ended (or where it started, if no
        set was finished). A session another running Upright owns is left
        alone, whatever its start time says.

        A read looks first, so the usual start (nothing to close) takes no write
        lock and does not wait on a busy store; only when there is something to
        close is the check made again inside the write transaction, where no
        session can start or finish half-way through it.
        """
        if not self._orphaned_sessions(self._read):
            return 0
        last_set_end = (
            select(func.max(SetRow.ended_at)).where(SetRow.session_id == SessionRow.id).scalar_subquery()
        )
        with self._unit() as session:
            gone = self._orphaned_sessions(lambda: nullcontext(session))
            if not gone:
                return 0
            stmt = (
                update(SessionRow)
                .where(SessionRow.id.in_(gone))
                .values(outcome="interrupted", ended_at=func.coalesce(last_set_end, SessionRow.started_at))
                .execution_options(synchronize_session=False)
            )
            return cast(CursorResult[Any], session.execute(stmt)).rowcount

    def _orphaned_sessions(self, unit: Callable[[], AbstractContextManager[Session]]) -> list[int]:
        with unit() as session:
            open_ids = session.scalars(select(SessionRow.id).where(SessionRow.outcome.is_(None))).all()
        return [sid for sid in open_ids if self._db.owner.orphaned(sid)]

    def get_setting(self, key: str, default: Any = None) -> Any:
        """The stored value, or ``default``; a value that is not JSON (edited outside Upright)
        is skipped with a notice, so one bad row never stops the rest from working. Callers
        check the shape of what they get, as they do for a settings file."""
        with self._read() as session:
            row = session.get(SettingRow, key)
            if row is None:
                return default
            try:
                return json.loads(row.value)
            except ValueError as exc:
                log.warning(
                    "upright: the stored setting %r in %s cannot be read (%s); the default is used "
                    "until it is saved again",
                    key,
                    self._db.path,
                    exc,
                )
                return default

    def set_setting(self, key: str, value: Any) -> None:
        encoded = json.dumps(value)  # fails on unserialisable values before any write
        with self._unit() as session:
            session.merge(SettingRow(key=key, value=encoded))

    def export_history(self, since: datetime | None = None) -> dict[str, Any]:
        """Everything (or what began at ``since`` or later), in the public JSON shape of
        ``desktop.storage.export``, oldest first."""
        with self._read() as session:
            return history_data(session, since)

    # -- the history page ------------------------------------------------------
    # Each read is one unit of work on the store's connection (the caller runs it
    # on the store thread with ``StoreWorker.run``); the SQL lives in
    # ``desktop.storage.aggregates``.

    def aggregates(
        self, first_day: date, last_day: date, today: date, first_weekday: int = 1
    ) -> HistoryAggregates:
        """``first_weekday``: the ISO weekday weeks start on (the locale's, in the window)."""
        with self._read() as session:
            return agg.load_aggregates(session, first_day, last_day, today, first_weekday)

    def history_range(self) -> tuple[date, date] | None:
        with self._read() as session:
            return agg.history_range(session)

    def list_sessions(self, first_day: date, last_day: date, limit: int = 200) -> list[SessionSummary]:
        with self._read() as session:
            return agg.list_sessions(session, first_day, last_day, limit)

    def session_sets(self, session_id: int) -> list[DoneSet]:
        """One session's sets, in the order they were done."""
        with self._read() as session:
            rows = sorted(_rows(session, SetRow, session_id), key=lambda row: row["started_at"])
        return [
            DoneSet(
                exercise_id=row["exercise_id"],
                side=SetSide(row["side"]),  # the column's text, typed
                set_index=row["set_index"],
                planned_reps=row["planned_reps"],
                done_reps=row["done_reps"],
                planned_s=row["planned_s"],
                done_s=row["done_s"],
                started_at=row["started_at"],
                ended_at=row["ended_at"],
            )
            for row in rows
        ]

    def export_csv(self, folder: Path) -> list[Path]:
        from desktop.storage.csv_export import export_csv

        return export_csv(self._db, folder)

    def delete_session(self, session_id: int) -> dict[str, Any]:
        """Delete a session with its sets and ratings; returns what ``restore_session`` needs to undo it.

        The snapshot is plain dicts of column values (times as aware UTC
        datetimes), so it can wait in an undo slot without holding ORM state.
        """
        with self._unit() as session:
            row = session.execute(select(SessionRow.__table__).where(SessionRow.id == session_id)).first()
            if row is None:
                raise LookupError(f"no session with id {session_id}")
            snapshot: dict[str, Any] = {"session": dict(row._mapping)}
            for key, model in _CHILDREN:
                snapshot[key] = _rows(session, model, session_id)
            # Core DELETE: the database cascades to sets and ratings in one statement.
            session.execute(delete(SessionRow).where(SessionRow.id == session_id))
            return snapshot

    def restore_session(self, snapshot: dict[str, Any]) -> int:
        """Put a deleted session back, with the same ids where they are still free; returns its id.

        SQLite hands out max(id) + 1, so a session started after the delete
        may already hold the old id; the restored one then gets a new id
        rather than failing the undo.
        """
        with self._unit() as session:
            session_id = _insert_keeping_ids(session, SessionRow, [snapshot["session"]])[0]
            for key, model in _CHILDREN:
                children = [{**row, "session_id": session_id} for row in snapshot[key]]
                _insert_keeping_ids(session, model, children)
            return session_id

    def correct_pain(self, session_id: int, moment: PainMoment, value: int | None) -> None:
        """Change a rating from the history page; ``None`` removes it.

        Unlike ``set_pain`` an existing rating keeps its ``recorded_at``: the
        moment it was asked has not changed, only the number.
        """
        if value is not None:
            _check_pain(moment, value)
        else:
            _require("moment", moment, PAIN_MOMENTS)
        with self._unit() as session:
            if session.get(SessionRow, session_id) is None:
                raise LookupError(f"no session with id {session_id}")
            where = (PainRow.session_id == session_id) & (PainRow.moment == moment)
            if value is None:
                session.execute(delete(PainRow).where(where))
                return
            stmt = insert(PainRow).values(
                session_id=session_id, moment=moment, value=value, recorded_at=datetime.now(UTC)
            )
            session.execute(
                stmt.on_conflict_do_update(
                    index_elements=[PainRow.session_id, PainRow.moment], set_={"value": stmt.excluded.value}
                )
            )


# A session's rows in other tables, by their key in a ``delete_session`` snapshot.
_CHILDREN = (("sets", SetRow), ("pain", PainRow), ("painful", PainfulMarkRow))


def _rows(session: Session, model: type[Base], session_id: int) -> list[dict[str, Any]]:
    table = model.__table__
    stmt = select(table).where(table.c.session_id == session_id).order_by(table.c.id)
    return [dict(row._mapping) for row in session.execute(stmt)]


def _insert_keeping_ids(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` one by one, dropping an id that is already taken; returns the ids used."""
    table = cast(Table, model.__table__)  # a mapped class's table (FromClause to the checker)
    wanted = [row["id"] for row in rows if row.get("id") is not None]
    taken = set(session.scalars(select(table.c.id).where(table.c.id.in_(wanted)))) if wanted else set()
    ids = []
    for row in rows:
        values = {k: v for k, v in row.items() if not (k == "id" and v in taken)}
        inserted = cast(CursorResult[Any], session.execute(table.insert().values(**values)))
        key = inserted.inserted_primary_key
        assert key is not None  # an INSERT of one row always has its key
        ids.append(key[0])
    return ids


def _local_offset_s(moment: datetime) -> int:
    """This machine's UTC offset at ``moment``, so days can be grouped as the user lived them."""
    offset = moment.astimezone().utcoffset()
    assert offset is not None  # astimezone() always returns an aware datetime
    return int(offset.total_seconds())


def _check_pain(moment: str, value: int) -> None:
    _require("moment", moment, PAIN_MOMENTS)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"pain value must be a whole number from 0 to 10; got {value!r}")


def _require(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
