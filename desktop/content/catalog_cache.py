"""The shipped catalog, validated once per version of its files, then read from a cache.

pydantic's import and validation cost ~100 ms and ~24 MB on every start;
the catalog only changes with an install, so its validated form is kept in
the per-user cache folder, keyed by a hash of the catalog files and the
schema. Anything wrong with the cache simply means validating again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from desktop.core.catalog import Catalog

CATALOG_FILES = ("exercises.toml", "routines.toml", "safety.toml")
_SCHEMA = Path(__file__).with_name("schema.py")


def _key(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in [*(folder / name for name in CATALOG_FILES), _SCHEMA]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_file() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Upright", appauthor=False)) / "catalog.json"


def load_catalog_cached(folder: Path | None = None, cache: Path | None = None) -> Catalog:
    """Like ``load_catalog`` (and raising the same ``ContentError``), but fast after the first time."""
    from desktop.assets import catalog_dir

    folder = folder or catalog_dir()
    cache = cache or cache_file()
    key = _key(folder)
    try:
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored.get("key") == key:
            return Catalog.from_cache(stored["catalog"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # missing or damaged: validate again below
    from desktop.content.catalog_loader import load_catalog

    catalog = load_catalog(folder)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temp = cache.with_suffix(f".{os.getpid()}.tmp")
        temp.write_text(json.dumps({"key": key, "catalog": catalog.to_cache()}), encoding="utf-8")
        temp.replace(cache)
    except OSError:
        pass  # a read-only cache folder only costs speed
    return catalog
