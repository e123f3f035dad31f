"""CSV export is all or nothing across its three files.

An earlier export sits in the folder; the new one fails at the second file,
either while writing it (a full disk) or while renaming it into place. The
folder must then hold exactly the earlier three files, byte for byte, no
temporary or kept-aside file, and the message must say nothing was written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.storage import csv_export
from desktop.storage.csv_export import FILE_NAMES
from tests.cli.test_export_csv import fill


@pytest.fixture
def earlier(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A history, and a folder with an earlier export of three different files."""
    data, out = tmp_path / "data", tmp_path / "csv"
    fill(data)
    out.mkdir()
    before = {name: f"earlier {name}\n".encode() for name in FILE_NAMES}
    for name, content in before.items():
        (out / name).write_bytes(content)
    return data, out, before


def folder_as_is(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in sorted(os.listdir(out))}


def test_a_failed_rename_of_the_second_file_puts_the_first_back(earlier, monkeypatch, capsys) -> None:
    data, out, before = earlier
    real, renamed = os.replace, []

    def replace(src, dst):
        if Path(dst).name == "sets.csv" and Path(src).name.endswith(".part"):
            raise OSError(5, "Input/output error")
        renamed.append(Path(dst).name)
        return real(src, dst)

    monkeypatch.setattr(csv_export.os, "replace", replace)
    assert main(["--data-dir", str(data), "export", "--csv", str(out)]) == 2
    assert "sessions.csv" in renamed  # the first file had been replaced before the failure
    assert folder_as_is(out) == before  # ...and is back, with no temporary or kept-aside file
    message = capsys.readouterr().err
    assert str(out) in message and "Input/output error" in message and "Nothing was written" in message


def test_a_full_disk_on_the_second_file_changes_nothing(earlier, monkeypatch, capsys) -> None:
    data, out, before = earlier
    real = csv_export._write_temp

    def write_temp(folder, name, header, rows):
        if name == "sets.csv":
            raise OSError(28, "No space left on device")
        return real(folder, name, header, rows)

    monkeypatch.setattr(csv_export, "_write_temp", write_temp)
    assert main(["--data-dir", str(data), "export", "--csv", str(out)]) == 2
    assert folder_as_is(out) == before
    assert "No space left on device" in capsys.readouterr().err


def test_a_successful_export_replaces_all_three_and_leaves_nothing_else(earlier) -> None:
    data, out, before = earlier
    assert main(["--data-dir", str(data), "export", "--csv", str(out)]) == 0
    after = folder_as_is(out)
    assert sorted(after) == sorted(FILE_NAMES)
    assert all(after[name] != before[name] and after[name].count(b"\n") >= 2 for name in FILE_NAMES)
