"""What scripts and panels can ask the running Upright: its status, a break, a snooze, a pause.

One line of text each way over the single-instance socket, so ``upright
status --json`` in a waybar or polybar module and ``upright snooze 10`` in
a script drive the same tray a person clicks. Parsing lives here, pure, so
the command line and the running app refuse the same bad input the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.core.break_status import BreakStatus, TrayState

MAX_MINUTES = 24 * 60


class Control(StrEnum):
    STATUS = "status"
    BREAK = "break"
    SNOOZE = "snooze"
    PAUSE = "pause"


TAKES_MINUTES = (Control.SNOOZE, Control.PAUSE)


def parse_minutes(text: str) -> int:
    """A whole number of minutes from 1 to a day; ValueError naming the problem otherwise."""
    try:
        minutes = int(text.strip())
    except ValueError:
        minutes = 0
    if not 1 <= minutes <= MAX_MINUTES or not text.strip().isdigit():
        raise ValueError(f"MINUTES must be a whole number from 1 to {MAX_MINUTES}, not {text!r}")
    return minutes


@dataclass(frozen=True)
class ControlRequest:
    control: Control
    minutes: int | None = None

    def line(self) -> str:
        return self.control.value if self.minutes is None else f"{self.control.value} {self.minutes}"

    @classmethod
    def from_line(cls, line: str) -> ControlRequest:
        word, _, rest = line.strip().partition(" ")
        try:
            control = Control(word)
        except ValueError:
            raise ValueError(f"unknown request {word!r}") from None
        if control in TAKES_MINUTES:
            return cls(control, parse_minutes(rest))
        if rest:
            raise ValueError(f"{word} takes no argument, not {rest!r}")
        return cls(control)


class ControlOutcome(StrEnum):
    """Whether a request did what it asked (``upright`` exits 0) or found nothing to do (it exits 3)."""

    DONE = "done"
    NOTHING_TO_DO = "nothing_to_do"  # nothing changed and nothing was recorded


def refusal(request: ControlRequest, status: BreakStatus) -> str | None:
    """Why ``request`` has nothing to act on now, or None: a snooze needs a reminder showing."""
    if request.control is not Control.SNOOZE or status.state is TrayState.DUE:
        return None
    if status.on_break:
        return "A desk break is on screen: its Snooze button puts it off."
    return f"No reminder is showing, so there is nothing to snooze. {status.detail}."


def said(request: ControlRequest, before: BreakStatus, after: BreakStatus) -> str:
    """What a done request answers, from the status before and after it: what happened, and until when."""
    match request.control:
        case Control.BREAK if before.on_break:
            return "A desk break is already on screen."
        case Control.BREAK:
            return "Break started: the stand-and-extend break is on screen."
        case Control.SNOOZE | Control.PAUSE:
            return f"{after.detail}."
        case _:
            return after.text


def reply(status: BreakStatus, outcome: ControlOutcome, message: str) -> dict[str, Any]:
    """The JSON line sent back: the status, what came of the request, and the sentence saying so."""
    return {**status.as_json(), "outcome": outcome.value, "said": message}
