"""The desk break shows the cue of the phase running now, phase by phase, in the author's order."""

from __future__ import annotations

import pytest

from desktop.content.catalog_cache import load_catalog_cached
from desktop.core.desk_break import GET_READY_S, desk_break


@pytest.fixture(scope="module")
def stand_and_extend():
    catalog = load_catalog_cached()
    return desk_break(catalog, catalog.routine("stand-and-extend"))


def test_the_break_is_get_ready_then_five_paced_reps(stand_and_extend):
    b = stand_and_extend
    assert [(name, seconds) for name, seconds, _ in b.phases] == [
        ("lean-back", 3),
        ("hold", 2),
        ("return", 3),
    ]
    assert b.reps == 5
    assert b.total_s == GET_READY_S + 5 * 8


@pytest.mark.parametrize(
    ("elapsed", "phase", "cue", "rep", "phase_left"),
    [
        (0.0, "get-ready", "Stand up, feet hip-width apart. Hands on your lower back.", 0, 5.0),
        (5.0, "lean-back", "Lean back gently and look up a little.", 1, 3.0),
        (8.5, "hold", "Stay there a moment and breathe.", 1, 1.5),
        (10.0, "return", "Come back to standing tall.", 1, 3.0),
        (13.0, "lean-back", "Lean back gently and look up a little.", 2, 3.0),
        (44.9, "return", "Come back to standing tall.", 5, 0.1),
    ],
)
def test_each_instant_shows_its_own_phase_and_cue(stand_and_extend, elapsed, phase, cue, rep, phase_left):
    m = stand_and_extend.moment(elapsed)
    assert (m.phase, m.cue, m.rep) == (phase, cue, rep)
    assert m.phase_left_s == pytest.approx(phase_left)
    assert m.left_s == pytest.approx(45 - elapsed)


def test_the_end_is_done(stand_and_extend):
    assert stand_and_extend.moment(45.0).done
    assert stand_and_extend.next_change(45.0) == float("inf")


def test_the_next_change_is_the_next_whole_second_or_phase(stand_and_extend):
    assert stand_and_extend.next_change(0.0) == pytest.approx(1.0)
    assert stand_and_extend.next_change(4.6) == pytest.approx(0.4)
    assert stand_and_extend.next_change(7.5) == pytest.approx(0.5)  # the hold starts at 8.0
