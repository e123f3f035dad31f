"""The desk coach: feeds the break policy, shows its decisions, keeps the record.

It wakes only when the policy says something can change (a single-shot
timer at ``next_deadline``) or the idle source reports that the person
stopped or came back, reads the sensors, passes what it saw to the
policy and turns each decision into the tray icon, a notification the
person answers from where it appears (or the corner prompt where the
desktop has no such notifications), the desk break window and a row in the
history. What a waiting tray does not need is imported on first use.

Nothing repeats. The icon's ring moves in ``RING_STEPS`` steps, each one a
deadline of its own while sitting time grows (so only while someone is at
the machine, whose input wakes it anyway); the tooltip and the menu are
brought up to date when the person looks at them. Each step is a full wake,
which also looks at the clocks: where logind does not announce a resume, a
sleep is seen within a step (an eighth of the interval) of coming back, not
only at the next reminder.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.app.media import SAID_KEY, Missing
from desktop.app.settings_flow import (
    APPEARANCE_KEY,
    SETTINGS_KEY,
    SOUND_KEY,
    VOICE_KEY,
    apply_preferences,
    validate,
)
from desktop.app.tasks import BackgroundTasks
from desktop.app.tray_store import TrayStore
from desktop.core.break_status import BreakStatus, TrayState, break_status
from desktop.core.breaks import Answer, BreakEvent, BreakPolicy, BreakSettings, DecisionKind, QuietReason
from desktop.core.control import Control, ControlOutcome, ControlRequest, refusal, reply, said
from desktop.core.history import BreakOutcome
from desktop.core.intents import BreakEnd, TrayAction, TrayIntent
from desktop.storage.errors import StorageError
from desktop.storage.store_call import StoreRequest, encode_time
from desktop.ui.tray_menu import RING_STEPS, TrayMenu

if TYPE_CHECKING:
    from desktop.ui.break_prompt import BreakPrompt
    from desktop.ui.break_window import BreakWindow

log = logging.getLogger("upright")
RECORDED: dict[DecisionKind, BreakOutcome] = {
    "natural_break": BreakOutcome.NATURAL,
    "break_taken": BreakOutcome.TAKEN,
    "snoozed": BreakOutcome.SNOOZED,
    "skipped": BreakOutcome.SKIPPED,
}
QUIET_EVENTS: dict[QuietReason, tuple[BreakEvent, BreakEvent]] = {  # the policy's events: starts, ends
    "fullscreen": (BreakEvent.FULLSCREEN_ON, BreakEvent.FULLSCREEN_OFF),
    "dnd": (BreakEvent.DND_ON, BreakEvent.DND_OFF),
    "call": (BreakEvent.CALL_ON, BreakEvent.CALL_OFF),
}
TITLE = "Time to stand and extend"


def local_now() -> datetime:
    return datetime.now().astimezone()


def _midnight(wall: datetime) -> datetime:
    return wall.replace(hour=0, minute=0, second=0, microsecond=0)


class TrayController(QObject):
    def __init__(
        self,
        catalog,
        store: TrayStore | None,
        appearance,
        media,
        *,
        open_window: Callable[[], object],
        quit_app: Callable[[], None],
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = local_now,
        sensors=None,
        notifier_factory=None,
    ):
        super().__init__()
        self.catalog, self.store, self.appearance, self.media = catalog, store, appearance, media
        self._open_window, self._quit_app = open_window, quit_app
        self._clock, self._now = clock, now
        self._sensors = sensors
        self._notifier_factory = notifier_factory
        self.notifier = None
        self.visible = QSystemTrayIcon.isSystemTrayAvailable()
        self.menu = TrayMenu(self)
        self.menu.intent.connect(self._on_intent)
        self.menu.looked_at.connect(self._show_state)
        self._prompt: BreakPrompt | None = None  # made the first time it is needed
        self.policy = BreakPolicy(BreakSettings())  # the stored settings replace it in start()
        self.break_window: BreakWindow | None = None  # the desk break on screen, if any
        self._break_offered: datetime | None = None  # when the break on screen was offered
        self._quiet = {key: False for key in QUIET_EVENTS}
        self._offered_at: datetime | None = None
        self._reminders_unanswered = 0
        self.tasks = BackgroundTasks(self._disk_problem, "the tray")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)  # minutes matter here, not milliseconds
        self._timer.timeout.connect(self.wake)
        self._ring = QTimer(self)  # the ring's next step, while sitting time grows
        self._ring.setSingleShot(True)
        self._ring.setTimerType(Qt.TimerType.CoarseTimer)
        self._ring.timeout.connect(self.wake)

    async def start(self) -> None:
        values, skips = await self._read_store()
        settings, problem = validate(values) if isinstance(values, dict) else (None, "not a set of values")
        if problem is not None:  # a row edited outside Upright, or from before a rule changed
            self.media.notice(f"The saved break settings are set aside and the defaults apply: {problem}")
        if self._sensors is None:
            from desktop.app.sensors import Sensors

            self._sensors = Sensors()
        watch_s = self._sensors.listen_idle(self.wake)  # None: the policy polls idle time
        self.policy = BreakPolicy(settings or BreakSettings(), idle_watch_s=watch_s)
        self.policy.note_skips(self._now().date(), skips)
        if not await self._sensors.watch_session(self._on_session_event):
            self.media.missing(
                Missing.SYSTEM_BUS,
                "The desktop's system services (logind over D-Bus) did not answer, so a locked "
                "screen is not seen as time away; sleep is still noticed from the clock.",
            )
        if self._notifier_factory is None:
            from desktop.platform.notify import start_notifier

            self._notifier_factory = start_notifier
        self.notifier = await self._notifier_factory(self._answer)
        if self.visible:
            self.menu.show()
        else:
            self.media.missing(
                Missing.TRAY,
                "There is no system tray on this desktop, so reminders appear in Upright's window instead.",
            )
        self.wake(look_quiet=True)  # once now: what the desktop lacks is said at the start

    async def _read_store(self) -> tuple[object, int]:
        """The break settings, today's skips and the theme, sound and voice, in one look at the history."""
        if self.store is None:
            return {}, 0
        since = encode_time(_midnight(self._now()))
        try:
            values, skips, theme, sound, voice, said = await self.store.batch(
                [
                    (StoreRequest.GET_SETTING, {"key": SETTINGS_KEY, "default": {}}),
                    (StoreRequest.COUNT_BREAKS, {"outcome": BreakOutcome.SKIPPED, "since": since}),
                    (StoreRequest.GET_SETTING, {"key": APPEARANCE_KEY, "default": "system"}),
                    (StoreRequest.GET_SETTING, {"key": SOUND_KEY, "default": True}),
                    (StoreRequest.GET_SETTING, {"key": VOICE_KEY, "default": True}),
                    (StoreRequest.GET_SETTING, {"key": SAID_KEY, "default": []}),
                ]
            )
        except StorageError as exc:
            self.media.notice(f"{exc} Reminders still come; their answers are not kept.")
            self.store = None
            return {}, 0
        apply_preferences(self.appearance, self.media, theme, sound, voice)
        store = self.store
        self.media.recall(said, lambda kinds: store.set_setting(SAID_KEY, kinds))
        return values, skips  # checked by ``start``, which says what is wrong with them

    # -- the loop -----------------------------------------------------------
    def wake(self, *, look_quiet: bool = False) -> None:
        mono, wall = self._clock(), self._now()
        decisions = []
        slept = self._sensors.slept_seconds()
        if slept:
            decisions += self.policy.event(mono, wall - timedelta(seconds=slept), BreakEvent.SLEEP)
            decisions += self.policy.event(mono, wall, BreakEvent.RESUME)
        for key, active in (self._sensors.quiet() if look_quiet or self._quiet_matters(mono) else {}).items():
            if active != self._quiet[key]:
                self._quiet[key] = active
                starts, ends = QUIET_EVENTS[key]
                decisions += self.policy.event(mono, wall, starts if active else ends)
        idle = self._sensors.idle_seconds()
        decisions += (
            self.policy.sample(mono, wall, idle) if idle is not None else self.policy.tick(mono, wall)
        )
        self._apply(decisions, wall)

    def _quiet_matters(self, mono: float) -> bool:
        """Whether a reminder could be decided now, or one is held back: only then are full screen,
        do-not-disturb and calls looked at (a subprocess and D-Bus calls, several context switches),
        not when the idle source reports a pause. A reading only ever lowers the sitting count,
        except on coming back, which adds the moment since that input: hence the second's margin."""
        policy = self.policy
        return policy.state.due or policy.sitting_s(mono) >= policy.remind_at_s - 1.0

    def _apply(self, decisions, wall: datetime) -> None:
        for decision in decisions:
            self._decide(decision.decision, wall)
        self._show_state()
        deadline = self.policy.next_deadline(self._clock())
        if deadline is None:
            self._timer.stop()
        else:
            self._timer.start(max(1000, math.ceil((deadline - self._clock()) * 1000)))

    def _decide(self, decision: DecisionKind, wall: datetime) -> None:
        if decision == "remind":
            if self._offered_at is not None:
                self._record(self._offered_at, BreakOutcome.IGNORED, None)
            self._offered_at = wall
            self._reminders_unanswered += 1
            self._remind(wall)
        elif decision in RECORDED:
            pending, self._offered_at = self._offered_at, None
            if decision == "natural_break":
                if pending is not None:
                    self._record(pending, BreakOutcome.IGNORED, None)
                self._record(wall, BreakOutcome.NATURAL, wall)
            elif decision != "break_taken":  # a taken break is recorded when it ends, with its length
                self._record(pending or wall, RECORDED[decision], wall)  # a menu snooze has no reminder
            self._reminders_unanswered = 0
            if self._prompt is not None:
                self._prompt.hide()
            if self.notifier is not None:
                self._spawn(self.notifier.withdraw())

    def _remind(self, wall: datetime) -> None:
        """Buttons in a notification where the desktop has them (each replaces the last); else the prompt."""
        minutes = round(self.policy.sitting_s(self._clock()) / 60)
        can_skip = self.policy.skips_left(wall) != 0
        if self.notifier is not None:
            answers = [Answer.TAKE, Answer.SNOOZE, *([Answer.SKIP] if can_skip else [])]
            body = f"You have been sitting for {minutes} minutes. A few slow back bends take under a minute."
            self._spawn(self.notifier.show(TITLE, body, answers))
        else:
            self.prompt.offer(minutes, gentle=self._reminders_unanswered <= 1, can_skip=can_skip)

    @property
    def prompt(self) -> BreakPrompt:
        """The corner prompt, for desktops whose notifications have no buttons."""
        if self._prompt is None:
            from desktop.ui.break_prompt import BreakPrompt

            self._prompt = BreakPrompt()
            self._prompt.answered.connect(self._answer)
        return self._prompt

    def _show_state(self) -> None:
        """The icon, tooltip and menu as of now; then the ring's next step, if sitting grows until then."""
        status = self.status()
        self.menu.show_state(status)
        mono = self._clock()
        interval = self.policy.settings.interval_min * 60
        step = math.floor(status.progress * RING_STEPS) + 1
        at = self.policy.sitting_reaches(mono, interval * step / RING_STEPS) if step < RING_STEPS else None
        if at is None or status.state is not TrayState.NORMAL:
            self._ring.stop()
        else:
            self._ring.start(max(1000, math.ceil((at - mono) * 1000)))

    def status(self) -> BreakStatus:
        """What the tooltip says: also the answer to ``upright status``."""
        return break_status(
            self.policy,
            self._clock(),
            self._now(),
            on_break=self.break_window is not None,
            reminder_shown=self._offered_at is not None,
        )

    def _on_session_event(self, kind: BreakEvent) -> None:
        if kind is BreakEvent.RESUME:
            self.wake()  # the clock gap tells how long the machine slept
        else:
            wall = self._now()
            self._apply(self.policy.event(self._clock(), wall, kind), wall)

    # -- what the person chose -----------------------------------------------
    def _answer(self, answer: Answer) -> None:
        mono, wall = self._clock(), self._now()
        offered = self._offered_at or wall
        self._apply(self.policy.answer(mono, wall, answer), wall)
        if answer is Answer.TAKE:
            self._spawn(self._take_break(offered, wall))

    def control(self, request: ControlRequest) -> dict[str, Any]:
        """A request from ``upright status|break|snooze|pause``: what came of it, and the status after."""
        mono, wall = self._clock(), self._now()
        before = self.status()
        refused = refusal(request, before)
        if refused is not None:  # nothing changes and nothing is recorded
            return reply(before, ControlOutcome.NOTHING_TO_DO, refused)
        if request.control is Control.BREAK:
            self._answer(Answer.TAKE)
        elif request.control is Control.SNOOZE and request.minutes is not None:
            self._apply(self.policy.snooze(mono, wall, request.minutes), wall)
        elif request.control is Control.PAUSE and request.minutes is not None:
            self._apply(self.policy.pause_until(mono, wall, wall + timedelta(minutes=request.minutes)), wall)
        after = self.status()
        return reply(after, ControlOutcome.DONE, said(request, before, after))

    def _on_intent(self, intent: TrayIntent) -> None:
        mono, wall = self._clock(), self._now()
        match intent:
            case TrayIntent(TrayAction.TAKE):
                self._answer(Answer.TAKE)
            case TrayIntent(TrayAction.SNOOZE, minutes) if minutes is not None:
                self._apply(self.policy.snooze(mono, wall, minutes), wall)
            case TrayIntent(TrayAction.PAUSE_HOUR):
                self._apply(self.policy.pause_until(mono, wall, wall + timedelta(hours=1)), wall)
            case TrayIntent(TrayAction.PAUSE_TOMORROW):
                tomorrow = (wall + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
                self._apply(self.policy.pause_until(mono, wall, tomorrow), wall)
            case TrayIntent(TrayAction.RESUME):
                self._apply(self.policy.pause_until(mono, wall, None), wall)
            case TrayIntent(TrayAction.OPEN):
                self._open_window()
            case TrayIntent(TrayAction.PREFERENCES):
                self._spawn(self.edit_settings())
            case TrayIntent(TrayAction.QUIT):
                self._quit_app()

    async def _take_break(self, offered: datetime, answered: datetime) -> None:
        """The desk break window; how it ends is recorded, and a snooze asks again later."""
        if self.break_window is not None:  # already on screen
            self.break_window.raise_()
            return
        from desktop.app.desk_break_run import open_desk_break
        from desktop.ui.break_window import DONE_LINGER_MS

        window, ended = open_desk_break(self.catalog, self.appearance, self.policy.skips_left(answered) != 0)
        self.break_window, self._break_offered = window, offered
        try:
            end = await ended
            seconds = window.elapsed()
            kept = self._break_offered is None  # quitting has journaled it already
        finally:
            self.break_window, self._break_offered = None, None
            QTimer.singleShot(DONE_LINGER_MS, window.deleteLater)  # after "Well done" has been read
        if kept:
            return
        mono, wall = self._clock(), self._now()
        if end is BreakEnd.COMPLETED:
            self._record(offered, BreakOutcome.TAKEN, answered, seconds)
            self._apply(self.policy.break_done(mono, wall), wall)
        elif end is BreakEnd.SNOOZED:
            self._record(offered, BreakOutcome.SNOOZED, wall, seconds)
            self._apply(self.policy.snooze(mono, wall, self.policy.settings.snooze_min), wall)
        else:  # Skip, or the window closed by any means (its x, Alt+F4, the window manager)
            self._record(offered, BreakOutcome.SKIPPED, wall, seconds)
            self.policy.count_skip(wall)
            self._show_state()

    async def edit_settings(self) -> None:
        from desktop.app.report_data import REPORT_NAME_KEY
        from desktop.app.settings_flow import edit_preferences

        save = self.store.set_setting if self.store is not None else None
        name: object = ""
        if self.store is not None:
            try:
                [name] = await self.store.batch(
                    [(StoreRequest.GET_SETTING, {"key": REPORT_NAME_KEY, "default": ""})]
                )
            except StorageError as exc:  # the dialog still opens; saving will say what is wrong
                self.media.notice(f"{exc} The name on reports could not be read.")
        values = await edit_preferences(save, self.policy.settings, self.appearance, self.media, name)
        if values is not None:
            self.policy = BreakPolicy(_settings(values), restart_from=self.policy)
            self.wake()

    # -- bookkeeping ---------------------------------------------------------
    def _record(
        self,
        offered: datetime,
        outcome: BreakOutcome,
        answered: datetime | None,
        duration_s: float | None = None,
    ) -> None:
        if self.store is not None:
            self._spawn(self.store.record_break(offered, outcome, answered, duration_s))

    def _disk_problem(self, exc: StorageError) -> None:
        self.media.notice(f"{exc} This reminder's answer was not kept.")

    def _spawn(self, coro: Coroutine[Any, Any, object]) -> None:
        self.tasks.spawn(coro)

    async def retire(self) -> None:
        """Before quitting: take down an unanswered notification, whose buttons would answer no one."""
        if self.notifier is not None:
            await self.notifier.withdraw()
        await self.settle()

    async def settle(self) -> None:
        """Wait for every write and notification under way (before quitting, and in tests)."""
        await self.tasks.settle()

    def finish(self) -> None:
        """Quitting (the menu's Quit, a signal): a reminder still waiting for an answer is
        recorded as ignored, and a desk break on screen as skipped with its time (its window
        closes). Both are journaled first (fsync'd), so a store another program keeps busy
        loses neither; a child then writes them (``settle`` waits for it), or the next start
        does."""
        if self._keep_pending():
            self._spawn(self._write_kept())
        if self.break_window is not None:
            self.break_window.close()

    def record_now(self) -> None:
        """The display has gone (logout) and the loop will not run again: what ``finish``
        records is journaled at once, touching nothing on screen, and the next start of
        Upright writes it (no child, no wait on the store)."""
        self._keep_pending()

    def _keep_pending(self) -> bool:
        """Journal what quitting now would leave unrecorded; True if there was something."""
        if self.store is None:
            return False
        from desktop.core.set_record import BreakRecord
        from desktop.storage.set_journal import leave

        wall, records = self._now(), []
        if self.break_window is not None and self._break_offered is not None:
            elapsed = self.break_window.elapsed()
            records.append(BreakRecord(self._break_offered, BreakOutcome.SKIPPED, wall, elapsed))
            self._break_offered = None  # ``_take_break`` records nothing more when its window closes
        if self._offered_at is not None:
            records.append(BreakRecord(self._offered_at, BreakOutcome.IGNORED, None, None))
            self._offered_at = None
        if not records:
            return False
        try:
            leave(self.store.data_dir, records)
        except OSError as exc:
            self._disk_problem(StorageError.from_os(self.store.data_dir, exc))
            return False
        return True

    async def _write_kept(self) -> None:
        """A child's start writes what the journal keeps (``upright store-call`` replays it)."""
        assert self.store is not None
        try:
            await self.store.batch([])
        except StorageError as exc:  # busy or failing: the journal keeps it for the next start
            log.info("the tray's last records wait in the journal for the next start: %s", exc)

    def close(self) -> None:
        self._timer.stop()
        self._ring.stop()
        if self._prompt is not None:
            self._prompt.close()
        self.menu.close()
        if self.break_window is not None:
            self.break_window.close()
        if self.notifier is not None:
            self.notifier.close()
        if self._sensors is not None:
            self._sensors.close()


def _settings(values: dict) -> BreakSettings:
    settings, _problem = validate(values)
    return settings or BreakSettings()  # a stored value this version no longer accepts: defaults
