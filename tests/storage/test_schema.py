"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Engine, Integer, MetaData, create_engine

from desktop.storage.database import HEAD_REVISION, Database, alembic_config
from desktop.storage.models import Base

SCHEMA_SQL = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name != 'alembic_version' ORDER BY name"


def diff_against(engine: Engine, metadata: MetaData) -> list:
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), metadata)


def test_migrated_schema_matches_the_models(db: Database) -> None:
    assert diff_against(db.engine, Base.metadata) == []


def test_the_comparison_notices_a_missing_column(db: Database) -> None:
    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    metadata.tables["sets"].append_column(Column("extra", Integer))
    diff = diff_against(db.engine, metadata)
    assert [(d[0], d[2], d[3].name) for d in diff] == [("add_column", "sets", "extra")]


def test_migrated_sql_is_identical_to_create_all(db: Database, tmp_path: Path) -> None:
    """Stricter than autogenerate, which ignores CHECK constraints and ON DELETE."""
    fresh = create_engine(f"sqlite:///{tmp_path / 'from_models.sqlite3'}")
    Base.metadata.create_all(fresh)
    with fresh.connect() as expected, db.engine.connect() as actual:
        assert actual.exec_driver_sql(SCHEMA_SQL).all() == expected.exec_driver_sql(SCHEMA_SQL).all()
    fresh.dispose()


def test_migrations_are_at_head_and_downgrade_cleanly(db: Database) -> None:
    with db.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_heads() == (HEAD_REVISION,)
    with db.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql(SCHEMA_SQL).all() == []


def test_head_revision_constant_is_alembics_head():
    from alembic.script import ScriptDirectory

    from desktop.storage.database import HEAD_REVISION, alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_reopening_an_up_to_date_database_does_not_load_alembic(tmp_path):
    import subprocess
    import sys

    from desktop.storage.database import open_database

    open_database(tmp_path).close()
    code = (
        "import sys, pathlib; from desktop.storage.database import open_database;"
        f"open_database(pathlib.Path({str(tmp_path)!r})).close();"
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
