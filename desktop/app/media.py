"""Sound cues and the voice, made once per app run and only when a session needs them.

QtMultimedia and QtTextToSpeech are heavy and the first screen does not use
them. Making them once means "no audio device" or "no speech engine" is
said once per run, not once per session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded with the first session, not with the first window
    from desktop.platform.audio import SoundCues
    from desktop.platform.speech import Voice

log = logging.getLogger("upright")


class Media:
    def __init__(
        self,
        *,
        make_sound: Callable[[], SoundCues] | None = None,
        make_voice: Callable[[], Voice] | None = None,
    ) -> None:
        """``make_sound``/``make_voice`` build the adapters (tests hand in ones with fake backends)."""
        self._make_sound = make_sound
        self._make_voice = make_voice
        self._sound: SoundCues | None = None
        self._voice: Voice | None = None
        self.sound_wanted = True  # the person's preference, applied when the cues are made
        self.voice_wanted = True
        self.notices: list[str] = []
        self._listeners: list[Callable[[str], None]] = []

    def on_notice(self, listener: Callable[[str], None]) -> None:
        """Hear about missing pieces; a late listener is told what was already said."""
        self._listeners.append(listener)
        for notice in self.notices:
            listener(notice)

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
            self._sound.unavailable.connect(self.notice)  # emitted from the loop, so not missed
        return self._sound

    @property
    def voice(self) -> Voice:
        if self._voice is None:
            from desktop.platform.speech import Voice

            self._voice = self._make_voice() if self._make_voice else Voice()
            self._voice.set_enabled(self.voice_wanted)
            self._voice.unavailable.connect(self.notice)
            self._voice.start()
        return self._voice
