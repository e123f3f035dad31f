"""The one place the Qt event loop is started: qasync's loop driving a coroutine.

``asyncio.Runner(loop_factory=...)`` is Python 3.11's spelling of
``asyncio.run(main(), loop_factory=QEventLoop)``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtWidgets import QApplication


def run_on_qt_loop(app: QApplication, main: Callable[[], Coroutine[Any, Any, int]]) -> int:
    from qasync import QEventLoop

    with asyncio.Runner(loop_factory=lambda: QEventLoop(app)) as runner:
        return runner.run(main())
