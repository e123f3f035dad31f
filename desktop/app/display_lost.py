"""The display going away (a logout) records what is pending, then ends the process.

What Qt does, measured with the pinned PySide6 6.11 (docs/reliability.md):
when the X server dies, the xcb plugin warns "The X11 connection broke
(error 1). Did the X11 server die?" and quits the application's event loop:
``exec`` returns and the qasync loop stops for good (each later attempt to
run it quits again at once), so no coroutine runs again. Left alone, the
process ended with a RuntimeError traceback, the reminder waiting and the
session under way unrecorded. On Wayland the plugin warns "The Wayland
connection broke..." and calls ``_exit`` straight after: only that warning's
handler runs.

So the moment both give is Qt's warning. A message handler sees it and calls
``record`` synchronously: appends to the journal (fsync'd, milliseconds) and
a bounded try of the store, nothing that needs the loop or the screen; then
it ends the process itself with ``EXIT_DISPLAY_LOST``. A quit Qt starts on
its own for any other reason (``aboutToQuit`` before the app's own coroutine
has finished) takes the same path. Every message goes on to the handler
there was before (Upright's log, ``qt_app.route_qt_messages``).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

log = logging.getLogger("upright")
EXIT_DISPLAY_LOST = 1  # what Qt itself returns from exec when the X11 connection breaks
STORE_WAIT_S = 6.0  # one busy timeout and a little: after that the journal keeps it for the next start
# Qt's own words when the display connection is lost (xcb: "The X11 connection broke (error 1)...",
# "The X11 connection broke: <reason> (code N)"; Wayland: "The Wayland connection broke...",
# "The Wayland connection experienced a fatal error: ..."), all followed by the end of the app.
_LOST = ("X11 connection broke", "Wayland connection broke", "Wayland connection experienced a fatal error")


class DisplayWatch:
    """Installed by an entry point for as long as its own coroutine runs (``close`` at its end,
    before the interpreter winds down: Qt's threads must not call into it then)."""

    def __init__(
        self,
        app: QApplication,
        record: Callable[[], None],
        *,
        exit_process: Callable[[int], object] | None = None,
    ) -> None:
        self._record, self._exit = record, exit_process or end_process
        self._lost = threading.Lock()  # the first to take it records; Wayland may warn from its own thread
        self._previous = qInstallMessageHandler(self._message)
        app.aboutToQuit.connect(self._about_to_quit)
        self._app = app

    def close(self) -> None:
        """The app is quitting on its own terms: its ``aboutToQuit`` is expected, and Qt's
        messages go back to the handler there was before."""
        self._app.aboutToQuit.disconnect(self._about_to_quit)
        qInstallMessageHandler(self._previous)

    def _message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if self._previous is not None:  # Upright's own routing (``qt_app.route_qt_messages``: the log)
            self._previous(kind, context, message)
        else:
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")
        if any(words in message for words in _LOST):
            self.lose("the display connection broke")

    def _about_to_quit(self) -> None:  # connected only while the app's coroutine runs
        self.lose("the desktop ended the application")

    def lose(self, why: str) -> None:
        """Record what is pending, say so in one line, and end the process."""
        if not self._lost.acquire(blocking=False):
            return  # already recording (a second warning on the way out)
        try:
            self._record()
            said = f"upright: {why} (a logout?); what was under way is recorded."
        except Exception:  # still end: Qt will not run this app again
            log.exception("recording what was pending when the display went away failed")
            said = f"upright: {why}; what was under way may not all be recorded (see the log)."
        sys.stderr.write(said + "\n")
        self._exit(EXIT_DISPLAY_LOST)


def end_process(status: int) -> None:
    """Flush what was said and the log, then end now: Python's normal exit would run the
    stopped loop's clean-up, which cannot run without the display."""
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe, a closed stream
            stream.flush()
    logging.shutdown()
    os._exit(status)
