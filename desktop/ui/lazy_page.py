"""A page that builds its real content the first time it is shown.

Keeps heavy modules (Qt Charts for the history) out of the first paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    def __init__(self, build: Callable[[], QWidget], parent=None):
        super().__init__(parent)
        self.setObjectName("Page")
        self._build = build
        self.content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.content is None:
            self.content = self._build()
            self._layout.addWidget(self.content)
        return self.content

    def showEvent(self, event) -> None:
        self.ensure_built()
        super().showEvent(event)
