"""Files people hand to Upright, broken every way hypothesis can think of.

A settings file (``upright breaks simulate --settings``) and a routine file
(``upright run FILE``, the routine import) either load or raise
``ContentError`` with at least one message; never any other exception.
The generators start from valid files and break them structurally (a value
of the wrong type, a key dropped or misspelt, nesting changed) and byte by
byte (cut short, bytes flipped or inserted, another encoding), in JSON and
in TOML. tests/content has the hand-written cases and pure-JSON fuzzing;
these go through the file readers, as the app does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.content.break_files import read_break_settings
from desktop.content.errors import ContentError
from desktop.content.routine_file import read_routine_file
from desktop.core.break_settings import BreakSettings
from desktop.core.catalog import Routine

FILES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.sampled_from(["09:00", "17:30", "24:00", "9:00", "", "each", "none"])
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)

VALID_SETTINGS = {
    "interval_min": 30,
    "natural_break_min": 5,
    "snooze_min": 10,
    "working_hours": {"start": "09:00", "end": "17:30", "days": [1, 2, 3, 4, 5]},
    "quiet_when_fullscreen": True,
    "quiet_when_dnd": True,
    "quiet_in_calls": False,
}
VALID_ROUTINE = {
    "format": "upright-routine",
    "version": 1,
    "routine": {
        "id": "desk-break",
        "name": "Desk break",
        "description": "Two moves between meetings.",
        "sources": [],
        "items": [
            {"exercise": "cat-cow", "reps": [6, 10], "sets": 2, "rest_s": 20},
            {"exercise": "figure-four-stretch", "hold_s": 30, "sides": "each"},
        ],
    },
}


@st.composite
def mutated(draw, valid: dict):
    """``valid`` with a few random edits at random places: replace, drop, add, wrap or rename."""
    data = json.loads(json.dumps(valid))
    for _ in range(draw(st.integers(1, 4))):
        parent, key = _pick(draw, data)
        if parent is None:
            break  # everything was dropped
        action = draw(st.sampled_from(["replace", "drop", "add", "wrap", "rename"]))
        if action == "replace":
            parent[key] = draw(json_values)
        elif action == "drop":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=15))] = draw(json_values)
        elif action == "add":
            parent.append(draw(json_values))
        elif action == "wrap":
            parent[key] = [parent[key]] if draw(st.booleans()) else {"value": parent[key]}
        elif isinstance(parent, dict):
            parent[key + draw(st.sampled_from(["s", "_", "X", " "]))] = parent.pop(key)
    return data


def _pick(draw, data):
    """A (container, key) somewhere inside ``data``, at least one level down; (None, None) if it is empty.

    In a routine document the edits land in the routine itself most of the time.
    """
    parent, key = None, None
    node = data
    if (
        isinstance(data, dict)
        and isinstance(data.get("routine"), dict)
        and data["routine"]
        and draw(st.integers(0, 9)) < 8
    ):
        node = data["routine"]  # mostly inside the routine: the envelope is one check, the routine many
    while isinstance(node, (dict, list)) and node and (parent is None or draw(st.integers(0, 3))):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        parent, key = node, draw(st.sampled_from(keys))
        node = node[key]
    return parent, key


@st.composite
def corrupted(draw, text: str) -> bytes:
    """The bytes of ``text`` cut short, with bytes flipped, inserted or re-encoded."""
    raw = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["cut", "flip", "insert", "delete", "encoding"]))
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        if action == "cut":
            del raw[at:]
        elif action == "flip" and raw:
            raw[at] = draw(st.integers(0, 255))
        elif action == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del raw[at : at + draw(st.integers(1, 20))]
        else:
            raw = bytearray(
                bytes(raw)
                .decode("utf-8", "replace")
                .encode(draw(st.sampled_from(["utf-16", "latin-1"])), "replace")
            )
    return bytes(raw)


def toml_text(data) -> str:
    """A small TOML writer for the shapes above; what it cannot express comes out as broken TOML."""

    def value(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return repr(v) if v == v else "nan"
        if isinstance(v, str):
            return json.dumps(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + "}"
        return "null"  # TOML has no null: a syntax error, as it should be

    if not isinstance(data, dict):
        return value(data)
    return "\n".join(f"{json.dumps(k)} = {value(v)}" for k, v in data.items()) + "\n"


def load_or_content_error(read, path: Path):
    """What the reader returns; a ContentError must carry real messages; anything else fails the test."""
    try:
        return read(path)
    except ContentError as error:
        assert error.problems and all(isinstance(p, str) and p.strip() for p in error.problems), (
            error.problems
        )
        assert error.report().startswith(f"{path} was not loaded:")
        return None


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("bad-input")


def test_the_valid_files_load(folder, catalog):
    settings_file, routine_file = folder / "ok.json", folder / "ok-routine.json"
    settings_file.write_text(json.dumps(VALID_SETTINGS))
    routine_file.write_text(json.dumps(VALID_ROUTINE))
    assert isinstance(read_break_settings(settings_file), BreakSettings)
    assert isinstance(read_routine_file(routine_file, catalog), Routine)
    routine_file.with_suffix(".toml").write_text(toml_text(VALID_ROUTINE))
    assert read_routine_file(routine_file.with_suffix(".toml"), catalog) == read_routine_file(
        routine_file, catalog
    )


@FILES
@given(data=mutated(VALID_SETTINGS) | json_values)
def test_mutated_settings_files_load_or_say_why(folder, data):
    path = folder / "settings.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = load_or_content_error(read_break_settings, path)
    assert result is None or isinstance(result, BreakSettings)


@FILES
@given(raw=st.one_of(corrupted(json.dumps(VALID_SETTINGS, indent=1)), st.binary(max_size=200)))
def test_corrupted_settings_files_load_or_say_why(folder, raw):
    path = folder / "settings-bytes.json"
    path.write_bytes(raw)
    load_or_content_error(read_break_settings, path)


@FILES
@given(data=mutated(VALID_ROUTINE) | json_values, syntax=st.sampled_from(["json", "toml"]))
def test_mutated_routine_files_load_or_say_why(folder, catalog, data, syntax):
    path = folder / f"routine.{syntax}"
    path.write_text(json.dumps(data) if syntax == "json" else toml_text(data), encoding="utf-8")
    result = load_or_content_error(lambda p: read_routine_file(p, catalog), path)
    assert result is None or isinstance(result, Routine)


@FILES
@given(
    raw=st.one_of(corrupted(json.dumps(VALID_ROUTINE, indent=2)), corrupted(toml_text(VALID_ROUTINE))),
    syntax=st.sampled_from(["json", "toml"]),
)
def test_corrupted_routine_files_load_or_say_why(folder, catalog, raw, syntax):
    path = folder / f"routine-bytes.{syntax}"
    path.write_bytes(raw)
    load_or_content_error(lambda p: read_routine_file(p, catalog), path)


@pytest.mark.parametrize("make", ["missing", "folder", "unreadable", "huge", "deep"])
def test_files_that_cannot_be_read_as_such_are_named(tmp_path, catalog, make, monkeypatch):
    path = tmp_path / "thing.json"
    if make == "folder":
        path.mkdir()
    elif make == "unreadable":
        path.write_text(json.dumps(VALID_SETTINGS))
        real_open = os.open
        monkeypatch.setattr(
            os,
            "open",
            lambda name, *a, **k: (
                (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                if Path(name) == path
                else real_open(name, *a, **k)
            ),
        )
    elif make == "huge":
        path.write_bytes(b" " * (1024 * 1024))
    elif make == "deep":
        path.write_text("[" * 100_000 + "]" * 100_000)
    for read in (read_break_settings, lambda p: read_routine_file(p, catalog)):
        with pytest.raises(ContentError) as caught:
            read(path)
        assert caught.value.source == str(path) and caught.value.problems
