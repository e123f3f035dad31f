"""Where the history lives on disk.

Kept apart from the database code so the CLI and GUI can show or validate the
folder without paying for the SQLAlchemy import.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATABASE_NAME = "history.sqlite3"
ENV_VAR = "UPRIGHT_DATA_DIR"


def resolve_data_dir(cli_value: str | None) -> Path:
    """Pick the data folder: ``--data-dir``, then ``$UPRIGHT_DATA_DIR``, then the OS default.

    The explicit choices come first so tests, portable installs and a second
    profile never touch the user's real history. Empty values count as unset,
    because an empty string would otherwise mean "the current directory".
    """
    for value in (cli_value, os.environ.get(ENV_VAR)):
        if value:
            return Path(value).expanduser()
    return Path(platformdirs.user_data_dir("Upright", appauthor=False))
