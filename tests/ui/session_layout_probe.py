"""Renders the session view in every state at a window size and reports clipped or overlapping text.

Run in its own process (``python -m tests.ui.session_layout_probe``) because the scale factor
(QT_SCALE_FACTOR) only takes effect when Qt starts. Prints one JSON list of problems.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def label_problems(view, where: str) -> list[str]:
    """Clipped or overlapping text, by the same rules as every other screen's check."""
    from tests.ui.layout_checks import clipped, overlapping

    return [f"{where}: {problem}" for problem in clipped(view) + overlapping(view)]


def room_problems(view, where: str) -> list[str]:
    """The window squeezed below what its layout needs: something is cut or on top of something."""
    need = view.minimumSizeHint()
    if need.width() > view.width() or need.height() > view.height():
        return [
            f"{where}: the layout needs {need.width()}x{need.height()}, has {view.width()}x{view.height()}"
        ]
    return []


def overlap_problems(view, where: str) -> list[str]:
    """The session's own parts, text or not: the figure, the cue, the phase word and the timer."""
    from PySide6.QtCore import QRect

    def box(widget):
        return QRect(widget.mapTo(view, widget.rect().topLeft()), widget.size())

    parts = {
        "cue": view.cues.cue,
        "figure": view.cues.art,
        "timer": view.dial,
        "phase": view.phase,
        "title": view.title,
        "next": view.next,
    }
    problems = []
    names = list(parts)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            wa, wb = parts[a], parts[b]
            if wa.isVisibleTo(view) and wb.isVisibleTo(view) and box(wa).intersects(box(wb)):
                problems.append(f"{where}: {a} overlaps {b}")
    return problems


def settle(app) -> None:
    """Let layouts that changed with the text (a longer button label) finish their passes."""
    for _ in range(4):
        app.processEvents()


def main(width: int, height: int) -> list[str]:
    from PySide6.QtWidgets import QApplication

    from desktop.app.session_controller import SessionController  # noqa: F401  (imports the app's Qt bits)
    from desktop.content.catalog_cache import shipped_poses
    from desktop.content.catalog_loader import load_catalog
    from desktop.core.intents import SessionIntent
    from desktop.ui.appearance import Appearance
    from desktop.ui.session_view import MIN_SIZE, SessionView

    app = QApplication.instance() or QApplication([])
    Appearance(app, "light")
    catalog = load_catalog()
    view = SessionView(poses=shipped_poses())
    # As the app sizes it: an explicit minimum, so a layout that needs more is squeezed (and caught).
    view.setMinimumSize(*MIN_SIZE)
    view.resize(width, height)
    view.show()
    settle(app)
    problems: list[str] = []
    for missing in (False, True):  # the toggles as "Sound on", and as a machine with neither says
        if missing:
            view.show_missing(SessionIntent.MUTE, "No sound device")
            view.show_missing(SessionIntent.VOICE, "No speech")
            view.notify("No sound device was found: the session runs silent.")
        problems += session_problems(app, view, catalog, width, height, missing)
    view.close_for_good()
    return problems


def session_problems(app, view, catalog, width: int, height: int, missing: bool) -> list[str]:
    from dataclasses import replace

    from desktop.core.clock import FakeClock
    from desktop.core.plan import expand
    from desktop.core.session import SessionEngine
    from desktop.core.session_display import Summary, display

    problems: list[str] = []
    width_tag = f"{width}x{height}{' no sound' if missing else ''}"
    longest = max(catalog.exercises, key=lambda e: len(e.name))
    for routine in catalog.routines:
        clock = FakeClock(0)
        engine = SessionEngine(expand(catalog, routine), clock)
        engine.start()
        seen_kinds = set()
        for _ in range(400):
            if engine.finished:
                break
            state = engine.state(clock())
            d = display(state, catalog, engine.awaits_reps)
            key = (d.kind, d.cue, d.phase[:3])
            if key not in seen_kinds:
                seen_kinds.add(key)
                view.present(d)
                settle(app)
                where = f"{width_tag} {routine.id} {d.kind} {d.phase!r}"
                problems += label_problems(view, where) + overlap_problems(view, where)
                problems += room_problems(view, where)
            if engine.awaits_reps:
                engine.set_done()
            clock.advance(0.5 if state.step.kind == "work" and state.step.tempo else 60)
            engine.poll()
    # The longest name with a ladder subtitle, paused, and the done screen after ending early.
    clock = FakeClock(0)
    engine = SessionEngine(expand(catalog, catalog.routine("posterior-chain")), clock)
    engine.start()
    d = display(engine.state(clock()), catalog, False, {"reverse-jefferson-curl": 2})
    view.present(
        replace(d, title=longest.name, subtitle="Step 3 of 3: Weighted backpack, a long subtitle here")
    )
    settle(app)
    problems += label_problems(view, f"{width_tag} longest name")
    if view.title.text() != longest.name:
        problems.append("the exercise name was shortened")
    engine.pause()
    view.present(display(engine.state(clock()), catalog, False))
    settle(app)
    problems += label_problems(view, f"{width_tag} paused")
    engine.end()
    view.present(display(engine.state(clock()), catalog, False, summary=Summary("ended_early", 12, 3, 1500)))
    settle(app)
    problems += label_problems(view, f"{width_tag} done")
    # The done screen asking the pain rating beside the summary, in the timer's place.
    from desktop.ui.pain_dialog import PainDialog

    view.ask(PainDialog("after"))
    settle(app)
    problems += label_problems(view, f"{width_tag} done, asking") + room_problems(view, f"{width_tag} asking")
    view.end_question()
    settle(app)
    return problems


if __name__ == "__main__":
    sizes = [tuple(int(v) for v in arg.split("x")) for arg in sys.argv[1:]]
    print(json.dumps([problem for w, h in sizes for problem in main(w, h)]))
