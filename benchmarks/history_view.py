"""The history view over 10 years of history: aggregates loaded and every chart painted.

Measures, for the 12-month and the all-time range, the time from asking the
store for the aggregates to the page (calendar, three charts, session list)
having painted once into an image. Run: python benchmarks/history_view.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    from history import make_history
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from desktop.content.catalog_loader import load_catalog
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore
    from desktop.ui.history_page import HistoryPage
    from desktop.ui.theme import LIGHT

    app = QApplication.instance() or QApplication([])
    names = {r.id: r.name for r in load_catalog().routines}
    folder = Path(tempfile.mkdtemp())
    make_history(folder, 10.0)
    db = open_database(folder)
    store = HistoryStore(db)
    today = date.today()
    first_all = store.history_range()[0]
    page = HistoryPage(LIGHT)
    page.resize(1280, 1400)
    page.show()
    app.processEvents()
    image = QImage(page.size(), QImage.Format.Format_ARGB32_Premultiplied)
    results, cpu = {}, {}
    for key, first in (("12m", today - timedelta(days=364)), ("all", first_all)):
        times, cpu_times = [], []
        for _ in range(5):
            start, start_cpu = time.perf_counter(), time.process_time()
            aggregates = store.aggregates(first, today, today, page.calendar.first_weekday)
            sessions = store.list_sessions(first, today)
            page.show_history(aggregates, sessions, names)
            page.render(image)
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.process_time() - start_cpu) * 1000)
        results[key], cpu[key] = statistics.median(times), statistics.median(cpu_times)
    db.close()
    print(
        f"history view, 10 years of data: 12 months {results['12m']:.0f} ms, all {results['all']:.0f} ms "
        "(aggregate + fill + paint, median of 5)"
    )
    # CPU time hardly moves when other programs share the cores, so it compares runs on a busy machine.
    print(f"  the same in this process's CPU time: {cpu['12m']:.0f} ms and {cpu['all']:.0f} ms")
    print(
        json.dumps(
            {
                "history_12m_ms": round(results["12m"], 1),
                "history_all_ms": round(results["all"], 1),
                "history_12m_cpu_ms": round(cpu["12m"], 1),
                "history_all_cpu_ms": round(cpu["all"], 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
