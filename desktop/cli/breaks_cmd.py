"""``upright breaks simulate TRACE.jsonl [--settings FILE]``: replay a trace through the real policy.

The replay drives ``BreakPolicy`` the way the tray does: it wakes the policy
at every deadline it asks for, so a reminder due at mono 1800 is reported at
1800 even when the next line of the trace is at 1850. Between two lines the
wall clock is taken to run with mono, in the earlier line's offset.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK
from desktop.cli.output import fail
from desktop.content.break_files import TraceLine, read_break_settings, read_trace
from desktop.content.errors import ContentError
from desktop.core.break_settings import BreakSettings
from desktop.core.breaks import BreakPolicy, Decision


def run(args) -> int:
    settings, trace, errors = BreakSettings(), [], []
    try:
        if args.settings:
            settings = read_break_settings(Path(args.settings))
    except ContentError as exc:
        errors.append(exc.report())
    try:
        trace = read_trace(Path(args.trace))
    except ContentError as exc:
        errors.append(exc.report())
    if errors:
        return fail("\n".join(errors), EXIT_BAD_INPUT)
    for d in simulate(settings, trace):
        print(
            json.dumps(
                {
                    "mono": round(d.mono, 3),
                    "wall": d.wall.isoformat(timespec="seconds"),
                    "decision": d.decision,
                }
            )
        )
    return EXIT_OK


def simulate(settings: BreakSettings, trace: Iterable[TraceLine]) -> Iterator[Decision]:
    """Every decision the policy makes over ``trace``, in order."""
    policy = BreakPolicy(settings)
    now = 0.0
    wall: datetime | None = None
    for line in trace:
        while (
            wall is not None  # nothing is due before the first line
            and (deadline := policy.next_deadline(now)) is not None
            and now < deadline < line.mono
        ):
            wall += timedelta(seconds=deadline - now)
            now = deadline
            yield from policy.tick(now, wall)
        yield from _feed(policy, line)
        now, wall = line.mono, line.wall


def _feed(policy: BreakPolicy, line: TraceLine) -> list[Decision]:
    if line.idle_s is not None:
        return policy.sample(line.mono, line.wall, line.idle_s)
    # The file's schema (content/break_files.py) makes each line carry one of these.
    if line.answer is not None:
        return policy.answer(line.mono, line.wall, line.answer)
    if line.event is not None:
        return policy.event(line.mono, line.wall, line.event)
    return []
