"""Render the screens into docs/screenshots/ in both themes.

Run under a real X server (``xvfb-run python docs/screenshots.py``) or
offscreen (``QT_QPA_PLATFORM=offscreen``); it builds the same widgets the
app shows, fed with the shipped catalog, and saves one PNG per screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    app = QApplication(sys.argv[:1])
    import desktop.ui.resources_rc  # noqa: F401
    from desktop.app.main_controller import MainController
    from desktop.app.media import Media
    from desktop.app.store_worker import StoreWorker
    from desktop.content.catalog_loader import load_catalog
    from desktop.ui.appearance import Appearance
    from desktop.ui.dialogs import safety_notice
    from desktop.ui.pain_dialog import PainDialog

    catalog = load_catalog()
    OUT.mkdir(exist_ok=True)
    history = _history_data(catalog)
    appearance = Appearance(app, "light")
    controller = MainController(catalog, StoreWorker(OUT / "unused"), appearance, Media())
    window = controller.window
    window.resize(1280, 800)
    window.show()
    own = _own_routine(catalog)
    ladder = {"push-up": 1, "superman-back-arch": 1}
    from desktop.app.main_controller import routine_rows
    from desktop.core.library import Library
    from desktop.storage.progress_store import Best

    controller.library = Library(catalog, (own,))
    controller.routines.set_rows(routine_rows(controller.library, ladder))
    controller.exercises.model.set_progress(ladder, {"push-up": Best(26, None), "squat": Best(24, None)})
    for theme in ("light", "dark"):
        appearance.set_choice(theme)
        controller.exercises.show_exercise("reverse-jefferson-curl")
        window.show_page(0)
        _save(app, window, f"main-exercises-{theme}")
        controller.exercises.position.setCurrentIndex(controller.exercises.position.findData("supine"))
        controller.exercises.show_exercise("figure-four-stretch")
        _save(app, window, f"main-filtered-{theme}")
        controller.exercises.position.setCurrentIndex(0)
        window.show_page(1)
        _save(app, window, f"main-routines-{theme}")
        _save_editor(app, catalog, own, f"routine-editor-{theme}")
        _save_review(app, catalog, f"progress-review-{theme}")
        notice = safety_notice(window, [(f.title, f.advice) for f in catalog.safety])
        notice.show()
        _save(app, notice, f"safety-notice-{theme}")
        notice.close()
        from dataclasses import asdict

        from desktop.core.break_settings import rules_text
        from desktop.core.breaks import BreakSettings
        from desktop.ui.settings_dialog import SettingsDialog

        settings = BreakSettings()
        dialog = SettingsDialog(
            {**asdict(settings), "autostart": True, "theme": "system"}, rules_text(settings)
        )
        dialog.show()
        _save(app, dialog, f"settings-{theme}")
        dialog.close()
        from desktop.ui.history_page import HistoryPage

        page = HistoryPage(appearance.palette)
        page.resize(1280, 900)
        page.ranges.button(1).setChecked(True)
        page.show_history(*history)
        page.show()
        _save(app, page, f"history-{theme}")
        page.close()
        pain = PainDialog("before")
        pain._pick(3)
        pain.show()
        _save(app, pain, f"pain-rating-{theme}")
        pain.close()
    window.close()
    # Every state of a session, both themes: docs/session_screenshots.py.
    return 0


def _own_routine(catalog):
    """A shortened copy of a template, as someone in a hurry would make."""
    from dataclasses import replace

    from desktop.core.catalog import Range
    from desktop.core.routine_edit import as_copy, set_override

    template = catalog.routine("tweaked-back")
    mine = as_copy(template, {r.id for r in catalog.routines}, "Busy morning")
    mine = replace(
        mine,
        description="Breathing, cat/cow and rocking: my short version for busy mornings.",
        items=mine.items[:3],
    )
    return set_override(mine, 1, "reps", Range(6, 6))


def _save_editor(app, catalog, routine, name: str) -> None:
    from desktop.core import dosage_text, plan
    from desktop.ui.routine_editor import RoutineEditor

    editor = RoutineEditor(
        routine,
        [(e.id, e.name) for e in catalog.exercises],
        catalog,
        lambda r: "about " + dosage_text.about(plan.estimate_s(catalog, r)),
    )
    editor.resize(1080, 720)
    editor.show()
    editor.items.setCurrentIndex(editor.model.index(1, 0))
    _save(app, editor, name)
    editor.close()


def _save_review(app, catalog, name: str) -> None:
    from desktop.core.progression import SessionEvidence, suggestions
    from desktop.ui.progress_dialog import ProgressDialog

    steady = [SessionEvidence(n, 2, 2) for n in range(3)]
    evidence = {"push-up": steady, "sit-up": steady[:1], "squat": steady}
    names = {e.id: e.name for e in catalog.exercises}
    dialog = ProgressDialog(
        [(e, names[e]) for e in evidence],
        lambda marked: suggestions(catalog, {"squat": 1}, evidence, marked),
        names,
    )
    dialog.marks["squat"].setChecked(True)
    dialog.show()
    _save(app, dialog, name)
    dialog.close()


def _history_data(catalog):
    """A year of synthetic history (the benchmark's generator), aggregated as the app does."""
    import tempfile
    from datetime import date, timedelta

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from history import make_history

    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    folder = Path(tempfile.mkdtemp())
    make_history(folder, 1.0)
    db = open_database(folder)
    store, today = HistoryStore(db), date.today()
    first = today - timedelta(days=91)  # the 3-month range
    data = (
        store.aggregates(first, today, today),
        store.list_sessions(first, today),
        {r.id: r.name for r in catalog.routines},
    )
    db.close()
    return data


def _save(app, widget, name: str) -> None:
    for _ in range(3):
        app.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(OUT.parent.parent))


if __name__ == "__main__":
    sys.exit(main())
