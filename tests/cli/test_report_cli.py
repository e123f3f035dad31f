"""``upright report``: the PDF names the person (``--name``, else Preferences, else the account's
full name) and is written without a display; bad names and empty periods write nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import PERIODS
from desktop.core.history import HistoryRange
from tests.history_seed import seed

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def history(tmp_path) -> Path:
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    data = tmp_path / "history"
    db = open_database(data)
    seed(HistoryStore(db), "month")
    db.close()
    return data


def upright(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    """The real command in a child with no display at all: the report needs none."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "desktop", "report", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def pdf_text(path: Path) -> str:
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed: bash packaging/bootstrap.sh test"
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def store_name(data: Path, name: str) -> None:
    from desktop.app.report_data import REPORT_NAME_KEY
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    db = open_database(data)
    HistoryStore(db).set_setting(REPORT_NAME_KEY, name)
    db.close()


def test_the_name_from_preferences_then_from_the_command_line(history, tmp_path):
    store_name(history, "Dana Q. Example")
    out = tmp_path / "saved.pdf"
    done = upright(str(out), data=history)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Wrote the report (") and str(out) in done.stdout
    text = pdf_text(out)
    assert "Dana Q. Example" in text and "Last 12 months" in text
    assert "root" not in text.split("Summary")[0]  # the account's login is not who the report is for

    given = tmp_path / "given.pdf"
    # NFD on the command line (as some shells and file names give it) prints as NFC.
    done = upright(str(given), "--name", "Zoe\u0308 Ne\u0301ron", "--period", "4w", data=history)
    assert done.returncode == 0, done.stderr
    text = pdf_text(given)
    assert "Zo\u00eb N\u00e9ron" in text and "Dana" not in text and "Last 4 weeks" in text


def test_without_a_saved_name_the_account_full_name_is_used(history, tmp_path):
    from desktop.platform.account import account_person_name

    out = tmp_path / "r.pdf"
    done = upright(str(out), data=history)
    assert done.returncode == 0, done.stderr
    assert account_person_name() in pdf_text(out)


def test_account_name_is_the_gecos_full_name_then_the_login(monkeypatch):
    import pwd

    from desktop.platform import account

    entry = pwd.getpwuid(os.getuid())
    gecos = pwd.struct_passwd((*entry[:4], "Alex Example,Room 12,555-0100,", *entry[5:]))
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: gecos)
    assert account.account_person_name() == "Alex Example"
    bare = pwd.struct_passwd((*entry[:4], "", *entry[5:]))
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: bare)
    monkeypatch.setattr("getpass.getuser", lambda: "alex")
    assert account.account_person_name() == "alex"


@pytest.mark.parametrize(
    ("name", "said"),
    [("Dana\x1b[31m", "control character U+001B"), ("   ", "give the name to print on the report")],
)
def test_a_name_that_cannot_be_printed_is_refused_and_nothing_written(history, tmp_path, name, said):
    out = tmp_path / "r.pdf"
    done = upright(str(out), "--name", name, data=history)
    assert done.returncode == 2 and said in done.stderr and "--name" in done.stderr
    assert not out.exists()


def test_a_saved_name_with_control_characters_is_not_printed(history, tmp_path):
    from desktop.app.report_data import report_person
    from desktop.platform.account import account_person_name

    assert report_person("Dana\x07") == account_person_name()  # edited outside Upright: not trusted
    assert report_person("  Dana  ") == "Dana"


def test_nothing_recorded_in_the_period_writes_no_file(tmp_path):
    out = tmp_path / "r.pdf"
    done = upright(str(out), data=tmp_path / "empty")
    assert done.returncode == 1 and "no report was written" in done.stderr and "--period all" in done.stderr
    assert not out.exists()


def test_the_periods_are_the_history_ranges():
    assert tuple(r.value for r in HistoryRange) == PERIODS


def test_a_file_in_a_folder_that_is_not_there_is_refused_plainly(history, tmp_path):
    out = tmp_path / "missing" / "r.pdf"
    done = upright(str(out), data=history)
    assert done.returncode == 2 and f"{out.parent} is not a folder" in done.stderr
    assert "QPainter" not in done.stderr and not out.exists()  # said in our words, before Qt tries
