"""Routine files people write or share: versioned JSON (or TOML), validated by pydantic.

Format (version 1; see docs/routine-format.md)::

    {"format": "upright-routine", "version": 1,
     "routine": {"id": "...", "name": "...", "description": "...", "sources": [], "items": [...]}}

Key order is the author's: a tempo's phases run in the order written, so
nothing here or downstream ever sorts keys.

Files are data only: nothing in them is ever evaluated. Everything that can
be wrong with one is collected before anything is used, so a bad file is
refused whole, with one message per problem naming where it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from desktop.content import toml_text
from desktop.content.bounded_read import decode, parse_json, parse_toml, read_bounded_bytes
from desktop.content.bounded_write import write_whole
from desktop.content.catalog_loader import to_routine
from desktop.content.dose_rules import dose_problems
from desktop.content.errors import ContentError, describe_validation_error
from desktop.content.schema import RoutineFile, _Strict
from desktop.core.catalog import Catalog, Routine

FORMAT = "upright-routine"
VERSION = 1
MAX_BYTES = 256 * 1024


class RoutineDocument(_Strict):
    format: Literal["upright-routine"]
    version: Literal[1]
    routine: RoutineFile


def read_routine_file(path: Path, catalog: Catalog) -> Routine:
    """The routine in ``path``; ``ContentError`` lists every problem and nothing is used."""
    raw = read_bounded_bytes(path, MAX_BYTES, "a routine file")
    return parse_routine(raw, "toml" if path.suffix.lower() == ".toml" else "json", catalog, str(path))


def parse_routine(raw: bytes, syntax: Literal["json", "toml"], catalog: Catalog, source: str) -> Routine:
    """The routine in ``raw``; ``ContentError`` lists every problem, items counted from 1."""
    try:
        return _parse(raw, syntax, catalog, source)
    except ContentError as exc:
        in_file_order = sorted(exc.problems, key=_item_number)  # the routine's own keys, then item by item
        raise ContentError(exc.source, [counted_from_one(p) for p in in_file_order]) from exc


def _parse(raw: bytes, syntax: Literal["json", "toml"], catalog: Catalog, source: str) -> Routine:
    text = decode(raw, MAX_BYTES, source, "a routine file")
    data = parse_toml(text, source) if syntax == "toml" else parse_json(text, source)
    _check_envelope(data, source)
    routine = data.get("routine")
    items = routine.get("items") if isinstance(routine, dict) else None
    problems = _unknown_exercises(items, catalog) + dose_problems(items, catalog)
    try:
        document = RoutineDocument.model_validate(data)
    except ValidationError as exc:
        problems = describe_validation_error(exc) + problems
    if problems:
        raise ContentError(source, problems)
    return to_routine(document.routine)


_ITEM_PATH = re.compile(r"^routine\.items\[(\d+)\](?:\.([^:]+))?: ")


def _item_number(problem: str) -> int:
    found = _ITEM_PATH.match(problem)
    return -1 if found is None else int(found[1])


def counted_from_one(problem: str) -> str:
    """``routine.items[0].reps: …`` as a person counts: ``item 1, reps: …``."""
    found = _ITEM_PATH.match(problem)
    if found is None:
        return problem
    key = f", {found[2]}" if found[2] else ""
    return f"item {int(found[1]) + 1}{key}: {problem[found.end() :]}"


def _unknown_exercises(items: Any, catalog: Catalog) -> list[str]:
    """Checked on the raw data so they are reported together with every schema problem."""
    known = {e.id for e in catalog.exercises}
    return [
        f'routine.items[{n}].exercise: unknown exercise "{item["exercise"]}"'
        for n, item in enumerate(items if isinstance(items, list) else [])
        if isinstance(item, dict) and isinstance(item.get("exercise"), str) and item["exercise"] not in known
    ]


def routine_document(routine: Routine) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "routine": routine.to_data()}


def write_routine_file(routine: Routine, path: Path) -> None:
    """Write ``routine`` as TOML (a name ending in ``.toml``) or JSON, whole and only over a
    file (``desktop.content.bounded_write``): a reader never sees half a file. Keys keep the
    routine's order (never sorted): a tempo's phases are written in the order they are done."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".toml", ""):
        raise ContentError(
            str(path), ["routines are exported as JSON or TOML: use a name ending in .json or .toml"]
        )
    document = routine_document(routine)
    if suffix == ".toml":
        text = toml_text.dumps(document)
    else:
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    write_whole(path, text)


def _check_envelope(data: Any, source: str) -> None:
    """Say plainly what a file is when it is not a version-1 routine at all."""
    if not isinstance(data, dict):
        raise ContentError(source, ['is not a routine file: it should hold one object with a "routine"'])
    if data.get("format") != FORMAT:
        raise ContentError(source, [f'format: should be "{FORMAT}"; this is not an Upright routine file'])
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise ContentError(
            source, [f"version: {version} was written by a newer Upright; this one reads version {VERSION}"]
        )


def stored_routine_reader(catalog: Catalog) -> Callable[[str, str], Routine | str]:
    """How the history reads a routine it keeps (its ``routine`` object as JSON): checked
    exactly as an import is, so a row edited outside Upright, or written before a rule
    changed, gives its problems (a string) rather than reaching a session."""

    def read(routine_id: str, body: str) -> Routine | str:
        document = f'{{"format": "{FORMAT}", "version": {VERSION}, "routine": {body}}}'
        try:
            return parse_routine(document.encode("utf-8"), "json", catalog, f"routine {routine_id}")
        except ContentError as exc:
            return "; ".join(exc.problems)

    return read
