"""The session engine, driven through whole routines by a fake clock."""

import pytest

from desktop.core.catalog import Catalog, Dosage, Exercise, Range, Routine, RoutineItem
from desktop.core.clock import FakeClock, ScaledClock
from desktop.core.cues import Cues
from desktop.core.plan import expand
from desktop.core.session import SessionEngine
from desktop.core.session_events import (
    Countdown,
    RepCounted,
    RepPhase,
    Resumed,
    SessionFinished,
    SetFinished,
    SideSwitch,
    StepStarted,
)

T0 = 1000.0


def ex(id, **dose):
    return Exercise(
        id,
        id,
        ("003_8fc3cb74b79573fb.txt",),
        "supine",
        (),
        ("w",),
        Cues({"setup": ("a",), "work": ("b", "c")}),
        (),
        Dosage(**dose),
    )


def engine_for(*items, clock=None):
    exercises = tuple(e for e, _ in items)
    routine = Routine("r", "R", "d", (), tuple(RoutineItem(e.id, Dosage(**o)) for e, o in items))
    clock = clock or FakeClock(T0)
    engine = SessionEngine(expand(Catalog(exercises, (routine,)), routine), clock)
    events = []
    engine.subscribe(events.append)
    return engine, clock, events


def run_until_done(engine, clock, step=0.25, limit=100_000):
    for _ in range(limit):
        if engine.finished:
            return
        clock.advance(step)
        engine.poll()
    raise AssertionError("session never finished")


def brief(events):
    out = []
    for e in events:
        name = type(e).__name__
        if isinstance(e, StepStarted):
            out.append((name, e.at - T0, e.step.kind, e.step.side))
        elif isinstance(e, Countdown):
            out.append((name, e.at - T0, e.seconds_left))
        elif isinstance(e, RepPhase):
            out.append((name, e.at - T0, e.rep, e.phase, e.side))
        elif isinstance(e, RepCounted):
            out.append((name, e.at - T0, e.rep))
        elif isinstance(e, SetFinished):
            out.append((name, e.at - T0, e.side, e.set_index, e.done_reps, e.done_s))
        elif isinstance(e, SideSwitch):
            out.append((name, e.at - T0, e.side))
        else:
            out.append((name, e.at - T0) + ((e.outcome,) if isinstance(e, SessionFinished) else ()))
    return out


def test_each_side_hold_exact_sequence_and_times():
    engine, clock, events = engine_for((ex("fig4", hold_s=Range(10, 10), sides="each"), {}))
    engine.start()
    run_until_done(engine, clock, step=0.7)  # deliberately coarse, irregular polling
    assert brief(events) == [
        ("StepStarted", 0, "get_ready", "none"),
        ("Countdown", 2, 3),
        ("Countdown", 3, 2),
        ("Countdown", 4, 1),
        ("StepStarted", 5, "work", "left"),
        ("Countdown", 12, 3),
        ("Countdown", 13, 2),
        ("Countdown", 14, 1),
        ("SetFinished", 15, "left", 1, None, 10),
        ("StepStarted", 15, "side_switch", "right"),
        ("SideSwitch", 15, "right"),
        ("Countdown", 17, 3),
        ("Countdown", 18, 2),
        ("Countdown", 19, 1),
        ("StepStarted", 20, "work", "right"),
        ("Countdown", 27, 3),
        ("Countdown", 28, 2),
        ("Countdown", 29, 1),
        ("SetFinished", 30, "right", 1, None, 10),
        ("StepStarted", 30, "done", "none"),
        ("SessionFinished", 30, "completed"),
    ]


def test_tempo_paced_reps_with_rest_between_sets():
    hyper = ex("hyper", sets=Range(2, 2), reps=Range(2, 2), tempo={"up": 2, "hold": 1, "down": 3})
    engine, clock, events = engine_for((hyper, {"rest_s": Range(4, 4)}))
    engine.start()
    run_until_done(engine, clock, step=0.5)
    got = brief(events)
    work1 = [e for e in got if e[0] in ("RepPhase", "RepCounted") and e[1] < 17]
    assert work1 == [
        ("RepPhase", 5, 1, "up", "none"),
        ("RepPhase", 7, 1, "hold", "none"),
        ("RepPhase", 8, 1, "down", "none"),
        ("RepCounted", 11, 1),
        ("RepPhase", 11, 2, "up", "none"),
        ("RepPhase", 13, 2, "hold", "none"),
        ("RepPhase", 14, 2, "down", "none"),
    ]
    assert ("RepCounted", 17, 2) in got
    assert ("SetFinished", 17, "none", 1, 2, None) in got
    assert ("StepStarted", 17, "rest", "none") in got
    assert ("StepStarted", 21, "work", "none") in got
    assert got[-1] == ("SessionFinished", 33, "completed")
    sets = [e for e in events if isinstance(e, SetFinished)]
    assert [(s.started_at - T0, s.at - T0, s.planned_reps, s.done_reps) for s in sets] == [
        (5, 17, 2, 2),
        (21, 33, 2, 2),
    ]


def test_alternating_reps_switch_side_every_rep():
    march = ex("march", reps=Range(2, 2), sides="alternate", tempo={"lift": 1, "lower": 1})
    engine, clock, events = engine_for((march, {}))
    engine.start()
    run_until_done(engine, clock)
    phases = [(e.rep, e.phase, e.side) for e in events if isinstance(e, RepPhase)]
    assert phases == [
        (1, "lift", "left"),
        (1, "lower", "left"),
        (2, "lift", "right"),
        (2, "lower", "right"),
        (3, "lift", "left"),
        (3, "lower", "left"),
        (4, "lift", "right"),
        (4, "lower", "right"),
    ]
    (done,) = [e for e in events if isinstance(e, SetFinished)]
    assert done.side == "alternate" and done.done_reps == 4


def test_pause_moves_deadlines_and_resume_continues_exactly():
    engine, clock, events = engine_for((ex("hold", duration_s=Range(20, 20)), {}))
    engine.start()
    clock.advance(5 + 7.5)
    engine.poll()
    engine.pause()
    assert engine.state(clock()).remaining_s == pytest.approx(12.5)
    clock.advance(600)  # ten minutes away from the screen
    engine.poll()
    assert engine.state(clock()).remaining_s == pytest.approx(12.5)
    engine.resume()
    assert engine.next_deadline() - clock() == pytest.approx(9.5)  # the "3" countdown
    run_until_done(engine, clock, step=0.5)
    finished = next(e for e in events if isinstance(e, SetFinished))
    assert finished.at - T0 == pytest.approx(625) and finished.done_s == 20
    assert [type(e).__name__ for e in events].count("Paused") == 1
    assert any(isinstance(e, Resumed) and e.at - T0 == pytest.approx(612.5) for e in events)


def test_twenty_minute_hold_ends_exactly_on_time_with_late_polls():
    engine, clock, events = engine_for((ex("static", duration_s=Range(1200, 1200)), {}))
    engine.start()
    polls = [0.997, 1.013, 0.989, 1.021]  # a jittery 1 s timer, never counted
    n = 0
    while not engine.finished:
        clock.advance(polls[n % 4])
        n += 1
        engine.poll()
    end = next(e for e in events if isinstance(e, SetFinished))
    assert end.at - T0 == 1205.0  # 5 s get-ready + 1200 s, to the millisecond
    assert events[-1].at - T0 == 1205.0


def test_self_paced_reps_space_counts_and_enter_finishes():
    engine, clock, events = engine_for(
        (ex("bridge", reps=Range(3, 3)), {}), (ex("cat", reps=Range(5, 5)), {})
    )
    engine.start()
    clock.advance(5)
    engine.poll()
    assert engine.awaits_reps and engine.next_deadline() is None
    for _ in range(3):
        clock.advance(4)
        engine.space()
    assert engine.step.kind == "get_ready"
    clock.advance(5)
    engine.poll()
    clock.advance(2)
    engine.space()
    engine.set_done()
    sets = [e for e in events if isinstance(e, SetFinished)]
    assert [(s.exercise_id, s.done_reps, s.at - T0) for s in sets] == [("bridge", 3, 17), ("cat", 5, 24)]
    assert events[-1] == SessionFinished(T0 + 24, "completed")


def test_space_pauses_timed_steps():
    engine, _clock, _events = engine_for((ex("hold", hold_s=Range(10, 10)), {}))
    engine.start()
    engine.space()
    assert engine.paused
    engine.space()
    assert not engine.paused


def test_skip_records_partial_work_and_back_restarts_or_goes_back():
    engine, clock, events = engine_for(
        (ex("a", hold_s=Range(30, 30)), {}), (ex("b", hold_s=Range(10, 10)), {})
    )
    engine.start()
    clock.advance(1)
    engine.skip()  # skip get-ready
    assert engine.step.kind == "work" and engine.index == 1
    clock.advance(12)
    engine.skip()  # skip the rest of a's hold
    partial = [e for e in events if isinstance(e, SetFinished)]
    assert [(p.exercise_id, p.done_s, p.planned_s) for p in partial] == [("a", 12.0, 30)]
    clock.advance(1)
    engine.back()  # within 3 s of b's get-ready: back to a's work
    assert engine.index == 1 and engine.step.exercise_id == "a"
    clock.advance(5)
    engine.back()  # 5 s in: restart a's hold
    assert engine.index == 1 and engine.state(clock()).elapsed_s == 0
    assert [e.done_s for e in events if isinstance(e, SetFinished)] == [12.0, 5.0]


def test_skip_with_nothing_done_keeps_no_set():
    engine, _clock, events = engine_for((ex("a", reps=Range(5, 5)), {}))
    engine.start()
    engine.skip()
    engine.skip()
    assert not [e for e in events if isinstance(e, SetFinished)]
    assert events[-1].outcome == "completed"


def test_end_early_keeps_the_partial_set_and_says_so():
    engine, clock, events = engine_for((ex("a", reps=Range(10, 10), tempo={"up": 1, "down": 1}), {}))
    engine.start()
    clock.advance(5 + 7)
    engine.end()
    sets = [e for e in events if isinstance(e, SetFinished)]
    assert [(s.done_reps, s.planned_reps) for s in sets] == [(3, 10)]
    assert events[-1] == SessionFinished(T0 + 12, "ended_early")
    engine.poll()
    engine.skip()
    assert events[-1] == SessionFinished(T0 + 12, "ended_early")


def test_pause_during_a_self_paced_set_then_end():
    engine, clock, events = engine_for((ex("a", reps=Range(4, 4)), {}))
    engine.start()
    clock.advance(5)
    engine.poll()
    engine.space()
    engine.pause()
    engine.space()  # paused: space resumes rather than counting
    assert not engine.paused and engine.state(clock()).reps_done == 1
    engine.end()
    assert [e.done_reps for e in events if isinstance(e, SetFinished)] == [1]


def test_state_for_the_view():
    engine, clock, _ = engine_for(
        (ex("m", reps=Range(2, 2), sides="alternate", tempo={"up": 2, "down": 2}), {})
    )
    engine.start()
    s = engine.state(clock())
    assert s.step.kind == "get_ready" and s.remaining_s == 5 and s.next_step.kind == "work"
    clock.advance(5 + 4 + 1)
    engine.poll()
    s = engine.state(clock())
    assert (s.reps_done, s.rep_count, s.phase, s.side) == (1, 4, "up", "right")
    assert s.progress == pytest.approx(5 / 16)


def test_next_wakeup_follows_whole_seconds():
    engine, clock, _ = engine_for((ex("h", hold_s=Range(10, 10)), {}))
    engine.start()
    clock.advance(0.3)
    assert engine.next_wakeup(clock()) == pytest.approx(T0 + 1)  # "5" becomes "4"
    engine.pause()
    assert engine.next_wakeup(clock()) is None


def test_scaled_clock_runs_a_routine_faster():
    base = FakeClock(T0)
    fast = ScaledClock(base, 10)
    engine, _, events = engine_for((ex("h", hold_s=Range(10, 10)), {}), clock=fast)
    engine.start()
    base.advance(1.5)
    engine.poll()
    assert events[-1] == SessionFinished(T0 + 15, "completed")
    assert fast.real_seconds(15) == 1.5
    with pytest.raises(ValueError):
        ScaledClock(base, 0)


def test_whole_shipped_routines_run_to_completion(catalog):
    for routine in catalog.routines:
        clock = FakeClock(T0)
        engine = SessionEngine(expand(catalog, routine), clock)
        events = []
        engine.subscribe(events.append)
        engine.start()
        while not engine.finished:
            deadline = engine.next_deadline()
            if deadline is None:
                engine.set_done()
            else:
                clock.now = deadline
                engine.poll()
        work_steps = [s for s in engine.steps if s.kind == "work"]
        assert len([e for e in events if isinstance(e, SetFinished)]) == len(work_steps), routine.id
        assert events[-1].outcome == "completed"
