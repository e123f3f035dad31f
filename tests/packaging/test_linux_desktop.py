"""The Linux desktop integration: entry, AppStream metainfo, icons and the Flatpak manifest agree.

The validators are real tools (desktop-file-utils, appstream), installed by
``bash packaging/bootstrap.sh test`` like Xvfb; a missing one fails the test
rather than skipping it, so CI always checks the files.
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import desktop

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.upright.Upright"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
FLATPAK = ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: `bash packaging/bootstrap.sh test` installs it")
    return path


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_validates():
    out = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


def test_the_metainfo_validates():
    out = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert not re.search(r"^[EW]: ", out.stdout, re.MULTILINE), out.stdout  # infos are fine


def test_one_id_everywhere():
    script = next(iter(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]))
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert meta.findtext("provides/binary") == script
    assert entry()["Icon"] == APP_ID
    assert entry()["Exec"].split()[0] == script
    manifest = FLATPAK.read_text()
    assert re.search(rf"^app-id: {re.escape(APP_ID)}$", manifest, re.MULTILINE)
    assert re.search(rf"^command: {script}$", manifest, re.MULTILINE)
    assert f"/app/share/applications/{DESKTOP.name}" in manifest
    assert f"/app/share/metainfo/{METAINFO.name}" in manifest


def test_the_metainfo_names_this_release():
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases and releases[0].get("version") == desktop.__version__


def test_icons_at_every_size_from_the_svg(tmp_path):
    out = subprocess.run(
        [sys.executable, str(LINUX / "make_icons.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    from PySide6.QtGui import QImage

    hicolor = tmp_path / "hicolor"
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0  # rounded corners
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # the drawing itself
    svg = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (ROOT / "assets" / "icons" / "upright.svg").read_bytes()
