"""What a path that is not a regular file is, in words, for every reader and writer to say alike.

Upright reads only regular files and writes only over them (a folder, a named
pipe, a device or a socket is refused by name), in ``desktop.content`` and
``desktop.storage`` both; this is the one place the kinds are named.
"""

from __future__ import annotations

import stat


def kind_of_mode(mode: int) -> str | None:
    """What a non-regular file is (``a named pipe (FIFO)``); ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"
