"""The pain-guided ladder policy: back on pain, forward after three steady sessions, stop at the bottom."""

import pytest

from desktop.core.progression import SessionEvidence as S
from desktop.core.progression import ladder_text, rung_name, suggest, suggestions


def steady(n, start=1):
    return [S(i, 3, 3) for i in range(start, start + n)]


def test_three_steady_sessions_suggest_the_next_rung(catalog):
    s = suggest(catalog, "push-up", 0, steady(3))
    assert (s.kind, s.from_step, s.to_step) == ("forward", 0, 1)
    assert "3 sessions on \u201c20 reps\u201d" in s.reason and "\u201c30 reps\u201d" in s.reason


def test_two_steady_sessions_are_not_enough(catalog):
    assert suggest(catalog, "push-up", 0, steady(2)) is None


def test_a_rise_of_two_steps_back(catalog):
    s = suggest(catalog, "push-up", 2, [*steady(3), S(9, 2, 4)])
    assert (s.kind, s.to_step) == ("back", 1)
    assert s.reason.startswith("Pain went from 2 to 4")


def test_a_rise_of_one_neither_moves_back_nor_counts_towards_moving_on(catalog):
    assert suggest(catalog, "push-up", 1, [*steady(3), S(9, 2, 3)]) is None


def test_a_painful_mark_steps_back_even_with_steady_ratings(catalog):
    s = suggest(catalog, "squat", 1, [S(1, 2, 2, painful=True)])
    assert (s.kind, s.to_step) == ("back", 0) and s.reason.startswith("You marked it as painful")


def test_only_the_latest_run_of_steady_sessions_counts(catalog):
    history = [*steady(2), S(3, 2, 2, painful=True), *steady(2, start=4)]
    assert suggest(catalog, "push-up", 0, history) is None
    assert suggest(catalog, "push-up", 0, [*history, S(7, 1, 0)]).kind == "forward"


def test_missing_ratings_count_as_steady(catalog):
    assert suggest(catalog, "push-up", 0, [S(1), S(2), S(3)]).kind == "forward"


def test_on_the_top_rung_there_is_nothing_to_suggest(catalog):
    assert suggest(catalog, "push-up", 2, steady(5)) is None


@pytest.mark.parametrize(
    ("exercise", "flag_words"),
    [
        ("prone-back-extension", "sciatica"),  # its own red flag
        ("cat-cow", "If the pain increases during an exercise, stop that exercise"),  # the general rule
    ],
)
def test_pain_on_the_first_rung_or_without_a_ladder_says_stop(catalog, exercise, flag_words):
    s = suggest(catalog, exercise, 0, [S(1, 1, 5)])
    assert (s.kind, s.to_step, s.changes_step) == ("stop", 0, False)
    assert flag_words in s.advice


def test_no_sessions_no_suggestion(catalog):
    assert suggest(catalog, "push-up", 0, []) is None


def test_rung_names_clamp_to_the_ladder(catalog):
    curl = catalog.exercise("reverse-jefferson-curl")
    assert rung_name(curl, 0) == "Hands on hips, no weight"
    assert rung_name(curl, 9) == "Weighted backpack"
    assert rung_name(catalog.exercise("cat-cow"), 0) == ""


def test_ladder_text_shows_the_goal_and_the_best(catalog):
    assert (
        ladder_text(catalog.exercise("push-up"), 1, 26, None)
        == "Step 2 of 3 \u00b7 goal 30 reps \u00b7 best 26"
    )
    assert ladder_text(catalog.exercise("push-up"), 0, None, None) == "Step 1 of 3 \u00b7 goal 20 reps"
    assert (
        ladder_text(catalog.exercise("superman-back-arch"), 1, None, 75)
        == "Step 2 of 2 \u00b7 goal 2 min \u00b7 best 1 min 15 s"
    )
    assert ladder_text(catalog.exercise("cat-cow"), 0, 10, None) == ""


def test_suggestions_follow_the_painful_marks(catalog):
    evidence = {"push-up": steady(3), "squat": steady(1), "cat-cow": steady(1)}
    assert [(s.exercise_id, s.kind) for s in suggestions(catalog, {}, evidence)] == [("push-up", "forward")]
    marked = suggestions(catalog, {"squat": 1}, evidence, marked={"push-up", "squat"})
    assert [(s.exercise_id, s.kind, s.to_step) for s in marked] == [
        ("push-up", "stop", 0),
        ("squat", "back", 0),
    ]
    assert evidence["push-up"][-1].painful is False  # the caller's evidence is left alone


def test_one_rule_for_a_pain_rise_that_means_stop():
    """The session's "stop for today" advice and the review's step back read the same rule."""
    from desktop.core.progression import pain_rose_too_much

    assert pain_rose_too_much(3, 5) and pain_rose_too_much(0, 9)
    assert not pain_rose_too_much(3, 4) and not pain_rose_too_much(5, 2)
    assert not pain_rose_too_much(None, 9) and not pain_rose_too_much(2, None)
    assert S(1, 3, 5).hurt and not S(1, 3, 4).hurt


def test_step_of_names_the_rung_the_same_way_on_cards_and_in_the_session(catalog):
    from desktop.core.progression import ladder_text, step_of
    from desktop.core.session_display import step_label

    exercise = next(e for e in catalog.exercises if len(e.progressions) >= 2)
    rung = exercise.rung(1)
    assert rung is not None
    label = step_of(exercise, rung)
    assert label == f"Step 2 of {len(exercise.progressions)}"
    assert ladder_text(exercise, 1, None, None).startswith(label + " \u00b7 ")
    assert step_label(exercise, 1) == f"{label}: {rung.name}"
