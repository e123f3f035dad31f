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
    result = subprocess.run(
        [sys.executable, "packaging/build_resources.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compiled_resources_serve_the_app_icon():
    import desktop.ui.resources_rc  # noqa: F401

    assert QFile.exists(":/icons/upright.svg")


def test_every_exercise_and_ladder_step_has_its_art_in_the_qrc_and_the_compiled_resources(catalog):
    import desktop.ui.resources_rc  # noqa: F401
    from desktop.content.pose_loader import load_poses

    tree = ET.parse(ROOT / "resources.qrc")
    art = {
        f.get("alias") for q in tree.iter("qresource") if q.get("prefix") == "/art" for f in q.iter("file")
    }
    ids = set(load_poses().arts)
    assert ids >= {e.id for e in catalog.exercises}
    assert art == {f"{art_id}.svg" for art_id in ids}
    assert all(QFile.exists(f":/art/{art_id}.svg") for art_id in ids)


def test_the_svg_art_is_up_to_date_with_the_pose_data():
    result = subprocess.run(
        [sys.executable, "packaging/build_art.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_app_icon_uses_the_bold_drawing_only_where_it_is_small():
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    import desktop.ui.resources_rc  # noqa: F401
    from desktop.ui.app_icon import app_icon

    def render(path, size):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        QSvgRenderer(path).render(painter)
        painter.end()
        return image

    icon = app_icon()
    for size, drawing in ((16, "upright-small"), (24, "upright-small"), (64, "upright"), (256, "upright")):
        shown = icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        assert shown == render(f":/icons/{drawing}.svg", size), size
