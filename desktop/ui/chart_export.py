"""Each history chart as its own image file: PNG (pixels) or SVG (vectors).

"Save charts" used to grab the whole page, buttons and a cut-off table
included. Here every chart is drawn on its own: a PNG is the chart view
grabbed at the screen's pixel ratio, an SVG is the chart's scene (or the
calendar's painting) sent through ``QSvgGenerator``, so lines and text stay
sharp at any size.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

FORMATS = ("png", "svg")
FILTERS = "PNG images (*.png);;SVG drawings (*.svg)"


def targets(path: Path, names: list[str]) -> list[Path]:
    """``charts.png`` -> ``charts-minutes.png``, ``charts-pain.png``, ...; an unknown suffix becomes PNG."""
    suffix = path.suffix.lower().lstrip(".")
    suffix = suffix if suffix in FORMATS else "png"
    return [path.with_name(f"{path.stem}-{name}.{suffix}") for name in names]


def save_charts(charts: list[tuple[str, QWidget]], path: Path) -> list[Path]:
    """Write one file per chart beside ``path``; raise ``OSError`` naming the first that fails."""
    written = []
    for (_name, widget), target in zip(charts, targets(path, [n for n, _ in charts]), strict=True):
        ok = _svg(widget, target) if target.suffix == ".svg" else widget.grab().save(str(target), "PNG")
        if not ok:
            raise OSError(f"Could not write {target}.")
        written.append(target)
    return written


def _svg(widget: QWidget, target: Path) -> bool:
    size = widget.size()
    generator = QSvgGenerator()
    generator.setFileName(str(target))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(widget.accessibleName() or "Upright chart")
    generator.setDescription("Drawn by Upright from the history on this computer.")
    painter = QPainter()
    if not painter.begin(generator):
        return False
    try:
        paint(widget, painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return target.is_file() and target.stat().st_size > 0


def paint(widget: QWidget, painter: QPainter, target: QRectF) -> None:
    """Draw ``widget``'s chart (its scene, as vectors) or its painting into ``target``."""
    if isinstance(widget, QChartView):
        scene = widget.chart().scene()
        scene.render(painter, target, widget.chart().sceneBoundingRect())
        return
    painter.save()
    painter.translate(target.topLeft())
    scale = min(target.width() / max(1, widget.width()), target.height() / max(1, widget.height()))
    painter.scale(scale, scale)
    widget.render(painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)  # paper stays white
    painter.restore()
