"""Starting a session, the same way from the main window, the tray and ``upright run``.

Only one session runs at a time, whoever asks: a second one would be a second
window counting the same minutes, and a second record of them. The guard lives
here, where every session starts, rather than in each caller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.app.media import Media
from desktop.app.session_controller import SessionController
from desktop.core.catalog import Catalog, Routine
from desktop.ui.appearance import Appearance

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker


class SessionBusy(Exception):
    """A session is already on screen; it has been brought to the front instead."""


_current: SessionController | None = None


def session_running() -> bool:
    return _current is not None


async def run_session(
    catalog: Catalog,
    routine: Routine,
    worker: StoreWorker | None,
    appearance: Appearance,
    media: Media,
    *,
    speed: float = 1.0,
    auto: bool = False,
    ladder: dict[str, int] | None = None,
) -> str:
    """Run ``routine`` to its end; returns the outcome (completed or ended_early).

    Raises ``SessionBusy`` (and raises the running session's window) when one is already on.
    """
    global _current
    if _current is not None:
        _current.view.raise_()
        _current.view.activateWindow()
        raise SessionBusy(f"{_current.routine.name} is already running")
    controller = SessionController(
        catalog,
        routine,
        worker=worker,
        palette=appearance.palette,
        sound=media.sound,
        voice=media.voice,
        speed=speed,
        auto=auto,
        ladder=ladder,
    )
    _current = controller
    media.on_notice(controller.view.notify)
    appearance.changed.connect(controller.view.set_palette)
    try:
        return await controller.run()
    finally:
        _current = None
        appearance.changed.disconnect(controller.view.set_palette)
        media.drop_listener(controller.view.notify)
