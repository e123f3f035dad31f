"""Where the person stands on each exercise's ladder, and the evidence for moving.

The current rung and every confirmed change (with its reason) are stored so
the history can show why a dose went up or down. The evidence the policy in
``desktop.core.progression`` needs (pain ratings and painful marks of the
sessions done on the current rung) is read here in one query per exercise.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.dialects.sqlite import insert

from desktop.core.history import Best, StepChange
from desktop.core.progression import SessionEvidence
from desktop.storage.database import Database
from desktop.storage.models import PainfulMarkRow, PainRow, ProgressStepRow, SessionRow, SetRow, StepChangeRow


class ProgressStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def steps(self) -> dict[str, int]:
        """The current rung per exercise; exercises never moved are on rung 0 and not listed."""
        with self._db.read() as session:
            return dict(
                session.execute(select(ProgressStepRow.exercise_id, ProgressStepRow.step)).tuples().all()
            )

    def change_step(
        self, exercise_id: str, to_step: int, reason: str, at: datetime, session_id: int | None = None
    ) -> StepChange:
        """Move to ``to_step`` and keep the change with its reason, in one transaction."""
        if to_step < 0:
            raise ValueError(f"steps count from 0; got {to_step}")
        if not reason.strip():
            raise ValueError("a step change needs a reason")
        with self._db.unit() as session:
            current = session.get(ProgressStepRow, exercise_id)
            from_step = current.step if current else 0
            session.execute(
                insert(ProgressStepRow)
                .values(exercise_id=exercise_id, step=to_step, since=at)
                .on_conflict_do_update(index_elements=["exercise_id"], set_={"step": to_step, "since": at})
            )
            session.add(
                StepChangeRow(
                    exercise_id=exercise_id,
                    from_step=from_step,
                    to_step=to_step,
                    reason=reason,
                    changed_at=at,
                    session_id=session_id,
                )
            )
        return StepChange(exercise_id, from_step, to_step, reason, at, session_id)

    def changes(self) -> list[StepChange]:
        """Every confirmed change, oldest first."""
        with self._db.read() as session:
            rows = session.scalars(select(StepChangeRow).order_by(StepChangeRow.changed_at, StepChangeRow.id))
            return [
                StepChange(r.exercise_id, r.from_step, r.to_step, r.reason, r.changed_at, r.session_id)
                for r in rows
            ]

    def mark_painful(self, session_id: int, exercise_ids: list[str]) -> None:
        if not exercise_ids:
            return
        with self._db.unit() as session:
            session.execute(
                insert(PainfulMarkRow)
                .values([{"session_id": session_id, "exercise_id": e} for e in exercise_ids])
                .on_conflict_do_nothing()
            )

    def evidence(self, exercise_id: str) -> list[SessionEvidence]:
        """Sessions with a finished set of the exercise since its current rung began, oldest first."""
        with self._db.read() as session:
            since = session.scalar(
                select(ProgressStepRow.since).where(ProgressStepRow.exercise_id == exercise_id)
            )
            did = select(SetRow.session_id).where(SetRow.exercise_id == exercise_id)

            def pain(moment: str) -> ScalarSelect[int]:
                return (
                    select(PainRow.value)
                    .where(PainRow.session_id == SessionRow.id, PainRow.moment == moment)
                    .scalar_subquery()
                )

            painful = (
                select(func.count())
                .where(PainfulMarkRow.session_id == SessionRow.id, PainfulMarkRow.exercise_id == exercise_id)
                .scalar_subquery()
            )
            query = (
                select(SessionRow.id, pain("before"), pain("after"), painful)
                .where(SessionRow.id.in_(did))
                .order_by(SessionRow.started_at, SessionRow.id)
            )
            if since is not None:
                query = query.where(SessionRow.started_at >= since)
            return [
                SessionEvidence(sid, before, after, bool(marked))
                for sid, before, after, marked in session.execute(query)
            ]

    def bests(self) -> dict[str, Best]:
        """Best reps in a set and longest set per exercise, for showing goals beside targets."""
        with self._db.read() as session:
            rows = session.execute(
                select(SetRow.exercise_id, func.max(SetRow.done_reps), func.max(SetRow.done_s)).group_by(
                    SetRow.exercise_id
                )
            )
            return {exercise: Best(reps, seconds) for exercise, reps, seconds in rows}
