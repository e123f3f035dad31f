"""Renders every state of a session, in both themes, into docs/screenshots/session-*.png.

    python docs/session_screenshots.py [--size 1280x720]

The real session controller drives the real view; only the clock is fake, so
each picture is the screen at a chosen instant: get ready, each phase of a
paced rep, a hold, rest showing what comes next, a side switch, paused, and
the done screen after ending early, asking how the back is now beside its summary.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
OUT = Path(__file__).resolve().parent / "screenshots"


class Silent:
    """Sound and voice that only remember what they would have said."""

    enabled = True

    def __init__(self) -> None:
        self.heard: list[str] = []

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled

    def play(self, name: str) -> None:
        self.heard.append(name)

    def say(self, text: str) -> None:
        self.heard.append(text)


# (file name, routine, ladder, what to do before the picture)
MOMENTS = (
    ("get-ready", "posterior-chain", {}, [("wait", 1.2)]),
    ("get-ready-left-side", "mobility-trio", {}, [("wait", 1.2)]),
    ("work-left-side", "mobility-trio", {}, [("skip", 1), ("wait", 2.5)]),
    ("work-phase-lift", "posterior-chain", {}, [("skip", 1), ("wait", 0.9)]),
    ("work-phase-lower", "posterior-chain", {}, [("skip", 1), ("wait", 3.2)]),
    ("rest-next", "posterior-chain", {}, [("skip", 2), ("wait", 21)]),
    ("work-hold", "mobility-trio", {}, [("until", "figure-four-stretch"), ("wait", 4)]),
    ("side-switch", "mobility-trio", {}, [("until_switch", 1), ("wait", 1)]),
    (
        "work-ladder-step1",
        "posterior-chain",
        {"reverse-jefferson-curl": 0},
        [("until", "reverse-jefferson-curl"), ("wait", 1.5)],
    ),
    ("work-alternate", "tweaked-back", {}, [("until", "supine-marching"), ("wait", 5)]),
    ("paused", "tweaked-back", {}, [("skip", 1), ("wait", 4), ("pause", 1)]),
    ("done-ended-early", "tweaked-back", {}, [("skip", 1), ("wait", 14), ("end", 1)]),
    ("done-asks-pain", "tweaked-back", {}, [("skip", 1), ("wait", 14), ("end", 1), ("ask", 1)]),
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from desktop.app.session_controller import SessionController
    from desktop.content.catalog_loader import load_catalog
    from desktop.core.clock import FakeClock
    from desktop.core.history import PainMoment
    from desktop.ui.appearance import Appearance
    from desktop.ui.pain_dialog import PainDialog

    catalog = load_catalog()
    appearance = Appearance(app, "light")
    args.out.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        appearance.set_choice(theme)
        for name, routine_id, ladder, script in MOMENTS:
            clock = FakeClock(0)
            c = SessionController(
                catalog,
                catalog.routine(routine_id),
                worker=None,
                palette=appearance.palette,
                sound=Silent(),
                voice=Silent(),
                base_clock=clock,
                ladder=ladder,
            )
            c.view.resize(width, height)
            c.view.setWindowTitle(f"{catalog.routine(routine_id).name} \u2014 Upright")
            c.view.show()
            c.engine.start()
            for action, value in script:
                if action == "skip":
                    for _ in range(int(value)):
                        c.engine.skip()
                elif action == "until":
                    while c.engine.step.exercise_id != value or c.engine.step.kind != "work":
                        c.engine.skip()
                elif action == "until_switch":
                    while c.engine.step.kind != "side_switch":
                        c.engine.skip()
                elif action == "wait":
                    clock.advance(float(value))
                    c.engine.poll()
                elif action == "pause":
                    c.engine.pause()
                elif action == "end":
                    c.engine.end()
            c._refresh()
            if script[-1][0] == "ask":  # the question the controller asks on the done screen
                question = PainDialog(PainMoment.AFTER, room=c.view.dial.width())
                c.view.ask(question)
                question.open()
            for _ in range(3):
                app.processEvents()
            path = args.out / f"session-{name}-{theme}.png"
            c.view.grab().save(str(path))
            print(path)
            c.timer.stop()
            c.view.close_for_good()
    return 0


if __name__ == "__main__":
    sys.exit(main())
