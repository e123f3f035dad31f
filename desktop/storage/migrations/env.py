"""Alembic environment for the history database.

There is no alembic.ini: ``desktop.storage.database`` builds the config in
code and hands over its open connection through
``config.attributes["connection"]``, already inside a transaction, so the
version check, every migration and the version stamp commit or roll back
together. ``sqlalchemy.url`` is the fallback for a developer authoring a new
revision with ``alembic.command.revision(config, autogenerate=True)``.

``render_as_batch`` is needed because SQLite cannot ALTER most things in
place; batch mode rebuilds the table instead. Logging is left to the app, so
this file does not call ``logging.config.fileConfig``.
"""

from alembic import context
from sqlalchemy import Connection, create_engine

from desktop.storage.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


_connection = config.attributes.get("connection")
if _connection is not None:
    _run(_connection)
else:
    with create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://").begin() as _fresh:
        _run(_fresh)
