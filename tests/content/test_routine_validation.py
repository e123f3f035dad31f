"""The editor's field rules: the text forms people type, checked by the routine file schema."""

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.content.routine_validation import (
    FIELDS,
    FieldProblem,
    _name_adapter,
    field_problem,
    field_text,
    item_problems,
    parse_field,
    routine_description_problem,
    routine_name_problem,
)
from desktop.content.schema import RoutineItemFile
from desktop.core.catalog import Range


def accepted(field, value) -> bool:
    RoutineItemFile.model_validate({"exercise": "cat-cow", field: value})
    return True


@pytest.mark.parametrize(
    ("field", "text", "value"),
    [
        ("reps", "10", 10),
        ("reps", " 8-20 ", [8, 20]),
        ("reps", "8\u201320", [8, 20]),
        ("reps", "8 to 20", [8, 20]),
        ("sets", "3-3", 3),
        ("sets", "2.0", 2),
        ("hold_s", "2.5", 2.5),
        ("hold_s", "30 s", 30),
        ("duration_s", "2 min", 120),
        ("duration_s", "1-2 min", [60, 120]),
        ("rest_s", "20\u201330", [20, 30]),
        ("tempo", "lift 2, lower 3", {"lift": 2, "lower": 3}),
        ("tempo", "Roll up 4; top 2 s", {"roll-up": 4, "top": 2}),
        ("tempo", "inhale: 4, exhale=6,", {"inhale": 4, "exhale": 6}),
        ("sides", "Each", "each"),
        ("reps", "", None),
        ("tempo", "   ", None),
    ],
)
def test_accepted_text(field, text, value):
    assert parse_field(field, text) == value
    assert field_problem(field, text) is None


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("reps", "abc", "write a number such as 10 or a range such as 8-20"),
        ("reps", "0", "use a whole number from 1 to 200"),
        ("reps", "201", "use a whole number from 1 to 200"),
        ("reps", "2.5", "use a whole number from 1 to 200"),
        ("reps", "8-300", "use a whole number from 1 to 200"),
        ("reps", "20-8", "put the smaller number first, such as 8-20"),
        ("reps", "10 s", "write a number such as 10 or a range such as 8-20"),
        ("sets", "-2", "write a number such as 10 or a range such as 8-20"),
        ("hold_s", "0", "use from 1 s and at most 24 h"),
        ("rest_s", "86401", "use from 1 s and at most 24 h"),
        ("duration_s", "ten", "write seconds such as 30, a range such as 20-30, or minutes such as 2 min"),
        ("tempo", "lift", "write each phase and its seconds, such as lift 2, lower 3"),
        ("tempo", "lift 61", "each phase takes from 0.5 s and at most 1 min"),
        ("tempo", "lift 0", "each phase takes from 0.5 s and at most 1 min"),
        ("tempo", "lift! 2", "name each phase with letters, digits and hyphens, such as lift or roll-up"),
        ("tempo", "a 1, b 1, c 1, d 1, e 1, f 1, g 1", "use at most 6 phases"),
        ("tempo", "lift 2, Lift 3", '"lift" is named twice; give each phase once'),
        ("sides", "both", "choose none, each or alternate"),
    ],
)
def test_refused_text_names_the_rule(field, text, message):
    assert field_problem(field, text) == message
    with pytest.raises(FieldProblem) as caught:
        parse_field(field, text)
    assert caught.value.field == field and caught.value.message == message


def test_unknown_field_is_a_problem_not_a_crash():
    with pytest.raises(FieldProblem):
        parse_field("per_day", "3")


def test_item_problems_maps_each_field():
    problems = item_problems(
        {"reps": [20, 8], "hold_s": -1, "tempo": {"Lift": 3}, "sides": "both", "rest": 30}
    )
    assert problems == {
        "reps": "put the smaller number first, such as 8-20",
        "hold_s": "use from 1 s and at most 24 h",
        "tempo": "name each phase with letters, digits and hyphens, such as lift or roll-up",
        "sides": "choose none, each or alternate",
        "rest": "is not something a routine item can set",
    }
    assert item_problems({"exercise": "cat-cow", "reps": 8, "tempo": {"cat": 3, "cow": 3}}) == {}


def test_routine_names_follow_the_file_rule():
    assert routine_name_problem("Busy day") is None
    assert routine_name_problem("   ") == "give the routine a name"
    assert routine_name_problem("x" * 401) == "keep the name to 400 characters or fewer"
    assert routine_name_problem("x" * 400) is None


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        ("reps", Range(8, 20), "8-20"),
        ("reps", 10, "10"),
        ("hold_s", Range(30, 30), "30 s"),
        ("duration_s", 1200, "20 min"),
        ("duration_s", [60, 120], "1-2 min"),
        ("rest_s", 90, "90 s"),
        ("tempo", {"lift": 2, "roll-up": 1.5}, "lift 2, roll-up 1.5"),
        ("sides", "alternate", "alternate"),
        ("sets", None, ""),
    ],
)
def test_field_text(field, value, text):
    assert field_text(field, value) == text


# --- properties: any text is either a value the schema takes or a message; nothing raises ----------

typed = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\A\s?-?\d{0,4}(\.\d{0,3})?\s?([-\u2013]\s?\d{0,5}(\.\d?)?)?\s?(s|min|x)?\s?\Z"),
    st.from_regex(r"\A([A-Za-z \-]{0,8}\s?\d{0,3}(\.\d)?\s?,?\s?){0,8}\Z"),
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), text=typed)
def test_any_text_parses_to_an_accepted_value_or_a_message(field, text):
    try:
        value = parse_field(field, text)
    except FieldProblem as problem:
        assert problem.message and "\n" not in problem.message
        assert field_problem(field, text) == problem.message
        return
    if value is not None:
        assert accepted(field, value)
    assert field_problem(field, text) is None


counts = st.integers(1, 200)
seconds = st.floats(min_value=1, max_value=86400, allow_nan=False)
phase = st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}\Z")


def span(ends):
    return st.one_of(ends, st.lists(ends, min_size=2, max_size=2).map(sorted))


valid = st.one_of(
    st.tuples(st.sampled_from(("sets", "reps")), span(counts)),
    st.tuples(st.sampled_from(("hold_s", "duration_s", "rest_s")), span(seconds)),
    st.tuples(st.just("tempo"), st.dictionaries(phase, st.floats(0.5, 60), min_size=1, max_size=6)),
    st.tuples(st.just("sides"), st.sampled_from(("none", "each", "alternate"))),
)


@given(valid)
def test_every_valid_value_reads_back_from_its_text(case):
    field, value = case
    assert accepted(field, value)
    parsed = parse_field(field, field_text(field, value))
    if isinstance(value, list) and value[0] == value[1]:
        value = value[0]
    assert parsed == value


@given(
    st.dictionaries(
        st.sampled_from((*FIELDS, "per_day", "bogus")),
        st.one_of(
            st.none(),
            st.integers(-5, 500),
            st.floats(allow_nan=True),
            st.text(max_size=5),
            st.lists(st.integers(-5, 300), max_size=3),
            st.dictionaries(st.text(max_size=4), st.floats(), max_size=8),
        ),
    )
)
def test_item_problems_never_raises(item):
    problems = item_problems(item)
    assert set(problems) <= set(item) | {""}
    assert all(isinstance(m, str) and m for m in problems.values())


@given(
    st.text(st.characters(exclude_categories=("Cc", "Cs", "Cf", "Cn", "Co", "Zl", "Zp")), max_size=420)
)  # control and format characters have their own test below
def test_any_name_is_fine_or_has_a_message(name):
    problem = routine_name_problem(name)
    assert problem is None or (problem and "\n" not in problem)
    visible = any(not unicodedata.category(c).startswith("Z") for c in name) and name.strip("\u2800\u3164")
    assert (problem is None) == (0 < len(name.strip()) <= 400 and bool(visible))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Desk\x1b[31m break", "control character U+001B"),
        ("Desk\u009b31m", "control character U+009B"),
        ("Desk\nbreak", "control character U+000A"),
        ("Desk\u2028break", "control character U+2028"),
        ("evil\u202egnp.exe", "direction override U+202E"),
        ("a\u2066b", "direction override U+2066"),
        ("\u200b\u200d\ufeff", "at least one visible character"),
        ("\u3164\u2800", "at least one visible character"),
    ],
)
def test_names_refuse_controls_overrides_and_invisible_text(name, expected):
    assert expected in (routine_name_problem(name) or "")
    assert expected in (routine_description_problem(name) or "")  # descriptions follow the same rule


def test_names_are_nfc_normalised():
    decomposed = "Cafe\u0301 stretch"
    assert routine_name_problem(decomposed) is None
    assert _name_adapter().validate_python(decomposed) == "Caf\u00e9 stretch"
