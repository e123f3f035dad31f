"""Runs every database call on one background thread, awaited from the Qt loop.

One thread keeps SQLite's connection on the thread that made it and keeps
writes in order; the UI thread never waits on disk.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC
from pathlib import Path
from typing import Any


class StoreWorker:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="upright-store")
        self._db = None
        self.store = None
        self._others: dict[str, Any] = {}

    async def open(self) -> None:
        """Open (and migrate) the database; raises ``StorageError`` with a clear message."""
        await self._run(self._open_blocking)

    def _open_blocking(self) -> None:
        from datetime import datetime

        from desktop.storage.database import open_database
        from desktop.storage.history import HistoryStore
        from desktop.storage.progress_store import ProgressStore
        from desktop.storage.routine_store import RoutineStore

        self._db = open_database(self.data_dir)
        self.store = HistoryStore(self._db)
        self._others = {"routines": RoutineStore(self._db), "progress": ProgressStore(self._db)}
        self.store.mark_interrupted(datetime.now(UTC))

    async def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Run a store method on the store thread: ``"aggregates"`` on the history,
        ``"routines.add"`` or ``"progress.steps"`` on the other two stores."""
        if self.store is None:
            raise RuntimeError("the history store is not open")
        owner, _, name = method.rpartition(".")
        target = self._others[owner] if owner else self.store
        return await self._run(getattr(target, name), *args, **kwargs)

    async def _run(self, fn: Callable, *args: Any, **kwargs: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: fn(*args, **kwargs))

    def close(self) -> None:
        """Finish queued writes, then release the database."""
        self._executor.shutdown(wait=True)
        if self._db is not None:
            self._db.close()
            self._db = None
