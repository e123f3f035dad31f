"""Logging is configured once: a rotating file in the per-user state folder, warnings on the terminal."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

from desktop.log_setup import configure, log_dir


def test_the_file_keeps_tracebacks_and_the_terminal_shows_warnings(tmp_path, capsys):
    path = configure(0, tmp_path)
    log = logging.getLogger("upright.test")
    log.info("a detail for the file only")
    try:
        raise OSError("disk full")
    except OSError:
        log.exception("a set could not be saved")
    for handler in logging.getLogger("upright").handlers:
        handler.flush()
    assert path == tmp_path / "upright.log"
    text = path.read_text()
    assert "a detail for the file only" in text and "a set could not be saved" in text
    assert "Traceback" in text and "OSError: disk full" in text
    err = capsys.readouterr().err
    assert "upright: a set could not be saved" in err and "a detail" not in err


def test_configuring_again_does_not_log_twice(tmp_path):
    configure(0, tmp_path)
    path = configure(1, tmp_path)
    logging.getLogger("upright").warning("once")
    for handler in logging.getLogger("upright").handlers:
        handler.flush()
    assert path is not None and path.read_text().count("once") == 1


def test_an_unwritable_log_folder_leaves_the_terminal(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert configure(0, blocker / "log") is None
    logging.getLogger("upright").warning("still said")
    err = capsys.readouterr().err
    assert "cannot write the log file" in err and "upright: still said" in err


def test_the_log_lives_in_the_per_user_state_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert log_dir().is_relative_to(tmp_path / "state")


def test_v_on_the_command_line_shows_information(tmp_path):
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    code = (
        "import logging, sys; from desktop.cli.main import build_parser;"
        "from desktop.log_setup import configure;"
        "configure(build_parser().parse_args(sys.argv[1:]).verbose);"
        "logging.getLogger('upright').info('informational')"
    )
    quiet = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    loud = subprocess.run(
        [sys.executable, "-c", code, "-v"], capture_output=True, text=True, env=env, check=True
    )
    assert "informational" not in quiet.stderr and "upright: informational" in loud.stderr
    assert (tmp_path / "state").exists()
