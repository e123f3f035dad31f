"""Text from files is data, never markup: a hostile name is shown as written, everywhere.

Every string of the catalog (exercise names, reasons, cues, cautions, rungs,
routine names and descriptions, red flags) is replaced by markup that Qt
would render as an image and bold text if any label guessed it was rich
text. Then the main window (every page), a session, the history after it,
the routine editor and an error box are opened, and every QLabel in them is
checked: the hostile text appears, and no label reads it as rich text.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from desktop.app.main_controller import MainController
from desktop.app.media import Media
from desktop.app.store_worker import StoreWorker
from desktop.core.catalog import Catalog, SafetyFlag
from desktop.core.cues import Cues
from desktop.core.intents import Page
from desktop.ui.appearance import Appearance
from desktop.ui.session_view import SessionView
from tests.app_helpers import answer_dialogs, answer_done_screen, run
from tests.waiting import eventually

# No file behind the "image": a label that parsed it would try to load it and show bold text.
HOSTILE = '<img src="/nonexistent/upright.png" width="4000" height="4000"><b>bold</b>'


def hostile_catalog(catalog: Catalog) -> Catalog:
    def text(n: int) -> str:
        return f"{HOSTILE} {n}"

    def cues(n: int, cues: Cues | None) -> Cues | None:
        return None if cues is None else Cues({m: tuple(text(n) for _ in c) for m, c in cues.moments.items()})

    exercises = tuple(
        replace(
            e,
            name=text(n),
            why=tuple(text(n) for _ in e.why),
            cues=cues(n, e.cues),
            cautions=tuple(text(n) for _ in e.cautions),
            progressions=tuple(
                replace(p, name=text(n), notes=text(n), cues=cues(n, p.cues)) for p in e.progressions
            ),
        )
        for n, e in enumerate(catalog.exercises)
    )
    routines = tuple(replace(r, name=text(n), description=text(n)) for n, r in enumerate(catalog.routines))
    safety = tuple(replace(f, title=text(n), advice=text(n)) for n, f in enumerate(catalog.safety))
    return Catalog(exercises, routines, safety)


def labels_of(*widgets: QWidget) -> list[QLabel]:
    found: list[QLabel] = []
    for widget in widgets:
        if isinstance(widget, QLabel):
            found.append(widget)
        found += widget.findChildren(QLabel)
    return found


def misread(labels: list[QLabel]) -> list[str]:
    """Labels that would render the hostile text as markup (Auto guesses; Rich renders)."""
    return [
        f"{type(label.parent()).__name__}/{label.objectName()}: {label.text()[:60]}"
        for label in labels
        if "<img" in label.text() and label.textFormat() != Qt.TextFormat.PlainText
    ]


def showing(labels: list[QLabel]) -> int:
    """Labels showing the hostile text: whole, or wrapped and cut short (a long routine name's
    label keeps the whole in ``full_text`` and shows what fits)."""
    return sum(HOSTILE in getattr(label, "full_text", label.text)() for label in labels)


def test_no_label_reads_file_text_as_markup(qapp, catalog, tmp_path):
    hostile = hostile_catalog(catalog)
    seen: list[str] = []
    checked: dict[str, tuple[int, list[str]]] = {}

    def check(name: str, *widgets: QWidget) -> None:
        labels = labels_of(*widgets)
        checked[name] = (showing(labels), misread(labels))

    async def scenario():
        controller = MainController(hostile, StoreWorker(tmp_path / "d"), Appearance(qapp, "light"), Media())
        await controller.open_store()
        window = controller.window
        window.show()
        check("exercises", window)
        window.show_page(Page.ROUTINES)
        check("routines", window)

        answers = answer_dialogs([True, False], seen)  # the safety notice, no pain rating before
        session = asyncio.ensure_future(controller.start_routine(hostile.routines[0].id))
        view = await eventually(
            lambda: next(
                (w for w in QApplication.topLevelWidgets() if isinstance(w, SessionView) and w.isVisible()),
                None,
            ),
            "the session window",
        )
        answers.stop()
        check("session", view)
        assert HOSTILE in view.windowTitle()  # a window title is never markup: shown as written
        ender = answer_dialogs([True], seen)  # yes, end it
        done = answer_done_screen([None], seen)  # no pain rating after; then leave the done screen
        QTest.keyClick(view, Qt.Key.Key_Escape)
        await session
        ender.stop()
        done.stop()

        window.show_page(Page.HISTORY)
        await controller.reload_history()
        check("history", controller.history)

        from desktop.ui.routine_editor import RoutineEditor

        editor = RoutineEditor(
            hostile.routines[0], [(e.id, e.name) for e in hostile.exercises], hostile, lambda r: HOSTILE
        )
        editor.show()
        check("editor", editor)
        editor.deleteLater()

        from desktop.ui.dialogs import pain_advice, safety_notice
        from desktop.ui.plain import plain_message_box

        box = plain_message_box(QMessageBox.Icon.Critical, "t", f"{HOSTILE} was not loaded")
        notice = safety_notice(window, [(f.title, f.advice) for f in hostile.safety])
        advice = pain_advice(window, 3, [(f.title, f.advice) for f in hostile.safety])
        check("dialogs", box, notice, advice)
        for dialog in (box, notice, advice):
            dialog.deleteLater()

        await controller.close()
        controller.worker.close()
        window.deleteLater()

    run(qapp, scenario, timeout_s=30)
    assert seen[:1] == ["Before your first session"]
    assert {name: bad for name, (_, bad) in checked.items()} == {name: [] for name in checked}
    shown = {name: count for name, (count, _) in checked.items()}
    assert all(shown[name] > 0 for name in ("exercises", "routines", "session", "editor", "dialogs")), shown


def test_safety_flags_survive_the_replacement(catalog):
    """The scenario above only means something if the hostile catalog still has flags and routines."""
    hostile = hostile_catalog(catalog)
    assert hostile.routines and hostile.safety and all(isinstance(f, SafetyFlag) for f in hostile.safety)
    assert all(HOSTILE in r.name for r in hostile.routines)
