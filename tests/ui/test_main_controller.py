"""The main window's wiring: the store opens after paint, the safety notice shows once."""

from desktop.app.main_controller import SAFETY_SETTING, MainController
from desktop.app.store_worker import StoreWorker
from desktop.ui.appearance import Appearance
from tests.app_helpers import answer_dialogs, run


def make(qapp, catalog, data_dir):
    return MainController(catalog, StoreWorker(data_dir), Appearance(qapp, "light"))


def test_safety_notice_once_then_preview(qapp, catalog, tmp_path):
    seen: list[str] = []

    async def scenario():
        controller = make(qapp, catalog, tmp_path / "d")
        await controller.open_store()
        assert controller.history_available
        timer = answer_dialogs([True, True, True], seen)
        await controller.start_routine("mobility-trio")
        await controller.start_routine("mobility-trio")
        timer.stop()
        stored = await controller.worker.call("get_setting", SAFETY_SETTING)
        await controller.close()
        controller.window.deleteLater()
        return stored

    assert run(qapp, scenario) is True
    assert seen == ["Before your first session", "Mobility trio", "Mobility trio"]


def test_declining_the_safety_notice_starts_nothing(qapp, catalog, tmp_path):
    seen: list[str] = []

    async def scenario():
        controller = make(qapp, catalog, tmp_path / "d")
        await controller.open_store()
        timer = answer_dialogs([False], seen)
        await controller.start_routine("tweaked-back")
        timer.stop()
        stored = await controller.worker.call("get_setting", SAFETY_SETTING, False)
        await controller.close()
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
        return controller.history_available, status

    available, status = run(qapp, scenario)
    assert available is False
    assert "History is off" in status
    assert seen == ["Upright cannot open its history"]
    assert bad.read_text() == "not a database"
