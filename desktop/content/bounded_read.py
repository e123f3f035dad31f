"""The one way Upright reads a file a person hands it: bounded, regular files only, checked values.

Routine files, break traces, settings files and files dropped on the window
all come through here, so each of these holds for all of them alike:

- only a regular file is read; a FIFO, device, directory or socket is
  refused by name before a byte is read (the file is opened non-blocking, so
  a FIFO with no writer cannot hang the reader, and checked with ``fstat``
  on the open descriptor, so a swapped path cannot slip past);
- at most ``limit + 1`` bytes are ever read, so a symlink to ``/dev/zero``
  or a file growing while read costs no more memory than the limit;
- the text must be UTF-8;
- a key given twice in one object, a number too large to mean anything
  (beyond ``MAX_MAGNITUDE``, ``1e400``, ``Infinity``, ``NaN`` or 5,000
  digits) and nesting deeper than ``MAX_DEPTH`` are refused with where they are.

Every problem is a ``ContentError`` naming the file and the place (line or key path).
"""

from __future__ import annotations

import errno
import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from desktop.content.errors import ContentError
from desktop.core.file_kinds import kind_of_mode

MAX_MAGNITUDE = 10**15  # nothing Upright reads is anywhere near this; far below float's exact range
TOO_LARGE = "Upright reads numbers up to 10^15"
MAX_DEPTH = 12  # a valid routine nests 5 deep; anything much deeper is not one of Upright's files
_CHUNK = 64 * 1024


def read_bounded(path: Path, limit: int, what: str) -> str:
    """The UTF-8 text of the regular file ``path``, refused when longer than ``limit`` bytes."""
    return decode(read_bounded_bytes(path, limit, what), limit, str(path), what)


def read_bounded_bytes(path: Path, limit: int, what: str) -> bytes:
    """At most ``limit + 1`` bytes of the regular file ``path`` (one more says it is too long)."""
    source = str(path)
    try:
        kind = kind_of_mode(os.stat(path).st_mode)
        if kind is not None:
            raise ContentError(source, [f"is {kind}, not a file; give the path of {what}"])
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise ContentError(source, [_unreadable(exc)]) from exc
    try:
        info = os.fstat(fd)  # the thing really opened, whatever the path now points to
        kind = kind_of_mode(info.st_mode)
        if kind is not None:
            raise ContentError(source, [f"is {kind}, not a file; give the path of {what}"])
        if info.st_size > limit:  # said at once; a file that grows while read is still cut at limit + 1
            raise ContentError(source, [f"is larger than {_size(limit)}, the most {what} may be"])
        return _read_at_most(fd, limit + 1)
    except OSError as exc:
        raise ContentError(source, [_unreadable(exc)]) from exc
    finally:
        os.close(fd)


def decode(raw: bytes, limit: int, source: str, what: str) -> str:
    """``raw`` as text, refused when longer than ``limit`` bytes or not UTF-8 (a BOM is fine)."""
    if len(raw) > limit:
        raise ContentError(source, [f"is larger than {_size(limit)}, the most {what} may be"])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ContentError(source, [f"line {line}: is not UTF-8 text (byte {exc.start})"]) from exc


def parse_json(text: str, source: str, *, one_line: bool = False) -> Any:
    """``text`` as JSON; ``one_line`` for a line of JSON Lines, whose caller names the line."""
    try:
        data = json.loads(
            text,
            object_pairs_hook=_Object.of,
            parse_int=_int,
            parse_float=_float,
            parse_constant=_TooLarge,
        )
    except json.JSONDecodeError as exc:
        if not text.strip():
            raise ContentError(source, ["is empty: there is no JSON in it"]) from exc
        at = f"column {exc.colno}" if one_line else f"line {exc.lineno}, column {exc.colno}"
        raise ContentError(source, [f"not valid JSON at {at}: {_json_words(exc.msg)}"]) from exc
    except RecursionError as exc:
        raise ContentError(source, [f"nested more than {MAX_DEPTH} levels deep"]) from exc
    return _checked(data, source)


def parse_toml(text: str, source: str) -> Any:
    """``text`` as TOML (which refuses repeated keys itself) with the same value checks as JSON."""
    try:
        data = tomllib.loads(text, parse_float=_float)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(source, [_toml_words(str(exc))]) from exc
    except RecursionError as exc:
        raise ContentError(source, [f"nested more than {MAX_DEPTH} levels deep"]) from exc
    except ValueError as exc:  # an integer with more digits than Python converts (4,300)
        found = re.search(r"[0-9][0-9_]{300,}", text)
        line = f"line {text.count(chr(10), 0, found.start()) + 1}: " if found else ""
        raise ContentError(
            source, [f"{line}a number thousands of digits long is too large: {TOO_LARGE}"]
        ) from exc
    return _checked(data, source)


# Python's JSON messages, in the words the rest of Upright uses (the start of each is enough).
_JSON_WORDS = (
    (
        "Expecting value",
        "expected a value here: a number, text in double quotes, true, false, [a list] or {an object}",
    ),
    ("Extra data", "there is more text after the closing } of the object"),
    (
        "Expecting property name",
        'expected a key in double quotes, such as "reps" (no comma before a closing })',
    ),
    ("Expecting ',' delimiter", "expected a comma between two entries, or a closing ] or }"),
    ("Expecting ':' delimiter", 'expected a colon after the key, as in "reps": 10'),
    ("Unterminated string", "text opened with a double quote is never closed"),
    ("Invalid control character", "a line break or tab inside text in quotes; write \\n or \\t instead"),
    ("Invalid \\uXXXX escape", "\\u must be followed by four hex digits"),
    ("Invalid \\escape", "a backslash JSON does not know; write \\\\ for a backslash"),
)
_TOML_WORDS = (
    ("Invalid value", "expected a value here: a number, text in quotes, true, false, [a list] or {a table}"),
    ("Cannot overwrite a value", "a key or table is given twice; give each once"),
    ("Cannot declare", "a table is given twice; give each once"),
    ("Unclosed array", "a list opened with [ is never closed with ]"),
    ("Unclosed inline table", "a table opened with { is never closed with }"),
    ("Unterminated string", "text opened with a quote is never closed"),
    ("Expected '=' after a key", "expected = after the key, as in reps = 10"),
    ("Expected newline or end of document", "expected the line to end here: one key = value a line"),
    ("Invalid initial character for a key", "expected a key here (no comma before a closing })"),
    ("Invalid statement", "expected key = value or a [table] heading"),
    ("Found invalid character", "a character TOML does not allow here, such as a line break inside quotes"),
    ("Illegal character", "a character TOML does not allow here, such as a line break inside quotes"),
)
_TOML_PLACE = re.compile(r"\((at line (\d+), column (\d+)|at end of document)\)\s*$")


def _json_words(message: str) -> str:
    return next((words for start, words in _JSON_WORDS if message.startswith(start)), "this is not JSON")


def _toml_words(message: str) -> str:
    """``not valid TOML at line 2, column 3: …`` from tomllib's message, in our words."""
    found = _TOML_PLACE.search(message)
    at = ""
    if found is not None:
        at = " at the end of the file" if found[2] is None else f" at line {found[2]}, column {found[3]}"
        message = message[: found.start()].strip()
    words = next((w for start, w in _TOML_WORDS if message.startswith(start)), "this is not TOML")
    return f"not valid TOML{at}: {words}"


class _Object(dict[str, Any]):
    """A parsed JSON object that remembers a key it was given twice, to report with its path."""

    doubled: str | None = None

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> _Object:
        obj = cls(pairs)
        if len(obj) < len(pairs):
            seen: set[str] = set()
            obj.doubled = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        return obj


class _TooLarge:
    """Stands in for a number that cannot be a real value, so its path can be reported."""

    def __init__(self, text: str) -> None:
        self.text = text if len(text) <= 24 else f"{text[:12]}... ({len(text)} characters)"
        finite = text.lower().lstrip("+-") not in ("nan", "inf", "infinity")
        self.why = (
            f"is too large: {TOO_LARGE}" if finite else "is not a number; write a plain number such as 30"
        )


def _int(text: str) -> int | _TooLarge:
    digits = text.lstrip("-")
    if len(digits) > 16 or abs(int(text)) > MAX_MAGNITUDE:
        return _TooLarge(text)
    return int(text)


def _float(text: str) -> float | _TooLarge:
    value = float(text)
    if value != value or abs(value) > MAX_MAGNITUDE:  # NaN, inf, 1e400
        return _TooLarge(text)
    return value


def _checked(data: Any, source: str) -> Any:
    problems: list[str] = []
    _walk(data, "", 0, problems)
    if problems:
        raise ContentError(source, problems[:20])
    return data


def _walk(value: Any, path: str, depth: int, problems: list[str]) -> None:
    at = f"{path}: " if path else ""
    if depth > MAX_DEPTH:
        problems.append(f"{at}nested more than {MAX_DEPTH} levels deep")
        return
    if isinstance(value, _TooLarge):
        problems.append(f"{at}{value.text} {value.why}")
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_MAGNITUDE:
        problems.append(f"{at}{value} is too large: {TOO_LARGE}")
    elif isinstance(value, dict):
        doubled = getattr(value, "doubled", None)
        if doubled is not None:
            problems.append(f'{at}the key "{doubled}" appears twice; give each key once')
        for key, inner in value.items():
            _walk(inner, f"{path}.{key}" if path else str(key), depth + 1, problems)
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            _walk(inner, f"{path}[{n}]", depth + 1, problems)


def _read_at_most(fd: int, count: int) -> bytes:
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = os.read(fd, min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _unreadable(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "does not exist"
    if exc.errno == errno.ENXIO:
        return "is a socket or device, not a file"
    return f"cannot be read: {exc.strerror or exc}"


def _size(n: int) -> str:
    return f"{n // 2**20} MB" if n >= 2**20 else f"{n // 2**10} KB"
