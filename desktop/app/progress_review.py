"""The after-session review: painful marks, ladder suggestions, and the changes confirmed.

Reads the evidence for each exercise done in the session from the store,
lets the person mark what hurt and tick the suggested changes, then stores
the marks and each confirmed change with its reason, linked to the session.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop.app import modal
from desktop.core.catalog import Catalog
from desktop.core.progression import suggestions
from desktop.ui.progress_dialog import ProgressDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from desktop.app.store_worker import StoreWorker


async def review_progress(
    parent,
    catalog: Catalog,
    worker: StoreWorker,
    session_id: int,
    exercise_ids: list[str],
    ladder: dict[str, int],
    *,
    ask: Callable[[QDialog], Awaitable[bool]] = modal.answer,
) -> list[str]:
    """Run the review; returns one line per change made. ``ask`` shows the questions and waits
    for the answer (the session asks them on its done screen)."""
    if not any(catalog.exercise(e).progressions for e in exercise_ids):
        return []  # nothing on a ladder: no questions (a rise in pain was already answered with advice)
    evidence = {e: await worker.run(worker.progress.evidence, e) for e in exercise_ids}
    names = {e.id: e.name for e in catalog.exercises}
    dialog = ProgressDialog(
        [(e, names[e]) for e in exercise_ids],
        lambda marked: suggestions(catalog, ladder, evidence, marked),
        names,
        parent,
    )
    if not await ask(dialog):
        return []
    marked, chosen = dialog.marked(), dialog.chosen()  # read now: the dialog is deleted once we wait
    await worker.run(worker.progress.mark_painful, session_id, marked)
    made = []
    for s in chosen:
        await worker.run(
            worker.progress.change_step, s.exercise_id, s.to_step, s.reason, datetime.now(UTC), session_id
        )
        made.append(f"{names[s.exercise_id]}: now on step {s.to_step + 1}.")
    return made
