"""Starting a session, the same way from the main window, the tray and ``upright run``.

Only one session runs at a time, whoever asks: a second one would be a second
window counting the same minutes, and a second record of them. The guard lives
here, where every session starts, rather than in each caller.

The sound and voice choices are the person's: read from the settings as the
session starts (Preferences, or M and V in the last session, may have changed
them) and saved the moment M or V changes them.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import TYPE_CHECKING

from desktop.app.media import Media, Missing
from desktop.app.session_controller import SessionController
from desktop.core.catalog import Catalog, Routine
from desktop.core.history import SessionOutcome
from desktop.core.intents import SessionIntent
from desktop.ui.appearance import Appearance
from desktop.ui.session_view import SessionView

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker

log = logging.getLogger("upright")


class SessionBusy(Exception):
    """A session is already on screen; it has been brought to the front instead."""


_current: SessionController | None = None
_current_done: asyncio.Future[None] | None = None


def session_running() -> bool:
    return _current is not None


def session_on_screen() -> bool:
    """A session has begun (its window is up), rather than still asking its first questions."""
    return _current is not None and _current.view.isVisible()


def _refuse_if_busy() -> None:
    if _current is not None:
        _current.view.raise_()
        _current.view.activateWindow()
        raise SessionBusy(f"{_current.routine.name} is already running")


async def end_running_session() -> None:
    """End the session on screen the way closing its window does (it is recorded as ended
    early with the sets done, and nothing more is asked), and wait until it is recorded."""
    if _current is None or _current_done is None:
        return
    done = _current_done
    _current.view.close()
    await asyncio.shield(done)


def record_running_session_now(timeout_s: float) -> None:
    """The display has gone and the loop will not run again: the session on screen is ended
    early with its sets, journaled at once, and the store is given up to ``timeout_s`` to
    take them (what it cannot take, the next start writes)."""
    if _current is None:
        return
    _current.record_now()
    if _current.worker is not None:
        _current.worker.sets.flush_now(timeout_s)


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
) -> SessionOutcome:
    """Run ``routine`` to its end; returns the outcome (completed or ended early).

    Raises ``SessionBusy`` (and raises the running session's window) when one is already on.
    """
    global _current, _current_done
    _refuse_if_busy()
    choices = _Choices(worker, media)
    await choices.recall()
    _refuse_if_busy()  # again: another session may have started while the settings were read
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
    show_lack = partial(_show_lack, controller.view)
    media.on_lack(show_lack)
    appearance.changed.connect(controller.view.set_palette)
    choices.follow()
    try:
        return await controller.run()
    finally:
        if _current_done is not None:
            _current_done.set_result(None)
        _current, _current_done = None, None
        appearance.changed.disconnect(controller.view.set_palette)
        media.drop_listener(controller.view.notify)
        media.drop_lack_listener(show_lack)
        await choices.close()


def _show_lack(view: SessionView, kind: Missing, reason: str) -> None:
    intent = {Missing.SOUND: SessionIntent.MUTE, Missing.VOICE: SessionIntent.VOICE}.get(kind)
    if intent is not None:
        view.show_missing(intent, reason)


class _Choices:
    """M and V: read from the settings before a session, saved as the person changes them."""

    def __init__(self, worker: StoreWorker | None, media: Media) -> None:
        from desktop.app.settings_flow import SOUND_KEY, VOICE_KEY

        self._worker, self._media = worker, media
        self._saving: set[asyncio.Task[None]] = set()
        self._on_sound = partial(self._changed, SOUND_KEY)
        self._on_voice = partial(self._changed, VOICE_KEY)
        self._keys = SOUND_KEY, VOICE_KEY

    async def recall(self) -> None:
        if self._worker is not None:
            get = self._worker.history.get_setting
            sound, voice = [bool(await self._worker.run(get, key, True)) for key in self._keys]
            self._media.want(sound=sound, voice=voice)

    def follow(self) -> None:
        self._media.sound.enabled_changed.connect(self._on_sound)
        self._media.voice.enabled_changed.connect(self._on_voice)

    def _changed(self, key: str, enabled: bool) -> None:
        media = self._media
        media.want(sound=media.sound.enabled, voice=media.voice.enabled)  # the app's preference too
        if self._worker is not None:
            task = asyncio.ensure_future(self._worker.run(self._worker.history.set_setting, key, enabled))
            self._saving.add(task)
            task.add_done_callback(self._saving.discard)

    async def close(self) -> None:
        """Stop following and wait for the last choice to reach the disk (``upright run`` exits next)."""
        self._media.sound.enabled_changed.disconnect(self._on_sound)
        self._media.voice.enabled_changed.disconnect(self._on_voice)
        for failed in await asyncio.gather(*self._saving, return_exceptions=True):
            if failed is not None:  # only a convenience lost; the session's sets are saved on their own
                log.info("the sound or voice choice was not saved: %s", failed)
