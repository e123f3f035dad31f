"""Which dose a routine item runs: what the person wrote wins, the ladder step fills the rest.

A routine saved with 150 reps of the reverse Jefferson curl once ran the step's 10, and an
imported file's 200 push-ups ran 20, while the editor and the export said 150 and 200.
"""

from desktop.core import plan
from desktop.core.catalog import Dosage, Range, Routine, RoutineItem
from desktop.core.doses import item_dosage, item_dose


def test_the_persons_rung_sets_the_dose_in_every_routine_that_leaves_it_open(catalog):
    routine = catalog.routine("strength-foundation")  # push-ups with no count: the step decides
    push_up = next(i for i in routine.items if i.exercise == "push-up")
    assert push_up.overrides.reps is None
    assert [item_dosage(catalog, push_up, n).reps for n in (0, 1, 7)] == [
        Range(20, 20),
        Range(30, 30),
        Range(40, 40),  # clamped to the top rung
    ]
    base = plan.estimate_s(catalog, routine)
    assert plan.estimate_s(catalog, routine, {"push-up": 2}) > base
    works = [
        s
        for s in plan.expand(catalog, routine, {"push-up": 2})
        if s.kind == "work" and s.exercise_id == "push-up"
    ]
    assert works[0].reps == 40


def test_a_count_the_person_wrote_wins_over_the_step(catalog):
    curl = RoutineItem("reverse-jefferson-curl", Dosage(reps=Range(150, 150)))
    dose = item_dose(catalog, curl, 0)
    assert dose.dosage.reps == Range(150, 150)
    assert dose.step == "Step 1 of 3" and dose.over_step == {"reps"} and "reps" not in dose.from_step
    pushes = RoutineItem("push-up", Dosage(reps=Range(200, 200)))
    assert item_dosage(catalog, pushes, 2).reps == Range(200, 200)  # even on the top step
    routine = Routine("mine", "Mine", "Mine.", (), (curl,))
    works = [s for s in plan.expand(catalog, routine, {"reverse-jefferson-curl": 1}) if s.kind == "work"]
    assert [s.reps for s in works] == [150]


def test_the_step_is_named_for_the_keys_it_decides(catalog):
    open_item = RoutineItem("push-up")
    dose = item_dose(catalog, open_item, 1)
    assert dose.step == "Step 2 of 3" and dose.from_step == {"reps"} and not dose.over_step
    assert dose.dosage.reps == Range(30, 30)
    plain = item_dose(catalog, RoutineItem("cat-cow"), 0)  # no ladder: nothing comes from a step
    assert plain.step == "" and not plain.from_step and not plain.over_step
    assert item_dose(catalog, open_item, None).from_step == frozenset()  # ladder left out


def test_the_step_still_sets_what_the_item_leaves_open_beside_what_it_wrote(catalog):
    marching = RoutineItem("supine-marching", Dosage(reps=Range(9, 9)))
    level_2 = item_dosage(catalog, marching, 1)
    assert level_2.reps == Range(9, 9)
    assert list(level_2.tempo or {}) == ["lower", "lift"]  # heel taps start by lowering
    superman = RoutineItem("superman-back-arch")
    assert [item_dosage(catalog, superman, n).duration_s for n in (0, 1)] == [Range(30, 30), Range(120, 120)]


def test_the_session_says_when_the_routine_sets_its_own_dose_over_the_step(catalog):
    from desktop.core.clock import FakeClock
    from desktop.core.session import SessionEngine
    from desktop.core.session_display import display

    routine = Routine("mine", "Mine", "Mine.", (), (RoutineItem("push-up", Dosage(reps=Range(200, 200))),))
    engine = SessionEngine(plan.expand(catalog, routine, {"push-up": 0}), FakeClock())
    engine.start()
    shown = display(engine.state(0.0), catalog, False, {"push-up": 0})
    assert shown.subtitle == "Step 1 of 3: 20 reps \u00b7 this routine sets its own dose"
    plain = Routine("mine", "Mine", "Mine.", (), (RoutineItem("push-up"),))
    engine = SessionEngine(plan.expand(catalog, plain, {"push-up": 0}), FakeClock())
    engine.start()
    assert display(engine.state(0.0), catalog, False, {"push-up": 0}).subtitle == "Step 1 of 3: 20 reps"


def test_an_item_that_decides_the_way_runs_that_way_not_the_session_default(catalog):
    """Cat-cow's catalog dose names no way, so the item's does: a minute is a minute, not the
    default 8 reps (the docs always said so; the session once ran 8 reps for ``duration_s = 60``)."""
    assert catalog.exercise("cat-cow").session_dose.reps is not None
    for own, seconds in ((Dosage(duration_s=Range(60, 60)), 60), (Dosage(hold_s=Range(20, 20)), 20)):
        routine = Routine("mine", "Mine", "Mine.", (), (RoutineItem("cat-cow", own),))
        (work,) = [s for s in plan.expand(catalog, routine) if s.kind == "work"]
        assert (work.seconds, work.reps, work.tempo) == (seconds, None, None)
    paced = item_dosage(catalog, RoutineItem("cat-cow", Dosage(reps=Range(5, 5))))
    assert paced.reps == Range(5, 5) and list(paced.tempo or {}) == ["cat", "cow"]
    assert item_dosage(catalog, RoutineItem("prone-back-extension")).per_day == Range(1, 1)
