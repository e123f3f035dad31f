"""Exports write only over a file: a folder, named pipe or device where the file goes is named
and left as it was (export-routine once said a folder "was not loaded", CSV export called a
FIFO "a file", and export-routine replaced a FIFO with a regular file)."""

import os
import stat
import subprocess
import sys

import pytest

from desktop.content.bounded_write import NOT_WRITTEN, write_whole
from desktop.content.errors import ContentError
from desktop.content.routine_file import write_routine_file


def run_upright(tmp_path, *args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_a_fifo_folder_or_device_is_refused_by_name_and_left_alone(catalog, tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    for target, kind in ((fifo, "a named pipe (FIFO)"), (folder, "a folder"), (os.devnull, "a device")):
        with pytest.raises(ContentError) as err:
            write_routine_file(catalog.routines[0], tmp_path / target)
        assert err.value.problems == [f"it is {kind}, not a file; choose a file name"]
        assert err.value.report(NOT_WRITTEN).startswith(f"{tmp_path / target} could not be written:")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and folder.is_dir()
    assert {p.name for p in tmp_path.iterdir()} == {"pipe.json", "folder.json"}  # no temporary file left


def test_a_file_is_replaced_whole(tmp_path):
    target = tmp_path / "r.json"
    target.write_text("old")
    write_whole(target, "new\n")
    assert target.read_text() == "new\n" and {p.name for p in tmp_path.iterdir()} == {"r.json"}


def test_export_routine_says_could_not_be_written(tmp_path):
    fifo = tmp_path / "rf"
    os.mkfifo(fifo)
    (tmp_path / "dir").mkdir()
    for target, kind in ((fifo, "a named pipe (FIFO)"), (tmp_path / "dir", "a folder")):
        result = run_upright(tmp_path, "export-routine", "tweaked-back", str(target))
        assert result.returncode == 2
        assert (
            result.stderr
            == f"upright: {target} could not be written:\n  - it is {kind}, not a file; choose a file name\n"
        )
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_csv_export_names_a_fifo_for_the_folder_or_a_file_in_it(tmp_path):
    fifo = tmp_path / "csv"
    os.mkfifo(fifo)
    result = run_upright(tmp_path, "export", "--csv", str(fifo))
    assert result.returncode == 2 and "it is a named pipe (FIFO), not a folder" in result.stderr
    assert "it is a file" not in result.stderr
    folder = tmp_path / "out"
    folder.mkdir()
    os.mkfifo(folder / "sets.csv")
    result = run_upright(tmp_path, "export", "--csv", str(folder))
    assert result.returncode == 2 and "sets.csv there is a named pipe (FIFO), not a file" in result.stderr
    assert {p.name for p in folder.iterdir()} == {"sets.csv"} and stat.S_ISFIFO(
        os.stat(folder / "sets.csv").st_mode
    )


def test_the_pdf_writer_refuses_a_fifo_before_opening_it(qapp, tmp_path):
    from PySide6.QtGui import QPageSize

    from desktop.ui.report_pages import write_pages

    fifo = tmp_path / "report.pdf"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="named pipe"):  # opening it would wait for a reader forever
        write_pages(fifo, [], "footer", "title", QPageSize.PageSizeId.A4)
