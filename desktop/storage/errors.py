"""The one error the storage layer lets reach the user.

Each case gets its own constructor so the message names the exact path and
says what the user can do about it; the GUI shows ``str(error)`` as is. Every
case is raised *instead of* repairing anything: the storage layer never
overwrites, renames or deletes a file it did not create.

This module imports only the standard library, so the GUI can catch
``StorageError`` without importing SQLAlchemy.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

# Below this much free space an I/O error is taken for what it almost surely is: a full disk.
LOW_SPACE_BYTES = 1024 * 1024
# How long a unit of work waits for another connection's write lock (SQLite's busy_timeout).
BUSY_TIMEOUT_S = 5.0
_ELSEWHERE = "or start Upright with --data-dir pointing to another folder"


class StorageError(Exception):
    """The history cannot be opened or saved; ``path`` is the file or folder at fault."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    @classmethod
    def not_a_folder(cls, path: Path) -> StorageError:
        return cls(
            path,
            f"Upright keeps its history in the folder {path}, but that path (or a folder "
            f"above it) is a file. Move or rename that file, {_ELSEWHERE}.",
        )

    @classmethod
    def cannot_create(cls, path: Path, reason: OSError) -> StorageError:
        return cls(
            path,
            f"Upright could not create its data folder {path}: {reason.strerror or reason}. "
            f"Create the folder yourself, {_ELSEWHERE}.",
        )

    @classmethod
    def no_permission(cls, path: Path) -> StorageError:
        return cls(
            path,
            f"Upright is not allowed to read and write {path}. Give your user account "
            f"write permission there, {_ELSEWHERE}.",
        )

    @classmethod
    def not_a_database(cls, path: Path) -> StorageError:
        return cls(
            path,
            f"{path} is not an Upright history database: it is damaged or belongs to "
            f"another program. Upright has left it untouched. Move it elsewhere to start "
            f"a fresh history, {_ELSEWHERE}.",
        )

    @classmethod
    def damaged(cls, path: Path, detail: str) -> StorageError:
        return cls(
            path,
            f"{path} is damaged: {detail}. Upright has left it untouched. Restore it from a "
            f"backup, or move it elsewhere to start a fresh history, {_ELSEWHERE}.",
        )

    @classmethod
    def newer_version(cls, path: Path, revision: str) -> StorageError:
        return cls(
            path,
            f"{path} was written by a newer version of Upright (schema {revision!r}). "
            f"Install that newer version to keep using this history; this version has "
            f"left the file untouched.",
        )

    @classmethod
    def disk_full(cls, path: Path) -> StorageError:
        return cls(
            path,
            f"Upright could not save to {path} because the disk is full. The last change "
            f"was not saved; everything saved before it is safe. Free some disk space "
            f"and carry on.",
        )

    @classmethod
    def io_error(cls, path: Path, detail: str) -> StorageError:
        return cls(
            path,
            f"The disk reported an input/output error while Upright was saving to {path} "
            f"({detail}). The last change was not saved. Check the drive, or make a copy "
            f"of the file before it gets worse.",
        )

    @classmethod
    def from_os(cls, path: Path, error: OSError) -> StorageError:
        """A failed write of a file of ours beside the database (the set journal)."""
        if error.errno == errno.ENOSPC:
            return cls.disk_full(path)
        if isinstance(error, PermissionError):
            return cls.no_permission(path)
        return cls.io_error(path, error.strerror or str(error))

    @classmethod
    def sets_waiting(cls, journal: Path | None, count: int) -> StorageError:
        what = (
            "Part of this session's record (its start, end or a pain rating) was"
            if count == 0
            else "1 finished set was"
            if count == 1
            else f"{count} finished sets were"
        )
        return cls(
            journal or Path(),
            f"{what} not saved to the history yet: another program kept it busy. It is all "
            f"kept in {journal} and saved as soon as the history is free, at the latest the "
            f"next time Upright starts; nothing is lost.",
        )

    @classmethod
    def from_sqlite(cls, path: Path, error: sqlite3.Error) -> StorageError | None:
        import sqlite3  # here, not at the top: the waiting tray catches StorageError without loading SQLite

        """Map a SQLite failure that is about the disk or the file to a user-facing error.

        Returns ``None`` for everything else (constraint violations, SQL bugs),
        which are programming errors and should surface as they are.
        """
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if code is not None else None
        if primary == sqlite3.SQLITE_FULL or (primary == sqlite3.SQLITE_IOERR and _no_room(path)):
            return cls.disk_full(path)
        if primary == sqlite3.SQLITE_IOERR:
            return cls.io_error(path, str(error))
        if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
            return cls.no_permission(path)
        if primary in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            return cls.not_a_database(path)
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return StoreBusy(path)
        if primary == sqlite3.SQLITE_ERROR and _MISSING.match(str(error)):
            return cls.damaged(path, str(error))
        return None


class StoreBusy(StorageError):
    """Another connection kept the write lock longer than the busy timeout.

    Its own class because it is the one storage failure worth retrying: the
    other writer will finish, and a finished set waits in the journal until then.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"The history {path} is busy: another program (perhaps a second Upright) has been "
            f"writing to it for more than {BUSY_TIMEOUT_S:g} seconds. Try again in a moment; "
            f"if it stays busy, close the other program.",
        )


def _no_room(path: Path) -> bool:
    """Whether the disk holding ``path`` is (all but) full.

    SQLite says SQLITE_FULL only when growing the database file fails; a full
    disk met while writing the WAL, sizing its index or syncing comes back as
    a plain I/O error, which would send the person to check a healthy drive.
    """
    try:
        space = os.statvfs(path.parent)
    except OSError:
        return False
    return space.f_bavail * space.f_frsize < LOW_SPACE_BYTES


# A table or column the code expects is gone: the file was changed outside Upright.
_MISSING = re.compile(r"no such (table|column)")
