"""What the PyInstaller bundle must carry for the frozen app to find its files.

``python packaging/build_app.py`` builds and smoke-tests the real bundle (it
takes a few minutes and installs PyInstaller, so it is not part of the test
run); these check, cheaply, that the spec keeps up with the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = (ROOT / "packaging" / "pyinstaller" / "upright.spec").read_text()


def test_a_frozen_app_finds_the_assets_beside_its_code(tmp_path, monkeypatch):
    """PyInstaller unpacks data under sys._MEIPASS; the spec puts assets/ there."""
    import desktop.assets as assets

    frozen = tmp_path / "_internal"
    (frozen / "assets" / "catalog").mkdir(parents=True)
    monkeypatch.setattr(assets, "_PACKAGE", frozen / "desktop")  # what __file__ says when frozen
    monkeypatch.setattr(sys, "_MEIPASS", str(frozen), raising=False)
    assert assets.catalog_dir() == frozen / "assets" / "catalog"
    assert '(str(ROOT / "assets"), "assets")' in SPEC


def test_the_spec_ships_the_migrations_and_the_sources_read_as_files():
    assert '"desktop/storage/migrations"' in SPEC
    # The catalog cache hashes these sources (catalog_cache.py); "pyz+py" keeps them as files.
    assert re.search(r'module_collection_mode=\{"desktop": "pyz\+py"\}', SPEC)
    cache = (ROOT / "desktop" / "content" / "catalog_cache.py").read_text()
    for source in re.findall(r'_HERE / "(\w+\.py)"', cache):
        assert (ROOT / "desktop" / "content" / source).exists()
