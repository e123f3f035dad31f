"""A session runs the dose the routine says: 150 reps typed for an exercise on a ladder step of
10 run as 150 (it once ran the step's 10 while the editor showed 150)."""

from desktop.app.session_controller import SessionController
from desktop.app.store_worker import StoreWorker
from desktop.core.catalog import Dosage, Range, Routine, RoutineItem
from desktop.ui.theme import LIGHT
from tests.app_helpers import FakeSpeaker, run

CURL = "reverse-jefferson-curl"


def test_an_item_with_150_reps_runs_150_on_a_step_of_10(qapp, catalog, tmp_path):
    assert catalog.exercise(CURL).progressions[0].dosage.reps == Range(10, 10)
    routine = Routine(
        "new-routine",
        "New routine",
        "A routine of my own.",
        (),
        (RoutineItem(CURL, Dosage(reps=Range(150, 150))), RoutineItem(CURL)),
    )

    async def scenario():
        worker = StoreWorker(tmp_path)
        await worker.open()
        c = SessionController(
            catalog,
            routine,
            worker=worker,
            palette=LIGHT,
            sound=FakeSpeaker(),
            voice=FakeSpeaker(),
            speed=200,
            auto=True,
            ladder={CURL: 0},
        )
        outcome = await c.run()
        history = await worker.run(worker.history.export_history)
        worker.close()
        return outcome, history

    outcome, history = run(qapp, scenario, timeout_s=30)
    assert outcome == "completed"
    (session,) = history["sessions"]
    # the first item says 150; the second leaves reps to the step, which says 10
    assert [s["planned_reps"] for s in session["sets"]] == [150, 10]
