"""Helpers for tests that drive coroutines of the app on a real qasync loop."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox


def run(qapp, coro_factory, timeout_s: float = 10.0):
    """Run a coroutine to completion on qasync's loop, as the app does."""
    from qasync import QEventLoop

    qapp.setQuitOnLastWindowClosed(False)  # as the app does: closing a window never stops the loop
    with asyncio.Runner(loop_factory=lambda: QEventLoop(qapp)) as runner:
        return runner.run(asyncio.wait_for(coro_factory(), timeout_s))


def answer_dialogs(answers: list[bool], seen: list[str]) -> QTimer:
    """Accept (True) or reject (False) each dialog as it opens; record their titles."""
    timer = QTimer()
    timer.setInterval(20)

    def poll():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, (QDialog, QMessageBox)) and widget.isVisible() and answers:
                seen.append(widget.windowTitle())
                yes = answers.pop(0)
                if isinstance(widget, QMessageBox) and widget.defaultButton() is not None:
                    (widget.defaultButton() if yes else widget.escapeButton()).click()
                else:
                    widget.accept() if yes else widget.reject()

    timer.timeout.connect(poll)
    timer.start()
    return timer


class FakeSpeaker:
    """Stands in for SoundCues and Voice: records what would have been heard."""

    def __init__(self):
        self.enabled = True
        self.heard: list[str] = []

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled

    def play(self, name: str) -> None:
        if self.enabled:
            self.heard.append(name)

    say = play
