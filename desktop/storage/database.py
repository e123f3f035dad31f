"""Opening the history database without ever harming a file that is not ours.

Everything that could show the file is unusable (a file where the folder
should be, no permission, not SQLite, written by a newer Upright) is checked
first with read-only access, before SQLAlchemy opens it read-write: even the
switch to WAL mode rewrites the file header, and a user's file must stay
byte-for-byte as it was whenever we refuse it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop.storage.errors import BUSY_TIMEOUT_S, StorageError
from desktop.storage.location import DATABASE_NAME
from desktop.storage.session_owner import SessionOwnership

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration's id. A database already stamped with it opens without
# importing Alembic at all (~16 MB and ~100 ms); a test keeps it equal to the head.
HEAD_REVISION = "0003"
_SQLITE_HEADER = b"SQLite format 3\x00"
_PRAGMAS = (
    # First, so the WAL switch below waits for other processes.
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000:.0f}",
    "PRAGMA journal_mode=WAL",  # readers never block the writer committing a set
    "PRAGMA synchronous=FULL",  # a finished set must survive a power cut
    "PRAGMA foreign_keys=ON",
)


class Database:
    """An open history database: its engine and a factory for units of work."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)
        self._readers: sessionmaker[Session] = sessionmaker(
            engine.execution_options(upright_read=True), expire_on_commit=False
        )
        self.owner = SessionOwnership(path.parent)

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One committed write transaction; disk problems come out as ``StorageError``.

        It takes the write lock up front (BEGIN IMMEDIATE): a second writer
        waits out the busy timeout at the start instead of failing half-way.
        """
        with translate_errors(self.path), self.sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One read transaction (a deferred BEGIN): a consistent WAL snapshot without the
        write lock, so reading never waits for, or holds up, a session saving its sets."""
        with translate_errors(self.path), self._readers.begin() as session:
            yield session

    def close(self) -> None:
        """Close every connection (the last one checkpoints the WAL back into the file) and
        let go of the sessions this process was running."""
        self.engine.dispose()
        self.owner.close()


def open_database(data_dir: Path) -> Database:
    """Open (creating or upgrading as needed) the history in ``data_dir``.

    Raises ``StorageError`` with a message for the user when the folder or
    file cannot be used; the file is then left exactly as it was.
    """
    _ensure_folder(data_dir)
    path = data_dir / DATABASE_NAME
    _check_existing_file(path)
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    try:
        with translate_errors(path):
            _upgrade(engine, path)
            _check_schema(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine)


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn disk-full, I/O and permission failures from SQLite into ``StorageError``."""
    try:
        yield
    except DBAPIError as exc:
        if isinstance(exc.orig, sqlite3.Error):
            mapped = StorageError.from_sqlite(path, exc.orig)
            if mapped is not None:
                raise mapped from exc
        raise


def _ensure_folder(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise StorageError.not_a_folder(data_dir) from exc
    except OSError as exc:
        raise StorageError.cannot_create(data_dir, exc) from exc
    # SQLite needs to create the -wal and -shm files beside the database.
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise StorageError.no_permission(data_dir)


def _check_existing_file(path: Path) -> None:
    try:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    except IsADirectoryError as exc:
        raise StorageError.not_a_database(path) from exc
    except PermissionError as exc:
        raise StorageError.no_permission(path) from exc
    if not header:
        return  # SQLite treats an empty file as a new, empty database
    if header != _SQLITE_HEADER:
        raise StorageError.not_a_database(path)
    if not os.access(path, os.R_OK | os.W_OK):
        raise StorageError.no_permission(path)
    stamp = _stamp(path)
    if stamp in (None, HEAD_REVISION) or stamp in _known_revisions():
        return
    number = re.match(r"\d+", stamp)  # our revisions are numbered: 0001, 0002, ...
    if number and int(number.group()) > int(HEAD_REVISION):
        raise StorageError.newer_version(path, stamp)
    raise StorageError.damaged(path, f"its format stamp {stamp!r} is not one any Upright writes")


def _stamp(path: Path) -> str | None:
    """The Alembic revision recorded in the file (``None`` for a new, empty database),
    read through a read-only connection.

    A SQLite file with tables but no version table belongs to some other
    program, and we refuse it rather than add our tables to it; a version
    table without exactly one stamp has been tampered with.
    """
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise StorageError.not_a_database(path)
                return None
            stamps = [rev for (rev,) in connection.execute("SELECT version_num FROM alembic_version")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise (StorageError.from_sqlite(path, exc) or StorageError.not_a_database(path)) from exc
    if len(stamps) != 1:
        raise StorageError.damaged(
            path, "its format stamp is missing" if not stamps else "it carries several format stamps"
        )
    return str(stamps[0])


def alembic_config() -> Config:
    """Config for the migrations shipped inside the package; no alembic.ini, so wheels just work."""
    from alembic.config import Config

    config = Config()
    # Config values go through configparser interpolation, where "%" is special.
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    return config


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _upgrade(engine: Engine, path: Path) -> None:
    """Bring the schema to head in one transaction, with foreign keys off as SQLite advises.

    Batch migrations rebuild a table by dropping and re-creating it; with
    foreign keys on, dropping ``sessions`` would cascade and delete every set.
    The pragma is ignored inside a transaction, so it is switched on the raw
    connection before BEGIN, and ``foreign_key_check`` guards the result.
    """
    with engine.connect() as connection:
        # Plain reads here start no SQLAlchemy transaction; the driver is sqlite3.
        raw = cast(sqlite3.Connection, connection.connection.dbapi_connection)
        if _stamped_on(raw) == [HEAD_REVISION]:
            return  # up to date: no need to load Alembic
        from alembic import command

        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StorageError.damaged(path, "updating it left sets without their session")
        except DBAPIError as exc:  # the tables do not match the stamp; the transaction rolled back
            if isinstance(exc.orig, sqlite3.Error) and StorageError.from_sqlite(path, exc.orig):
                raise
            raise StorageError.damaged(path, f"updating it to this version failed ({exc.orig})") from exc
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _check_schema(engine: Engine, path: Path) -> None:
    """Every table and column the models use is there (about a millisecond).

    A table dropped or renamed outside Upright would otherwise surface as
    "no such table" in the middle of a session.
    """
    from desktop.storage.models import Base

    with engine.execution_options(upright_read=True).connect() as connection:  # no write lock
        for table in Base.metadata.sorted_tables:
            info = connection.exec_driver_sql(f'PRAGMA table_info("{table.name}")')
            have = {row[1] for row in info}
            if not have:
                raise StorageError.damaged(path, f"its table {table.name!r} is missing")
            missing = sorted(set(table.columns.keys()) - have)
            if missing:
                raise StorageError.damaged(path, f"its table {table.name!r} lacks the column {missing[0]!r}")


def _stamped_on(raw: sqlite3.Connection) -> list[str]:
    if not raw.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone():
        return []
    return [rev for (rev,) in raw.execute("SELECT version_num FROM alembic_version")]


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    for pragma in _PRAGMAS:
        dbapi_connection.execute(pragma)


def _on_begin(connection: Connection) -> None:
    # The sqlite3 module only opens a transaction before INSERT/UPDATE/DELETE,
    # so on its own a migration's DDL would commit piecemeal; an explicit BEGIN
    # makes every unit of work, migrations included, all-or-nothing. IMMEDIATE
    # takes the write lock up front, so a second Upright process waits out
    # busy_timeout instead of failing half-way through a transaction; reads
    # (``Database.read``) begin deferred and never take it.
    read = connection.get_execution_options().get("upright_read", False)
    connection.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")
