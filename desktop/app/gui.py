"""Starting and stopping the desktop app in a safe order.

Only what the first screen needs is imported before it paints; the
database (SQLAlchemy, Alembic) opens afterwards on its worker thread.
"""

from __future__ import annotations

import sys
import time

_STARTED = time.perf_counter()


def run(args) -> int:
    from desktop.app.loop import run_on_qt_loop
    from desktop.app.qt_app import make_application
    from desktop.content.catalog_loader import load_catalog
    from desktop.content.errors import ContentError
    from desktop.storage.location import resolve_data_dir

    try:
        catalog = load_catalog()
    except ContentError as exc:
        print(f"upright: {exc.report()}", file=sys.stderr)
        return 2
    app = make_application()
    code = run_on_qt_loop(app, lambda: _main(app, catalog, resolve_data_dir(args.data_dir), args))
    app.shutdown()  # delete Qt objects now, while the interpreter is still whole
    return code


async def _main(app, catalog, data_dir, args) -> int:
    from desktop.app.loop import resolved_by
    from desktop.app.main_controller import MainController
    from desktop.app.painted import first_paint
    from desktop.app.store_worker import StoreWorker
    from desktop.ui.appearance import Appearance

    controller = MainController(catalog, StoreWorker(data_dir), Appearance(app))
    window = controller.window
    closed = resolved_by(window.closing)
    window.show()
    await first_paint(controller.exercises.cards.viewport())
    if args.exit_after_paint:
        print(f"first paint after {(time.perf_counter() - _STARTED) * 1000:.0f} ms", flush=True)
    await controller.open_store()
    if args.exit_after_paint:
        window.close()
    await closed
    await controller.close()
    window.deleteLater()
    return 0
