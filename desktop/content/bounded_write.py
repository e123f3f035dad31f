"""The one way Upright writes a file a person names: whole or not at all, and only over a file.

Routine exports come through here (and anything else later written to a path a
person picks), so each of these holds for all of them alike:

- an existing target that is not a regular file (a folder, a named pipe, a
  device, a socket; a link to one counts as what it leads to) is refused by
  name before anything is written: writing into a FIFO would hang until
  something read it, and renaming a file over it would quietly break
  whatever reads from it;
- the text goes to a hidden file beside the target, is flushed to disk and
  then renamed over it, so a reader never sees half a file and a failed
  write leaves the old file as it was;
- every failure is a ``ContentError`` saying why; its ``report(NOT_WRITTEN)`` heads the
  problems with "FILE could not be written:".

It is the counterpart of ``desktop.content.bounded_read``, which names the same kinds of file.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from desktop.content.errors import ContentError
from desktop.core.file_kinds import kind_of_mode

NOT_WRITTEN = "could not be written"


def refuse_non_file(path: Path) -> None:
    """``ContentError`` when ``path`` exists and is not a regular file (nothing there is fine)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ContentError(str(path), [_unwritable(exc, path)]) from exc
    kind = kind_of_mode(mode)
    if kind is not None:
        raise ContentError(str(path), [f"it is {kind}, not a file; choose a file name"])


def write_whole(path: Path, text: str) -> None:
    """Put ``text`` (as UTF-8) in the file ``path``, replacing it whole and only if it is a file."""
    refuse_non_file(path)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temp, "x", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        refuse_non_file(path)  # it may have changed while the text was written
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ContentError(str(path), [_unwritable(exc, path)]) from exc
    except ContentError:
        temp.unlink(missing_ok=True)
        raise


def _unwritable(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOENT and not path.parent.is_dir():
        return f"the folder {path.parent} does not exist"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT):
        return f"Upright cannot create a file in {path.parent} ({exc.strerror})"
    return str(exc.strerror or exc)
