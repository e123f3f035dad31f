"""Tray icon variants drawn as vectors: normal, break due, paused.

Drawn rather than loaded so the sitting-time ring can show progress and the
icon stays crisp at 16 px on any panel, light or dark (a light ring with a
dark outline reads on both).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

TrayState = Literal["normal", "due", "paused"]
SIZES = (16, 22, 24, 32, 48, 64)
COLOURS = {"normal": "#2bb3a8", "due": "#f2a31b", "paused": "#8a94a0"}


def tray_icon(state: TrayState, progress: float) -> QIcon:
    """``progress`` is sitting time over the interval, 0..1."""
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_pixmap(size, state, max(0.0, min(1.0, progress))))
    return icon


def _pixmap(size: int, state: TrayState, progress: float) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    stroke = max(2.0, size / 8)
    box = QRectF(stroke / 2 + 0.5, stroke / 2 + 0.5, size - stroke - 1, size - stroke - 1)
    p.setPen(QPen(QColor(20, 25, 31, 170), stroke + 1.5))  # dark outline: readable on light panels
    p.drawEllipse(box)
    p.setPen(QPen(QColor("#dfe5ea"), stroke))
    p.drawEllipse(box)
    if state != "paused" and progress > 0:
        p.setPen(QPen(QColor(COLOURS[state]), stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        p.drawArc(box, 90 * 16, -int(360 * 16 * (1.0 if state == "due" else progress)))
    centre = QPointF(size / 2, size / 2)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(COLOURS[state]))
    if state == "paused":  # two bars
        w, h = size * 0.12, size * 0.34
        p.drawRect(QRectF(centre.x() - w * 1.6, centre.y() - h / 2, w, h))
        p.drawRect(QRectF(centre.x() + w * 0.6, centre.y() - h / 2, w, h))
    else:  # a standing figure: head and body
        r = size * 0.09
        p.drawEllipse(QPointF(centre.x(), centre.y() - size * 0.16), r, r)
        p.drawRoundedRect(QRectF(centre.x() - r * 0.7, centre.y() - size * 0.04, r * 1.4, size * 0.3), r / 2, r / 2)
    p.end()
    return pixmap
