"""Run a command's work against the history database, with errors said the CLI's way."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from desktop.cli.main import EXIT_BAD_INPUT
from desktop.cli.output import fail
from desktop.storage.location import resolve_data_dir

T = TypeVar("T")


def with_database(args, work: Callable[..., T]) -> tuple[T | None, int | None]:
    """``(result, None)``, or ``(None, exit code)`` after printing a clear message."""
    from desktop.storage.database import open_database
    from desktop.storage.errors import StorageError

    try:
        db = open_database(resolve_data_dir(args.data_dir))
    except StorageError as exc:
        return None, fail(str(exc), EXIT_BAD_INPUT)
    try:
        return work(db), None
    except StorageError as exc:
        return None, fail(str(exc), EXIT_BAD_INPUT)
    finally:
        db.close()
