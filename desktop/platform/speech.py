"""Spoken counts and step names through the system's text-to-speech engine.

Starting an engine can take a noticeable time (speech-dispatcher, for one,
connects to its daemon), so none is made until start() or the first say();
the app calls start() after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLocale, QObject, Signal, SignalInstance

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

# Qt's test engine: the PySide6 wheel ships it and it "speaks" into nothing.
_SILENT_ENGINES = {"mock"}


class Engine(Protocol):
    """The part of QTextToSpeech that Voice uses; tests hand in fakes of this shape."""

    stateChanged: SignalInstance

    def state(self) -> QTextToSpeech.State: ...

    def errorString(self) -> str: ...

    def say(self, text: str) -> None: ...

    def stop(self) -> None: ...


class NoEngine(Exception):
    """Raised by an engine factory, with a plain-language reason, when nothing can speak."""


def system_engine(parent: QObject) -> QTextToSpeech:
    """The platform's preferred engine, at its natural rate, in English if it has English.

    Without a sound output nothing could be heard, and speech-dispatcher (0.11)
    then gets stuck on its first message and blocks every later call into it,
    this one included: so no engine is made at all.
    """
    from PySide6.QtTextToSpeech import QTextToSpeech

    from desktop.platform.audio import has_audio_output

    if not has_audio_output():
        raise NoEngine("No sound on this computer, so the voice is off.")
    if not set(QTextToSpeech.availableEngines()) - _SILENT_ENGINES:
        raise NoEngine("No text-to-speech engine is installed, so the voice is off.")
    engine = QTextToSpeech(parent)
    engine.setRate(0.0)
    _prefer_english(engine)
    return engine


def _prefer_english(engine: QTextToSpeech) -> None:
    """The counts and step names are English words; another language's voice would mangle them."""
    english = QLocale.Language.English
    if engine.locale().language() != english:
        locales = [locale for locale in engine.availableLocales() if locale.language() == english]
        if locales:
            engine.setLocale(locales[0])


class Voice(QObject):
    """Says short phrases, or nothing when no engine can speak; never raises.

    ``unavailable`` carries a plain-language reason, once, from start(),
    say() or later if the engine fails. Before the engine exists
    ``available`` is hopeful: True until something proves otherwise.
    """

    unavailable = Signal(str)
    enabled_changed = Signal(bool)  # the person's V choice, for the settings to remember

    def __init__(
        self, parent: QObject | None = None, *, engine_factory: Callable[[QObject], Engine] = system_engine
    ) -> None:
        super().__init__(parent)
        self._engine_factory = engine_factory
        self._engine: Engine | None = None
        self._enabled = True
        self._reason: str | None = None

    @property
    def enabled(self) -> bool:
        return self._enabled

    @property
    def available(self) -> bool:
        return self._reason is None

    def set_enabled(self, enabled: bool) -> None:
        """Turning the voice off also cuts off what it is saying now."""
        if enabled != self._enabled:
            self._enabled = enabled
            self.enabled_changed.emit(enabled)
        if not enabled and self._engine is not None and self._reason is None:
            self._engine.stop()

    def start(self) -> None:
        """Make the engine now rather than at the first say(); later calls do nothing."""
        if self._engine is not None or self._reason is not None:
            return
        try:
            self._engine = self._engine_factory(self)
        except NoEngine as no_engine:
            self._give_up(str(no_engine))
            return
        except ImportError:
            self._give_up("This installation of Qt has no text-to-speech module, so the voice is off.")
            return
        self._engine.stateChanged.connect(self._check_state)
        self._check_state(self._engine.state())  # some engines fail while being made

    def say(self, text: str) -> None:
        """Speak now, cutting off anything still being said so counts stay in time."""
        if not self._enabled:
            return
        self.start()
        if self._reason is None:
            self._engine.stop()
            self._engine.say(text)

    def _check_state(self, state: QTextToSpeech.State) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Error:
            detail = self._engine.errorString() or "no details given"
            self._give_up(f"The speech engine stopped working ({detail}), so the voice is off.")

    def _give_up(self, reason: str) -> None:
        if self._reason is None:
            self._reason = reason
            self.unavailable.emit(reason)
