"""Set-commit latency: ``HistoryStore.record_set`` on a real database file.

Each finished set is its own committed transaction with ``synchronous=FULL``
in WAL mode, so its cost is mostly the fsync of the write-ahead log. Times
every call (one set, one commit) against a database in a folder on the same
file system as the per-user data folder unless ``--dir`` says otherwise; the
file system type is printed because on tmpfs an fsync costs nothing.

Run: python benchmarks/commit.py [--sets 200] [--dir FOLDER]
The last line printed is a JSON object for scripts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `desktop` importable from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def file_system(path: Path) -> str:
    """The type of the file system holding ``path`` (the longest matching mount point), from /proc/mounts."""
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "unknown"
    best, kind = "", "unknown"
    resolved = str(path.resolve())
    for _device, point, fs_type, *_ in mounts:
        if (resolved == point or resolved.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, kind = point, fs_type
    return kind


def default_parent() -> Path:
    """Beside the real data folder, so the numbers are that disk's (nothing is written into it)."""
    from desktop.storage.location import resolve_data_dir

    parent = resolve_data_dir(None).parent
    parent.mkdir(parents=True, exist_ok=True)
    return parent


def measure(folder: Path, sets: int) -> dict:
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    db = open_database(folder)
    try:
        store = HistoryStore(db)
        with db.engine.connect() as connection:
            synchronous = connection.exec_driver_sql("PRAGMA synchronous").scalar_one()
            journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar_one()
        t0 = datetime.now(UTC)
        session = store.start_session("bench", "Commit benchmark", t0)
        for warm in range(3):  # the first commits also create the WAL and warm SQLAlchemy's caches
            store.record_set(
                session,
                exercise_id="bridge",
                side="none",
                set_index=warm + 1,
                planned_reps=10,
                done_reps=10,
                started_at=t0,
                ended_at=t0 + timedelta(seconds=30),
            )
        times = []
        for index in range(sets):
            start = t0 + timedelta(seconds=40 * index)
            began = time.perf_counter()
            store.record_set(
                session,
                exercise_id="bird-dog",
                side="left" if index % 2 else "right",
                set_index=index // 2 + 1,
                planned_s=30.0,
                done_s=30.0,
                started_at=start,
                ended_at=start + timedelta(seconds=30),
            )
            times.append((time.perf_counter() - began) * 1000)
    finally:
        db.close()
    return {"synchronous": synchronous, "journal_mode": journal, "times": times}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=200, help="how many sets to commit and time")
    parser.add_argument("--dir", type=Path, help="make the database in a new folder inside this one")
    args = parser.parse_args(argv)
    parent = args.dir or default_parent()
    with tempfile.TemporaryDirectory(prefix="upright-commit-bench-", dir=parent) as tmp:
        result = measure(Path(tmp), args.sets)
        fs = file_system(Path(tmp))
    times = result["times"]
    p50, p99 = statistics.median(times), percentile(times, 99)
    print(
        f"record_set, one committed transaction each: {len(times)} sets on {fs} ({parent}), "
        f"journal_mode={result['journal_mode']}, synchronous={result['synchronous']} (2 = FULL)"
    )
    print(f"  median {p50:.2f} ms, p99 {p99:.2f} ms, max {max(times):.2f} ms")
    if fs in ("tmpfs", "ramfs"):
        print("  note: this folder is in memory, so fsync is free and these numbers flatter the disk")
    print(
        json.dumps(
            {
                "commit_ms": round(p50, 2),
                "commit_p99_ms": round(p99, 2),
                "commit_max_ms": round(max(times), 2),
                "commit_fs": fs,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
