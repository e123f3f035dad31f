"""The CLI, the CSV files and the window agree on the day a session belongs to: the local day
where it happened, from the UTC offset stored with it, whatever zone they are read in.

A session is recorded in Tokyo at 08:00 on 1 March (23:00 on 28 February in
UTC, 18:00 on 28 February in New York) and read back in New York by real
``upright`` processes and by the window's queries.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.storage.aggregates import list_sessions, load_aggregates
from desktop.storage.database import open_database
from desktop.storage.history import HistoryStore

ROOT = Path(__file__).resolve().parents[2]
TOKYO = timezone(timedelta(hours=9))
STARTED = datetime(2026, 3, 1, 8, 0, tzinfo=TOKYO)
DAY = date(2026, 3, 1)


@pytest.fixture
def zone(monkeypatch) -> Iterator[object]:
    """Set this process's time zone (``TZ``) for the duration of a test."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def upright(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "TZ": "America/New_York"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_csv_and_window_agree_on_the_day(tmp_path, zone):
    data = tmp_path / "data"
    zone("Asia/Tokyo")
    db = open_database(data)
    store = HistoryStore(db)
    session = store.start_session("desk-break", "Desk break", STARTED)
    store.finish_session(session, "completed", STARTED + timedelta(minutes=5))
    store.record_break(STARTED + timedelta(hours=1), "taken", STARTED + timedelta(hours=1), 60.0)
    zone("America/New_York")

    history = json.loads(upright(data, "history", "--json").stdout)
    assert history["sessions"][0]["started_at"].startswith("2026-03-01T08:00:00.000+09:00")
    assert history["breaks"][0]["offered_at"].startswith("2026-03-01T09:00")
    assert "2026-03-01 08:00" in upright(data, "history", "--period", "all").stdout

    exported = upright(data, "export", "--csv", str(tmp_path / "csv"))
    assert exported.returncode == 0, exported.stderr
    with (tmp_path / "csv" / "sessions.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert rows[0]["started_at"].startswith("2026-03-01T08:00:00.000+09:00")
    with (tmp_path / "csv" / "breaks.csv").open(encoding="utf-8") as file:
        assert next(csv.DictReader(file))["offered_at"].startswith("2026-03-01T09:00")

    with db.read() as reading:  # what the window's history page asks for
        listed = list_sessions(reading, DAY, DAY)
        before = list_sessions(reading, DAY - timedelta(days=1), DAY - timedelta(days=1))
        sums = load_aggregates(reading, DAY - timedelta(days=1), DAY, DAY)
    db.close()
    assert [row.started_at.date() for row in listed] == [DAY] and before == []
    assert [day for day, _counts in sums.breaks if sum(_counts.values())] == [DAY]
