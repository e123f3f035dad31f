"""Paints a figure ``Scene`` (from ``desktop.core.figure``) into a rectangle.

The only place that knows what the illustrations look like: one ink for the
body, the far limbs in a lighter tone of it, props in a muted fill, the one
accent colour for the motion arrow, all from the palette so light and dark
themes match. Drawing happens in figure units through a transform, so a
card, the detail pane, the session and the SVG files are the same picture
at different sizes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from desktop.core.figure import ExerciseArt, Scene
from desktop.core.figure_props import Point
from desktop.core.skeleton import BOX_BOTTOM, BOX_H, BOX_W, HEAD_R, LIMB_W, TORSO_W
from desktop.ui.theme import Palette

ARROW_W = 0.024
FLOOR_W = 0.016
KNOCKOUT = 0.016  # a gap in the panel colour around near limbs keeps crossing limbs apart
PANEL_RADIUS = 8.0  # px
FIT_MARGIN = 0.05  # figure units around an exercise's bounds when zoomed to them
MAX_ZOOM = 1.8
HAIR_FROM, HAIR_SPAN = 40.0, 190.0  # degrees from the gaze, counter-clockwise
NOSE_SPAN, NOSE_TIP = 24.0, 1.34  # half the nose's base (degrees) and its tip (head radii out)
EYE_ANGLE, EYE_FROM, EYE_R = 16.0, 0.55, 0.16  # the eye: degrees above the gaze, head radii


class Inks(NamedTuple):
    panel: QColor
    body: QColor
    face: QColor
    far: QColor
    prop: QColor
    prop_line: QColor
    ground: QColor  # mats: a large flat fill, kept quieter than the props on it
    floor: QColor
    arrow: QColor


def _mix(a: str, b: str, t: float) -> QColor:
    """``a`` moved ``t`` of the way towards ``b``."""
    ca, cb = QColor(a), QColor(b)
    return QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * t,
        ca.greenF() + (cb.greenF() - ca.greenF()) * t,
        ca.blueF() + (cb.blueF() - ca.blueF()) * t,
    )


@lru_cache(maxsize=8)
def inks(p: Palette) -> Inks:
    panel = p.surface_alt
    return Inks(
        QColor(panel),
        _mix(p.text, panel, 0.12),
        _mix(p.text, panel, 0.42),
        _mix(p.text, panel, 0.48),
        _mix(p.muted, panel, 0.78),
        _mix(p.muted, panel, 0.5),
        _mix(p.muted, panel, 0.89),
        _mix(p.muted, panel, 0.55),
        QColor(p.accent),
    )


def box_transform(rect: QRectF, bounds: tuple[float, float, float, float] | None = None) -> QTransform:
    """Figure units (y up) -> pixels: the figure box, or ``bounds``, fitted and centred in ``rect``.

    Every card uses the whole box, so all figures share one scale and line weight; a view of
    one exercise passes its bounds to zoom in, at most ``MAX_ZOOM`` times.
    """
    box_scale = min(rect.width() / BOX_W, rect.height() / BOX_H)
    left, bottom, right, top = bounds or (0.0, BOX_BOTTOM, BOX_W, BOX_BOTTOM + BOX_H)
    if bounds is not None:
        left, bottom, right, top = (
            left - FIT_MARGIN,
            bottom - FIT_MARGIN,
            right + FIT_MARGIN,
            top + FIT_MARGIN,
        )
    scale = min(rect.width() / (right - left), rect.height() / (top - bottom), box_scale * MAX_ZOOM)
    dx = rect.center().x() - (left + right) / 2 * scale
    dy = rect.center().y() + (bottom + top) / 2 * scale
    return QTransform(scale, 0, 0, -scale, dx, dy)


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    return pen


def _polyline(painter: QPainter, points, colour: QColor, width: float) -> None:
    path = QPainterPath(QPointF(*points[0]))
    for p in points[1:]:
        path.lineTo(QPointF(*p))
    painter.strokePath(path, _pen(colour, width))


def paint_scene(
    painter: QPainter,
    rect: QRectF,
    scene: Scene,
    palette: Palette,
    *,
    panel: bool = True,
    bounds: tuple[float, float, float, float] | None = None,
) -> None:
    ink = inks(palette)
    transform = box_transform(rect, bounds)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if panel:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink.panel)
        painter.drawRoundedRect(rect, PANEL_RADIUS, PANEL_RADIUS)
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    painter.setTransform(transform, True)
    j = scene.joints
    if scene.floor:  # across the whole panel, whatever the zoom
        inverse, _ = transform.inverted()
        inset = min(12.0, rect.width() / 20)
        ends = (
            inverse.map(QPointF(rect.left() + inset, 0)).x(),
            inverse.map(QPointF(rect.right() - inset, 0)).x(),
        )
        _polyline(painter, [(ends[0], -FLOOR_W / 2), (ends[1], -FLOOR_W / 2)], ink.floor, FLOOR_W)
    _props(painter, scene, "back", ink)
    for side in ("far", "near"):
        arm = [j["shoulder"], j[f"elbow.{side}"], j[f"hand.{side}"]]
        leg = [j["hip"], j[f"knee.{side}"], j[f"ankle.{side}"], j[f"toe.{side}"]]
        if side == "far":
            _polyline(painter, arm, ink.far, LIMB_W)
            _polyline(painter, leg, ink.far, LIMB_W)
            _props(painter, scene, "middle", ink)
            _torso(painter, j, ink, scene.mirrored)
        else:
            for limb in (leg, arm):
                _polyline(painter, limb, ink.panel, LIMB_W + 2 * KNOCKOUT)
                _polyline(painter, limb, ink.body, LIMB_W)
    _props(painter, scene, "front", ink)
    if scene.arrow:
        _arrow(painter, scene.arrow, scene.arrow_both, ink.arrow)
    painter.restore()


def _torso(painter: QPainter, j: Mapping[str, Point], ink: Inks, mirrored: bool) -> None:
    """Trunk, neck and head, with hair over the back and top of the head and a face at the front."""
    _polyline(painter, [j["hip"], j["waist"], j["shoulder"]], ink.body, TORSO_W)
    _polyline(painter, [j["shoulder"], j["head"]], ink.body, LIMB_W * 0.9)
    head, face, shoulder = j["head"], j["face"], j["shoulder"]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink.face)
    painter.drawEllipse(QPointF(*head), HEAD_R, HEAD_R)
    gaze = math.degrees(math.atan2(face[1] - head[1], face[0] - head[0]))
    # The crown is where the neck points; the hair runs from the face over the crown to the back,
    # whichever way round that is (a profile seen from either side, or a body seen in perspective).
    crown = (math.degrees(math.atan2(head[1] - shoulder[1], head[0] - shoulder[0])) - gaze) % 360
    turn = 1.0 if 5 < crown < 175 else -1.0 if 185 < crown < 355 else (-1.0 if mirrored else 1.0)
    hair = QPainterPath()
    box = QRectF(head[0] - HEAD_R, head[1] - HEAD_R, 2 * HEAD_R, 2 * HEAD_R)
    hair.arcMoveTo(box, -(gaze + turn * HAIR_FROM))
    hair.arcTo(box, -(gaze + turn * HAIR_FROM), -turn * HAIR_SPAN)
    hair.closeSubpath()
    painter.setBrush(ink.body)
    painter.drawPath(hair)
    _face(painter, head, gaze, turn, ink)


def _face(painter: QPainter, head: tuple[float, float], gaze: float, turn: float, ink: Inks) -> None:
    """A nose that sticks out of the head and an eye above it: which way the person looks.

    Both are in the head's own colours, so at 16 px they merge into a head that is simply
    a little longer towards the front, and from ~100 px up they read as a profile.
    """

    def at(angle: float, r: float) -> QPointF:
        rad = math.radians(angle)
        return QPointF(head[0] + r * HEAD_R * math.cos(rad), head[1] + r * HEAD_R * math.sin(rad))

    painter.setBrush(ink.face)
    painter.drawPolygon(
        QPolygonF(
            [
                at(gaze + turn * NOSE_SPAN, 0.9),
                at(gaze - turn * 8, NOSE_TIP),
                at(gaze - turn * NOSE_SPAN, 0.9),
            ]
        )
    )
    painter.setBrush(ink.body)
    painter.drawEllipse(at(gaze + turn * EYE_ANGLE, EYE_FROM), EYE_R * HEAD_R, EYE_R * HEAD_R)


def _arrow(painter: QPainter, curve, both: bool, colour: QColor) -> None:
    start, control, end = (QPointF(*p) for p in curve)
    head = ARROW_W * 2.1

    def tip(at: QPointF, towards: QPointF) -> tuple[QPolygonF, QPointF]:
        dx, dy = at.x() - towards.x(), at.y() - towards.y()
        n = math.hypot(dx, dy) or 1.0
        ux, uy = dx / n, dy / n
        base = QPointF(at.x() - ux * head, at.y() - uy * head)
        wing = QPointF(-uy * head * 0.62, ux * head * 0.62)
        return QPolygonF([at, base + wing, base - wing]), QPointF(
            at.x() - ux * head * 0.7, at.y() - uy * head * 0.7
        )

    end_head, end_stop = tip(end, control)
    start_head, start_stop = tip(start, control) if both else (None, start)
    path = QPainterPath(start_stop)
    path.quadTo(control, end_stop)
    painter.strokePath(path, _pen(colour, ARROW_W))
    painter.setPen(_pen(colour, ARROW_W * 0.6))
    painter.setBrush(colour)
    for polygon in (end_head, start_head):
        if polygon is not None:
            painter.drawPolygon(polygon)


def _props(painter: QPainter, scene: Scene, layer: str, ink: Inks) -> None:
    for prop in scene.props:
        if prop.layer != layer:
            continue
        painter.save()
        painter.translate(*prop.centre)
        painter.rotate(prop.angle)
        if prop.mirrored:
            painter.scale(-1, 1)
        PROP_SHAPES[prop.kind](painter, prop.size[0], prop.size[1], ink)
        painter.restore()


def _fill(painter: QPainter, ink: Inks) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink.prop)


def _line(painter: QPainter, ink: Inks, width: float = 0.012) -> None:
    painter.setPen(_pen(ink.prop_line, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _box(w: float, h: float, radius: float) -> tuple[QRectF, float]:
    return QRectF(-w / 2, -h / 2, w, h), min(radius, w / 2, h / 2)


def _wall(painter, w, h, ink) -> None:
    _fill(painter, ink)
    painter.drawRect(QRectF(-w / 2, -h / 2, w, h))
    _line(painter, ink)
    for n in range(1, int(h / 0.12)):
        y = -h / 2 + n * 0.12
        x = -w / 2 + (0.3 if n % 2 else 0.6) * w
        painter.drawLine(QPointF(-w / 2 + 0.012, y), QPointF(w / 2 - 0.012, y))
        painter.drawLine(QPointF(x, y), QPointF(x, y + 0.12 if y + 0.12 < h / 2 else y))


def _rounded(painter, w, h, ink, radius=0.02, inset: bool = True) -> None:
    rect, r = _box(w, h, radius)
    _fill(painter, ink)
    painter.drawRoundedRect(rect, r, r)
    if inset:
        _line(painter, ink)
        painter.drawRoundedRect(rect.adjusted(0.02, 0.02, -0.02, -0.02), r * 0.6, r * 0.6)


def _mat(painter, w, h, ink) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink.ground)
    radius = min(h / 2, 0.04)
    painter.drawRoundedRect(QRectF(-w / 2, -h / 2, w, h), radius, radius)


def _ottoman(painter, w, h, ink) -> None:
    legs = min(0.03, h * 0.2)
    _fill(painter, ink)
    painter.drawRoundedRect(QRectF(-w / 2, -h / 2 + legs, w, h - legs), 0.03, 0.03)
    for x in (-w / 2 + 0.03, w / 2 - 0.05):
        painter.drawRect(QRectF(x, -h / 2, 0.02, legs + 0.01))
    _line(painter, ink)
    seam = h / 2 - (h - legs) * 0.32
    painter.drawLine(QPointF(-w / 2 + 0.025, seam), QPointF(w / 2 - 0.025, seam))


def _ball(painter, w, h, ink) -> None:
    r = w / 2
    _fill(painter, ink)
    painter.drawEllipse(QPointF(0, 0), r, r)
    _line(painter, ink, max(0.008, r * 0.08))
    # A short shine at the upper left (arc angles run clockwise here: y points up).
    painter.drawArc(QRectF(-r * 0.68, -r * 0.68, r * 1.36, r * 1.36), -112 * 16, -46 * 16)


def _tennis_ball(painter, w, h, ink) -> None:
    r = w / 2
    _fill(painter, ink)
    painter.drawEllipse(QPointF(0, 0), r, r)
    _line(painter, ink, max(0.006, r * 0.16))
    seam = QPainterPath(QPointF(-r * 0.75, r * 0.55))
    seam.cubicTo(QPointF(-r * 0.1, 0), QPointF(r * 0.1, 0), QPointF(r * 0.75, r * 0.55))
    painter.drawPath(seam)


def _roller(painter, w, h, ink) -> None:
    r = w / 2
    _fill(painter, ink)
    painter.drawEllipse(QPointF(0, 0), r, r)
    _line(painter, ink, max(0.008, r * 0.1))
    painter.drawEllipse(QPointF(0, 0), r * 0.45, r * 0.45)


def _pillow(painter, w, h, ink) -> None:
    path = QPainterPath()
    path.addRoundedRect(QRectF(-w / 2, -h / 2, w, h), h / 2, h / 2)
    _fill(painter, ink)
    painter.drawPath(path)
    _line(painter, ink)
    painter.drawLine(QPointF(-w / 2 + h * 0.6, 0), QPointF(w / 2 - h * 0.6, 0))


def _backpack(painter, w, h, ink) -> None:
    _fill(painter, ink)
    painter.drawRoundedRect(QRectF(-w / 2, -h / 2, w, h), w * 0.3, w * 0.3)
    _line(painter, ink)
    painter.drawRoundedRect(QRectF(-w * 0.32, -h * 0.42, w * 0.64, h * 0.38), w * 0.12, w * 0.12)
    painter.drawArc(QRectF(-w * 0.22, h / 2 - w * 0.2, w * 0.44, w * 0.4), 0, 180 * 16)


def _weight(painter: QPainter, w: float, h: float, ink: Inks) -> None:
    """A small dumbbell: two plates on a short bar (held between the feet)."""
    _fill(painter, ink)
    painter.drawRect(QRectF(-w / 2, -h * 0.12, w, h * 0.24))
    plate = w * 0.26
    for x in (-w / 2, w / 2 - plate):
        painter.drawRoundedRect(QRectF(x, -h / 2, plate, h), plate * 0.3, plate * 0.3)
    _line(painter, ink)
    for x in (-w / 2, w / 2 - plate):
        painter.drawRoundedRect(QRectF(x, -h / 2, plate, h), plate * 0.3, plate * 0.3)


PROP_SHAPES = {
    "ankle-weight": _weight,
    "wall": _wall,
    "plyo-box": lambda p, w, h, ink: _rounded(p, w, h, ink, 0.015),
    "mat": _mat,
    "ottoman": _ottoman,
    "exercise-ball": _ball,
    "small-ball": _ball,
    "tennis-ball": _tennis_ball,
    "foam-roller": _roller,
    "pillow": _pillow,
    "backpack": _backpack,
}


def paint_art(
    painter: QPainter,
    rect: QRectF,
    art: ExerciseArt | None,
    palette: Palette,
    position: float | None = None,
    mirrored: bool = False,
    *,
    swapped: bool = False,
    panel: bool = True,
    zoom_to: tuple[float, float, float, float] | None = None,
) -> None:
    """``art`` still at ``position`` (default: its end position, the still on a card).

    ``swapped``: the other limb works (see ``Pose.swapped``); ``zoom_to``: ``art.bounds()``, to
    fill ``rect`` with this exercise (see ``box_transform``) instead of showing the shared box.
    """
    if art is None:
        if panel:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(inks(palette).panel)
            painter.drawRoundedRect(rect, PANEL_RADIUS, PANEL_RADIUS)
            painter.restore()
        return
    scene = art.scene(art.end if position is None else position, mirrored, swapped)
    paint_figure(painter, rect, scene, palette, panel=panel, zoom_to=zoom_to)


def paint_figure(
    painter: QPainter,
    rect: QRectF,
    scene: Scene,
    palette: Palette,
    *,
    panel: bool = True,
    zoom_to: tuple[float, float, float, float] | None = None,
) -> None:
    """A resolved ``scene`` (a still or a frame in motion), zoomed to the art's bounds if given."""
    bounds = zoom_to
    if bounds is not None and scene.mirrored:
        bounds = (BOX_W - bounds[2], bounds[1], BOX_W - bounds[0], bounds[3])
    paint_scene(painter, rect, scene, palette, panel=panel, bounds=bounds)
