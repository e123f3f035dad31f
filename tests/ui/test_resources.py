"""Every path in resources.qrc exists and the compiled module matches the qrc."""

import subprocess
import sys
import xml.etree.ElementTree as ET

from PySide6.QtCore import QFile

from tests.conftest import ROOT


def test_every_qrc_path_exists():
    tree = ET.parse(ROOT / "resources.qrc")
    paths = [f.text for f in tree.iter("file")]
    assert paths, "resources.qrc lists no files"
    missing = [p for p in paths if not (ROOT / p).is_file()]
    assert missing == []


def test_compiled_resources_are_up_to_date():
    result = subprocess.run([sys.executable, "packaging/build_resources.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_compiled_resources_serve_the_app_icon():
    import desktop.ui.resources_rc  # noqa: F401

    assert QFile.exists(":/icons/upright.svg")
