"""Spoken counts and step names through the system's text-to-speech engine.

Starting an engine can take a noticeable time (speech-dispatcher, for one,
connects to its daemon), so none is made until start() or the first say();
the app calls start() after the first paint.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLocale, QObject, SignalInstance

from desktop.platform.cue_output import CueOutput

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

# Qt's test engine: the PySide6 wheel ships it and it "speaks" into nothing.
_SILENT_ENGINES = {"mock"}
SPEECHD_ANSWER_S = 1.0  # a running speech-dispatcher greets back in milliseconds


class Engine(Protocol):
    """The part of QTextToSpeech that Voice uses; tests hand in fakes of this shape."""

    stateChanged: SignalInstance

    def state(self) -> QTextToSpeech.State: ...

    def errorString(self) -> str: ...

    def say(self, text: str) -> None: ...

    def stop(self) -> None: ...


class NoEngine(Exception):
    """Raised by an engine factory, with a plain-language reason, when nothing can speak."""


def speechd_socket() -> Path | None:
    """Where speech-dispatcher listens for this user, as libspeechd looks for it."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address:
        kind, _, where = address.partition(":")
        return Path(where) if kind == "unix_socket" and where else None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "speech-dispatcher" / "speechd.sock"


def speechd_wedged(timeout_s: float | None = None) -> bool:
    """True when a speech-dispatcher accepts connections but does not answer.

    Qt's speechd engine connects without a time limit, so a daemon stuck (for
    one, half way through shutting down) would hang the session at its start;
    one SSIP greeting with a deadline finds out first. No socket, or a stale
    one, is fine: the library starts a new daemon then.
    """
    path = speechd_socket()
    if path is None or not path.exists():
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(timeout_s if timeout_s is not None else SPEECHD_ANSWER_S)
            probe.connect(str(path))
            probe.sendall(b"SET SELF CLIENT_NAME upright:probe:main\r\n")
            answer = probe.recv(128)
            probe.sendall(b"QUIT\r\n")
    except (ConnectionRefusedError, FileNotFoundError):
        return False
    except OSError:  # the time limit, or a socket that breaks off
        return True
    return not answer.startswith(b"2")


def system_engine(parent: QObject) -> QTextToSpeech:
    """The platform's preferred engine, at its natural rate, in English if it has English.

    Without a sound output nothing could be heard, and speech-dispatcher (0.11)
    then gets stuck on its first message and blocks every later call into it,
    this one included: so no engine is made at all.
    """
    from PySide6.QtTextToSpeech import QTextToSpeech

    from desktop.platform.audio import NO_SOUND, has_audio_output

    if not has_audio_output():
        raise NoEngine(NO_SOUND)
    engines = set(QTextToSpeech.availableEngines()) - _SILENT_ENGINES
    if not engines:
        raise NoEngine("No text-to-speech engine is installed, so the voice is off.")
    if "speechd" in engines and speechd_wedged():
        raise NoEngine("The speech service (speech-dispatcher) is not answering, so the voice is off.")
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


class Voice(CueOutput):
    """Says short phrases, or nothing when no engine can speak; never raises.

    ``unavailable`` carries a plain-language reason, once, from start(),
    say() or later if the engine fails. Before the engine exists
    ``available`` is hopeful: True until something proves otherwise.
    """

    def __init__(
        self, parent: QObject | None = None, *, engine_factory: Callable[[QObject], Engine] = system_engine
    ) -> None:
        super().__init__(parent)
        self._engine_factory = engine_factory
        self._engine: Engine | None = None

    def set_enabled(self, enabled: bool) -> None:
        """Turning the voice off also cuts off what it is saying now."""
        super().set_enabled(enabled)
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
        if self._reason is None and self._engine is not None:
            self._engine.stop()
            self._engine.say(text)

    def _check_state(self, state: QTextToSpeech.State) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Error:
            detail = (self._engine.errorString() if self._engine is not None else "") or "no details given"
            self._give_up(f"The speech engine stopped working ({detail}), so the voice is off.")
