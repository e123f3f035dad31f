"""Routine files people write or share: versioned JSON or TOML, validated by pydantic.

Format (version 1)::

    {"format": "upright-routine", "version": 1,
     "routine": {"id": "...", "name": "...", "description": "...", "items": [...]}}

Files are data only: nothing in them is ever evaluated.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from desktop.content.catalog_loader import to_routine
from desktop.content.errors import ContentError, describe_validation_error
from desktop.content.schema import RoutineFile, _Strict
from desktop.core.catalog import Catalog, Routine

MAX_BYTES = 256 * 1024


class RoutineDocument(_Strict):
    format: Literal["upright-routine"]
    version: Literal[1]
    routine: RoutineFile


def read_routine_file(path: Path, catalog: Catalog) -> Routine:
    """The routine in ``path``; ``ContentError`` lists every problem and nothing is used."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(source, [f"cannot be read: {exc.strerror or exc}"]) from exc
    if len(raw) > MAX_BYTES:
        raise ContentError(source, [f"is {len(raw)} bytes; a routine file may be at most {MAX_BYTES}"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(source, [f"is not UTF-8 text (byte {exc.start})"]) from exc
    data = _parse(text, path.suffix.lower(), source)
    try:
        document = RoutineDocument.model_validate(data)
    except ValidationError as exc:
        raise ContentError(source, describe_validation_error(exc)) from exc
    unknown = [f'routine.items[{n}].exercise: unknown exercise "{item.exercise}"'
               for n, item in enumerate(document.routine.items)
               if item.exercise not in {e.id for e in catalog.exercises}]
    if unknown:
        raise ContentError(source, unknown)
    return to_routine(document.routine)


def _parse(text: str, suffix: str, source: str):
    if suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ContentError(source, [f"not valid TOML: {exc}"]) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(source, [f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"]) from exc
    except RecursionError as exc:
        raise ContentError(source, ["nested too deeply to be a routine"]) from exc
