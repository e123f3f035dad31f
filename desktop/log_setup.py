"""Logging, configured once when ``upright`` starts.

Everything the app logs goes to a rotating file in the per-user state folder
(``~/.local/state/Upright/log/upright.log`` on Linux), so a problem someone
reports can be read afterwards, tracebacks included. The terminal shows
warnings (what a person should know, as ``upright: ...``); ``-v`` adds the
informational lines and ``-vv`` everything. What a command prints as its
answer (tables, JSON, ``session completed``) is output, not logging, and
stays on stdout.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

LOG_FILE = "upright.log"
MAX_BYTES = 1_000_000
BACKUPS = 3


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("Upright", appauthor=False))


def configure(verbosity: int = 0, folder: Path | None = None) -> Path | None:
    """Send the ``upright`` loggers to the file and the terminal; returns the file, if it could be made.

    Calling it again replaces what an earlier call set up (tests, and a process
    that configures itself twice, never log each line twice).
    """
    root = logging.getLogger("upright")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG)
    terminal = logging.StreamHandler(sys.stderr)
    terminal.setLevel((logging.WARNING, logging.INFO, logging.DEBUG)[min(verbosity, 2)])
    terminal.setFormatter(logging.Formatter("upright: %(message)s"))
    root.addHandler(terminal)
    path = (folder or log_dir()) / LOG_FILE
    try:
        from logging.handlers import RotatingFileHandler

        path.parent.mkdir(parents=True, exist_ok=True)
        file = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError as exc:
        root.warning("cannot write the log file %s (%s); logging to the terminal only", path, exc)
        return None
    file.setLevel(logging.DEBUG if verbosity >= 2 else logging.INFO)
    file.setFormatter(logging.Formatter(f"%(asctime)s {os.getpid()} %(levelname)s %(name)s: %(message)s"))
    root.addHandler(file)
    return path
