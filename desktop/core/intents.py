"""What a person asked for on a screen, as values the type checker can follow.

Views emit these from their signals and controllers match on them, so a
misspelt intent is an error before the app runs, not a ``KeyError`` when a
key is pressed. They are ``StrEnum``s: a value reads as the word it stands
for in logs and test output, and the history page's range names are the
words the settings keep.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class SessionIntent(StrEnum):
    """A key or button on the session screen."""

    BACK = "back"
    SPACE = "space"  # pause or resume; in a self-paced set, count a rep
    SKIP = "skip"
    END = "end"  # asks first
    MUTE = "mute"
    VOICE = "voice"
    SET_DONE = "set_done"  # Enter: this self-paced set is finished
    CLOSE = "close"  # the window's own close (title-bar x, Alt+F4): ends without asking


class RoutineAction(StrEnum):
    """What a routine card's buttons and menu offer."""

    START = "start"
    EDIT = "edit"
    DUPLICATE = "duplicate"
    EXPORT = "export"
    DELETE = "delete"


class Page(Enum):
    """The main window's pages, in the order of its navigation."""

    EXERCISES = 0
    ROUTINES = 1
    HISTORY = 2


class TrayAction(StrEnum):
    """What the tray menu offers."""

    TAKE = "take"  # a desk break now
    SNOOZE = "snooze"
    PAUSE_HOUR = "pause_hour"
    PAUSE_TOMORROW = "pause_tomorrow"
    RESUME = "resume"
    OPEN = "open"
    PREFERENCES = "preferences"
    QUIT = "quit"


@dataclass(frozen=True)
class TrayIntent:
    """A tray menu choice; a snooze carries its minutes as a number, not inside a string."""

    action: TrayAction
    minutes: int | None = None


class HistoryExport(StrEnum):
    """What the history page's Export menu writes."""

    PDF = "pdf"  # the report for a physiotherapist
    CHARTS = "charts"  # each chart as an image
    CSV = "csv"  # every record


class BreakEnd(StrEnum):
    """How a desk break window ended; the tray records what it means."""

    COMPLETED = "completed"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    CLOSED = "closed"  # the title bar's x, Alt+F4, the window manager: handled as skipping


class SessionRowAction(StrEnum):
    """What can be done to one session in the history's list."""

    OPEN = "open"  # its sets
    PAIN = "pain"  # correct its ratings
    DELETE = "delete"  # with Undo
