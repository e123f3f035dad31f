"""Two panels side by side where both fit at their minimum width, one above the other where not.

The routine editor's list and its dose form need about 870 px side by side;
a window on a 1280x720 screen at 200 % has 616. Stacked, the dialog scrolls
up and down like any page instead of sideways. Its minimum width is the
stacked one's, so a scroll area holding it never has to scroll sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QSplitter, QWidget


def _least_width(widget: QWidget) -> int:
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


class SideBySide(QWidget):
    def __init__(self, first: QWidget, second: QWidget, spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first, self.second = first, second
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(spacing)
        self._layout.addWidget(first, 1)
        self._layout.addWidget(second, 1)

    def stacked(self) -> bool:
        return self._layout.direction() == QBoxLayout.Direction.TopToBottom

    def beside_width(self) -> int:
        """The narrowest width at which both panels fit side by side."""
        return _least_width(self.first) + self._layout.spacing() + _least_width(self.second)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(_least_width(self.first), _least_width(self.second)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        stacked = event.size().width() < self.beside_width()
        if stacked != self.stacked():
            self._layout.setDirection(
                QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
            )
            for panel in (self.first, self.second):
                # Stacked, a panel that scrolls shows all of itself: the window around it scrolls
                # instead, so there are never two scroll bars side by side.
                inner = panel.widget() if isinstance(panel, QScrollArea) else None
                panel.setMinimumHeight(inner.sizeHint().height() if stacked and inner is not None else 0)
            self.updateGeometry()  # stacked, it needs more height
        super().resizeEvent(event)


class FoldingSplitter(QSplitter):
    """A splitter the person can drag, that turns to stack its two panes where they do not
    fit beside each other (the exercise cards over their details on a 640 px window)."""

    def __init__(self, first: QWidget, second: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.first, self.second = first, second
        self.addWidget(first)
        self.addWidget(second)
        self.setChildrenCollapsible(False)

    def stacked(self) -> bool:
        return self.orientation() == Qt.Orientation.Vertical

    def beside_width(self) -> int:
        return _least_width(self.first) + self.handleWidth() + _least_width(self.second)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(_least_width(self.first), _least_width(self.second)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        stacked = event.size().width() < self.beside_width()
        if stacked != self.stacked():
            self.setOrientation(Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal)
            self.updateGeometry()
        super().resizeEvent(event)
