"""The validated catalog is cached per version of its files; a bad cache means validating again."""

import json
import shutil
import subprocess
import sys

import pytest

from desktop.assets import catalog_dir
from desktop.content.catalog_cache import load_catalog_cached
from desktop.content.catalog_loader import load_catalog
from desktop.content.errors import ContentError
from desktop.core.catalog import Catalog


def test_cache_round_trip_is_exact(catalog):
    assert Catalog.from_cache(json.loads(json.dumps(catalog.to_cache()))) == catalog


def test_second_load_comes_from_the_cache_without_pydantic(tmp_path):
    cache = tmp_path / "cache" / "catalog.json"
    first = load_catalog_cached(cache=cache)
    assert cache.exists() and first == load_catalog()
    code = (
        "import sys, pathlib; from desktop.content.catalog_cache import load_catalog_cached;"
        f"c = load_catalog_cached(cache=pathlib.Path({str(cache)!r}));"
        "print(len(c.exercises), 'pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(len(first.exercises)), "False"]


def test_edited_catalog_is_validated_again(tmp_path):
    folder = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), folder)
    cache = tmp_path / "catalog.json"
    load_catalog_cached(folder, cache)
    text = (folder / "routines.toml").read_text()
    (folder / "routines.toml").write_text(text.replace('exercise = "cat-cow"', 'exercise = "cat-cow2"', 1))
    with pytest.raises(ContentError) as err:
        load_catalog_cached(folder, cache)
    assert any('unknown exercise "cat-cow2"' in p for p in err.value.problems)


def test_a_cache_from_another_version_of_the_catalog_code_is_not_used(tmp_path):
    """core/catalog.py defines the cached shape (to_cache/from_cache): when it changes, a cache
    written by the old code must be validated again, not read with the new code."""
    import hashlib

    from desktop.content import catalog_cache

    folder = catalog_dir()
    # The key an older cache carried: the data files and the schema, but not core/catalog.py.
    digest = hashlib.sha256()
    for path in [*(folder / n for n in catalog_cache.CATALOG_FILES), catalog_cache._HERE / "schema.py"]:
        digest.update(path.read_bytes())
    stale = load_catalog().to_cache()
    stale["exercises"][0]["name"] = "Written by another version"
    cache = tmp_path / "catalog.json"
    cache.write_text(json.dumps({"key": digest.hexdigest(), "data": stale}))
    assert load_catalog_cached(cache=cache) == load_catalog()


def test_damaged_cache_is_ignored(tmp_path):
    cache = tmp_path / "catalog.json"
    cache.write_text('{"key": "x", "catalog": ')
    assert load_catalog_cached(cache=cache) == load_catalog()
    assert json.loads(cache.read_text())["key"] != "x"


# -- the same cache for the illustration poses ---------------------------------


def test_poses_come_from_the_cache_without_pydantic_after_the_first_load(tmp_path):
    from desktop.content.catalog_cache import load_poses_cached
    from desktop.content.pose_loader import load_poses

    cache = tmp_path / "cache" / "poses.json"
    first = load_poses_cached(cache=cache)
    assert cache.exists() and first == load_poses()
    code = (
        "import sys, pathlib; from desktop.content.catalog_cache import load_poses_cached;"
        f"b = load_poses_cached(cache=pathlib.Path({str(cache)!r}));"
        "print(len(b.arts), 'pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(len(first.arts)), "False"]


def test_edited_poses_are_validated_again(tmp_path):
    from desktop.content.catalog_cache import load_poses_cached

    folder = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), folder)
    cache = tmp_path / "poses.json"
    load_poses_cached(folder, cache)
    text = (folder / "poses.toml").read_text()
    (folder / "poses.toml").write_text(text.replace("lumbar =", "lumbra =", 1))
    with pytest.raises(ContentError) as err:
        load_poses_cached(folder, cache)
    assert any(".lumbra" in p for p in err.value.problems)


def test_a_broken_poses_file_costs_the_pictures_not_the_app(monkeypatch, caplog):
    from desktop.content import catalog_cache

    def broken():
        raise ContentError("poses.toml", ["bad"])

    monkeypatch.setattr(catalog_cache, "load_poses_cached", broken)
    assert catalog_cache.shipped_poses.__wrapped__().arts == {}
    assert "poses.toml was not loaded" in caplog.text  # the log, which also reaches the terminal
