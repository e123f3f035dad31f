"""An OS lock on an open file: held while the file stays open, gone when its process dies.

This is how Upright tells "still running" from "crashed" without trusting
PIDs (reused) or start times (clocks jump): the kernel drops the lock the
moment the owner exits, however it exits. ``flock`` locks belong to the
open file, so even a second open in the same process is refused while the
first is held.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


def open_locked(path: Path) -> int | None:
    """Open (creating) ``path`` and lock it; the descriptor, or ``None`` if another holder has it.

    Close the descriptor to release the lock.
    """
    # Never through a symbolic link someone else planted; not inherited by children (POSIX only).
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        os.close(fd)
        return None
    return fd
