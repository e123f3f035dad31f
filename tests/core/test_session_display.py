from desktop.core.clock import FakeClock
from desktop.core.plan import expand
from desktop.core.session import SessionEngine
from desktop.core.session_display import clock_text, display


def test_clock_text_rounds_up_whole_seconds():
    assert [clock_text(s) for s in (0, 0.2, 9.999, 45, 59.5, 65, 1200)] == [
        "0",
        "1",
        "10",
        "45",
        "1:00",
        "1:05",
        "20:00",
    ]


def test_display_through_the_mobility_trio(catalog):
    clock = FakeClock(0)
    engine = SessionEngine(expand(catalog, catalog.routine("mobility-trio")), clock)
    engine.start()
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    first = catalog.exercise(catalog.routine("mobility-trio").items[0].exercise)
    assert (d.kind, d.label, d.title, d.big) == ("get_ready", "Get ready", first.name, "5")
    assert d.next_text.startswith(f"Next: {first.name}")
    engine.pause()
    assert display(engine.state(clock()), catalog, engine.awaits_reps).label == "Paused"
    engine.resume()
    clock.advance(5)
    engine.poll()
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    assert d.kind == "work" and d.big == "1" and d.big_caption.endswith("rep 1 of 5")
    engine.end()
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    assert (d.kind, d.title) == ("done", "Session complete")


def test_side_and_set_subtitles(catalog):
    clock = FakeClock(0)
    engine = SessionEngine(expand(catalog, catalog.routine("evening-floor")), clock)
    engine.start()
    while engine.step.side != "left":
        engine.skip()
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    assert d.subtitle == "Left side" and d.big == "20:00" and d.big_caption == "minutes left"
    engine.skip()
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    assert d.kind == "side_switch" and d.label == "Switch sides" and d.subtitle == "Next: right side"


def test_self_paced_sets_show_reps_done(catalog):
    clock = FakeClock(0)
    engine = SessionEngine(expand(catalog, catalog.routine("strength-foundation")), clock)
    engine.start()
    engine.skip()
    assert engine.awaits_reps
    engine.space()
    engine.space()
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    assert d.big == "2" and d.big_caption.startswith("of 20 reps") and "Space" in d.big_caption


def test_the_persons_rung_is_named_and_sets_the_reps(catalog):
    clock = FakeClock(0)
    ladder = {"push-up": 1}
    engine = SessionEngine(expand(catalog, catalog.routine("strength-foundation"), ladder), clock)
    engine.start()
    d = display(engine.state(clock()), catalog, engine.awaits_reps, ladder)
    assert (d.title, d.subtitle) == ("Push-ups", "Step 2 of 3: 30 reps")
    engine.skip()
    d = display(engine.state(clock()), catalog, engine.awaits_reps, ladder)
    assert d.kind == "work" and "of 30 reps" in d.big_caption and d.subtitle == "Step 2 of 3: 30 reps"
