"""The still figure (get-ready, rest, side switch) is the start of the set that comes next.

Checked at two levels, both without a screen: the display names the coming set's exercise
and side, and the still frame drawn for that side is the very first frame that set's
moving figure begins with (same pose, same mirroring, same working limb).
"""

from __future__ import annotations

import pytest

from desktop.content.catalog_cache import shipped_poses
from desktop.core.catalog import Dosage, Range, Routine, RoutineItem
from desktop.core.clock import FakeClock
from desktop.core.doses import item_dosage
from desktop.core.motion import Timeline, start_frame
from desktop.core.plan import expand
from desktop.core.session import SessionEngine
from desktop.core.session_display import display

SIDES = ("left", "right", "alternate", None)


def _stills(catalog, routine_id: str | Routine):
    """(display, the work step that comes next) for every still moment of a routine."""
    clock = FakeClock(0)
    routine = catalog.routine(routine_id) if isinstance(routine_id, str) else routine_id
    engine = SessionEngine(expand(catalog, routine), clock)
    engine.start()
    seen = []
    while not engine.finished:
        state = engine.state(clock())
        d = display(state, catalog, engine.awaits_reps)
        if d.kind in ("get_ready", "rest", "side_switch"):
            coming = next(s for s in engine.steps[engine.index + 1 :] if s.kind == "work")
            seen.append((d, coming))
        engine.skip()
    return seen


def _two_sided(catalog):
    """Every exercise done on each side or alternating, alone in a routine of two sets (so
    getting ready, the switch and the rest between sets all come up)."""
    for e in catalog.exercises:
        item = RoutineItem(e.id, Dosage(sets=Range(2, 2)))
        if item_dosage(catalog, item, 0).effective_sides != "none":
            yield Routine(f"only-{e.id}", e.name, "", (), (item,))


def test_there_are_two_sided_exercises_of_both_kinds(catalog):
    sides = {item_dosage(catalog, r.items[0], 0).effective_sides for r in _two_sided(catalog)}
    assert sides == {"each", "alternate"}


@pytest.mark.parametrize(
    "routine_id", ["mobility-trio", "evening-floor", "posterior-chain", "tweaked-back", "*"]
)
def test_every_still_shows_the_coming_sets_exercise_and_side(catalog, routine_id):
    """Every shipped routine with a two-sided exercise, and ("*") every two-sided exercise."""
    routines = list(_two_sided(catalog)) if routine_id == "*" else [routine_id]
    stills = [still for r in routines for still in _stills(catalog, r)]
    assert stills
    for d, coming in stills:
        assert not d.figure.moving
        assert d.figure.exercise_id == coming.exercise_id, (d.kind, d.title)
        want = coming.side if coming.side != "none" else None
        assert d.figure.side == want, (d.kind, d.title, coming.side)


def test_open_book_get_ready_lies_on_the_left_like_the_first_set_and_switch_on_the_right(catalog):
    """The tester's case: get-ready showed the right side's picture before a left-side set."""
    kinds = [
        (d.kind, d.figure.side)
        for d, c in _stills(catalog, "mobility-trio")
        if c.exercise_id == "open-book-rotation"
    ]
    assert kinds == [("get_ready", "left"), ("side_switch", "right")]
    art = shipped_poses().get("open-book-rotation")
    assert art is not None and art.other_side == "mirror"
    assert start_frame(art, "left").mirrored and not start_frame(art, "right").mirrored


@pytest.mark.parametrize("side", SIDES)
def test_the_still_frame_is_the_first_frame_of_the_set_on_that_side(catalog, side):
    poses = shipped_poses()
    checked = 0
    for exercise in catalog.exercises:
        for rung in (None, *range(len(exercise.progressions))):
            art = poses.get(exercise.id, rung)
            if art is None:
                continue
            dosage = catalog.exercise(exercise.id).dosage
            first = Timeline.for_exercise(art, dosage, side, session=True).frame(0.0)
            still = start_frame(art, side)
            assert (still.mirrored, still.swapped, still.swapped_from) == (
                first.mirrored,
                first.swapped,
                first.swapped_from,
            ), (exercise.id, rung, side)
            assert still.position == pytest.approx(first.position), (exercise.id, rung, side)
            assert still.scene(art) == first.scene(art), (exercise.id, rung, side)
            checked += 1
    assert checked >= len(catalog.exercises)
