"""Run a command's work against the history database, with errors said the CLI's way."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from desktop.cli.main import EXIT_BAD_INPUT
from desktop.cli.output import fail
from desktop.storage.location import resolve_data_dir

if TYPE_CHECKING:
    from desktop.storage.database import Database

T = TypeVar("T")


@dataclass(frozen=True)
class Failed:
    """The command cannot go on; the message is printed already and ``code`` is its exit code."""

    code: int


def with_database(args: argparse.Namespace, work: Callable[[Database], T]) -> T | Failed:
    """``work``'s result, or ``Failed`` after printing a clear message."""
    from desktop.storage.database import open_database
    from desktop.storage.errors import StorageError

    data_dir = resolve_data_dir(args.data_dir)
    try:
        db = open_database(data_dir)
    except StorageError as exc:
        return Failed(fail(str(exc), EXIT_BAD_INPUT))
    try:
        _replay_waiting_sets(db, data_dir)
        return work(db)
    except StorageError as exc:
        return Failed(fail(str(exc), EXIT_BAD_INPUT))
    finally:
        db.close()


def _replay_waiting_sets(db, data_dir) -> None:
    """Sets a busy store kept in a journal are written at the next start, whichever command it is."""
    from desktop.storage.errors import StoreBusy
    from desktop.storage.set_journal import PATTERN, replay_orphans

    if not any(data_dir.glob(PATTERN)):
        return  # the usual case: nothing waits, and reading takes no write lock
    from desktop.storage.history import HistoryStore

    with suppress(StoreBusy):  # still busy: they keep waiting, and this command can still read
        replay_orphans(data_dir, HistoryStore(db))
