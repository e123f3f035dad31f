"""Editing the settings: live rule sentences, validation by the core, then saving.

The dialog only shows; the core's ``BreakSettings`` decides what is valid
and words the rules, so what the dialog promises is what the policy does.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from desktop.app import modal
from desktop.core.breaks import BreakSettings, rules_text
from desktop.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker

SETTINGS_KEY = "break_settings"
APPEARANCE_KEY = "theme"


def validate(values: dict) -> tuple[BreakSettings | None, str | None]:
    fields = {k: v for k, v in values.items() if k in BreakSettings.__dataclass_fields__}
    try:
        return BreakSettings(**fields), None
    except ValueError as exc:
        return None, str(exc)


async def edit_break_settings(worker: StoreWorker | None, current: BreakSettings, appearance) -> dict | None:
    """Show the dialog; on Save store the values and apply autostart and theme. None if cancelled."""
    from desktop.platform.autostart import AutostartError, is_autostart_enabled, set_autostart

    values = {**asdict(current), "autostart": is_autostart_enabled(), "theme": appearance.choice}
    dialog = SettingsDialog(values, rules_text(current))

    def preview(edited: dict) -> None:
        settings, problem = validate(edited)
        dialog.show_problem(problem)
        if settings is not None:
            dialog.show_rules(rules_text(settings))

    dialog.changed.connect(preview)
    if not await modal.answer(dialog):
        return None
    edited = dialog.values()
    settings, problem = validate(edited)
    if settings is None:
        await modal.error(None, "Settings not saved", problem)
        return None
    try:
        set_autostart(edited["autostart"])
    except AutostartError as exc:
        await modal.error(None, "Start at login was not changed", str(exc))
    appearance.set_choice(edited["theme"])
    if worker is not None:
        await worker.run(worker.history.set_setting, SETTINGS_KEY, asdict(settings))
        await worker.run(worker.history.set_setting, APPEARANCE_KEY, edited["theme"])
    return asdict(settings)
