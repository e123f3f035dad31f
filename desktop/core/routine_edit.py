"""Edits to a routine as pure functions: old routine in, new routine out.

The editor's undo stack keeps the routine before and after each command, so
every edit must leave the old value untouched; with frozen dataclasses and
these functions, undo is "put the old value back" and cannot drift. Checking
the values (limits, formats) is not done here: the editor only calls these
with values that passed ``desktop.content.routine_validation``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from desktop.core.catalog import Range, Routine, RoutineItem, Sides
from desktop.core.routine_ids import slug, unique_id

# The dosage keys a routine item may override; how often to train belongs to the plan.
OVERRIDE_FIELDS = ("sets", "reps", "hold_s", "duration_s", "rest_s", "tempo", "sides")

OverrideValue = Range | Mapping[str, float] | Sides | None

COPY_SUFFIX = " (my copy)"


def _with_items(routine: Routine, items: list[RoutineItem]) -> Routine:
    return replace(routine, items=tuple(items))


def _check_index(routine: Routine, index: int) -> None:
    # Negative indexes would silently pick from the end; an editor bug should fail loudly instead.
    if not 0 <= index < len(routine.items):
        raise IndexError(f"routine {routine.id!r} has no item {index}")


def add_item(routine: Routine, exercise_id: str, at: int | None = None) -> Routine:
    """``routine`` with a new item for ``exercise_id`` at position ``at`` (default: the end).

    A new item has no overrides, so it starts at the catalog's dose, which is
    the conservative starting point the catalog chose for that exercise.
    """
    items = list(routine.items)
    position = len(items) if at is None else at
    if not 0 <= position <= len(items):
        raise IndexError(f"cannot insert at {position} in a routine of {len(items)} items")
    items.insert(position, RoutineItem(exercise_id))
    return _with_items(routine, items)


def remove_item(routine: Routine, index: int) -> Routine:
    """``routine`` without item ``index``; undo puts the same item, overrides and all, back."""
    _check_index(routine, index)
    items = list(routine.items)
    del items[index]
    return _with_items(routine, items)


def move_item(routine: Routine, from_index: int, to_index: int) -> Routine:
    """``routine`` with item ``from_index`` moved so that it ends up at ``to_index``.

    ``to_index`` is the item's position *after* the move (list pop + insert),
    so ``move_item(r, i, j)`` is undone by ``move_item(r', j, i)``.
    """
    _check_index(routine, from_index)
    _check_index(routine, to_index)
    items = list(routine.items)
    items.insert(to_index, items.pop(from_index))
    return _with_items(routine, items)


def set_override(routine: Routine, index: int, field: str, value: OverrideValue) -> Routine:
    """``routine`` with one override of item ``index`` set, or cleared with ``None``.

    Clearing means "use the catalog's value", which is why an empty field in
    the editor maps to ``None`` rather than to the catalog's current number:
    a later catalog update then still reaches this routine.
    """
    if field not in OVERRIDE_FIELDS:
        raise ValueError(f"{field!r} is not a routine item override; expected one of {OVERRIDE_FIELDS}")
    _check_index(routine, index)
    if isinstance(value, Mapping):
        value = dict(value)  # a private copy: a caller's dict changing later must not change history
    item = routine.items[index]
    items = list(routine.items)
    change: dict[str, Any] = {field: value}
    items[index] = replace(item, overrides=replace(item.overrides, **change))
    return _with_items(routine, items)


def override_of(routine: Routine, index: int, field: str) -> OverrideValue:
    """The override item ``index`` sets for ``field``; ``None`` when it uses the catalog's value."""
    if field not in OVERRIDE_FIELDS:
        raise ValueError(f"{field!r} is not a routine item override")
    _check_index(routine, index)
    value: OverrideValue = getattr(routine.items[index].overrides, field)
    return value


def rename(routine: Routine, name: str) -> Routine:
    """``routine`` under a new display name; the id stays so history and files still match it."""
    return replace(routine, name=stored_text(name))


def stored_text(text: str) -> str:
    """A name or description as the file schema stores it: surrounding spaces dropped, NFC."""
    return unicodedata.normalize("NFC", text.strip())


def copy_name(name: str) -> str:
    """``"Tweaked back first aid (my copy)"``; a copy of a copy does not grow a second suffix."""
    base = name.strip()
    return base if base.endswith(COPY_SUFFIX) else base + COPY_SUFFIX


def as_copy(routine: Routine, taken_ids: set[str] | frozenset[str], name: str | None = None) -> Routine:
    """A person's own copy of ``routine`` with a fresh id, for duplicating or editing a shipped one.

    Shipped routines are read-only templates: an edit must never change what
    the catalog ships (or the history recorded under its id), so editing one
    starts from a copy. The id comes from the new name and is made unique
    against ``taken_ids`` so the copy never replaces an existing routine.
    """
    new_name = copy_name(routine.name) if name is None else name.strip()
    new_id = unique_id(slug(new_name), taken_ids)
    return replace(routine, id=new_id, name=new_name)
