"""The desk coach: feeds the break policy, shows its decisions, keeps the record.

It wakes only when the policy says something can change (a single-shot
timer at ``next_deadline``), reads the sensors, passes what it saw to the
policy and turns each decision into the tray icon, a gentle prompt, a
stand-and-extend break and a row in the history.
"""

from __future__ import annotations

import asyncio
import math
import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.app.settings_flow import SETTINGS_KEY, validate
from desktop.core.breaks import BreakPolicy, BreakSettings
from desktop.ui.break_prompt import BreakPrompt
from desktop.ui.tray_menu import TrayMenu

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker

BREAK_ROUTINE = "stand-and-extend"
RECORDED = {"natural_break": "natural", "break_taken": "taken", "snoozed": "snoozed", "skipped": "skipped"}
QUIET_EVENTS = {"fullscreen": "fullscreen", "dnd": "dnd", "call": "call"}


def local_now() -> datetime:
    return datetime.now().astimezone()


class TrayController(QObject):
    def __init__(
        self,
        catalog,
        worker: StoreWorker | None,
        appearance,
        media,
        *,
        open_window,
        quit_app,
        clock=time.monotonic,
        now=local_now,
        sensors=None,
    ):
        super().__init__()
        self.catalog, self.worker, self.appearance, self.media = catalog, worker, appearance, media
        self._open_window, self._quit_app = open_window, quit_app
        self._clock, self._now = clock, now
        self._sensors = sensors
        self.visible = QSystemTrayIcon.isSystemTrayAvailable()
        self.menu = TrayMenu(self)
        self.menu.intent.connect(self._on_intent)
        self.prompt = BreakPrompt()
        self.prompt.answered.connect(self._answer)
        self.policy: BreakPolicy | None = None
        self._quiet = {key: False for key in QUIET_EVENTS}
        self._offered_at: datetime | None = None
        self._reminders_unanswered = 0
        self._tasks: set[asyncio.Task] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)  # minutes matter here, not milliseconds
        self._timer.timeout.connect(self.wake)

    async def start(self) -> None:
        values = {}
        if self.worker is not None:
            values = await self.worker.run(self.worker.history.get_setting, SETTINGS_KEY, {}) or {}
        self.policy = BreakPolicy(_settings(values))
        if self._sensors is None:
            from desktop.app.sensors import Sensors

            self._sensors = Sensors()
        if not await self._sensors.watch_session(self._on_session_event):
            self.media.notice(
                "The desktop's system services (logind over D-Bus) did not answer, so a locked "
                "screen is not seen as time away; sleep is still noticed from the clock."
            )
        if self.visible:
            self.menu.icon.show()
        else:
            self.media.notice(
                "There is no system tray on this desktop, so reminders appear in Upright's window instead."
            )
        self.wake()

    # -- the loop -----------------------------------------------------------
    def wake(self) -> None:
        mono, wall = self._clock(), self._now()
        decisions = []
        slept = self._sensors.slept_seconds()
        if slept:
            decisions += self.policy.event(mono, wall - timedelta(seconds=slept), "sleep")
            decisions += self.policy.event(mono, wall, "resume")
        for key, active in self._sensors.quiet().items():
            if active != self._quiet[key]:
                self._quiet[key] = active
                decisions += self.policy.event(mono, wall, f"{QUIET_EVENTS[key]}_{'on' if active else 'off'}")
        idle = self._sensors.idle_seconds()
        decisions += (
            self.policy.sample(mono, wall, idle) if idle is not None else self.policy.tick(mono, wall)
        )
        self._apply(decisions, wall)

    def _apply(self, decisions, wall: datetime) -> None:
        for decision in decisions:
            self._decide(decision.decision, wall)
        self._show_state()
        deadline = self.policy.next_deadline(self._clock())
        if deadline is None:
            self._timer.stop()
        else:
            self._timer.start(max(1000, math.ceil((deadline - self._clock()) * 1000)))

    def _decide(self, decision: str, wall: datetime) -> None:
        if decision == "remind":
            if self._offered_at is not None:
                self._record(self._offered_at, "ignored", None)
            self._offered_at = wall
            self._reminders_unanswered += 1
            self._remind()
        elif decision in RECORDED:
            pending, self._offered_at = self._offered_at, None
            if decision == "natural_break":
                if pending is not None:
                    self._record(pending, "ignored", None)
                self._record(wall, "natural", wall)
            elif decision != "break_taken":  # a taken break is recorded when it ends, with its length
                self._record(pending or wall, RECORDED[decision], wall)  # a menu snooze has no reminder
            self._reminders_unanswered = 0
            self.prompt.hide()

    def _remind(self) -> None:
        """Gently: first the icon and a notification, then the corner prompt."""
        minutes = round(self.policy.sitting_s(self._clock()) / 60)
        if self.visible and self._reminders_unanswered == 1:
            self.menu.notify(
                "Time to stand and extend",
                f"You have been sitting for {minutes} minutes. Choose Take a break in the menu.",
            )
        else:
            self.prompt.offer(minutes, gentle=self._reminders_unanswered <= 1)

    def _show_state(self) -> None:
        mono = self._clock()
        sat = self.policy.sitting_s(mono)
        interval = self.policy.settings.interval_min * 60
        flags = self.policy.state
        state = (
            "paused" if flags.paused else ("due" if flags.due or self._offered_at is not None else "normal")
        )
        left = max(0, math.ceil((interval - sat) / 60))
        detail = (
            "Reminders paused"
            if state == "paused"
            else "A break is due"
            if state == "due"
            else f"Next break in about {left} min"
        )
        self.menu.show_state(state, int(sat // 60), sat / interval, detail)

    def _on_session_event(self, kind: str) -> None:
        if kind == "resume":
            self.wake()  # the clock gap tells how long the machine slept
        else:
            wall = self._now()
            self._apply(self.policy.event(self._clock(), wall, kind), wall)

    # -- what the person chose -----------------------------------------------
    def _answer(self, answer: str) -> None:
        mono, wall = self._clock(), self._now()
        offered = self._offered_at or wall
        self._apply(self.policy.answer(mono, wall, answer), wall)
        if answer == "take":
            self._spawn(self._take_break(offered, wall))

    def _on_intent(self, intent: str) -> None:
        mono, wall = self._clock(), self._now()
        if intent == "take":
            self._answer("take")
        elif intent.startswith("snooze:"):
            self._apply(self.policy.snooze(mono, wall, int(intent.split(":")[1])), wall)
        elif intent == "pause:hour":
            self._apply(self.policy.pause_until(mono, wall, wall + timedelta(hours=1)), wall)
        elif intent == "pause:tomorrow":
            tomorrow = (wall + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
            self._apply(self.policy.pause_until(mono, wall, tomorrow), wall)
        elif intent == "resume":
            self._apply(self.policy.pause_until(mono, wall, None), wall)
        elif intent == "open":
            self._open_window()
        elif intent == "settings":
            self._spawn(self.edit_settings())
        elif intent == "quit":
            self._quit_app()

    async def _take_break(self, offered: datetime, answered: datetime) -> None:
        from desktop.app.session_launch import run_session

        start = time.monotonic()
        routine = self.catalog.routine(BREAK_ROUTINE)
        await run_session(
            self.catalog, routine, self.worker, self.appearance, self.media, auto=True, compact=True
        )
        self._record(offered, "taken", answered, time.monotonic() - start)

    async def edit_settings(self) -> None:
        from desktop.app.settings_flow import edit_preferences

        values = await edit_preferences(self.worker, self.policy.settings, self.appearance, self.media)
        if values is not None:
            self.policy = BreakPolicy(_settings(values), restart_from=self.policy)
            self.wake()

    # -- bookkeeping ---------------------------------------------------------
    def _record(self, offered: datetime, outcome: str, answered: datetime | None, duration_s=None) -> None:
        if self.worker is not None:
            self._spawn(
                self.worker.run(
                    self.worker.history.record_break,
                    offered,
                    outcome,
                    answered_at=answered,
                    duration_s=duration_s,
                )
            )

    def _spawn(self, coro) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def close(self) -> None:
        self._timer.stop()
        self.prompt.close()
        self.menu.close()
        if self._sensors is not None:
            self._sensors.close()


def _settings(values: dict) -> BreakSettings:
    settings, _problem = validate(values)
    return settings or BreakSettings()  # a stored value this version no longer accepts: defaults
