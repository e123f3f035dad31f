"""Sizes that fit the screen a window opens on, at any scale factor.

A 1280x720 screen at 200 % offers 640x360 logical pixels; a window that asks
for more than that opens larger than the screen and cannot be shrunk. Every
top-level window asks here for its first size and its minimum, so a wish
("1280x800") becomes what the screen can hold.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 24  # logical px left around a window, for its frame and the panel


def available(widget: QWidget) -> QSize:
    """The logical size of the work area of the screen ``widget`` is on (or the primary one)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all: nothing to clamp against
        return QSize(10_000, 10_000)
    area = screen.availableGeometry()
    return QSize(max(1, area.width() - MARGIN), max(1, area.height() - MARGIN))


def fit(widget: QWidget, wanted: QSize, minimum: QSize) -> QSize:
    """Give ``widget`` a minimum and a first size no larger than the screen; return the size.

    The minimum is ``minimum`` or what the widget's layout needs, whichever is larger (a
    fixed minimum below the layout's would let the window squeeze buttons over each other).
    """
    room = available(widget)
    widget.ensurePolished()
    widget.setMinimumSize(minimum.expandedTo(widget.minimumSizeHint()).boundedTo(room))
    size = wanted.boundedTo(room).expandedTo(widget.minimumSize())
    widget.resize(size)
    return size


def centre(widget: QWidget) -> None:
    """Put ``widget`` in the middle of the work area of its screen (no window manager does
    this for every window, and a session half off the screen cannot be read from the floor)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        frame = widget.frameGeometry()
        frame.moveCenter(area.center())
        widget.move(frame.topLeft())
