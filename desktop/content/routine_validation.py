"""What a person may type into the routine editor, checked by the file schema.

The editor and routine-file import share one set of rules: the pydantic
models in ``desktop.content.schema``. This module only turns the editor's
short text forms into the values those models take (``"8-20"`` ->
``[8, 20]``, ``"lift 2, lower 3"`` -> ``{"lift": 2, "lower": 3}``) and turns
the models' complaints into one plain line for the field they belong to.
No limit is written down here; the messages read them from the schema.

Text forms: a number (``10``; ``2.5`` for seconds), a range (``8-20`` or
``8–20``), seconds may end in ``s`` or ``min`` (``90 s``, ``2 min``), tempo
is ``phase seconds`` pairs separated by commas; an empty field means "use
the catalog's value" and parses to ``None``.
"""

from __future__ import annotations

import math
import re
import typing
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from annotated_types import Ge, Gt, Le, Lt
from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from desktop.content.errors import WRONG_BRANCH
from desktop.content.schema import RoutineItemFile, Text
from desktop.core.catalog import Range
from desktop.core.dosage_text import number, seconds_text
from desktop.core.routine_edit import OVERRIDE_FIELDS

COUNT_FIELDS = ("sets", "reps")
SECONDS_FIELDS = ("hold_s", "duration_s", "rest_s")
FIELDS = OVERRIDE_FIELDS  # sets, reps, the three seconds fields, tempo, sides

_NUM = r"(?:\d+(?:\.\d*)?|\.\d+)"
_SPAN = re.compile(
    rf"^\s*(?P<lo>{_NUM})\s*(?:(?:-|\u2013|\u2014|to)\s*(?P<hi>{_NUM}))?\s*"
    r"(?P<unit>s|secs?|seconds?|mins?|minutes?)?\s*$",
    re.IGNORECASE | re.ASCII,
)
_PHASE = re.compile(
    rf"^\s*(?P<name>.*?)\s*[:=]?\s*(?P<s>{_NUM})\s*(?:s|secs?|seconds?)?\s*$", re.IGNORECASE | re.ASCII
)
_PLACEHOLDER_EXERCISE = "exercise"

HINTS = {
    "count": "write a number such as 10 or a range such as 8-20",
    "seconds": "write seconds such as 30, a range such as 20-30, or minutes such as 2 min",
    "tempo": "write each phase and its seconds, such as lift 2, lower 3",
    "sides": "choose none, each or alternate",
}


class FieldProblem(ValueError):
    """Text that cannot become the value of ``field``; ``message`` is one line for the person."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def parse_field(field: str, text: str) -> Any:
    """The schema-checked value ``text`` stands for, in file form; ``None`` for an empty field.

    Numbers come back as ``int``/``float``, ranges as ``[lo, hi]`` (a range
    whose ends match collapses to one number), tempo as ``{phase: seconds}``,
    sides as the keyword. Raises ``FieldProblem`` and nothing else.
    """
    if field not in FIELDS:
        raise FieldProblem(field, f"is not something a routine item can set; use one of {', '.join(FIELDS)}")
    if not text.strip():
        return None
    checked, problems = _check({field: _read_text(field, text)})
    if checked is None:
        raise FieldProblem(field, problems.get(field) or next(iter(problems.values())))
    return getattr(checked, field)


def field_problem(field: str, text: str) -> str | None:
    """The message for ``text`` in ``field``, or ``None`` when it can be used."""
    try:
        parse_field(field, text)
    except FieldProblem as problem:
        return problem.message
    return None


def item_problems(item: Mapping[str, Any]) -> dict[str, str]:
    """Each field of a routine item (file form) that the schema refuses, with its message.

    ``exercise`` may be left out: whether an exercise exists is the catalog's
    question, not the item's.
    """
    return _check(dict(item))[1]


def routine_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a routine, or ``None``; same rule as routine files."""
    return text_problem(name, "give the routine a name", "the name")


def routine_description_problem(text: str) -> str | None:
    """Why ``text`` cannot describe a routine, or ``None``; same rule as routine files."""
    empty = "write a sentence about what this routine is for; it shows on the routine's card"
    return text_problem(text, empty, "the description")


def text_problem(text: str, empty: str, what: str) -> str | None:
    """Why ``text`` cannot be shown as a name or sentence (the file schema's ``Text``), or ``None``;
    ``empty`` is said for blank text, ``what`` names the field in the other messages."""
    try:
        _name_adapter().validate_python(text)
    except ValidationError as exc:
        err = exc.errors()[0]
        if err["type"] == "string_too_short":
            return empty
        if err["type"] == "string_too_long":
            return f"keep {what} to {err['ctx']['max_length']} characters or fewer"
        return f"{what} " + str(err["msg"]).removeprefix("Value error, ")
    return None


def field_text(field: str, value: Any) -> str:
    """The editor text for a value (file or core form); ``parse_field`` reads it back to the same value."""
    if value is None:
        return ""
    if field == "tempo":
        return ", ".join(f"{phase} {_plain(seconds)}" for phase, seconds in dict(value).items())
    if field == "sides":
        return str(value)
    data = value.to_data() if isinstance(value, Range) else value
    lo, hi = (data, data) if not isinstance(data, (list, tuple)) else data
    if field in SECONDS_FIELDS:
        if lo >= 60 and lo % 60 == 0 and hi % 60 == 0:
            return f"{_span(lo / 60, hi / 60)} min"
        return f"{_span(lo, hi)} s"
    return _span(lo, hi)


def _span(lo: float, hi: float) -> str:
    return _plain(lo) if lo == hi else f"{_plain(lo)}-{_plain(hi)}"


def _plain(x: float) -> str:
    """Every digit that matters and no exponent, so the text reads back to the exact number."""
    return str(int(x)) if float(x).is_integer() else format(Decimal(repr(float(x))), "f")


# --- text to raw values -------------------------------------------------------------------------


def _read_text(field: str, text: str) -> Any:
    if field == "sides":
        return text.strip().lower()
    if field == "tempo":
        return _read_tempo(text)
    kind = "count" if field in COUNT_FIELDS else "seconds"
    match = _SPAN.match(text)
    if match is None or (match["unit"] and kind == "count"):
        raise FieldProblem(field, HINTS[kind])
    scale = 60 if match["unit"] and match["unit"].lower().startswith("m") else 1
    ends = [_number(match["lo"], scale, kind)]
    if match["hi"] is not None:
        ends.append(_number(match["hi"], scale, kind))
    return ends[0] if len(ends) == 1 or ends[0] == ends[1] else ends


def _number(text: str, scale: int, kind: str) -> float | int:
    value = float(text) * scale
    if kind == "count" and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def _read_tempo(text: str) -> dict[str, float]:
    phases: dict[str, float] = {}
    for part in re.split(r"[,;]", text):
        if not part.strip():
            continue
        match = _PHASE.match(part)
        if match is None or not match["name"]:
            raise FieldProblem("tempo", HINTS["tempo"])
        name = "-".join(match["name"].lower().split())  # "roll up" is how people write roll-up
        if name in phases:
            raise FieldProblem("tempo", f'"{name}" is named twice; give each phase once')
        phases[name] = float(match["s"])
    if not phases:
        raise FieldProblem("tempo", HINTS["tempo"])
    return phases


# --- the schema's complaints as plain lines -----------------------------------------------------


def _check(item: dict[str, Any]) -> tuple[RoutineItemFile | None, dict[str, str]]:
    """The validated item, or ``None`` and one message per refused field."""
    try:
        return RoutineItemFile.model_validate({"exercise": _PLACEHOLDER_EXERCISE, **item}), {}
    except ValidationError as exc:
        found: dict[str, str] = {}
        errors = exc.errors()
        own = [e for e in errors if e["type"] not in WRONG_BRANCH]
        for err in own or errors:
            field = str(err["loc"][0]) if err["loc"] else ""
            found.setdefault(field, _message(field, err))
        return None, found


def _message(field: str, err: ErrorDetails) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "is not something a routine item can set"
    if field == "sides":
        return HINTS["sides"]
    if field == "tempo":
        if kind == "string_pattern_mismatch":
            return "name each phase with letters, digits and hyphens, such as lift or roll-up"
        if kind == "too_long":
            return f"use at most {err['ctx']['max_length']} phases"
        if kind == "too_short":
            return HINTS["tempo"]
        if len(err["loc"]) > 1:
            return f"each phase takes {_limits('tempo')}"
        return HINTS["tempo"]
    if field in COUNT_FIELDS or field in SECONDS_FIELDS:
        if kind == "value_error":
            return "put the smaller number first, such as 8-20"
        return f"use {_limits(field)}"
    return str(err["msg"]).removeprefix("Value error, ")


@cache
def _limits(field: str) -> str:
    """The schema's bounds for ``field`` in words, e.g. "a whole number from 1 to 200"."""
    annotation = RoutineItemFile.model_fields[field].annotation
    bounds, base = _bounds(annotation)
    lo = next((f"from {number(float(b.ge))}" for b in bounds if isinstance(b, Ge)), None)  # type: ignore[arg-type]
    lo = lo or next((f"more than {number(float(b.gt))}" for b in bounds if isinstance(b, Gt)), "")  # type: ignore[arg-type]
    hi = float(next((b.le for b in bounds if isinstance(b, Le)), 0))  # type: ignore[arg-type]
    if base is int:
        return f"a whole number {lo} to {number(hi)}"
    return f"{lo} s and at most {seconds_text(hi)}"


def _bounds(annotation: object) -> tuple[list[Ge | Gt | Le | Lt], type | None]:
    """The first numeric constraints found inside an annotation, and the number type they apply to."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        constraints = [
            m
            for meta in args[1:]
            for m in (getattr(meta, "metadata", None) or [meta])
            if isinstance(m, (Ge, Gt, Le, Lt))
        ]
        if constraints and args[0] in (int, float):
            return constraints, args[0]
    for arg in reversed(args) if typing.get_origin(annotation) is dict else args:
        found, base = _bounds(arg)
        if found:
            return found, base
    return [], None


@cache
def _name_adapter() -> TypeAdapter[str]:
    return TypeAdapter(Text)
