"""No session text is clipped or overlapping, from the minimum size to 4K, at scale 1, 1.5 and 2.

Each scale factor needs its own Qt process; the probe renders every state of every shipped
routine (and the longest name, paused, and the done screen) and measures each label's text
against its geometry, and the cue, figure, phase and timer against each other.
"""

import json
import os
import subprocess
import sys

import pytest

from desktop.ui.session_view import MIN_SIZE
from tests.conftest import ROOT


@pytest.mark.slow
@pytest.mark.parametrize("scale", ["1", "1.5", "2"])
def test_session_text_fits_at_every_size_and_scale(scale):
    four_k = f"{int(3840 / float(scale))}x{int(2160 / float(scale))}"  # a 4K screen, full
    sizes = [f"{MIN_SIZE[0]}x{MIN_SIZE[1]}", "1280x720", "1920x1080", four_k]
    env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.session_layout_probe", *sizes],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    problems = json.loads(done.stdout.strip().splitlines()[-1])
    assert problems == []
