"""The tempo timeline: phases, easing, holds, sides, and settling into a held position."""

import pytest

from desktop.core.catalog import Dosage, Range
from desktop.core.figure import ExerciseArt, Pose
from desktop.core.motion import DEFAULT_PACE, Frame, Timeline, ease

A = Pose(
    hip=(0.8, 0.44),
    lumbar=90,
    thorax=90,
    neck=90,
    arm=(-90, -90),
    forearm=(-90, -90),
    thigh=(-90, -90),
    shin=(-90, -90),
    foot=(0, 0),
)
B = Pose(**{**A.__dict__, "lumbar": 110.0, "thorax": 130.0})


def art(keyframes=2, **kw) -> ExerciseArt:
    poses = tuple(A.blend(B, n / (keyframes - 1)) for n in range(keyframes))
    return ExerciseArt(keyframes=poses, names=("",) * keyframes, **kw)


def test_ease_starts_and_ends_slowly():
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == pytest.approx(0.5)
    assert ease(0.1) < 0.1 and ease(0.9) > 0.9
    assert ease(-1) == 0 and ease(2) == 1


def test_a_tempo_paces_one_cycle_per_rep():
    t = Timeline.for_exercise(art(), Dosage(tempo={"lean-back": 3, "hold": 3, "return": 3}))
    assert (t.go_s, t.hold_s, t.back_s, t.rest_s) == (3, 3, 3, 0)
    assert t.cycle_s == 9
    assert t.frame(0) == Frame(0.0, False, "go", 0)
    assert t.frame(1.5).position == pytest.approx(0.5)  # half-way through going, eased
    assert t.frame(1.0).position == pytest.approx(ease(1 / 3))
    assert t.frame(4.5) == Frame(1.0, False, "hold", 0)  # holds at end range
    back = t.frame(7.5)
    assert back.phase == "back" and back.position == pytest.approx(0.5)
    assert t.frame(9.0) == Frame(0.0, False, "go", 1)


def test_two_phases_go_and_come_back_without_a_hold():
    t = Timeline.for_exercise(art(), Dosage(tempo={"lift": 2, "lower": 3}))
    assert (t.go_s, t.hold_s, t.back_s) == (2, 0, 3)
    assert t.frame(2.0).phase == "back" and t.frame(2.0).position == pytest.approx(1.0)


def test_without_a_tempo_the_pace_and_the_dosage_hold_apply():
    t = Timeline.for_exercise(art(pace={"go": 3.0}), Dosage(hold_s=Range(10, 10)))
    assert (t.go_s, t.hold_s, t.back_s, t.rest_s) == (3.0, 10, DEFAULT_PACE["back"], DEFAULT_PACE["rest"])
    assert t.frame(0.2) == Frame(0.0, False, "rest", 0)
    assert t.frame(t.rest_s + 3.0 + 5.0).phase == "hold"


def test_blend_factor_between_keyframes():
    t = Timeline.for_exercise(art(keyframes=3), Dosage(tempo={"up": 4, "down": 4}))
    assert t.frame(2.0).position == pytest.approx(1.0)  # the middle keyframe half-way through
    frame = t.frame(1.0)
    a, b, blend = frame.keys()
    assert (a, b) == (0, 1) and blend == pytest.approx(2 * ease(0.25))
    assert t.frame(4.0).keys() == (2, 2, 0.0)


@pytest.mark.parametrize(
    "sides, side, expect",
    [
        ("none", None, [False, False, False]),
        ("alternate", None, [False, True, False]),  # every other rep
        ("each", None, [False, True, False]),  # a demonstration shows both sides in turn
        ("each", "left", [False, False, False]),  # a session step on one side stays there
        ("each", "right", [True, True, True]),
        ("alternate", "alternate", [False, True, False]),
    ],
)
def test_sides_mirror_the_figure(sides, side, expect):
    t = Timeline.for_exercise(art(), Dosage(tempo={"go": 1, "back": 1}, sides=sides), side)
    assert [t.frame(2.0 * n + 0.5).mirrored for n in range(3)] == expect


def test_a_held_position_settles_in_a_session_but_loops_when_browsing():
    held = art(stay=True)
    session = Timeline.for_exercise(held, Dosage(duration_s=Range(1200, 1200)), "none", session=True)
    assert session.once
    settle = session.rest_s + session.go_s
    assert session.frame(settle - 0.01).phase == "go"
    assert session.frame(settle + 600) == Frame(1.0, False, "hold", 0)
    browsing = Timeline.for_exercise(held, Dosage(duration_s=Range(1200, 1200)))
    assert browsing.frame(browsing.cycle_s + 0.1).cycle == 1
    assert not Timeline.for_exercise(art(), None, session=True).once  # only positions marked stay


def test_elapsed_before_the_start_is_the_start():
    t = Timeline.for_exercise(art(), Dosage(tempo={"go": 1, "back": 1}))
    assert t.frame(-5).position == 0.0
