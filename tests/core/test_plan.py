"""Routines expand into the steps a session will walk through."""

from desktop.core.catalog import Catalog, Dosage, Exercise, Range, Routine, RoutineItem
from desktop.core.cues import Cues
from desktop.core.plan import DEFAULT_REST_S, GET_READY_S, SIDE_SWITCH_S, estimate_s, expand


def exercise(id, **dose):
    return Exercise(
        id,
        id.title(),
        ("003_8fc3cb74b79573fb.txt",),
        "supine",
        (),
        ("w",),
        Cues({"setup": ("a",), "work": ("b", "c")}),
        (),
        Dosage(**dose),
    )


def one(ex, **overrides):
    cat = Catalog((ex,), (Routine("r", "R", "d", (), (RoutineItem(ex.id, Dosage(**overrides)),)),))
    return cat, cat.routine("r")


def kinds(steps):
    return [(s.kind, s.side, s.set_index) for s in steps]


def test_sets_with_rest_use_low_end_of_ranges():
    cat, r = one(
        exercise("hyper", sets=Range(2, 3), reps=Range(8, 20), tempo={"up": 1, "down": 3}),
        rest_s=Range(60, 60),
    )
    steps = expand(cat, r)
    assert kinds(steps) == [
        ("get_ready", "none", 1),
        ("work", "none", 1),
        ("rest", "none", 1),
        ("work", "none", 2),
        ("done", "none", 0),
    ]
    assert steps[1].reps == 8 and steps[1].tempo == (("up", 1), ("down", 3))
    assert estimate_s(cat, r) == GET_READY_S + 2 * 8 * 4 + 60


def test_each_side_hold_has_a_switch():
    cat, r = one(exercise("fig4", hold_s=Range(10, 10), sides="each"))
    steps = expand(cat, r)
    assert kinds(steps) == [
        ("get_ready", "none", 1),
        ("work", "left", 1),
        ("side_switch", "right", 1),
        ("work", "right", 1),
        ("done", "none", 0),
    ]
    assert steps[1].seconds == 10 and steps[1].reps is None
    assert estimate_s(cat, r) == GET_READY_S + 10 + SIDE_SWITCH_S + 10


def test_alternate_counts_reps_per_side_and_default_rest():
    cat, r = one(exercise("march", sides="alternate"), sets=Range(2, 2), reps=Range(6, 6))
    steps = expand(cat, r)
    assert steps[1].side == "alternate" and steps[1].rep_count == 12
    assert steps[2].kind == "rest" and steps[2].seconds == DEFAULT_REST_S


def test_catalog_estimates_are_plausible(catalog):
    minutes = {r.id: estimate_s(catalog, r) / 60 for r in catalog.routines}
    assert 40 <= minutes["evening-floor"] <= 70  # two 20-minute floor holds, one of them per side
    assert minutes["stand-and-extend"] < 1.1


def test_steps_know_their_routine_item_when_an_exercise_appears_twice(catalog):
    from desktop.core.catalog import Dosage, Range, Routine, RoutineItem

    twice = Routine(
        "twice",
        "Twice",
        "d",
        (),
        (
            RoutineItem("cat-cow", Dosage(reps=Range.of(2))),
            RoutineItem("squat"),
            RoutineItem("cat-cow", Dosage(reps=Range.of(4))),
        ),
    )
    steps = [s for s in expand(catalog, twice) if s.kind != "done"]
    assert {(s.exercise_id, s.item) for s in steps} == {("cat-cow", 0), ("squat", 1), ("cat-cow", 2)}
    assert [s.reps for s in steps if s.kind == "work" and s.item == 2] == [4]
