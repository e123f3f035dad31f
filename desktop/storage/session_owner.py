"""Which sessions a running process still owns: one locked file per running session.

A session row without an outcome is either running now (in this or another
Upright) or was cut short by a crash, a kill or a power cut. Start times
cannot tell them apart (a clock set forward or back fools them), nor can
PIDs (reused after a reboot). An OS file lock can: the process that starts a
session locks ``running/session-<id>.lock`` in the data folder and holds it
until the session ends; the kernel releases it when that process dies,
however it dies. So a session whose lock can be taken has no owner left.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from desktop.storage.errors import StorageError
from desktop.storage.file_lock import open_locked

FOLDER = "running"


class SessionOwnership:
    """The session locks this process holds, in the data folder ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / FOLDER
        self._held: dict[int, int] = {}  # session id -> locked descriptor
        self._guard = threading.Lock()

    def claim(self, session_id: int) -> None:
        """Lock the session's file for as long as this process runs it."""
        try:
            self.folder.mkdir(exist_ok=True)
            fd = open_locked(self._path(session_id))
        except OSError as exc:  # the session is not started: its transaction rolls back
            raise StorageError.from_os(self.folder, exc) from exc
        if fd is None:  # only if an id were reused while its old owner still ran
            raise RuntimeError(f"session {session_id} is already owned by another process")
        with self._guard:
            self._held[session_id] = fd

    def release(self, session_id: int) -> None:
        """The session has its outcome: drop the lock and its file."""
        with self._guard:
            fd = self._held.pop(session_id, None)
        if fd is not None:
            os.close(fd)
            self._path(session_id).unlink(missing_ok=True)

    def orphaned(self, session_id: int) -> bool:
        """True when no running process owns the session (its lock file, if any, is removed)."""
        with self._guard:
            if session_id in self._held:
                return False
        path = self._path(session_id)
        if not path.exists():
            return True
        try:
            fd = open_locked(path)
        except OSError:  # cannot tell (no permission on the file): leave the session alone
            return False
        if fd is None:
            return False
        os.close(fd)
        path.unlink(missing_ok=True)
        return True

    def close(self) -> None:
        """Let go of every lock (the sessions stay open; the next start closes them)."""
        with self._guard:
            held, self._held = self._held, {}
        for fd in held.values():
            os.close(fd)

    def _path(self, session_id: int) -> Path:
        return self.folder / f"session-{session_id}.lock"
