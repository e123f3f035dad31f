"""Idle cost of the tray-only process: resident memory and wake-ups per minute.

Starts ``upright --tray`` and, for comparison, a bare PySide6 process with
only a tray icon, both at once on the same display; waits, then reads VmRSS
and the context switches of every thread from /proc. A process that sleeps
until its next real deadline adds almost no switches.

A tray-only run needs a tray to sit in (without one Upright opens its window
instead, which is not what is measured here). Unless ``--display`` names one,
the script starts a private Xvfb with trayer as the tray host; both come from
``bash packaging/bootstrap.sh test``. The data folder already holds a history
(a first start created it), as on every start but the very first; the first
start, which also creates and migrates the database, is measured separately.

Linux only. Run: python benchmarks/tray_idle.py [--seconds 600]
The last line printed is a JSON object for scripts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _bench_env import child_env  # noqa: E402

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


def switches(pid: int) -> dict[str, tuple[str, int]]:
    """(thread name, context switches) per thread id.

    Threads that come or go are compared where both samples saw them.
    """
    counts = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            total = 0
            for line in (task / "status").read_text().splitlines():
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    total += int(line.split()[1])
        except OSError:  # the thread ended while we looked
            continue
        counts[task.name] = (name, total)
    return counts


class Idle:
    """One idle process: RSS after settling, then wake-ups over a window, per thread."""

    def __init__(self, command: list[str], env: dict[str, str]):
        self.proc = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT
        )
        self.stderr: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.stderr.append(line.rstrip())

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self._reader.join(2)


def measure(idles: dict[str, Idle], settle_s: float, seconds: float) -> dict[str, dict]:
    time.sleep(settle_s)
    for name, idle in idles.items():
        if not idle.alive():
            raise RuntimeError(
                f"{name} exited during start-up (another Upright running?): " + " | ".join(idle.stderr[-5:])
            )
    before = {name: switches(idle.proc.pid) for name, idle in idles.items()}
    rss = {name: rss_mb(idle.proc.pid) for name, idle in idles.items()}
    time.sleep(seconds)
    out = {}
    for name, idle in idles.items():
        after = switches(idle.proc.pid)
        per_thread: dict[str, int] = {}
        for tid, (thread, count) in after.items():
            if tid in before[name]:
                per_thread[thread] = per_thread.get(thread, 0) + count - before[name][tid][1]
        woke = sum(per_thread.values())
        out[name] = {
            "rss_mb": max(rss[name], rss_mb(idle.proc.pid)),
            "wakeups_per_min": woke / (seconds / 60) if seconds else 0.0,
            "threads": {k: v for k, v in sorted(per_thread.items()) if v},
        }
    return out


@contextmanager
def tray_display(display: str | None):
    """An X display with a tray host: the given one, or a private Xvfb with trayer."""
    if display:
        yield display, "given"
        return
    if not (shutil.which("Xvfb") and shutil.which("trayer")):
        raise SystemExit(
            "tray_idle: Xvfb and trayer are needed for a tray (bash packaging/bootstrap.sh test "
            "installs them), or pass --display of a desktop with a tray"
        )
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1280x800x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        display = f":{numbers.readline().strip()}"
    tray = subprocess.Popen(
        [
            "trayer",
            "--edge",
            "top",
            "--widthtype",
            "pixel",
            "--width",
            "120",
            "--height",
            "24",
            "--transparent",
            "false",
        ],
        env={**os.environ, "DISPLAY": display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    try:
        yield display, "private Xvfb + trayer"
    finally:
        for proc in (tray, xvfb):
            proc.terminate()
            proc.wait(10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600, help="how long to count wake-ups (default 600)")
    parser.add_argument("--settle", type=float, default=8, help="seconds to let start-up finish first")
    parser.add_argument("--display", help="an X display with a tray host (default: a private Xvfb + trayer)")
    args = parser.parse_args(argv)
    with tray_display(args.display) as (display, kind), tempfile.TemporaryDirectory() as data:
        # A user name of its own gives the benchmark its own single-instance socket, so a real
        # Upright running on this machine is neither asked to show itself nor disturbed.
        user = f"upright-bench-{os.getpid()}"
        # A cache folder of its own, filled before the first start: the per-user catalog cache is
        # shared with every checkout on the machine, and one stale for this code makes the tray
        # validate the catalog with pydantic (about 15 MB more than an installed copy ever holds).
        cache = Path(data) / "cache"
        env = child_env(
            DISPLAY=display, QT_QPA_PLATFORM="xcb", LOGNAME=user, USER=user, XDG_CACHE_HOME=str(cache)
        )
        subprocess.run(
            [sys.executable, "-c", "from desktop.content.catalog_cache import load_catalog_cached as c; c()"],
            env=env,
            cwd=ROOT,
            check=True,
        )
        app = [sys.executable, "-m", "desktop", "--data-dir", str(Path(data) / "data"), "--tray"]
        first = Idle(app, env)  # a new data folder: creates and migrates the database
        try:
            first_run = measure({"first": first}, args.settle, 0)["first"]["rss_mb"]
        finally:
            first.stop()
        idles = {"app": Idle(app, env), "bare": Idle([sys.executable, "-c", BARE_TRAY], env)}
        try:
            result = measure(idles, args.settle, args.seconds)
        finally:
            for idle in idles.values():
                idle.stop()
        notices = [line for line in idles["app"].stderr if line.startswith("upright:")]
    if any("no system tray" in line for line in notices):
        print("warning: Upright found no tray on this display and opened its window instead", file=sys.stderr)
    app_r, bare_r = result["app"], result["bare"]
    print(
        f"tray-only Upright: {app_r['rss_mb']:.1f} MB resident ({first_run:.1f} MB on the very first start), "
        f"{app_r['wakeups_per_min']:.1f} wake-ups/min over {args.seconds:.0f} s (display {display}, {kind})"
    )
    print(f"  wake-ups by thread: {app_r['threads'] or 'none'}")
    print(
        f"bare PySide6 tray icon: {bare_r['rss_mb']:.1f} MB resident, "
        f"{bare_r['wakeups_per_min']:.1f} wake-ups/min"
    )
    for line in notices:
        print(f"  said: {line}")
    print(
        json.dumps(
            {
                "tray_rss_mb": round(app_r["rss_mb"], 1),
                "tray_first_start_rss_mb": round(first_run, 1),
                "tray_wakeups_per_min": round(app_r["wakeups_per_min"], 2),
                "floor_tray_rss_mb": round(bare_r["rss_mb"], 1),
                "floor_tray_wakeups_per_min": round(bare_r["wakeups_per_min"], 2),
                "tray_seconds": args.seconds,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
