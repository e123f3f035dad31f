"""The shipped catalog loads, validates and carries the seed facts faithfully."""

from pathlib import Path

import pytest

from desktop.core.catalog import Range

SEEDS = {p.name for p in (Path(__file__).resolve().parents[3] / "shared" / "seeds").glob("*.txt")} or {
    "000_54d43dbb48fd0cba.txt",
    "001_84c990ac2bcff3e1.txt",
    "002_8b89f322fc499fa5.txt",
    "003_8fc3cb74b79573fb.txt",
    "004_c0a2aa727baa6e7e.txt",
}

EXPECTED_IDS = {
    "reverse-jefferson-curl",
    "reverse-hyperextension",
    "static-back",
    "supine-groin-stretch",
    "push-up",
    "sit-up",
    "squat",
    "superman-back-arch",
    "belly-breathing-feet-up",
    "cat-cow",
    "rocking-all-fours",
    "supine-marching",
    "prone-back-extension",
    "piriformis-release",
    "standing-back-bend",
    "open-book-rotation",
    "segmental-bridge",
    "figure-four-stretch",
}
ROUTINES = {
    "tweaked-back",
    "mobility-trio",
    "posterior-chain",
    "evening-floor",
    "strength-foundation",
    "stand-and-extend",
}


def test_every_seed_exercise_and_routine_is_present(catalog):
    assert {e.id for e in catalog.exercises} >= EXPECTED_IDS
    assert {r.id for r in catalog.routines} == ROUTINES


def test_every_entry_is_complete(catalog):
    for e in catalog.exercises:
        assert len(e.cues) >= 3 and e.cues.get("setup") and e.cues.get("work"), e.id
        assert e.why, e.id
        assert set(e.sources) <= SEEDS, e.id
    for r in catalog.routines:
        for item in r.items:
            catalog.exercise(item.exercise)  # raises KeyError for an unknown id


def test_jefferson_curl_facts(catalog):
    e = catalog.exercise("reverse-jefferson-curl")
    assert e.dosage.reps == Range(10, 10)
    assert e.dosage.per_day == Range(4, 6)
    assert e.dosage.per_week == Range(2, 3)
    assert e.load.unit == "lb" and e.load.start == 3 and e.load.max == 15
    assert e.progressions[0].load is None  # begin with no weight
    assert any("doctor" in c for c in e.cautions)


def test_reverse_hyper_and_prone_extension_doses(catalog):
    hyper = catalog.exercise("reverse-hyperextension").dosage
    assert hyper.sets == Range(2, 3) and hyper.reps == Range(8, 20)
    prone = catalog.exercise("prone-back-extension")
    assert prone.dosage.reps == Range(5, 5) and prone.dosage.per_day == Range(1, 1)
    assert len(prone.progressions) >= 2


def test_floor_holds_and_sides(catalog):
    assert catalog.exercise("static-back").dosage.duration_s == Range(1200, 1200)
    groin = catalog.exercise("supine-groin-stretch").dosage
    assert groin.duration_s == Range(1200, 1200) and groin.sides == "each"
    fig4 = catalog.exercise("figure-four-stretch")
    assert fig4.dosage.hold_s == Range(10, 10) and fig4.dosage.sides == "each"
    assert any("pins and needles" in c.lower() for c in fig4.cautions)
    assert catalog.exercise("supine-marching").dosage.sides == "alternate"


@pytest.mark.parametrize("exercise_id", ["push-up", "sit-up", "squat"])
def test_rep_goals_20_30_40(catalog, exercise_id):
    goals = [p.dosage.reps.lo for p in catalog.exercise(exercise_id).progressions]
    assert goals == [20, 30, 40]


def test_superman_builds_to_a_couple_of_minutes(catalog):
    top = catalog.exercise("superman-back-arch").progressions[-1]
    assert top.dosage.duration_s.hi == 120


def test_red_flags_are_shipped(catalog):
    ids = {f.id for f in catalog.safety}
    assert {"severe-pain-or-injury", "numbness-past-knee", "pins-and-needles", "pain-increases"} <= ids


def test_stand_and_extend_break_is_short(catalog):
    from desktop.core.plan import estimate_s

    assert 30 <= estimate_s(catalog, catalog.routine("stand-and-extend")) <= 60
