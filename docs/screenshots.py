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
    from desktop.app.main_controller import MainController, routine_rows
    from desktop.app.store_worker import StoreWorker
    from desktop.content.catalog_loader import load_catalog
    from desktop.core import dosage_text, plan
    from desktop.core.plan_text import step_detail, step_title
    from desktop.ui.appearance import Appearance
    from desktop.ui.dialogs import safety_notice, session_preview

    catalog = load_catalog()
    OUT.mkdir(exist_ok=True)
    appearance = Appearance(app, "light")
    controller = MainController(catalog, StoreWorker(OUT / "unused"), appearance)
    window = controller.window
    window.resize(1280, 800)
    window.show()
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
        notice = safety_notice(window, [(f.title, f.advice) for f in catalog.safety])
        notice.show()
        _save(app, notice, f"safety-notice-{theme}")
        notice.close()
        routine = catalog.routine("tweaked-back")
        rows = [(step_title(s, catalog), step_detail(s)) for s in plan.expand(catalog, routine)]
        preview = session_preview(window, routine.name,
                                  dosage_text.about(plan.estimate_s(catalog, routine)), rows)
        preview.show()
        _save(app, preview, f"session-preview-{theme}")
        preview.close()
    assert routine_rows(catalog)
    window.close()
    return 0


def _save(app, widget, name: str) -> None:
    for _ in range(3):
        app.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(OUT.parent.parent))


if __name__ == "__main__":
    sys.exit(main())
