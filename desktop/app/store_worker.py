"""Runs every database call on one background thread, awaited from the Qt loop.

One thread keeps SQLite's connection on the thread that made it and keeps
writes in order; the UI thread never waits on disk. Finished sets also go
through the set journal (``desktop.storage.set_journal``): kept on disk
first, so a store that stays busy loses none of them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from desktop.core.set_record import SetRecord

# While sets wait in the journal, how often the store is tried again.
RETRY_S = 5.0


class StoreWorker:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="upright-store")
        self._db = None
        self.store = None
        self._others: dict[str, Any] = {}
        self._journal = None
        self._retry: asyncio.TimerHandle | None = None
        self._flushing: asyncio.Future | None = None
        self._closed = False

    async def open(self) -> None:
        """Open (and migrate) the database; raises ``StorageError`` with a clear message."""
        await self._run(self._open_blocking)

    def _open_blocking(self) -> None:
        from desktop.storage.database import open_database
        from desktop.storage.history import HistoryStore
        from desktop.storage.progress_store import ProgressStore
        from desktop.storage.routine_store import RoutineStore
        from desktop.storage.set_journal import SetJournal, replay_orphans

        self._db = open_database(self.data_dir)
        self.store = HistoryStore(self._db)
        self._others = {"routines": RoutineStore(self._db), "progress": ProgressStore(self._db)}
        self._journal = SetJournal(self.data_dir)
        replay_orphans(self.data_dir, self.store)  # first, so a closed session ends at its last set
        self.store.mark_interrupted()

    async def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Run a store method on the store thread: ``"aggregates"`` on the history,
        ``"routines.add"`` or ``"progress.steps"`` on the other two stores."""
        if self.store is None:
            raise RuntimeError("the history store is not open")
        owner, _, name = method.rpartition(".")
        target = self._others[owner] if owner else self.store
        return await self._run(getattr(target, name), *args, **kwargs)

    async def record_set(self, record: SetRecord) -> bool:
        """Keep a finished set: in the journal at once (on this thread, so it is on disk even
        while the store thread waits on a busy store), then in the store.

        True once the store has it; False while the store is busy: the set
        waits in the journal and is tried again every ``RETRY_S``, with the
        next set, and at the latest at the next start. Any other storage
        failure raises ``StorageError``; the set stays in the journal.
        """
        if self.store is None or self._journal is None:
            raise RuntimeError("the history store is not open")
        try:
            key = self._journal.append(record)
        except OSError as exc:
            from desktop.storage.errors import StorageError

            raise StorageError.from_os(self.data_dir, exc) from exc
        while self._journal.waiting(key):
            if not await self._flush():
                return False
        return True

    def unsaved_sets(self) -> int:
        """How many finished sets are still only in the journal."""
        return 0 if self._journal is None else len(self._journal.pending())

    @property
    def journal_path(self) -> Path | None:
        return None if self._journal is None else self._journal.path

    async def flush_sets(self) -> int:
        """Try once more to store every waiting set; returns how many still wait."""
        if self.unsaved_sets():
            await self._flush()
            if self.unsaved_sets():
                await self._flush()  # the try under way may have begun before the store was free
        return self.unsaved_sets()

    async def _flush(self) -> bool:
        """Join the try under way, or start one: one store write waits on a busy store at a
        time, however many sets finish meanwhile (each try can wait ``BUSY_TIMEOUT_S``)."""
        return await asyncio.shield(self._start_flush())

    def _start_flush(self) -> asyncio.Future:
        if self._flushing is None or self._flushing.done():
            self._flushing = asyncio.ensure_future(self._run(self._flush_blocking))
            self._flushing.add_done_callback(self._flushed)
        return self._flushing

    def _flush_blocking(self) -> bool:
        from desktop.storage.set_journal import store_pending

        return store_pending(self._journal, self.store)

    def _flushed(self, flushing: asyncio.Future) -> None:
        failed = flushing.cancelled() or flushing.exception() is not None or not flushing.result()
        if failed and self._retry is None and not self._closed:
            self._retry = asyncio.get_running_loop().call_later(RETRY_S, self._retry_now)

    def _retry_now(self) -> None:
        self._retry = None
        if self.unsaved_sets() and not self._closed:
            self._start_flush()

    async def _run(self, fn: Callable, *args: Any, **kwargs: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: fn(*args, **kwargs))

    def close(self) -> None:
        """Finish queued writes, then release the database (sets still waiting stay in the
        journal for the next start)."""
        self._closed = True
        if self._retry is not None:
            self._retry.cancel()
            self._retry = None
        self._executor.shutdown(wait=True)
        if self._journal is not None:
            self._journal.close()
        if self._db is not None:
            self._db.close()
            self._db = None
