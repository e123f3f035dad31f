"""Ladder rungs, their change log, painful marks, evidence per rung and personal bests."""

from datetime import UTC, datetime, timedelta

import pytest

from desktop.core.history import Best
from desktop.core.progression import SessionEvidence
from desktop.storage.progress_store import ProgressStore

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def progress(db):
    return ProgressStore(db)


def session(store, day, exercise="push-up", before=None, after=None, reps=20, seconds=None):
    start = T0 + timedelta(days=day)
    sid = store.start_session("strength-foundation", "Strength", start)
    store.record_set(
        sid,
        exercise_id=exercise,
        side="none",
        set_index=1,
        planned_reps=reps,
        done_reps=reps,
        done_s=seconds,
        started_at=start,
        ended_at=start + timedelta(seconds=40),
    )
    for moment, value in (("before", before), ("after", after)):
        if value is not None:
            store.set_pain(sid, moment, value, recorded_at=start)
    return sid


def test_steps_default_to_the_first_rung_and_changes_are_logged(progress):
    assert progress.steps() == {}
    progress.change_step("push-up", 1, "3 steady sessions", T0)
    change = progress.change_step("push-up", 0, "pain rose", T0 + timedelta(days=1))
    assert progress.steps() == {"push-up": 0}
    assert (change.from_step, change.to_step) == (1, 0)
    assert [(c.from_step, c.to_step, c.reason) for c in progress.changes()] == [
        (0, 1, "3 steady sessions"),
        (1, 0, "pain rose"),
    ]


def test_bad_step_changes_write_nothing(progress):
    for step, reason in ((-1, "x"), (1, "  ")):
        with pytest.raises(ValueError):
            progress.change_step("push-up", step, reason, T0)
    assert progress.steps() == {} and progress.changes() == []


def test_evidence_is_the_sessions_on_the_current_rung(store, progress):
    first = session(store, 0, before=2, after=2)
    session(store, 1, exercise="squat")
    painful = session(store, 2, before=3, after=3)
    progress.mark_painful(painful, ["push-up", "push-up"])
    assert progress.evidence("push-up") == [
        SessionEvidence(first, 2, 2, False),
        SessionEvidence(painful, 3, 3, True),
    ]
    progress.change_step("push-up", 1, "moved on", T0 + timedelta(days=3))
    later = session(store, 4)
    assert progress.evidence("push-up") == [SessionEvidence(later, None, None, False)]


def test_a_step_change_survives_deleting_its_session(store, progress):
    sid = session(store, 0)
    progress.change_step("push-up", 1, "moved on", T0, session_id=sid)
    store.delete_session(sid)
    assert progress.changes()[0].session_id is None and progress.steps() == {"push-up": 1}


def test_bests_are_the_most_reps_and_longest_set(store, progress):
    session(store, 0, reps=20)
    session(store, 1, reps=26)
    session(store, 2, exercise="superman-back-arch", reps=None, seconds=45.5)
    assert progress.bests() == {"push-up": Best(26, None), "superman-back-arch": Best(None, 45.5)}
