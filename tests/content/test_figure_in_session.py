"""The figure and the session engine agree: at every instant of every paced rep of every
shipped routine, on every ladder step, the figure is in the phase the engine names, on the side
the engine names, and at the keyframe the pose data gives that phase once it ends."""

import pytest

from desktop.content.pose_loader import load_poses
from desktop.core.clock import FakeClock
from desktop.core.doses import item_dosage
from desktop.core.motion import Timeline, flip_for
from desktop.core.plan import expand
from desktop.core.session import SessionEngine
from desktop.core.session_events import StepStarted

STEP_S = 0.1


@pytest.fixture(scope="module")
def poses():
    return load_poses()


def ladders(catalog):
    """No ladder record, then every exercise on its first step, then on its top step."""
    yield {}
    yield {e.id: 0 for e in catalog.exercises if e.progressions}
    yield {e.id: len(e.progressions) - 1 for e in catalog.exercises if e.progressions}


def test_the_figure_moves_in_step_with_the_engine(catalog, poses):
    checked = 0
    for routine in catalog.routines:
        for ladder in ladders(catalog):
            clock = FakeClock(1000.0)
            steps = expand(catalog, routine, ladder)
            engine = SessionEngine(steps, clock)
            starts: list[StepStarted] = []
            engine.subscribe(lambda e, seen=starts: seen.append(e) if isinstance(e, StepStarted) else None)
            engine.start()
            while not engine.finished:
                step, started = engine.step, starts[-1]
                if step.kind == "work" and step.tempo:
                    item = routine.items[step.item]
                    rung = ladder.get(step.exercise_id)
                    art = poses.get(step.exercise_id, rung)
                    dosage = item_dosage(catalog, item, rung)
                    timeline = Timeline.for_exercise(art, dosage, step.side, session=True)
                    length = step.rep_count * sum(s for _, s in step.tempo)
                    while clock() - started.at < length - 1e-6:
                        state = engine.state(clock())
                        frame = timeline.frame(clock() - started.at)
                        assert frame.phase == state.phase, (
                            routine.id,
                            step.exercise_id,
                            clock() - started.at,
                        )
                        if state.side in ("left", "right"):  # the named limb works (or that side)
                            assert flip_for(state.side, "each", 0) == (frame.swapped or frame.mirrored)
                        target = art.keyframe_for(state.phase)
                        assert frame.end == target, (routine.id, step.exercise_id, state.phase)
                        checked += 1
                        clock.advance(STEP_S)
                        engine.poll()
                    clock.advance(STEP_S)
                    engine.poll()
                    continue
                deadline = engine.next_deadline()
                if engine.awaits_reps or deadline is None:
                    engine.skip()  # self-paced work: the person's own pace, no figure timing to check
                else:
                    clock.advance(max(0.0, deadline - clock()))
                    engine.poll()
    assert checked > 1000
