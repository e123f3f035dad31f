"""What the session screen says at each instant, computed from engine state with a fake clock."""

import pytest

from desktop.core.catalog import Catalog
from desktop.core.clock import FakeClock
from desktop.core.cues import SETUP, SWITCH, WORK, sentence, sentences
from desktop.core.plan import expand
from desktop.core.session import SessionEngine
from desktop.core.session_display import Summary, clock_text, display, rung_of


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


def walk(catalog: Catalog, routine_id: str, ladder=None, dt=0.25):
    """Every instant of a routine, ``dt`` apart, as (state, display) pairs; self-paced sets
    are answered with Space once per second so they progress as a person's would."""
    clock = FakeClock(0)
    engine = SessionEngine(expand(catalog, catalog.routine(routine_id), ladder), clock)
    engine.start()
    seen = []
    for n in range(200_000):
        if engine.finished:
            break
        engine.poll()
        state = engine.state(clock())
        seen.append((state, display(state, catalog, engine.awaits_reps, ladder)))
        if engine.awaits_reps and n % 4 == 3:
            engine.space()
        clock.advance(dt)
    assert engine.finished
    return seen


ROUTINES = ["tweaked-back", "mobility-trio", "posterior-chain", "evening-floor", "strength-foundation"]
ROUTINES += ["stand-and-extend"]


@pytest.mark.parametrize("routine_id", ROUTINES)
@pytest.mark.parametrize("rung", [0, 1, 2])
def test_the_cue_on_screen_belongs_to_the_moment_running_then(catalog, routine_id, rung):
    ladder = {e.id: rung for e in catalog.exercises if e.progressions}
    dt = 0.5 if routine_id != "evening-floor" else 7.0  # 2 x 20-minute holds
    sides = set()
    for state, d in walk(catalog, routine_id, ladder, dt):
        step = state.step
        if state.finished:
            assert d.kind == "done" and not d.figure.moving
            continue
        if step.kind == "rest":
            nxt = state.next_step
            cues = catalog.exercise(nxt.exercise_id).cues_at(rung_of(catalog, nxt.exercise_id, ladder))
            assert d.cue == sentences(cues.get(SETUP)), "rest shows the next set's setup"
            assert not d.figure.moving, "the figure never exercises during rest"
            assert d.title.endswith(catalog.exercise(nxt.exercise_id).name)
            continue
        exercise = catalog.exercise(step.exercise_id)
        cues = exercise.cues_at(rung_of(catalog, exercise.id, ladder))
        if step.kind == "get_ready":
            assert d.cue == sentences(cues.get(SETUP)) and d.cue.endswith(".")
            assert not d.figure.moving
        elif step.kind == "side_switch":
            assert d.cue in [sentence(c) for c in cues.get(SWITCH) or ("Change to the other side",)]
            assert not d.figure.moving and d.figure.side == step.side
        elif state.phase:
            own = cues.moments.get(state.phase) or cues.get(WORK)
            assert d.cue in [sentence(c) for c in own], (exercise.id, state.phase, d.cue)
            assert d.phase.lower().startswith(state.phase.replace("-", " "))
            assert d.figure.moving
        else:
            assert d.cue in [sentence(c) for c in cues.get(WORK)], (exercise.id, d.cue)
        sides.add(d.figure.side)
    assert sides  # the walk saw work


def test_phase_line_counts_down_the_phase_and_changes_with_it(catalog):
    clock = FakeClock(0)
    engine = SessionEngine(expand(catalog, catalog.routine("stand-and-extend")), clock)
    engine.start()
    clock.advance(5)  # get ready
    engine.poll()
    lines = []
    for _ in range(16):  # 8 s: one rep of lean-back 3, hold 2, return 3
        engine.poll()
        d = display(engine.state(clock()), catalog, engine.awaits_reps)
        lines.append((d.phase, d.cue))
        clock.advance(0.5)
    assert [p for p, _ in lines[::2]] == [
        "Lean back  3",
        "Lean back  2",
        "Lean back  1",
        "Hold  2",
        "Hold  1",
        "Return  3",
        "Return  2",
        "Return  1",
    ]
    cues = catalog.exercise("standing-back-bend").cues
    assert lines[0][1] == sentence(cues.get("lean-back")[0]) and lines[6][1] == sentence(cues.get("hold")[0])
    assert lines[10][1] == sentence(cues.get("return")[0])


def test_authored_phase_order_is_the_session_order(catalog):
    """The open book opens first and the bridge rolls up first, as the routine is written."""
    steps = expand(catalog, catalog.routine("mobility-trio"))
    tempos = [s.tempo for s in steps if s.kind == "work" and s.tempo]
    assert [p for p, _ in tempos[0]] == ["open", "close"]
    assert [p for p, _ in tempos[-1]] == ["roll-up", "top", "roll-down"]


def test_jefferson_step_one_has_its_own_setup_and_no_backpack(catalog):
    e = catalog.exercise("reverse-jefferson-curl")
    assert "hips" in " ".join(e.cues_at(0).get(SETUP)).lower()
    assert "backpack" not in e.equipment_at(0) and "backpack" in e.equipment_at(2)
    assert not any("Link your hands" in c for c in e.cues_at(0).get(SETUP))


def test_get_ready_and_rest_show_what_comes_next(catalog):
    clock = FakeClock(0)
    engine = SessionEngine(expand(catalog, catalog.routine("posterior-chain")), clock)
    engine.start()
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    hyper = catalog.exercise("reverse-hyperextension")
    assert (d.kind, d.title, d.big) == ("get_ready", hyper.name, "5")
    assert d.figure == d.figure.__class__(hyper.id, 0, None, False)
    engine.skip()
    engine.skip()  # the first set: now resting before set 2
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    assert d.kind == "rest" and d.title == f"Next: {hyper.name}" and d.big == "1:00"
    assert d.cue.startswith(hyper.cues_at(0).get(SETUP)[0])


def test_side_switch_says_what_to_do_and_the_side(catalog):
    clock = FakeClock(0)
    engine = SessionEngine(expand(catalog, catalog.routine("evening-floor")), clock)
    engine.start()
    while engine.step.side != "left":
        engine.skip()
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    assert d.big == "20:00" and "left side" in d.big_caption and "minutes left" in d.big_caption
    engine.skip()
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    assert d.kind == "side_switch" and d.label == "Switch sides"
    assert d.cue == "Switch legs: the other leg up on the ottoman." and "then right side" in d.big_caption


def test_paused_label(catalog):
    clock = FakeClock(0)
    engine = SessionEngine(expand(catalog, catalog.routine("mobility-trio")), clock)
    engine.start()
    engine.pause()
    d = display(engine.state(clock()), catalog, engine.awaits_reps)
    assert d.label == "Paused" and d.paused


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
    assert d.phase == ""


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


@pytest.mark.parametrize(
    ("summary", "title", "cue"),
    [
        (Summary("completed", 7, 3, 725), "Session complete", "7 sets of 3 exercises in 12 minutes."),
        (Summary("ended_early", 1, 1, 50), "Session ended early", "1 set of 1 exercise in 1 minute."),
        (Summary("ended_early", 0, 0, 12), "Session ended early", "No sets finished (under a minute)."),
    ],
)
def test_done_screen_tells_what_happened(catalog, summary, title, cue):
    clock = FakeClock(0)
    engine = SessionEngine(expand(catalog, catalog.routine("mobility-trio")), clock)
    engine.start()
    engine.end()
    d = display(engine.state(clock()), catalog, engine.awaits_reps, summary=summary)
    assert (d.kind, d.title, d.cue) == ("done", title, cue)
    assert ("Well done" in d.title + d.cue) is False


def test_words_on_screen_use_phase_words_and_full_sentences(catalog):
    """No phase id (``lean-back``) anywhere on screen, the next line reads as words, and every
    cue shown is punctuated as sentences, whichever moment it belongs to."""
    ids = {p for e in catalog.exercises for p in (e.dosage.tempo or {}) if "-" in p}
    ids |= {p for r in catalog.routines for i in r.items for p in (i.overrides.tempo or {}) if "-" in p}
    assert {"lean-back", "roll-up", "roll-down"} <= ids
    nexts, rest_lines = set(), set()
    for routine_id in ROUTINES:
        for _state, d in walk(catalog, routine_id, dt=0.5 if routine_id != "evening-floor" else 7.0):
            shown = " ".join((d.phase, d.next_text, d.cue, d.big_caption, d.title))
            assert not any(i in shown for i in ids), shown
            if d.cue:
                assert d.cue.endswith((".", "!", "?")), d.cue
            nexts.add(d.next_text)
            if d.kind == "rest" and d.title.startswith("Next: "):  # the title names what follows
                assert d.title.removeprefix("Next: ") not in d.next_text, (d.title, d.next_text)
                rest_lines.add(d.next_text)
    assert "Next exercise: Segmental bridge" in nexts
    assert "Last one, then you\u2019re done." in nexts
    assert "Next: Standing back bend \u00b7 5 reps \u00b7 lean back 3 s, hold 2 s, return 3 s" in nexts
    assert not any(n.startswith("Next: Get ready") or n == "Next: finish" for n in nexts)
    assert rest_lines and all(line.startswith("Set ") for line in rest_lines), rest_lines


def test_setup_cues_read_as_sentences_everywhere(catalog):
    from desktop.core.cues import setup_text
    from desktop.core.desk_break import desk_break

    open_book = catalog.exercise("open-book-rotation").cues
    text = setup_text(open_book)
    assert text == "Lie on your side, head on a pillow. Knees bent to 90\u00b0, both arms out in front."
    brk = desk_break(catalog, catalog.routine("stand-and-extend"))
    assert brk.setup_cue == "Stand up, feet hip-width apart. Hands on your lower back."
    assert sentence("Done!") == "Done!" and sentence(" Breathe ") == "Breathe." and sentence("") == ""
