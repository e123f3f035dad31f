"""Initial history schema: sessions, sets, pain ratings, breaks, settings.

Written by hand to match ``desktop.storage.models`` exactly; tests compare the
two. Times are INTEGER UTC epoch milliseconds (see ``EpochMillis``). The
migration spells out every constraint name instead of relying on the models'
naming convention, so later edits to the models cannot change what this
revision creates.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the five tables and their indexes."""
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("routine_id", sa.String(), nullable=False),
        sa.Column("routine_name", sa.String(), nullable=False),
        sa.Column("started_at", sa.Integer(), nullable=False),
        sa.Column("ended_at", sa.Integer(), nullable=True),
        sa.Column("utc_offset_s", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.CheckConstraint(
            "outcome IN ('completed', 'ended_early', 'interrupted')",
            name=op.f("ck_sessions_outcome"),
        ),
    )
    op.create_index(op.f("ix_sessions_started_at"), "sessions", ["started_at"])

    op.create_table(
        "sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(), nullable=False),
        sa.Column("side", sa.String(), nullable=False),
        sa.Column("set_index", sa.Integer(), nullable=False),
        sa.Column("planned_reps", sa.Integer(), nullable=True),
        sa.Column("done_reps", sa.Integer(), nullable=True),
        sa.Column("planned_s", sa.Float(), nullable=True),
        sa.Column("done_s", sa.Float(), nullable=True),
        sa.Column("started_at", sa.Integer(), nullable=False),
        sa.Column("ended_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sets")),
        sa.CheckConstraint("side IN ('none', 'left', 'right')", name=op.f("ck_sets_side")),
        sa.CheckConstraint("set_index >= 1", name=op.f("ck_sets_set_index")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_sets_session_id_sessions"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(op.f("ix_sets_session_id"), "sets", ["session_id"])

    op.create_table(
        "pain_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("moment", sa.String(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pain_ratings")),
        sa.CheckConstraint("moment IN ('before', 'after')", name=op.f("ck_pain_ratings_moment")),
        sa.CheckConstraint("value BETWEEN 0 AND 10", name=op.f("ck_pain_ratings_value")),
        sa.UniqueConstraint("session_id", "moment", name=op.f("uq_pain_ratings_session_id_moment")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_pain_ratings_session_id_sessions"),
            ondelete="CASCADE",
        ),
    )

    op.create_table(
        "breaks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offered_at", sa.Integer(), nullable=False),
        sa.Column("utc_offset_s", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("answered_at", sa.Integer(), nullable=True),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_breaks")),
        sa.CheckConstraint(
            "outcome IN ('offered', 'taken', 'snoozed', 'skipped', 'natural', 'ignored')",
            name=op.f("ck_breaks_outcome"),
        ),
    )
    op.create_index(op.f("ix_breaks_offered_at"), "breaks", ["offered_at"])

    op.create_table(
        "settings",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )


def downgrade() -> None:
    """Drop everything, children first; only ever used by the tests and developers."""
    op.drop_table("settings")
    op.drop_index(op.f("ix_breaks_offered_at"), table_name="breaks")
    op.drop_table("breaks")
    op.drop_table("pain_ratings")
    op.drop_index(op.f("ix_sets_session_id"), table_name="sets")
    op.drop_table("sets")
    op.drop_index(op.f("ix_sessions_started_at"), table_name="sessions")
    op.drop_table("sessions")
