"""The main window's wiring: the store opens after paint, the safety notice shows once."""

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.app.main_controller import MainController
from desktop.app.media import Media
from desktop.app.safety_gate import SAFETY_SETTING
from desktop.app.store_worker import StoreWorker
from desktop.ui.appearance import Appearance
from tests.app_helpers import answer_dialogs, answer_done_screen, run
from tests.waiting import eventually


def make(qapp, catalog, data_dir):
    return MainController(catalog, StoreWorker(data_dir), Appearance(qapp, "light"), Media())


async def _end_visible_session(seen):
    """Find the session window, end it with Esc and answer the prompts that follow."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.session_view import SessionView

    views = await eventually(
        lambda: [w for w in QApplication.topLevelWidgets() if isinstance(w, SessionView) and w.isVisible()],
        "the session window",
    )
    timer = answer_dialogs([True], seen)  # yes, end it
    done = answer_done_screen([None], seen)  # skip the pain rating after, then leave the done screen
    QTest.keyClick(views[0], Qt.Key.Key_Escape)
    return timer, done


def test_safety_notice_once_then_sessions_run(qapp, catalog, tmp_path):
    seen: list[str] = []

    async def scenario():
        controller = make(qapp, catalog, tmp_path / "d")
        await controller.open_store()
        assert controller.history_available
        for _ in range(2):
            first = answer_dialogs([True, False] if not seen else [False], seen)  # notice, pain before
            session = asyncio.ensure_future(controller.start_routine("mobility-trio"))
            ender, done = await _end_visible_session(seen)
            await session
            first.stop()
            ender.stop()
            done.stop()
        stored = await controller.worker.run(controller.worker.history.get_setting, SAFETY_SETTING)
        history = await controller.worker.run(controller.worker.history.export_history)
        await controller.close()
        controller.worker.close()
        controller.window.deleteLater()
        return stored, history

    stored, history = run(qapp, scenario)
    assert stored is True
    assert seen == [
        "Before your first session",
        "Pain before the session",
        "End session",
        "done screen: Pain after the session None",
        "done screen: Esc",
        "Pain before the session",
        "End session",
        "done screen: Pain after the session None",
        "done screen: Esc",
    ]
    assert [s["outcome"] for s in history["sessions"]] == ["ended_early", "ended_early"]


def test_declining_the_safety_notice_starts_nothing(qapp, catalog, tmp_path):
    seen: list[str] = []

    async def scenario():
        controller = make(qapp, catalog, tmp_path / "d")
        await controller.open_store()
        timer = answer_dialogs([False], seen)
        await controller.start_routine("tweaked-back")
        timer.stop()
        stored = await controller.worker.run(controller.worker.history.get_setting, SAFETY_SETTING, False)
        await controller.close()
        controller.worker.close()
        return stored

    assert run(qapp, scenario) is False
    assert seen == ["Before your first session"]


def test_unusable_data_folder_shows_a_dialog_and_keeps_browsing(qapp, catalog, tmp_path):
    bad = tmp_path / "history.sqlite3"
    bad.write_text("not a database")
    folder = tmp_path
    seen: list[str] = []

    async def scenario():
        controller = make(qapp, catalog, folder)
        timer = answer_dialogs([True], seen)
        await controller.open_store()
        timer.stop()
        status = controller.window.statusBar().currentMessage()
        await controller.close()
        controller.worker.close()
        return controller.history_available, status

    available, status = run(qapp, scenario)
    assert available is False
    assert "History is off" in status
    assert seen == ["Upright cannot open its history"]
    assert bad.read_text() == "not a database"
