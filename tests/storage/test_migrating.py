"""Future migrations: a table rebuild keeps child rows, and a failed upgrade changes nothing."""

from __future__ import annotations

import shutil
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.storage import database
from desktop.storage.database import open_database
from desktop.storage.errors import StorageError
from desktop.storage.history import HistoryStore

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


NEXT = "9001"  # a revision after the shipped head, as the next release would add


def with_next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, upgrade_body: str) -> None:
    """Point the app at a copy of its migrations plus one more revision doing ``upgrade_body``."""
    migrations = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / f"{NEXT}_test.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = '{NEXT}'\ndown_revision = '{database.HEAD_REVISION}'\n"
        "branch_labels = None\ndepends_on = None\n\n"
        "def upgrade():\n" + textwrap.indent(textwrap.dedent(upgrade_body), "    ") + "\n"
        "def downgrade():\n    pass\n"
    )
    monkeypatch.setattr(database, "MIGRATIONS", migrations)
    monkeypatch.setattr(database, "HEAD_REVISION", NEXT)  # as that release would set it


def history_with_one_set(data_dir: Path) -> None:
    db = open_database(data_dir)
    store = HistoryStore(db)
    sid = store.start_session("r", "Routine", T0)
    store.record_set(
        sid,
        exercise_id="e",
        side="none",
        set_index=1,
        started_at=T0,
        ended_at=T0 + timedelta(seconds=5),
    )
    db.close()


def state(data_dir: Path) -> tuple[str, list[str], int]:
    """(schema revision, table names, number of sets) as found on disk."""
    db = open_database(data_dir)
    with db.engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        tables = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        sets = connection.execute(text("SELECT count(*) FROM sets")).scalar_one()
        result = revision, list(tables.scalars()), sets
    db.close()
    return result


def test_rebuilding_the_parent_table_keeps_every_set(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With foreign keys on, batch mode's DROP TABLE sessions would cascade to every set."""
    history_with_one_set(data_dir)
    with_next_revision(
        tmp_path,
        monkeypatch,
        """
        with op.batch_alter_table("sessions", recreate="always") as batch:
            batch.add_column(sa.Column("note", sa.String(), nullable=True))
    """,
    )
    revision, _, sets = state(data_dir)
    assert (revision, sets) == (NEXT, 1)


def test_a_failed_upgrade_leaves_the_database_as_it_was(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history_with_one_set(data_dir)
    before = state(data_dir)
    with_next_revision(
        tmp_path,
        monkeypatch,
        """
        op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))
        op.execute(
            "INSERT INTO sets (session_id, exercise_id, side, set_index, started_at, ended_at)"
            " VALUES (999, 'orphan', 'none', 1, 0, 0)"
        )
    """,
    )
    with pytest.raises(StorageError, match="without their session"):
        open_database(data_dir)
    monkeypatch.undo()
    assert state(data_dir) == before
