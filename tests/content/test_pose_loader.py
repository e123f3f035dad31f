"""poses.toml: every exercise is illustrated, and a broken pose is refused naming where."""

import shutil

import pytest

from desktop.assets import catalog_dir
from desktop.content.errors import ContentError
from desktop.content.pose_loader import load_poses
from desktop.core.doses import item_dosage
from desktop.core.figure_props import PROP_KINDS


@pytest.fixture(scope="module")
def poses():
    return load_poses()


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), copy)
    return copy


def _edit(path, old, new, count=1):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, count))


def _problems(folder) -> str:
    with pytest.raises(ContentError) as err:
        load_poses(folder)
    return "\n".join(err.value.problems)


def test_every_catalog_exercise_has_art_and_nothing_else_does(poses, catalog):
    exercises = {e.id: e for e in catalog.exercises}
    rung_arts = {art_id for ladder in poses.ladders.values() for art_id in ladder}
    assert set(poses.arts) == set(exercises) | rung_arts
    for exercise_id, ladder in poses.ladders.items():  # one drawing per ladder step, the own art among them
        assert len(ladder) == len(exercises[exercise_id].progressions), exercise_id
        assert exercise_id in ladder, exercise_id


def test_every_movement_moves(poses):
    for exercise_id, art in poses.arts.items():
        assert len(art.keyframes) >= 2, exercise_id
        assert art.keyframes[0] != art.keyframes[-1], exercise_id
        assert art.arrow is not None, f"{exercise_id} has no motion cue"


def test_the_equipment_the_catalog_names_is_drawn(poses, catalog):
    for e in catalog.exercises:
        kinds = {p.kind for p in poses.get(e.id).props}
        assert kinds <= set(PROP_KINDS)
        if e.equipment:
            assert kinds & set(e.equipment), f"{e.id} draws none of {e.equipment}"


def test_pictures_match_the_catalog_position(poses, catalog):
    """A coarse check that nobody swapped two exercises' poses: heads where the position says."""
    for e in catalog.exercises:
        art = poses.get(e.id)
        head = art.pose_at(0).joints()["head"][1]
        if art.view == "above":
            continue
        if e.position == "standing":
            assert head > 0.7, e.id
        elif e.position in ("supine", "side-lying"):
            assert head < 0.2, e.id
        elif e.position == "prone":
            assert head < 0.45, e.id  # face down, on the floor or over a ball
        else:
            assert 0.2 < head < 0.7, e.id


def test_a_bad_value_names_its_path(folder):
    text = (folder / "poses.toml").read_text()
    hip = next(line for line in text.split("[poses.cat-cow]")[1].splitlines() if line.startswith("hip ="))
    _edit(
        folder / "poses.toml",
        '[[poses.cat-cow.keyframes]]\nname = "cow"\n' + hip,
        '[[poses.cat-cow.keyframes]]\nname = "cow"\nhip = [1.9, 0.2]',
    )
    problems = _problems(folder)
    assert 'poses["cat-cow"].keyframes[0].hip: hip [1.9, 0.2] is outside the picture' in problems


def test_unknown_keys_joints_and_props_are_refused(folder):
    _edit(folder / "poses.toml", "lumbar =", "lumbra =")
    _edit(folder / "poses.toml", 'joint = "waist"', 'joint = "belly"')
    _edit(folder / "poses.toml", 'kind = "ottoman"', 'kind = "sofa"')
    text = _problems(folder)
    assert 'poses["reverse-jefferson-curl"].keyframes[0].lumbra: ' in text
    assert 'poses["reverse-jefferson-curl"].keyframes[0].lumbar: ' in text  # and the real one is missing
    assert 'poses["static-back"].arrow.joint: must be ' in text
    assert 'poses["static-back"].props[0].kind: ' in text


def test_a_body_through_the_floor_is_refused(folder):
    text = (folder / "poses.toml").read_text()
    block = text.split("[poses.squat]")[1].split("\n[poses.")[0]
    hips = [line for line in block.splitlines() if line.startswith("hip =")]
    _edit(folder / "poses.toml", hips[1], "hip = [0.57, 0.05]")  # squat end: hips through the floor
    problems = _problems(folder)
    assert 'poses["squat"].keyframes[1]: the body dips ' in problems and "below the floor" in problems


def test_same_start_and_end_is_refused(folder):
    text = (folder / "poses.toml").read_text()
    block = text.split("[poses.sit-up]")[1].split("\n[poses.")[0]
    first, second = block.split("[[poses.sit-up.keyframes]]")[1:3]
    (folder / "poses.toml").write_text(text.replace(second, first.replace('name = "lying"', 'name = "x"')))
    assert 'poses["sit-up"].keyframes: the first and last keyframes are the same pose' in _problems(folder)


def test_not_toml(folder):
    (folder / "poses.toml").write_text("[poses.x\n")
    with pytest.raises(ContentError) as err:
        load_poses(folder)
    assert "poses.toml" in err.value.source and "line 1" in err.value.problems[0]


def test_every_tempo_phase_leads_to_a_keyframe(poses, catalog):
    for e in catalog.exercises:
        dosages = [(None, e.dosage), *((n, step.dosage) for n, step in enumerate(e.progressions))]
        dosages += [
            (None, item.overrides) for r in catalog.routines for item in r.items if item.exercise == e.id
        ]
        for rung, dosage in dosages:
            for phase in dosage.tempo or {}:
                rungs = [rung] if rung is not None else [None, *range(len(e.progressions))]
                for r in rungs:
                    assert poses.get(e.id, r).keyframe_for(phase) is not None, (e.id, r, phase)


def test_a_tempo_phase_without_a_keyframe_is_refused_naming_exercise_and_phase(folder):
    _edit(folder / "routines.toml", "tempo = { cat = 3, cow = 3 }", "tempo = { cat = 3, sway = 2, cow = 3 }")
    problems = _problems(folder)
    assert 'exercise "cat-cow"' in problems and 'tempo phase "sway"' in problems
    assert 'poses["cat-cow"]' in problems and 'tempo phase "cat"' not in problems


def test_a_phase_naming_a_missing_keyframe_or_a_ladder_naming_missing_art_is_refused(folder):
    _edit(folder / "poses.toml", 'close = "arms together"', 'close = "arms crossed"')
    _edit(folder / "poses.toml", 'start = "hands and knees"', 'start = "kneeling"')
    _edit(folder / "poses.toml", "\n[ladders]\n", '\n[ladders]\nsquat = ["squat", "squat-jump"]\n')
    problems = _problems(folder)
    assert (
        'poses["open-book-rotation"].phases["close"]: there is no keyframe named "arms crossed"' in problems
    )
    assert 'ladders["squat"][1]: there is no art "squat-jump" in poses' in problems
    assert 'poses["cat-cow"].start: there is no keyframe named "kneeling"' in problems


def test_a_ladder_step_with_other_equipment_draws_other_props(poses, catalog):
    """Jefferson curl: no backpack until the weighted step; reverse hyper: a weight at the feet."""
    kinds = {
        (e.id, n): sorted(p.kind for p in poses.get(e.id, n).props)
        for e in catalog.exercises
        for n in range(len(e.progressions))
    }
    assert kinds[("reverse-jefferson-curl", 0)] == kinds[("reverse-jefferson-curl", 1)] == ["wall"]
    assert kinds[("reverse-jefferson-curl", 2)] == ["backpack", "wall"]
    assert "ankle-weight" not in kinds[("reverse-hyperextension", 0)]
    assert "ankle-weight" in kinds[("reverse-hyperextension", 1)]
    # Steps that only change the numbers (20, 30, 40 push-ups) keep one drawing.
    assert poses.get("push-up", 0) is poses.get("push-up", 2) is poses.get("push-up")
    # Steps that change the position have their own start and end.
    for exercise_id in ("supine-marching", "prone-back-extension", "reverse-jefferson-curl"):
        first, last = poses.get(exercise_id, 0), poses.get(exercise_id, 99)
        assert first.keyframes[0] != last.keyframes[0] and first.keyframes[-1] != last.keyframes[-1]


def test_alternating_exercises_move_a_limb_and_keep_the_head_still(poses, catalog):
    from desktop.core.motion import Timeline

    alternating = {
        (e.id, n)
        for e in catalog.exercises
        for n, dosage in [(None, e.dosage), *enumerate(s.dosage for s in e.progressions)]
        if dosage.sides == "alternate"
    }
    assert ("supine-marching", 0) in alternating and ("supine-marching", 1) in alternating
    for exercise_id, rung in alternating:
        art = poses.get(exercise_id, rung)
        assert art.other_side == "swap", exercise_id
        dosage = item_dosage(
            catalog, next(i for r in catalog.routines for i in r.items if i.exercise == exercise_id), rung
        )
        timeline = Timeline.for_exercise(art, dosage, "alternate", session=True)
        head = art.pose_at(0).joints()["head"]
        frames = [timeline.frame(n * 0.1) for n in range(int(timeline.cycle_s * 40))]
        assert not any(f.mirrored for f in frames), exercise_id
        assert {f.swapped for f in frames} == {True, False}, exercise_id  # both legs take turns
        for f in frames:
            pose = f.pose(art)
            assert pose.joints()["head"] == pytest.approx(head), (exercise_id, f)
            assert pose.arm == art.keyframes[0].arm, exercise_id  # resting arms do not change over


def test_a_tempo_in_any_dose_table_of_an_exercise_or_step_is_checked(folder):
    text = (folder / "exercises.toml").read_text()
    marker = "session_dose = { reps = 8, tempo = { cat = 3, cow = 3 } }\n"
    assert marker in text
    (folder / "exercises.toml").write_text(
        text.replace(marker, "session_dose = { reps = 4, tempo = { cat = 2, wiggle = 1, cow = 2 } }\n")
    )
    problems = _problems(folder)
    assert 'exercise "cat-cow" (exercises.toml): tempo phase "wiggle" has no keyframe' in problems


SCENERY = {"mat"}  # drawn to show the floor where the body lies, whatever the exercise lists
# "Feet propped up" on anything at hand: the catalog lists no equipment, the picture needs something.
PROPPED = {"belly-breathing-feet-up": {"pillow"}}


def test_each_ladder_step_draws_the_equipment_the_catalog_gives_it(poses, catalog):
    for e in catalog.exercises:
        # The exercise lists what any step may use; each step says what it uses, if different.
        steps = [
            (n, step.equipment if step.equipment is not None else e.equipment)
            for n, step in enumerate(e.progressions)
        ] or [(None, e.equipment)]
        drawn_by_equipment: dict[frozenset[str], frozenset[str]] = {}
        for rung, equipment in steps:
            drawn = frozenset(p.kind for p in poses.get(e.id, rung).props)
            extra = drawn - SCENERY - PROPPED.get(e.id, set())
            assert extra <= set(equipment), (e.id, rung, sorted(drawn), equipment)
            if set(equipment) & set(PROP_KINDS):
                assert drawn & set(equipment), (e.id, rung, equipment)  # something it lists is drawn
            drawn_by_equipment.setdefault(frozenset(equipment), drawn)
        sets = list(drawn_by_equipment.values())
        assert len(set(sets)) == len(sets), e.id  # other equipment, other props
