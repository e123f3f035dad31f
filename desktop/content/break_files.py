"""Sit-break settings files and idle traces that people hand to ``upright breaks simulate``.

Settings are a JSON object with any of the ``BreakSettings`` names; the ones
left out keep their defaults. A trace is JSON Lines, one observation a line::

    {"mono": 0, "wall": "2026-11-23T09:00:00+01:00", "idle_s": 2}
    {"mono": 60, "wall": "2026-11-23T09:01:00+01:00", "event": "lock"}
    {"mono": 90, "wall": "2026-11-23T09:01:30+01:00", "event": "answer", "answer": "take"}

Every problem in a file is reported at once as ``line N: field: message`` and
nothing is used, so a trace never half-runs. Ranges are checked by the core
settings class itself, so the file and the settings dialog cannot disagree.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal, NamedTuple

from pydantic import (
    ConfigDict,
    Field,
    StrictBool,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
    with_config,
)
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from desktop.content.errors import ContentError, describe_validation_error
from desktop.content.schema import _Strict
from desktop.core.break_settings import BreakSettings, BreakSettingsError
from desktop.core.breaks import ANSWERS, EVENTS

MAX_SETTINGS_BYTES = 64 * 1024
MAX_TRACE_BYTES = 50 * 1024 * 1024
MAX_PROBLEMS = 100  # a wholly wrong file gets the first hundred, not millions of lines

Number = Annotated[float, Field(ge=0, allow_inf_nan=False)]


@with_config(ConfigDict(extra="forbid"))
class WorkingHoursFile(TypedDict):
    start: str
    end: str
    days: list[int]


@with_config(ConfigDict(extra="forbid"))
class BreakSettingsFile(TypedDict, total=False):
    """Only the keys present are passed on, so the defaults live in one place (the core)."""

    interval_min: float
    natural_break_min: float
    snooze_min: float
    working_hours: WorkingHoursFile | None
    quiet_when_fullscreen: StrictBool
    quiet_when_dnd: StrictBool
    quiet_in_calls: StrictBool


_SETTINGS = TypeAdapter(BreakSettingsFile)


class TraceLine(NamedTuple):
    """One checked line of a trace, kept small: 50 MB of trace is some 700,000 of them."""

    mono: float
    wall: datetime
    idle_s: float | None
    event: str | None  # one of EVENTS, or "answer"
    answer: str | None


class TraceLineFile(_Strict):
    mono: Number
    wall: datetime
    idle_s: Number | None = None
    event: Literal[(*EVENTS, "answer")] | None = None
    answer: Literal[ANSWERS] | None = None

    @field_validator("wall", mode="before")
    @classmethod
    def _iso_with_offset(cls, value):
        """Only ISO 8601 text, never a bare number, and always with its UTC offset."""
        if not isinstance(value, str):
            raise ValueError("must be an ISO 8601 date and time text with a UTC offset")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO 8601 date and time") from None
        if parsed.utcoffset() is None:
            raise ValueError("needs a UTC offset (e.g. +01:00 or Z)")
        return parsed

    @model_validator(mode="after")
    def _one_observation(self):
        if (self.idle_s is None) == (self.event is None):
            raise ValueError("needs exactly one of idle_s or event")
        if self.event == "answer" and self.answer is None:
            raise ValueError('answer: needed when event is "answer" (take, snooze or skip)')
        if self.event != "answer" and self.answer is not None:
            raise ValueError('answer: only allowed with event "answer"')
        return self


def read_break_settings(path: Path) -> BreakSettings:
    source = str(path)
    text = _read_text(path, MAX_SETTINGS_BYTES, "a settings file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(
            source, [f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"]
        ) from exc
    except RecursionError as exc:
        raise ContentError(source, ["nested too deeply to be settings"]) from exc
    if not isinstance(data, dict):
        raise ContentError(source, ["must be a JSON object of setting names and values"])
    try:
        return BreakSettings(**_SETTINGS.validate_python(data))
    except ValidationError as exc:
        raise ContentError(source, describe_validation_error(exc)) from exc
    except BreakSettingsError as exc:
        raise ContentError(source, exc.problems) from exc


def read_trace(path: Path) -> list[TraceLine]:
    """Every line of the trace, checked; ``ContentError`` names each bad line and field."""
    lines: list[TraceLine] = []
    problems: list[str] = []
    for number, raw in enumerate(_lines(_read_text(path, MAX_TRACE_BYTES, "a trace")), start=1):
        if not raw.strip():
            continue
        line, found = _parse_line(raw)
        if line is not None and lines and line.mono < lines[-1].mono:
            found = [f"mono: goes back from {lines[-1].mono:g} to {line.mono:g}; it must never decrease"]
        elif line is not None:
            lines.append(line)
        problems += [f"line {number}: {p}" for p in found]
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], f"... and {len(problems) - MAX_PROBLEMS} more problems"]
    if problems:
        raise ContentError(str(path), problems)
    return lines


def _lines(text: str) -> Iterator[str]:
    """The lines one at a time: a list of them all would double what a big trace costs."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def _parse_line(raw: str) -> tuple[TraceLine | None, list[str]]:
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        return None, ["not valid JSON"]
    if not isinstance(data, dict):
        return None, ["must be a JSON object"]
    try:
        checked = TraceLineFile.model_validate(data)
    except ValidationError as exc:
        return None, describe_validation_error(exc)
    return TraceLine(checked.mono, checked.wall, checked.idle_s, checked.event, checked.answer), []


def _read_text(path: Path, max_bytes: int, what: str) -> str:
    source = str(path)
    try:
        with path.open("rb") as file:
            raw = file.read(max_bytes + 1)  # never more: a huge file is refused unread
    except OSError as exc:
        raise ContentError(source, [f"cannot be read: {exc.strerror or exc}"]) from exc
    if len(raw) > max_bytes:
        raise ContentError(source, [f"is larger than {_size(max_bytes)}, the most {what} may be"])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(source, [f"is not UTF-8 text (byte {exc.start})"]) from exc


def _size(n: int) -> str:
    return f"{n // 2**20} MB" if n >= 2**20 else f"{n // 2**10} KB"
