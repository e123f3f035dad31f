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
    code = ("import sys, pathlib; from desktop.content.catalog_cache import load_catalog_cached;"
            f"c = load_catalog_cached(cache=pathlib.Path({str(cache)!r}));"
            "print(len(c.exercises), 'pydantic' in sys.modules)")
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


def test_damaged_cache_is_ignored(tmp_path):
    cache = tmp_path / "catalog.json"
    cache.write_text('{"key": "x", "catalog": ')
    assert load_catalog_cached(cache=cache) == load_catalog()
    assert json.loads(cache.read_text())["key"] != "x"
