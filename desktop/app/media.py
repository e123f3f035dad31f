"""Sound cues and the voice, made once per app run and only when a session needs them.

QtMultimedia and QtTextToSpeech are heavy and the first screen does not use
them. Making them once means "no audio device" or "no speech engine" is
said once per run, not once per session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger("upright")


class Media:
    def __init__(self):
        self._sound = None
        self._voice = None
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
    def sound(self):
        if self._sound is None:
            from desktop.platform.audio import SoundCues

            self._sound = SoundCues()
            self._sound.set_enabled(self.sound_wanted)
            self._sound.unavailable.connect(self.notice)  # emitted from the loop, so not missed
        return self._sound

    @property
    def voice(self):
        if self._voice is None:
            from desktop.platform.speech import Voice

            self._voice = Voice()
            self._voice.set_enabled(self.voice_wanted)
            self._voice.unavailable.connect(self.notice)
            self._voice.start()
        return self._voice
