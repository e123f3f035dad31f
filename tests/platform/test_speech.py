"""Voice speaks through whatever engine it is given, on time, and falls silent with one reason."""

import sys

import pytest
from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

from desktop.platform.speech import Voice, _prefer_english


class FakeEngine(QObject):
    stateChanged = Signal(object)

    def __init__(self, state=QTextToSpeech.State.Ready):
        super().__init__()
        self.calls: list[tuple[str, ...]] = []
        self._state = state
        self._error = ""

    def state(self):
        return self._state

    def errorString(self):
        return self._error

    def say(self, text):
        self.calls.append(("say", text))

    def stop(self):
        self.calls.append(("stop",))

    def break_down(self, error):
        self._state, self._error = QTextToSpeech.State.Error, error
        self.stateChanged.emit(self._state)


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def voice(engine) -> Voice:
    return Voice(engine_factory=lambda parent: engine)


def reasons_from(voice) -> list[str]:
    reasons = []
    voice.unavailable.connect(reasons.append)
    return reasons


def test_say_cuts_off_the_last_phrase_before_speaking(voice, engine):
    voice.say("three")
    voice.say("two")
    assert engine.calls == [("stop",), ("say", "three"), ("stop",), ("say", "two")]
    assert voice.available and voice.enabled


def test_the_engine_is_made_once_and_only_when_first_needed(engine):
    made = []
    voice = Voice(engine_factory=lambda parent: made.append(parent) or engine)
    assert made == []
    voice.start()
    voice.start()
    voice.say("one")
    assert made == [voice]


def test_a_disabled_voice_says_nothing_and_stops_talking(voice, engine):
    voice.say("Cat-cow")
    voice.set_enabled(False)
    voice.say("one")
    assert not voice.enabled
    assert engine.calls == [("stop",), ("say", "Cat-cow"), ("stop",)]
    voice.set_enabled(True)
    voice.say("two")
    assert engine.calls[-1] == ("say", "two")


def test_a_disabled_voice_does_not_make_an_engine():
    voice = Voice(engine_factory=lambda parent: pytest.fail("engine made while disabled"))
    voice.set_enabled(False)
    voice.say("one")


def test_an_engine_error_silences_the_voice_and_says_so_once(voice, engine):
    reasons = reasons_from(voice)
    voice.say("one")
    engine.break_down("audio device lost")
    engine.break_down("still lost")
    voice.say("two")
    voice.set_enabled(False)
    assert engine.calls == [("stop",), ("say", "one")]
    assert len(reasons) == 1 and "audio device lost" in reasons[0]
    assert not voice.available


def test_an_engine_broken_from_the_start_is_reported_on_start():
    engine = FakeEngine(state=QTextToSpeech.State.Error)
    voice = Voice(engine_factory=lambda parent: engine)
    reasons = reasons_from(voice)
    voice.start()
    voice.say("one")
    assert len(reasons) == 1 and engine.calls == []


@pytest.mark.parametrize("engines", [[], ["mock"]], ids=["none", "only Qt's silent test engine"])
def test_no_installed_engine_is_reported_once(monkeypatch, engines):
    monkeypatch.setattr("desktop.platform.audio.has_audio_output", lambda: True)
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: engines))
    voice = Voice()
    reasons = reasons_from(voice)
    voice.say("one")
    voice.say("two")
    assert len(reasons) == 1 and "no text-to-speech engine" in reasons[0].lower()


def test_without_a_sound_output_no_engine_is_made(monkeypatch):
    """speech-dispatcher with nowhere to play gets stuck and blocks its callers: never ask it."""
    monkeypatch.setattr("desktop.platform.audio.has_audio_output", lambda: False)
    monkeypatch.setattr(QTextToSpeech, "__init__", lambda *a: pytest.fail("an engine was made"))
    voice = Voice()
    reasons = reasons_from(voice)
    voice.say("one")
    voice.say("two")
    assert reasons == ["No sound on this computer: the session runs silently."] and not voice.available


def test_missing_speech_module_is_reported_once(monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    voice = Voice()
    reasons = reasons_from(voice)
    voice.say("one")
    voice.start()
    assert len(reasons) == 1 and "text-to-speech module" in reasons[0]


class LocaleOnlyEngine:
    def __init__(self, current, offered):
        self.current, self.offered = QLocale(current), [QLocale(name) for name in offered]

    def locale(self):
        return self.current

    def availableLocales(self):
        return self.offered

    def setLocale(self, locale):
        self.current = locale


@pytest.mark.parametrize(
    ("current", "offered", "chosen"),
    [
        ("nb_NO", ["nb_NO", "en_US", "en_GB"], "en_US"),  # the words are English
        ("en_GB", ["en_US", "en_GB"], "en_GB"),  # the user's own English is kept
        ("fi_FI", ["fi_FI"], "fi_FI"),  # no English: better a Finnish voice than none
    ],
)
def test_an_english_voice_is_preferred(current, offered, chosen):
    engine = LocaleOnlyEngine(current, offered)
    _prefer_english(engine)
    assert engine.current.name() == chosen


def test_the_real_engine_on_this_machine_never_raises(qtbot):
    """Whatever this machine has (speech-dispatcher, SAPI, nothing): saying fails only by reporting."""
    voice = Voice()
    reasons = reasons_from(voice)
    voice.start()
    states = []
    if voice._engine is not None:
        voice._engine.stateChanged.connect(states.append)
    voice.say("test")
    qtbot.waitUntil(lambda: bool(states) or not voice.available)  # speaking, or failed and said so
    voice.say("test")
    assert len(reasons) == (0 if voice.available else 1)


class _Daemon:
    """A unix socket that stands in for speech-dispatcher: it answers the greeting, or not."""

    def __init__(self, path, answer: bytes | None):
        import socket
        import threading

        path.parent.mkdir(parents=True, exist_ok=True)
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(path))
        self.server.listen(4)
        self.held = []
        self.answer = answer
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            self.held.append(client)  # a wedged daemon keeps the connection and never replies
            if self.answer is not None:
                client.recv(128)
                client.sendall(self.answer)

    def close(self):
        self.server.close()
        for client in self.held:
            client.close()


@pytest.mark.parametrize(
    ("answer", "wedged"), [(b"208 OK CLIENT NAME SET\r\n", False), (None, True), (b"", True)]
)
def test_a_speech_dispatcher_that_does_not_answer_is_found_within_the_time_limit(
    monkeypatch, tmp_path, answer, wedged
):
    import time

    from desktop.platform import speech

    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    daemon = _Daemon(tmp_path / "speech-dispatcher" / "speechd.sock", answer)
    try:
        started = time.monotonic()
        assert speech.speechd_wedged(timeout_s=0.3) is wedged
        assert time.monotonic() - started < 2.0
    finally:
        daemon.close()


def test_no_socket_or_a_stale_one_lets_the_library_start_a_daemon(monkeypatch, tmp_path):
    import socket

    from desktop.platform import speech

    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'speechd.sock'}")
    assert speech.speechd_socket() == tmp_path / "speechd.sock"
    assert speech.speechd_wedged(timeout_s=0.3) is False  # no socket at all
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(tmp_path / "speechd.sock"))
    stale.close()  # the file stays, nobody listens: connection refused
    assert speech.speechd_wedged(timeout_s=0.3) is False


def test_a_wedged_speech_dispatcher_turns_the_voice_off_instead_of_hanging(monkeypatch, tmp_path, qtbot):
    from desktop.platform import speech

    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setattr(speech, "SPEECHD_ANSWER_S", 0.3)
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["speechd", "mock"]))
    monkeypatch.setattr("desktop.platform.audio.has_audio_output", lambda: True)  # a machine with sound
    daemon = _Daemon(tmp_path / "speech-dispatcher" / "speechd.sock", None)
    try:
        voice = speech.Voice()
        reasons = []
        voice.unavailable.connect(reasons.append)
        voice.say("Lift")
        assert reasons == ["The speech service (speech-dispatcher) is not answering, so the voice is off."]
    finally:
        daemon.close()
