"""What the routines page asks for: edit, copy, import, export and delete routines.

Shipped routines are templates: editing one saves the person's own copy.
Files are validated whole before anything is stored, and an import whose id
is taken is added as a copy under a new id, never over an existing routine.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QVBoxLayout

from desktop.app import modal
from desktop.core import dosage_text, plan
from desktop.core.catalog import Routine
from desktop.core.routine_edit import as_copy
from desktop.core.routine_ids import slug
from desktop.ui.dialogs import GuardedDialog
from desktop.ui.screen_fit import fit

FILE_FILTER = "Upright routines (*.json *.toml);;All files (*)"
EXPORT_FILTER = "Upright routine (*.json)"  # written as JSON only; TOML is read, not written


def _now() -> datetime:
    return datetime.now(UTC)


class RoutineActions:
    def __init__(self, main):
        self.main = main

    @property
    def window(self):
        return self.main.window

    async def run(self, action: str, routine_id: str) -> None:
        """One action from a routine card; disk problems are reported by ``MainController.spawn``."""
        if action == "start":
            await self.main.start_routine(routine_id)
        elif action == "export":
            await self.export(self.main.library.routine(routine_id))
        elif await self._store_open():
            handler = {"edit": self.edit, "duplicate": self.duplicate, "delete": self.delete}[action]
            await handler(self.main.library.routine(routine_id))

    async def _store_open(self) -> bool:
        if not self.main.history_available:
            await modal.error(
                self.window,
                "Routines cannot be changed now",
                "Your own routines are kept with the history, which is not open.",
            )
        return self.main.history_available

    # -- making and changing ---------------------------------------------------------
    async def new(self) -> None:
        if not await self._store_open():
            return
        blank = Routine("new-routine", "New routine", "A routine of my own.", (), ())
        await self._edit_new(blank, based_on=None)

    async def edit(self, routine: Routine) -> None:
        if not self.main.library.is_own(routine.id):
            await self._edit_new(as_copy(routine, self._taken()), based_on=routine.id)
            return
        edited = await self._open_editor(routine, f"Edit \u201c{routine.name}\u201d")
        if edited is None:
            return
        try:
            await self.main.worker.run(self.main.worker.routines.replace, edited, now=_now())
        except KeyError:  # deleted meanwhile (another window, an undo): keep the edit as a new routine
            await self.main.worker.run(
                self.main.worker.routines.add, edited, reserved=self.main.library.shipped_ids(), now=_now()
            )
        await self.main.refresh_library()
        self._show(edited.id)
        self.window.say(f"Saved \u201c{edited.name}\u201d.")

    async def duplicate(self, routine: Routine) -> None:
        copy = as_copy(routine, self._taken())
        stored = await self.main.worker.run(
            self.main.worker.routines.add,
            copy,
            reserved=self.main.library.shipped_ids(),
            now=_now(),
            based_on=routine.id,
        )
        await self.main.refresh_library()
        self._show(stored.id)
        self.window.say(f"Made \u201c{stored.name}\u201d.")

    async def delete(self, routine: Routine) -> None:
        removed = await self.main.worker.run(self.main.worker.routines.delete, routine.id)
        await self.main.refresh_library()

        async def undo() -> str:
            back = await self.main.worker.run(self.main.worker.routines.restore, removed, now=_now())
            await self.main.refresh_library()
            return f"\u201c{back.name}\u201d is back."

        self.main.undo.offer(f"Deleted \u201c{routine.name}\u201d.", f"the routine {routine.name}", undo)

    async def _edit_new(self, routine: Routine, based_on: str | None) -> None:
        edited = await self._open_editor(
            routine,
            "New routine"
            if based_on is None
            else f"Your copy of \u201c{self.main.library.routine(based_on).name}\u201d",
        )
        if edited is None:
            return
        # A new routine takes its id from the name it was saved with ("Quick mobility" -> quick-mobility).
        edited = replace(edited, id=slug(edited.name))
        stored = await self.main.worker.run(
            self.main.worker.routines.add,
            edited,
            reserved=self.main.library.shipped_ids(),
            now=_now(),
            based_on=based_on,
        )
        await self.main.refresh_library()
        self._show(stored.id)
        self.window.say(f"Saved \u201c{stored.name}\u201d.")

    async def _open_editor(self, routine: Routine, title: str) -> Routine | None:
        from desktop.ui.routine_editor import RoutineEditor

        catalog, ladder = self.main.catalog, self.main.ladder
        # The guard reads ``editor`` when Cancel is pressed, by which time it exists.
        dialog = GuardedDialog(self.window, lambda: not editor.undo_stack.isClean())
        dialog.setWindowTitle(title)
        fit(dialog, QSize(1080, 720), QSize(640, 420))
        editor = RoutineEditor(
            routine,
            [(e.id, e.name) for e in catalog.exercises],
            catalog,
            lambda r: "About " + dosage_text.about(plan.estimate_s(catalog, r, ladder)),
            dialog,
            heading=title,
        )
        QVBoxLayout(dialog).addWidget(editor)
        result: list[Routine] = []
        editor.save_requested.connect(lambda edited: (result.append(edited), dialog.accept()))
        editor.cancelled.connect(dialog.reject)
        accepted = await modal.answer(dialog)
        return result[-1] if accepted and result else None

    def _show(self, routine_id: str) -> None:
        """After a save: the Routines page, with the saved routine's card in view and focused."""
        self.window.show_page(1)
        self.main.routines.select(routine_id)

    def _taken(self) -> frozenset[str]:
        return frozenset(r.id for r in self.main.library.routines)

    # -- files ---------------------------------------------------------------------------
    async def export(self, routine: Routine) -> None:
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
            await modal.error(self.window, "The routine was not exported", exc.report("was not written"))
            return
        self.window.say(f"Wrote \u201c{routine.name}\u201d to {path}.")

    async def export_chosen(self) -> None:
        """File > Export: ask which routine (yours first), then where."""
        from PySide6.QtWidgets import QInputDialog

        library = self.main.library
        routines = sorted(library.routines, key=lambda r: not library.is_own(r.id))
        picker = QInputDialog(self.window)
        picker.setWindowTitle("Export a routine")
        picker.setLabelText("Which routine do you want to export?")
        picker.setComboBoxItems([r.name for r in routines])
        picker.setOkButtonText("Export…")
        if not await modal.answer(picker):
            return
        chosen = next((r for r in routines if r.name == picker.textValue()), None)
        if chosen is not None:
            await self.export(chosen)

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
                routine = read_routine_file(path, self.main.catalog)
            except ContentError as exc:
                await modal.error(self.window, f"{path.name} was not imported", exc.report())
                continue
            stored = await self.main.worker.run(
                self.main.worker.routines.add, routine, reserved=self.main.library.shipped_ids(), now=_now()
            )
            copy = "" if stored.id == routine.id else f" as a copy ({stored.id}; that id was taken)"
            said.append(f"Imported \u201c{stored.name}\u201d{copy}.")
        if said:
            await self.main.refresh_library()
            self.window.show_page(1)
            self.window.say(" ".join(said))
