"""A real session view driven by keys, with the store underneath."""

import asyncio

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app.session_controller import SessionController
from desktop.app.store_worker import StoreWorker
from desktop.core import clock as clocks
from desktop.core.cues import sentence
from desktop.ui.theme import LIGHT
from tests.app_helpers import FakeSpeaker, answer_dialogs, answer_done_screen, run
from tests.waiting import eventually


def controller(catalog, routine_id, worker, speed=1.0, auto=False, clock=clocks.monotonic):
    return SessionController(
        catalog,
        catalog.routine(routine_id),
        worker=worker,
        palette=LIGHT,
        sound=FakeSpeaker(),
        voice=FakeSpeaker(),
        speed=speed,
        auto=auto,
        base_clock=clock,
    )


def test_auto_session_runs_to_the_end_and_keeps_every_set(qapp, catalog, tmp_path):
    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        c = controller(catalog, "mobility-trio", worker, speed=200, auto=True)
        outcome = await c.run()
        history = await worker.run(worker.history.export_history)
        worker.close()
        return c, outcome, history

    c, outcome, history = run(qapp, scenario, timeout_s=30)
    assert outcome == "completed"
    (session,) = history["sessions"]
    work = [s for s in c.engine.steps if s.kind == "work"]
    assert len(session["sets"]) == len(work)
    assert [(s["exercise"], s["side"]) for s in session["sets"]] == [
        (w.exercise_id, w.side if w.side != "alternate" else "none") for w in work
    ]
    assert session["outcome"] == "completed"
    assert "tick" in c.sound.heard and "side_switch" in c.sound.heard and c.sound.heard[-1] == "session_end"
    assert any(text.startswith("Get ready: ") for text in c.voice.heard)
    assert "Roll over to lie on your other side." in c.voice.heard  # the open book's own switch cue
    open_book = catalog.exercise("open-book-rotation").cues
    said_open, said_close = sentence(open_book.get("open")[0]), sentence(open_book.get("close")[0])
    spoken = [t for t in c.voice.heard if t in (said_open, said_close)]
    # 2 sides x 5 reps, each rep's phases in the author's order: open, then close
    assert spoken == [said_open, said_close] * 10


def test_keys_pause_skip_and_escape_ends_after_confirming(qapp, catalog, tmp_path):
    seen = []
    clock = clocks.FakeClock()  # the session's time moves only when the test says

    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        c = controller(catalog, "evening-floor", worker, clock=clock)
        answers = answer_dialogs([False, False], seen)  # skip both pain ratings
        task = asyncio.ensure_future(c.run())
        await eventually(c.view.isVisible, "the session window")
        answers.stop()
        view = c.view
        QTest.keyClick(view, Qt.Key.Key_Space)
        assert c.engine.paused and view.buttons["space"].text() == "Resume"
        QTest.keyClick(view, Qt.Key.Key_Space)
        assert not c.engine.paused
        QTest.keyClick(view, Qt.Key.Key_Right)  # skip get-ready
        assert c.engine.step.kind == "work"
        clock.advance(1.2)
        QTest.keyClick(view, Qt.Key.Key_M)
        assert view.buttons["mute"].text() == "Sound off" and not c.sound.enabled
        answers = answer_dialogs([True], seen)  # yes, end it
        done = answer_done_screen([None], seen)  # skip the pain rating on the done screen, then Esc
        QTest.keyClick(view, Qt.Key.Key_Escape)
        outcome = await task
        answers.stop()
        done.stop()
        history = await worker.run(worker.history.export_history)
        worker.close()
        return outcome, history

    outcome, history = run(qapp, scenario, timeout_s=30)
    assert outcome == "ended_early"
    (session,) = history["sessions"]
    assert session["outcome"] == "ended_early"
    (partial,) = session["sets"]
    assert partial["exercise"] == "static-back" and partial["planned_s"] == 1200
    assert partial["done_s"] == pytest.approx(1.2)  # exactly the time that passed
    assert seen == [
        "Pain before the session",
        "End session",
        "done screen: Pain after the session None",
        "done screen: Esc",
    ]


def test_pain_rising_two_points_says_to_stop(qapp, catalog, tmp_path, monkeypatch):
    from desktop.ui import pain_dialog

    values = iter([3, 6])
    seen = []

    def fake_exec(self):  # answer with a number, as a person pressing digits then Enter would
        self._pick(next(values))
        asked.append(self.windowTitle())
        self.accept()

    asked: list[str] = []

    monkeypatch.setattr(pain_dialog.PainDialog, "open", fake_exec)

    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        c = controller(catalog, "stand-and-extend", worker, speed=100)
        answers = answer_dialogs([], seen)  # no window pops up over the session
        done = answer_done_screen([True], seen)  # the advice, asked on the done screen
        outcome = await c.run()
        answers.stop()
        done.stop()
        history = await worker.run(worker.history.export_history)
        worker.close()
        return outcome, history

    _outcome, history = run(qapp, scenario, timeout_s=30)
    session = history["sessions"][0]
    assert (session["pain_before"], session["pain_after"]) == (3, 6)
    assert seen == ["done screen: Your pain went up True", "done screen: Esc"]
    assert asked == ["Pain before the session", "Pain after the session"]


def test_a_busy_store_at_the_start_is_said_once_and_the_session_runs(qapp, catalog, tmp_path):
    """Another program holds the write lock as the session starts: the window opens at once,
    says (once) that the record waits on disk, and once the store is free every record is in."""
    import sqlite3

    from desktop.storage.location import DATABASE_NAME

    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        holder = sqlite3.connect(tmp_path / DATABASE_NAME, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        c = controller(catalog, "mobility-trio", worker, speed=20, auto=True)
        task = asyncio.ensure_future(c.run())
        await eventually(lambda: "waits on disk" in c.view.notice.text(), "the busy notice", 30)
        shown = c.view.isVisible() and not c.engine.finished  # the session did not wait for the store
        notice = c.view.notice.text()
        holder.execute("COMMIT")
        holder.close()
        outcome = await task
        history = await worker.run(worker.history.export_history)
        worker.close()
        return shown, notice, outcome, history

    shown, notice, outcome, history = run(qapp, scenario, timeout_s=90)
    assert shown and notice.count("waits on disk") == 1
    [session] = history["sessions"]
    assert outcome == "completed" == session["outcome"] and session["sets"]


def test_every_question_after_the_session_is_asked_on_the_done_screen(qapp, catalog, tmp_path):
    """The pain rating and the review of a laddered exercise are asked beside the summary, one
    after the other; no window opens over the session, and the done screen stays until Esc."""
    seen: list[str] = []
    over: list[str] = []  # a window opened over the done screen, if any

    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        c = controller(catalog, "posterior-chain", worker, speed=50)
        before = answer_dialogs([False], seen)  # skip the rating before
        task = asyncio.ensure_future(c.run())
        await eventually(lambda: c.engine.step.kind == "rest", "the first set done", 30)
        before.stop()
        confirm = answer_dialogs([True], seen)  # yes, end it
        done = answer_done_screen([4, False], seen)  # pain 4; the review: "Not now"
        watch = QTimer()
        watch.timeout.connect(
            lambda: over.extend(
                w.windowTitle()
                for w in QApplication.topLevelWidgets()
                if c.engine.finished
                and w.isVisible()
                and w.isWindow()
                and w is not c.view
                and w.windowTitle() not in over
            )
        )
        watch.start(10)
        QTest.keyClick(c.view, Qt.Key.Key_Escape)
        outcome = await task
        for timer in (confirm, done, watch):
            timer.stop()
        history = await worker.run(worker.history.export_history)
        worker.close()
        return outcome, history

    outcome, history = run(qapp, scenario, timeout_s=30)
    assert outcome == "ended_early"
    assert seen == [
        "Pain before the session",
        "End session",
        "done screen: Pain after the session 4",
        "done screen: How did it go? False",
        "done screen: Esc",
    ]
    assert over == [], "nothing covers the summary"
    assert history["sessions"][0]["pain_after"] == 4
