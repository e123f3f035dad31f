"""The main window: a sidebar of sections and the page for each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.intents import Page
from desktop.ui.plain import PlainLabel
from desktop.ui.screen_fit import fit
from desktop.ui.theme import SPACE

# The smallest window asked for. A screen smaller still (1280x720 at 200 % is
# 640x360) gets a window that fits it, and the pages scroll inside it rather
# than being squeezed until text is cut.
MIN_WIDTH, MIN_HEIGHT = 760, 480


class _Body(QWidget):
    """The sidebar and the pages, scrolled by the window only below their minimum size.

    Without this the scroll area would read the pages' height-for-width (their *preferred*
    height: every wrapped line at its most comfortable) as a minimum and scroll the whole
    window up and down even when every page fits.
    """

    def hasHeightForWidth(self) -> bool:
        return False

    def heightForWidth(self, width: int) -> int:
        return -1  # what QScrollArea asks (it asks the layout whether to ask): no wish beyond the minimum


class MainWindow(QMainWindow):
    """Holds pages; knows nothing of what they show."""

    closing = Signal()
    files_dropped = Signal(list)  # local paths of routine files dropped on the window
    full_screen_changed = Signal(bool)
    page_shown = Signal(Page)

    DROPPABLE = (".json", ".toml")

    def __init__(self, pages: list[tuple[str, QWidget]], parent=None):
        """``pages`` in the order of ``Page``: exercises, routines, history."""
        super().__init__(parent)
        self._lacking: PlainLabel | None = None  # made when this machine is found to lack something
        self.setWindowTitle("Upright")
        self.page_titles = [title for title, _page in pages]
        self.stack = QStackedWidget()
        sidebar = QWidget()
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(176)
        nav = QVBoxLayout(sidebar)
        nav.setContentsMargins(SPACE[2], SPACE[3], SPACE[2], SPACE[3])
        nav.setSpacing(SPACE[1])
        nav.addWidget(PlainLabel("Upright", objectName="AppTitle"))
        self.nav_buttons = QButtonGroup(self)
        for n, (title, page) in enumerate(pages):
            button = QPushButton(title)
            button.setCheckable(True)
            button.setAccessibleName(f"Show {title}")
            button.setToolTip(f"{title} (Ctrl+{n + 1})")  # the keys live on the View menu's actions
            self.nav_buttons.addButton(button, n)
            nav.addWidget(button)
            self.stack.addWidget(page)
        nav.addStretch(1)
        self.nav_buttons.idClicked.connect(lambda n: self.show_page(Page(n)))
        self.stack.currentChanged.connect(lambda n: self.page_shown.emit(Page(n)))
        body = _Body()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(self.stack, 1)
        frame = QScrollArea()
        frame.setObjectName("WindowScroll")
        frame.setWidgetResizable(True)
        frame.setFrameShape(QFrame.Shape.NoFrame)
        frame.setWidget(body)  # scrolls only when the window is smaller than what the pages need
        self.setCentralWidget(frame)
        self.setAcceptDrops(True)
        self.show_page(Page.EXERCISES)
        fit(self, QSize(1280, 800), QSize(MIN_WIDTH, MIN_HEIGHT))

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.WindowStateChange:
            self.full_screen_changed.emit(self.isFullScreen())
        super().changeEvent(event)

    def show_page(self, page: Page) -> None:
        self.stack.setCurrentIndex(page.value)
        self.nav_buttons.button(page.value).setChecked(True)
        shown = self.stack.currentWidget()
        if shown is not None:
            shown.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_page(self) -> Page:
        return Page(self.stack.currentIndex())

    def say(self, message: str) -> None:
        """A quiet status line for things worth knowing but not worth a dialog."""
        self.statusBar().showMessage(message)

    def show_lacking(self, lacking: dict[str, str]) -> None:
        """What this machine cannot do, kept at the status bar's right ("No tray · No sound"),
        each reason in the tooltip: said once per install, visible from then on."""
        label = self._lacking
        if label is None:
            label = self._lacking = PlainLabel(objectName="Muted")
            self.statusBar().addPermanentWidget(label)
        label.setText(" \u00b7 ".join(lacking))
        label.setToolTip("\n".join(dict.fromkeys(lacking.values())))  # no sound also silences the voice
        label.setAccessibleName(label.toolTip())

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
