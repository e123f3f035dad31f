"""``sessions.csv``, ``sets.csv`` and ``breaks.csv`` for spreadsheets.

Same field names, order and time format as ``upright history --json``
(``desktop.storage.export``), flattened: sets get a ``session_id`` column
instead of being nested. Rows stream from SQLite to the files, so ten years
of history never sits in memory at once.

The three files are read in one snapshot and written to hidden temporary
files in the target folder, then renamed over the final names only after
all three are complete, all or none (``_swap_in``): a full disk, a missing
permission or a failed rename leaves the folder as it was, never with a
truncated file a spreadsheet would read as the whole history, nor with
files from two different exports.
"""

from __future__ import annotations

import csv
import os
import secrets
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, cast

from desktop.core.file_kinds import kind_of_mode
from desktop.storage.database import Database
from desktop.storage.errors import StorageError

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _iso(epoch_ms: int | None, offset_s: int) -> str | None:
    """As ``desktop.storage.export``: local time where it happened (the stored offset), milliseconds."""
    if epoch_ms is None:
        return None
    where = timezone(timedelta(seconds=offset_s))
    return (_EPOCH + timedelta(milliseconds=epoch_ms)).astimezone(where).isoformat(timespec="milliseconds")


# (file name, header, positions of time columns, query); rows come in the JSON export's order.
# Each query ends with the UTC offset the times are shown in (not written to the file).
_FILES: tuple[tuple[str, tuple[str, ...], tuple[int, ...], str], ...] = (
    (
        "sessions.csv",
        ("id", "routine", "started_at", "ended_at", "outcome", "pain_before", "pain_after"),
        (2, 3),
        """SELECT s.id, s.routine_id, s.started_at, s.ended_at, s.outcome,
                  (SELECT value FROM pain_ratings WHERE session_id = s.id AND moment = 'before'),
                  (SELECT value FROM pain_ratings WHERE session_id = s.id AND moment = 'after'),
                  s.utc_offset_s
           FROM sessions AS s ORDER BY s.started_at, s.id""",
    ),
    (
        "sets.csv",
        (
            "session_id",
            "exercise",
            "side",
            "set",
            "planned_reps",
            "done_reps",
            "planned_s",
            "done_s",
            "started_at",
            "ended_at",
        ),
        (8, 9),
        """SELECT st.session_id, st.exercise_id, st.side, st.set_index, st.planned_reps, st.done_reps,
                  st.planned_s, st.done_s, st.started_at, st.ended_at, s.utc_offset_s
           FROM sets AS st JOIN sessions AS s ON s.id = st.session_id
           ORDER BY s.started_at, s.id, st.started_at, st.id""",
    ),
    (
        "breaks.csv",
        ("offered_at", "outcome", "duration_s"),
        (0,),
        "SELECT offered_at, outcome, duration_s, utc_offset_s FROM breaks ORDER BY offered_at, id",
    ),
)
FILE_NAMES = tuple(name for name, *_ in _FILES)


def export_csv(db: Database, folder: Path) -> list[Path]:
    """Write the three CSV files into ``folder`` (created if needed); returns their paths.

    Raises ``StorageError`` naming the folder when it cannot be created or
    written; nothing is left behind then, and files already there are kept.
    """
    created = _make_folder(folder)
    _refuse_non_files(folder)
    temps: list[Path] = []
    try:
        with _snapshot(db) as connection:
            for name, header, times, query in _FILES:
                rows = _with_iso_times(connection.execute(query), times)
                temps.append(_write_temp(folder, name, header, rows))
        finals = [folder / name for name in FILE_NAMES]
        _swap_in(temps, finals)
        return finals
    except BaseException as exc:
        for temp in temps:
            temp.unlink(missing_ok=True)
        if created:
            with suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            raise _cannot_write(folder, exc) from exc
        raise


def _swap_in(temps: list[Path], finals: list[Path]) -> None:
    """Rename each finished temporary file over its final name, all or none.

    Renames are atomic one file at a time only, so each file already there
    is first kept under a hidden name (a hard link: no copy, and the file
    never disappears); if any rename fails, the files renamed before it are
    put back (or removed, where there was none), so a spreadsheet never
    reads a new sessions.csv beside an old sets.csv.
    """
    kept: list[tuple[Path, Path | None]] = []
    try:
        for final in finals:
            kept.append((final, _keep(final)))
        done = 0
        try:
            for temp, final in zip(temps, finals, strict=True):
                os.replace(temp, final)
                done += 1
        except BaseException:
            for final, old in kept[:done]:
                if old is None:
                    final.unlink(missing_ok=True)
                else:
                    os.replace(old, final)
            raise
        _sync_folder(finals[0].parent)
    finally:
        for _final, old in kept:
            if old is not None:
                old.unlink(missing_ok=True)


def _keep(final: Path) -> Path | None:
    """A hidden second name for the file at ``final`` (``None`` if there is none)."""
    if not final.is_file():
        return None
    old = final.with_name(f".{final.name}.{os.getpid()}.{secrets.token_hex(4)}.old")
    try:
        os.link(final, old)
    except OSError:  # a file system without hard links (FAT, some network shares): copy
        shutil.copy2(final, old)
    return old


def _sync_folder(folder: Path) -> None:
    """Make the renames durable (POSIX; Windows cannot open a folder and needs no such step)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_folder(folder: Path) -> bool:
    """Create ``folder`` if needed; returns whether it was created here."""
    if folder.is_dir():
        return False
    try:
        folder.mkdir(parents=True)
        return True
    except FileExistsError as exc:
        kind = kind_of_mode(os.stat(folder).st_mode) or "a file"
        raise StorageError(
            folder, f"The CSV files could not be written to {folder}: it is {kind}, not a folder."
        ) from exc
    except OSError as exc:
        raise _cannot_write(folder, exc) from exc


def _refuse_non_files(folder: Path) -> None:
    """A named pipe or device where a CSV file goes is named, never replaced by a file."""
    for name in FILE_NAMES:
        try:
            kind = kind_of_mode(os.stat(folder / name).st_mode)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise _cannot_write(folder, exc) from exc
        if kind is not None:
            raise StorageError(
                folder,
                f"The CSV files could not be written to {folder}: {name} there is {kind}, not a file. "
                "Nothing was written; move it away or choose another folder.",
            )


def _cannot_write(folder: Path, exc: OSError) -> StorageError:
    return StorageError(
        folder,
        f"The CSV files could not be written to {folder}: {exc.strerror or exc}. "
        f"Nothing was written there; choose a folder you can write to.",
    )


@contextmanager
def _snapshot(db: Database) -> Iterator[sqlite3.Connection]:
    """A plain read transaction on the history, outside SQLAlchemy.

    The engine's units of work begin with BEGIN IMMEDIATE, which would hold
    the write lock for the whole export and make a running session wait to
    commit its sets. A deferred BEGIN reads one consistent WAL snapshot, so
    the three files agree with each other while writers carry on.
    """
    pooled = db.engine.raw_connection()
    connection = cast(sqlite3.Connection, pooled.driver_connection)
    try:
        connection.execute("BEGIN")
        yield connection
    except sqlite3.Error as exc:
        mapped = StorageError.from_sqlite(db.path, exc)
        if mapped is None:
            raise
        raise mapped from exc
    finally:
        connection.rollback()  # only read: nothing to commit
        pooled.close()


def _with_iso_times(rows: Iterable[tuple[Any, ...]], times: tuple[int, ...]) -> Iterator[list[Any]]:
    """Rows one at a time, the epoch milliseconds at ``times`` turned into ISO text in the
    offset that ends the row (a set's is its session's), which is then dropped."""
    for row in rows:
        *values, offset_s = row
        for index in times:
            values[index] = _iso(values[index], offset_s)
        yield values


def _write_temp(folder: Path, name: str, header: tuple[str, ...], rows: Iterable[list[Any]]) -> Path:
    """Stream ``rows`` into a new hidden file beside ``name``; returns its path once on disk.

    Opened with mode "x" rather than ``mkstemp`` so the file gets the usual
    permissions (mkstemp's are owner-only) and a name no other file has.
    """
    temp = folder / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.part"
    try:
        with temp.open("x", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerows(rows)
            file.flush()
            os.fsync(file.fileno())  # the rename must not reach the disk before the data
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp
