"""Starting a session, the same way from the main window and from ``upright run``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.app.media import Media
from desktop.app.session_controller import SessionController
from desktop.core.catalog import Catalog, Routine
from desktop.ui.appearance import Appearance

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker


async def run_session(
    catalog: Catalog,
    routine: Routine,
    worker: StoreWorker | None,
    appearance: Appearance,
    media: Media,
    *,
    speed: float = 1.0,
    auto: bool = False,
    compact: bool = False,
    ladder: dict[str, int] | None = None,
) -> str:
    """Run ``routine`` to its end; returns the outcome (completed or ended_early)."""
    controller = SessionController(
        catalog,
        routine,
        worker=worker,
        palette=appearance.palette,
        sound=media.sound,
        voice=media.voice,
        speed=speed,
        auto=auto,
        compact=compact,
        ladder=ladder,
    )
    media.on_notice(controller.view.notify)
    appearance.changed.connect(controller.view.set_palette)
    try:
        return await controller.run()
    finally:
        appearance.changed.disconnect(controller.view.set_palette)
        media.drop_listener(controller.view.notify)
