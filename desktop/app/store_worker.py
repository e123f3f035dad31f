"""Runs every database call on one background thread, awaited from the Qt loop.

One thread keeps SQLite's connection on the thread that made it and keeps
writes in order; the UI thread never waits on disk.

A call names the store method itself, ``await worker.run(worker.routines.add,
routine, reserved=ids, now=now)``, so the type checker sees the arguments and
the result and go-to-definition reaches the SQL. The stores' modules are
imported only for the checker here: SQLAlchemy loads on the store thread when
``open`` runs, never for the first paint.

What a session records (its start, sets, pain ratings and end) takes its own
path, ``worker.sets`` (``SetSaver``): through the journal first, so a store
that stays busy loses none of it.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from desktop.app.set_saver import SetSaver

if TYPE_CHECKING:
    from desktop.storage.database import Database
    from desktop.storage.history import HistoryStore
    from desktop.storage.progress_store import ProgressStore
    from desktop.storage.routine_store import RoutineStore
    from desktop.storage.set_journal import SetJournal

P = ParamSpec("P")
R = TypeVar("R")


class StoreNotOpen(RuntimeError):
    """A store was asked for before ``open`` succeeded (a bug in the caller, not a disk problem)."""


class StoreWorker:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="upright-store")
        self._db: Database | None = None
        self._history: HistoryStore | None = None
        self._routines: RoutineStore | None = None
        self._progress: ProgressStore | None = None
        self.journal: SetJournal | None = None
        self.sets = SetSaver(self)

    @property
    def is_open(self) -> bool:
        return self._history is not None

    @property
    def history(self) -> HistoryStore:
        """Sessions, sets, pain, breaks, settings and the history page's reads."""
        return _opened(self._history)

    @property
    def routines(self) -> RoutineStore:
        return _opened(self._routines)

    @property
    def progress(self) -> ProgressStore:
        return _opened(self._progress)

    async def open(self) -> None:
        """Open (and migrate) the database; raises ``StorageError`` with a clear message."""
        await self.run(self._open_blocking)

    def _open_blocking(self) -> None:
        from desktop.content.catalog_cache import load_catalog_cached
        from desktop.content.routine_file import stored_routine_reader
        from desktop.storage.database import open_database
        from desktop.storage.history import HistoryStore
        from desktop.storage.progress_store import ProgressStore
        from desktop.storage.routine_store import RoutineStore
        from desktop.storage.set_journal import SetJournal, replay_orphans

        self._db = open_database(self.data_dir)
        history = HistoryStore(self._db)
        self.journal = SetJournal(self.data_dir)
        replay_orphans(self.data_dir, history)  # first, so a closed session ends at its last set
        history.mark_interrupted()
        read = stored_routine_reader(load_catalog_cached())
        self._routines, self._progress = RoutineStore(self._db, read), ProgressStore(self._db)
        self._history = history  # last: ``is_open`` turns true only when all three are ready

    async def run(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        """Run ``fn(*args, **kwargs)`` on the store thread and return its result here.

        Calls run one at a time in the order they were made; an exception
        raised there is raised to the awaiting caller.
        """
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def call_now(self, fn: Callable[[], R], timeout_s: float) -> R | None:
        """Run ``fn`` on the store thread and block for its result, or ``None`` after
        ``timeout_s`` or on a storage failure. Only for when the loop can no longer run
        (the display has gone); everywhere else ``run`` is awaited."""
        from concurrent.futures import TimeoutError as Timeout

        from desktop.storage.errors import StorageError

        try:
            return self._executor.submit(fn).result(timeout_s)
        except (Timeout, StorageError, StoreNotOpen):
            return None

    def close(self) -> None:
        """Finish queued writes, then release the database (sets still waiting stay in the
        journal for the next start)."""
        self.sets.close()
        self._executor.shutdown(wait=True)
        if self.journal is not None:
            self.journal.close()
        if self._db is not None:
            self._db.close()
            self._db = None


S = TypeVar("S")


def _opened(store: S | None) -> S:
    if store is None:
        raise StoreNotOpen("the history store is not open")
    return store
