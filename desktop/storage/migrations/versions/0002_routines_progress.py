"""Routines people make or import, and where each person stands on each exercise's ladder.

``routines.body`` holds the routine in the public file format's ``routine``
shape (JSON), validated before it is written, so an export is that text
inside the versioned envelope. ``progress_steps`` is the current rung per
exercise; ``step_changes`` keeps every change with its reason for the
history; ``painful_marks`` records an exercise the person said hurt in a session.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the four tables."""
    op.create_table(
        "routines",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("based_on", sa.String(), nullable=True),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routines")),
    )
    op.create_table(
        "progress_steps",
        sa.Column("exercise_id", sa.String(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("since", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("exercise_id", name=op.f("pk_progress_steps")),
        sa.CheckConstraint("step >= 0", name=op.f("ck_progress_steps_step")),
    )
    op.create_table(
        "step_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(), nullable=False),
        sa.Column("from_step", sa.Integer(), nullable=False),
        sa.Column("to_step", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_changes")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_step_changes_session_id_sessions"),
            ondelete="SET NULL",
        ),
    )
    op.create_index(op.f("ix_step_changes_exercise_id"), "step_changes", ["exercise_id"])
    op.create_table(
        "painful_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_painful_marks")),
        sa.UniqueConstraint(
            "session_id", "exercise_id", name=op.f("uq_painful_marks_session_id_exercise_id")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_painful_marks_session_id_sessions"),
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    """Drop the four tables; the 0001 history is untouched."""
    op.drop_table("painful_marks")
    op.drop_index(op.f("ix_step_changes_exercise_id"), table_name="step_changes")
    op.drop_table("step_changes")
    op.drop_table("progress_steps")
    op.drop_table("routines")
