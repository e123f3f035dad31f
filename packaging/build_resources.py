"""Compile resources.qrc into desktop/ui/resources_rc.py with pyside6-rcc.

The compiled module is committed so an install needs no Qt tools; a test
(tests/ui/test_resources.py) fails when it is older than the qrc says.
Run: python packaging/build_resources.py [--check]
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QRC = ROOT / "resources.qrc"
OUTPUT = ROOT / "desktop" / "ui" / "resources_rc.py"


def compile_qrc() -> bytes:
    from PySide6 import __file__ as pyside_init

    # The rcc that ships inside the PySide6 wheel, so the venv needs nothing on PATH.
    rcc = Path(pyside_init).parent / "Qt" / "libexec" / "rcc"
    command = [str(rcc), "-g", "python", "--no-compress", QRC.name]
    # rcc embeds each file's modification time; pin it so a fresh clone compiles identically.
    env = {**os.environ, "QT_RCC_SOURCE_DATE_OVERRIDE": "1"}
    return subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=env).stdout


def _body(code: bytes) -> bytes:
    """The generated code without rcc's header comments, which name the Qt version."""
    return b"\n".join(line for line in code.splitlines() if not line.startswith(b"#"))


def main(argv: list[str]) -> int:
    fresh = compile_qrc()
    if "--check" in argv:
        if _body(OUTPUT.read_bytes()) != _body(fresh):
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run python packaging/build_resources.py")
            return 1
        print("resources are up to date")
        return 0
    OUTPUT.write_bytes(fresh)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(fresh)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
