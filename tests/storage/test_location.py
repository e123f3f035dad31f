"""Where the data folder is, and that the cheap modules stay cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from desktop.storage.location import ENV_VAR, resolve_data_dir


def test_cli_value_wins_over_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"


def test_environment_wins_over_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert resolve_data_dir(None) == tmp_path / "env"


def test_default_is_the_platform_user_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    expected = Path(platformdirs.user_data_dir("Upright", appauthor=False))
    assert resolve_data_dir(None) == expected
    assert resolve_data_dir("") == expected  # an empty --data-dir is not "the current folder"


def test_home_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_data_dir("~/upright") == tmp_path / "upright"


def test_light_modules_do_not_import_the_orm() -> None:
    """The GUI imports these before its first paint; SQLAlchemy costs ~350 ms."""
    code = (
        "import sys, desktop.storage, desktop.storage.location, desktop.storage.errors\n"
        "heavy = sorted(m for m in ('sqlalchemy', 'alembic') if m in sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])
