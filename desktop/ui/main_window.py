"""The main window: a sidebar of sections and the page for each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.plain import PlainLabel
from desktop.ui.theme import SPACE


class MainWindow(QMainWindow):
    """Holds pages; knows nothing of what they show."""

    closing = Signal()
    files_dropped = Signal(list)  # local paths of routine files dropped on the window

    DROPPABLE = (".json", ".toml")

    def __init__(self, pages: list[tuple[str, QWidget]], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Upright")
        self.resize(1280, 800)
        self.setMinimumSize(900, 600)
        self.stack = QStackedWidget()
        sidebar = QWidget(objectName="Sidebar")
        sidebar.setFixedWidth(200)
        nav = QVBoxLayout(sidebar)
        nav.setContentsMargins(SPACE[2], SPACE[3], SPACE[2], SPACE[3])
        nav.setSpacing(SPACE[1])
        nav.addWidget(PlainLabel("Upright", objectName="AppTitle"))
        self.nav_buttons = QButtonGroup(self)
        for n, (title, page) in enumerate(pages):
            button = QPushButton(title, checkable=True)
            button.setAccessibleName(f"Show {title}")
            button.setToolTip(f"{title} (Ctrl+{n + 1})")
            self.nav_buttons.addButton(button, n)
            nav.addWidget(button)
            self.stack.addWidget(page)
            QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self, lambda n=n: self.show_page(n))
        nav.addStretch(1)
        self.nav_buttons.idClicked.connect(self.show_page)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.setAcceptDrops(True)
        self.show_page(0)

    def show_page(self, n: int) -> None:
        self.stack.setCurrentIndex(n)
        self.nav_buttons.button(n).setChecked(True)
        page = self.stack.currentWidget()
        page.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_menu(self, title: str, entries: list[tuple[str, str, Callable[[], object]] | None]) -> QMenu:
        """A menu of (text, shortcut, slot) entries; ``None`` is a separator."""
        menu = self.menuBar().addMenu(title)
        overflow = self.menuBar().findChild(QToolButton, "qt_menubar_ext_button")
        if overflow is not None:  # shown when a narrow window hides menus: name it for screen readers
            overflow.setAccessibleName("More menus")
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            text, keys, slot = entry
            action = menu.addAction(text)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
        return menu

    def say(self, message: str) -> None:
        """A quiet status line for things worth knowing but not worth a dialog."""
        self.statusBar().showMessage(message)

    def _dropped_paths(self, event) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [
            Path(u.toLocalFile())
            for u in urls
            if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in self.DROPPABLE
        ]

    def dragEnterEvent(self, event) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = self._dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    def closeEvent(self, event) -> None:
        self.closing.emit()
        super().closeEvent(event)
