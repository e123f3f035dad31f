"""Helpers for tests that drive coroutines of the app on a real qasync loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

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


def answer_done_screen(
    answers: list[int | bool | None], seen: list[str], ready: Callable[[], bool] = lambda: True
) -> QTimer:
    """On a session's done screen, answer each question asked there in turn (the pain rating:
    a number, or None to skip; any other: True accepts, False declines), then, once ``ready()``,
    leave the screen with Esc as a person would. Records ``done screen: <title> <answer>``."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.ui.pain_dialog import PainDialog
    from desktop.ui.session_view import SessionView

    timer = QTimer()
    timer.setInterval(20)
    pressed: list[SessionView] = []

    def poll():
        for view in QApplication.topLevelWidgets():
            if not isinstance(view, SessionView) or not view.isVisible() or view.kind != "done":
                continue
            question = view.question
            if isinstance(question, QDialog) and question.isVisible() and answers:
                answer = answers.pop(0)
                seen.append(f"done screen: {question.windowTitle()} {answer}")
                if isinstance(question, PainDialog) and isinstance(answer, int) and answer is not True:
                    question._pick(answer)
                    question.accept()
                elif answer is True:
                    question.accept()
                else:
                    question.reject()
            elif question is None and not answers and QApplication.activeModalWidget() is None and ready():
                if not pressed:
                    seen.append("done screen: Esc")
                    pressed.append(view)
                view.activateWindow()  # as a person's click would: a closed dialog leaves no window active
                QTest.keyClick(view, Qt.Key.Key_Escape)  # again on the next poll if it went nowhere

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
