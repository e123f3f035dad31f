"""Render the app icon into a freedesktop hicolor tree: PNGs from 16 to 512 px and the SVG.

    .venv/bin/python packaging/linux/make_icons.py [--out build/icons]

gives ``OUT/hicolor/<N>x<N>/apps/io.github.upright.Upright.png`` for every size
below and ``OUT/hicolor/scalable/apps/io.github.upright.Upright.svg``; copy
``OUT/hicolor`` into ``/usr/share/icons`` (or ``~/.local/share/icons``, or a
Flatpak's ``/app/share/icons``). Like the running app (desktop/ui/app_icon.py),
the sizes up to 24 px use the bolder small drawing. QSvgRenderer draws them,
offscreen, so no display is needed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.upright.Upright"
ICONS = ROOT / "assets" / "icons"
SMALL = (16, 22, 24)  # drawn from upright-small.svg
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, target: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"could not write {target}")


def make_icons(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage text and SVG need one
    made = []
    for size in SIZES:
        source = ICONS / (
            "upright-small.svg" if size in SMALL and (ICONS / "upright-small.svg").exists() else "upright.svg"
        )
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render(source, size, target)
        made.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICONS / "upright.svg", scalable)
    made.append(scalable)
    del app
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "build" / "icons", help="where the hicolor tree goes"
    )
    args = parser.parse_args(argv)
    made = make_icons(args.out)
    print(f"{len(made)} icons in {args.out / 'hicolor'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
