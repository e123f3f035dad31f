"""Starting a session, the same way from the main window and from ``upright run``.

The sound and voice choices are the person's: read from the settings as the
session starts (the Preferences dialog or an M/V in the last session may
have changed them) and saved the moment M or V changes them.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import TYPE_CHECKING

from desktop.app.media import Media
from desktop.app.session_controller import SessionController
from desktop.core.catalog import Catalog, Routine
from desktop.ui.appearance import Appearance

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker

log = logging.getLogger("upright")


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
    from desktop.app.settings_flow import SOUND_KEY, VOICE_KEY

    if worker is not None:
        media.want(
            sound=bool(await worker.run(worker.history.get_setting, SOUND_KEY, True)),
            voice=bool(await worker.run(worker.history.get_setting, VOICE_KEY, True)),
        )
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
    saving: set[asyncio.Task] = set()

    def remember(key: str, enabled: bool) -> None:
        media.want(sound=media.sound.enabled, voice=media.voice.enabled)  # the app's preference too
        if worker is not None:
            task = asyncio.ensure_future(worker.run(worker.history.set_setting, key, enabled))
            saving.add(task)
            task.add_done_callback(saving.discard)

    on_sound, on_voice = partial(remember, SOUND_KEY), partial(remember, VOICE_KEY)
    media.sound.enabled_changed.connect(on_sound)
    media.voice.enabled_changed.connect(on_voice)
    try:
        return await controller.run()
    finally:
        media.sound.enabled_changed.disconnect(on_sound)
        media.voice.enabled_changed.disconnect(on_voice)
        appearance.changed.disconnect(controller.view.set_palette)
        media.drop_listener(controller.view.notify)
        for failed in await asyncio.gather(*saving, return_exceptions=True):
            if failed is not None:  # the choice is only a convenience; the session's sets are what matter
                log.warning("the sound or voice choice was not saved: %s", failed)
