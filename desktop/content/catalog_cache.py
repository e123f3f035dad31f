"""Shipped content, validated once per version of its files, then read from a cache.

pydantic's import and validation cost ~100 ms and ~24 MB on every start;
the catalog and the illustration poses only change with an install, so
their validated forms are kept in the per-user cache folder, each keyed by
a hash of its data files and of the code that validates and rebuilds it.
Anything wrong with a cache simply means validating again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.core.catalog import Catalog

if TYPE_CHECKING:  # loaded when poses are first needed: a tray-only start draws no figure
    from desktop.core.figure import PoseBook

CATALOG_FILES = ("exercises.toml", "routines.toml", "safety.toml", "sources.toml")
POSES_FILE = "poses.toml"
_HERE = Path(__file__).resolve().parent
_FIGURE = _HERE.parent / "core" / "figure.py"
# The code that shapes a cached catalog: the schema and the loader that turn files into a
# Catalog, and core/catalog.py and core/cues.py, whose to_cache/from_cache define what is stored.
CATALOG_CODE = (
    _HERE / "schema.py",
    _HERE / "catalog_loader.py",
    _HERE.parent / "core" / "catalog.py",
    _HERE.parent / "core" / "cues.py",
)

T = TypeVar("T")


def _key(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_file(name: str = "catalog") -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Upright", appauthor=False)) / f"{name}.json"


def load_cached(
    sources: Iterable[Path],
    cache: Path,
    validate: Callable[[], T],
    to_data: Callable[[T], Any],
    from_data: Callable[[Any], T],
) -> T:
    """``validate()`` once per version of ``sources``; after that, ``from_data`` of what it stored.

    ``validate`` raises ``ContentError`` for bad files, and nothing is stored then.
    """
    key = _key(sources)
    try:
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored.get("key") == key:
            return from_data(stored["data"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # missing or damaged: validate again below
    value = validate()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temp = cache.with_suffix(f".{os.getpid()}.tmp")
        temp.write_text(json.dumps({"key": key, "data": to_data(value)}), encoding="utf-8")
        temp.replace(cache)
    except OSError:
        pass  # a read-only cache folder only costs speed
    return value


def load_catalog_cached(folder: Path | None = None, cache: Path | None = None) -> Catalog:
    """Like ``load_catalog`` (and raising the same ``ContentError``), but fast after the first time."""
    from desktop.assets import catalog_dir

    folder = folder or catalog_dir()

    def validate() -> Catalog:
        from desktop.content.catalog_loader import load_catalog

        return load_catalog(folder)

    return load_cached(
        [*(folder / name for name in CATALOG_FILES), *CATALOG_CODE],
        cache or cache_file("catalog"),
        validate,
        Catalog.to_cache,
        Catalog.from_cache,
    )


def load_poses_cached(folder: Path | None = None, cache: Path | None = None) -> PoseBook:
    """Like ``load_poses`` (and raising the same ``ContentError``), but fast after the first time."""
    from desktop.assets import catalog_dir
    from desktop.core.figure import PoseBook

    folder = folder or catalog_dir()

    def validate() -> PoseBook:
        from desktop.content.pose_loader import load_poses

        return load_poses(folder)

    return load_cached(
        [
            folder / POSES_FILE,
            *(folder / name for name in CATALOG_FILES),
            _HERE / "pose_loader.py",
            _FIGURE,
            _FIGURE.with_name("pose_data.py"),
            _FIGURE.with_name("figure_props.py"),
            _FIGURE.with_name("skeleton.py"),
        ],
        cache or cache_file("poses"),
        validate,
        PoseBook.to_data,
        PoseBook.from_data,
    )


@cache
def shipped_poses() -> PoseBook:
    """The shipped illustrations, loaded once per process for every window and session.

    Pictures are not worth refusing to start over: a broken poses file is reported on
    stderr and the app runs with plain panels where the figures would be.
    """
    from desktop.content.errors import ContentError
    from desktop.core.figure import PoseBook

    try:
        return load_poses_cached()
    except ContentError as exc:
        logging.getLogger("upright").warning(exc.report())
        return PoseBook({})
