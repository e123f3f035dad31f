"""Write the routine file's data as TOML, keeping every key where its author put it.

Python reads TOML (``tomllib``) but cannot write it, and a routine is a small
tree of strings, numbers, lists and tables, so a writer for exactly that
shape is shorter than a dependency. Keys come out in the dict's order, never
sorted: the order of a tempo's phases is the order they are done in.

Layout: a table of plain values (a tempo) is written inline where it stands,
``tempo = { open = 4, close = 4 }``; tables that hold tables or lists of
tables follow the plain keys as ``[a]`` and ``[[a.b]]`` sections, as TOML
requires. Reading the text back with ``tomllib`` gives the same data, key
order included.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def dumps(data: Mapping[str, Any]) -> str:
    """The TOML text of ``data``; ``ValueError`` for a value TOML cannot hold (None, NaN)."""
    lines: list[str] = []
    _table(data, (), lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def _table(data: Mapping[str, Any], path: tuple[str, ...], lines: list[str]) -> None:
    nested = []
    for key, value in data.items():
        if _is_section(value):
            nested.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in nested:
        inner = (*path, key)
        header = ".".join(_key(k) for k in inner)
        if isinstance(value, Mapping):
            lines += ["", f"[{header}]"]
            _table(value, inner, lines)
        else:
            for item in value:
                lines += ["", f"[[{header}]]"]
                _table(item, inner, lines)


def _is_section(value: Any) -> bool:
    """Tables that cannot be written inline: those holding tables, and lists of tables."""
    if isinstance(value, Mapping):
        return any(isinstance(v, Mapping) or _is_table_list(v) for v in value.values())
    return _is_table_list(value)


def _is_table_list(value: Any) -> bool:
    return _is_list(value) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _is_list(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str)


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} is not a number a routine file can hold")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    if _is_list(value):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise ValueError(f"{value!r} cannot be written as TOML")


def _string(text: str) -> str:
    """A TOML basic string. JSON's escapes (\\" \\\\ \\n \\uXXXX) are all valid TOML escapes;
    TOML also forbids a raw DEL, which JSON leaves alone."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
