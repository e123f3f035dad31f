"""Test-wide set-up: Qt renders offscreen and no test touches the real data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ("tests.speech_dispatcher",)  # the real speech-dispatcher fixture

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch) -> Path:
    """Every test gets its own data folder, also for code that reads the environment."""
    data = tmp_path / "data"
    monkeypatch.setenv("UPRIGHT_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    return data


@pytest.fixture(autouse=True)
def unconfigured_logging():
    """A test that runs ``upright``'s main configures logging; the next test starts without it."""
    yield
    import logging

    logger = logging.getLogger("upright")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


@pytest.fixture(scope="session")
def catalog():
    from desktop.content.catalog_loader import load_catalog

    return load_catalog()
