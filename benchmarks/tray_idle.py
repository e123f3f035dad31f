"""Idle cost of the tray-only process: resident memory and wake-ups per minute.

Starts ``upright --tray`` and, for comparison, a bare PySide6 process with
only a tray icon; waits, then reads VmRSS and the context switches of every
thread from /proc. A process that sleeps until its next real deadline adds
almost no switches. Linux only. Run: python benchmarks/tray_idle.py [--seconds 600]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_TRAY = r"""
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication([])
app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22); pixmap.fill()
icon = QSystemTrayIcon(QIcon(pixmap)); icon.show()
app.exec()
"""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def switches(pid: int) -> dict[str, int]:
    """Context switches per thread id; threads that come or go are compared only where both saw them."""
    counts = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        total = 0
        for line in (task / "status").read_text().splitlines():
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                total += int(line.split()[1])
        counts[task.name] = total
    return counts


def measure(command: list[str], settle_s: float, seconds: float) -> tuple[float, float]:
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle_s)
        before = switches(proc.pid)
        time.sleep(seconds)
        after = switches(proc.pid)
        woke = sum(after[tid] - before.get(tid, 0) for tid in after)
        return rss_mb(proc.pid), woke / (seconds / 60)
    finally:
        proc.kill()
        proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        app_rss, app_wakeups = measure([sys.executable, "-m", "desktop", "--data-dir", data, "--tray"], 8,
                                       args.seconds)
    bare_rss, bare_wakeups = measure([sys.executable, "-c", BARE_TRAY], 5, min(args.seconds, 120))
    display = os.environ.get("DISPLAY") or "offscreen"
    print(f"tray-only Upright: {app_rss:.1f} MB resident, {app_wakeups:.1f} wake-ups/min over {args.seconds:.0f} s"
          f" (display: {display})")
    print(f"bare PySide6 tray icon: {bare_rss:.1f} MB resident, {bare_wakeups:.1f} wake-ups/min")
    print(json.dumps({"tray_rss_mb": round(app_rss, 1), "tray_wakeups_per_min": round(app_wakeups, 1),
                      "bare_tray_rss_mb": round(bare_rss, 1), "bare_tray_wakeups_per_min": round(bare_wakeups, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
