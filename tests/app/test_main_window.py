"""The whole main window: sections by keyboard, names on every control."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

from desktop.app.main_controller import MainController, routine_rows
from desktop.app.media import Media
from desktop.app.store_worker import StoreWorker
from desktop.core.library import Library
from desktop.ui.appearance import Appearance


def test_ctrl_number_switches_sections(qtbot, qapp, catalog, tmp_path):
    controller = MainController(catalog, StoreWorker(tmp_path), Appearance(qapp, "dark"), Media())
    window = controller.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: qapp.activeWindow() is window)
    assert window.stack.currentWidget() is controller.exercises
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is controller.routines
    assert window.nav_buttons.checkedId() == 1
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is controller.exercises
    controls = (
        window.findChildren(QAbstractButton) + window.findChildren(QComboBox) + window.findChildren(QLineEdit)
    )
    unnamed = [
        w
        for w in controls
        if not (w.accessibleName() or w.text() if isinstance(w, QAbstractButton) else w.accessibleName())
    ]
    assert unnamed == []


def test_start_buttons_emit_the_routine_id(qtbot, catalog):
    from desktop.ui.routines_page import RoutinesPage

    rows = routine_rows(Library(catalog))
    page = RoutinesPage(rows)
    qtbot.addWidget(page)
    card = page.cards[2]
    with qtbot.waitSignal(page.action_requested) as signal:
        qtbot.mouseClick(card.start, Qt.MouseButton.LeftButton)
    assert signal.args == ["start", catalog.routines[2].id]
    with qtbot.waitSignal(page.action_requested) as signal:
        qtbot.mouseClick(card.edit, Qt.MouseButton.LeftButton)
    assert signal.args == ["edit", catalog.routines[2].id] and card.edit.text() == "Customise"
    assert card.start.accessibleName() == f"Start {catalog.routines[2].name}"
    assert all(row.estimate.startswith("about ") and not row.own for row in rows)
    # A template has no Delete; the person's own routine has.
    assert [a.text() for a in card.more.menu().actions()] == ["Duplicate", "Export\u2026"]


def test_first_screen_does_not_load_charts_multimedia_or_the_orm():
    import subprocess
    import sys

    code = (
        "import sys; import desktop.app.gui, desktop.app.shell, desktop.app.main_controller;"
        "print(sorted(m for m in ('PySide6.QtCharts', 'PySide6.QtMultimedia', 'PySide6.QtTextToSpeech',"
        " 'sqlalchemy', 'alembic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_menus_follow_desktop_conventions(qtbot, qapp, catalog, tmp_path):
    quits = []
    controller = MainController(
        catalog, StoreWorker(tmp_path), Appearance(qapp, "light"), Media(), quit_app=lambda: quits.append(1)
    )
    window = controller.window
    qtbot.addWidget(window)
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Help"]
    keys = {name: action.shortcut().toString() for name, action in controller.actions.items()}
    assert keys["quit"] == "Ctrl+Q" and keys["preferences"] == "Ctrl+," and keys["new"] == "Ctrl+N"
    assert keys["shortcuts"] == "F1" and keys["fullscreen"] == "F11" and keys["page-2"] == "Ctrl+3"
    titles = [controller.actions[f"source-{s.file[:3]}"].text() for s in catalog.sources]
    assert titles == [s.title for s in catalog.sources] and not any("Source 0" in t for t in titles)
    controller.actions["quit"].trigger()
    assert quits == [1]


def test_preferences_from_the_edit_menu_open_the_one_dialog(qtbot, qapp, catalog, tmp_path, monkeypatch):
    from desktop.app import modal
    from tests.app_helpers import run

    seen = []

    async def answer(dialog):
        seen.append(dialog)
        return False  # cancelled: nothing saved

    monkeypatch.setattr(modal, "answer", answer)

    async def scenario():
        controller = MainController(catalog, StoreWorker(tmp_path), Appearance(qapp, "light"), Media())
        await controller.open_preferences()
        controller.worker.close()
        controller.window.deleteLater()

    run(qapp, scenario)
    [dialog] = seen
    assert type(dialog).__name__ == "SettingsDialog" and dialog.windowTitle() == "Preferences"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["General", "Break reminders"]


def test_what_the_machine_lacks_is_said_once_and_stays_in_the_status_bar(qtbot, qapp, catalog, tmp_path):
    from desktop.app.media import Missing

    media = Media()
    controller = MainController(catalog, StoreWorker(tmp_path), Appearance(qapp, "light"), media)
    window = controller.window
    qtbot.addWidget(window)
    no_tray = "There is no system tray on this desktop, so reminders appear in Upright's window instead."
    no_sound = "No sound on this computer: the session runs silently."
    media.missing(Missing.SYSTEM_BUS, "logind did not answer")  # only logged
    assert window._lacking is None and window.statusBar().currentMessage() == ""
    media.missing(Missing.TRAY, no_tray)
    media.missing(Missing.SOUND, no_sound)
    media.missing(Missing.VOICE, no_sound)
    assert window.statusBar().currentMessage() == no_sound  # each said once, as it was found
    assert window._lacking.text() == "No tray \u00b7 No sound \u00b7 No voice"
    assert window._lacking.toolTip() == f"{no_tray}\n{no_sound}"
