"""Rendered-layout checks: text that does not fit its widget, and text widgets on top of each other.

Used by the screen-fit tests in this process and by ``fit_probe.py`` in a
process started at another scale factor. A label is clipped when its font
needs more room than it was given (word-wrapped labels: more height for
their width; a label of several lines: each line); a push button when its
label runs into its border; other buttons when their size hint is larger
than their size; a search field when its hint ("Search exercises by name")
does not fit inside it, a combo box when its current choice does not. Any of
them is cut, too, when a parent shows only part of it sideways (a card wider
than its scroll area), and a scroll area is wrong when it scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QWidget,
)

SLACK = 1  # px of rounding
BORDER = 3  # px of a button's edge a label must stay inside: the focus border and a pixel of air


def _shown(widget: QWidget, root: QWidget) -> bool:
    return (
        widget.isVisible() and widget.width() > 0 and widget.height() > 0 and widget.window() is root.window()
    )


def _text(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QLineEdit):
        return widget.text() or widget.placeholderText()
    return widget.text() if hasattr(widget, "text") else ""


def _name(widget: QWidget) -> str:
    text = _text(widget)
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
                metrics, lines = widget.fontMetrics(), widget.text().split("\n")
                widest = max(metrics.horizontalAdvance(line) for line in lines)
                if widest > rect.width() + SLACK:
                    problems.append(f"{_name(widget)} needs {widest}px of width, has {rect.width()}")
                elif len(lines) > 1 and metrics.lineSpacing() * len(lines) > rect.height() + SLACK:
                    need = metrics.lineSpacing() * len(lines)
                    problems.append(f"{_name(widget)} needs {need}px of height, has {rect.height()}")
        elif isinstance(widget, QLineEdit) and _text(widget):
            problems += _field_problems(widget)
        elif isinstance(widget, QComboBox) and widget.currentText():
            problems += _combo_problems(widget)
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
    return problems + cut_by_parents(root)


def _field_problems(field: QLineEdit) -> list[str]:
    """The hint or text of a field that is cut (only a field that holds nothing but its
    hint, or less text than fits, is judged: typed text may scroll inside its field)."""
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    room = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    width = room.width() - margins.left() - margins.right() - 4  # Qt keeps 2 px each side
    need = field.fontMetrics().horizontalAdvance(_text(field))
    if need > width + SLACK and not field.text():
        return [f"{_name(field)} needs {need}px for its hint, has {width}"]
    return []


def _combo_problems(combo: QComboBox) -> list[str]:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if need > room.width() + SLACK:
        return [f"{_name(combo)} needs {need}px for its choice, has {room.width()}"]
    return []


def _checked(widget: QWidget) -> bool:
    return isinstance(widget, (QLabel, QAbstractButton, QLineEdit, QComboBox)) and bool(_text(widget))


def cut_by_parents(root: QWidget) -> list[str]:
    """Text widgets that a parent shows only part of: sideways anywhere (nothing may scroll
    sideways), up or down only outside a scroll area's viewport (a row scrolled half out of
    view is not cut)."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not (_checked(widget) and _shown(widget, root)):
            continue
        box = widget.rect()
        child: QWidget = widget
        parent = widget.parentWidget()
        while parent is not None and not child.isWindow():
            box = QRect(child.mapToParent(box.topLeft()), box.size())
            area = parent.rect()
            wide = min(box.right(), area.right()) - max(box.left(), area.left()) + 1
            high = min(box.bottom(), area.bottom()) - max(box.top(), area.top()) + 1
            if parent.objectName() == "qt_scrollarea_viewport":  # scrolled up or down: fine
                if high <= 0:
                    break  # out of view altogether
                high = box.height()
            if wide + SLACK < box.width() or high + SLACK < box.height():
                problems.append(
                    f"{_name(widget)} shows {max(wide, 0)}x{max(high, 0)} of "
                    f"{box.width()}x{box.height()} inside {type(parent).__name__}"
                    f"({parent.objectName()!r})"
                )
                break
            box, child, parent = box.intersected(area), parent, parent.parentWidget()
    return problems


def sideways(root: QWidget) -> list[str]:
    """Every shown scroll area under ``root`` that scrolls sideways."""
    return [
        f"{type(area).__name__}({area.objectName() or area.accessibleName()!r}) scrolls "
        f"{area.horizontalScrollBar().maximum()}px sideways"
        for area in root.findChildren(QAbstractScrollArea)
        if _shown(area, root) and area.horizontalScrollBar().maximum() > 0
    ]


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
