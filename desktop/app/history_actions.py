"""What the history page's buttons do: export, save, report, and edit sessions.

Every file and database step runs off the UI thread (the store worker);
a deleted session can be brought back from the status bar until the next
deletion.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import TYPE_CHECKING

from desktop.app import modal
from desktop.app.report_data import (
    ALL_SESSIONS,
    REPORT_NAME_KEY,
    report_file_name,
    report_input,
    report_person,
)
from desktop.core.history import PainMoment
from desktop.core.intents import HistoryExport, SessionRowAction
from desktop.storage.errors import StorageError
from desktop.ui.dialogs import session_sets
from desktop.ui.pain_dialog import PainDialog

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker
    from desktop.app.undo_slot import UndoSlot
    from desktop.app.window_state import WindowState
    from desktop.core.catalog import Catalog
    from desktop.ui.history_page import HistoryPage
    from desktop.ui.main_window import MainWindow


def _dated(suffix: str) -> str:
    return report_file_name(date.today(), suffix)


class HistoryActions:
    """The history page's commands. It is given what it works with and callbacks for the
    page (built on first use) and for reloading it, never the controller."""

    def __init__(
        self,
        window: MainWindow,
        worker: StoreWorker,
        catalog: Catalog,
        state: WindowState,
        undo: UndoSlot,
        *,
        page: Callable[[], HistoryPage],
        reload: Callable[[], Awaitable[None]],
    ) -> None:
        self.window, self.worker, self.catalog, self.state, self.undo = window, worker, catalog, state, undo
        self.page, self.reload = page, reload

    async def run(self, action: HistoryExport) -> None:
        match HistoryExport(action):
            case HistoryExport.CSV:
                await self.export_csv()
            case HistoryExport.CHARTS:
                await self.save_charts()
            case HistoryExport.PDF:
                await self.report()

    async def export_csv(self) -> None:
        folder = await modal.choose_path(self.window, "Export history as CSV", mode="folder")
        if folder is None:
            return
        try:
            paths = await self.worker.run(self.worker.history.export_csv, folder)
        except StorageError as exc:
            await modal.error(self.window, "The history was not exported", str(exc))
            return
        self.window.say(f"Wrote {', '.join(p.name for p in paths)} to {folder}")

    async def save_charts(self) -> None:
        """Each chart in its own file, PNG or SVG as the name chosen says."""
        from desktop.ui.chart_export import FILTERS, save_charts, targets

        charts = self.page().chart_widgets()
        if not charts:
            await modal.inform(
                self.window,
                "No charts to save yet",
                "Nothing was recorded in this period, so there is no chart to save. Pick a longer "
                "period above, or come back after a session.",
            )
            return
        path = await modal.choose_path(
            self.window, "Save each chart as an image", mode="save", name=_dated("png"), filters=FILTERS
        )
        if path is None:
            return
        try:
            written = save_charts(charts, path)
        except OSError as exc:
            await modal.error(self.window, "The charts were not saved", str(exc))
            return
        first = targets(path, [charts[0][0]])[0]
        self.window.say(
            f"Saved {len(written)} charts beside {first.parent}: {', '.join(p.name for p in written)}"
        )

    async def report(self) -> None:
        """Say there is nothing to report, or ask where and write the PDF for this period."""
        from desktop.ui.history_report import has_content, write_report
        from desktop.ui.weeks import first_weekday

        worker, state = self.worker, self.state
        first, today = state.first_day, date.today()
        aggregates = await worker.run(worker.history.aggregates, first, today, today, first_weekday())
        sessions = await worker.run(worker.history.list_sessions, first, today, ALL_SESSIONS)
        if not has_content(aggregates, len(sessions)):
            if await worker.run(worker.history.history_range) is None:
                why = (
                    "Your history is still empty. A report shows your sessions, pain ratings and "
                    "sit-breaks: come back after your first session."
                )
            else:
                why = (
                    "No session, pain rating or sit-break was recorded in this period. Pick a longer "
                    "period above to report on your earlier records."
                )
            await modal.inform(self.window, "Nothing to report yet", why)
            return
        path = await modal.choose_path(
            self.window,
            "Save a report for your physiotherapist",
            mode="save",
            name=_dated("pdf"),
            filters="PDF documents (*.pdf)",
        )
        if path is None:
            return
        stored = await worker.run(worker.history.get_setting, REPORT_NAME_KEY, "")
        data = report_input(
            report_person(stored),
            state.range_key,
            aggregates,
            sessions,
            self.catalog,
            state.library,
            state.ladder,
        )
        try:
            pages = write_report(path, data)
        except OSError as exc:
            await modal.error(self.window, "The report was not written", str(exc))
            return
        self.window.say(f"Wrote the report ({pages} page{'' if pages == 1 else 's'}) to {path}")

    async def session(self, action: SessionRowAction, session_id: int) -> None:
        action = SessionRowAction(action)
        if action is SessionRowAction.OPEN:
            sets = await self.worker.run(self.worker.history.session_sets, session_id)
            names = {e.id: e.name for e in self.catalog.exercises}
            await modal.answer(session_sets(self.window, sets, names))
        elif action is SessionRowAction.PAIN:
            for moment in PainMoment:
                dialog = PainDialog(moment, self.window)
                if await modal.answer(dialog):
                    await self.worker.run(self.worker.history.correct_pain, session_id, moment, dialog.value)
            await self.reload()
        elif action is SessionRowAction.DELETE:
            snapshot = await self.worker.run(self.worker.history.delete_session, session_id)
            await self.reload()
            self._offer_undo(snapshot)

    def _offer_undo(self, snapshot: dict) -> None:
        async def undo() -> str:
            await self.worker.run(self.worker.history.restore_session, snapshot)
            await self.reload()
            return "Session restored."

        self.undo.offer("Session deleted.", "the session", undo)
