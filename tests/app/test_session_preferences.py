"""The person's choices carry over: M and V in one session are the sound and voice of the next
(in the main app and in ``upright run``), and ``upright run`` paints in the saved theme."""

from __future__ import annotations

import argparse
import asyncio

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtTest import QTest
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QApplication

from desktop.app.media import SAID_KEY, Media
from desktop.app.session_launch import run_session
from desktop.app.settings_flow import APPEARANCE_KEY, SOUND_KEY, VOICE_KEY
from desktop.app.store_worker import StoreWorker
from desktop.core.intents import SessionIntent
from desktop.platform.audio import SoundCues
from desktop.platform.speech import NoEngine, Voice
from desktop.ui.appearance import Appearance
from desktop.ui.session_view import SessionView
from desktop.ui.theme import DARK
from tests.app_helpers import run
from tests.waiting import eventually

NO_SOUND = "No sound on this computer: the session runs silently."
TOGGLES = (SessionIntent.MUTE, SessionIntent.VOICE)


def silent_media() -> Media:
    """The real adapters, on a machine with no sound output (so no voice either)."""

    def no_engine(_parent):
        raise NoEngine(NO_SOUND)

    return Media(
        make_sound=lambda: SoundCues(has_output_device=lambda: False),
        make_voice=lambda: Voice(engine_factory=no_engine),
    )


class ReadyEffect(QObject):
    statusChanged = Signal()

    def status(self) -> QSoundEffect.Status:
        return QSoundEffect.Status.Ready

    def play(self) -> None:
        pass


class QuietEngine(QObject):
    stateChanged = Signal(object)

    def state(self) -> QTextToSpeech.State:
        return QTextToSpeech.State.Ready

    def errorString(self) -> str:
        return ""

    def say(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass


def working_media() -> Media:
    """The real adapters over backends that work and make no noise."""
    return Media(
        make_sound=lambda: SoundCues(
            has_output_device=lambda: True, effect_factory=lambda _url: ReadyEffect()
        ),
        make_voice=lambda: Voice(engine_factory=lambda _parent: QuietEngine()),
    )


async def session_view() -> SessionView:
    """The session window, once it is on screen."""
    views = await eventually(
        lambda: [w for w in QApplication.topLevelWidgets() if isinstance(w, SessionView) and w.isVisible()],
        "the session window",
    )
    return views[0]


def test_m_and_v_are_remembered_for_the_next_session(qapp, catalog, tmp_path):
    routine = catalog.routine("tweaked-back")

    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        appearance = Appearance(qapp, "light")
        first = asyncio.ensure_future(
            run_session(catalog, routine, worker, appearance, working_media(), speed=100, auto=True)
        )
        view = await session_view()
        QTest.keyClick(view, Qt.Key.Key_M)
        QTest.keyClick(view, Qt.Key.Key_V)
        during = view.buttons["mute"].text(), view.buttons["voice"].text()
        await first
        stored = [await worker.run(worker.history.get_setting, key) for key in (SOUND_KEY, VOICE_KEY)]
        media = working_media()  # a new run of the app: nothing carried over in memory
        second = asyncio.ensure_future(
            run_session(catalog, routine, worker, appearance, media, speed=100, auto=True)
        )
        view = await session_view()
        shown = view.buttons["mute"].text(), view.buttons["voice"].text()
        enabled = media.sound.enabled, media.voice.enabled
        QTest.keyClick(view, Qt.Key.Key_V)  # voice back on; sound stays off
        await second
        again = [await worker.run(worker.history.get_setting, key) for key in (SOUND_KEY, VOICE_KEY)]
        worker.close()
        return during, stored, shown, enabled, again

    during, stored, shown, enabled, again = run(qapp, scenario, timeout_s=60)
    assert during == ("Sound off", "Voice off")
    assert stored == [False, False]
    assert shown == ("Sound off", "Voice off") and enabled == (False, False)
    assert again == [False, True]


def test_upright_run_paints_in_the_saved_theme(qapp, catalog, tmp_path, monkeypatch):
    from desktop.app import run_command, session_launch

    seen = {}

    async def fake_session(_catalog, _routine, _worker, appearance, _media, **_kw):
        seen["choice"], seen["palette"] = appearance.choice, appearance.palette
        seen["window"] = qapp.palette().color(qapp.palette().ColorRole.Window).name()
        return "completed"

    monkeypatch.setattr(session_launch, "run_session", fake_session)
    args = argparse.Namespace(data_dir=str(tmp_path), routine="tweaked-back", speed=1.0, auto=True)

    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        await worker.run(worker.history.set_setting, APPEARANCE_KEY, "dark")
        worker.close()
        Appearance(qapp, "light")  # whatever the app showed before
        return await run_command._main(qapp, catalog, catalog.routine("tweaked-back"), args)

    assert run(qapp, scenario) == 0
    assert seen == {"choice": "dark", "palette": DARK, "window": DARK.window.lower()}


def test_an_unknown_stored_theme_follows_the_system():
    from desktop.ui.appearance import theme_choice

    assert [theme_choice(v) for v in ("dark", "light", "system", "purple", None, 3)] == [
        "dark",
        "light",
        "system",
        "system",
        "system",
        "system",
    ]


def test_no_sound_is_said_once_per_install_and_then_shown_on_the_buttons(qapp, catalog, tmp_path):
    routine = catalog.routine("stand-and-extend")

    async def session(worker, appearance):
        media = silent_media()  # each run of the app starts with a fresh Media
        await media.recall_from(worker)
        running = asyncio.ensure_future(
            run_session(catalog, routine, worker, appearance, media, speed=100, auto=True)
        )
        view = await session_view()
        await eventually(  # said from the event loop
            lambda: view.buttons[SessionIntent.MUTE].text() == "No sound", "the sound button to say so"
        )
        seen = {
            "notice": view.notice.text() if view.notice.isVisible() else "",
            "buttons": [(b.text(), b.toolTip()) for b in (view.buttons[i] for i in TOGGLES)],
        }
        await running
        return seen

    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        appearance = Appearance(qapp, "light")
        first = await session(worker, appearance)
        said = await worker.run(worker.history.get_setting, SAID_KEY)
        second = await session(worker, appearance)
        worker.close()
        return first, said, second

    first, said, second = run(qapp, scenario, timeout_s=60)
    assert first["notice"] == NO_SOUND  # said the first time, once for sound and voice alike
    assert sorted(said) == ["sound", "voice"]
    assert second["notice"] == ""  # not again on this install
    for seen in (first, second):  # the buttons show it every time
        assert seen["buttons"] == [("No sound", NO_SOUND), ("No voice", NO_SOUND)]


def test_putting_the_safety_notice_off_starts_nothing_and_says_so(
    qapp, catalog, tmp_path, monkeypatch, capsys
):
    from desktop.app import run_command, safety_gate, session_launch

    started = []

    async def not_now(*_args) -> bool:
        return False

    async def fake_session(*_args, **_kw):
        started.append(True)
        return "completed"

    monkeypatch.setattr(safety_gate, "safety_acknowledged", not_now)
    monkeypatch.setattr(session_launch, "run_session", fake_session)
    args = argparse.Namespace(data_dir=str(tmp_path), routine="tweaked-back", speed=1.0, auto=False)

    async def scenario():
        return await run_command._main(qapp, catalog, catalog.routine("tweaked-back"), args)

    assert run(qapp, scenario) == 1
    assert started == []
    assert "Not started: the safety notice was put off (Not now)." in capsys.readouterr().err
