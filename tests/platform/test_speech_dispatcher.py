"""The voice against the real speech-dispatcher and espeak-ng (see ``tests/speech_dispatcher.py``).

The adapter runs in a child process pointed at the test's own daemons, since
Qt picks its sound outputs and speech engine once per process.
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

# Says each argument with the app's Voice and the system engine, waiting for the engine to
# finish each one; prints the states it went through and any reason the voice gave up.
SPEAK = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QApplication
from desktop.platform.speech import Voice, system_engine

app = QApplication([])
made, states, reasons = [], [], []
def engine(parent):
    made.append(system_engine(parent))
    made[-1].stateChanged.connect(lambda s: (states.append(s.name), finished(s)))
    return made[-1]
voice = Voice(engine_factory=engine)
voice.unavailable.connect(lambda reason: (reasons.append(reason), app.quit()))
phrases = sys.argv[1:]
def finished(state):
    if state == QTextToSpeech.State.Ready and phrases:
        voice.say(phrases.pop(0))
    elif state == QTextToSpeech.State.Ready:
        app.quit()
voice.start()
if not reasons:
    voice.say(phrases.pop(0))
    QTimer.singleShot(30_000, app.quit)
    app.exec()
print(json.dumps({"engine": made[0].engine() if made else None, "states": states, "reasons": reasons}))
"""


def speak(env: dict[str, str], *phrases: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", SPEAK, *phrases],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_the_voice_reaches_espeak_ng_through_speech_dispatcher(speech_dispatcher):
    phrases = ["Breathe in low", "Roll up one bone at a time", "3"]
    result = speak(speech_dispatcher.env, *phrases)
    assert result["reasons"] == [] and result["engine"] == "speechd"
    assert result["states"].count("Speaking") == len(phrases)  # each phrase was spoken to its end
    assert result["states"][-1] == "Ready"
    speech_dispatcher.wait_until(
        lambda: speech_dispatcher.sent() == phrases, "every phrase reached espeak-ng"
    )
    assert speech_dispatcher.queued() == phrases
    assert speech_dispatcher.synthesised() >= len(phrases)  # espeak-ng made sound for them


def test_without_a_sound_output_the_voice_is_off_at_once_and_says_why(speech_dispatcher, tmp_path):
    """speech-dispatcher with no sound output gets stuck on its first message and then blocks
    every caller; the voice must not ask it at all."""
    env = {**speech_dispatcher.env, "PULSE_SERVER": f"unix:{tmp_path / 'nothing-listens-here'}"}
    result = speak(env, "Breathe in low")
    assert result == {
        "engine": None,
        "states": [],
        "reasons": ["No sound on this computer: the session runs silently."],
    }
    assert speech_dispatcher.queued() == []
