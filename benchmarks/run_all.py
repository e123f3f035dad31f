"""Every benchmark in one command: a table of each measure beside its goal and floor, then JSON.

    .venv/bin/python -m benchmarks            # the full run, about 14 minutes (10 of them tray idle)
    .venv/bin/python -m benchmarks --quick    # a short run, about 2 minutes
    .venv/bin/python -m benchmarks --only startup,commit

Each benchmark runs in its own process, one after the other (the timer
benchmark loads both cores on purpose, so nothing else may run beside it).
The session timer wakes about once a second, so a p99 needs minutes of it:
with --quick's 24 wake-ups the p99 is simply the slowest one.
The floors are bare PySide6 programs measured in the same run: an empty
QMainWindow painted, a process with only a tray icon. Their output is shown
as it comes; the table follows, and the last line printed is one JSON
object with every number (milliseconds and megabytes) and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from _bench_env import child_env  # noqa: E402


@dataclass(frozen=True)
class Goal:
    key: str
    label: str
    unit: str
    goal: str  # as the issue states it
    limit: float | None = None  # below this meets the goal
    floor: str | None = None  # the key of the bare-PySide6 floor measured in the same run


GOALS = (
    Goal("cold_start_ms", "cold start to the cards painted", "ms", "< 350 ms", 350, "floor_start_ms"),
    Goal("warm_start_ms", "warm start to the cards painted", "ms", "< 350 ms", 350, "floor_start_ms"),
    Goal("tray_rss_mb", "tray-only resident memory", "MB", "< 70 MB", 70, "floor_tray_rss_mb"),
    Goal("tray_first_start_rss_mb", "  the same, very first start", "MB", "-", None, "floor_tray_rss_mb"),
    Goal(
        "tray_wakeups_per_min",
        "tray-only wake-ups per minute",
        "/min",
        "none beyond the floor's",
        None,
        "floor_tray_wakeups_per_min",
    ),
    Goal("timer_late_p50_ms", "timer lateness p50, both cores busy", "ms", "-"),
    Goal("timer_late_p99_ms", "timer lateness p99, both cores busy", "ms", "< 15 ms", 15),
    Goal("timer_late_max_ms", "timer lateness max, both cores busy", "ms", "-"),
    Goal("commit_ms", "set commit (synchronous=FULL), median", "ms", "< 5 ms", 5),
    Goal("commit_p99_ms", "set commit, p99", "ms", "-"),
    Goal("history_12m_ms", "history view, 12 months, 10 years of data", "ms", "< 150 ms", 150),
    Goal("history_all_ms", "history view, everything, 10 years of data", "ms", "< 300 ms", 300),
    Goal("history_12m_cpu_ms", "  its CPU time, 12 months", "ms", "-"),
    Goal("history_all_cpu_ms", "  its CPU time, everything", "ms", "-"),
    Goal("history_12m_query_ms", "  its SQL alone, 12 months", "ms", "-"),
    Goal("history_all_query_ms", "  its SQL alone, everything", "ms", "-"),
)
REQUIRED = (
    "cold_start_ms",
    "warm_start_ms",
    "tray_rss_mb",
    "tray_wakeups_per_min",
    "timer_late_p50_ms",
    "timer_late_p99_ms",
    "timer_late_max_ms",
    "commit_ms",
    "history_12m_ms",
    "history_all_ms",
    "floor_start_ms",
    "floor_tray_rss_mb",
    "floor_tray_wakeups_per_min",
)


def plan(quick: bool, tray_seconds: float | None, timer_seconds: float | None) -> dict[str, list[str]]:
    """Benchmark name -> its script and arguments, in the order they run."""
    return {
        "startup": ["startup.py", "--runs", "3" if quick else "7"],
        "commit": ["commit.py", "--sets", "100" if quick else "300"],
        "history": ["history.py", "--runs", "3" if quick else "5"],
        "history_view": ["history_view.py"],
        "timer": ["timer_accuracy.py", "--seconds", f"{timer_seconds or (24 if quick else 180):g}"],
        "tray": ["tray_idle.py", "--seconds", f"{tray_seconds or (60 if quick else 600):g}"],
    }


def run_one(name: str, command: list[str]) -> dict:
    """Run a benchmark script, echoing its output; its last line is its JSON result."""
    print(f"== {name}: {' '.join(command)}", flush=True)
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, str(HERE / command[0]), *command[1:]],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(PYTHONUNBUFFERED="1"),
    )
    lines = []
    for line in proc.stdout:
        lines.append(line.rstrip("\n"))
        if not lines[-1].startswith("{"):
            print(f"   {lines[-1]}", flush=True)
    errors = proc.stderr.read()
    proc.wait()
    took = time.monotonic() - started
    try:
        if proc.returncode != 0 or not lines:
            raise ValueError(f"exit status {proc.returncode}")
        result = json.loads(lines[-1])
    except ValueError as problem:
        tail = "\n".join(errors.strip().splitlines()[-15:])
        print(f"   FAILED ({problem}) after {took:.0f} s\n{tail}", flush=True)
        return {}
    print(f"   ({took:.0f} s)", flush=True)
    for line in errors.splitlines():  # warnings worth seeing; Qt's offscreen chatter is not
        if line.startswith("warning:"):
            print(f"   {line}")
    return result


def machine() -> dict[str, str | int]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    try:
        release = dict(
            line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line
        )
        system = f"{release.get('PRETTY_NAME', '').strip(chr(34))} ({platform.system()} {platform.release()})"
    except OSError:
        pass
    memory = ""
    try:
        kib = int(
            next(
                line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
            ).split()[1]
        )
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    out = subprocess.run(
        [sys.executable, "-c", "import PySide6; print(PySide6.__version__)"], capture_output=True, text=True
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count() or 0,
        "memory": memory,
        "os": system,
        "python": platform.python_version(),
        "pyside6": out.stdout.strip() or "?",
    }


def _cell(value) -> str:
    if value is None:
        return "n/a"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}"


def verdict(goal: Goal, summary: dict) -> str:
    value = summary.get(goal.key)
    if value is None:
        return "not measured"
    if goal.limit is not None:
        return "meets" if value < goal.limit else "over"
    if goal.key == "tray_wakeups_per_min" and summary.get(goal.floor) is not None:
        # The bare tray icon's own wake-ups come from the display server, not from a timer.
        return "meets" if value <= summary[goal.floor] + 0.5 else "over"
    return ""


def table(summary: dict) -> str:
    rows = [("measure", "result", "goal", "floor (same run)", "")]
    for goal in GOALS:
        if goal.key not in summary and goal.key not in REQUIRED:
            continue
        floor = summary.get(goal.floor) if goal.floor else None
        value = summary.get(goal.key)
        result = f"{_cell(value)} {goal.unit}" if value is not None else "n/a"
        floor_text = f"{_cell(floor)} {goal.unit}" if floor is not None else "-"
        rows.append((goal.label, result, goal.goal, floor_text, verdict(goal, summary)))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = []
    for n, row in enumerate(rows):
        lines.append(
            "  ".join(
                cell.ljust(widths[i]) if i in (0, 2, 4) else cell.rjust(widths[i])
                for i, cell in enumerate(row)
            ).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="short runs (tray idle 60 s, timer 24 s, fewer repeats)"
    )
    parser.add_argument(
        "--tray-seconds", type=float, help="how long the tray idles (default 600, 60 with --quick)"
    )
    parser.add_argument(
        "--timer-seconds",
        type=float,
        help="length of the timed session, about one wake-up a second (default 180, 24 with --quick)",
    )
    parser.add_argument(
        "--only", help="comma-separated subset: startup,commit,history,history_view,timer,tray"
    )
    args = parser.parse_args(argv)
    benches = plan(args.quick, args.tray_seconds, args.timer_seconds)
    if args.only:
        wanted = [name.strip() for name in args.only.split(",") if name.strip()]
        unknown = sorted(set(wanted) - set(benches))
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(unknown)} (known: {', '.join(benches)})")
        benches = {name: command for name, command in benches.items() if name in wanted}
    about = machine()
    print(
        f"machine: {about['cpu']}, {about['cores']} cores, {about['memory']}, {about['os']}, "
        f"Python {about['python']}, PySide6 {about['pyside6']}",
        flush=True,
    )
    summary: dict = {}
    failed = []
    for name, command in benches.items():
        result = run_one(name, command)
        if not result:
            failed.append(name)
        summary.update(result)
    print()
    print(table(summary))
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    summary = {key: summary.get(key) for key in REQUIRED} | summary
    summary.update(quick=args.quick, failed=failed, machine=about, date=time.strftime("%Y-%m-%d"))
    print(json.dumps(summary))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
