"""The history when the disk or the file is not what it should be.

A disk that fills up mid-write (SQLite's ``max_page_count`` makes the file
"full" at its current size), a data folder that cannot be written, a file cut
short, a file that is not a database, a database written by a newer Upright.
Each gives one clear message naming the file or folder and the problem; what
was committed before stays readable and a refused file keeps every byte.
tests/storage/test_database.py covers opening an empty folder or file of each
kind; these start from a real history and go through the command line.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from desktop.cli.main import main as upright
from desktop.storage.database import open_database
from desktop.storage.errors import StorageError
from desktop.storage.history import HistoryStore
from desktop.storage.location import DATABASE_NAME

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def record_sets(store: HistoryStore, session: int, count: int, first: int = 1) -> None:
    for n in range(first, first + count):
        store.record_set(
            session,
            exercise_id="bird-dog",
            side="left" if n % 2 else "right",
            set_index=n,
            planned_s=30.0,
            done_s=30.0,
            started_at=T0 + timedelta(minutes=n),
            ended_at=T0 + timedelta(minutes=n, seconds=30),
        )


def committed_sets(db_path: Path) -> list[tuple]:
    """The sets as an independent reader sees them (read-only, nothing written)."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT * FROM sets ORDER BY id").fetchall()
    finally:
        connection.close()


@pytest.fixture
def history(tmp_path) -> Path:
    """A data folder holding a finished session of 6 sets, closed cleanly (WAL checkpointed)."""
    data = tmp_path / "Upright"
    db = open_database(data)
    store = HistoryStore(db)
    session = store.start_session("desk-break", "Desk break", T0)
    record_sets(store, session, 6)
    store.finish_session(session, "completed", T0 + timedelta(minutes=7))
    for minute in range(400):  # some bulk, so the file spans many pages
        store.record_break(T0 + timedelta(minutes=minute), "taken", T0 + timedelta(minutes=minute), 60.0)
    db.close()
    return data


def test_a_disk_that_fills_up_mid_session_loses_no_committed_set(history):
    db = open_database(history)
    store = HistoryStore(db)
    session = store.start_session("desk-break", "Desk break", T0 + timedelta(hours=1))
    record_sets(store, session, 3)
    with db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()

    def disk_is_full_now(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", disk_is_full_now)
    db.engine.dispose()  # new connections see the limit
    saved = 3
    with pytest.raises(StorageError) as caught:
        for n in range(4, 5000):
            record_sets(store, session, 1, first=n)
            saved += 1
    error = caught.value
    assert error.path == db.path
    assert str(db.path) in str(error) and "the disk is full" in str(error)
    assert "everything saved before it is safe" in str(error)
    mine = [row for row in committed_sets(db.path) if row[1] == session]
    assert [row[4] for row in mine] == list(range(1, saved + 1))  # every set up to the failing one, no more
    # Space comes back: the store carries on where it was, in the same session.
    event.remove(db.engine, "connect", disk_is_full_now)
    db.engine.dispose()
    record_sets(store, session, 1, first=saved + 1)
    store.finish_session(session, "completed", T0 + timedelta(hours=2))
    db.close()
    with sqlite3.connect(db.path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    assert len([row for row in committed_sets(db.path) if row[1] == session]) == saved + 1


FULL_DISK_RUN = r"""
import sys
import desktop.storage.database as database

_connect = database._on_connect


def _full(dbapi_connection, record):  # the disk has no room beyond the file as it is now
    _connect(dbapi_connection, record)
    pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
    dbapi_connection.execute(f"PRAGMA max_page_count = {max(pages, 1)}")


database._on_connect = _full
from desktop.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def fill_to_the_brim(db_path: Path, room_for_sets: int) -> None:
    """Fill the file until not one more set fits, then free room for ``room_for_sets`` sets."""
    connection = sqlite3.connect(db_path)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    row = ("figure-four-stretch", "left", 1, 6.0, 6.0, 1795456386022, 1795456386322)
    try:
        while True:
            connection.execute(
                "INSERT INTO sets (session_id, exercise_id, side, set_index, planned_s, done_s,"
                " started_at, ended_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            connection.commit()
    except sqlite3.OperationalError as full:
        assert "full" in str(full)
    connection.rollback()
    connection.execute(
        "DELETE FROM sets WHERE id IN (SELECT id FROM sets ORDER BY id DESC LIMIT ?)", (room_for_sets,)
    )
    connection.commit()
    connection.close()


@pytest.mark.slow
def test_upright_run_says_the_disk_is_full_once_and_keeps_what_it_saved(history, tmp_path):
    db_path = history / DATABASE_NAME
    fill_to_the_brim(db_path, room_for_sets=2)
    routine = tmp_path / "routine.json"
    routine.write_text(
        json.dumps(
            {
                "format": "upright-routine",
                "version": 1,
                "routine": {
                    "id": "holds",
                    "name": "Holds",
                    "description": "Six short holds.",
                    "items": [{"exercise": "figure-four-stretch", "hold_s": 6, "sets": 3, "rest_s": 4}],
                },
            }
        )
    )
    before = committed_sets(db_path)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            FULL_DISK_RUN,
            "--data-dir",
            str(history),
            "run",
            str(routine),
            "--auto",
            "--speed",
            "20",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    after = committed_sets(db_path)
    assert after[: len(before)] == before and len(after) == len(before) + 2  # the two that had room
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    assert out.stderr.count("the disk is full") == 1
    assert out.returncode == 2


def _read_only_folder(data: Path, monkeypatch) -> None:
    data.chmod(0o555)
    if os.geteuid() == 0:  # root writes anyway; make the access check see the mode bits
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == data else real_access(p, mode))


def _truncate(fraction: float):
    def cut(path: Path, _monkeypatch) -> None:
        data = path.read_bytes()
        pages = len(data) // 4096
        keep = max(1, int(pages * fraction)) * 4096 + (1000 if fraction == 0.5 else 0)  # one cut mid-page
        path.write_bytes(data[:keep])

    return cut


def _not_a_database(path: Path, _monkeypatch) -> None:
    path.write_bytes(b"Dear diary,\n" * 500)


def _newer_schema(path: Path, _monkeypatch) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.close()


DAMAGE = {
    "read-only folder": (
        lambda path, mp: _read_only_folder(path.parent, mp),
        "not allowed to read and write",
        "folder",
    ),
    "cut to one page": (_truncate(0.0), "not an Upright history database", "file"),
    "cut mid-page": (_truncate(0.5), "not an Upright history database", "file"),
    "last page cut": (_truncate(0.97), "not an Upright history database", "file"),
    "not a database": (_not_a_database, "not an Upright history database", "file"),
    "newer schema": (_newer_schema, "newer version of Upright", "file"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_an_unusable_history_is_named_and_left_as_it_was(history, damage, monkeypatch, capsys):
    db_path = history / DATABASE_NAME
    sets_before = committed_sets(db_path)
    make, words, named = DAMAGE[damage]
    make(db_path, monkeypatch)
    before = db_path.read_bytes()
    readable_before = _readable(db_path)
    try:
        code = upright(["--data-dir", str(history), "history", "--json"])
        captured = capsys.readouterr()
        with pytest.raises(StorageError) as caught:  # what the window and the tray are told
            open_database(history)
    finally:
        history.chmod(0o755)
    assert code == 2 and captured.out == ""
    message = captured.err.strip()
    assert message.count("\n") == 0 and message.startswith("upright: ") and words in message
    assert str(db_path if named == "file" else history) in message
    assert caught.value.message in message
    assert db_path.read_bytes() == before, "a refused file must keep every byte"
    assert _readable(db_path) == readable_before  # nothing became unreadable by our doing
    if damage in ("read-only folder", "newer schema"):
        assert committed_sets(db_path) == sets_before  # the history itself is intact


def _readable(db_path: Path):
    try:
        return committed_sets(db_path)
    except sqlite3.DatabaseError as error:
        return type(error).__name__
