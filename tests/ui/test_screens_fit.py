"""Every page and dialog fits its screen at 100 % and at 200 %, at its first size, its minimum
and maximised, with names as long as a person may type them.

Each screen runs in its own process (``QT_SCALE_FACTOR`` is read at start-up) on an offscreen
screen: 1280x720 at 100 % and 200 % (640x360 logical pixels), and 1600x1000 at 200 % (800x500),
where a tester found Start buttons cut to a stub, "Customise" read "Cust", the search field
"Sear..." and the filters "Any positior". Nothing may open larger than the screen's work area,
no label, button, field or choice may be cut (by its own size or by a scroll area it does not
fit), no two pieces of text may cover each other, nothing inside a page may scroll sideways,
and the exercise cards fill their row instead of leaving a gap wider than a card.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.history_seed import _session as record_session
from tests.history_seed import seed
from tests.ui.fit_probe import LONG_NAME, UNBROKEN_NAME

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def month(tmp_path_factory) -> Path:
    """A month of history, two of its sessions from routines with the longest names there are."""
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    folder = tmp_path_factory.mktemp("month")
    db = open_database(folder)
    store = HistoryStore(db)
    seed(store, "month")
    for back, routine in enumerate((("long", LONG_NAME), ("unbroken", UNBROKEN_NAME))):
        # With sets, so they count in the minutes chart and its legend names them.
        record_session(store, datetime.now(UTC) - timedelta(days=back + 1, hours=2), routine, 2, pain=None)
    db.close()
    return folder


def probe(width: int, height: int, scale: str, data: Path, tmp_path: Path) -> dict:
    config = tmp_path / "screen.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(ROOT),
    }
    out = subprocess.run(
        [sys.executable, "-m", "tests.ui.fit_probe", str(data)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.parametrize(
    ("width", "height", "scale"), [(1280, 720, "1"), (1280, 720, "2"), (1600, 1000, "2")]
)
def test_every_screen_fits_without_clipping_or_overlap(width, height, scale, month, tmp_path):
    screens = probe(width, height, scale, month, tmp_path)
    expected = {"exercises-first", "routines-long-minimum", "history-maximised", "routine-editor-unbroken"}
    assert expected | {"preferences-reminders", "pain", "about"} <= set(screens)
    logical = (width // int(scale), height // int(scale))
    for result in screens.values():
        if logical[0] < 760:  # 640 px: the table of sessions may scroll its number columns sideways
            result["inner_sideways"] = [s for s in result["inner_sideways"] if "SessionTable" not in s]
    problems = {
        name: {key: result[key] for key in ("fits", "clipped", "overlapping", "inner_sideways")}
        for name, result in screens.items()
        if not result["fits"] or result["clipped"] or result["overlapping"] or result["inner_sideways"]
    }
    assert problems == {}, f"at {logical[0]}x{logical[1]} logical px"
    window = screens["exercises-first"]["size"]
    assert window[0] <= logical[0] and window[1] <= logical[1]
    # Every page shows without scrolling sideways, even at 640 px (the exercise details go under the cards).
    assert not [name for name, result in screens.items() if result.get("sideways")]
    assert screens["exercises-minimum"]["cards"]["stacked"] == (logical[0] < 760)
    if (
        logical[1] >= 480
    ):  # and up and down only below the smallest window (never two scroll bars side by side)
        assert not {name: result["down"] for name, result in screens.items() if result.get("down")}


@pytest.mark.parametrize(("width", "height", "scale"), [(1280, 720, "1"), (1600, 1000, "1")])
def test_cards_fill_the_row_at_every_window_size(width, height, scale, month, tmp_path):
    """Maximised, the cards take more columns (or wider ones) instead of leaving a gap."""
    screens = probe(width, height, scale, month, tmp_path)
    grids = {label: screens[f"exercises-{label}"]["cards"] for label in ("minimum", "first", "maximised")}
    for label, grid in grids.items():
        # What is left at the row's end: the pixel QListView keeps and the rounding of the division.
        assert grid["gap"] <= grid["columns"], (label, grid)
        assert grid["cell"] * grid["columns"] < grid["viewport"], (label, grid)
    assert grids["maximised"]["viewport"] > grids["minimum"]["viewport"]
    assert grids["maximised"]["columns"] >= grids["minimum"]["columns"] + 1
