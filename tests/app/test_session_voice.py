"""A real session speaks each phase's cue as the phase begins, to the real speech-dispatcher.

A child process (Qt finds sound outputs and speech engines once per process)
runs a short session at 4x speed with the app's own Voice, pointed at the
test's speech-dispatcher (``tests/speech_dispatcher.py``). At each RepPhase it
notes which of the voice's phrases belongs to that phase and, once the screen
has been redrawn, the cue the screen shows. The test then holds the engine's
own log against both: the engine received every phrase in order, and the one
for each phase is the cue on screen for it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

SESSION = r"""
import json
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication
from desktop.app.loop import run_on_qt_loop
from desktop.app.session_controller import SessionController
from desktop.content.catalog_loader import load_catalog
from desktop.core.catalog import Dosage, Range, Routine, RoutineItem
from desktop.core.session_events import RepPhase
from desktop.platform.speech import Voice
from desktop.ui.theme import LIGHT

class Silent(QObject):
    enabled_changed = Signal(bool)
    enabled, available = True, True
    def set_enabled(self, enabled): self.enabled = enabled
    def play(self, name): pass

class RecordingVoice(Voice):
    def __init__(self):
        super().__init__()
        self.said, self.reasons = [], []
        self.unavailable.connect(self.reasons.append)
    def say(self, text):
        if self.enabled:
            self.said.append(text)
        super().say(text)

app = QApplication([])
catalog = load_catalog()
one = dict(sets=Range(1, 1), reps=Range(2, 2), rest_s=Range(2, 2))
routine = Routine("voice", "Voice check", "Two paced moves.", (), (
    RoutineItem("open-book-rotation", Dosage(**one, tempo={"open": 2, "close": 2})),
    RoutineItem("segmental-bridge", Dosage(**one, tempo={"roll-up": 2, "top": 1, "roll-down": 2})),
))
voice = RecordingVoice()
voice.start()
phases = []

async def main():
    controller = SessionController(catalog, routine, worker=None, palette=LIGHT, sound=Silent(),
                                   voice=voice, speed=4.0, auto=True)
    shown = controller.view.cues.cue

    def on_event(event):
        if isinstance(event, RepPhase):  # the controller, subscribed first, has just spoken
            entry = {"phase": event.phase, "side": event.side, "rep": event.rep, "said": len(voice.said) - 1}
            phases.append(entry)
            QTimer.singleShot(0, lambda: entry.update(shown=shown.text()))  # after the redraw

    controller.engine.subscribe(on_event)
    outcome = await controller.run()
    print(json.dumps({"outcome": outcome, "said": voice.said, "phases": phases, "reasons": voice.reasons}))
    return 0

raise SystemExit(run_on_qt_loop(app, main))
"""


def test_each_phase_speaks_the_cue_on_screen(speech_dispatcher):
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", SESSION],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **speech_dispatcher.env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["outcome"] == "completed" and result["reasons"] == []
    said, phases = result["said"], result["phases"]
    # every phase of every rep, in the author's order
    sides = {p["side"] for p in phases if p["phase"] in ("open", "close")}
    expected = ["open", "close"] * 2 * max(len(sides), 1) + ["roll-up", "top", "roll-down"] * 2
    assert [p["phase"] for p in phases] == expected
    for phase in phases:
        assert phase["shown"], phase  # a cue is on screen for the phase
        assert said[phase["said"]] == phase["shown"], phase  # and it is what the voice said
    # The engine received everything the voice said, in order: each phase's cue at its start.
    speech_dispatcher.wait_until(lambda: len(speech_dispatcher.queued()) >= len(said), "every phrase queued")
    assert speech_dispatcher.queued() == said
