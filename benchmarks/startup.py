"""Start-up time: process launch until the main window's cards are painted.

Prints the bare-PySide6 floor (an empty QMainWindow painted) measured in the
same run, so the ratio holds on a noisy machine. "Cold" is the first start
with a new data folder (the database is created and migrated, after the
paint); "warm" starts reuse it. Both start from Python's and the OS's file
caches as they are: dropping those needs root and says more about the disk
than about Upright. Run: python benchmarks/startup.py [--runs N]
The last line printed is a JSON object for scripts (``floor_start_ms`` is
the empty QMainWindow).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bench_env import child_env

FLOOR = r"""
import time; t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
print("first paint")
"""


def time_to_line(command: list[str], marker: str) -> float:
    user = f"upright-bench-{os.getpid()}"  # its own single-instance socket: a running Upright is left alone
    env = child_env(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), LOGNAME=user, USER=user)
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    for line in proc.stdout:
        if marker in line:
            elapsed = (time.perf_counter() - start) * 1000
            break
    else:
        raise RuntimeError(f"{command} never printed {marker!r}")
    proc.wait(timeout=60)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    app = [sys.executable, "-m", "desktop", "--exit-after-paint", "--data-dir"]
    floor, cold, warm = [], [], []
    with tempfile.TemporaryDirectory() as data:  # untimed: bytecode and the OS file cache as a user has them
        time_to_line([sys.executable, "-c", FLOOR], "first paint")
        time_to_line([*app, data], "first paint")
    for _ in range(args.runs):  # interleaved, so a burst of other load hits all three alike
        floor.append(time_to_line([sys.executable, "-c", FLOOR], "first paint"))
        with tempfile.TemporaryDirectory() as data:
            cold.append(time_to_line([*app, data], "first paint"))
            warm.append(time_to_line([*app, data], "first paint"))
    rows = {"floor_start_ms": floor, "cold_start_ms": cold, "warm_start_ms": warm}
    print(f"{'measure':<24}{'median':>10}{'min':>10}{'max':>10}   ({args.runs} runs, ms)")
    for name, values in rows.items():
        print(f"{name:<24}{statistics.median(values):>10.0f}{min(values):>10.0f}{max(values):>10.0f}")
    print(json.dumps({k: round(statistics.median(v), 1) for k, v in rows.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
