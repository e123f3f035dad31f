"""The main window's menu bar, laid out as desktop apps lay theirs out.

File (New routine, Import, Export, Close, Quit), Edit (Preferences), View
(the pages, full screen), Help (shortcuts, safety, sources, About). The
keys are the platform's standard ones where Qt knows them (Ctrl+Q, Ctrl+,
on Linux, Cmd+, on macOS).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton

from desktop import __version__
from desktop.app import modal
from desktop.core.intents import Page
from desktop.ui import help_dialogs
from desktop.ui.dialogs import safety_notice_to_read

if TYPE_CHECKING:
    from desktop.app.main_controller import MainController


def _keys(standard: QKeySequence.StandardKey, fallback: str) -> QKeySequence:
    """The platform's key for ``standard``; ``fallback`` where it has none (Preferences on some desktops)."""
    keys = QKeySequence(standard)
    return keys if not keys.isEmpty() else QKeySequence(fallback)


def install_menus(main: MainController, quit_app: Callable[[], object]) -> dict[str, QAction]:
    """Fill the menu bar; returns the actions by name, for tests and for enabling."""
    window, spawn, routines = main.window, main.spawn, main.routine_actions
    actions: dict[str, QAction] = {}

    Keys = QKeySequence | QKeySequence.StandardKey | str | None

    def add(menu: QMenu, name: str, text: str, keys: Keys, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        actions[name] = action
        return action

    bar = window.menuBar()
    overflow = bar.findChild(QToolButton, "qt_menubar_ext_button")
    if overflow is not None:  # shown when a narrow window hides menus: name it for screen readers
        overflow.setAccessibleName("More menus")
    file = bar.addMenu("&File")
    add(file, "new", "&New routine\u2026", QKeySequence.StandardKey.New, lambda: spawn(routines.new()))
    add(
        file,
        "import",
        "&Import routine\u2026",
        QKeySequence.StandardKey.Open,
        lambda: spawn(routines.import_dialog()),
    )
    add(file, "export", "&Export routine\u2026", "Ctrl+E", lambda: spawn(routines.export_chosen()))
    file.addSeparator()
    add(file, "close", "&Close window", QKeySequence.StandardKey.Close, window.close)
    add(file, "quit", "&Quit Upright", _keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"), quit_app)

    edit = bar.addMenu("&Edit")
    prefs = add(
        edit,
        "preferences",
        "&Preferences\u2026",
        _keys(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
        lambda: spawn(main.open_preferences()),
    )
    prefs.setMenuRole(QAction.MenuRole.PreferencesRole)

    view = bar.addMenu("&View")
    for page, title in zip(Page, window.page_titles, strict=True):
        key = f"Ctrl+{page.value + 1}"
        add(view, f"page-{page.value}", title, key, partial(window.show_page, page))
    view.addSeparator()
    full = add(
        view, "fullscreen", "&Full screen", QKeySequence.StandardKey.FullScreen, window.toggle_full_screen
    )
    if full.shortcut().isEmpty():
        full.setShortcut(QKeySequence("F11"))
    full.setCheckable(True)
    window.full_screen_changed.connect(full.setChecked)

    help_menu = bar.addMenu("&Help")
    add(
        help_menu,
        "shortcuts",
        "&Keyboard shortcuts",
        QKeySequence.StandardKey.HelpContents,
        lambda: spawn(modal.answer(help_dialogs.shortcuts_dialog(window))),
    )
    flags = [(f.title, f.advice) for f in main.catalog.safety]
    add(
        help_menu,
        "safety",
        "&Safety",
        None,
        lambda: spawn(modal.answer(safety_notice_to_read(window, flags))),
    )

    def show_sources(listed: list[tuple[str, list[str]]]) -> None:
        spawn(modal.answer(help_dialogs.sources_dialog(window, listed)))

    sources = help_menu.addMenu("S&ources")
    for source in main.catalog.sources:
        names = [e.name for e in main.catalog.exercises if source.file in e.sources]
        add(
            sources,
            f"source-{source.file[:3]}",
            source.title,
            None,
            partial(show_sources, [(source.title, names)]),
        )
    sources.addSeparator()
    everything = [
        (s.title, [e.name for e in main.catalog.exercises if s.file in e.sources])
        for s in main.catalog.sources
    ]
    add(
        sources,
        "sources",
        "All sources",
        None,
        lambda: spawn(modal.answer(help_dialogs.sources_dialog(window, everything))),
    )
    help_menu.addSeparator()
    add(
        help_menu,
        "about",
        "&About Upright",
        None,
        lambda: spawn(
            modal.answer(help_dialogs.about_dialog(window, __version__, str(main.worker.data_dir)))
        ),
    ).setMenuRole(QAction.MenuRole.AboutRole)
    return actions
