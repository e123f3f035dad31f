"""Finished sets (and session ends) kept on disk until the history has them.

Another process can hold the database's write lock longer than the busy
timeout (a second Upright importing a large file, a backup tool, a person
in ``sqlite3``). A set that finishes then must not be lost, so each one is
appended to a journal beside the database and fsync'd *before* the store
write is tried; once the store has it a ``done`` line follows, and when
nothing is left waiting the file is removed. Whatever still waits is
written at the next chance, at the latest when Upright next opens the
history (``orphans``). A session's end goes the same way, so a session
finished while the store was busy is not later taken for a crashed one.
Writing twice is harmless: the store skips a set it already has
(``HistoryStore.record_set`` matches on session, exercise, side, index and
times), so a crash between the store's commit and the ``done`` line never
doubles a set.

Each process keeps its own file, locked while it runs (``file_lock``): a
journal whose lock can be taken belongs to a process that has ended.

One JSON object a line. A line cut short by a crash is skipped: it was never
fsync'd whole, so its set had not reached the store either.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import threading
from contextlib import suppress
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.history import SessionOutcome, SetSide
from desktop.core.set_record import SessionEnd, SetRecord
from desktop.storage.errors import StoreBusy
from desktop.storage.file_lock import open_locked

if TYPE_CHECKING:
    from desktop.storage.history import HistoryStore

PATTERN = "unsaved-sets-*.jsonl"
log = logging.getLogger("upright")
Entry = SetRecord | SessionEnd
_KINDS: dict[str, type[SetRecord] | type[SessionEnd]] = {"set": SetRecord, "end": SessionEnd}
_TIMES = ("started_at", "ended_at")


class SetJournal:
    """This process's journal in ``folder``; safe to use from the UI and the store thread.

    The file is created with the first set and removed once the store has
    every set in it, so a normal session leaves nothing behind.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path: Path | None = None
        self._fd: int | None = None
        self._lock = threading.Lock()
        self._pending: dict[int, Entry] = {}
        self._next = 1

    def append(self, record: Entry) -> int:
        """Write ``record`` durably (append + fsync); returns its key for ``done``."""
        with self._lock:
            if self._fd is None:
                self._create()
            key, self._next = self._next, self._next + 1
            self._write({"key": key, **_encode(record)}, sync=True)
            self._pending[key] = record
            return key

    def pending(self) -> list[tuple[int, Entry]]:
        """The sets not yet in the store, oldest first."""
        with self._lock:
            return list(self._pending.items())

    def waiting(self, key: int) -> bool:
        with self._lock:
            return key in self._pending

    def oldest(self) -> tuple[int, Entry] | None:
        with self._lock:
            return next(iter(self._pending.items()), None)

    def done(self, key: int) -> None:
        """The store has the set; the file goes once nothing waits."""
        with self._lock:
            if self._pending.pop(key, None) is None:
                return
            if self._pending:
                # No fsync: if this line is lost, replaying finds the set already stored.
                self._write({"done": key}, sync=False)
            else:
                self._remove()

    def close(self) -> None:
        """Release the file; sets still in it wait for the next start."""
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    def _create(self) -> None:
        for _ in range(10):
            path = self.folder / PATTERN.replace("*", f"{os.getpid()}-{secrets.token_hex(3)}")
            if path.exists():
                continue
            fd = open_locked(path)
            if fd is not None:
                self.path, self._fd = path, fd
                _sync_folder(self.folder)  # the new name must survive a power cut too
                return
        raise OSError(f"could not create a journal file in {self.folder}")

    def _remove(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # first: Windows cannot delete an open file
        if self.path is not None:
            self.path.unlink(missing_ok=True)
        self.path, self._fd = None, None

    def _write(self, data: dict[str, Any], *, sync: bool) -> None:
        assert self._fd is not None
        os.write(self._fd, (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"))
        if sync:
            os.fsync(self._fd)


class Orphan:
    """A journal left by a process that has ended, locked by us while we replay it."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self._fd = path, fd
        self.records = _read(path)

    def remove(self) -> None:
        """Every set is in the store: delete the file (if it cannot be, replaying it again
        at the next start adds nothing)."""
        self.release()
        with suppress(OSError):
            self.path.unlink(missing_ok=True)

    def release(self) -> None:
        os.close(self._fd)


def orphans(folder: Path) -> list[Orphan]:
    """The journals in ``folder`` whose process has ended (their lock is free)."""
    found = []
    for path in sorted(folder.glob(PATTERN)):
        try:
            fd = open_locked(path)
        except OSError:
            continue
        if fd is not None:
            found.append(Orphan(path, fd))
    return found


def store_pending(journal: SetJournal, store: HistoryStore) -> bool:
    """Write every set waiting in ``journal`` to the store, oldest first.

    False (the rest keep waiting) as soon as the store is busy; other storage
    failures (a full disk) raise ``StorageError`` and also leave the sets waiting.
    """
    while (first := journal.oldest()) is not None:  # sets appended meanwhile are included
        key, record = first
        try:
            _store(store, record)
        except StoreBusy:
            return False
        journal.done(key)
    return True


def replay_orphans(folder: Path, store: HistoryStore) -> int:
    """Store the sets that ended processes left in their journals; returns how many.

    A journal is removed only once every set in it is stored; one the store
    could not take stays for the next start.
    """
    stored = 0
    for orphan in orphans(folder):
        try:
            for record in orphan.records:
                _store(store, record)
                stored += 1
        except BaseException:
            orphan.release()
            raise
        orphan.remove()
    return stored


def _store(store: HistoryStore, record: Entry) -> None:
    from sqlalchemy.exc import IntegrityError

    try:
        if isinstance(record, SessionEnd):
            store.finish_session(record.session_id, record.outcome, record.ended_at)
        else:
            store.record_set(**asdict(record))
    except (IntegrityError, LookupError):  # the session was deleted meanwhile: nothing to add it to
        log.warning("what session %d left waiting was dropped: that session was deleted", record.session_id)


def _encode(record: Entry) -> dict[str, Any]:
    data = asdict(record)
    for name in _TIMES:
        if name in data:
            data[name] = data[name].isoformat()
    data["kind"] = "end" if isinstance(record, SessionEnd) else "set"
    return data


def _read(path: Path) -> list[Entry]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    pending: dict[Any, Entry] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            data = json.loads(line)
            if "done" in data:
                pending.pop(data["done"], None)
            else:
                pending[data["key"]] = _decode(data)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("%s, line %d: skipped, it cannot be read (%s)", path, number, exc)
    return list(pending.values())


def _decode(data: dict[str, Any]) -> Entry:
    kind = _KINDS[data.get("kind", "set")]
    values = {f.name: data[f.name] for f in fields(kind)}
    for name in _TIMES:
        if name in values:
            values[name] = datetime.fromisoformat(values[name])
            if values[name].tzinfo is None:
                raise ValueError(f"{name} has no time zone")
    if "side" in values:  # the journal holds the enums' strings; a stranger one is refused here
        values["side"] = SetSide(values["side"])
    if "outcome" in values:
        values["outcome"] = SessionOutcome(values["outcome"])
    return kind(**values)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; there a created name is already durable
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
