"""One Upright per user: a second launch asks the running one to show itself.

A QLocalServer named per user listens; a new process first tries to connect
and, if someone answers, sends its request and exits instead of adding a
second tray icon.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 300


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


class InstanceServer(QObject):
    request = Signal(str)

    def __init__(self, name: str | None = None, parent=None):
        super().__init__(parent)
        self._server = QLocalServer(self)
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
        for line in bytes(socket.readAll()).decode(errors="replace").splitlines():
            if line.strip() in ("open", "tray"):
                self.request.emit(line.strip())

    def close(self) -> None:
        self._server.close()
