"""No test waits a fixed length of time: it waits for a condition, with a deadline (tests/waiting.py).

Every test file is read, and so is every child script or shell command a
test hands to another process (a string in it): a ``time.sleep``, an
``asyncio.sleep`` that is not a bare yield (``0``), ``qtbot.wait``, ``qWait``,
a ``QThread`` sleep, a ``singleShot`` with a delay, or a ``sleep`` command
fails this test with where it is. Waiting for a process to exit with a
timeout (``proc.wait(timeout=...)``) and ``qtbot.waitSignal`` / ``waitUntil``
end when their condition does, so they are not fixed waits.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent

# What may hold a fixed wait, each with why. Keep it short: a new entry needs a reason that no
# condition can stand in for. Whole files, then single lines (a file and the text on the line).
ALLOWED = {
    "waiting.py": "the pause between two looks at a condition in until() and eventually(), under a deadline",
}
ALLOWED_LINES = {
    ("platform/test_speech_dispatcher.py", "QTimer.singleShot(30_000, app.quit)"): (
        "the child's deadline, not a wait: the engine's last Ready quits it sooner, and a child that"
        " times out still prints the states it heard, which a killed one could not"
    ),
}

_IN_TEXT = [  # in a child script or a shell command
    re.compile(r"\btime\.sleep\("),
    re.compile(r"\basyncio\.sleep\(\s*(?!0\s*\))"),
    re.compile(r"\bqtbot\.wait\("),
    re.compile(r"\bqWait\("),
    re.compile(r"\b[mu]?sleep\(\s*[^)]"),  # a QThread's, or sleep imported from time
    re.compile(r"singleShot\(\s*(?!0\s*,)[\w.]+\s*,"),
    re.compile(r"(?:^|[;&|(]|\bdo|\bthen)\s*sleep\s+[\d.$]"),  # sh: sleep 0.3
]


def _is_zero(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value == 0


class _FixedWaits(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        func, first = node.func, (node.args[0] if node.args else None)
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        fixed = (
            (name == "sleep" and owner in ("", "time", "QThread"))
            or (name == "sleep" and owner == "asyncio" and not (first is not None and _is_zero(first)))
            or (name == "wait" and owner == "qtbot")
            or name in ("qWait", "msleep", "usleep")
            or (name == "singleShot" and first is not None and not _is_zero(first))
        )
        if fixed:
            self.found.append((node.lineno, ast.unparse(node)[:80]))

    def visit_List(self, node: ast.List) -> None:  # ["sleep", "1"] for subprocess
        self.generic_visit(node)
        command = [e.value if isinstance(e, ast.Constant) else None for e in node.elts[:2]]
        if len(command) == 2 and command[0] == "sleep" and re.fullmatch(r"[\d.]+", str(command[1])):
            self.found.append((node.lineno, ast.unparse(node)[:80]))

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            for pattern in _IN_TEXT:
                for match in pattern.finditer(node.value):
                    line = node.lineno + node.value.count("\n", 0, match.start())  # exact in a script
                    self.found.append((line, f"in a string: {match.group(0).strip()}"))


def fixed_waits(source: str) -> list[tuple[int, str]]:
    """(line, what) for every line of ``source`` with a fixed wait, the first one seen on it."""
    visitor = _FixedWaits()
    visitor.visit(ast.parse(source))
    return sorted(dict(reversed(visitor.found)).items())


def test_no_test_waits_a_fixed_time():
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        relative = path.relative_to(TESTS).as_posix()
        if relative in ALLOWED or path == Path(__file__).resolve():
            continue
        source = path.read_text()
        lines = source.splitlines()
        found += [
            f"tests/{relative}:{line}: {what}"
            for line, what in fixed_waits(source)
            if not any(f == relative and text in lines[line - 1] for f, text in ALLOWED_LINES)
        ]
    assert found == [], "wait for a condition instead (tests/waiting.py):\n" + "\n".join(found)


def test_the_allow_list_names_what_exists():
    assert all((TESTS / name).is_file() for name in ALLOWED)
    assert all(text in (TESTS / name).read_text() for name, text in ALLOWED_LINES)


def test_every_kind_of_fixed_wait_is_found():
    """The check itself can fail: each form, in code and in a child's script, is caught."""
    caught = """
import time, asyncio
from time import sleep
time.sleep(0.1)
sleep(1)
await asyncio.sleep(0.05)
qtbot.wait(10)
QTest.qWait(100)
QThread.msleep(5)
QTimer.singleShot(300, report)
QTimer.singleShot(DELAY, report)
subprocess.run(["sleep", "1"])
CHILD = "import time; time.sleep(2)"
SCRIPT = "xdotool mousedown 1; sleep 0.3; xdotool mouseup 1"
TIMER = "QTimer.singleShot(1500, check)"
LOOP = "await asyncio.sleep(1)"
"""
    assert [line for line, _ in fixed_waits(caught)] == list(range(4, 17))
    allowed = """
await asyncio.sleep(0)
QTimer.singleShot(0, marker.emit)
qtbot.waitUntil(lambda: done)
qtbot.waitSignal(view.closed, timeout=1000)
proc.wait(timeout=10)
clock.sleep(3600)
desk.sleep(4)
await asyncio.wait_for(event.wait(), 5)
CHILD = "QTest.qWaitForWindowExposed(editor); QTimer.singleShot(0, start)"
DOC = "a test that sleeps is slow"
"""
    assert fixed_waits(allowed) == []
