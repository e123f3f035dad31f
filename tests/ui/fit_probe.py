"""Open every page and dialog on the screen this process has, and report what does not fit.

Run in a subprocess by ``test_screens_fit.py`` with the offscreen platform
configured as a screen (1280x720, 1600x1000) at a ``QT_SCALE_FACTOR``. Prints
one JSON object: for each screen (and each page at the window's first size,
at its minimum size and maximised; the routines page also with names of 140
and 400 characters), whether the window fits the screen's work area, the
clipped labels, buttons, fields and choices (cut by their own size or by a
parent), overlapping text, scroll areas inside it that scroll sideways, and
how the exercise cards fill their row.

    python -m tests.ui.fit_probe DATA_DIR
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.core.intents import Page


def settle(app: QApplication) -> None:
    for _ in range(4):
        app.processEvents()


# A person's names: long with spaces (and an emoji), and 400 characters without one.
LONG_NAME = (
    "Long name \u00e9\u00e9\u00e9 with emoji \U0001f642 and a very" + " very" * 20 + " long tail that goes on"
)
UNBROKEN_NAME = "Stretch" + "x" * 393


def report(app: QApplication, widget: QWidget) -> dict:
    from tests.ui.layout_checks import clipped, overlapping, sideways

    settle(app)
    area = widget.screen().availableGeometry()
    frame = widget.frameGeometry()
    return {
        "size": [widget.width(), widget.height()],
        "fits": frame.width() <= area.width() and frame.height() <= area.height(),
        "clipped": clipped(widget),
        "overlapping": overlapping(widget),
        "inner_sideways": [s for s in sideways(widget) if "WindowScroll" not in s],
    }


def long_rows(rows: list) -> list:
    """The shipped rows with two of the person's own routines named as long as names may be."""
    from dataclasses import replace

    mine = [
        replace(rows[0], id="long", name=LONG_NAME, description=LONG_NAME, own=True),
        replace(rows[1], id="unbroken", name=UNBROKEN_NAME, description=UNBROKEN_NAME, own=True),
    ]
    return [*mine, *rows]


def card_grid(page) -> dict:
    """How the exercise cards use their row: columns, and the room left over at its end."""
    grid = page.cards
    width, cell = grid.viewport().width(), grid.gridSize().width()
    # As laid out: the cards on the first row, and the room right of the last of them.
    lefts = [grid.visualRect(grid.model().index(n, 0)).left() for n in range(grid.model().rowCount())]
    columns = len(set(lefts))
    gap = width - columns * cell
    return {
        "columns": columns,
        "gap": gap,
        "cell": cell,
        "viewport": width,
        "stacked": page.splitter.stacked(),
    }


def dialogs(window: QWidget, catalog) -> list[tuple[str, QDialog]]:
    from dataclasses import asdict

    from desktop.core.breaks import BreakSettings, rules_text
    from desktop.core.history import PainMoment
    from desktop.ui import help_dialogs
    from desktop.ui.dialogs import routine_picker, safety_notice, safety_notice_to_read, session_sets
    from desktop.ui.pain_dialog import PainDialog
    from desktop.ui.settings_dialog import SettingsDialog

    settings = BreakSettings()
    values = {**asdict(settings), "autostart": False, "theme": "system", "sound": True, "voice": True}
    flags = [(f.title, f.advice) for f in catalog.safety]
    sources = [(s.title, [e.name for e in catalog.exercises if s.file in e.sources]) for s in catalog.sources]
    preferences = SettingsDialog(values, rules_text(settings), window)
    reminders = SettingsDialog(values, rules_text(settings), window)
    reminders.tabs.setCurrentIndex(1)
    names = [UNBROKEN_NAME, LONG_NAME, *(r.name for r in catalog.routines)]
    picker, _choice = routine_picker(window, "Export a routine", "Which routine?", "Export\u2026", names)
    return [
        ("routine-editor", editor_dialog(window, catalog)),
        ("routine-editor-long", editor_dialog(window, catalog, LONG_NAME)),
        ("routine-editor-unbroken", editor_dialog(window, catalog, UNBROKEN_NAME)),
        ("session-sets", session_sets(window, done_sets(), {e.id: e.name for e in catalog.exercises})),
        ("preferences-general", preferences),
        ("preferences-reminders", reminders),
        ("pain", PainDialog(PainMoment.BEFORE, window)),
        ("shortcuts", help_dialogs.shortcuts_dialog(window)),
        ("sources", help_dialogs.sources_dialog(window, sources)),
        ("about", help_dialogs.about_dialog(window, "0.1.0", "/home/someone/.local/share/Upright")),
        ("routine-picker", picker),
        ("safety-first", safety_notice(window, flags)),
        ("safety", safety_notice_to_read(window, flags)),
    ]


def editor_dialog(window: QWidget, catalog, name: str = "") -> QDialog:
    """The routine editor as Customise opens it (or as Edit opens a routine called ``name``)."""
    from dataclasses import replace

    from desktop.app.routine_actions import editor_dialog as make
    from desktop.core.routine_edit import as_copy

    routine = as_copy(catalog.routine("tweaked-back"), {r.id for r in catalog.routines})
    title = "Your copy of \u201cTweaked back first aid\u201d"
    if name:
        routine, title = replace(routine, name=name, description=name), f"Edit \u201c{name}\u201d"
    dialog, _editor = make(window, routine, title, catalog, {})
    return dialog


def done_sets() -> list:
    from datetime import UTC, datetime

    from desktop.core.history import DoneSet, SetSide

    t0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
    return [DoneSet("cat-cow", SetSide.NONE, n, 6, 6, None, None, t0, t0) for n in range(1, 4)]


def probe(data_dir: Path) -> dict:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop.app.main_controller import MainController, routine_rows
    from desktop.app.media import Media
    from desktop.app.store_worker import StoreWorker
    from desktop.content.catalog_loader import load_catalog
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore
    from desktop.ui.appearance import Appearance

    catalog = load_catalog()
    controller = MainController(catalog, StoreWorker(data_dir / "unused"), Appearance(app, "light"), Media())
    window = controller.window
    window.show()
    db = open_database(data_dir)
    store, today = HistoryStore(db), date.today()
    first = today - timedelta(days=27)
    controller.history.show_history(
        store.aggregates(first, today, today),
        store.list_sessions(first, today),
        {**{r.id: r.name for r in catalog.routines}, "long": LONG_NAME, "unbroken": UNBROKEN_NAME},
    )
    db.close()
    out: dict = {}
    shipped = routine_rows(controller.state.library)
    for label in ("first", "minimum", "maximised"):
        if label == "minimum":
            window.resize(window.minimumSize())
        if label == "maximised":
            window.showMaximized()
        for n, title in enumerate(window.page_titles):
            window.show_page(Page(n))
            pages = [(title.lower(), None)]
            if Page(n) == Page.ROUTINES:
                pages.append(("routines-long", long_rows(shipped)))
            for name, rows in pages:
                if rows is not None:
                    controller.routines.set_rows(rows)
                result = report(app, window)
                result["sideways"] = window.centralWidget().horizontalScrollBar().maximum() > 0
                result["down"] = window.centralWidget().verticalScrollBar().maximum()
                if Page(n) == Page.EXERCISES:
                    result["cards"] = card_grid(controller.exercises)
                out[f"{name}-{label}"] = result
            controller.routines.set_rows(shipped)
    window.showNormal()
    for name, dialog in dialogs(window, catalog):
        dialog.show()
        out[name] = report(app, dialog)
        dialog.resize(dialog.minimumSize())
        out[f"{name}-minimum"] = report(app, dialog)
        dialog.close()
    window.close()
    return out


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))))
