"""A neutral, position-aware figure drawn until each exercise has its own art.

Vector painting keeps it crisp at any display scale.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from desktop.ui.theme import Palette

# Joint positions (head, shoulder, hip, knee, foot) in a unit box, per position.
_POSES = {
    "standing": ((0.5, 0.16), (0.5, 0.3), (0.5, 0.58), (0.5, 0.76), (0.5, 0.94)),
    "supine": ((0.14, 0.72), (0.26, 0.74), (0.52, 0.74), (0.66, 0.5), (0.82, 0.74)),
    "prone": ((0.14, 0.66), (0.26, 0.72), (0.52, 0.74), (0.7, 0.74), (0.88, 0.74)),
    "side-lying": ((0.16, 0.64), (0.28, 0.7), (0.5, 0.72), (0.62, 0.5), (0.8, 0.52)),
    "all-fours": ((0.2, 0.36), (0.3, 0.44), (0.66, 0.44), (0.66, 0.8), (0.86, 0.8)),
    "kneeling": ((0.5, 0.2), (0.5, 0.34), (0.5, 0.62), (0.5, 0.86), (0.74, 0.88)),
    "seated": ((0.4, 0.2), (0.4, 0.34), (0.42, 0.62), (0.68, 0.62), (0.7, 0.92)),
}


def paint_placeholder(painter: QPainter, rect: QRect, position: str, p: Palette) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(p.surface_alt))
    painter.drawRoundedRect(QRectF(rect), 8, 8)
    side = min(rect.width(), rect.height()) - 12
    box = QRectF(rect.center().x() - side / 2, rect.top() + 6, side, side)
    head, shoulder, hip, knee, foot = (
        QPointF(box.left() + x * box.width(), box.top() + y * box.height())
        for x, y in _POSES.get(position, _POSES["standing"])
    )
    pen = QPen(QColor(p.muted), max(3.0, side / 22), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    body = QPainterPath(shoulder)
    for point in (hip, knee, foot):
        body.lineTo(point)
    painter.drawPath(body)
    painter.setBrush(QColor(p.muted))
    radius = side / 14
    painter.drawEllipse(head, radius, radius)
    floor = QPen(QColor(p.border), 2)
    painter.setPen(floor)
    y = box.top() + 0.96 * box.height()
    painter.drawLine(QPointF(rect.left() + 12, y), QPointF(rect.right() - 12, y))
    painter.restore()
