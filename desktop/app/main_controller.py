"""Connects the main window's intents to the catalog, the store and the dialogs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import date
from typing import Any, TypeVar

from desktop.app import modal
from desktop.app.history_actions import HistoryActions
from desktop.app.media import Media, Missing
from desktop.app.routine_actions import RoutineActions
from desktop.app.safety_gate import safety_acknowledged, stored_acknowledgement
from desktop.app.store_worker import StoreWorker
from desktop.app.tasks import BackgroundTasks
from desktop.app.undo_slot import UndoSlot
from desktop.app.window_state import WindowState
from desktop.core import dosage_text, plan
from desktop.core.catalog import Catalog
from desktop.core.figure import PoseBook
from desktop.core.history import HistoryRange, SessionOutcome, routine_names
from desktop.core.intents import Page
from desktop.core.library import Library
from desktop.storage.errors import StorageError
from desktop.ui.appearance import Appearance
from desktop.ui.exercises_page import ExercisesPage
from desktop.ui.lazy_page import LazyPage
from desktop.ui.main_window import MainWindow
from desktop.ui.routines_page import RoutineRow, RoutinesPage
from desktop.ui.weeks import first_weekday


def routine_rows(library: Library, ladder: dict[str, int] | None = None) -> list[RoutineRow]:
    catalog = library.catalog
    return [
        RoutineRow(
            id=r.id,
            name=r.name,
            description=r.description,
            exercises=tuple(catalog.exercise(i.exercise).name for i in r.items),
            estimate="about " + dosage_text.about(plan.estimate_s(catalog, r, ladder)),
            own=library.is_own(r.id),
        )
        for r in library.routines
    ]


log = logging.getLogger("upright")
LACKING_NAMES = {Missing.TRAY: "No tray", Missing.SOUND: "No sound", Missing.VOICE: "No voice"}
T = TypeVar("T")


class MainController:
    def __init__(
        self,
        catalog: Catalog,
        worker: StoreWorker,
        appearance: Appearance,
        media: Media,
        poses: PoseBook | None = None,
        *,
        preferences: Callable[[], Awaitable[None]] | None = None,
        quit_app: Callable[[], None] | None = None,
    ):
        """``preferences`` opens the one Preferences dialog the app shares with the tray;
        without it (no tray yet, tests) the window opens the dialog itself."""
        from desktop.content.catalog_cache import shipped_poses

        self.catalog = catalog
        self.worker = worker
        self.appearance = appearance
        self.media = media
        self._safety_acknowledged = False
        self.tasks = BackgroundTasks(self._show_disk_problem, "an action")
        self.state = WindowState(Library(catalog))
        self.exercises = ExercisesPage(
            catalog, appearance.palette, poses if poses is not None else shipped_poses()
        )
        self.routines = RoutinesPage(routine_rows(self.state.library))
        self.history_slot = LazyPage(self._make_history_page)
        self.window = MainWindow(
            [("Exercises", self.exercises), ("Routines", self.routines), ("History", self.history_slot)]
        )
        appearance.changed.connect(self.exercises.restyle)
        media.on_notice(self.window.say)  # problems, and (once per install) what this machine lacks
        self._lacking: dict[str, str] = {}
        media.on_lack(self._show_lacking)
        self.undo = UndoSlot(self.window, self.spawn)
        self.history_actions = HistoryActions(
            self.window,
            worker,
            catalog,
            self.state,
            self.undo,
            page=lambda: self.history,
            reload=self.reload_history,
        )
        self.routine_actions = RoutineActions(
            self.window,
            self.routines,
            worker,
            catalog,
            self.state,
            self.undo,
            refresh_library=self.refresh_library,
            start_routine=self.start_routine,
        )
        self.window.page_shown.connect(self._page_shown)
        self.routines.action_requested.connect(lambda a, rid: self.spawn(self.routine_actions.run(a, rid)))
        self.routines.new_requested.connect(lambda: self.spawn(self.routine_actions.new()))
        self.routines.import_requested.connect(lambda: self.spawn(self.routine_actions.import_dialog()))
        self.window.files_dropped.connect(lambda paths: self.spawn(self.routine_actions.import_paths(paths)))
        from desktop.app.main_menus import install_menus

        self._preferences = preferences
        self.actions = install_menus(self, quit_app or self.window.close)

    def spawn(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        """Run an action from a slot (``BackgroundTasks``): a disk problem in any of them
        (saving a routine, importing, undoing) is explained in one dialog, here."""
        return self.tasks.spawn(coro)

    async def _show_disk_problem(self, exc: StorageError) -> None:
        await modal.error(self.window, "That change was not saved", str(exc))

    async def open_preferences(self) -> None:
        await (self._preferences() if self._preferences is not None else self.edit_preferences())

    async def edit_preferences(self) -> None:
        from desktop.app.settings_flow import edit_preferences, stored_break_settings

        worker = self.worker if self.history_available else None

        async def save(key: str, value) -> None:
            await self.worker.run(self.worker.history.set_setting, key, value)

        from desktop.app.report_data import REPORT_NAME_KEY

        name = await worker.run(worker.history.get_setting, REPORT_NAME_KEY, "") if worker else ""
        await edit_preferences(
            save if worker else None, await stored_break_settings(worker), self.appearance, self.media, name
        )

    async def open_store(self) -> bool:
        """Open the history; a problem is explained in a dialog and browsing goes on."""
        try:
            await self.worker.open()
        except StorageError as exc:
            self.window.say("History is off: sessions will not be saved until this is fixed.")
            await modal.error(self.window, "Upright cannot open its history", str(exc))
            return False
        await self.store_opened()
        return True

    async def store_opened(self) -> None:
        self.state.history_available = True
        self._safety_acknowledged = await stored_acknowledgement(self.worker)
        await self.refresh_library()
        unreadable = await self.worker.run(self.worker.routines.unreadable)
        if len(unreadable) == 1:
            self.window.say(unreadable[0].notice())
        elif unreadable:
            names = ", ".join(f"\u201c{bad.name}\u201d" for bad in unreadable)
            self.window.say(
                f"{len(unreadable)} of your routines cannot be read, so they are left out: "
                f"{names}. `upright routines` says why."
            )
        else:
            self.window.say(f"History is kept in {self.worker.data_dir}")

    async def refresh_library(self) -> None:
        """Reload the person's own routines, rungs and bests, and show them."""
        own = await self.worker.run(self.worker.routines.all)
        self.state.ladder = await self.worker.run(self.worker.progress.steps)
        bests = await self.worker.run(self.worker.progress.bests)
        self.state.library = Library(self.catalog, tuple(s.routine for s in own))
        self.routines.set_rows(routine_rows(self.library, self.ladder))
        self.exercises.set_progress(self.ladder, bests)

    async def start_routine(self, routine_id: str) -> None:
        # The session screen, its engine and its figure load when a session starts: the
        # first paint does not need them (about 50 ms of imports).
        from desktop.app.session_launch import SessionBusy, run_session

        routine = self.library.routine(routine_id)
        worker = self.worker if self.history_available else None
        if not await safety_acknowledged(self.window, self.catalog, worker, known=self._safety_acknowledged):
            return
        self._safety_acknowledged = True
        try:
            outcome = await run_session(
                self.catalog,
                routine,
                self.worker if self.history_available else None,
                self.appearance,
                self.media,
                ladder=self.ladder,
            )
        except SessionBusy:
            self.window.say("A session is already running.")
            return
        except StorageError as exc:
            await modal.error(
                self.window,
                "Part of the session was not saved",
                f"{exc}\n\nThe sets finished before that are kept.",
            )
            return
        before = dict(self.ladder)
        if self.history_available:
            await self.refresh_library()  # rungs the person confirmed after the session, new bests
        moved = [
            f"{self.catalog.exercise(e).name} is now on step {step + 1}"
            for e, step in self.state.ladder.items()
            if before.get(e, 0) != step
        ]
        self.window.say(
            f"{routine.name}: {'completed' if outcome is SessionOutcome.COMPLETED else 'ended early'}."
            + "".join(f" {line}." for line in moved)
        )
        if self.window.current_page() is Page.HISTORY:
            await self.reload_history()

    @property
    def history(self):
        """The history page, built on first use: Qt Charts stays out of the first paint."""
        return self.history_slot.ensure_built()

    def _make_history_page(self):
        from desktop.ui.history_page import HistoryPage

        page = HistoryPage(self.appearance.palette)
        self.appearance.changed.connect(page.restyle)
        page.range_requested.connect(self._show_range)
        page.action_requested.connect(lambda action: self.spawn(self.history_actions.run(action)))
        page.session_action.connect(lambda action, sid: self.spawn(self.history_actions.session(action, sid)))
        page.start_requested.connect(lambda: self.window.show_page(Page.ROUTINES))
        return page

    def _page_shown(self, page: Page) -> None:
        if page is Page.HISTORY:
            self._show_range(self.state.range_key)

    def _show_range(self, key: HistoryRange) -> None:
        self.state.range_key = key
        if self.history_available:
            self.spawn(self.load_history(key))

    # The shared state, read by name where the window's own code and its tests look for it.
    @property
    def library(self) -> Library:
        return self.state.library

    @property
    def ladder(self) -> dict[str, int]:
        return self.state.ladder

    @property
    def history_available(self) -> bool:
        return self.state.history_available

    async def reload_history(self) -> None:
        await self.load_history(self.state.range_key)

    async def load_history(self, key: HistoryRange) -> None:
        """Aggregate on the store's thread, then draw: the window never waits on SQL."""
        today = date.today()
        span = await self.worker.run(self.worker.history.history_range)
        first = HistoryRange(key).first_day(today, span[0] if span else None)
        self.state.first_day = first
        week = first_weekday()  # the calendar's and the charts' first day of the week
        aggregates = await self.worker.run(self.worker.history.aggregates, first, today, today, week)
        sessions = await self.worker.run(self.worker.history.list_sessions, first, today)
        names = routine_names(sessions, {r.id: r.name for r in self.library.routines})
        self.history.show_history(aggregates, sessions, names, recorded_before=span is not None)
        changes = await self.worker.run(self.worker.progress.changes)
        exercises = {e.id: e.name for e in self.catalog.exercises}
        self.history.show_step_changes(
            [
                f"{c.changed_at.astimezone():%d %b %Y} \u00b7 {exercises.get(c.exercise_id, c.exercise_id)}: "
                f"step {c.from_step + 1} \u2192 {c.to_step + 1}. {c.reason}"
                for c in reversed(changes)
            ]
        )

    def _show_lacking(self, kind: Missing, reason: str) -> None:
        name = LACKING_NAMES.get(kind)
        if name is not None:  # D-Bus/logind changes nothing the person sees: only logged
            self._lacking[name] = reason
            self.window.show_lacking(self._lacking)

    async def close(self) -> None:
        """Stop what this window started; the store belongs to the app and stays open."""
        await self.tasks.cancel()
