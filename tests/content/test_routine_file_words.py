"""What a bad routine file is told, in a person's words: every problem at once, items
counted from 1, syntax errors and numbers too large said as Upright says things (it once
listed a hold with reps only after the other problems were fixed, said "items[0]" for the
first item, and passed on Python's "Expecting value" and "Extra data")."""

import json

import pytest

from desktop.content.errors import ContentError
from desktop.content.routine_file import parse_routine

PYTHON_WORDS = ("Expecting", "Extra data", "delimiter", "real value", "finite", "Invalid", "Unclosed")


def problems(catalog, raw: bytes, syntax="json") -> list[str]:
    with pytest.raises(ContentError) as err:
        parse_routine(raw, syntax, catalog, "f")
    return err.value.problems


def test_every_problem_is_listed_at_once_with_dose_kinds_and_items_counted_from_1(catalog):
    routine = {
        "id": "Bad Id",
        "name": "",
        "description": "Mine.",
        "items": [
            {"exercise": "cat-cow2"},
            {"exercise": "figure-four-stretch", "reps": 5},
            {"exercise": "push-up", "reps": 201},
        ],
    }
    raw = json.dumps({"format": "upright-routine", "version": 1, "routine": routine}).encode()
    assert problems(catalog, raw) == [
        "routine.id: must be lower-case letters and digits joined by hyphens, like cat-cow",
        "routine.name: must not be empty",
        'item 1, exercise: unknown exercise "cat-cow2"',
        "item 2, reps: Figure-4 glute stretch is a hold, so reps does not fit; "
        "it takes sets, hold_s, rest_s, sides",
        "item 3, reps: must be at most 200",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"format": "upright-routine",}',
            'line 1, column 30: expected a key in double quotes, such as "reps"',
        ),
        ('{"format": "upright-routine"} x', "line 1, column 31: there is more text after the closing }"),
        ('{"format":\n  }', "line 2, column 3: expected a value here"),
        ('{"format" "upright-routine"}', "line 1, column 11: expected a colon after the key"),
        ('{"format": "upright', "line 1, column 12: text opened with a double quote is never closed"),
    ],
)
def test_json_syntax_errors_are_said_in_our_words_with_line_and_column(catalog, text, expected):
    (problem,) = problems(catalog, text.encode())
    assert problem.startswith("not valid JSON at " + expected), problem
    assert not any(word in problem for word in PYTHON_WORDS), problem


def test_an_empty_file_is_called_empty(catalog):
    assert problems(catalog, b" \n") == ["is empty: there is no JSON in it"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'format = "upright-routine"\nversion = \n',
            "not valid TOML at line 2, column 11: expected a value here",
        ),
        ('format = "a" version = 1\n', "not valid TOML at line 1, column 14: expected the line to end here"),
        ("format = [1, 2\n", "not valid TOML at the end of the file: a list opened with [ is never closed"),
        (
            'format = "a"\nformat = "b"\n',
            "not valid TOML at line 2, column 13: a key or table is given twice",
        ),
    ],
)
def test_toml_syntax_errors_are_said_in_our_words(catalog, text, expected):
    (problem,) = problems(catalog, text.encode(), "toml")
    assert problem.startswith(expected), problem
    assert not any(word in problem for word in PYTHON_WORDS), problem


def test_numbers_too_large_say_the_limit_and_where(catalog):
    routine = {
        "id": "r",
        "name": "R",
        "description": "R.",
        "items": [{"exercise": "cat-cow", "rest_s": 1e400}],
    }
    raw = json.dumps({"format": "upright-routine", "version": 1, "routine": routine}).replace(
        "Infinity", "1e400"
    )
    assert problems(catalog, raw.encode()) == [
        "item 1, rest_s: 1e400 is too large: Upright reads numbers up to 10^15"
    ]


@pytest.mark.parametrize("exercise", [{"a": 1}, ["cat-cow"], 3, None])
def test_an_exercise_that_is_not_text_is_a_problem_not_a_crash(catalog, exercise):
    routine = {"id": "r", "name": "R", "description": "R.", "items": [{"exercise": exercise}]}
    found = problems(
        catalog, json.dumps({"format": "upright-routine", "version": 1, "routine": routine}).encode()
    )
    assert found and all(p.startswith("item 1, exercise: ") for p in found), found
