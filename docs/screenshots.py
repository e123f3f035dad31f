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
    histories = _history_folders()
    appearance = Appearance(app, "light")
    controller = MainController(catalog, StoreWorker(OUT / "unused"), appearance, Media())
    window = controller.window
    window.resize(1280, 800)
    window.show()
    own = _own_routine(catalog)
    ladder = {"push-up": 1, "superman-back-arch": 1}
    from desktop.app.main_controller import routine_rows
    from desktop.core.intents import Page
    from desktop.core.library import Library
    from desktop.storage.progress_store import Best

    controller.state.library = Library(catalog, (own,))
    controller.routines.set_rows(routine_rows(controller.state.library, ladder))
    controller.exercises.model.set_progress(ladder, {"push-up": Best(26, None), "squat": Best(24, None)})
    for theme in ("light", "dark"):
        appearance.set_choice(theme)
        controller.exercises.show_exercise("reverse-jefferson-curl")
        window.show_page(Page.EXERCISES)
        _save(app, window, f"main-exercises-{theme}")
        controller.exercises.position.setCurrentIndex(controller.exercises.position.findData("supine"))
        controller.exercises.show_exercise("figure-four-stretch")
        _save(app, window, f"main-filtered-{theme}")
        controller.exercises.position.setCurrentIndex(0)
        window.show_page(Page.ROUTINES)
        _save(app, window, f"main-routines-{theme}")
        _save_editor(app, catalog, own, f"routine-editor-{theme}")
        _save_review(app, catalog, f"progress-review-{theme}")
        notice = safety_notice(window, [(f.title, f.advice) for f in catalog.safety])
        notice.show()
        _save(app, notice, f"safety-notice-{theme}")
        notice.close()
        _save_preferences(app, window, theme)
        _save_help(app, window, catalog, theme)
        _save_history(app, appearance, catalog, histories, theme)
        pain = PainDialog("before")
        pain._pick(3)
        pain.show()
        _save(app, pain, f"pain-rating-{theme}")
        pain.close()
    window.close()
    _save_reports(catalog, own, ladder, histories)
    import shutil

    shutil.rmtree(next(iter(histories.values())).parent, ignore_errors=True)  # tmpfs is memory
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
        heading=f"Edit \u201c{routine.name}\u201d",
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


def _history_folders() -> dict[str, Path]:
    """Histories of every size (none, one session, a month, ten years), written through the store's API."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore
    from tests.history_seed import SIZES, seed

    shm = Path("/dev/shm")
    root = Path(tempfile.mkdtemp(dir=shm if shm.is_dir() else None))  # no fsync cost on tmpfs
    folders = {}
    for size in SIZES:
        folders[size] = root / size
        db = open_database(folders[size])
        seed(HistoryStore(db), size)
        db.close()
    return folders


def _aggregates(folder: Path, span: str):
    from datetime import date

    from desktop.core.history import HistoryRange
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore
    from desktop.ui.weeks import first_weekday

    db = open_database(folder)
    store, today = HistoryStore(db), date.today()
    span_days = store.history_range()
    first = HistoryRange(span).first_day(today, span_days[0] if span_days else None)
    data = (
        store.aggregates(first, today, today, first_weekday()),
        store.list_sessions(first, today, 1_000_000),
    )
    db.close()
    return data


NAMES = {
    "mobility-trio": "Mobility trio",
    "posterior-chain": "Posterior-chain strength",
    "busy-morning": "Busy morning",
    "evening-floor": "Evening floor routine",
}
HISTORY_SHOTS = (("empty", "4w"), ("one", "4w"), ("month", "4w"), ("decade", "all"))


def _save_history(app, appearance, catalog, folders, theme: str) -> None:
    """The page at 1280x800, scrolled through: every card, the calendar, the charts, the first sessions."""
    from desktop.core.history import HistoryRange
    from desktop.ui.history_page import HistoryPage

    for size, span in HISTORY_SHOTS:
        aggregates, sessions = _aggregates(folders[size], span)
        page = HistoryPage(appearance.palette)
        page.resize(1280, 800)
        page.ranges.button(list(HistoryRange).index(HistoryRange(span))).setChecked(True)
        page.show()
        page.show_history(aggregates, sessions[:200], NAMES)
        for _ in range(3):
            app.processEvents()
        if page.stack.currentWidget() is page.empty:
            _save(app, page, f"history-{size}-{theme}")
        else:
            content = page.body.widget()
            page.resize(1280, min(2200, content.sizeHint().height() + 140))  # the page, not a long table
            _save(app, page, f"history-{size}-{theme}")
        page.close()


def _save_preferences(app, window, theme: str) -> None:
    from dataclasses import asdict

    from desktop.app.settings_flow import connect_preview
    from desktop.core.breaks import BreakSettings, rules_text
    from desktop.ui.settings_dialog import SettingsDialog

    settings = BreakSettings()
    values = {
        **asdict(settings),
        "autostart": True,
        "theme": "system",
        "sound": True,
        "voice": False,
        "report_name": "Alex Example",
        "report_name_default": "alex",
    }
    from PySide6.QtTest import QTest

    no_sound = "No sound on this computer: the session runs silently."
    for tab, name in ((0, "general"), (1, "reminders"), (1, "problem"), (1, "range"), (0, "no-sound")):
        lacking = {"sound_lacking": no_sound, "voice_lacking": no_sound} if name == "no-sound" else {}
        dialog = SettingsDialog({**values, **lacking}, rules_text(settings), window)
        connect_preview(dialog)
        dialog.tabs.setCurrentIndex(tab)
        if name == "problem":
            dialog.interval.setValue(10)
            dialog.natural.setValue(12)
        dialog.show()
        if name == "range":  # typed over the 30, as a person would: below the least allowed
            dialog.interval.setFocus()
            dialog.interval.selectAll()
            QTest.keyClicks(dialog.interval, "1")
        _save(app, dialog, f"preferences-{name}-{theme}")
        dialog.close()


def _save_help(app, window, catalog, theme: str) -> None:
    from desktop.ui import help_dialogs

    sources = [(s.title, [e.name for e in catalog.exercises if s.file in e.sources]) for s in catalog.sources]
    for name, dialog in (
        ("shortcuts", help_dialogs.shortcuts_dialog(window)),
        ("sources", help_dialogs.sources_dialog(window, sources)),
        ("about", help_dialogs.about_dialog(window, "0.1.0", "~/.local/share/Upright")),
    ):
        dialog.show()
        _save(app, dialog, f"help-{name}-{theme}")
        dialog.close()


def _save_reports(catalog, own, ladder, folders) -> None:
    """The physiotherapist report for a month and for ten years, each page as a PNG (pdftoppm)."""
    import shutil
    import subprocess
    import tempfile

    from desktop.app.report_data import report_routines
    from desktop.core.library import Library
    from desktop.ui.history_report import ReportInput, write_report

    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is missing: report pages not rendered")
        return
    library = Library(catalog, (own,))
    for size, span, period in (("month", "3m", "Last 3 months"), ("decade", "all", "Everything recorded")):
        aggregates, sessions = _aggregates(folders[size], span)
        data = ReportInput(
            "Alex Example",
            period,
            aggregates,
            sessions[:60],
            len(sessions),
            report_routines(catalog, library, ladder, aggregates),
            {**NAMES, **{r.id: r.name for r in library.routines}},
        )
        pdf = Path(tempfile.mkdtemp()) / "report.pdf"
        write_report(pdf, data)
        for old in OUT.glob(f"report-{size}-page-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", str(pdf), str(OUT / f"report-{size}-page")], check=True
        )
        for page in sorted(OUT.glob(f"report-{size}-page-*.png")):
            print(page.relative_to(OUT.parent.parent))


def _save(app, widget, name: str) -> None:
    for _ in range(3):
        app.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(OUT.parent.parent))


if __name__ == "__main__":
    sys.exit(main())
