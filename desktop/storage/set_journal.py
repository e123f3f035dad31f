"""What a session records (start, sets, pain ratings, end), kept on disk until the history has it.

Another process can hold the database's write lock longer than the busy
timeout (a second Upright importing a large file, a backup tool, a person
in ``sqlite3``). A session that starts, a set that finishes or a rating
given then must not be lost, so each record is appended to a journal beside
the database and fsync'd *before* the store write is tried; once the store
has it a ``done`` line follows, and when nothing is left waiting the file is
removed. Whatever still waits is written at the next chance, in the order
it happened, at the latest when Upright next opens the history
(``orphans``). Records name their session by its key (``session``, chosen as it starts):
the store's row id is known only once the start is written, and the start's
``done`` line carries it, so a later line of the same file can be resolved
even after a crash.

Writing twice is harmless: the store skips a session or a set it already
has (``HistoryStore.start_session`` matches on routine and start time,
``record_set`` on session, exercise, side, index and times), and a rating
replaces itself, so a crash between the store's commit and the ``done`` line
never doubles anything.

Each process keeps its own file, locked while it runs (``file_lock``): a
journal whose lock can be taken belongs to a process that has ended.

One JSON object a line. A line cut short by a crash is skipped: it was never
fsync'd whole, so its record had not reached the store either.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import threading
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import asdict, fields
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.history import BreakOutcome, PainMoment, SessionOutcome, SetSide
from desktop.core.set_record import (
    BreakRecord,
    JournalRecord,
    PainRecord,
    SessionEnd,
    SessionStart,
    SetRecord,
)
from desktop.storage.errors import StoreBusy
from desktop.storage.file_lock import open_locked

if TYPE_CHECKING:
    from desktop.storage.history import HistoryStore

PATTERN = "unsaved-sets-*.jsonl"
log = logging.getLogger("upright")
Entry = JournalRecord
_KINDS: dict[str, type[JournalRecord]] = {
    "start": SessionStart,
    "set": SetRecord,
    "pain": PainRecord,
    "end": SessionEnd,
    "break": BreakRecord,
}
_KIND_OF = {kind: name for name, kind in _KINDS.items()}
_TIMES = ("started_at", "ended_at", "recorded_at", "offered_at", "answered_at")
_ENUMS: dict[str, type[StrEnum]] = {
    "side": SetSide,
    "outcome": SessionOutcome,  # a break's outcome is a ``BreakOutcome``: see ``_decode``
    "moment": PainMoment,
}


class SetJournal:
    """This process's journal in ``folder``; safe to use from the UI and the store thread.

    The file is created with the first record and removed once the store has
    every record in it, so a normal session leaves nothing behind.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path: Path | None = None
        self._fd: int | None = None
        self._lock = threading.Lock()
        self._pending: dict[int, Entry] = {}
        self._ids: dict[str, int] = {}  # session key -> the store's id, once its start is written
        self._next = 1

    def append(self, record: Entry) -> int:
        """Write ``record`` durably (append + fsync); returns its key for ``done``."""
        with self._lock:
            if self._fd is None:
                self._create()
            key, self._next = self._next, self._next + 1
            data = {**_encode(record), "key": key}
            known = None if isinstance(record, BreakRecord) else self._ids.get(record.session)
            if known is not None:  # the file may be new: it must not need an older file's start
                data["session_id"] = known
            self._write(data, sync=True)
            self._pending[key] = record
            return key

    def pending(self) -> list[tuple[int, Entry]]:
        """The records not yet in the store, oldest first."""
        with self._lock:
            return list(self._pending.items())

    def waiting(self, key: int) -> bool:
        with self._lock:
            return key in self._pending

    def oldest(self) -> tuple[int, Entry] | None:
        with self._lock:
            return next(iter(self._pending.items()), None)

    def session_id(self, session: str) -> int | None:
        """The store's id for the session ``session`` names, once its start is written."""
        with self._lock:
            return self._ids.get(session)

    def ids(self) -> dict[str, int]:
        with self._lock:
            return dict(self._ids)

    def done(self, key: int, session_id: int | None = None) -> None:
        """The store has the record (a start: under ``session_id``); the file goes once nothing waits."""
        with self._lock:
            record = self._pending.pop(key, None)
            if record is None:
                return
            if isinstance(record, SessionStart) and session_id is not None:
                self._ids[record.session] = session_id
            if self._pending:
                # No fsync: if this line is lost, replaying finds the record already stored.
                self._write({"done": key, "id": session_id}, sync=False)
            else:
                self._remove()

    def close(self) -> None:
        """Release the file; records still in it wait for the next start."""
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
        self.records, self.ids = _read(path)

    def remove(self) -> None:
        """Every record is in the store: delete the file (if it cannot be, replaying it again
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
    """Write every record waiting in ``journal`` to the store, oldest first.

    False (the rest keep waiting) as soon as the store is busy; other storage
    failures (a full disk) raise ``StorageError`` and also leave them waiting.
    """
    while (first := journal.oldest()) is not None:  # records appended meanwhile are included
        key, record = first
        try:
            session_id = _store(store, record, journal.ids(), owned=True)
        except StoreBusy:
            return False
        journal.done(key, session_id)
    return True


def replay_orphans(folder: Path, store: HistoryStore) -> int:
    """Store what ended processes left in their journals, in order; returns how many records.

    A journal is removed only once every record in it is stored; one the
    store could not take stays for the next start. A session started here
    has no owner any more: if its end is not in the journal, closing it is
    left to ``HistoryStore.mark_interrupted``, as for any session cut short.
    """
    stored = 0
    for orphan in orphans(folder):
        try:
            for record in orphan.records:
                _store(store, record, orphan.ids, owned=False)
                stored += 1
        except BaseException:
            orphan.release()
            raise
        orphan.remove()
    return stored


def leave(folder: Path, records: Sequence[JournalRecord]) -> None:
    """Journal ``records`` (fsync'd) in a file of their own for the next start to write: the
    process is about to end and cannot wait for the store."""
    journal = SetJournal(folder)
    try:
        for record in records:
            journal.append(record)
    finally:
        journal.close()


def _store(store: HistoryStore, record: Entry, ids: dict[str, int], *, owned: bool) -> int | None:
    """Write one record; for a start, returns the session's id (and adds it to ``ids``).

    ``owned``: the session's own process is writing it, so it holds the
    session's lock (``SessionOwnership``) until the end is written.
    """
    from sqlalchemy.exc import IntegrityError

    if isinstance(record, BreakRecord):
        store.record_break(record.offered_at, record.outcome, record.answered_at, record.duration_s)
        return None
    if isinstance(record, SessionStart):
        started = store.start_session(record.routine_id, record.routine_name, record.started_at, owned=owned)
        ids[record.session] = started
        return started
    session_id = ids.get(record.session)
    if session_id is None:
        log.warning("a journaled record was dropped: its session's start is not in the journal")
        return None
    try:
        if isinstance(record, SessionEnd):
            store.finish_session(session_id, record.outcome, record.ended_at)
        elif isinstance(record, PainRecord):
            store.set_pain(session_id, record.moment, record.value, recorded_at=record.recorded_at)
        else:
            values = {f.name: getattr(record, f.name) for f in fields(record) if f.name != "session"}
            store.record_set(session_id, **values)
    except (IntegrityError, LookupError):  # the session was deleted meanwhile: nothing to add it to
        log.warning("what session %d left waiting was dropped: that session was deleted", session_id)
    return None


def _encode(record: Entry) -> dict[str, Any]:
    data = asdict(record)
    for name in _TIMES:
        if data.get(name) is not None:
            data[name] = data[name].isoformat()
    data["kind"] = _KIND_OF[type(record)]
    return data


def _read(path: Path) -> tuple[list[Entry], dict[str, int]]:
    """The records still waiting in ``path``, oldest first, and the session ids the file knows."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return [], {}
    pending: dict[Any, Entry] = {}
    ids: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            data = json.loads(line)
            if "done" in data:
                record = pending.pop(data["done"], None)
                if isinstance(record, SessionStart) and isinstance(data.get("id"), int):
                    ids[record.session] = data["id"]
            else:
                pending[data["key"]] = _decode(data, ids)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("%s, line %d: skipped, it cannot be read (%s)", path, number, exc)
    return list(pending.values()), ids


def _decode(data: dict[str, Any], ids: dict[str, int]) -> Entry:
    kind = _KINDS[data.get("kind", "set")]
    if kind is not BreakRecord:
        known = data.get("session_id")
        if "session" not in data:  # written before sessions had keys: the id is all there is
            data = {**data, "session": f"#{known}"}
        if isinstance(known, int) and not isinstance(known, bool):
            ids[data["session"]] = known
    values = {f.name: data[f.name] for f in fields(kind)}
    for name in _TIMES:
        if values.get(name) is not None:
            values[name] = datetime.fromisoformat(values[name])
            if values[name].tzinfo is None:
                raise ValueError(f"{name} has no time zone")
    enums: dict[str, type[StrEnum]] = {**_ENUMS, "outcome": BreakOutcome} if kind is BreakRecord else _ENUMS
    for name, enum in enums.items():  # the journal holds the enums' strings; a stranger one is refused
        if name in values:
            values[name] = enum(values[name])
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
