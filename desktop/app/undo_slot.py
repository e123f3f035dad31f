"""One Undo button in the status bar for the latest deletion (a session or a routine).

A deletion happens at once, without a confirmation dialog; the button brings
it back until the next deletion replaces it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPushButton

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class UndoSlot:
    def __init__(self, window: MainWindow, spawn: Callable[[Coroutine[Any, Any, None]], object]) -> None:
        self._window, self._spawn = window, spawn
        self.button: QPushButton | None = None

    def offer(self, message: str, what: str, undo: Callable[[], Awaitable[str]]) -> None:
        """Say ``message`` and show Undo; ``undo`` puts ``what`` back and returns what to say then."""
        self._drop()
        self.button = QPushButton("Undo")
        self.button.setAccessibleName(f"Undo deleting {what}")
        self._window.statusBar().addPermanentWidget(self.button)
        self._window.say(message)

        async def run() -> None:
            self._drop()
            self._window.say(await undo())

        self.button.clicked.connect(lambda: self._spawn(run()))

    def _drop(self) -> None:
        if self.button is not None:
            self._window.statusBar().removeWidget(self.button)
            self.button.deleteLater()
            self.button = None
