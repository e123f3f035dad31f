"""The illustrations as pixels: every exercise draws, mirrors, moves, and the widgets animate cheaply."""

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.content.pose_loader import load_poses
from desktop.core.catalog import Dosage
from desktop.core.clock import FakeClock
from desktop.core.motion import Frame
from desktop.ui.animated_figure import AnimatedFigure
from desktop.ui.figure_painter import box_transform, inks, paint_art
from desktop.ui.theme import DARK, LIGHT

W, H = 320, 200


@pytest.fixture(scope="module")
def poses():
    return load_poses()


def render(art, position, mirrored=False, palette=LIGHT, zoom=False) -> QImage:
    image = QImage(W, H, QImage.Format.Format_RGB32)
    image.fill(QColor(palette.surface))
    painter = QPainter(image)
    paint_art(
        painter, QRectF(0, 0, W, H), art, palette, position, mirrored, zoom_to=art.bounds() if zoom else None
    )
    painter.end()
    return image


def _bgr(image: QImage) -> bytes:
    """Raw pixels, 4 bytes each (blue, green, red, alpha): fast to compare without numpy."""
    return image.convertToFormat(QImage.Format.Format_RGB32).constBits().tobytes()


def ink_pixels(image: QImage, colour: QColor, tolerance: int = 24) -> list[tuple[int, int]]:
    data, width = _bgr(image), image.width()
    b, g, r = colour.blue(), colour.green(), colour.red()
    return [
        ((i // 4) % width, (i // 4) // width)
        for i in range(0, len(data), 4)
        if abs(data[i] - b) <= tolerance
        and abs(data[i + 1] - g) <= tolerance
        and abs(data[i + 2] - r) <= tolerance
    ]


def differing(a: QImage, b: QImage, threshold: int = 48) -> float:
    """The share of pixels that differ clearly between two same-sized images."""
    da, db = _bgr(a), _bgr(b)
    if da == db:
        return 0.0
    count = sum(
        1
        for i in range(0, len(da), 4)
        if abs(da[i] - db[i]) > threshold
        or abs(da[i + 1] - db[i + 1]) > threshold
        or abs(da[i + 2] - db[i + 2]) > threshold
    )
    return count / (a.width() * a.height())


def test_every_exercise_draws_its_body_where_its_joints_are(poses, catalog):
    body = inks(LIGHT).body
    transform = box_transform(QRectF(0, 0, W, H))
    for e in catalog.exercises:
        art = poses.get(e.id)
        pixels = ink_pixels(render(art, art.end), body)
        assert len(pixels) > 400, e.id
        joints = [transform.map(*art.scene(art.end).joints[j]) for j in art.scene(art.end).joints]
        margin = 16  # head radius and stroke width, in pixels at this size
        left, right = min(p[0] for p in joints) - margin, max(p[0] for p in joints) + margin
        top, bottom = min(p[1] for p in joints) - margin, max(p[1] for p in joints) + margin
        outside = [(x, y) for x, y in pixels if not (left <= x <= right and top <= y <= bottom)]
        assert len(outside) < 0.01 * len(pixels), (e.id, outside[:5])


def test_start_and_end_look_different_and_the_middle_is_between(poses):
    for exercise_id, art in poses.arts.items():
        start, end, middle = render(art, 0), render(art, art.end), render(art, art.end / 2)
        assert differing(start, end) > 0.004, exercise_id
        assert differing(middle, start) > 0 and differing(middle, end) > 0, exercise_id


def test_the_other_side_is_a_horizontal_flip(poses):
    for exercise_id, art in poses.arts.items():
        for position in (0.0, art.end * 0.4):
            flipped = render(art, position).flipped(Qt.Orientation.Horizontal)
            assert differing(render(art, position, mirrored=True), flipped) < 0.002, exercise_id
    art = poses.get("supine-marching")
    assert differing(render(art, art.end, mirrored=True), render(art, art.end)) > 0.01  # not symmetric


def test_one_exercise_at_a_time_fills_its_panel(poses):
    body = inks(LIGHT).body
    for exercise_id, gain in (("static-back", 1.5), ("open-book-rotation", 1.2), ("squat", 0.95)):
        art = poses.get(exercise_id)
        shared, zoomed = render(art, art.end), render(art, art.end, zoom=True)
        assert len(ink_pixels(zoomed, body)) > gain * len(ink_pixels(shared, body)), exercise_id
        flipped = zoomed.flipped(Qt.Orientation.Horizontal)
        assert differing(render(art, art.end, mirrored=True, zoom=True), flipped) < 0.002, exercise_id


def test_dark_theme_draws_light_ink_on_a_dark_panel(poses):
    art = poses.get("cat-cow")
    ink = inks(DARK)
    assert ink.body.lightness() > ink.panel.lightness() + 100
    assert len(ink_pixels(render(art, art.end, palette=DARK), ink.body)) > 400
    assert len(ink_pixels(render(art, art.end, palette=DARK), ink.arrow, 30)) > 20  # the accent arrow


def test_no_art_means_an_empty_panel(poses):
    image = render(None, 0)
    assert ink_pixels(image, inks(LIGHT).body) == []


# -- the animated widget ------------------------------------------------------


@pytest.fixture
def figure(qtbot, poses):
    clock = FakeClock()
    widget = AnimatedFigure(poses, LIGHT, clock)
    qtbot.addWidget(widget)
    widget.resize(W, H)
    widget.clock = clock
    return widget


def test_the_figure_follows_the_clock_at_the_tempo(figure):
    figure.show_exercise("cat-cow", Dosage(tempo={"cat": 3, "cow": 3}))
    art = figure.art
    cat, cow, start = art.keyframe_for("cat"), art.keyframe_for("cow"), art.start_position
    assert art.names[int(start)] == "hands and knees"  # the setup position, between cow and cat
    assert figure.frame() == Frame("cat", 0, start, cat, 0.0)  # rep 1: from the setup to cat
    figure.clock.advance(1.5)
    assert figure.frame().position == pytest.approx((start + cat) / 2)
    figure.clock.advance(1.5)
    assert figure.frame().phase == "cow" and figure.frame().position == pytest.approx(cat)
    figure.clock.advance(3.0)
    assert figure.frame() == Frame("cat", 1, cow, cat, 0.0)  # rep 2 goes on from cow


def test_pausing_freezes_the_movement(figure):
    figure.show_exercise("push-up", Dosage(tempo={"down": 2, "up": 2}))
    figure.clock.advance(1.0)
    frozen = figure.frame()
    figure.set_paused(True)
    figure.clock.advance(30)
    assert figure.frame() == frozen
    figure.set_paused(False)
    figure.clock.advance(0.5)
    assert figure.frame().position > frozen.position


def test_a_session_side_and_alternating_reps_move_the_named_limb(figure):
    figure.show_exercise("supine-groin-stretch", Dosage(sides="each"), side="left", session=True)
    assert figure.frame().swapped and not figure.frame().mirrored  # the left (far) leg works
    figure.clock.advance(100)
    end = figure.art.end
    assert figure.frame() == Frame("hold", 0, end, end, 1.0, False, True, True)  # settles and stays
    start = figure.clock()
    figure.show_exercise(
        "supine-marching",
        Dosage(tempo={"lift": 2, "lower": 2}, sides="alternate"),
        side="alternate",
        session=True,
        started_at=start - 4.5,
    )
    frame = figure.frame()
    assert frame.cycle == 1 and not frame.swapped and not frame.mirrored  # rep 2: the right (near) leg


def test_it_animates_only_while_visible_and_moving(qtbot, figure):
    figure.show_exercise("cat-cow", Dosage(tempo={"cat": 3, "cow": 3}))
    assert not figure.animating
    figure.show()
    qtbot.waitExposed(figure)
    assert figure.animating
    figure.set_paused(True)
    assert not figure.animating
    figure.set_paused(False)
    figure.hide()
    assert not figure.animating
    figure.show()
    figure.show_exercise(None)
    assert not figure.animating


def test_a_settled_position_stops_the_timer(qtbot, figure):
    figure.show()
    qtbot.waitExposed(figure)
    figure.show_exercise("static-back", Dosage(), side="none", session=True)
    assert figure.animating
    figure.clock.advance(60)
    qtbot.waitUntil(lambda: not figure.animating, timeout=2000)


def test_the_widget_paints_the_figure(qtbot, figure):
    figure.show_exercise("squat", None)
    figure.clock.advance(2.5)
    image = figure.grab().toImage()
    assert len(ink_pixels(image, inks(LIGHT).body)) > 300


# -- where the art appears ------------------------------------------------------


def test_cards_show_a_still_and_the_detail_area_animates(qtbot, catalog, poses):
    from desktop.ui.exercises_page import ExercisesPage

    clock = FakeClock()
    page = ExercisesPage(catalog, LIGHT, poses, clock)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    card = page.cards.viewport().grab().toImage().copy(0, 0, 272, 130)
    assert len(ink_pixels(card, inks(LIGHT).body)) > 150
    page.show_exercise("open-book-rotation")
    assert page.figure.art is poses.get("open-book-rotation") and page.figure.animating
    before = page.figure.frame()
    clock.advance(2.0)
    assert page.figure.frame() != before
    bare = ExercisesPage(catalog, LIGHT)
    qtbot.addWidget(bare)
    bare.resize(1200, 800)
    bare.show()
    qtbot.waitExposed(bare)
    empty = bare.cards.viewport().grab().toImage().copy(0, 0, 272, 130)
    assert ink_pixels(empty, inks(LIGHT).body) == []  # no poses injected: no figure


def test_the_session_view_moves_the_figure_and_pauses_it(qtbot, poses):
    from desktop.ui.session_view import SessionView
    from tests.ui.test_session_view import shown_display

    clock = FakeClock()
    view = SessionView(poses=poses, clock=clock)
    qtbot.addWidget(view)
    view.set_motion("figure-four-stretch", Dosage(hold_s=None, sides="each"), "left")
    assert view.cues.art.frame().swapped
    clock.advance(1.5)
    view.present(shown_display("work", "figure-four-stretch", big="9", paused=True, side="left"))
    frozen = view.cues.art.frame()
    clock.advance(5)
    assert view.cues.art.frame() == frozen


def test_a_demonstration_plays_a_few_times_then_rests_on_the_end_position(qtbot):
    from desktop.content.catalog_cache import shipped_poses
    from desktop.core.clock import FakeClock
    from desktop.ui.animated_figure import AnimatedFigure

    clock = FakeClock(0)
    figure = AnimatedFigure(shipped_poses(), clock=clock, cycles=2)
    qtbot.addWidget(figure)
    figure.show()
    figure.show_exercise("cat-cow")
    assert figure.animating
    cycle = figure._timeline.cycle_s
    clock.advance(cycle * 0.9)  # still inside the first of two
    figure._tick()
    assert figure.animating
    clock.advance(cycle * 10)
    figure._tick()
    end = figure.frame()
    assert not figure.animating and end.position == figure.art.end
    qtbot.mouseClick(figure, Qt.MouseButton.LeftButton)
    assert figure.animating and figure.elapsed() == 0


def test_a_still_shows_the_start_position_and_runs_no_timer(qtbot, figure, poses):
    figure.show()
    qtbot.waitExposed(figure)
    figure.show_exercise("cat-cow", Dosage(tempo={"cat": 3, "cow": 3}))
    assert figure.animating
    figure.show_still("cat-cow")
    assert not figure.animating
    still = figure.frame()
    art = poses.get("cat-cow")
    assert still.position == art.start_position and still.phase == "still"
    figure.clock.advance(7.3)
    assert figure.frame() == still
    start = render(art, art.start_position, zoom=True)
    grabbed = figure.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert len(ink_pixels(grabbed, inks(LIGHT).body)) > 300
    assert differing(grabbed, start) < 0.002  # the start position, zoomed to the exercise
    assert differing(grabbed, render(poses.get("cat-cow"), poses.get("cat-cow").end, zoom=True)) > 0.01
    figure.show_still("supine-groin-stretch", side="left")
    assert figure.frame().swapped and not figure.animating
    figure.show_still(None)
    assert figure.frame() is None


def test_the_exercises_page_draws_the_persons_ladder_step(qtbot, catalog, poses):
    from desktop.ui.exercises_page import ExercisesPage

    page = ExercisesPage(catalog, LIGHT, poses, FakeClock())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.model.set_progress({"reverse-jefferson-curl": 0, "supine-marching": 1}, {})
    page.show_exercise("reverse-jefferson-curl")
    assert page.figure.art is poses.get("reverse-jefferson-curl", 0)  # hands on hips, no backpack
    assert "backpack" not in {p.kind for p in page.figure.art.props}
    page.show_exercise("supine-marching")
    assert page.figure.art is poses.get("supine-marching", 1)  # heel taps
    page.show_exercise("cat-cow")
    assert page.figure.art is poses.get("cat-cow")
