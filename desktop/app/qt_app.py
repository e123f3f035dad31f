"""The QApplication every entry point shares: names, icon, resources."""

from __future__ import annotations

import sys


def make_application():
    from PySide6.QtCore import QLoggingCategory
    from PySide6.QtWidgets import QApplication

    import desktop.ui.resources_rc  # noqa: F401  (registers the :/icons/... paths)
    from desktop.ui.app_icon import app_icon

    # Library probing chatter (missing VA-API, PipeWire); real problems reach the user as notices.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg=false")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Upright")
    app.setApplicationDisplayName("Upright")
    app.setDesktopFileName("io.github.upright.Upright")  # matches packaging/linux/*.desktop, so docks group the window
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # quitting is the main coroutine returning
    return app
