"""The reminder's status in words: the tray's tooltip and ``upright status``.

Derived here, from what the policy knows, so every state has its own true
sentence: a fresh start is "Sitting for 0 min", not a break nobody took; a
break on screen is "On a break"; a skipped one is "Break skipped". Times a
person waits for ("paused until", "snoozed until") are said as the local
clock shows them.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from desktop.core.breaks import BreakPolicy, SittingSince


class TrayState(StrEnum):
    """The tray icon's look: counting, a break due, or no reminders coming (paused, off hours)."""

    NORMAL = "normal"
    DUE = "due"
    PAUSED = "paused"


@dataclass(frozen=True)
class BreakStatus:
    """What the tray shows and ``upright status --json`` prints (its keys are the JSON's)."""

    state: TrayState
    sitting_min: int
    progress: float  # sitting as a share of the interval: the icon's fill
    next_break_min: int | None  # while counting towards a reminder
    paused_until: datetime | None
    snoozed_until: datetime | None  # about: if the person keeps sitting
    skips_left: int | None
    on_break: bool
    sitting: str  # the first half of the text: how long, or what just happened
    detail: str  # the second half: what comes next
    text: str

    def as_json(self) -> dict[str, Any]:
        values = asdict(self)
        for key in ("paused_until", "snoozed_until"):
            when = values[key]
            values[key] = when.isoformat(timespec="seconds") if when is not None else None
        values["state"] = self.state.value
        return values


def clock_time(when: datetime, now: datetime) -> str:
    """``14:40``, ``tomorrow at 00:00`` or ``Wed 9 Dec at 08:00``: as the clock on the wall shows it."""
    local = when.astimezone(now.tzinfo)
    days = (local.date() - now.date()).days
    if days == 0:
        return f"{local:%H:%M}"
    if days == 1:
        return f"tomorrow at {local:%H:%M}"
    return f"{local:%a} {local.day} {local:%b} at {local:%H:%M}"


def break_status(
    policy: BreakPolicy, mono: float, wall: datetime, *, on_break: bool, reminder_shown: bool
) -> BreakStatus:
    """The status at ``mono``/``wall``; ``on_break``: a desk break is on screen; ``reminder_shown``:
    a reminder waits for an answer (the policy may not call it due while a quiet state holds it)."""
    flags = policy.state
    sat = policy.sitting_s(mono)
    minutes = int(sat // 60)
    interval_s = policy.settings.interval_min * 60
    left = max(0, math.ceil((policy.remind_at_s - sat) / 60))
    hours = policy.settings.working_hours
    snoozed_until = wall + timedelta(minutes=left) if flags.snoozed and policy.counting else None
    state, next_break = TrayState.NORMAL, None
    paused_until = policy.paused_until
    if paused_until is not None:
        state, detail = TrayState.PAUSED, f"Reminders paused until {clock_time(paused_until, wall)}"
    elif not policy.counting and hours is not None:
        state = TrayState.PAUSED
        detail = f"Outside working hours: reminders from {clock_time(hours.next_change(wall), wall)}"
    elif flags.due or reminder_shown:
        state, detail = TrayState.DUE, "A break is due"
    elif snoozed_until is not None:
        detail = f"Snoozed until about {clock_time(snoozed_until, wall)}"
        next_break = left
    else:  # at 0 the reminder is a wake-up away: the next idle reading may still find time away
        detail = f"Next break in about {left} min" if left else "Next break in under a minute"
        next_break = left
    if on_break:
        sitting, detail = "On a break", ""
    elif state is TrayState.PAUSED:
        sitting = ""  # nothing is counted: the detail says until when
    elif minutes == 0 and policy.since is SittingSince.BREAK:
        sitting = "Just had a break"
    elif minutes == 0 and policy.since is SittingSince.SKIP:
        sitting = "Break skipped"
    else:
        sitting = f"Sitting for {minutes} min"
    return BreakStatus(
        state=state,
        sitting_min=minutes,
        progress=sat / interval_s,
        next_break_min=next_break,
        paused_until=paused_until,
        snoozed_until=snoozed_until,
        skips_left=policy.skips_left(wall),
        on_break=on_break,
        sitting=sitting,
        detail=detail,
        text=" \u00b7 ".join(part for part in (sitting, detail) if part),
    )
