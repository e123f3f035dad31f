"""What the main window knows about the person, shared by its controller and its action helpers.

The controller refreshes it from the store; the helpers read it when they
act. Sharing this small record, rather than handing each helper the whole
controller, keeps what a helper can touch written down in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.core.history import HistoryRange
from desktop.core.library import Library


@dataclass
class WindowState:
    library: Library
    ladder: dict[str, int] = field(default_factory=dict)  # the person's rung per exercise
    history_available: bool = False  # the store opened; own routines and history can change
    range_key: HistoryRange = HistoryRange.MONTHS_12  # the history page's period
    first_day: date = field(default_factory=lambda: date.today() - timedelta(days=364))
