"""A disk with almost no space left gets the disk-full message, never "check the drive".

SQLite reports a full disk as SQLITE_FULL only when the database file
itself cannot grow; met while writing the WAL or its index, it is an I/O
error. The real thing is tried on a tiny tmpfs (where this machine lets
tests mount one), a new database included; the mapping itself is tried
with the exact errors SQLite raises, on a disk said to be full and on one with room.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.storage import errors
from desktop.storage.errors import StorageError

ROOT = Path(__file__).resolve().parents[2]
SQLITE_IOERR_WRITE = sqlite3.SQLITE_IOERR | (3 << 8)
SQLITE_IOERR_SHMSIZE = sqlite3.SQLITE_IOERR | (19 << 8)


def sqlite_error(code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = code  # what the sqlite3 module sets on the errors it raises
    return error


@pytest.mark.parametrize("code", [sqlite3.SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_IOERR_SHMSIZE])
def test_an_io_error_on_a_full_disk_is_the_disk_full_message(tmp_path, monkeypatch, code):
    full = os.statvfs_result((4096, 4096, 1000, 0, 0, 100, 0, 0, 0, 255))
    monkeypatch.setattr(errors.os, "statvfs", lambda _path: full)
    mapped = StorageError.from_sqlite(tmp_path / "history.sqlite3", sqlite_error(code))
    assert mapped is not None and "the disk is full" in str(mapped)


def test_an_io_error_with_room_to_spare_is_still_an_io_error(tmp_path, monkeypatch):
    roomy = os.statvfs_result((4096, 4096, 10**6, 10**6, 10**6, 100, 50, 50, 0, 255))
    monkeypatch.setattr(errors.os, "statvfs", lambda _path: roomy)
    mapped = StorageError.from_sqlite(tmp_path / "history.sqlite3", sqlite_error(SQLITE_IOERR_WRITE))
    assert mapped is not None and "input/output error" in str(mapped)


@pytest.fixture
def tiny_disk(tmp_path) -> Iterator[Path]:
    """A 320 KB tmpfs; where mounting is not allowed, the mapping tests above are what runs."""
    where = tmp_path / "disk"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs", str(where)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not let tests mount a tmpfs: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def upright(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def fill(disk: Path) -> None:
    with (disk / "filler").open("wb", buffering=0) as filler:
        try:
            while filler.write(b"\0" * 4096):
                pass
        except OSError:
            pass  # no space left: what the test wants


def test_a_full_disk_on_a_real_filesystem(tiny_disk, tmp_path):
    routine = tmp_path / "r.json"
    routine.write_text(
        json.dumps(
            {
                "format": "upright-routine",
                "version": 1,
                "routine": {"id": "r", "name": "R", "description": "D", "items": [{"exercise": "cat-cow"}]},
            }
        )
    )
    existing = tiny_disk / "existing"
    assert upright(existing, "history").returncode == 0  # a history made while there was room
    fill(tiny_disk)
    refused = upright(existing, "import", str(routine))
    assert refused.returncode == 2 and "the disk is full" in refused.stderr, refused.stderr
    assert "input/output" not in refused.stderr and "Traceback" not in refused.stderr
    new = upright(tiny_disk / "new", "history")  # a new database on the full disk
    assert new.returncode == 2 and "Traceback" not in new.stderr
    assert "the disk is full" in new.stderr or "could not create" in new.stderr, new.stderr
    (tiny_disk / "filler").unlink()
    listed = upright(existing, "routines", "--json")
    assert listed.returncode == 0 and "r" not in [r["id"] for r in json.loads(listed.stdout)["routines"]]
    with sqlite3.connect(existing / "history.sqlite3") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
