"""``sessions.csv``, ``sets.csv`` and ``breaks.csv`` for spreadsheets.

Same field names, order and time format as ``upright history --json``
(``desktop.storage.export``), flattened: sets get a ``session_id`` column
instead of being nested. Rows stream from SQLite to the files, so ten years
of history never sits in memory at once.

The three files are read in one snapshot and written to hidden temporary
files in the target folder, then renamed over the final names only after
all three are complete: a full disk or a missing permission leaves the
folder as it was, never with a truncated file a spreadsheet would read as
the whole history.
"""

from __future__ import annotations

import csv
import os
import secrets
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

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
    temps: list[Path] = []
    try:
        with _snapshot(db) as connection:
            for name, header, times, query in _FILES:
                rows = _with_iso_times(connection.execute(query), times)
                temps.append(_write_temp(folder, name, header, rows))
        finals = [folder / name for name in FILE_NAMES]
        for temp, final in zip(temps, finals, strict=False):
            os.replace(temp, final)
        return finals
    except BaseException as exc:
        for temp in temps:
            temp.unlink(missing_ok=True)
        if created:
            with suppress(OSError):  # stays if a rename already put a file there
                folder.rmdir()
        if isinstance(exc, OSError):
            raise _cannot_write(folder, exc) from exc
        raise


def _make_folder(folder: Path) -> bool:
    """Create ``folder`` if needed; returns whether it was created here."""
    if folder.is_dir():
        return False
    try:
        folder.mkdir(parents=True)
        return True
    except FileExistsError as exc:
        raise StorageError(folder, f"Cannot export to {folder}: it is a file, not a folder.") from exc
    except OSError as exc:
        raise _cannot_write(folder, exc) from exc


def _cannot_write(folder: Path, exc: OSError) -> StorageError:
    return StorageError(
        folder,
        f"Upright could not write the CSV files to {folder}: {exc.strerror or exc}. "
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
    connection: sqlite3.Connection = pooled.driver_connection
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


def _with_iso_times(rows: Iterable[tuple], times: tuple[int, ...]) -> Iterator[list]:
    """Rows one at a time, the epoch milliseconds at ``times`` turned into ISO text in the
    offset that ends the row (a set's is its session's), which is then dropped."""
    for row in rows:
        *values, offset_s = row
        for index in times:
            values[index] = _iso(values[index], offset_s)
        yield values


def _write_temp(folder: Path, name: str, header: tuple[str, ...], rows: Iterable[list]) -> Path:
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
