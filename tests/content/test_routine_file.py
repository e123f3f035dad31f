"""Routine files: round trips, and every kind of broken file refused with messages naming where."""

import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.content.errors import ContentError
from desktop.content.routine_file import (
    MAX_BYTES,
    parse_routine,
    read_routine_file,
    routine_document,
    write_routine_file,
)


def doc(**routine):
    body = {"id": "busy-day", "name": "Busy day", "description": "Short.", "items": [{"exercise": "cat-cow"}]}
    return {"format": "upright-routine", "version": 1, "routine": {**body, **routine}}


def problems(catalog, data, syntax="json"):
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    with pytest.raises(ContentError) as err:
        parse_routine(raw, syntax, catalog, "f.json")
    return err.value.problems


def test_every_shipped_routine_round_trips_through_a_file(catalog, tmp_path):
    for routine in catalog.routines:
        path = tmp_path / f"{routine.id}.json"
        write_routine_file(routine, path)
        assert read_routine_file(path, catalog) == routine


def test_toml_files_are_read_too(catalog, tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(
        'format = "upright-routine"\nversion = 1\n[routine]\nid = "t"\nname = "T"\n'
        'description = "d"\n[[routine.items]]\nexercise = "squat"\nreps = 12\n'
    )
    assert read_routine_file(path, catalog).items[0].overrides.reps.lo == 12


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"items": [{"exercise": "cat-cow"}, {"exercise": "squat"}, {"exercise": "squat", "reps": 500}]},
            "item 3, reps: must be at most 200",
        ),
        ({"items": [{"exercise": "cat-cow2"}]}, 'item 1, exercise: unknown exercise "cat-cow2"'),
        (
            {"items": [{"exercise": "squat", "rest_sec": 30}]},
            "item 1, rest_sec: is not a field Upright knows (check the spelling)",
        ),
        ({"items": []}, "routine.items: List should have at least 1 item after validation, not 0"),
        (
            {"id": "Busy Day"},
            "routine.id: must be lower-case letters and digits joined by hyphens, like cat-cow",
        ),
        (
            {"items": [{"exercise": "squat", "reps": [20, 8]}]},
            "item 1, reps: range [20, 8] must be [min, max]",
        ),
    ],
)
def test_schema_problems_name_where(catalog, change, expected):
    assert any(p.startswith(expected) for p in problems(catalog, doc(**change)))


def test_all_problems_come_at_once(catalog):
    found = problems(
        catalog, doc(name="", items=[{"exercise": "nope"}, {"exercise": "squat", "sides": "up"}])
    )
    assert len(found) == 3


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"format": "upright-routine",\n\n\n "version": 1,,}', "not valid JSON at line 4"),
        (b"\xff\xfe{}", "is not UTF-8 text"),
        (b"[" * 5000 + b"]" * 5000, "nested"),
        (b'{"format": "upright-routine", "format": "upright-routine"}', 'the key "format" appears twice'),
        (
            b'{"format": "upright-routine", "version": 1, "routine": {"id": NaN}}',
            "routine.id: NaN is not a number; write a plain number such as 30",
        ),
        (
            b'{"format": "upright-routine", "version": 2, "routine": {}}',
            "version: 2 was written by a newer Upright",
        ),
        (b'{"format": "something-else"}', "this is not an Upright routine file"),
        (b"[1, 2]", "is not a routine file"),
        (b" " * (MAX_BYTES + 1), "the most a routine file may be"),
    ],
)
def test_files_that_are_not_routines(catalog, raw, expected):
    assert any(expected in p for p in problems(catalog, raw))


def test_a_bom_is_fine(catalog):
    assert parse_routine(b"\xef\xbb\xbf" + json.dumps(doc()).encode(), "json", catalog, "f").id == "busy-day"


def test_export_refuses_other_suffixes_and_unwritable_places(catalog, tmp_path):
    with pytest.raises(ContentError, match=r"use a name ending in \.json or \.toml"):
        write_routine_file(catalog.routines[0], tmp_path / "r.yaml")
    with pytest.raises(ContentError, match="missing-folder does not exist"):
        write_routine_file(catalog.routines[0], tmp_path / "missing-folder" / "r.json")


# -- generated files ----------------------------------------------------------------

counts = st.one_of(st.integers(1, 200), st.lists(st.integers(1, 200), min_size=2, max_size=2).map(sorted))
seconds = st.one_of(st.integers(1, 3600), st.floats(1, 3600, allow_nan=False))
phase = st.from_regex(r"[a-z]{1,8}(-[a-z]{1,6})?", fullmatch=True)


# What fits each kind of exercise (docs/routine-format.md), written out here rather than imported.
KIND_KEYS = {
    "reps": ("sets", "reps", "rest_s", "sides", "tempo"),
    "timed": ("sets", "duration_s", "rest_s", "sides"),
    "hold": ("sets", "hold_s", "rest_s", "sides"),
}
KIND_SIDES = {"reps": ["none", "each", "alternate"], "timed": ["none", "each"], "hold": ["none", "each"]}
STRATEGIES = {
    "sets": counts,
    "reps": counts,
    "hold_s": seconds,
    "duration_s": seconds,
    "rest_s": seconds,
    "tempo": st.dictionaries(phase, st.integers(1, 10), min_size=1, max_size=4),
}


def catalog_kind(exercise) -> str | None:
    dose = exercise.dosage
    if dose.reps or dose.tempo:
        return "reps"
    return "timed" if dose.duration_s else "hold" if dose.hold_s else None


@st.composite
def valid_items(draw, exercises):
    exercise = draw(st.sampled_from(exercises))
    kind = catalog_kind(exercise) or draw(st.sampled_from(sorted(KIND_KEYS)))
    item = {"exercise": exercise.id}
    for key in KIND_KEYS[kind]:
        if draw(st.booleans()):
            item[key] = draw(st.sampled_from(KIND_SIDES[kind]) if key == "sides" else STRATEGIES[key])
    if catalog_kind(exercise) is None and kind == "hold":
        item.setdefault("hold_s", draw(seconds))  # an exercise the catalog leaves open takes the item's kind
    if catalog_kind(exercise) is None and kind == "timed":
        item.setdefault("duration_s", draw(seconds))
    return item


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_generated_valid_files_import_and_round_trip(catalog, tmp_path, data):
    items = data.draw(st.lists(valid_items(list(catalog.exercises)), min_size=1, max_size=8))
    name = data.draw(
        st.text(
            st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs")), min_size=1, max_size=40
        ).filter(lambda s: any(unicodedata.category(c)[0] in "LNPS" and c not in "\u3164\u2800" for c in s))
    )
    name = unicodedata.normalize("NFC", name)
    routine = parse_routine(json.dumps(doc(name=name, items=items)).encode(), "json", catalog, "gen")
    # The phases run in the order written; Tempo equality is order-sensitive, so == checks it too.
    assert [list(i.overrides.tempo or {}) for i in routine.items] == [list(i.get("tempo", {})) for i in items]
    for suffix in (".json", ".toml"):
        path = tmp_path / f"gen{suffix}"
        write_routine_file(routine, path)
        assert read_routine_file(path, catalog) == routine
    written = json.loads((tmp_path / "gen.json").read_text())["routine"]
    assert written == routine_document(routine)["routine"]
    assert [list(i.get("tempo", {})) for i in written["items"]] == [list(i.get("tempo", {})) for i in items]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(routine=json_values, raw=st.binary(max_size=300))
def test_generated_broken_files_are_refused_with_messages(catalog, routine, raw):
    for data in (json.dumps({"format": "upright-routine", "version": 1, "routine": routine}).encode(), raw):
        try:
            parse_routine(data, "json", catalog, "gen")
        except ContentError as err:
            assert err.problems and all(isinstance(p, str) and p for p in err.problems)


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_one_mutated_field_is_named_in_the_message(catalog, data):
    key = data.draw(st.sampled_from(["sets", "reps", "hold_s", "rest_s"]))
    bad = data.draw(
        st.one_of(
            st.integers(max_value=0), st.integers(min_value=100_000), st.text(max_size=5), st.just([3, 1])
        )
    )
    items = [{"exercise": "squat"}, {"exercise": "cat-cow", key: bad}]
    found = problems(catalog, doc(items=items))
    assert all(p.startswith(f"item 2, {key}:") for p in found), found
