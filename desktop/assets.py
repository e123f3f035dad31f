"""Where the shipped data files are, in a source checkout and in an installed wheel.

The wheel carries ``assets/`` inside the package (see pyproject); a checkout
or an editable install reads the top-level folder directly.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def assets_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle unpacks data here
    for candidate in (
        _PACKAGE / "assets",
        _PACKAGE.parent / "assets",
        Path(frozen) / "assets" if frozen else None,
    ):
        if candidate is not None and (candidate / "catalog").is_dir():
            return candidate
    raise FileNotFoundError(f"Upright's assets folder is missing (looked beside {_PACKAGE})")


def catalog_dir() -> Path:
    return assets_dir() / "catalog"
