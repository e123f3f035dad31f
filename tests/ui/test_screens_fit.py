"""Every page and dialog fits a 1280x720 screen at 100 % and at 200 %, at its first size and its minimum.

Each scale runs in its own process (``QT_SCALE_FACTOR`` is read at start-up)
on an offscreen screen of 1280x720 device pixels, so 200 % leaves 640x360
logical pixels. Nothing may open larger than the screen's work area, no
label or button may be cut, and no two pieces of text may cover each other.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.history_seed import seed

ROOT = Path(__file__).resolve().parents[2]
SCREEN = {
    "screens": [{"name": "s", "x": 0, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96, "dpr": 1}]
}


@pytest.fixture(scope="module")
def month(tmp_path_factory) -> Path:
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    folder = tmp_path_factory.mktemp("month")
    db = open_database(folder)
    seed(HistoryStore(db), "month")
    db.close()
    return folder


@pytest.mark.parametrize("scale", ["1", "2"])
def test_every_screen_fits_without_clipping_or_overlap(scale, month, tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(ROOT),
    }
    out = subprocess.run(
        [sys.executable, "-m", "tests.ui.fit_probe", str(month)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    screens = json.loads(out.stdout)
    assert {"exercises-first", "history-minimum", "preferences-reminders", "pain", "about"} <= set(screens)
    logical = (1280 // int(scale), 720 // int(scale))
    problems = {
        name: result
        for name, result in screens.items()
        if not result["fits"] or result["clipped"] or result["overlapping"]
    }
    assert problems == {}, f"at {logical[0]}x{logical[1]} logical px"
    window = screens["exercises-first"]["size"]
    assert window[0] <= logical[0] and window[1] <= logical[1]
    if scale == "1":  # at 100 % even the smallest window shows every page without scrolling sideways
        assert not any(
            screens[f"{page}-minimum"]["sideways"] for page in ("exercises", "routines", "history")
        )
