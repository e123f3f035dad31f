"""After a session: marks and confirmed ladder changes reach the store, with their reasons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.app.progress_review import review_progress
from desktop.app.store_worker import StoreWorker
from desktop.ui.progress_dialog import ProgressDialog
from tests.app_helpers import run

T0 = datetime.now(UTC) - timedelta(days=10)


def sessions(store, count, exercises=("push-up", "squat")):
    ids = []
    for n in range(count):
        start = T0 + timedelta(days=n)
        sid = store.start_session("strength-foundation", "Strength foundation", start)
        store.set_pain(sid, "before", 2, recorded_at=start)
        for e in exercises:
            store.record_set(
                sid,
                exercise_id=e,
                side="none",
                set_index=1,
                planned_reps=20,
                done_reps=20,
                started_at=start,
                ended_at=start + timedelta(seconds=60),
            )
        store.set_pain(sid, "after", 2, recorded_at=start)
        ids.append(sid)
    return ids


def answer_review(tick: list[str], untick_all: bool = False) -> QTimer:
    """Tick the named exercises' "hurt" boxes in the review, then press Apply."""
    timer = QTimer()
    timer.setInterval(20)

    def poll():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ProgressDialog) and widget.isVisible():
                for exercise_id in tick:
                    widget.marks[exercise_id].setChecked(True)
                if untick_all:
                    for box, _ in widget.choices:
                        box.setChecked(False)
                widget.apply.click()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_three_steady_sessions_move_push_ups_up_and_a_painful_squat_down(qapp, catalog, tmp_path):
    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        await worker.run(
            worker.progress.change_step, "squat", 1, "set up by the test", T0 - timedelta(days=1)
        )
        ids = sessions(worker.history, 3)
        timer = answer_review(["squat"])
        made = await review_progress(None, catalog, worker, ids[-1], ["push-up", "squat"], {"squat": 1})
        timer.stop()
        steps = await worker.run(worker.progress.steps)
        changes = await worker.run(worker.progress.changes)
        evidence = await worker.run(worker.progress.evidence, "squat")
        worker.close()
        return made, steps, changes, ids, evidence

    made, steps, changes, ids, evidence = run(qapp, scenario)
    assert made == ["Push-ups: now on step 2.", "Squats: now on step 1."]
    assert steps == {"push-up": 1, "squat": 0}
    push, squat = changes[1:]
    assert (push.exercise_id, push.from_step, push.to_step, push.session_id) == ("push-up", 0, 1, ids[-1])
    assert push.reason.startswith("3 sessions on \u201c20 reps\u201d without pain rising")
    assert (squat.to_step, squat.reason) == (0, "You marked it as painful. Go back to \u201c20 reps\u201d.")
    assert evidence == []  # the squat's new rung starts after the session


def test_nothing_changes_unless_ticked(qapp, catalog, tmp_path):
    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        ids = sessions(worker.history, 3)
        timer = answer_review([], untick_all=True)
        made = await review_progress(None, catalog, worker, ids[-1], ["push-up", "squat"], {})
        timer.stop()
        steps = await worker.run(worker.progress.steps)
        worker.close()
        return made, steps

    assert run(qapp, scenario) == ([], {})


def test_no_review_without_a_ladder(qapp, catalog, tmp_path):
    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        ids = sessions(worker.history, 1, exercises=("standing-back-bend",))
        made = await review_progress(None, catalog, worker, ids[-1], ["standing-back-bend"], {})
        worker.close()
        return made

    assert run(qapp, scenario, timeout_s=3) == []
