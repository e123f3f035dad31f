"""What the history page's buttons do: export, save, report, and edit sessions.

Every file and database step runs off the UI thread (the store worker);
a deleted session can be brought back from the status bar until the next
deletion.
"""

from __future__ import annotations

from datetime import date

from desktop.app import modal
from desktop.storage.errors import StorageError
from desktop.ui.dialogs import session_sets
from desktop.ui.pain_dialog import PainDialog


def _dated(suffix: str) -> str:
    return f"upright-{date.today():%Y-%m-%d}.{suffix}"


class HistoryActions:
    def __init__(self, main):
        self.main = main

    @property
    def window(self):
        return self.main.window

    async def run(self, action: str) -> None:
        handler = {"csv": self.export_csv, "png": self.save_png, "pdf": self.report}[action]
        await handler()

    async def export_csv(self) -> None:
        folder = await modal.choose_path(self.window, "Export history as CSV", mode="folder")
        if folder is None:
            return
        try:
            paths = await self.main.worker.run(self.main.worker.history.export_csv, folder)
        except StorageError as exc:
            await modal.error(self.window, "The history was not exported", str(exc))
            return
        self.window.say(f"Wrote {', '.join(p.name for p in paths)} to {folder}")

    async def save_png(self) -> None:
        path = await modal.choose_path(self.window, "Save charts as PNG", mode="save", name=_dated("png"))
        if path is None:
            return
        if not self.main.history.charts_image().save(str(path), "PNG"):
            await modal.error(self.window, "The charts were not saved", f"Could not write {path}.")
            return
        self.window.say(f"Saved the charts to {path}")

    async def report(self) -> None:
        from desktop.core import dosage_text
        from desktop.ui.history_report import write_report

        path = await modal.choose_path(
            self.window, "Save a report for your physiotherapist", mode="save", name=_dated("pdf")
        )
        if path is None:
            return
        first, today = self.main.range_start(), date.today()
        aggregates = await self.main.worker.run(self.main.worker.history.aggregates, first, today, today)
        catalog = self.main.catalog
        used = {r for _, r, _ in aggregates.weekly_minutes}
        routines = [
            (
                r.name,
                [
                    f"{catalog.exercise(i.exercise).name} \u2014 "
                    f"{dosage_text.summary(catalog.item_dosage(i))}"
                    for i in r.items
                ],
            )
            for r in catalog.routines
            if r.id in used
        ]
        try:
            write_report(
                path,
                aggregates,
                {r.id: r.name for r in catalog.routines},
                routines,
                f"{first:%d %b %Y} \u2013 {today:%d %b %Y}",
                self.main.appearance.palette,
            )
        except OSError as exc:
            await modal.error(self.window, "The report was not written", str(exc))
            return
        self.window.say(f"Wrote the report to {path}")

    async def session(self, action: str, session_id: int) -> None:
        if action == "open":
            sets = await self.main.worker.run(self.main.worker.history.session_sets, session_id)
            names = {e.id: e.name for e in self.main.catalog.exercises}
            await modal.answer(session_sets(self.window, sets, names))
        elif action == "pain":
            for moment in ("before", "after"):
                dialog = PainDialog(moment, self.window)
                if await modal.answer(dialog):
                    await self.main.worker.run(
                        self.main.worker.history.correct_pain, session_id, moment, dialog.value
                    )
            await self.main.reload_history()
        elif action == "delete":
            snapshot = await self.main.worker.run(self.main.worker.history.delete_session, session_id)
            await self.main.reload_history()
            self._offer_undo(snapshot)

    def _offer_undo(self, snapshot: dict) -> None:
        async def undo() -> str:
            await self.main.worker.run(self.main.worker.history.restore_session, snapshot)
            await self.main.reload_history()
            return "Session restored."

        self.main.undo.offer("Session deleted.", "the session", undo)
