"""Editing the settings: live rule sentences, validation by the core, then saving.

The dialog only shows; the core's ``BreakSettings`` decides what is valid
and words the rules, so what the dialog promises is what the policy does.
"""

from __future__ import annotations

from dataclasses import asdict

from desktop.app import modal
from desktop.core.breaks import BreakSettings, rules_text

SETTINGS_KEY = "break_settings"
APPEARANCE_KEY = "theme"


def validate(values: dict) -> tuple[BreakSettings | None, str | None]:
    fields = {k: v for k, v in values.items() if k in BreakSettings.__dataclass_fields__}
    try:
        return BreakSettings(**fields), None
    except ValueError as exc:
        return None, str(exc)


async def edit_break_settings(store, current: BreakSettings, appearance) -> dict | None:
    """Show the dialog; on Save store the values and apply autostart and theme. None if cancelled."""
    from desktop.platform.autostart import AutostartError, is_autostart_enabled, set_autostart
    from desktop.ui.settings_dialog import SettingsDialog  # on first use: a waiting tray needs no dialog

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
    if store is not None:  # the tray's store: typed calls, each in a short-lived child
        await store.set_setting(SETTINGS_KEY, asdict(settings))
        await store.set_setting(APPEARANCE_KEY, edited["theme"])
    return asdict(settings)
