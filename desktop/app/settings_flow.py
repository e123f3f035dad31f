"""Editing the preferences: live rule sentences, checks worded for a person, then saving.

The dialog only shows; the core's ``BreakSettings`` decides what is valid
and words the rules, so what the dialog promises is what the policy does.
The core's messages name fields as the settings file spells them; here
each problem is said again in the dialog's own words, naming the field as
it is labelled and saying what to change. The main window's Edit menu and
the tray menu open this same flow.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from desktop.core.break_settings import MAX_DAILY_SKIPS, MINUTE_RANGES
from desktop.core.breaks import BreakSettings, rules_text

if TYPE_CHECKING:
    from desktop.app.store_worker import StoreWorker
    from desktop.ui.settings_dialog import SettingsDialog

# Saves one setting: the window's store, or the tray's short-lived child (TrayStore.set_setting).
SaveSetting = Callable[[str, Any], Awaitable[None]]

SETTINGS_KEY = "break_settings"
APPEARANCE_KEY = "theme"
SOUND_KEY = "sound_cues"
VOICE_KEY = "voice"


def _quote(key: str) -> str:
    from desktop.ui.settings_dialog import LABELS  # the dialog loads on first use, not in a waiting tray

    return f"\u201c{LABELS[key]}\u201d"


def problem_for(values: dict[str, Any]) -> str | None:
    """The first problem with the edited values, in the words of the dialog; None if they are fine."""
    name = values.get("report_name", "")
    if isinstance(name, str) and name.strip():
        # Imported only when there is a name to check: the waiting tray validates its stored
        # break settings here at start, and must not load pydantic for that.
        from desktop.content.person_name import person_name_problem

        problem = person_name_problem(name)
        if problem is not None:
            return (
                f"{_quote('report_name')}: {problem}. Retype the name, or empty the field to use "
                "your account's name."
            )
    out_of_range = _range_problem(values)
    if out_of_range is not None:
        return out_of_range
    interval, natural = values.get("interval_min"), values.get("natural_break_min")
    if isinstance(interval, int | float) and isinstance(natural, int | float) and natural >= interval:
        return (
            f"{_quote('natural_break_min')} ({natural} min) must be shorter than "
            f"{_quote('interval_min')} ({interval} min). Lower the first or raise the second."
        )
    hours = values.get("working_hours")
    if isinstance(hours, dict) and {"start", "end", "days"} <= hours.keys():
        if hours["start"] >= hours["end"]:
            return (
                f"Working hours end at {hours['end']}, which is not after they start at {hours['start']}. "
                "Pick an end time later in the day."
            )
        if not hours["days"]:
            return f"Tick at least one working day, or untick {_quote('only_hours')}."
    return None


def _range_problem(values: dict[str, Any]) -> str | None:
    """A number outside its field's range (or a field left empty), said with the range allowed."""
    for key, low, high in MINUTE_RANGES:
        if key not in values:  # a settings row from before the field existed: its default applies
            continue
        value = values[key]
        if value is None:
            return f"{_quote(key)} is empty. Type a number of minutes from {low} to {high}."
        if isinstance(value, int | float) and not low <= value <= high:
            return (
                f"{_quote(key)} must be from {low} to {high} min, not {value:g}. Type a number in that range."
            )
    limit = values.get("daily_skip_limit")
    if isinstance(limit, int) and not 0 <= limit <= MAX_DAILY_SKIPS:
        return (
            f"{_quote('daily_skip_limit')} must be from 0 to {MAX_DAILY_SKIPS} a day, or No limit, "
            f"not {limit}. Type a number in that range, or step down to No limit."
        )
    return None


def validate(values: dict[str, Any]) -> tuple[BreakSettings | None, str | None]:
    """The settings the values make, or the problem with them in a person's words."""
    problem = problem_for(values)
    if problem is not None:
        return None, problem
    fields = {k: v for k, v in values.items() if k in BreakSettings.__dataclass_fields__}
    try:
        return BreakSettings(**fields), None
    except ValueError as exc:  # a limit the spin boxes already keep; said plainly all the same
        return None, f"These settings cannot be used: {exc}"


def rules_as_edited(values: dict[str, Any]) -> list[str]:
    """The rule sentences for the values as they stand, valid or not, so the help follows each edit."""
    hours = values.get("working_hours")
    fields = {k: v for k, v in values.items() if k in BreakSettings.__dataclass_fields__}
    # Hours with no day ticked have no sentence; the message under the form asks for a day.
    usable = isinstance(hours, dict) and bool(hours["days"])
    fields["working_hours"] = SimpleNamespace(**hours) if isinstance(hours, dict) and usable else None
    return rules_text(cast(BreakSettings, SimpleNamespace(**fields)))


def connect_preview(dialog: SettingsDialog) -> None:
    def preview(edited: dict[str, Any]) -> None:
        dialog.show_problem(problem_for(edited))
        if all(edited.get(key) is not None for key, _low, _high in MINUTE_RANGES):  # none left empty
            dialog.show_rules(rules_as_edited(edited))

    dialog.changed.connect(preview)


# The Preferences dialog on screen, if any: one at a time, or a second one saved later would put
# back the values the first had just saved.
_showing: list[SettingsDialog] = []


async def edit_preferences(
    save: SaveSetting | None, current: BreakSettings, appearance, media, report_name: object = ""
) -> dict | None:
    """Show Preferences; on Save store every value and apply it. The break settings, or None if cancelled.

    ``report_name`` is the stored "Name on reports" (``REPORT_NAME_KEY``), whatever its shape."""
    from desktop.app import modal
    from desktop.app.report_data import REPORT_NAME_KEY
    from desktop.core.routine_edit import stored_text
    from desktop.platform.account import account_person_name
    from desktop.platform.autostart import AutostartError, is_autostart_enabled, set_autostart
    from desktop.ui.settings_dialog import SettingsDialog

    values = {
        **asdict(current),
        "autostart": is_autostart_enabled(),
        "theme": appearance.choice,
        "sound": media.sound_wanted,
        "voice": media.voice_wanted,
        "report_name": report_name if isinstance(report_name, str) else "",
        "report_name_default": account_person_name(),
        **{f"{kind.value}_lacking": reason for kind, reason in media.outputs_lacking().items()},
    }
    if _showing:  # Ctrl+, again, or the tray's menu while it is open: the same dialog comes forward
        _showing[0].raise_()
        _showing[0].activateWindow()
        return None
    dialog = SettingsDialog(values, rules_text(current))
    connect_preview(dialog)
    _showing.append(dialog)
    try:
        if not await modal.answer(dialog):
            return None
        edited = dialog.values()
    finally:
        _showing.clear()
    settings, problem = validate(edited)
    if settings is None:
        await modal.error(None, "Preferences not saved", problem or "")
        return None
    if edited["autostart"] != values["autostart"]:
        try:
            set_autostart(edited["autostart"])
        except AutostartError as exc:
            await modal.error(None, "Start at login was not changed", str(exc))
    appearance.set_choice(edited["theme"])
    media.want(sound=edited["sound"], voice=edited["voice"])
    if save is not None:
        await save(SETTINGS_KEY, asdict(settings))
        await save(APPEARANCE_KEY, edited["theme"])
        await save(SOUND_KEY, edited["sound"])
        await save(VOICE_KEY, edited["voice"])
        await save(REPORT_NAME_KEY, stored_text(edited["report_name"]))
    return asdict(settings)


async def stored_break_settings(worker: StoreWorker | None) -> BreakSettings:
    """The saved break settings, or the defaults when none are saved or they no longer validate."""
    values = await worker.run(worker.history.get_setting, SETTINGS_KEY, {}) if worker is not None else {}
    settings, _problem = validate(values if isinstance(values, dict) else {})
    return settings or BreakSettings()


def apply_preferences(appearance, media, theme: str, sound: bool, voice: bool) -> None:
    """Apply the stored theme, sound and voice choices (the tray reads them at start)."""
    from desktop.ui.appearance import theme_choice

    appearance.set_choice(theme_choice(theme))
    media.want(sound=bool(sound), voice=bool(voice))
