"""Short sound cues for the session timer, played with QSoundEffect.

QSoundEffect keeps each decoded WAV in memory and starts it with little
latency, which a once-a-second tick needs. The effects are loaded when
SoundCues is made, so the first tick is not late, and only when there is an
output to play them on. The WAVs come from packaging/make_sounds.py.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Literal, Protocol, get_args

from PySide6.QtCore import QObject, QUrl, SignalInstance

import desktop.ui.resources_rc  # noqa: F401  (registers the :/sounds/... paths)
from desktop.platform.cue_output import CueOutput

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

CueName = Literal["step_start", "tick", "side_switch", "set_end", "session_end"]
CUE_NAMES: tuple[CueName, ...] = get_args(CueName)
NO_SOUND = "No sound on this computer: the session runs silently."
VOLUME = 0.8  # a little under full, so a cue does not startle over music or speech


class Effect(Protocol):
    """The part of QSoundEffect that SoundCues uses; tests hand in fakes of this shape."""

    statusChanged: SignalInstance

    def status(self) -> QSoundEffect.Status: ...

    def play(self) -> None: ...


def has_audio_output() -> bool:
    """Whether the system offers a sound output at all (a server or a bare VM may not)."""
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.audioOutputs()) and not QMediaDevices.defaultAudioOutput().isNull()


class SoundCues(CueOutput):
    """Plays the named cues, or nothing when sound cannot work; never raises.

    ``unavailable`` is emitted from the event loop, so a slot connected just
    after construction still hears about a missing output device.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        has_output_device: Callable[[], bool] = has_audio_output,
        effect_factory: Callable[[QUrl], Effect] | None = None,
    ) -> None:
        super().__init__(parent)
        self._effects: dict[str, Effect] = {}
        try:
            if has_output_device():
                self._preload(effect_factory or self._sound_effect)
            else:
                self._give_up(NO_SOUND)
        except ImportError:
            self._give_up("This installation of Qt has no multimedia module, so the sound cues are silent.")

    def play(self, name: CueName) -> None:
        """Start the cue; does nothing while disabled or unavailable."""
        effect = self._effects.get(name)
        if self._enabled and self._reason is None and effect is not None:
            effect.play()

    def _preload(self, make_effect: Callable[[QUrl], Effect]) -> None:
        for name in CUE_NAMES:
            effect = make_effect(QUrl(f"qrc:/sounds/{name}.wav"))
            self._effects[name] = effect
            effect.statusChanged.connect(partial(self._check_loaded, name, effect))
            self._check_loaded(name, effect)  # in case it failed before we listened

    def _sound_effect(self, source: QUrl) -> QSoundEffect:
        from PySide6.QtMultimedia import QSoundEffect

        effect = QSoundEffect(self)
        effect.setVolume(VOLUME)
        effect.setSource(source)
        return effect

    def _check_loaded(self, name: CueName, effect: Effect) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if effect.status() == QSoundEffect.Status.Error:
            cue = name.replace("_", " ")
            self._give_up(
                f"The {cue} sound could not be played on this machine, so the sound cues are silent."
            )

    def _give_up(self, reason: str, *, from_loop: bool = True) -> None:
        super()._give_up(reason, from_loop=from_loop)
