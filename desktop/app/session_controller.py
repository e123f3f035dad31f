"""Runs one session: engine + precise timer + view + sounds + voice + store.

The engine decides; this class only forwards: deadlines to the engine,
engine events to the view, the speakers and the store, keys to the engine.
Each finished set is queued to the store the moment its event arrives.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from uuid import uuid4

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.app import modal
from desktop.app.deadline_timer import DeadlineTimer
from desktop.app.progress_review import review_progress
from desktop.app.tasks import BackgroundTasks
from desktop.core import clock as clocks
from desktop.core.catalog import Catalog, Dosage, Routine
from desktop.core.doses import item_dosage
from desktop.core.figure import PoseBook
from desktop.core.history import PainMoment, SessionOutcome, SetSide
from desktop.core.intents import SessionIntent
from desktop.core.plan import expand
from desktop.core.progression import pain_rose_too_much
from desktop.core.session import SessionEngine
from desktop.core.session_display import Display, Summary, display, rung_of
from desktop.core.session_events import (
    Countdown,
    RepCounted,
    RepPhase,
    SessionFinished,
    SetFinished,
    SideSwitch,
    StepStarted,
)
from desktop.core.set_record import PainRecord, SessionEnd, SessionRecord, SessionStart, SetRecord
from desktop.storage.errors import StorageError, StoreBusy
from desktop.ui.dialogs import confirm_end, pain_advice
from desktop.ui.pain_dialog import PainDialog
from desktop.ui.screen_fit import centre, fit
from desktop.ui.session_view import MIN_SIZE, SessionView

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker


SIZE = (1280, 720)  # the first size asked for; the screen may offer less
PHASE_EPSILON_S = 1e-6  # a phase event's own instant, past any rounding at its boundary
ADVICE_FLAGS = ("pain-increases", "severe-pain-or-injury")


class SessionController:
    def __init__(
        self,
        catalog: Catalog,
        routine: Routine,
        *,
        worker: StoreWorker | None,
        palette,
        sound,
        voice,
        speed: float = 1.0,
        auto: bool = False,
        base_clock=clocks.monotonic,
        ladder: dict[str, int] | None = None,
        poses: PoseBook | None = None,
    ):
        from desktop.content.catalog_cache import shipped_poses

        self.catalog, self.routine, self.ladder = catalog, routine, ladder or {}
        self.worker, self.sound, self.voice, self.auto = worker, sound, voice, auto
        self.clock = clocks.ScaledClock(base_clock, speed) if speed != 1.0 else base_clock
        self._to_real = self.clock.real_seconds if speed != 1.0 else (lambda s: s)
        self.engine = SessionEngine(expand(catalog, routine, self.ladder), self.clock)
        self.engine.subscribe(self._on_event)
        self.view = SessionView(poses=poses if poses is not None else shipped_poses(), clock=self.clock)
        self.view.set_palette(palette)
        self.view.intent.connect(self._on_intent)
        self.timer = DeadlineTimer(self.clock, self._to_real, self._tick, self.view)
        self.session_key: str | None = None  # names the session in the journal, then the store
        self.tasks = BackgroundTasks(
            self._storage_failed, "saving a set"
        )  # records on their way, the end dialog
        self._done_exercises: list[str] = []  # in the order their first set finished
        self.storage_error: StorageError | None = None  # the first disk problem, if saving failed
        self._done: asyncio.Future[SessionOutcome] | None = None
        self._left: asyncio.Future[None] | None = None  # the person closed the done screen
        self._mono0 = 0.0
        self._wall0 = datetime.now(UTC)
        self._confirming = False
        self._closed = False  # the window was closed: end now, ask nothing more
        self._sets_done = 0
        self.summary: Summary | None = None
        self._finished_at = 0.0
        self._said_busy = False
        self._outcome: SessionOutcome | None = None  # once the engine has finished
        self._end_kept = False
        self._lost = False  # the display has gone: record what is left, touch nothing on screen
        self.view.set_toggles(sound.enabled, voice.enabled)

    # -- the whole session ----------------------------------------------------
    async def run(self) -> SessionOutcome:
        self._done = asyncio.get_running_loop().create_future()
        self._left = asyncio.get_running_loop().create_future()
        pain_before = None if self.auto else await self._ask_pain(PainMoment.BEFORE)
        if self.worker is not None:  # journaled at once; a busy store gets them later, in this order
            self.session_key = uuid4().hex
            now = datetime.now(UTC)
            self._keep(SessionStart(self.session_key, self.routine.id, self.routine.name, now))
            if pain_before is not None:
                self._keep(PainRecord(self.session_key, PainMoment.BEFORE, pain_before, now))
        # One turn of the loop first: the closed pain dialog's deactivation is then delivered
        # before this window asks to be active, not after it (which left no window active, and
        # the session's keys, shortcuts of an active window, unheard).
        await asyncio.sleep(0)
        self.view.setWindowTitle(f"{self.routine.name} \u2014 Upright")
        fit(self.view, QSize(*SIZE), QSize(*MIN_SIZE))
        centre(self.view)
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()  # keys must reach the session, not the window behind it
        self._mono0, self._wall0 = self.clock(), datetime.now(UTC)
        self.engine.start()
        self._refresh()
        outcome = await self._done
        self.timer.stop()
        self._outcome = self._outcome or outcome
        # Journaled before anything is asked: a closed window or a kill from here on keeps it.
        self._keep_end()
        pain_after = await self._ask_pain_here() if self._asks else None
        if pain_after is not None and self.session_key is not None:
            self._keep(PainRecord(self.session_key, PainMoment.AFTER, pain_after, datetime.now(UTC)))
        if (
            pain_before is not None
            and pain_after is not None
            and pain_rose_too_much(pain_before, pain_after)
            and not self._closed
        ):
            flags = [(f.title, f.advice) for f in self.catalog.safety if f.id in ADVICE_FLAGS]
            await self._ask_here(pain_advice(None, pain_after - pain_before, flags))
        await self._settle()  # the review below needs the session in the store
        worker = self.worker
        session_id = (
            None if worker is None or self.session_key is None else worker.sets.session_id(self.session_key)
        )
        if (
            worker
            and session_id is not None
            and self.storage_error is None
            and self._asks
            and self._done_exercises
        ):
            try:
                await review_progress(
                    None,
                    self.catalog,
                    worker,
                    session_id,
                    self._done_exercises,
                    self.ladder,
                    ask=self._ask_here,
                )
            except StorageError as exc:
                self._storage_failed(exc)
        if self._asks:  # the done screen stays, readable, until the person closes it
            self.view.activateWindow()  # Enter and Esc reach it once the last question has gone
            await self._left
        self.view.close_for_good()
        self.view.deleteLater()
        if self.storage_error is not None:
            raise self.storage_error  # the caller says it where the person will see it
        return outcome

    @property
    def _asks(self) -> bool:
        """Questions after the session; a closed window asks nothing more."""
        return not self.auto and not self._closed

    # -- saving -----------------------------------------------------------------
    def _keep(self, record: SessionRecord) -> None:
        """Journal ``record`` now (fsync'd), then let the store thread write it; after a disk
        problem nothing more is tried."""
        if self.worker is None or self.storage_error is not None:
            return
        try:
            key = self.worker.sets.keep(record)
        except StorageError as exc:
            self._storage_failed(exc)
            return
        if not self._lost:  # without a display the loop will not run again: the journal keeps it
            self.tasks.spawn(self.worker.sets.stored(key)).add_done_callback(self._write_done)

    def _storage_failed(self, exc: StorageError) -> None:
        """Keep the first disk problem, say it once on the session screen, and stop writing.

        The session itself goes on: the person is mid-exercise and the sets
        already saved stay saved; the caller reports the problem at the end.
        """
        if self.storage_error is None:
            self.storage_error = exc
            if not self._lost:
                self.view.notify(f"{exc} Sets from here on are not saved.")

    def _write_done(self, task: asyncio.Task[bool]) -> None:
        """Failures are reported by ``self.tasks``; a set kept in the journal is said once here."""
        if task.cancelled() or task.exception() is not None:
            return
        if task.result() is False and not self._said_busy:  # the store is busy: kept in the journal
            self._said_busy = True
            self.view.notify(
                "Another program is writing to the history, so this session's record waits on "
                "disk and is saved as soon as the history is free."
            )

    def _keep_end(self) -> None:
        """Journal the session's end (once), with the outcome and time the engine gave."""
        if self._end_kept or self._outcome is None or self.session_key is None:
            return
        self._end_kept = True
        self._keep(SessionEnd(self.session_key, self._outcome, self._wall(self._finished_at)))

    async def _settle(self) -> None:
        """Give what waits in the journal its last tries (about three busy timeouts); if some
        still waits, the caller is told (``upright run`` exits non-zero)."""
        await self.tasks.settle()
        worker = self.worker
        if worker is None or self.session_key is None:
            return
        try:
            waiting = await worker.sets.settle()
        except StorageError as exc:
            self._storage_failed(exc)
            return
        if waiting and (self.storage_error is None or isinstance(self.storage_error, StoreBusy)):
            self.storage_error = StorageError.sets_waiting(worker.sets.journal_path, worker.sets.waiting())

    def record_now(self) -> None:
        """The display has gone (a logout took the X server or the compositor with it) and the
        loop will not run again: end the session as closing its window does, synchronously
        and without touching the screen. The partial set and the end go to the journal
        (fsync'd); the caller then gives the store a bounded moment to take them, and the
        next start writes whatever is left."""
        self._lost = self._closed = True
        if self.engine.index >= 0 and not self.engine.finished:
            self.engine.end()  # the set under way and the end arrive through ``_on_event``
        self._keep_end()

    async def _ask_here(self, dialog: QDialog) -> bool:
        """A question after the session, asked on the done screen beside its summary (never
        over it); whether it was accepted."""
        self.view.ask(dialog)
        try:
            return await modal.answer(dialog)
        finally:
            self.view.end_question()

    async def _ask_pain_here(self) -> int | None:
        dialog = PainDialog(PainMoment.AFTER)
        return dialog.value if await self._ask_here(dialog) else None

    async def _ask_pain(self, moment: PainMoment) -> int | None:
        dialog = PainDialog(moment, self.view if self.view.isVisible() else None)
        return dialog.value if await modal.answer(dialog) else None

    def _wall(self, at: float) -> datetime:
        return self._wall0 + timedelta(seconds=self._to_real(at - self._mono0))

    # -- engine -> everything else -----------------------------------------
    def _tick(self) -> None:
        self.engine.poll()
        self._refresh()

    def _display(self, at: float) -> Display:
        state = self.engine.state(at)
        return display(state, self.catalog, self.engine.awaits_reps, self.ladder, self.summary)

    def _refresh(self) -> None:
        now = self.clock()
        self.view.present(self._display(now))
        self.timer.wake_at(self.engine.next_wakeup(now))

    def _on_event(self, event) -> None:
        if self._lost:  # only what is recorded: no sound, voice or screen
            if isinstance(event, SetFinished):
                self._store_set(event)
            elif isinstance(event, SessionFinished):
                self._finished_at, self._outcome = event.at, event.outcome
            return
        if isinstance(event, StepStarted):
            self._on_step(event)
        elif isinstance(event, Countdown):
            self.sound.play("tick")
        elif isinstance(event, SideSwitch):
            self.sound.play("side_switch")
            self.voice.say(self._display(event.at).cue)
        elif isinstance(event, RepPhase):
            # The phase's own words, at the instant it begins: the same cue the screen shows.
            self.voice.say(self._display(event.at + PHASE_EPSILON_S).cue)
        elif isinstance(event, RepCounted):
            if not self.engine.step.tempo:  # paced reps speak their phases instead
                self.voice.say(str(event.rep))
        elif isinstance(event, SetFinished):
            self.sound.play("set_end")
            self._sets_done += 1
            self._store_set(event)
        elif isinstance(event, SessionFinished):
            self._finished_at, self._outcome = event.at, event.outcome
            self.summary = Summary(
                event.outcome,
                self._sets_done,
                len(self._done_exercises),
                self._to_real(event.at - self._mono0),
            )
            self.sound.play("session_end")
            self.voice.say(f"{self._display(event.at).title}. {self._display(event.at).cue}")
            if self._done is not None and not self._done.done():
                self._done.set_result(event.outcome)

    def _on_step(self, event: StepStarted) -> None:
        step = event.step
        shown = self._display(event.at)
        if step.kind == "work" and step.exercise_id:  # the side at hand, in time with the reps
            self.view.set_motion(
                step.exercise_id,
                self._dosage(step),
                shown.figure.side,
                rung=shown.figure.rung,
                started_at=event.at,
            )
        if step.kind == "get_ready":
            self.voice.say(f"Get ready: {shown.title}. {shown.cue}")
        elif step.kind == "rest":
            self.voice.say(f"Rest. {shown.title}.")
        elif step.kind == "work" and not step.tempo:
            self.voice.say(shown.cue)
        if step.kind in ("work", "get_ready", "rest"):
            self.sound.play("step_start")
        if self.auto and self.engine.awaits_reps:
            asyncio.get_running_loop().call_soon(self._auto_finish_set)

    def _dosage(self, step) -> Dosage:
        """The dosage this routine item asks for (its tempo and sides drive the figure)."""
        rung = rung_of(self.catalog, step.exercise_id, self.ladder)
        return item_dosage(self.catalog, self.routine.items[step.item], rung)

    def _auto_finish_set(self) -> None:
        self.engine.set_done()
        self._refresh()

    def _store_set(self, e: SetFinished) -> None:
        if e.exercise_id not in self._done_exercises:
            self._done_exercises.append(e.exercise_id)
        if self.session_key is None:
            return
        record = SetRecord(
            session=self.session_key,
            exercise_id=e.exercise_id,
            side=SetSide(e.side) if e.side != "alternate" else SetSide.NONE,
            set_index=e.set_index,
            planned_reps=e.planned_reps,
            done_reps=e.done_reps,
            planned_s=e.planned_s,
            done_s=e.done_s,
            started_at=self._wall(e.started_at),
            ended_at=self._wall(e.at),
        )
        self._keep(record)

    # -- keys and buttons -> engine ------------------------------------------
    def _on_intent(self, intent: SessionIntent) -> None:
        if intent is SessionIntent.CLOSE or (
            self.engine.finished and intent in (SessionIntent.END, SessionIntent.SET_DONE)
        ):
            self._close_window()  # on the done screen: Close, Esc or Enter
            return
        if self.engine.finished or self._confirming:
            return
        match intent:
            case SessionIntent.END:
                self.tasks.spawn(self._confirm_end())
                return
            case SessionIntent.SPACE:
                self.engine.space()
            case SessionIntent.SKIP:
                self.engine.skip()
            case SessionIntent.BACK:
                self.engine.back()
            case SessionIntent.SET_DONE:
                self.engine.set_done()
            case SessionIntent.MUTE:
                self._toggle_sound()
            case SessionIntent.VOICE:
                self._toggle_voice()
        self._refresh()

    def _close_window(self) -> None:
        """Closing the window is ending: the sets done are kept, the session is recorded as
        ended early, and nothing more is asked (the person has chosen to leave). On the done
        screen it is simply leaving it."""
        self._closed = True
        for dialog in self.view.findChildren(QDialog):  # an open question is answered "no"
            dialog.reject()
        if self._left is not None and not self._left.done():
            self._left.set_result(None)
        if self.engine.index < 0:
            return
        self.engine.end()
        if self._done is not None and not self._done.done():  # ended before it started
            self._done.set_result(SessionOutcome.ENDED_EARLY)
        self._refresh()

    async def _confirm_end(self) -> None:
        self._confirming = True
        was_paused = self.engine.paused
        self.engine.pause()
        self._refresh()
        try:
            ended = await modal.choice(confirm_end(self.view)) == QMessageBox.ButtonRole.AcceptRole
        finally:
            self._confirming = False
        if ended and not self._closed:
            self.engine.end()
        elif not was_paused:
            self.engine.resume()
        self._refresh()

    def _toggle_sound(self) -> None:
        self.sound.set_enabled(not self.sound.enabled)
        self.view.set_toggles(self.sound.enabled, self.voice.enabled)

    def _toggle_voice(self) -> None:
        self.voice.set_enabled(not self.voice.enabled)
        self.view.set_toggles(self.sound.enabled, self.voice.enabled)
