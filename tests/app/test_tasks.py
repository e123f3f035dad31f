"""One helper runs background work for the whole app: it keeps each task, shows a disk
problem once, and logs everything else with its traceback."""

from __future__ import annotations

import asyncio
import gc
import logging

from desktop.app.tasks import BackgroundTasks
from desktop.storage.errors import StorageError
from tests.app_helpers import run


def full_disk(tmp_path) -> StorageError:
    return StorageError(tmp_path, "Upright could not save because the disk is full.")


def test_a_dialog_for_a_disk_problem_is_not_opened_again_while_it_is_on_screen(qapp, tmp_path):
    shown: list[str] = []

    async def scenario():
        dismissed = asyncio.Event()

        async def dialog(exc: StorageError) -> None:
            shown.append(str(exc))
            await dismissed.wait()

        tasks = BackgroundTasks(dialog)

        async def fail() -> None:
            raise full_disk(tmp_path)

        for _ in range(3):
            tasks.spawn(fail())
        for _ in range(5):
            await asyncio.sleep(0)
        during = list(shown)
        dismissed.set()
        await tasks.settle()
        tasks.spawn(fail())  # the dialog was closed: a new failure is said again
        await asyncio.sleep(0)
        dismissed.set()
        await tasks.settle()
        return during

    during = run(qapp, scenario)
    assert len(during) == 1 and "disk is full" in during[0]
    assert len(shown) == 2


def test_a_notice_says_each_disk_problem_once(qapp, tmp_path):
    said: list[str] = []

    async def scenario():
        tasks = BackgroundTasks(lambda exc: said.append(str(exc)))

        async def fail() -> None:
            raise full_disk(tmp_path)

        for _ in range(3):
            tasks.spawn(fail())
        await tasks.settle()

    run(qapp, scenario)
    assert len(said) == 1


def test_anything_else_is_logged_with_its_traceback(qapp, caplog):
    said: list[str] = []

    async def scenario():
        tasks = BackgroundTasks(lambda exc: said.append(str(exc)), "recording a break")

        async def bug() -> None:
            raise ZeroDivisionError("a bug")

        tasks.spawn(bug())
        await tasks.settle()

    with caplog.at_level(logging.ERROR, "upright"):
        run(qapp, scenario)
    (record,) = [r for r in caplog.records if r.name == "upright"]
    assert record.message == "recording a break failed" and record.exc_info[0] is ZeroDivisionError
    assert said == []


def test_a_spawned_task_is_kept_until_it_ends(qapp):
    async def scenario():
        tasks = BackgroundTasks(lambda exc: None)
        finished = asyncio.Event()

        async def slow() -> str:
            await finished.wait()
            return "done"

        task = tasks.spawn(slow())
        del task
        gc.collect()
        kept = len(tasks)
        finished.set()
        await tasks.settle()
        return kept, len(tasks)

    assert run(qapp, scenario) == (1, 0)


def test_cancel_stops_what_is_still_running(qapp):
    async def scenario():
        tasks = BackgroundTasks(lambda exc: None)
        task = tasks.spawn(asyncio.Event().wait())
        await asyncio.sleep(0)
        await tasks.cancel()
        return task.cancelled(), len(tasks)

    assert run(qapp, scenario) == (True, 0)
