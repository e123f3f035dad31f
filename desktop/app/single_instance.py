"""One Upright per user: a second launch asks the running one to show itself.

A QLocalServer named per user listens; a new process first tries to connect
and, if someone answers, sends its request and exits instead of adding a
second tray icon. The same socket carries the control requests of
``upright status|break|snooze|pause``: one line in, one JSON line back.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.core.control import Control, ControlRequest

CONNECT_TIMEOUT_MS = 300
REPLY_TIMEOUT_MS = 5000


def server_name() -> str:
    return f"upright-{getpass.getuser()}"


def ask_running_instance(message: str, name: str | None = None) -> bool:
    """True when another instance took ``message`` ("open" or "tray")."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(message.encode() + b"\n")
    socket.flush()
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


def send_control(request: ControlRequest, name: str | None = None) -> dict[str, Any] | None:
    """The running instance's answer to ``request``; None when no instance runs."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return None
    socket.write(request.line().encode() + b"\n")
    socket.flush()
    reply = b""
    while not reply.endswith(b"\n") and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    if not reply:
        return {"error": "the running Upright did not answer (it may be an older version)"}
    return json.loads(reply)


ControlHandler = Callable[[ControlRequest], dict[str, Any]]


class InstanceServer(QObject):
    request = Signal(str)

    def __init__(self, name: str | None = None, parent=None):
        super().__init__(parent)
        self._server = QLocalServer(self)
        self.control: ControlHandler | None = None  # set once the tray can answer
        name = name or server_name()
        QLocalServer.removeServer(name)  # a stale socket from a crashed run would block listening
        self.listening = self._server.listen(name)
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        for line in bytes(socket.readAll().data()).decode(errors="replace").splitlines():
            word = line.strip().partition(" ")[0]
            if line.strip() in ("open", "tray"):
                self.request.emit(line.strip())
            elif word in set(Control):
                socket.write(json.dumps(self._answer(line)).encode() + b"\n")
                socket.flush()

    def _answer(self, line: str) -> dict[str, Any]:
        try:
            request = ControlRequest.from_line(line)
        except ValueError as exc:
            return {"error": str(exc)}
        if self.control is None:
            return {"error": "Upright is starting; ask again in a moment"}
        return self.control(request)

    def close(self) -> None:
        self._server.close()
