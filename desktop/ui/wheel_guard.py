"""A wheel turned over a form's field scrolls the form unless that field is the one being edited.

Qt hands the wheel to whatever combo box or spin box is under the pointer, so
scrolling down a long Preferences page changes the settings it passes over
(a screen lock's effect, the minutes) without a click. With this filter the
wheel changes a field only once the person has clicked or tabbed into it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QCoreApplication.sendEvent(area.verticalScrollBar(), event)
        return True  # the field keeps its value either way

    def guard(self, *fields: QWidget) -> None:
        for field in fields:
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel no longer gives it the focus
            field.installEventFilter(self)
