"""The history tables as SQLAlchemy 2.0 declarative models.

The migrations in ``migrations/versions`` are the source of truth for the file
on disk; these models must describe exactly the same schema, which
``tests/storage/test_schema.py`` checks.

Times are INTEGER milliseconds since the Unix epoch, in UTC: they sort and
compare as plain numbers in SQL, carry no ambiguity around DST changes, and
millisecond precision is all a timer needs. The local offset at the start of a
session or break is kept beside it so "which day was this?" can be answered in
SQL without knowing the zone rules of the past.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import CheckConstraint, ForeignKey, Integer, MetaData, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from desktop.core.history import BreakOutcome, PainMoment, SessionOutcome, SetSide

# The strings each text column may hold: the values of the core's enums (a CHECK constraint each).
SESSION_OUTCOMES = tuple(o.value for o in SessionOutcome)
SIDES = tuple(s.value for s in SetSide)
PAIN_MOMENTS = tuple(m.value for m in PainMoment)
BREAK_OUTCOMES = tuple(o.value for o in BreakOutcome)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)

# Named constraints let future batch migrations on SQLite find and drop them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, allowed: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in allowed)})"


class EpochMillis(TypeDecorator[datetime]):
    """A timezone-aware ``datetime`` stored as INTEGER UTC epoch milliseconds.

    Naive datetimes are refused: guessing their zone is how histories end up
    an hour off after a DST change. Values come back in UTC, truncated to the
    millisecond; callers render them in whatever zone they need.
    """

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"refusing naive datetime {value.isoformat()}: pass a timezone-aware one")
        return (value - _EPOCH) // _MS

    def process_result_value(self, value: int | None, dialect: Dialect) -> datetime | None:
        return None if value is None else _EPOCH + value * _MS


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SessionRow(Base):
    """One run of a routine; ``outcome`` stays NULL while it is running."""

    __tablename__ = "sessions"
    __table_args__ = (CheckConstraint(_one_of("outcome", SESSION_OUTCOMES), name="outcome"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    routine_id: Mapped[str]
    routine_name: Mapped[str]
    started_at: Mapped[datetime] = mapped_column(EpochMillis, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(EpochMillis)
    utc_offset_s: Mapped[int]
    outcome: Mapped[str | None]

    sets: Mapped[list[SetRow]] = relationship(order_by="(SetRow.started_at, SetRow.id)", passive_deletes=True)
    pain: Mapped[list[PainRow]] = relationship(passive_deletes=True)


class SetRow(Base):
    """One finished set, committed the moment it ends."""

    __tablename__ = "sets"
    __table_args__ = (
        CheckConstraint(_one_of("side", SIDES), name="side"),
        CheckConstraint("set_index >= 1", name="set_index"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    exercise_id: Mapped[str]
    side: Mapped[str]
    set_index: Mapped[int]
    planned_reps: Mapped[int | None]
    done_reps: Mapped[int | None]
    planned_s: Mapped[float | None]
    done_s: Mapped[float | None]
    started_at: Mapped[datetime] = mapped_column(EpochMillis)
    ended_at: Mapped[datetime] = mapped_column(EpochMillis)


class PainRow(Base):
    """A 0-10 pain rating taken before or after a session, at most one of each."""

    __tablename__ = "pain_ratings"
    __table_args__ = (
        CheckConstraint(_one_of("moment", PAIN_MOMENTS), name="moment"),
        CheckConstraint("value BETWEEN 0 AND 10", name="value"),
        UniqueConstraint("session_id", "moment"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    moment: Mapped[str]
    value: Mapped[int]
    recorded_at: Mapped[datetime] = mapped_column(EpochMillis)


class BreakRow(Base):
    """One sit-break reminder and what the user did with it."""

    __tablename__ = "breaks"
    __table_args__ = (CheckConstraint(_one_of("outcome", BREAK_OUTCOMES), name="outcome"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offered_at: Mapped[datetime] = mapped_column(EpochMillis, index=True)
    utc_offset_s: Mapped[int]
    outcome: Mapped[str]
    answered_at: Mapped[datetime | None] = mapped_column(EpochMillis)
    duration_s: Mapped[float | None]


class SettingRow(Base):
    """A user preference; ``value`` is JSON text so settings need no migrations."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RoutineRow(Base):
    """A routine someone made, copied or imported; ``body`` is its validated JSON."""

    __tablename__ = "routines"

    id: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    body: Mapped[str] = mapped_column(Text)
    based_on: Mapped[str | None]
    created_at: Mapped[datetime] = mapped_column(EpochMillis)
    updated_at: Mapped[datetime] = mapped_column(EpochMillis)


class ProgressStepRow(Base):
    """The rung of an exercise's progression ladder the person is on now (0 = first)."""

    __tablename__ = "progress_steps"
    __table_args__ = (CheckConstraint("step >= 0", name="step"),)

    exercise_id: Mapped[str] = mapped_column(primary_key=True)
    step: Mapped[int]
    since: Mapped[datetime] = mapped_column(EpochMillis)


class StepChangeRow(Base):
    """One confirmed move on a ladder and why, kept for the history."""

    __tablename__ = "step_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[str] = mapped_column(index=True)
    from_step: Mapped[int]
    to_step: Mapped[int]
    reason: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(EpochMillis)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"))


class PainfulMarkRow(Base):
    """An exercise the person marked as painful in one session."""

    __tablename__ = "painful_marks"
    __table_args__ = (UniqueConstraint("session_id", "exercise_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    exercise_id: Mapped[str]
