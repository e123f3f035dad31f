"""Fixtures: a fresh data folder per test and a store opened on it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.storage.database import Database, open_database
from desktop.storage.history import HistoryStore


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Not created yet, so every test also exercises folder creation."""
    return tmp_path / "Upright"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir)
    yield database
    database.close()


@pytest.fixture
def store(db: Database) -> HistoryStore:
    return HistoryStore(db)


@pytest.fixture
def india_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the machine's local zone UTC+05:30 (no DST) so exported strings are exact.

    A POSIX TZ string needs no zone database. Windows has no ``time.tzset``.
    """
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX-only")
    monkeypatch.setenv("TZ", "IST-5:30")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
