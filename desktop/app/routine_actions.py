"""What the routines page asks for: edit, copy, import, export and delete routines.

Shipped routines are templates: editing one saves the person's own copy.
Files are validated whole before anything is stored, and an import whose id
is taken is added as a copy under a new id, never over an existing routine.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from desktop.app import modal
from desktop.core import dosage_text, plan
from desktop.core.catalog import Catalog, Routine
from desktop.core.history import StoredRoutine
from desktop.core.intents import Page, RoutineAction
from desktop.core.routine_edit import as_copy
from desktop.core.routine_ids import slug
from desktop.ui.dialogs import GuardedDialog, routine_picker
from desktop.ui.screen_fit import fit

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker
    from desktop.app.undo_slot import UndoSlot
    from desktop.app.window_state import WindowState
    from desktop.ui.main_window import MainWindow
    from desktop.ui.routine_editor import RoutineEditor
    from desktop.ui.routines_page import RoutinesPage

FILE_FILTER = "Upright routines (*.json *.toml);;All files (*)"
EXPORT_FILTER = (
    "Upright routine, JSON (*.json);;Upright routine, TOML (*.toml)"  # the file type follows the filter
)


def _now() -> datetime:
    return datetime.now(UTC)


class RoutineActions:
    """The window's routine commands. It is given what it works with (the window, the
    routines page, the store, the shared state) and two callbacks, never the controller."""

    def __init__(
        self,
        window: MainWindow,
        page: RoutinesPage,
        worker: StoreWorker,
        catalog: Catalog,
        state: WindowState,
        undo: UndoSlot,
        *,
        refresh_library: Callable[[], Awaitable[None]],
        start_routine: Callable[[str], Awaitable[None]],
    ) -> None:
        self.window, self.page, self.worker, self.catalog = window, page, worker, catalog
        self.state, self.undo = state, undo
        self.refresh_library, self.start_routine = refresh_library, start_routine

    async def run(self, action: RoutineAction, routine_id: str) -> None:
        """One action from a routine card; disk problems are reported by ``MainController.spawn``."""
        routine = self.state.library.routine(routine_id)
        match RoutineAction(action):
            case RoutineAction.START:
                await self.start_routine(routine_id)
            case RoutineAction.EXPORT:
                await self.export(routine)
            case RoutineAction.EDIT if await self._store_open():
                await self.edit(routine)
            case RoutineAction.DUPLICATE if await self._store_open():
                await self.duplicate(routine)
            case RoutineAction.DELETE if await self._store_open():
                await self.delete(routine)

    async def _store_open(self) -> bool:
        if not self.state.history_available:
            await modal.error(
                self.window,
                "Routines cannot be changed now",
                "Your own routines are kept with the history, which is not open.",
            )
        return self.state.history_available

    # -- making and changing ---------------------------------------------------------
    async def new(self) -> None:
        if not await self._store_open():
            return
        blank = Routine("new-routine", "New routine", "A routine of my own.", (), ())
        await self._edit_new(blank, based_on=None)

    async def edit(self, routine: Routine) -> None:
        if not self.state.library.is_own(routine.id):
            await self._edit_new(as_copy(routine, self._taken()), based_on=routine.id)
            return
        edited = await self._open_editor(routine, f"Edit \u201c{routine.name}\u201d")
        if edited is None:
            return
        try:
            await self.worker.run(self.worker.routines.replace, edited, now=_now())
        except KeyError:  # deleted meanwhile (another window, an undo): keep the edit as a new routine
            await self.worker.run(
                self.worker.routines.add, edited, reserved=self.state.library.shipped_ids(), now=_now()
            )
        await self.refresh_library()
        self._show(edited.id)
        self.window.say(f"Saved \u201c{edited.name}\u201d.")

    async def duplicate(self, routine: Routine) -> None:
        copy = as_copy(routine, self._taken())
        stored = await self.worker.run(
            self.worker.routines.add,
            copy,
            reserved=self.state.library.shipped_ids(),
            now=_now(),
            based_on=routine.id,
        )
        await self.refresh_library()
        self._show(stored.id)
        self.window.say(f"Made \u201c{stored.name}\u201d.")

    async def delete(self, routine: Routine) -> None:
        removed = await self.worker.run(self.worker.routines.delete, routine.id)
        await self.refresh_library()
        if not isinstance(removed, StoredRoutine):  # gone already, or unreadable: nothing to put back
            self.window.say(f"Deleted \u201c{routine.name}\u201d.")
            return

        async def undo() -> str:
            back = await self.worker.run(self.worker.routines.restore, removed, now=_now())
            await self.refresh_library()
            return f"\u201c{back.name}\u201d is back."

        self.undo.offer(f"Deleted \u201c{routine.name}\u201d.", f"the routine {routine.name}", undo)

    async def _edit_new(self, routine: Routine, based_on: str | None) -> None:
        edited = await self._open_editor(
            routine,
            "New routine"
            if based_on is None
            else f"Your copy of \u201c{self.state.library.routine(based_on).name}\u201d",
        )
        if edited is None:
            return
        # A new routine takes its id from the name it was saved with ("Quick mobility" -> quick-mobility).
        edited = replace(edited, id=slug(edited.name))
        stored = await self.worker.run(
            self.worker.routines.add,
            edited,
            reserved=self.state.library.shipped_ids(),
            now=_now(),
            based_on=based_on,
        )
        await self.refresh_library()
        self._show(stored.id)
        self.window.say(f"Saved \u201c{stored.name}\u201d.")

    async def _open_editor(self, routine: Routine, title: str) -> Routine | None:
        dialog, editor = editor_dialog(self.window, routine, title, self.catalog, self.state.ladder)
        result: list[Routine] = []

        def saved(edited: Routine) -> None:
            result.append(edited)
            dialog.accept()

        editor.save_requested.connect(saved)
        editor.cancelled.connect(dialog.reject)
        accepted = await modal.answer(dialog)
        return result[-1] if accepted and result else None

    def _show(self, routine_id: str) -> None:
        """After a save: the Routines page, with the saved routine's card in view and focused."""
        self.window.show_page(Page.ROUTINES)
        self.page.select(routine_id)

    def _taken(self) -> frozenset[str]:
        return frozenset(r.id for r in self.state.library.routines)

    # -- files ---------------------------------------------------------------------------
    async def export(self, routine: Routine) -> None:
        from desktop.content.bounded_write import NOT_WRITTEN
        from desktop.content.errors import ContentError
        from desktop.content.routine_file import write_routine_file

        path = await modal.choose_path(
            self.window,
            f"Export \u201c{routine.name}\u201d",
            mode="save",
            name=f"{routine.id}.json",
            filters=EXPORT_FILTER,
        )
        if path is None:
            return
        try:
            write_routine_file(routine, path)
        except ContentError as exc:
            await modal.error(self.window, "The routine was not exported", exc.report(NOT_WRITTEN))
            return
        self.window.say(f"Wrote \u201c{routine.name}\u201d to {path}.")

    async def export_chosen(self) -> None:
        """File > Export: ask which routine (yours first), then where."""
        library = self.state.library
        routines = sorted(library.routines, key=lambda r: not library.is_own(r.id))
        question = "Which routine do you want to export?"
        picker, choice = routine_picker(
            self.window, "Export a routine", question, "Export…", [r.name for r in routines]
        )
        if not await modal.answer(picker):
            return
        if 0 <= choice.currentIndex() < len(routines):  # names shown may be shortened: go by place
            await self.export(routines[choice.currentIndex()])

    async def import_dialog(self) -> None:
        path = await modal.choose_path(self.window, "Import a routine", mode="open", filters=FILE_FILTER)
        if path is not None:
            await self.import_paths([path])

    async def import_paths(self, paths: list[Path]) -> None:
        """Import each file; a bad one is explained and nothing of it is stored."""
        from desktop.content.errors import ContentError
        from desktop.content.routine_file import read_routine_file

        if not await self._store_open():
            return
        said = []
        for path in paths:
            try:
                routine = read_routine_file(path, self.catalog)
            except ContentError as exc:
                await modal.error(
                    self.window,
                    f"{path.name} was not imported",
                    exc.report("has these problems, so nothing of it was saved")
                    + "\n\nFix them and import it again.",
                )
                continue
            stored = await self.worker.run(
                self.worker.routines.add, routine, reserved=self.state.library.shipped_ids(), now=_now()
            )
            copy = "" if stored.id == routine.id else f" as a copy ({stored.id}; that id was taken)"
            said.append(f"Imported \u201c{stored.name}\u201d{copy}.")
        if said:
            await self.refresh_library()
            self.window.show_page(Page.ROUTINES)
            self.window.say(" ".join(said))


def editor_dialog(
    parent: QWidget | None, routine: Routine, title: str, catalog: Catalog, ladder: dict[str, int]
) -> tuple[GuardedDialog, RoutineEditor]:
    """The editor in a dialog that fits the screen; below the editor's minimum it scrolls, never squeezes."""
    from desktop.ui.routine_editor import RoutineEditor  # loaded with the first edit, not the window

    # The guard reads ``editor`` when Cancel is pressed, by which time it exists.
    editor: RoutineEditor | None = None
    dialog = GuardedDialog(parent, lambda: editor is not None and not editor.undo_stack.isClean())
    dialog.setWindowTitle(title)
    editor = RoutineEditor(
        routine,
        [(e.id, e.name) for e in catalog.exercises],
        catalog,
        lambda r: "About " + dosage_text.about(plan.estimate_s(catalog, r, ladder)),
        dialog,
        heading=title,
        ladder=ladder,
    )
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(editor)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)
    fit(dialog, QSize(1080, 720), QSize(640, 420))
    return dialog, editor
