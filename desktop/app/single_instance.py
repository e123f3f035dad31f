"""One Upright per user and data folder: a second launch asks the running one to show itself.

Who is the instance is decided by a lock, not by who listens first:
``flock`` on a lock file beside the socket, taken without waiting. The
process that holds it listens on the socket; every other start connects,
sends "open" or "tray" and exits. The kernel drops the lock when its holder
dies, however it dies, so a stale socket from a killed run is simply
replaced by the next start, and two simultaneous starts cannot both win.

The same socket carries the control requests of ``upright
status|break|snooze|pause``: one line in, one JSON line back.

Both files live in a folder only this user can enter: ``$XDG_RUNTIME_DIR``
when it is a private folder of this user's, otherwise ``~/.cache/upright/run``
created with mode 0700. Never a shared folder such as /tmp, where another
local user could create the name first and block, answer or impersonate Upright.
On Windows the lock file is in the user's own local application data and the
socket is a named pipe (``upright-KEY``) open to this user only.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.core.control import Control, ControlRequest

CONNECT_TIMEOUT_MS = 300
REPLY_TIMEOUT_MS = 5000
ANSWER_WAIT_S = 5.0  # how long a second start waits for a first one still starting to listen
REQUESTS = ("open", "tray")
_SOCKET_PATH_MAX = 107  # sockaddr_un.sun_path is 108 bytes with the terminating zero


class InstanceProblem(Exception):
    """The running instance could not be reached, or no private folder could be made."""


def runtime_dir() -> Path:
    """A folder only this user can enter, for the socket and its lock.

    ``$XDG_RUNTIME_DIR`` if it is private; else ``~/.cache/upright/run``; else,
    where that path is too long for a socket name (107 bytes), ``/tmp/upright-UID``,
    used only if it is this user's and mode 0700 (a squatter's is refused, not used).
    """
    if sys.platform == "win32":  # the profile's own folder: private to the user by its access list
        from platformdirs import user_runtime_dir

        folder = Path(user_runtime_dir("Upright", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    xdg = os.environ.get("XDG_RUNTIME_DIR", "")
    if xdg and _private(Path(xdg)) and _fits(Path(xdg)):
        return Path(xdg)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "upright" / "run"
    fallback = cache if _fits(cache) else Path("/tmp") / f"upright-{os.getuid()}"
    try:
        fallback.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise InstanceProblem(f"cannot make the folder {fallback}: {exc.strerror or exc}") from exc
    if not _private(fallback):
        raise InstanceProblem(f"{fallback} is not a private folder of this user's (mode 0700)")
    return fallback


def _fits(folder: Path) -> bool:
    return len(os.fsencode(folder / "upright-0123456789abcdef.sock")) <= _SOCKET_PATH_MAX


def _private(path: Path) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0


def socket_path(data_dir: Path, folder: Path | None = None) -> Path:
    """The socket for ``data_dir``: a second profile (``--data-dir``) is a second instance."""
    key = hashlib.sha256(str(data_dir.expanduser().resolve()).encode()).hexdigest()[:16]
    return (folder or runtime_dir()) / f"upright-{key}.sock"


ControlHandler = Callable[[ControlRequest], dict[str, Any]]


class Instance(QObject):
    """The running Upright's end: holds the lock, answers later starts and control requests."""

    request = Signal(str)

    def __init__(self, lock_fd: int, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control: ControlHandler | None = None  # set once the tray can answer
        self._lock_fd = lock_fd
        self.path = path
        path.unlink(missing_ok=True)  # a socket left by a run that died: the lock says it is ours now
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.listening = self._server.listen(endpoint(path))
        if not self.listening:  # e.g. a path longer than a socket name may be (107 bytes)
            print(
                f"upright: {path} cannot be listened on ({self._server.errorString()}); "
                "a second start will wait and then say this one does not answer",
                file=sys.stderr,
            )
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        for line in bytes(socket.readAll().data()).decode(errors="replace").splitlines():
            word = line.strip().partition(" ")[0]
            if line.strip() in REQUESTS:
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
        self.path.unlink(missing_ok=True)
        os.close(self._lock_fd)  # releases the lock: the next start becomes the instance


def claim(data_dir: Path, message: str) -> Instance | None:
    """This process's ``Instance`` when it is the first; ``None`` once the running one took ``message``.

    Raises ``InstanceProblem`` when another holds the lock but does not answer within ``ANSWER_WAIT_S``.
    """
    instance = hold(data_dir)
    if instance is None:
        _tell_running(socket_path(data_dir), message)
    return instance


def hold(data_dir: Path) -> Instance | None:
    """This process's ``Instance`` for ``data_dir``, or ``None`` when another process holds it."""
    from desktop.storage.file_lock import open_locked

    path = socket_path(data_dir)
    fd = open_locked(path.with_suffix(".lock"))
    return None if fd is None else Instance(fd, path)


def endpoint(path: Path) -> str:
    """What QLocalServer listens on: the socket's path, or on Windows a named pipe's name (a pipe
    name may not hold the backslashes of a path)."""
    return path.stem if sys.platform == "win32" else str(path)


def send_control(request: ControlRequest, data_dir: Path) -> dict[str, Any] | None:
    """The running instance's answer to ``request``; None when no instance runs."""
    socket = QLocalSocket()
    socket.connectToServer(endpoint(socket_path(data_dir)))
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
    answer: dict[str, Any] = json.loads(reply)
    return answer


def _tell_running(path: Path, message: str) -> None:
    """Hand ``message`` to the lock holder, which may still be starting up."""
    deadline = time.monotonic() + ANSWER_WAIT_S
    while True:
        socket = QLocalSocket()
        socket.connectToServer(endpoint(path))
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            socket.write(message.encode() + b"\n")
            socket.flush()
            socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
            socket.disconnectFromServer()
            return
        if time.monotonic() > deadline:
            raise InstanceProblem(
                f"another Upright holds {path.with_suffix('.lock')} but does not answer; "
                "if it is stuck, end it and start again"
            )
        time.sleep(0.05)  # the holder is between taking the lock and listening: a few milliseconds
