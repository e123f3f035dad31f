"""The app icon at every size: a bolder drawing for 16-24 px, the full one above.

Both drawings are SVG (crisp at any display scale); rendering each size here
means the small sizes never fall back to scaling down the detailed drawing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

SMALL = (16, 22, 24)
LARGE = (32, 48, 64, 128, 256)  # window icons; the installed hicolor set goes to 512


def _render(renderer: QSvgRenderer, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    icon = QIcon()
    for path, sizes in ((":/icons/upright-small.svg", SMALL), (":/icons/upright.svg", LARGE)):
        renderer = QSvgRenderer(path)
        for size in sizes:
            icon.addPixmap(_render(renderer, size))
    return icon
