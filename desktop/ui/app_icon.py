"""The app icon at every size: a bolder drawing for 16-24 px, the full one above.

Both drawings are SVG (crisp at any display scale); rendering each size here
means the small sizes never fall back to scaling down the detailed drawing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

SMALL = (16, 22, 24)
LARGE = (32, 48, 64, 128, 256, 512)


def _render(path: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(path).render(painter)
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    icon = QIcon()
    for size in SMALL:
        icon.addPixmap(_render(":/icons/upright-small.svg", size))
    for size in LARGE:
        icon.addPixmap(_render(":/icons/upright.svg", size))
    return icon
