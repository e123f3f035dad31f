"""The one-time safety notice before the first session, the same from the window and ``upright run``.

The person's acknowledgement is stored, so the notice is read once, not at
every start; without a history (the store could not open) it is asked again
in each run, since nothing remembers the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.app import modal
from desktop.core.catalog import Catalog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.app.store_worker import StoreWorker

SAFETY_SETTING = "safety_notice_acknowledged"


async def stored_acknowledgement(worker: StoreWorker | None) -> bool:
    if worker is None:
        return False
    return bool(await worker.run(worker.history.get_setting, SAFETY_SETTING, False))


async def safety_acknowledged(
    parent: QWidget | None, catalog: Catalog, worker: StoreWorker | None, *, known: bool | None = None
) -> bool:
    """True once the person has accepted the notice (now, or before: ``known`` or the stored answer)."""
    from desktop.ui.dialogs import safety_notice

    if known if known is not None else await stored_acknowledgement(worker):
        return True
    flags = [(f.title, f.advice) for f in catalog.safety]
    if not await modal.answer(safety_notice(parent, flags)):
        return False
    if worker is not None:
        await worker.run(worker.history.set_setting, SAFETY_SETTING, True)
    return True
