"""Await a widget's first paint: the moment the person can see the window.

Start-up work the first screen does not need (database, speech, charts)
waits for this, and the cold-start benchmark measures up to it.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QEvent, QObject


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class _PaintWatcher(QObject):
    def __init__(self, future: asyncio.Future):
        super().__init__()
        self._future = future

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self._future.done():
            # Resolve after this paint completes, not before it starts.
            asyncio.get_running_loop().call_soon(_resolve, self._future)
        return False


async def first_paint(widget) -> None:
    future = asyncio.get_running_loop().create_future()
    watcher = _PaintWatcher(future)
    widget.installEventFilter(watcher)
    try:
        await future
    finally:
        widget.removeEventFilter(watcher)
