"""``upright catalog``: the public JSON shape and the readable table."""

import json
import subprocess
import sys

from desktop.cli.main import main

EXERCISE_KEYS = {
    "id",
    "name",
    "sources",
    "position",
    "equipment",
    "why",
    "cues",
    "session_dose",
    "cautions",
    "dosage",
    "load",
    "progressions",
}
DOSAGE_KEYS = {"sets", "reps", "hold_s", "duration_s", "per_day", "per_week", "rest_s", "tempo", "sides"}


def test_catalog_json_shape(capsys):
    assert main(["catalog", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"exercises", "routines"}
    assert len(data["exercises"]) >= 18 and len(data["routines"]) == 6
    for e in data["exercises"]:
        assert set(e) == EXERCISE_KEYS
        assert set(e["dosage"]) <= DOSAGE_KEYS
        for step in e["progressions"]:
            assert {"name", "dosage", "notes"} <= set(step)
    jeff = next(e for e in data["exercises"] if e["id"] == "reverse-jefferson-curl")
    assert jeff["dosage"]["per_day"] == [4, 6] and jeff["dosage"]["reps"] == 10
    assert jeff["load"] == {"start": 3, "max": 15, "unit": "lb"}
    ids = {e["id"] for e in data["exercises"]}
    for r in data["routines"]:
        assert {"id", "name", "items"} <= set(r)
        assert all(item["exercise"] in ids for item in r["items"])


def test_catalog_table(capsys):
    assert main(["catalog"]) == 0
    out = capsys.readouterr().out
    assert "Reverse hyperextension" in out and "2\u20133 \u00d7 8\u201320" in out
    assert "stand-and-extend" in out
    assert "reverse-hyperextension" in out  # the ids routine files need
    assert "How to Fix Lower Back Pain" in out  # sources by title


def test_catalog_command_does_not_load_qt_or_the_orm():
    code = (
        "import sys; from desktop.cli.main import main; main(['catalog', '--json']);"
        "print([m for m in ('PySide6', 'sqlalchemy') if m in sys.modules], file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip().endswith("[]")


def test_python_m_desktop_is_the_same_command():
    out = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("Upright ")
