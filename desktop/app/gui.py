"""Starting and stopping the desktop app in a safe order.

Only what the first screen needs is imported before it paints; the
database (SQLAlchemy, Alembic) opens afterwards on its worker thread, and
the tray's sensors start after that.
"""

from __future__ import annotations

import sys
import time

_STARTED = time.perf_counter()


def keep_openssl_out() -> None:
    """Leave OpenSSL unloaded in a tray-only run: about 8 MB of a process that waits all day.

    Upright opens no network connection. asyncio imports ``ssl`` and runs without
    it (it guards the import); ``hashlib`` falls back to Python's own SHA-2 when
    ``_hashlib`` (OpenSSL's) is missing, and the catalog cache's key needs no more.
    Any later import of either raises ImportError, which their users handle.
    """
    for name in ("ssl", "_hashlib"):
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]


def run(args) -> int:
    if args.tray:
        keep_openssl_out()
    from desktop.app.loop import run_on_qt_loop
    from desktop.app.qt_app import make_application
    from desktop.app.single_instance import InstanceProblem, claim
    from desktop.content.catalog_cache import load_catalog_cached
    from desktop.content.errors import ContentError
    from desktop.storage.location import resolve_data_dir

    try:
        catalog = load_catalog_cached()
    except ContentError as exc:
        print(f"upright: {exc.report()}", file=sys.stderr)
        return 2
    app = make_application()
    data_dir = resolve_data_dir(args.data_dir)
    instance = None
    if not args.exit_after_paint:  # a start-up measurement runs beside a running Upright
        try:
            instance = claim(data_dir, "tray" if args.tray else "open")
        except InstanceProblem as exc:
            print(f"upright: {exc}", file=sys.stderr)
            return 2
        if instance is None:
            print("Upright is already running; it has been asked to show itself.")
            return 0
    code = run_on_qt_loop(app, lambda: _main(app, catalog, data_dir, args, instance))
    app.shutdown()  # delete Qt objects now, while the interpreter is still whole
    return code


async def _main(app, catalog, data_dir, args, instance) -> int:
    import asyncio

    from desktop.app.display_lost import DisplayWatch
    from desktop.app.shell import Shell
    from desktop.app.stop_signals import StopSignals

    shell = Shell(app, catalog, data_dir, tray_only=args.tray, instance=instance)
    stopping: list[asyncio.Future] = []

    async def stop() -> None:
        """Ctrl+C, SIGTERM (logout) or SIGHUP: end a session on screen as closing it does,
        then quit as the menu's Quit does (a pending reminder is recorded on the way out)."""
        # Imported here: it brings the session view, which a waiting tray does not hold (~5 MB).
        from desktop.app.session_launch import end_running_session

        await end_running_session()
        shell.quit()

    signals = StopSignals(lambda: stopping.append(asyncio.ensure_future(stop())), on_force=shell.quit)
    display = DisplayWatch(app, shell.record_now)  # a logout that takes the display records too
    try:
        if not args.tray:
            window = shell.show_window()
            from desktop.app.painted import first_paint

            await first_paint(window.exercises.cards_surface())
            if args.exit_after_paint:
                print(f"first paint after {(time.perf_counter() - _STARTED) * 1000:.0f} ms", flush=True)
        await shell.start()
        if args.exit_after_paint:
            shell.quit()
        await shell.finished
        await shell.close()
    finally:
        display.close()
    signals.close()
    return signals.exit_status(0)
