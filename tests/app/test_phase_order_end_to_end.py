"""The author's phase order survives every path a routine takes: import (JSON and TOML, with
the real ``upright import``), customising a template in the editor and saving it, export
(``upright export-routine`` to JSON and TOML), importing the exports again, and the session.

Every phase list here is out of alphabetical order on purpose: sorting anywhere shows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from desktop.content.routine_validation import field_text
from desktop.core.clock import FakeClock
from desktop.core.plan import expand
from desktop.core.session import SessionEngine
from desktop.core.session_events import RepPhase
from desktop.storage.database import open_database
from desktop.storage.routine_store import RoutineStore
from tests.app.test_routine_actions import dispose, edit_when_open, make, retype
from tests.app_helpers import run

ROOT = Path(__file__).resolve().parents[2]

# exercise -> phases in the order the author wrote them (none of them sorted)
JSON_PHASES = {"open-book-rotation": ["open", "close"], "segmental-bridge": ["roll-up", "top", "roll-down"]}
TOML_PHASES = {"cat-cow": ["cow", "cat"], "reverse-jefferson-curl": ["lean-back", "hold", "return"]}
EDITED_TEXT = "Open 5, hold 1, close 3"  # typed into the editor for the open book
EDITED_PHASES = ["open", "hold", "close"]


def upright(data: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def write_json(path: Path) -> Path:
    items = [{"exercise": e, "reps": 2, "tempo": {p: 1 for p in phases}} for e, phases in JSON_PHASES.items()]
    routine = {"id": "from-json", "name": "From JSON", "description": "Phases as written.", "items": items}
    path.write_text(json.dumps({"format": "upright-routine", "version": 1, "routine": routine}))
    return path


def write_toml(path: Path) -> Path:
    lines = [
        'format = "upright-routine"',
        "version = 1",
        "[routine]",
        'id = "from-toml"',
        'name = "From TOML"',
        'description = "Phases as written."',
    ]
    for exercise, phases in TOML_PHASES.items():
        tempo = ", ".join(f"{p} = 1" for p in phases)
        lines += ["[[routine.items]]", f'exercise = "{exercise}"', "reps = 2", f"tempo = {{ {tempo} }}"]
    path.write_text("\n".join(lines) + "\n")
    return path


def phases_in_file(path: Path) -> dict[str, list[str]]:
    """exercise -> phases, in the order the exported file lists them."""
    data = tomllib.loads(path.read_text()) if path.suffix == ".toml" else json.loads(path.read_text())
    return {i["exercise"]: list(i["tempo"]) for i in data["routine"]["items"] if "tempo" in i}


def phases_in_store(data: Path) -> dict[str, dict[str, list[str]]]:
    db = open_database(data)
    try:
        return {
            s.routine.id: {i.exercise: list(i.overrides.tempo) for i in s.routine.items if i.overrides.tempo}
            for s in RoutineStore(db).all()
        }
    finally:
        db.close()


def phases_in_session(catalog, data: Path, routine_id: str) -> dict[str, list[str]]:
    """exercise -> the phases of its first paced rep, as the session engine enters them."""
    db = open_database(data)
    try:
        stored = RoutineStore(db).get(routine_id)
    finally:
        db.close()
    assert stored is not None
    clock = FakeClock(0.0)
    engine = SessionEngine(expand(catalog, stored.routine), clock)
    entered: list[RepPhase] = []
    engine.subscribe(lambda e: entered.append(e) if isinstance(e, RepPhase) and e.rep == 1 else None)
    engine.start()
    for _ in range(100_000):
        if engine.finished:
            break
        if engine.awaits_reps:  # a self-paced set: count its reps as a person would
            engine.space()
        clock.advance(0.25)
        engine.poll()
    assert engine.finished
    seen: dict[str, list[str]] = {}
    for event in entered:
        step = engine.steps[event.index]
        if step.set_index == 1 and step.side in ("none", "left", "alternate"):
            seen.setdefault(step.exercise_id, [])
            if event.phase not in seen[step.exercise_id]:
                seen[step.exercise_id].append(event.phase)
    return seen


def customise_mobility_trio(qapp, catalog, data: Path) -> tuple[str, str]:
    """Customise the template in the editor: retype the open book's tempo, keep the bridge's.

    Returns the text the editor showed for the bridge's tempo, and the saved copy's id."""
    shown: list[str] = []

    def change(editor) -> None:
        rows = [i.exercise for i in editor.routine().items]
        editor.items.setCurrentIndex(editor.model.index(rows.index("segmental-bridge"), 0))
        shown.append(editor.form.fields["tempo"].text())
        editor.items.setCurrentIndex(editor.model.index(rows.index("open-book-rotation"), 0))
        retype(editor.form.fields["tempo"], EDITED_TEXT)

    async def scenario() -> str:
        controller = await make(qapp, catalog, data)
        timer = edit_when_open(change)
        await controller.routine_actions.run("edit", "mobility-trio")
        timer.stop()
        [mine] = [r for r in controller.library.own if r.id not in ("from-json", "from-toml")]
        await dispose(controller)
        return mine.id

    copy_id = run(qapp, scenario)
    return shown[0], copy_id


def test_phase_order_is_the_authors_at_every_step(qapp, catalog, tmp_path):
    data = tmp_path / "data"
    # 1. import with the real command, from both syntaxes
    upright(data, "import", str(write_json(tmp_path / "mine.json")))
    upright(data, "import", str(write_toml(tmp_path / "mine.toml")))
    # 2. customise a shipped template in the editor and save
    bridge_text, copy_id = customise_mobility_trio(qapp, catalog, data)
    template = {
        i.exercise: list(i.overrides.tempo)
        for i in catalog.routine("mobility-trio").items
        if i.overrides.tempo
    }
    assert bridge_text == field_text("tempo", catalog.routine("mobility-trio").items[1].overrides.tempo)
    assert bridge_text == "roll-up 4, top 2, roll-down 4"
    expected = {
        "from-json": JSON_PHASES,
        "from-toml": TOML_PHASES,
        copy_id: {**template, "open-book-rotation": EDITED_PHASES},
    }
    # 3. the store holds them as written
    assert phases_in_store(data) == expected
    # 4. export each to JSON and TOML with the real command, then import the exports again
    for routine_id, phases in expected.items():
        for suffix in (".json", ".toml"):
            out = tmp_path / f"{routine_id}{suffix}"
            upright(data, "export-routine", routine_id, str(out))
            assert phases_in_file(out) == phases, out.read_text()
            said = upright(data, "import", str(out))
            assert "was taken" in said  # a copy under a new id
    listed = json.loads(upright(data, "routines", "--json"))["routines"]
    reloaded = {
        r["id"]: {i["exercise"]: list(i["tempo"]) for i in r["items"] if "tempo" in i}
        for r in listed
        if r["origin"] == "own"
    }
    assert len(reloaded) == 3 * 3  # each routine, its JSON copy and its TOML copy
    for routine_id, phases in expected.items():
        copies = [rid for rid in reloaded if rid == routine_id or rid.startswith(f"{routine_id}-copy")]
        assert len(copies) == 3 and all(reloaded[rid] == phases for rid in copies)
    # 5. the session enters the phases in the author's order
    for routine_id, phases in expected.items():
        assert phases_in_session(catalog, data, routine_id) == phases
