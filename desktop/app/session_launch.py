"""Starting a session, the same way from the main window, the tray and ``upright run``.

Only one session runs at a time, whoever asks: a second one would be a second
window counting the same minutes, and a second record of them. The guard lives
here, where every session starts, rather than in each caller.
"""

from __future__ import annotations

import asyncio
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
_current_done: asyncio.Future[None] | None = None


def session_running() -> bool:
    return _current is not None


def session_on_screen() -> bool:
    """A session has begun (its window is up), rather than still asking its first questions."""
    return _current is not None and _current.view.isVisible()


async def end_running_session() -> None:
    """End the session on screen the way closing its window does (it is recorded as ended
    early with the sets done, and nothing more is asked), and wait until it is recorded."""
    if _current is None or _current_done is None:
        return
    done = _current_done
    _current.view.close()
    await asyncio.shield(done)


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
    global _current, _current_done
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
    _current, _current_done = controller, asyncio.get_running_loop().create_future()
    media.on_notice(controller.view.notify)
    appearance.changed.connect(controller.view.set_palette)
    try:
        return await controller.run()
    finally:
        if _current_done is not None:
            _current_done.set_result(None)
        _current, _current_done = None, None
        appearance.changed.disconnect(controller.view.set_palette)
        media.drop_listener(controller.view.notify)
