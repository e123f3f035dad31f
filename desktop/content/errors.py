"""One error type for every data file problem, carrying one line per problem."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

import re


class ContentError(Exception):
    """A data file could not be used; ``problems`` each name where and what."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))

    def report(self, outcome: str = "was not loaded") -> str:
        """The problems under a heading such as "FILE was not loaded:" (or "was not written")."""
        lines = [f"{self.source} {outcome}:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


# Errors that only say "this union branch did not match", e.g. "should be a
# valid list" when a number was given for a number-or-[min, max] field.
WRONG_BRANCH = {
    "list_type",
    "int_type",
    "int_parsing",
    "float_type",
    "float_parsing",
    "int_from_float",
    "dict_type",
}
_TYPE_NAMES = {"int_type": "a whole number", "float_type": "a number", "list_type": "a [min, max] pair"}


def describe_validation_error(error: ValidationError) -> list[str]:
    """pydantic's errors as ``items[2].reps: must be at most 200`` lines, in file terms."""
    by_path: dict[str, list[ErrorDetails]] = {}
    for err in error.errors():
        by_path.setdefault(_path(err["loc"]), []).append(err)
    problems = []
    for path, errors in by_path.items():
        meaningful = [e for e in errors if e["type"] not in WRONG_BRANCH]
        if meaningful:
            messages = [_message(e) for e in meaningful]
        elif len(errors) > 1:
            wanted = " or ".join(dict.fromkeys(_TYPE_NAMES.get(e["type"], "a number") for e in errors))
            messages = [f"must be {wanted}, not {_shown(errors[0].get('input'))}"]
        else:
            messages = [_message(errors[0])]
        problems += [f"{path}: {m}" if path else m for m in messages]
    return list(dict.fromkeys(problems))


def _shown(value: object) -> str:
    text = (
        repr(value)
        if isinstance(value, str)
        else str(value).lower()
        if isinstance(value, bool)
        else str(value)
    )
    return text if len(text) <= 40 else text[:37] + "..."


def _path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part == "[key]":
            path += " (name)"
        elif "[" in part or part.startswith("constrained-") or part in ("int", "float", "str"):
            continue  # pydantic's union branch names mean nothing to a reader
        else:
            path += f".{part}" if path else str(part)
    return path


def _message(err: ErrorDetails) -> str:
    kind, ctx = err["type"], err.get("ctx", {})
    if kind == "string_pattern_mismatch":
        return "must be lower-case letters and digits joined by hyphens, like cat-cow"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters"
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a field Upright knows (check the spelling)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "must be a whole number"
    if kind in ("float_type", "float_parsing"):
        return "must be a number"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    bounds = {
        "greater_than": "more than",
        "greater_than_equal": "at least",
        "less_than": "less than",
        "less_than_equal": "at most",
    }
    if kind in bounds:
        limit = next(iter(ctx.values()), "")
        return f"must be {bounds[kind]} {limit:g}" if isinstance(limit, (int, float)) else err["msg"]
    message = err["msg"].removeprefix("Value error, ")
    return re.sub(r"^Input should be", "must be", message)
