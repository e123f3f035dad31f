"""Own routines from the window: import (button, drop), copy, export, delete with undo."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.app.main_controller import MainController
from desktop.app.media import Media
from desktop.app.store_worker import StoreWorker
from desktop.ui.appearance import Appearance
from tests.app_helpers import answer_dialogs, run


def routine_file(folder: Path, name: str, routine: dict) -> Path:
    path = folder / name
    path.write_text(json.dumps({"format": "upright-routine", "version": 1, "routine": routine}))
    return path


BUSY = {
    "id": "busy-day",
    "name": "Busy day",
    "description": "Two moves.",
    "items": [{"exercise": "cat-cow", "reps": 5}, {"exercise": "standing-back-bend"}],
}


async def make(qapp, catalog, data: Path) -> MainController:
    controller = MainController(catalog, StoreWorker(data), Appearance(qapp, "light"), Media())
    controller.window.resize(1280, 800)
    controller.window.show()
    await controller.open_store()
    return controller


async def dispose(controller: MainController) -> None:
    await controller.close()
    controller.window.close()
    controller.window.deleteLater()
    controller.worker.close()


def test_import_copy_export_delete_and_undo(qapp, catalog, tmp_path, monkeypatch):
    good = routine_file(tmp_path, "busy.json", BUSY)
    bad = routine_file(tmp_path, "bad.json", {**BUSY, "items": [{"exercise": "cat-cow2"}]})
    exported = tmp_path / "out.json"
    seen: list[str] = []

    async def choose(*_args, **_kwargs):
        return exported

    from desktop.app import routine_actions

    monkeypatch.setattr(routine_actions.modal, "choose_path", choose)

    async def scenario():
        controller = await make(qapp, catalog, tmp_path / "data")
        actions = controller.routine_actions
        timer = answer_dialogs([True], seen)  # the error dialog for the bad file
        await actions.import_paths([bad, good, good])
        timer.stop()
        after_import = [r.id for r in controller.library.own]
        status = controller.window.statusBar().currentMessage()
        await actions.run("duplicate", "tweaked-back")
        await actions.run("export", "busy-day")
        await actions.run("delete", "busy-day")
        after_delete = [r.id for r in controller.library.own]
        controller.undo.button.click()
        await controller.tasks.settle()
        after_undo = sorted(r.id for r in controller.library.own)
        own_cards = [c.edit.text() for c in controller.routines.cards[:3]]
        await dispose(controller)
        return after_import, status, after_delete, after_undo, own_cards

    after_import, status, after_delete, after_undo, own_cards = run(qapp, scenario)
    assert seen == ["bad.json was not imported"]
    assert sorted(after_import) == ["busy-day", "busy-day-copy"]
    assert "as a copy (busy-day-copy; that id was taken)" in status
    assert json.loads(exported.read_text())["routine"] == {**BUSY, "sources": []}
    assert "busy-day" not in after_delete and len(after_delete) == 2
    assert after_undo == ["busy-day", "busy-day-copy", "tweaked-back-first-aid-my-copy"]
    assert own_cards == ["Edit", "Edit", "Edit"]


def test_dropping_files_on_the_window_imports_them(qapp, catalog, tmp_path):
    good = routine_file(tmp_path, "busy.json", BUSY)
    ignored = tmp_path / "notes.txt"
    ignored.write_text("not a routine")

    async def scenario():
        controller = await make(qapp, catalog, tmp_path / "data")
        window = controller.window
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(ignored))])
        buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        enter = QDragEnterEvent(QPoint(300, 300), Qt.DropAction.CopyAction, mime, buttons, keys)
        QApplication.sendEvent(window, enter)  # Qt delivers a drop only where the drag was accepted
        QApplication.sendEvent(
            window, QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime, buttons, keys)
        )
        await controller.tasks.settle()
        result = [r.id for r in controller.library.own], window.stack.currentWidget() is controller.routines
        await dispose(controller)
        return result

    own, on_routines = run(qapp, scenario)
    assert own == ["busy-day"] and on_routines


def retype(field, text: str) -> None:
    from PySide6.QtTest import QTest

    field.selectAll()
    QTest.keyClicks(field, text)


def edit_when_open(change) -> QTimer:
    """When the editor opens, apply ``change(editor)`` and press Save."""
    from desktop.ui.routine_editor import RoutineEditor

    timer = QTimer()
    timer.setInterval(20)

    def poll():
        for widget in QApplication.topLevelWidgets():
            editor = widget.findChild(RoutineEditor) if widget.isVisible() else None
            if editor is not None:
                timer.stop()
                change(editor)
                editor.save.click()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_customising_a_template_saves_a_copy_and_editing_it_keeps_its_id(qapp, catalog, tmp_path):
    def shorter(editor):
        retype(editor.name, "Quick tweak")
        while len(editor.routine().items) > 2:
            editor.items.setCurrentIndex(editor.model.index(len(editor.routine().items) - 1, 0))
            editor.remove.click()

    async def scenario():
        controller = await make(qapp, catalog, tmp_path / "data")
        actions = controller.routine_actions
        timer = edit_when_open(shorter)
        await actions.run("edit", "tweaked-back")
        timer.stop()
        [mine] = controller.library.own
        timer = edit_when_open(lambda editor: retype(editor.name, "Quicker tweak"))
        await actions.run("edit", mine.id)
        timer.stop()
        [edited] = controller.library.own
        shipped = controller.library.routine("tweaked-back")
        title = controller.window.statusBar().currentMessage()
        page = controller.window.stack.currentWidget() is controller.routines
        card = next(c for c in controller.routines.cards if c.row_id == edited.id)
        selected = controller.routines.selected_id == edited.id and card.property("selected")
        await dispose(controller)
        return mine, edited, shipped, title, page, selected

    mine, edited, shipped, title, page, focused = run(qapp, scenario)
    assert page and focused  # the saved routine is shown and selected
    assert (mine.name, mine.id, len(mine.items)) == ("Quick tweak", "quick-tweak", 2)
    assert mine.items == shipped.items[:2] and len(shipped.items) == 4  # the template is untouched
    assert (edited.id, edited.name, edited.items) == (mine.id, "Quicker tweak", mine.items)
    assert title == "Saved \u201cQuicker tweak\u201d."


def test_a_disk_problem_in_any_action_is_explained_once(qapp, catalog, tmp_path):
    from desktop.storage.errors import StorageError

    seen: list[str] = []

    async def scenario():
        controller = await make(qapp, catalog, tmp_path / "data")

        def full_disk(*args, **kwargs):
            raise StorageError(tmp_path, "Upright could not save because the disk is full.")

        controller.worker.routines.add = full_disk  # runs on the store thread, like the real one
        timer = answer_dialogs([True], seen)
        controller.spawn(controller.routine_actions.run("duplicate", "tweaked-back"))
        await controller.tasks.settle()
        timer.stop()
        own = [r.id for r in controller.library.own]
        await dispose(controller)
        return own

    assert run(qapp, scenario) == [] and seen == ["That change was not saved"]


def test_cancelling_with_unsaved_edits_asks_first(qapp, catalog, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.routine_editor import RoutineEditor

    steps: list[str] = []

    def drive():
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        box = next((w for w in shown if isinstance(w, QMessageBox)), None)
        if box is not None:  # the question: first keep editing, then discard
            steps.append(box.windowTitle())
            label = "Keep editing" if len(steps) == 1 else "Discard changes"
            next(b for b in box.buttons() if b.text() == label).click()
            return
        editor = next((e for w in shown for e in w.findChildren(RoutineEditor) if e.isVisible()), None)
        if editor is None or len(steps) > 1:
            return
        if editor.undo_stack.isClean():
            retype(editor.name, "Changed my mind")
        editor.cancel.click()  # asks; after "Keep editing" the editor is still there, and asks again

    async def scenario():
        from PySide6.QtCore import QTimer

        controller = await make(qapp, catalog, tmp_path / "data")
        timer = QTimer()
        timer.setInterval(30)
        timer.timeout.connect(drive)
        timer.start()
        await controller.routine_actions.run("edit", "tweaked-back")
        timer.stop()
        own = list(controller.library.own)
        await dispose(controller)
        return own

    assert run(qapp, scenario) == [] and steps == ["Discard changes?", "Discard changes?"]


def test_export_from_the_window_writes_toml_when_toml_is_chosen(qapp, catalog, tmp_path, monkeypatch):
    import tomllib

    exported = tmp_path / "tweaked.toml"
    offered: list[str] = []

    async def choose(*_args, **kwargs):
        offered.append(kwargs["filters"])
        return exported

    from desktop.app import routine_actions

    monkeypatch.setattr(routine_actions.modal, "choose_path", choose)

    async def scenario():
        controller = await make(qapp, catalog, tmp_path / "data")
        await controller.routine_actions.run("export", "tweaked-back")
        await dispose(controller)

    run(qapp, scenario)
    assert "*.toml" in offered[0] and "*.json" in offered[0]
    document = tomllib.loads(exported.read_text(encoding="utf-8"))
    items = document["routine"]["items"]
    assert [i["exercise"] for i in items] == [i.exercise for i in catalog.routine("tweaked-back").items]
    assert list(items[1]["tempo"]) == ["cat", "cow"]  # the author's order, as written
