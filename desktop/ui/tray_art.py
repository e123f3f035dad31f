"""Tray icon variants drawn as vectors: normal, break due, paused.

Drawn rather than loaded so the sitting-time ring can show progress and the
icon stays crisp at 16 px on any panel, light or dark: a light ring with a
dark outline around a dark disc, and the figure in colour on the disc.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from desktop.core.break_status import TrayState

SIZES = (16, 22, 24, 32, 48, 64)
COLOURS = {"normal": "#3cc9bd", "due": "#f5a623", "paused": "#aab3bd"}
DISC = "#1b232b"


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
    p.setPen(QPen(QColor(20, 25, 31, 220), stroke + 1.5))  # dark outline: readable on light panels
    p.setBrush(QColor(DISC))  # the figure always sits on dark, so its colour reads on any panel
    p.drawEllipse(box)
    p.setBrush(Qt.BrushStyle.NoBrush)
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
    else:  # a person standing tall and leaning back: head, arched back, legs
        _figure(p, size, QColor(COLOURS[state]))
    p.end()
    return pixmap


def _figure(p: QPainter, size: int, colour: QColor) -> None:
    """The stand-and-extend pose (facing right, hands on the hips, leaning back), thin enough to stay
    a figure at 16 px."""
    u = size / 16  # drawn on a 16-unit grid, scaled
    pen = QPen(
        colour, max(1.25, 1.3 * u), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    body = QPainterPath(QPointF(7.3 * u, 6.4 * u))  # neck, the back arching to the hips
    body.quadTo(QPointF(8.9 * u, 8.2 * u), QPointF(8.2 * u, 9.9 * u))
    body.lineTo(QPointF(7.0 * u, 12.9 * u))  # back leg
    body.moveTo(QPointF(8.2 * u, 9.9 * u))
    body.lineTo(QPointF(9.6 * u, 12.9 * u))  # front leg
    body.moveTo(QPointF(7.9 * u, 7.3 * u))  # arm to the hand on the hip
    body.lineTo(QPointF(6.6 * u, 8.7 * u))
    body.lineTo(QPointF(7.9 * u, 9.6 * u))
    p.drawPath(body)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QPointF(6.5 * u, 4.8 * u), 1.35 * u, 1.35 * u)
