"""The tempo timeline: phases in the author's order, each at its keyframe, sides, settling."""

import pytest

from desktop.core.catalog import Dosage, Range
from desktop.core.clock import FakeClock
from desktop.core.figure import ExerciseArt
from desktop.core.motion import DEFAULT_PACE, Beat, Frame, Timeline, ease, flip_for
from desktop.core.skeleton import Pose
from tests.core.test_figure import STANDING

A = STANDING  # the same upright figure the figure tests pose
B = Pose(**{**A.__dict__, "lumbar": 110.0, "thorax": 130.0, "thigh": (-60.0, -90.0)})


def art(keyframes=2, names=None, **kw) -> ExerciseArt:
    poses = tuple(A.blend(B, n / (keyframes - 1)) for n in range(keyframes))
    return ExerciseArt(keyframes=poses, names=tuple(names or ("",) * keyframes), **kw)


def test_ease_starts_and_ends_slowly():
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == pytest.approx(0.5)
    assert ease(0.1) < 0.1 and ease(0.9) > 0.9
    assert ease(-1) == 0 and ease(2) == 1


def test_a_paced_rep_is_exactly_the_tempo_in_the_authors_order():
    cat_cow = art(names=("cow", "cat"))
    tempo = {"cat": 3, "cow": 2}  # cat first, as written, though "cow" sorts first
    t = Timeline.for_exercise(cat_cow, Dosage(tempo=tempo))
    assert t.beats == (Beat("cat", 3, 1.0), Beat("cow", 2, 0.0))
    assert t.cycle_s == 5
    clock = FakeClock(100.0)
    started = clock()
    seen = []
    while clock() < started + 2 * t.cycle_s:
        frame = t.frame(clock() - started)
        seen.append((round(clock() - started, 2), frame.phase, frame.cycle))
        clock.advance(0.25)
    # Each phase runs exactly its seconds, in order, rep after rep.
    for elapsed, phase, cycle in seen:
        into = elapsed - cycle * 5
        assert phase == ("cat" if into < 3 else "cow"), (elapsed, phase)
    # The figure reaches each phase's keyframe exactly when the phase ends.
    assert t.frame(3.0 - 1e-9).position == pytest.approx(1.0)  # end of "cat": at the cat keyframe
    assert t.frame(5.0 - 1e-9).position == pytest.approx(0.0, abs=1e-6)  # end of "cow": at cow
    assert t.frame(1.5).position == pytest.approx(0.5)  # eased half-way through cat
    assert t.frame(1.0).position == pytest.approx(ease(1 / 3))


def test_the_phase_on_screen_and_the_keyframe_agree_with_a_hold():
    jefferson = art(
        names=("tall", "lean back"), phases={"lean-back": "lean back", "hold": "lean back", "return": "tall"}
    )
    t = Timeline.for_exercise(jefferson, Dosage(tempo={"lean-back": 3, "hold": 3, "return": 3}))
    assert [(b.phase, b.seconds, b.target) for b in t.beats] == [
        ("lean-back", 3, 1.0),
        ("hold", 3, 1.0),
        ("return", 3, 0.0),
    ]
    assert t.frame(0) == Frame("lean-back", 0, 0.0, 1.0, 0.0)
    for at in (3.0, 4.5, 5.99):
        frame = t.frame(at)
        assert frame.phase == "hold" and frame.position == pytest.approx(1.0)  # still at end range
    back = t.frame(7.5)
    assert back.phase == "return" and back.position == pytest.approx(0.5)
    assert t.frame(9.0) == Frame("lean-back", 1, 0.0, 1.0, 0.0)


def test_a_tempo_that_starts_elsewhere_moves_on_from_where_the_last_rep_ended():
    # Heel taps: both knees up (keyframe 0), one heel down (keyframe 1); "lift" first.
    taps = art(names=("knees up", "heel down"), phases={"lift": "knees up", "lower": "heel down"})
    t = Timeline.for_exercise(taps, Dosage(tempo={"lift": 2, "lower": 2}))
    assert t.frame(1.0).position == 0.0  # rep 1 starts at the start position: "lift" holds there
    assert t.frame(3.0).position == pytest.approx(0.5)
    second = t.frame(5.0)  # rep 2's "lift" brings the heel back up
    assert second.phase == "lift" and second.start == 1.0 and second.end == 0.0


def test_a_phase_the_art_does_not_know_keeps_the_rule_of_thumb():
    t = Timeline.for_exercise(art(keyframes=3), Dosage(tempo={"up": 2, "pause": 1, "down": 2}))
    assert [b.target for b in t.beats] == [2.0, 2.0, 0.0]


def test_without_a_tempo_the_pace_and_the_dosage_hold_apply():
    t = Timeline.for_exercise(art(pace={"go": 3.0}), Dosage(hold_s=Range(10, 10)))
    assert [(b.phase, b.seconds) for b in t.beats] == [
        ("rest", DEFAULT_PACE["rest"]),
        ("go", 3.0),
        ("hold", 10),
        ("back", DEFAULT_PACE["back"]),
    ]
    assert t.frame(0.2).phase == "rest" and t.frame(0.2).position == 0.0
    assert t.frame(DEFAULT_PACE["rest"] + 3.0 + 5.0).phase == "hold"


def test_keyframes_in_between_are_passed_through():
    t = Timeline.for_exercise(art(keyframes=3, names=("a", "b", "c")), Dosage(tempo={"c": 4, "a": 4}))
    assert t.frame(2.0).position == pytest.approx(1.0)  # the middle keyframe half-way through
    assert t.frame(4.0).position == pytest.approx(2.0)


@pytest.mark.parametrize(
    "sides, side, expect",
    [
        ("none", None, [False, False, False]),
        ("alternate", None, [False, True, False]),  # a demonstration: near side first
        ("each", None, [False, True, False]),
        ("each", "left", [True, True, True]),  # a session step on one side stays there
        ("each", "right", [False, False, False]),  # the near limb is the right one
        ("alternate", "alternate", [True, False, True]),  # the engine's reps start on the left
    ],
)
def test_which_side_works_in_each_rep(sides, side, expect):
    assert [flip_for(side, sides, n) for n in range(3)] == expect


def test_alternating_sides_swap_the_limbs_and_never_mirror_the_figure():
    knee_up = Pose(**{**A.__dict__, "thigh": (0.0, -90.0)})
    marching = ExerciseArt(
        (A, knee_up), ("feet down", "knee up"), phases={"lift": "knee up", "lower": "feet down"}
    )
    t = Timeline.for_exercise(marching, Dosage(tempo={"lift": 2, "lower": 2}, sides="alternate"), "alternate")
    head = marching.pose_at(0).joints()["head"]
    frames = [t.frame(0.25 * n) for n in range(4 * 8)]
    assert not any(f.mirrored for f in frames)
    assert [t.frame(4.0 * n + 1).swapped for n in range(4)] == [True, False, True, False]
    for f in frames:
        assert f.pose(marching).joints()["head"] == pytest.approx(head)  # the head never jumps
        scene = f.scene(marching)
        assert not scene.mirrored
    lifted = t.frame(1.999).pose(marching)  # rep 1 (left): the far thigh comes up
    assert lifted.thigh[1] > lifted.thigh[0]
    lifted = t.frame(5.999).pose(marching)  # rep 2 (right): the near thigh
    assert lifted.thigh[0] > lifted.thigh[1]


def test_lying_on_the_other_side_mirrors_when_the_art_says_so():
    book = art(names=("arms together", "book open"), other_side="mirror")
    t = Timeline.for_exercise(book, Dosage(sides="each"), "left")
    assert t.frame(1.0).mirrored and not t.frame(1.0).swapped


def test_a_held_position_settles_in_a_session_but_loops_when_browsing():
    held = art(stay=True)
    session = Timeline.for_exercise(held, Dosage(duration_s=Range(1200, 1200)), "none", session=True)
    assert session.once
    settle = DEFAULT_PACE["rest"] + DEFAULT_PACE["go"]
    assert session.settle_s == settle
    assert session.frame(settle - 0.01).phase == "go"
    assert session.frame(settle + 600) == Frame("hold", 0, 1.0, 1.0, 1.0)
    browsing = Timeline.for_exercise(held, Dosage(duration_s=Range(1200, 1200)))
    assert browsing.frame(browsing.cycle_s + 0.1).cycle == 1
    assert not Timeline.for_exercise(art(), None, session=True).once  # only positions marked stay


def test_elapsed_before_the_start_is_the_start():
    t = Timeline.for_exercise(art(), Dosage(tempo={"go": 1, "back": 1}))
    assert t.frame(-5).position == 0.0


def test_a_set_starts_from_the_setup_position_and_the_still_is_there():
    cat_cow = art(keyframes=3, names=("cow", "hands and knees", "cat"), start="hands and knees")
    assert cat_cow.start_position == 1.0
    t = Timeline.for_exercise(cat_cow, Dosage(tempo={"cat": 2, "cow": 2}))
    assert t.frame(0) == Frame("cat", 0, 1.0, 2.0, 0.0)  # rep 1: neutral to cat, never through cow
    assert all(t.frame(n * 0.1).position >= 1.0 for n in range(20))
    assert t.frame(2.0).start == 2.0 and t.frame(2.0).end == 0.0  # cow: back through neutral
    assert t.frame(4.0) == Frame("cat", 1, 0.0, 2.0, 0.0)  # rep 2 from cow
    demo = Timeline.for_exercise(cat_cow, None)
    assert demo.beats[0] == Beat("rest", DEFAULT_PACE["rest"], 1.0)  # demonstrations rest at the setup
