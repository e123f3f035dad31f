"""Sound cues and the voice, made once per app run and only when a session needs them;
and what this machine lacks, told to the person once per install.

QtMultimedia and QtTextToSpeech are heavy and the first screen does not use
them. A missing piece (no sound, no voice, no tray) is not an error the person
can fix by reading it again, so it is said the first time it is found on this
install (remembered in the settings) and then only shown where it matters: the
session's sound and voice buttons read "No sound" and "No voice", with the
reason as their tooltip. D-Bus/logind missing changes nothing the person sees,
so it is only logged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded with the first session, not with the first window
    from desktop.app.store_worker import StoreWorker
    from desktop.platform.audio import SoundCues
    from desktop.platform.speech import Voice

log = logging.getLogger("upright")

SAID_KEY = "missing_said"  # the settings key: which Missing pieces the person has been told about


class Missing(StrEnum):
    """A piece Upright does without when a machine lacks it."""

    SOUND = "sound"
    VOICE = "voice"
    TRAY = "tray"
    SYSTEM_BUS = "system-bus"  # logind over D-Bus: only logged, nothing on screen changes


SaveSaid = Callable[[list[str]], Awaitable[None]]


class Media:
    def __init__(
        self,
        *,
        make_sound: Callable[[], SoundCues] | None = None,
        make_voice: Callable[[], Voice] | None = None,
        has_output: Callable[[], bool] | None = None,
    ) -> None:
        """``make_sound``/``make_voice`` build the adapters and ``has_output`` asks for a sound
        output (tests hand in ones with fake backends)."""
        self._make_sound = make_sound
        self._make_voice = make_voice
        self._has_output = has_output
        self._output_asked = False
        self._sound: SoundCues | None = None
        self._voice: Voice | None = None
        self.sound_wanted = True  # the person's preference, applied when the cues are made
        self.voice_wanted = True
        self.notices: list[str] = []
        self._listeners: list[Callable[[str], None]] = []
        self.lacking: dict[Missing, str] = {}  # found missing in this run, with the reason
        self._lack_listeners: list[Callable[[Missing, str], None]] = []
        self._unsaid: dict[Missing, str] = {}
        self._said: set[str] = set()
        self._save: SaveSaid | None = None
        self._saving: set[asyncio.Task[None]] = set()

    def on_notice(self, listener: Callable[[str], None]) -> None:
        """Hear what to tell the person; a late listener is told the problems already said in
        this run, and the missing pieces nobody has been told about yet."""
        self._listeners.append(listener)
        for notice in self.notices:
            listener(notice)
        self._tell_missing()

    def on_lack(self, listener: Callable[[Missing, str], None]) -> None:
        """Hear of every missing piece (those already found first), to show it as a state."""
        self._lack_listeners.append(listener)
        for kind, reason in self.lacking.items():
            listener(kind, reason)

    def drop_lack_listener(self, listener: Callable[[Missing, str], None]) -> None:
        self._lack_listeners.remove(listener)

    def recall(self, said: object, save: SaveSaid | None) -> None:
        """What earlier runs told the person (the stored ``SAID_KEY`` list), and how to store it.

        Without a call (no store), each missing piece is said once per run instead.
        """
        if isinstance(said, list):
            self._said |= {kind for kind in said if isinstance(kind, str)}
        self._save = save
        self._tell_missing()

    async def recall_from(self, worker: StoreWorker) -> None:
        """``recall`` with the history's settings (the tray reads them through its own store)."""
        said = await worker.run(worker.history.get_setting, SAID_KEY, [])
        self.recall(said, lambda kinds: worker.run(worker.history.set_setting, SAID_KEY, kinds))

    def missing(self, kind: Missing, reason: str) -> None:
        """``kind`` does not work on this machine: log it, show it as a state, say it once per install."""
        if kind in self.lacking:
            return
        if reason not in self.lacking.values():  # no sound also silences the voice: one line
            log.warning(reason)
        self.lacking[kind] = reason
        for listener in list(self._lack_listeners):
            listener(kind, reason)
        if kind is not Missing.SYSTEM_BUS:
            self._unsaid[kind] = reason
            self._tell_missing()

    def _tell_missing(self) -> None:
        if not self._listeners:
            return  # kept until someone can show it
        told = False
        for kind, reason in list(self._unsaid.items()):
            del self._unsaid[kind]
            if kind in self._said:
                continue
            self._said.add(kind)
            told = True
            for listener in list(self._listeners):
                listener(reason)
        if told and self._save is not None:
            task = asyncio.ensure_future(self._store_said(self._save, sorted(self._said)))
            self._saving.add(task)
            task.add_done_callback(self._saving.discard)

    @staticmethod
    async def _store_said(save: SaveSaid, said: list[str]) -> None:
        try:
            await save(said)
        except Exception as exc:  # a store problem: only a repeat of the message next time is lost
            log.info("which missing pieces were said could not be saved: %s", exc)

    def outputs_lacking(self) -> dict[Missing, str]:
        """Why the sound cues or the voice cannot work here, for Preferences to say so.

        What a session found out, or else (once per run) whether the system has a sound
        output at all: without one neither can be heard. QtMultimedia loads for that
        question, when Preferences first opens, not before.
        """
        if self._sound is None and Missing.SOUND not in self.lacking and not self._output_asked:
            self._output_asked = True
            from desktop.platform.audio import NO_SOUND, has_audio_output

            if not (self._has_output or has_audio_output)():
                self.missing(Missing.SOUND, NO_SOUND)
                self.missing(Missing.VOICE, NO_SOUND)
        return {
            kind: reason for kind, reason in self.lacking.items() if kind in (Missing.SOUND, Missing.VOICE)
        }

    def _sound_missing(self, reason: str) -> None:
        self.missing(Missing.SOUND, reason)

    def _voice_missing(self, reason: str) -> None:
        self.missing(Missing.VOICE, reason)

    def drop_listener(self, listener: Callable[[str], None]) -> None:
        self._listeners.remove(listener)

    def notice(self, text: str) -> None:
        """Say once what cannot work here; listeners show it where the person looks."""
        self.notices.append(text)
        log.warning(text)
        for listener in list(self._listeners):
            listener(text)

    def want(self, *, sound: bool, voice: bool) -> None:
        """Apply the preferences now to what exists, later to what is made."""
        self.sound_wanted, self.voice_wanted = sound, voice
        if self._sound is not None:
            self._sound.set_enabled(sound)
        if self._voice is not None:
            self._voice.set_enabled(voice)

    @property
    def sound(self) -> SoundCues:
        if self._sound is None:
            from desktop.platform.audio import SoundCues

            self._sound = self._make_sound() if self._make_sound else SoundCues()
            self._sound.set_enabled(self.sound_wanted)
            self._sound.unavailable.connect(self._sound_missing)  # emitted from the loop, so not missed
        return self._sound

    @property
    def voice(self) -> Voice:
        if self._voice is None:
            from desktop.platform.speech import Voice

            self._voice = self._make_voice() if self._make_voice else Voice()
            self._voice.set_enabled(self.voice_wanted)
            self._voice.unavailable.connect(self._voice_missing)
            self._voice.start()
        return self._voice
