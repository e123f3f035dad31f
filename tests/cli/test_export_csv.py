"""``upright export --csv DIR``: the same data as ``history --json``, and no half-written files."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.storage.csv_export import FILE_NAMES

INTS = {"id", "session_id", "set", "planned_reps", "done_reps", "pain_before", "pain_after"}
FLOATS = {"planned_s", "done_s", "duration_s"}


def fill(data_dir: Path) -> dict:
    """A small history with awkward text, an unfinished session and empty fields; returns its JSON export."""
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    db = open_database(data_dir)
    store = HistoryStore(db)
    t0 = datetime(2026, 3, 29, 0, 30, 0, 250000, tzinfo=UTC)
    sid = store.start_session('my, "odd"\nroutine ✓', "Odd", t0)
    store.set_pain(sid, "before", 4)
    store.record_set(
        sid,
        exercise_id="side-plank",
        side="left",
        set_index=1,
        planned_s=30.0,
        done_s=27.5,
        started_at=t0 + timedelta(seconds=5),
        ended_at=t0 + timedelta(seconds=32.5),
    )
    store.record_set(
        sid,
        exercise_id="bridge",
        side="none",
        set_index=1,
        planned_reps=10,
        done_reps=8,
        started_at=t0 + timedelta(seconds=40),
        ended_at=t0 + timedelta(seconds=70),
    )
    store.finish_session(sid, "completed", t0 + timedelta(minutes=2))
    open_sid = store.start_session("mobility-trio", "Mobility trio", t0 + timedelta(hours=3))
    store.record_set(
        open_sid,
        exercise_id="cat-camel",
        side="none",
        set_index=1,
        planned_reps=5,
        started_at=t0 + timedelta(hours=3, seconds=1),
        ended_at=t0 + timedelta(hours=3, seconds=9),
    )
    store.record_break(t0 + timedelta(hours=1), "taken", answered_at=t0 + timedelta(hours=1), duration_s=42.5)
    store.record_break(t0 + timedelta(hours=2), "ignored")
    data = store.export_history()
    db.close()
    return data


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as file:
        return [
            {
                k: None if v == "" else int(v) if k in INTS else float(v) if k in FLOATS else v
                for k, v in row.items()
            }
            for row in csv.DictReader(file)
        ]


def test_csv_round_trip_matches_the_json_export(tmp_path, capsys) -> None:
    data = fill(tmp_path / "data")
    out = tmp_path / "new" / "csv"  # created, parents too
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--csv", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == [str(out / name) for name in FILE_NAMES]

    sessions, sets, breaks = (read(out / name) for name in FILE_NAMES)
    assert sessions == [{k: v for k, v in s.items() if k != "sets"} for s in data["sessions"]]
    assert sets == [{"session_id": s["id"], **row} for s in data["sessions"] for row in s["sets"]]
    assert breaks == data["breaks"]
    assert sessions[0]["routine"] == 'my, "odd"\nroutine ✓' and sessions[1]["ended_at"] is None
    header = (out / "sets.csv").read_text(encoding="utf-8").splitlines()[0]
    assert (
        header == "session_id,exercise,side,set,planned_reps,done_reps,planned_s,done_s,started_at,ended_at"
    )
    assert sorted(os.listdir(out)) == sorted(FILE_NAMES)  # no temporary files left


def test_export_replaces_earlier_files(tmp_path, capsys) -> None:
    fill(tmp_path / "data")
    out = tmp_path / "csv"
    out.mkdir()
    (out / "breaks.csv").write_text("old\n")
    (out / "notes.txt").write_text("mine\n")
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--csv", str(out)]) == 0
    assert (out / "breaks.csv").read_text().startswith("offered_at,outcome,duration_s")
    assert (out / "notes.txt").read_text() == "mine\n"


def test_empty_history_gives_header_only_files(tmp_path, capsys) -> None:
    out = tmp_path / "csv"
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--csv", str(out)]) == 0
    assert [len((out / name).read_text().splitlines()) for name in FILE_NAMES] == [1, 1, 1]


def test_a_file_where_the_folder_should_be(tmp_path, capsys) -> None:
    fill(tmp_path / "data")
    blocker = tmp_path / "report"
    blocker.write_text("not a folder")
    for target in (blocker, blocker / "csv"):
        assert main(["--data-dir", str(tmp_path / "data"), "export", "--csv", str(target)]) == 2
        err = capsys.readouterr().err
        assert str(target) in err and err.startswith("upright: ")
    assert blocker.read_text() == "not a folder"


def test_read_only_folder_is_refused_and_left_empty(tmp_path, capsys, monkeypatch) -> None:
    """A folder we may not write in. As root chmod does not stop writes, so the refusal is injected
    where the export creates its files, exactly as the OS would raise it."""
    fill(tmp_path / "data")
    out = tmp_path / "locked"
    out.mkdir()
    out.chmod(0o555)
    real_open = Path.open

    def refuse(self, mode="r", *args, **kwargs):
        if self.parent == out and "x" in mode:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    try:
        assert main(["--data-dir", str(tmp_path / "data"), "export", "--csv", str(out)]) == 2
        assert str(out) in capsys.readouterr().err
        assert os.listdir(out) == []
    finally:
        out.chmod(0o755)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_running_out_of_space_midway_leaves_nothing_partial(tmp_path, capsys) -> None:
    """A file-size limit makes sets.csv fail half-way, as a full disk would (for root too)."""
    fill(tmp_path / "data")
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--csv", str(tmp_path / "sizes")]) == 0
    limit = (tmp_path / "sizes" / "sessions.csv").stat().st_size + 10
    assert (tmp_path / "sizes" / "sets.csv").stat().st_size > limit  # sessions.csv completes, sets.csv cannot
    out = tmp_path / "csv"
    out.mkdir()
    (out / "sessions.csv").write_text("earlier export\n")
    script = textwrap.dedent(f"""
        import pathlib, resource, signal, sys
        from desktop.storage.csv_export import export_csv
        from desktop.storage.database import open_database
        from desktop.storage.errors import StorageError
        db = open_database(pathlib.Path({str(tmp_path / "data")!r}))  # before the limit: SQLite grows -shm
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
        try:
            export_csv(db, pathlib.Path({str(out)!r}))
        except StorageError as exc:
            sys.exit(str(exc))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert str(out) in result.stderr and "too large" in result.stderr.lower()
    assert sorted(os.listdir(out)) == ["sessions.csv"]  # nothing new, no temporary files
    assert (out / "sessions.csv").read_text() == "earlier export\n"


def test_a_failed_export_removes_the_folder_it_created(tmp_path, monkeypatch) -> None:
    from desktop.storage import csv_export
    from desktop.storage.database import open_database
    from desktop.storage.errors import StorageError

    fill(tmp_path / "data")
    calls = []

    def fail_on_third(folder, name, columns, rows):
        calls.append(name)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(folder, name, columns, rows)

    real = csv_export._write_temp
    monkeypatch.setattr(csv_export, "_write_temp", fail_on_third)
    db = open_database(tmp_path / "data")
    try:
        with pytest.raises(StorageError, match="No space left on device") as caught:
            csv_export.export_csv(db, tmp_path / "fresh")
    finally:
        db.close()
    assert caught.value.path == tmp_path / "fresh" and str(tmp_path / "fresh") in str(caught.value)
    assert calls == list(FILE_NAMES) and not (tmp_path / "fresh").exists()
