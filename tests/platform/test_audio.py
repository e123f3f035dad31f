"""The synthesised cues are clean, reproducible and compiled in; SoundCues degrades to silence."""

import struct
import subprocess
import sys
import wave
from itertools import combinations

import pytest
from PySide6.QtCore import QFile, QIODevice, QObject, Signal
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from desktop.platform.audio import CUE_NAMES, SoundCues
from tests.conftest import ROOT
from tests.waiting import settle

SOUNDS = ROOT / "assets" / "sounds"
RATE = 44_100
FULL_SCALE = 32_768
# (shortest, longest) in seconds: a tick ends well before the next second; the arpeggio may ring on.
DURATIONS = {
    "step_start": (0.3, 0.6),
    "tick": (0.04, 0.15),
    "side_switch": (0.3, 0.6),
    "set_end": (0.3, 0.6),
    "session_end": (0.6, 0.9),
}


def samples(name: str) -> tuple[int, ...]:
    with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
    return struct.unpack(f"<{len(frames) // 2}h", frames)


def test_there_is_one_file_per_cue_name():
    assert sorted(path.stem for path in SOUNDS.glob("*.wav")) == sorted(CUE_NAMES)
    assert set(DURATIONS) == set(CUE_NAMES)


@pytest.mark.parametrize("name", CUE_NAMES)
def test_cue_is_16_bit_mono_44k_pcm_of_the_right_length(name):
    with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
        assert wav.getcomptype() == "NONE"
        seconds = wav.getnframes() / RATE
    shortest, longest = DURATIONS[name]
    assert shortest <= seconds <= longest


@pytest.mark.parametrize("name", CUE_NAMES)
def test_cue_peaks_near_minus_6_dbfs(name):
    peak = max(abs(value) for value in samples(name)) / FULL_SCALE
    assert 0.45 <= peak <= 0.56  # -7 to -5 dBFS: headroom, never clipping


@pytest.mark.parametrize("name", CUE_NAMES)
def test_cue_fades_in_and_out_from_silence(name):
    """A jump from or to silence is what a speaker turns into a click."""
    values = samples(name)
    quiet = 0.02 * FULL_SCALE
    assert max(abs(value) for value in values[: round(0.00025 * RATE)]) < quiet
    assert max(abs(value) for value in values[-round(0.002 * RATE) :]) < quiet
    assert abs(values[0]) < 10 and abs(values[-1]) < 10


def test_cues_are_pairwise_different():
    for first, second in combinations(CUE_NAMES, 2):
        assert samples(first) != samples(second), (first, second)


def test_make_sounds_regenerates_identical_files(tmp_path):
    subprocess.run(
        [sys.executable, "packaging/make_sounds.py", "--out", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert sorted(path.stem for path in tmp_path.iterdir()) == sorted(CUE_NAMES)
    for name in CUE_NAMES:
        assert (tmp_path / f"{name}.wav").read_bytes() == (SOUNDS / f"{name}.wav").read_bytes(), name


@pytest.mark.parametrize("name", CUE_NAMES)
def test_compiled_resources_serve_each_cue(name):
    import desktop.ui.resources_rc  # noqa: F401

    compiled = QFile(f":/sounds/{name}.wav")
    assert compiled.open(QIODevice.OpenModeFlag.ReadOnly)
    assert bytes(compiled.readAll().data()) == (SOUNDS / f"{name}.wav").read_bytes()


class FakeEffect(QObject):
    statusChanged = Signal()

    def __init__(self, source):
        super().__init__()
        self.source = source
        self.plays = 0
        self._status = QSoundEffect.Status.Ready

    def status(self):
        return self._status

    def play(self):
        self.plays += 1

    def break_down(self):
        self._status = QSoundEffect.Status.Error
        self.statusChanged.emit()


@pytest.fixture
def effects() -> dict[str, FakeEffect]:
    """The fake effects a SoundCues made, by cue name."""
    return {}


@pytest.fixture
def make_effect(effects):
    def make(source):
        effects[source.fileName().removesuffix(".wav")] = effect = FakeEffect(source)
        return effect

    return make


@pytest.fixture
def working_cues(make_effect) -> SoundCues:
    return SoundCues(has_output_device=lambda: True, effect_factory=make_effect)


def reasons_from(cues) -> list[str]:
    reasons = []
    cues.unavailable.connect(reasons.append)
    return reasons


def play_everything(cues, times=20):
    for _ in range(times):
        for name in CUE_NAMES:
            cues.play(name)


def test_no_output_device_makes_cues_silent_and_says_so_once(qtbot, monkeypatch):
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    cues = SoundCues()
    reasons = reasons_from(cues)
    play_everything(cues)
    qtbot.waitUntil(lambda: len(reasons) == 1)
    play_everything(cues)
    settle(qtbot)  # a second report would have been emitted by now
    assert reasons == ["No sound on this computer: the session runs silently."]
    assert not cues.available


def test_an_injected_probe_decides_there_is_no_device_and_nothing_is_loaded(qtbot, make_effect, effects):
    cues = SoundCues(has_output_device=lambda: False, effect_factory=make_effect)
    with qtbot.waitSignal(cues.unavailable, timeout=1000):
        pass
    assert not cues.available and effects == {}


def test_missing_multimedia_module_makes_cues_silent(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    cues = SoundCues()
    with qtbot.waitSignal(cues.unavailable, timeout=1000) as signal:
        play_everything(cues)
    assert "multimedia" in signal.args[0]


def test_cues_play_their_own_effect_once_per_call(qtbot, working_cues, effects):
    reasons = reasons_from(working_cues)
    working_cues.play("tick")
    working_cues.play("tick")
    working_cues.play("session_end")
    settle(qtbot)  # a report of trouble would have been emitted by now
    assert {name: effect.plays for name, effect in effects.items()} == {
        "step_start": 0,
        "tick": 2,
        "side_switch": 0,
        "set_end": 0,
        "session_end": 1,
    }
    assert working_cues.available and reasons == []


def test_disabled_cues_play_nothing_until_enabled_again(working_cues, effects):
    working_cues.set_enabled(False)
    play_everything(working_cues)
    assert not working_cues.enabled
    assert all(effect.plays == 0 for effect in effects.values())
    working_cues.set_enabled(True)
    working_cues.play("tick")
    assert effects["tick"].plays == 1


def test_an_effect_that_fails_to_load_silences_all_cues_and_says_so_once(qtbot, working_cues, effects):
    reasons = reasons_from(working_cues)
    effects["tick"].break_down()
    effects["set_end"].break_down()
    play_everything(working_cues)
    qtbot.waitUntil(lambda: len(reasons) == 1)
    settle(qtbot)  # a second report would have been emitted by now
    assert len(reasons) == 1 and "tick" in reasons[0]
    assert all(effect.plays == 0 for effect in effects.values())


@pytest.mark.parametrize("device_probe", [None, lambda: True], ids=["this machine", "real effects forced"])
def test_real_sound_effects_load_or_report_once(qtbot, device_probe):
    """Whatever this machine has: loading and playing never raises, and failure is reported once."""
    cues = SoundCues() if device_probe is None else SoundCues(has_output_device=device_probe)
    reasons = reasons_from(cues)
    loaded = (QSoundEffect.Status.Ready, QSoundEffect.Status.Error)
    qtbot.waitUntil(lambda: all(e.status() in loaded for e in cues._effects.values()))  # loads meanwhile
    cues.play("tick")
    qtbot.waitUntil(lambda: len(reasons) == (0 if cues.available else 1))
