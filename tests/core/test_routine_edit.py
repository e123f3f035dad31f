"""Routine edits are pure: the old routine is untouched, so undo is just the old value."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.catalog import Dosage, Range, Routine, RoutineItem
from desktop.core.routine_edit import (
    OVERRIDE_FIELDS,
    add_item,
    as_copy,
    copy_name,
    move_item,
    override_of,
    remove_item,
    rename,
    set_override,
)

ROUTINE = Routine(
    id="tweaked-back",
    name="Tweaked back first aid",
    description="Gentle moves.",
    sources=("003_8fc3cb74b79573fb.txt",),
    items=(
        RoutineItem("belly-breathing-feet-up", Dosage(reps=Range(10, 10), tempo={"inhale": 4, "exhale": 6})),
        RoutineItem("cat-cow", Dosage(reps=Range(8, 8))),
        RoutineItem("rocking-all-fours"),
    ),
)


def ids(routine):
    return [i.exercise for i in routine.items]


def test_add_appends_or_inserts_without_overrides():
    added = add_item(ROUTINE, "bird-dog")
    assert ids(added)[-1] == "bird-dog" and added.items[-1].overrides == Dosage()
    assert ids(add_item(ROUTINE, "bird-dog", at=0))[0] == "bird-dog"
    assert ids(add_item(ROUTINE, "bird-dog", at=3))[3] == "bird-dog"
    assert len(ROUTINE.items) == 3  # the original is untouched
    with pytest.raises(IndexError):
        add_item(ROUTINE, "bird-dog", at=4)


def test_remove_keeps_the_rest_in_order():
    assert ids(remove_item(ROUTINE, 1)) == ["belly-breathing-feet-up", "rocking-all-fours"]
    with pytest.raises(IndexError):
        remove_item(ROUTINE, 3)
    with pytest.raises(IndexError):
        remove_item(ROUTINE, -1)


def test_move_puts_the_item_at_the_target_position():
    assert ids(move_item(ROUTINE, 0, 2)) == ["cat-cow", "rocking-all-fours", "belly-breathing-feet-up"]
    assert ids(move_item(ROUTINE, 2, 0)) == ["rocking-all-fours", "belly-breathing-feet-up", "cat-cow"]
    assert move_item(ROUTINE, 1, 1) == ROUTINE
    with pytest.raises(IndexError):
        move_item(ROUTINE, 0, 3)


@given(st.integers(0, 2), st.integers(0, 2))
def test_a_move_is_undone_by_the_reverse_move(a, b):
    assert move_item(move_item(ROUTINE, a, b), b, a) == ROUTINE


def test_set_override_sets_and_clears_one_field():
    changed = set_override(ROUTINE, 1, "reps", Range(5, 12))
    assert changed.items[1].overrides == Dosage(reps=Range(5, 12))
    assert override_of(changed, 1, "reps") == Range(5, 12)
    assert changed.items[0] is ROUTINE.items[0]
    cleared = set_override(ROUTINE, 0, "tempo", None)
    assert cleared.items[0].overrides == Dosage(reps=Range(10, 10))
    assert set_override(set_override(ROUTINE, 2, "sides", "each"), 2, "sides", None) == ROUTINE
    with pytest.raises(ValueError):
        set_override(ROUTINE, 0, "per_day", Range(2, 2))
    with pytest.raises(IndexError):
        set_override(ROUTINE, 5, "reps", Range(1, 1))


def test_tempo_override_is_a_private_copy():
    tempo = {"lift": 2.0}
    changed = set_override(ROUTINE, 2, "tempo", tempo)
    tempo["lift"] = 9.0
    assert changed.items[2].overrides.tempo == {"lift": 2.0}


def test_every_override_field_is_a_dosage_key():
    for field in OVERRIDE_FIELDS:
        assert hasattr(Dosage(), field)


def test_rename_keeps_the_id():
    renamed = rename(ROUTINE, "  Back rescue ")
    assert renamed.name == "Back rescue" and renamed.id == ROUTINE.id and renamed.items == ROUTINE.items


def test_as_copy_takes_a_fresh_id_and_a_copy_name():
    copy = as_copy(ROUTINE, {"tweaked-back"})
    assert copy.name == "Tweaked back first aid (my copy)"
    assert copy.id == "tweaked-back-first-aid-my-copy"
    assert copy.items == ROUTINE.items and copy.description == ROUTINE.description
    again = as_copy(ROUTINE, {"tweaked-back", copy.id})
    assert again.id == "tweaked-back-first-aid-my-copy-copy"
    named = as_copy(ROUTINE, {"tweaked-back"}, name="Tweaked back")
    assert named.id == "tweaked-back-copy" and named.name == "Tweaked back"


def test_a_copy_of_a_copy_keeps_one_suffix():
    assert copy_name("Busy day (my copy)") == "Busy day (my copy)"
    assert copy_name("Busy day") == "Busy day (my copy)"


@given(st.text(max_size=80), st.sets(st.from_regex(r"\A[a-z]{1,4}(-copy(-\d)?)?\Z"), max_size=10))
def test_copy_ids_are_always_new_and_kebab_case(name, taken):
    copy = as_copy(ROUTINE, taken, name=name or None)
    assert copy.id not in taken
    assert len(copy.id) <= 64
    assert all(part and part.isascii() and part.isalnum() for part in copy.id.split("-"))
