"""Write assets/art/<exercise-id>.svg from assets/catalog/poses.toml.

Each SVG shows the exercise's start and end positions side by side, painted
by the app's own renderer (desktop/ui/figure_painter.py) through
QSvgGenerator, so the files always match what the app draws. The output is
deterministic; a test (tests/ui/test_figure_art.py) fails when the SVGs are
older than the pose data or the renderer.
Run: python packaging/build_art.py [--check] [--sheet out.png]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ART = ROOT / "assets" / "art"
PANEL_W, PANEL_H, GAP = 320, 200, 16


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _book():
    from desktop.content.pose_loader import load_poses

    return load_poses(ROOT / "assets" / "catalog")


def render_svg(exercise_id: str, art) -> bytes:
    """The start and end positions of ``art``, side by side, as SVG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    from desktop.ui.figure_painter import paint_art
    from desktop.ui.theme import LIGHT

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    width = 2 * PANEL_W + GAP
    generator.setSize(QSize(width, PANEL_H))
    generator.setViewBox(QRect(0, 0, width, PANEL_H))
    generator.setTitle(f"Upright: {exercise_id}")
    start, end = art.names[int(art.start_position)] or "start", art.names[-1] or "end"
    generator.setDescription(f"{exercise_id}: {start} (left), {end} (right)")
    painter = QPainter(generator)
    for n, position in enumerate((art.start_position, art.end)):
        paint_art(painter, QRectF(n * (PANEL_W + GAP), 0, PANEL_W, PANEL_H), art, LIGHT, position)
    painter.end()
    buffer.close()
    return bytes(data.data())


def render_all() -> dict[Path, bytes]:
    _app()
    return {
        ART / f"{exercise_id}.svg": render_svg(exercise_id, art) for exercise_id, art in _book().arts.items()
    }


def sheet_entries() -> list[tuple[str, object]]:
    """(label, art) for every exercise, and for every ladder step that has its own drawing."""
    from desktop.content.catalog_loader import load_catalog

    book, catalog = _book(), load_catalog(ROOT / "assets" / "catalog")
    entries: list[tuple[str, object]] = []
    for exercise in catalog.exercises:
        if exercise.id in book.ladders:
            for n, step in enumerate(exercise.progressions):
                entries.append((f"{exercise.name} · step {n + 1}: {step.name}", book.get(exercise.id, n)))
        else:
            steps = f" (all {len(exercise.progressions)} steps)" if exercise.progressions else ""
            entries.append((exercise.name + steps, book.get(exercise.id)))
    return entries


def contact_sheet(path: Path, columns: int = 3) -> None:
    """Every exercise's and ladder step's start and end in one PNG, for reviewing the art."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from desktop.ui.figure_painter import paint_art
    from desktop.ui.theme import LIGHT

    _app()
    entries = sheet_entries()
    w, h, label, gap = 260, 165, 22, 14
    rows = (len(entries) + columns - 1) // columns
    image = QImage(columns * (2 * w + gap) + gap, rows * (h + label) + gap, QImage.Format.Format_RGB32)
    image.fill(QColor(LIGHT.surface))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(13)
    painter.setFont(font)
    for n, (title, art) in enumerate(entries):
        x, y = gap + (n % columns) * (2 * w + gap), gap + (n // columns) * (h + label)
        painter.setPen(QColor(LIGHT.text))
        painter.drawText(x + 2, y + 14, title)
        for k, position in enumerate((art.start_position, art.end)):
            paint_art(painter, QRectF(x + k * w + 2, y + label, w - 4, h - 4), art, LIGHT, position)
    painter.end()
    image.save(str(path))


def main(argv: list[str]) -> int:
    fresh = render_all()
    if "--check" in argv:
        stale = sorted(p.name for p, data in fresh.items() if not p.is_file() or p.read_bytes() != data)
        extra = sorted(p.name for p in ART.glob("*.svg") if p not in fresh)
        if stale or extra:
            print(
                f"assets/art is out of date ({', '.join(stale + extra)}): run python packaging/build_art.py"
            )
            return 1
        print("art is up to date")
        return 0
    ART.mkdir(parents=True, exist_ok=True)
    for path in ART.glob("*.svg"):
        if path not in fresh:
            path.unlink()
    for path, data in fresh.items():
        path.write_bytes(data)
    print(f"wrote {len(fresh)} SVGs to {ART.relative_to(ROOT)}")
    if "--sheet" in argv:
        sheet = Path(argv[argv.index("--sheet") + 1])
        contact_sheet(sheet)
        print(f"wrote {sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
