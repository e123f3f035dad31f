"""Background work started from Qt slots, the one way the app runs it.

A slot cannot await, so it hands a coroutine to ``spawn``. asyncio keeps
only a weak reference to a task, so this keeps a strong one until it ends;
then its outcome is looked at: a disk problem (``StorageError``) is given to
``show_disk_problem`` to say where the person looks, once: a dialog (an
awaitable shower) is not opened again for the same problem while it is on
screen, and a passing notice (a plain function) says each problem once for
the life of these tasks, since it cannot tell whether it was seen. Every
problem, shown or not, goes to the log; anything else is a bug and goes to
the log with its traceback. Nothing is dropped silently.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from desktop.storage.errors import StorageError

log = logging.getLogger("upright")

T = TypeVar("T")

DiskProblemShower = Callable[[StorageError], Awaitable[object] | None]


class BackgroundTasks:
    def __init__(self, show_disk_problem: DiskProblemShower, what: str = "background work") -> None:
        self._show = show_disk_problem
        self._what = what
        self._tasks: set[asyncio.Task[Any]] = set()
        self._shown: set[str] = set()  # disk problems on screen now, or said by a notice

    def spawn(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        """Run ``coro`` on the loop; its failure is reported when it ends."""
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def __len__(self) -> int:
        return len(self._tasks)

    async def settle(self) -> None:
        """Wait until every task, and any task they started meanwhile, has ended."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def cancel(self) -> None:
        """Stop everything still running (closing a window) and wait for it to unwind."""
        for task in list(self._tasks):
            task.cancel()
        await self.settle()

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled() or task.exception() is None:
            return
        exc = task.exception()
        if isinstance(exc, StorageError):
            log.info("%s: %s", self._what, exc)  # the person is told by ``show_disk_problem``
            self._report(exc)
        else:
            log.error("%s failed", self._what, exc_info=exc)

    def _report(self, exc: StorageError) -> None:
        text = str(exc)
        if text in self._shown:
            return
        self._shown.add(text)
        shown = self._show(exc)
        if inspect.isawaitable(shown):
            self.spawn(_then(shown, lambda: self._shown.discard(text)))


async def _then(awaitable: Awaitable[object], after: Callable[[], None]) -> None:
    try:
        await awaitable
    finally:
        after()
