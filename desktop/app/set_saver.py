"""What a session records on its way to the history, through the journal.

A session's start, each finished set, each pain rating and its end are
appended (and fsync'd) to the journal on the UI thread the moment they
happen (``keep``), so they are on disk even while the store thread waits on
a busy store, and even if the display goes away the next instant; then the
store thread writes every waiting record, oldest first. Only one store
write waits on a busy store at a time, however many records arrive
meanwhile: they join the try under way. While records wait, the store is
tried again every ``RETRY_S``, with each new record, once more at the end
of the session, and at the latest when Upright next opens the history.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.set_record import SessionRecord, SetRecord

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker

RETRY_S = 5.0
# The first try may be one under way since before the store was freed; two more
# cover another writer's transaction of up to twice the busy timeout.
SETTLE_TRIES = 3


class SetSaver:
    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker
        self._flushing: asyncio.Future[bool] | None = None
        self._retry: asyncio.TimerHandle | None = None
        self._closed = False

    def keep(self, record: SessionRecord) -> int:
        """Append ``record`` to the journal now (fsync'd); returns its key for ``stored``.

        A failed write of the journal raises ``StorageError`` (the disk is full or gone).
        """
        journal = self._worker.journal
        if journal is None:
            raise RuntimeError("the history store is not open")
        try:
            key = journal.append(record)
        except OSError as exc:
            from desktop.storage.errors import StorageError

            raise StorageError.from_os(self._worker.data_dir, exc) from exc
        return key

    async def stored(self, key: int) -> bool:
        """True once the store has the record ``key`` names; False while the store is busy and
        it waits in the journal. Another storage failure raises ``StorageError`` (it still waits)."""
        journal = self._worker.journal
        while journal is not None and journal.waiting(key):
            if not await self._flush():
                return False
        return True

    async def record(self, record: SessionRecord) -> bool:
        """``keep`` then ``stored``."""
        return await self.stored(self.keep(record))

    def session_id(self, session: str) -> int | None:
        """The store's id for the session keyed ``session``, once its start is written."""
        journal = self._worker.journal
        return None if journal is None else journal.session_id(session)

    def waiting(self) -> int:
        """How many finished sets are only in the journal (a session's start, end or rating is not
        counted)."""
        journal = self._worker.journal
        return 0 if journal is None else sum(isinstance(r, SetRecord) for _, r in journal.pending())

    @property
    def journal_path(self) -> Path | None:
        journal = self._worker.journal
        return None if journal is None else journal.path

    async def settle(self) -> int:
        """At the end of a session, keep trying for up to ``SETTLE_TRIES`` busy timeouts
        (about 15 s) to store everything waiting; returns how many records still wait."""
        journal = self._worker.journal
        for _ in range(SETTLE_TRIES):
            if journal is not None and journal.pending():
                await self._flush()
        return 0 if journal is None else len(journal.pending())

    def flush_now(self, timeout_s: float) -> int:
        """Block (up to ``timeout_s``) while the store thread writes what waits; returns how many
        records still wait. For the moment the display has gone and the loop cannot run:
        whatever is left stays in the journal for the next start."""
        journal = self._worker.journal
        if journal is None:
            return 0
        self._worker.call_now(self._flush_blocking, timeout_s)
        return len(journal.pending())

    def close(self) -> None:
        self._closed = True
        if self._retry is not None:
            self._retry.cancel()
            self._retry = None

    async def _flush(self) -> bool:
        return await asyncio.shield(self._start_flush())

    def _start_flush(self) -> asyncio.Future[bool]:
        if self._flushing is None or self._flushing.done():
            self._flushing = asyncio.ensure_future(self._worker.run(self._flush_blocking))
            self._flushing.add_done_callback(self._flushed)
        return self._flushing

    def _flush_blocking(self) -> bool:
        from desktop.storage.set_journal import store_pending

        journal = self._worker.journal
        assert journal is not None
        return store_pending(journal, self._worker.history)

    def _flushed(self, flushing: asyncio.Future[bool]) -> None:
        failed = flushing.cancelled() or flushing.exception() is not None or not flushing.result()
        if failed and self._retry is None and not self._closed:
            self._retry = asyncio.get_running_loop().call_later(RETRY_S, self._retry_now)

    def _retry_now(self) -> None:
        self._retry = None
        journal = self._worker.journal
        if journal is not None and journal.pending() and not self._closed:
            self._start_flush()
