"""The QApplication every entry point shares: names, icon, resources."""

from __future__ import annotations

import sys


def make_application():
    """The application; ``NoDisplay`` (one line to print) where no window could be shown."""
    from desktop.app.display import require_display

    require_display()  # before Qt, whose own answer to "no display" is an abort
    from PySide6.QtCore import QLoggingCategory
    from PySide6.QtWidgets import QApplication

    read_sources_uncached()  # before SQLAlchemy and the rest are imported, in every entry point

    import desktop.ui.resources_rc  # noqa: F401  (registers the :/icons/... paths)
    from desktop.ui.app_icon import app_icon

    # Library probing chatter (missing VA-API, PipeWire); real problems reach the user as notices.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg=false")
    route_qt_messages()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Upright")
    app.setApplicationDisplayName("Upright")
    app.setDesktopFileName(
        "io.github.upright.Upright"
    )  # matches packaging/linux/*.desktop, so docks group the window
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # quitting is the main coroutine returning
    return app


def route_qt_messages() -> None:
    """Qt's own messages go to Upright's log, not to the terminal.

    Qt prints what its plugins meet ("PulseAudioService: pa_context_connect() failed"
    on a machine without a sound server) on every start. The person hears of a
    missing piece once, in Upright's words (no sound, no voice, no tray); Qt's line
    stays in the log file for whoever reads a report, and ``-v`` shows it as it comes.
    """
    import logging

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    log = logging.getLogger("upright.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.INFO,  # the file keeps it; the terminal shows it with -v
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handle(kind: QtMsgType, context: object, message: str) -> None:
        category = getattr(context, "category", None) or "qt"
        log.log(levels.get(kind, logging.INFO), "%s: %s", category, message)

    qInstallMessageHandler(handle)


def read_sources_uncached() -> None:
    """Keep PySide6 from holding the source text of every module imported after it.

    For its ``__feature__`` switches (which Upright does not use) PySide6 asks
    ``inspect.getsource`` whether each newly imported module mentions
    "PySide6"; ``linecache`` then keeps every such file's lines for the life
    of the process: about 20 MB of strings once SQLAlchemy is imported. The same check,
    reading the bytes without caching them, answers alike and keeps nothing.
    Where a PySide6 release has no such hook this does nothing.
    """
    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return False  # built-in, compiled or frozen: inspect finds no source either
        try:
            with open(path, "rb") as file:
                return b"PySide6" in file.read()
        except OSError:
            return False

    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]  # private, set on purpose
    import linecache

    linecache.clearcache()  # and drop what the check kept for modules imported before now (~2 MB)
