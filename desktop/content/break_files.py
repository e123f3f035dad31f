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

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple, cast

from pydantic import (
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
    with_config,
)
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from desktop.content.bounded_read import parse_json, read_bounded
from desktop.content.errors import ContentError, describe_validation_error
from desktop.content.schema import _Strict
from desktop.core.break_settings import BreakSettings, BreakSettingsError
from desktop.core.breaks import ANSWERS, EVENTS, Answer, BreakEvent

MAX_SETTINGS_BYTES = 64 * 1024
MAX_TRACE_BYTES = 50 * 1024 * 1024
MAX_SPAN_DAYS = 31  # a month of reminders replays in well under a second
MAX_SPAN_S = MAX_SPAN_DAYS * 86400
MAX_PROBLEMS = 100  # a wholly wrong file gets the first hundred, not millions of lines

Number = Annotated[float, Field(ge=0, allow_inf_nan=False, strict=True)]
# A replay adds a month to a date and looks a day either side: keep that inside what dates can hold.
EARLIEST_YEAR, LATEST_YEAR = 1970, 9998


@with_config(ConfigDict(extra="forbid"))
class WorkingHoursFile(TypedDict):
    start: StrictStr
    end: StrictStr
    days: list[StrictInt]


@with_config(ConfigDict(extra="forbid"))
class BreakSettingsFile(TypedDict, total=False):
    """Only the keys present are passed on, so the defaults live in one place (the core)."""

    interval_min: StrictFloat
    natural_break_min: StrictFloat
    snooze_min: StrictFloat
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
    event: BreakEvent | None  # None on an idle reading and on an answer
    answer: Answer | None


class TraceLineFile(_Strict):
    mono: Number
    wall: datetime
    idle_s: Number | None = None
    # Literals built from the core's tuples (pydantic reads them at run time; mypy cannot).
    event: Literal[(*EVENTS, "answer")] | None = None  # type: ignore[valid-type]
    answer: Literal[ANSWERS] | None = None  # type: ignore[valid-type]

    @field_validator("wall", mode="before")
    @classmethod
    def _iso_with_offset(cls, value: object) -> datetime:
        """Only ISO 8601 text, never a bare number, and always with its UTC offset."""
        if not isinstance(value, str):
            raise ValueError("must be an ISO 8601 date and time text with a UTC offset")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO 8601 date and time") from None
        if parsed.utcoffset() is None:
            raise ValueError("needs a UTC offset (e.g. +01:00 or Z)")
        if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
            raise ValueError(f"must be a date from {EARLIEST_YEAR} to {LATEST_YEAR}")
        return parsed

    @model_validator(mode="after")
    def _one_observation(self) -> TraceLineFile:
        if (self.idle_s is None) == (self.event is None):
            raise ValueError("needs exactly one of idle_s or event")
        if self.event == "answer" and self.answer is None:
            raise ValueError('answer: needed when event is "answer" (take, snooze or skip)')
        if self.event != "answer" and self.answer is not None:
            raise ValueError('answer: only allowed with event "answer"')
        return self


def read_break_settings(path: Path) -> BreakSettings:
    source = str(path)
    data = parse_json(read_bounded(path, MAX_SETTINGS_BYTES, "a settings file"), source)
    if not isinstance(data, dict):
        raise ContentError(source, ["must be a JSON object of setting names and values"])
    try:
        # working_hours arrives as a dict; BreakSettings turns it into WorkingHours.
        return BreakSettings(**cast(dict[str, Any], _SETTINGS.validate_python(data)))
    except ValidationError as exc:
        raise ContentError(source, describe_validation_error(exc)) from exc
    except BreakSettingsError as exc:
        raise ContentError(source, exc.problems) from exc


def read_trace(path: Path) -> list[TraceLine]:
    """Every line of the trace, checked; ``ContentError`` names each bad line and field."""
    lines: list[TraceLine] = []
    problems: list[str] = []
    for number, raw in enumerate(_lines(read_bounded(path, MAX_TRACE_BYTES, "a trace")), start=1):
        if not raw.strip():
            continue
        line, found = _parse_line(raw)
        if line is not None and lines:
            found = _out_of_order(lines[0], lines[-1], line)
        if line is not None and not found:
            lines.append(line)
        problems += [f"line {number}: {p}" for p in found]
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], f"... and {len(problems) - MAX_PROBLEMS} more problems"]
    if problems:
        raise ContentError(str(path), problems)
    return lines


def _out_of_order(first: TraceLine, last: TraceLine, line: TraceLine) -> list[str]:
    """A line that goes back in time, or reaches further from the first than a replay may cover."""
    if line.mono < last.mono:
        return [f"mono: goes back from {last.mono:g} to {line.mono:g}; it must never decrease"]
    if line.mono - first.mono > MAX_SPAN_S:
        return [
            f"mono: is more than {MAX_SPAN_DAYS} days after the first line; a trace may cover at most that"
        ]
    if abs(line.wall - first.wall) > timedelta(days=MAX_SPAN_DAYS):
        return [
            f"wall: is more than {MAX_SPAN_DAYS} days from the first line's; a trace may cover at most that"
        ]
    return []


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
        data = parse_json(raw, "", one_line=True)
    except ContentError as exc:
        return None, exc.problems
    if not isinstance(data, dict):
        return None, ["must be a JSON object"]
    try:
        checked = TraceLineFile.model_validate(data)
    except ValidationError as exc:
        return None, describe_validation_error(exc)
    event = None if checked.event in (None, "answer") else BreakEvent(checked.event)
    answer = None if checked.answer is None else Answer(checked.answer)
    return TraceLine(checked.mono, checked.wall, checked.idle_s, event, answer), []
