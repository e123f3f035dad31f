"""``upright run ROUTINE [--speed X] [--auto]``: straight into the session view.

``--speed`` previews a routine faster; ``--auto`` answers every prompt with
its default (no pain rating, self-paced sets done as planned) and quits at
the end, so the whole stack can be driven end to end.
"""

from __future__ import annotations

import asyncio
import sys
from functools import partial
from pathlib import Path

from desktop.content.errors import ContentError
from desktop.core.catalog import Catalog, Routine
from desktop.core.history import SessionOutcome
from desktop.core.routine_ids import find_routines


def resolve_routine(catalog: Catalog, name: str) -> Routine | None:
    """A shipped routine id or the path of a routine file; ``None`` if ``name`` may be one of
    the person's own routines, which only the store can tell, or a name to match."""
    try:
        return catalog.routine(name)
    except KeyError:
        pass
    path = Path(name)
    if path.exists():
        from desktop.content.routine_file import read_routine_file

        return read_routine_file(path, catalog)
    return None


def pick(routines: list[Routine], name: str) -> tuple[Routine | None, str]:
    """The one routine ``name`` means (by id or name, any case), or why there is none."""
    found = find_routines(routines, name)
    if len(found) == 1:
        return found[0], ""
    if found:
        listed = "\n".join(f"  {r.id}  ({r.name})" for r in found)
        return None, f"upright: {name!r} could mean several routines; give one of these ids:\n{listed}"
    listed = "\n".join(f"  {r.id}  ({r.name})" for r in routines)
    return (
        None,
        f"upright: {name!r}: no routine has this name or id, and no such file exists. Routines:\n{listed}",
    )


def _has_history(args) -> bool:
    from desktop.storage.location import DATABASE_NAME, resolve_data_dir

    return (resolve_data_dir(args.data_dir) / DATABASE_NAME).exists()


def run(args) -> int:
    from desktop.content.catalog_cache import load_catalog_cached

    if not 0.1 <= args.speed <= 1000:
        print(f"upright: --speed must be between 0.1 and 1000, not {args.speed:g}", file=sys.stderr)
        return 2
    try:
        catalog = load_catalog_cached()
        routine = resolve_routine(catalog, args.routine)
    except ContentError as exc:
        print(f"upright: {exc.report()}", file=sys.stderr)
        return 2
    if routine is None and not _has_history(args):  # no store, so no routines of the person's own
        routine, problem = pick(list(catalog.routines), args.routine)
        if routine is None:
            print(problem, file=sys.stderr)
            return 2
    from desktop.app.loop import run_on_qt_loop
    from desktop.app.qt_app import make_application

    app = make_application()
    code = run_on_qt_loop(app, lambda: _main(app, catalog, routine, args))
    app.shutdown()
    return code


async def _main(app, catalog: Catalog, routine: Routine | None, args) -> int:
    """The session, stopped cleanly by Ctrl+C, SIGTERM or SIGHUP (exit status 130, 143, 129):
    a session on screen ends as closing its window does; before it begins, nothing was
    recorded, so the start is simply called off. If the display goes away (a logout), the
    session is recorded the same way without the loop (``DisplayWatch``)."""
    from desktop.app.display_lost import STORE_WAIT_S, DisplayWatch
    from desktop.app.session_launch import end_running_session, record_running_session_now, session_on_screen
    from desktop.app.stop_signals import StopSignals

    work = asyncio.ensure_future(_session(app, catalog, routine, args))
    ending: list[asyncio.Future] = []

    def stop() -> None:
        if session_on_screen():
            ending.append(asyncio.ensure_future(end_running_session()))
        else:
            work.cancel()

    def force() -> None:
        work.cancel()

    signals = StopSignals(stop, on_force=force)
    display = DisplayWatch(app, partial(record_running_session_now, STORE_WAIT_S))
    try:
        code = await work
    except asyncio.CancelledError:
        code = 1
    finally:
        display.close()
        signals.close()
    return signals.exit_status(code)


async def _session(app, catalog: Catalog, routine: Routine | None, args) -> int:
    from desktop.app.media import Media
    from desktop.app.safety_gate import safety_acknowledged
    from desktop.app.session_launch import run_session
    from desktop.app.settings_flow import APPEARANCE_KEY
    from desktop.app.store_worker import StoreWorker
    from desktop.storage.errors import StorageError
    from desktop.storage.location import resolve_data_dir
    from desktop.ui.appearance import Appearance, theme_choice

    worker = StoreWorker(resolve_data_dir(args.data_dir))
    try:
        await worker.open()
    except StorageError as exc:
        print(f"upright: {exc}", file=sys.stderr)
        worker.close()
        return 2
    try:
        # The saved theme, before the first dialog; sound and voice are read as the session starts.
        media = Media()
        await media.recall_from(worker)  # what this install has already said it lacks
        appearance = Appearance(
            app, theme_choice(await worker.run(worker.history.get_setting, APPEARANCE_KEY))
        )
        if routine is None:
            own = [s.routine for s in await worker.run(worker.routines.all)]
            routine, problem = pick(own + list(catalog.routines), args.routine)
            if routine is None:
                print(problem, file=sys.stderr)
                return 2
        if not args.auto and not await safety_acknowledged(None, catalog, worker):
            print("Not started: the safety notice was put off (Not now).", file=sys.stderr)
            return 1
        try:
            outcome = await run_session(
                catalog,
                routine,
                worker,
                appearance,
                media,
                speed=args.speed,
                auto=args.auto,
                ladder=await worker.run(worker.progress.steps),
            )
        except StorageError as exc:
            print(f"upright: {exc}", file=sys.stderr)  # each message says what was kept
            return 2
        print(f"{routine.name}: session {SessionOutcome(outcome).label.lower()}", flush=True)
        return 0
    finally:
        worker.close()
