"""The parametric figure: forward kinematics, blending, pinning, mirroring, props and arrows."""

import json
import math

import pytest

from desktop.core.figure import MIN_ARROW, ExerciseArt, PoseBook
from desktop.core.figure_props import Arrow, Prop
from desktop.core.pose_data import pose_from_data
from desktop.core.skeleton import BOX_W, LENGTH, Pose

STANDING = Pose(
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
SQUAT = Pose(
    hip=(0.6, 0.27),
    lumbar=55,
    thorax=65,
    neck=80,
    arm=(0, 5),
    forearm=(0, 5),
    thigh=(-20, -22),
    shin=(-110, -108),
    foot=(0, 0),
)


def close(p, q, tol=1e-9):
    return math.dist(p, q) < tol


def test_forward_kinematics_keeps_every_segment_length():
    at = SQUAT.joints()
    pairs = [
        ("hip", "waist", "lumbar"),
        ("waist", "shoulder", "thorax"),
        ("shoulder", "head", "neck"),
        ("shoulder", "elbow.near", "arm"),
        ("elbow.far", "hand.far", "forearm"),
        ("hip", "knee.near", "thigh"),
        ("knee.far", "ankle.far", "shin"),
        ("ankle.near", "toe.near", "foot"),
    ]
    for a, b, bone in pairs:
        assert math.dist(at[a], at[b]) == pytest.approx(LENGTH[bone]), bone


def test_angles_are_absolute_and_counter_clockwise_from_right():
    at = STANDING.joints()
    assert close(at["waist"], (0.8, 0.44 + LENGTH["lumbar"]))  # 90: straight up
    assert close(at["knee.near"], (0.8, 0.44 - LENGTH["thigh"]))  # -90: straight down
    assert close(at["toe.near"], (at["ankle.near"][0] + LENGTH["foot"], at["ankle.near"][1]))  # 0: right
    assert at["face"][0] > at["head"][0]  # facing right: the face is square to the neck


def test_blend_is_linear_on_the_numbers():
    a = STANDING
    b = Pose(
        hip=(1.0, 0.3),
        lumbar=90,
        thorax=90,
        neck=90,
        arm=(270, -90),
        forearm=(-90, -90),
        thigh=(-90, -90),
        shin=(-90, -90),
        foot=(0, 0),
    )
    assert a.blend(b, 0) == a and a.blend(b, 1) == b
    half = a.blend(b, 0.5)
    assert half.hip == pytest.approx((0.9, 0.37))
    assert half.arm[0] == pytest.approx(90)  # -90 -> 270 swings up through 90, not back the short way
    assert half.arm[1] == pytest.approx(-90)
    assert half.gaze is None  # both square to the neck: still square


def test_an_explicit_gaze_blends_from_the_square_one():
    looking_up = STANDING.__class__(**{**STANDING.__dict__, "gaze": 90.0})
    assert STANDING.blend(looking_up, 0.5).gaze == pytest.approx(45)


def test_pinning_puts_a_joint_on_target_and_keeps_the_bend_side():
    target = (0.88, 0.3)
    pinned = SQUAT.pinned("hand.near", target)
    at, before = pinned.joints(), SQUAT.joints()
    assert close(at["hand.near"], target, 1e-6)
    assert math.dist(at["shoulder"], at["elbow.near"]) == pytest.approx(LENGTH["arm"])
    assert at["hand.far"] == before["hand.far"]  # only that chain moves
    spine = SQUAT.pinned("shoulder", (0.78, 0.48)).joints()
    assert close(spine["shoulder"], (0.78, 0.48), 1e-6)
    assert spine["hip"] == before["hip"]


HAND = (0.9, 0.3)


def _two_key_art(**kw) -> ExerciseArt:
    planted = SQUAT.pinned("hand.near", HAND)
    other = Pose(**{**planted.__dict__, "hip": (0.5, 0.2), "lumbar": 30, "thorax": 75})
    other = other.pinned("hand.near", HAND)
    return ExerciseArt(keyframes=(planted, other), names=("a", "b"), **kw)


def test_pins_keep_a_planted_hand_still_between_keyframes():
    free, pinned = _two_key_art(), _two_key_art(pins=("hand.near",))
    drift = max(math.dist(free.pose_at(t / 10).joints()["hand.near"], HAND) for t in range(11))
    assert drift > 0.005  # plain blending slides the hand: the test can fail
    for t in range(11):
        assert close(pinned.pose_at(t / 10).joints()["hand.near"], HAND, 1e-6)
    assert pinned.pose_at(0) == pinned.keyframes[0] and pinned.pose_at(1) == pinned.keyframes[1]


def test_position_walks_through_every_keyframe_and_clamps():
    mid = STANDING.blend(SQUAT, 0.5)
    art = ExerciseArt(keyframes=(STANDING, mid, SQUAT), names=("", "", ""))
    assert art.end == 2.0
    assert art.pose_at(1) == mid and art.pose_at(2) == SQUAT
    assert art.pose_at(1.5).lumbar == pytest.approx((mid.lumbar + SQUAT.lumbar) / 2)
    assert art.pose_at(-3) == STANDING and art.pose_at(9) == SQUAT


def test_mirroring_flips_the_whole_picture():
    art = ExerciseArt(
        keyframes=(STANDING, SQUAT),
        names=("", ""),
        arrow=Arrow("hip", bend=0.3),
        props=(
            Prop("wall", (1.1, 0.45), (0.1, 0.9)),
            Prop("backpack", (0.07, 0.08), (0.15, 0.08), attach="thorax", turn=10),
        ),
    )
    scene, flipped = art.scene(0.4), art.scene(0.4, mirrored=True)
    for name, (x, y) in scene.joints.items():
        assert close(flipped.joints[name], (BOX_W - x, y)), name
    for a, b in zip(scene.props, flipped.props, strict=False):
        assert close(b.centre, (BOX_W - a.centre[0], a.centre[1]))
        assert b.angle == pytest.approx(-a.angle) and b.mirrored and not a.mirrored
    assert all(close(q, (BOX_W - p[0], p[1])) for p, q in zip(scene.arrow, flipped.arrow, strict=False))
    assert flipped.mirrored_copy() == scene


def test_an_attached_prop_moves_and_turns_with_its_bone():
    art = ExerciseArt(
        keyframes=(STANDING, SQUAT),
        names=("", ""),
        props=(Prop("backpack", (0.07, 0.08), (0.15, 0.08), attach="thorax"),),
    )
    for position, pose in ((0, STANDING), (1, SQUAT)):
        prop = art.scene(position).props[0]
        waist = pose.joints()["waist"]
        rad = math.radians(pose.thorax)
        expect = (
            waist[0] + 0.07 * math.cos(rad) - 0.08 * math.sin(rad),
            waist[1] + 0.07 * math.sin(rad) + 0.08 * math.cos(rad),
        )
        assert close(prop.centre, expect) and prop.angle == pytest.approx(pose.thorax)


def test_the_arrow_runs_from_start_to_end_and_is_never_too_short():
    art = ExerciseArt(keyframes=(STANDING, SQUAT), names=("", ""), arrow=Arrow("hip", offset=(0.0, 0.1)))
    start, control, end = art.arrow_curve()
    a, b = STANDING.joints()["hip"], SQUAT.joints()["hip"]
    assert close(start, (a[0], a[1] + 0.1)) and close(end, (b[0], b[1] + 0.1))
    assert close(control, ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2))  # no bend: straight
    tiny = ExerciseArt(keyframes=(STANDING, STANDING.blend(SQUAT, 0.01)), names=("", ""), arrow=Arrow("hip"))
    start, _, end = tiny.arrow_curve()
    assert math.dist(start, end) == pytest.approx(MIN_ARROW)


def test_lowest_point_includes_stroke_and_head():
    lying = Pose(
        hip=(0.7, 0.044),
        lumbar=180,
        thorax=180,
        neck=175,
        arm=(0, 0),
        forearm=(0, 0),
        thigh=(0, 0),
        shin=(0, 0),
        foot=(90, 90),
    )
    assert lying.lowest() == pytest.approx(lying.joints()["head"][1] - 0.064, abs=0.03)
    assert lying.lowest() < 0.01


def test_pose_book_round_trips_through_json():
    art = _two_key_art(
        pins=("hand.near",),
        arrow=Arrow("hand.near", 0.2, (0.1, 0.0), True),
        stay=True,
        props=(Prop("mat", (0.8, 0.0), (1.0, 0.02)),),
        pace={"go": 3.0},
        view="side",
    )
    book = PoseBook({"x": art})
    again = PoseBook.from_data(json.loads(json.dumps(book.to_data())))
    assert again == book
    assert pose_from_data(json.loads(json.dumps(book.to_data()))["x"]["keyframes"][0]) == art.keyframes[0]


def test_a_ladder_rung_has_its_own_art_and_the_exercise_art_is_the_default():
    own = ExerciseArt((STANDING, SQUAT), ("a", "b"))
    easy = ExerciseArt((STANDING, SQUAT), ("a", "b"), props=(Prop("wall", (0.5, 0.5), (0.1, 0.9)),))
    book = PoseBook({"x": own, "x-easy": easy, "y": own}, {"x": ("x-easy", "x")})
    assert book.get("x") is own and book.get("x", None) is own
    assert book.get("x", 0) is easy and book.get("x", 1) is own
    assert book.get("x", 7) is own and book.get("x", -1) is easy  # clamped like Exercise.rung
    assert book.get("y", 3) is own  # no ladder: the exercise's own art
    again = PoseBook.from_data(json.loads(json.dumps(book.to_data())))
    assert again == book


def test_swapping_exchanges_near_and_far_limbs_only():
    pose = Pose(**{**SQUAT.__dict__, "thigh": (10.0, -80.0), "arm_reach": (0.5, 1.0)})
    swapped = pose.swapped()
    assert swapped.thigh == (-80.0, 10.0) and swapped.arm_reach == (1.0, 0.5)
    assert (swapped.hip, swapped.lumbar, swapped.neck) == (pose.hip, pose.lumbar, pose.neck)
    assert swapped.swapped() == pose
    legs = pose.swapped(("leg",))
    assert legs.thigh == (-80.0, 10.0) and legs.arm_reach == pose.arm_reach and legs.arm == pose.arm


def test_only_the_limbs_that_move_change_over():
    marching = ExerciseArt((STANDING, Pose(**{**STANDING.__dict__, "thigh": (0.0, -90.0)})), ("a", "b"))
    assert marching.working_limbs == ("leg",)
    assert marching.pose_at(1.0, swapped=True).arm == STANDING.arm
    assert marching.pose_at(1.0, swapped=True).thigh == (-90.0, 0.0)
    assert ExerciseArt((STANDING, SQUAT), ("a", "b")).working_limbs == ("arm", "leg")
