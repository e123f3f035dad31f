"""Paints an exercise card: illustration slot, name, position, dose, sources, caution.

Painting (rather than a widget per card) keeps a grid of cards cheap to
create, scroll and restyle. The grid fills its width: as many columns as fit
at ``MIN_CARD_WIDTH``, the cards stretched to share what is left, so a wide
window gets more columns rather than a gap and a narrow one never scrolls
sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate

from desktop.core.figure import PoseBook
from desktop.ui.exercise_model import Role, label
from desktop.ui.figure_painter import paint_art
from desktop.ui.theme import LIGHT, RADIUS, SPACE, TYPE, Palette

CARD_SIZE = QSize(272, 250)  # as designed; the width stretches from MIN_CARD_WIDTH to fill a row
MIN_CARD_WIDTH = 236
ART_HEIGHT = 104


class CardDelegate(QStyledItemDelegate):
    """Each card shows a still of its exercise's end position; the detail pane animates it."""

    def __init__(self, parent=None, poses: PoseBook | None = None):
        super().__init__(parent)
        self.palette: Palette = LIGHT
        self.poses = poses or PoseBook({})
        self.size = QSize(CARD_SIZE)

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette

    def sizeHint(self, option, index) -> QSize:
        return self.size

    def paint(self, painter: QPainter, option, index) -> None:
        p = self.palette
        e = index.data(Role.EXERCISE)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect.adjusted(SPACE[1], SPACE[1], -SPACE[1], -SPACE[1]))
        border = QColor(p.focus if focused else p.accent if selected else p.border)
        painter.setPen(QPen(border, 3 if focused else 2 if selected or hovered else 1))
        painter.setBrush(QColor(p.surface_alt if hovered and not selected else p.surface))
        painter.drawRoundedRect(card, RADIUS, RADIUS)

        inner = card.adjusted(SPACE[2], SPACE[2], -SPACE[2], -SPACE[2]).toRect()
        art = QRect(inner.left(), inner.top(), inner.width(), ART_HEIGHT)
        paint_art(painter, QRectF(art), self.poses.get(e.id, index.data(Role.STEP)), p)  # the step in use
        if index.data(Role.FLAGS):
            self._badge(painter, art, p)

        y = art.bottom() + SPACE[2]
        y = self._text(painter, inner, y, e.name, TYPE["lead"], p.text, bold=True)
        place = label(e.position) + (
            " \u00b7 " + ", ".join(label(x) for x in e.equipment) if e.equipment else ""
        )
        y = self._text(painter, inner, y + 2, place, TYPE["caption"], p.muted)
        y = self._text(
            painter, inner, y + SPACE[1], index.data(Role.SUMMARY), TYPE["body"], p.accent, bold=True
        )
        if index.data(Role.PROGRESS):  # "Step 2 of 3 · goal 30 reps · best 26"
            self._text(painter, inner, y + 2, index.data(Role.PROGRESS), TYPE["caption"], p.text)
        self._text(painter, inner, inner.bottom() - 16, index.data(Role.SOURCES), TYPE["caption"], p.muted)
        painter.restore()

    def _text(self, painter, inner: QRect, y: int, text: str, size: int, colour: str, bold=False) -> int:
        font = QFont(painter.font())
        font.setPixelSize(size)
        font.setBold(bold)
        metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(
            QRect(inner.left(), y, inner.width(), metrics.height()), Qt.AlignmentFlag.AlignLeft, elided
        )
        return y + metrics.height()

    def _badge(self, painter: QPainter, art: QRect, p: Palette) -> None:
        font = QFont(painter.font())
        font.setPixelSize(TYPE["caption"])
        font.setBold(True)
        text = "\u26a0 Caution"
        width = QFontMetrics(font).horizontalAdvance(text) + SPACE[3]
        badge = QRectF(art.right() - width - SPACE[1], art.top() + SPACE[1], width, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(p.caution_bg))
        painter.drawRoundedRect(badge, 11, 11)
        painter.setFont(font)
        painter.setPen(QColor(p.caution))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)


class CardGrid(QListView):
    """The cards in as many columns as fit, each column as wide as the width allows."""

    def __init__(self, delegate: CardDelegate, parent=None) -> None:
        super().__init__(parent)
        self.delegate = delegate
        delegate.setParent(self)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # columns follow the width
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setItemDelegate(delegate)
        self.setGridSize(CARD_SIZE)
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        self.setMinimumWidth(MIN_CARD_WIDTH + max(scrollbar, 10) + 2 * self.frameWidth() + 2)

    def room(self) -> int:
        """The width a row of cards may fill: QListView wraps a card that reaches the last pixel."""
        return self.viewport().width() - 1

    def columns(self) -> int:
        return max(1, self.room() // MIN_CARD_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = max(MIN_CARD_WIDTH, self.room() // self.columns())
        if width != self.gridSize().width():
            self.delegate.size = QSize(width, CARD_SIZE.height())
            self.setGridSize(self.delegate.size)
        super().resizeEvent(event)
