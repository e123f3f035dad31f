"""The two choices people ask for in other break apps: what a lock or sleep does, and a skip limit."""

from __future__ import annotations

import pytest

from desktop.core.breaks import AwayEffect, BreakSettings, BreakSettingsError, rules_text
from tests.core.test_break_policy import ALWAYS, Desk


def desk(**changes) -> Desk:
    settings = BreakSettings(**{**ALWAYS.__dict__, **changes})
    d = Desk(settings)
    d.sample(0)
    return d


@pytest.mark.parametrize(
    ("effect", "breaks"),
    [(AwayEffect.END, ["natural_break"]), (AwayEffect.PAUSE, []), (AwayEffect.IGNORE, [])],
)
def test_a_long_lock_is_a_break_only_when_locking_ends_sitting(effect, breaks):
    d = desk(away_effect=effect)
    d.active(20)
    d.lock(10)
    assert [k for k in d.kinds() if k == "natural_break"] == breaks


def test_a_paused_count_carries_on_after_the_lock_and_the_lock_is_not_sitting():
    d = desk(away_effect=AwayEffect.PAUSE)
    d.active(20)
    d.lock(60)
    assert round(d.policy.sitting_s(d.mono) / 60) == 20  # the hour locked is not counted, nor forgotten
    d.active(10)
    assert d.kinds() == ["remind"]


def test_an_ignored_lock_keeps_counting_as_sitting():
    d = desk(away_effect=AwayEffect.IGNORE)
    d.active(20)
    d.event("lock")
    d.wait(10 * 60 + 1)
    assert d.kinds() == ["remind"]  # 30 minutes: the lock did not stop the count


def test_a_sleep_under_pause_is_never_a_break():
    d = desk(away_effect=AwayEffect.PAUSE)
    d.active(20)
    d.sleep(120)
    assert "natural_break" not in d.kinds()


def test_skips_beyond_the_daily_limit_become_snoozes():
    d = desk(daily_skip_limit=1, snooze_min=10)
    d.active(30)
    assert d.kinds() == ["remind"]
    assert d.policy.skips_left(d.wall) == 1
    d.answer("skip")
    assert d.policy.skips_left(d.wall) == 0
    d.active(30)
    d.answer("skip")
    assert d.kinds() == ["remind", "skipped", "remind", "snoozed"]
    assert d.policy.state.snoozed


def test_the_skip_count_starts_again_the_next_day_and_comes_from_the_history():
    d = desk(daily_skip_limit=2)
    d.policy.note_skips(d.wall.date(), 2)
    assert d.policy.skips_left(d.wall) == 0
    d.wait(24 * 3600)
    assert d.policy.skips_left(d.wall) == 2


def test_no_limit_means_no_count():
    assert desk().policy.skips_left(desk().wall) is None


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"away_effect": "sometimes"}, "away_effect: must be one of end, pause, ignore, not 'sometimes'"),
        ({"daily_skip_limit": 21}, "daily_skip_limit: must be a whole number from 0 to 20, or none, not 21"),
        ({"daily_skip_limit": 1.5}, "daily_skip_limit: must be a whole number from 0 to 20"),
    ],
)
def test_bad_choices_are_named(changes, problem):
    with pytest.raises(BreakSettingsError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        BreakSettings(**changes)


def test_the_choices_are_spelled_out():
    rules = rules_text(BreakSettings(away_effect="pause", daily_skip_limit=0))
    assert "Locking the screen or sleep pauses the sitting count; it carries on afterwards." in rules
    assert "Breaks cannot be skipped, only snoozed." in rules
    assert "You can skip 3 breaks a day; after that, only snooze." in rules_text(
        BreakSettings(daily_skip_limit=3)
    )


def test_a_break_taken_before_any_reminder_starts_the_count_again():
    d = desk()
    d.active(20)
    decisions = d.policy.break_done(d.mono, d.wall)
    assert [x.decision for x in decisions] == ["break_taken"]
    assert d.policy.sitting_s(d.mono) == 0
    d.active(29)
    assert "remind" not in d.kinds()  # 20 + 29 minutes, but only 29 since the break
