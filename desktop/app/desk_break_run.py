"""Making the desk break window, on first use.

Kept apart from the tray controller so the figure, its poses and the
window's module load only when someone takes a break.
"""

from __future__ import annotations

import asyncio

from desktop.content.catalog_cache import shipped_poses
from desktop.core.catalog import Catalog
from desktop.core.desk_break import desk_break
from desktop.core.intents import BreakEnd
from desktop.ui.appearance import Appearance
from desktop.ui.break_window import BreakWindow

BREAK_ROUTINE = "stand-and-extend"


def open_desk_break(
    catalog: Catalog, appearance: Appearance, can_skip: bool
) -> tuple[BreakWindow, asyncio.Future[BreakEnd]]:
    """The break window, shown, and a future with how it ended (a ``BreakEnd``).

    The window follows theme changes while it is open and lets go of them when it ends.
    """
    plan = desk_break(catalog, catalog.routine(BREAK_ROUTINE))
    window = BreakWindow(plan, poses=shipped_poses(), palette=appearance.palette, can_skip=can_skip)
    ended: asyncio.Future[BreakEnd] = asyncio.get_running_loop().create_future()
    appearance.changed.connect(window.set_palette)

    def on_end(end: BreakEnd) -> None:
        appearance.changed.disconnect(window.set_palette)
        if not ended.done():
            ended.set_result(end)

    window.ended.connect(on_end)
    window.start()
    return window, ended
