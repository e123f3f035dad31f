"""Opening the database: durability settings, and refusing unusable files untouched."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from desktop.storage.database import Database, open_database
from desktop.storage.errors import StorageError
from desktop.storage.history import HistoryStore
from desktop.storage.location import DATABASE_NAME

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize("fresh", [False, True], ids=["migrating-connection", "new-connection"])
def test_pragmas_are_in_effect_on_every_connection(db: Database, fresh: bool) -> None:
    if fresh:
        db.engine.dispose()  # drop the pooled connection the migration ran on
    with db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar_one()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


def test_reopening_an_up_to_date_database_keeps_its_data(data_dir: Path) -> None:
    first = open_database(data_dir)
    HistoryStore(first).start_session("r", "Routine", T0)
    first.close()
    again = open_database(data_dir)
    assert len(HistoryStore(again).export_history()["sessions"]) == 1
    again.close()


def test_a_committed_set_is_visible_to_an_independent_connection(store: HistoryStore, db: Database) -> None:
    session_id = store.start_session("r", "Routine", T0)
    store.record_set(
        session_id,
        exercise_id="bridge",
        side="none",
        set_index=1,
        started_at=T0,
        ended_at=T0 + timedelta(seconds=40),
    )
    other = create_engine(f"sqlite:///{db.path}")
    with other.connect() as connection:
        assert connection.execute(text("SELECT exercise_id FROM sets")).scalars().all() == ["bridge"]
    other.dispose()


@pytest.mark.slow
def test_a_set_survives_the_process_being_killed(data_dir: Path) -> None:
    """The app may die at any moment; a set reported as recorded must already be on disk."""
    script = textwrap.dedent(
        f"""
        import os
        from datetime import datetime, timezone
        from pathlib import Path
        from desktop.storage.database import open_database
        from desktop.storage.history import HistoryStore
        t = datetime(2025, 3, 1, 8, 0, tzinfo=timezone.utc)
        store = HistoryStore(open_database(Path({str(data_dir)!r})))
        sid = store.start_session("r", "Routine", t)
        store.record_set(sid, exercise_id="plank", side="none", set_index=1,
                         started_at=t, ended_at=t.replace(minute=1))
        os._exit(0)  # no close(), no checkpoint, no atexit
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=Path(__file__).parents[2])
    db = open_database(data_dir)
    store = HistoryStore(db)
    assert store.mark_interrupted() == 1
    [session] = store.export_history()["sessions"]
    assert [s["exercise"] for s in session["sets"]] == ["plank"]
    assert session["outcome"] == "interrupted"
    db.close()


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "Upright"
    blocker.write_text("my notes")
    with pytest.raises(StorageError) as caught:
        open_database(blocker)
    assert caught.value.path == blocker
    assert str(blocker) in str(caught.value) and "is a file" in str(caught.value)
    assert blocker.read_text() == "my notes"


def test_data_dir_below_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StorageError, match="is a file"):
        open_database(tmp_path / "file" / "Upright")


def test_unwritable_data_dir(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir.mkdir()
    data_dir.chmod(0o500)
    if os.geteuid() == 0:  # root ignores the mode bits; make the access check see them
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, mode: False if Path(p) == data_dir else real_access(p, mode)
        )
    try:
        with pytest.raises(StorageError) as caught:
            open_database(data_dir)
    finally:
        data_dir.chmod(0o700)
    assert caught.value.path == data_dir
    assert "not allowed to read and write" in str(caught.value)
    assert list(data_dir.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        b"just some text the user saved here\n",
        b"SQLite",  # shorter than the header
        b"SQLite format 3\x00" + b"\xff" * 4000,  # right header, garbage after it
    ],
    ids=["text", "short", "garbage"],
)
def test_a_file_that_is_not_a_database_is_left_untouched(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir()
    path = data_dir / DATABASE_NAME
    path.write_bytes(content)
    with pytest.raises(StorageError) as caught:
        open_database(data_dir)
    assert caught.value.path == path
    assert str(path) in str(caught.value) and "not an Upright history database" in str(caught.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in data_dir.iterdir()) == [DATABASE_NAME]


def test_another_programs_sqlite_file_is_left_untouched(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not an Upright history database"):
        open_database(data_dir)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_left_untouched(data_dir: Path) -> None:
    open_database(data_dir).close()
    path = data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0042_from_the_future'")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_database(data_dir)
    assert caught.value.path == path
    assert "newer version of Upright" in str(caught.value) and "0042_from_the_future" in str(caught.value)
    assert path.read_bytes() == before


def test_an_empty_file_becomes_a_fresh_database(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DATABASE_NAME).touch()
    db = open_database(data_dir)
    assert HistoryStore(db).export_history() == {"sessions": [], "breaks": []}
    db.close()
