"""Rendered-layout checks: text that does not fit its widget, and text widgets on top of each other.

Used by the screen-fit tests in this process and by ``fit_probe.py`` in a
process started at another scale factor. A label is clipped when its font
needs more room than it was given (word-wrapped labels: more height for
their width); a push button when its label runs into its border; other
buttons when their size hint is larger than their size.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QPushButton,
    QWidget,
)

SLACK = 1  # px of rounding
BORDER = 3  # px of a button's edge a label must stay inside: the focus border and a pixel of air


def _shown(widget: QWidget, root: QWidget) -> bool:
    return (
        widget.isVisible() and widget.width() > 0 and widget.height() > 0 and widget.window() is root.window()
    )


def _name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__}({text[:40]!r}, {widget.objectName() or widget.accessibleName()!r})"


def clipped(root: QWidget) -> list[str]:
    """Every shown label or button under ``root`` whose text does not fit it."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget, root):
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            rect = widget.contentsRect()
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + SLACK:
                    problems.append(f"{_name(widget)} needs {need}px of height, has {widget.height()}")
            else:
                need = widget.sizeHint().width()
                if (
                    need > widget.width() + SLACK
                    and widget.fontMetrics().horizontalAdvance(widget.text()) > rect.width()
                ):
                    problems.append(f"{_name(widget)} needs {need}px of width, has {widget.width()}")
        elif isinstance(widget, QPushButton) and widget.text():
            # Cut is when the label runs into the border (a focused border is 2 px): a label may
            # use the stylesheet's padding, so a button smaller than its size hint is not cut.
            metrics = widget.fontMetrics()
            label = metrics.horizontalAdvance(widget.text().replace("&", ""))
            if not widget.icon().isNull():
                label += widget.iconSize().width() + 4
            room_w, room_h = widget.width() - 2 * BORDER, widget.height() - 2 * BORDER
            if label > room_w or metrics.height() > room_h:
                has = f"{room_w}x{room_h}"
                problems.append(
                    f"{_name(widget)} needs {label}x{metrics.height()} inside its border, has {has}"
                )
        elif isinstance(widget, QAbstractButton) and widget.text() and not isinstance(widget, QCheckBox):
            hint = widget.sizeHint()
            if hint.width() > widget.width() + SLACK or hint.height() > widget.height() + SLACK:
                need, has = f"{hint.width()}x{hint.height()}", f"{widget.width()}x{widget.height()}"
                problems.append(f"{_name(widget)} needs {need}, has {has}")
        elif (
            isinstance(widget, QCheckBox)
            and widget.text()
            and widget.sizeHint().width() > widget.width() + SLACK
        ):
            problems.append(f"{_name(widget)} needs {widget.sizeHint().width()}px, has {widget.width()}")
    return problems


def overlapping(root: QWidget) -> list[str]:
    """Pairs of shown text widgets (not one inside the other) whose rectangles intersect."""
    texts = [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, (QLabel, QAbstractButton)) and _shown(w, root) and getattr(w, "text", lambda: "")()
    ]
    # Only what can be seen: a row scrolled out of its scroll area's viewport is not on top of anything.
    boxes = [
        (w, QRect(w.mapTo(root.window(), visible.topLeft()), visible.size()))
        for w in texts
        if not (visible := w.visibleRegion().boundingRect()).isEmpty()
    ]
    problems = []
    for i, (a, ra) in enumerate(boxes):
        for b, rb in boxes[i + 1 :]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            overlap = ra.intersected(rb)
            if overlap.width() > SLACK and overlap.height() > SLACK:
                problems.append(f"{_name(a)} overlaps {_name(b)}")
    return problems
