"""Build the one-folder app with PyInstaller, then smoke-test what was built.

    .venv/bin/python packaging/build_app.py            # install PyInstaller, build, smoke-test
    .venv/bin/python packaging/build_app.py --no-build # smoke-test an existing dist/upright

The result is dist/upright/ (upright.exe on Windows); build/pyinstaller/ holds
PyInstaller's work files. The smoke test starts the frozen app offscreen with a
temporary data folder and checks, each in a fresh process:

* ``upright --exit-after-paint``: the window's first paint (Qt, plugins, assets, catalog)
* ``upright catalog --json``: the catalog TOMLs are inside and valid
* ``upright history --json`` on an empty folder: the database is created and every
  Alembic migration runs from scratch, then the file is checked with sqlite3
* ``upright run stand-and-extend --auto --speed 200``: a session with the multimedia
  and speech plugins loaded (saying once, on a machine without them, that they are off)

Then it prints the size of the folder and its largest parts. Exit status 0
only if every step passed. See docs/packaging.md for Windows and macOS.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "upright.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
PYINSTALLER = "pyinstaller>=6.10,<7"


def build() -> None:
    print(f"installing {PYINSTALLER} into {sys.prefix}", flush=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PYINSTALLER],
        check=True,
    )
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    print(f"built {DIST / 'upright'} in {time.monotonic() - started:.0f} s", flush=True)
    strip_python_debug_symbols(DIST / "upright")


def strip_python_debug_symbols(folder: Path) -> None:
    """A pyenv-built libpython and its extension modules carry ~25 MB of debug symbols; Qt's are stripped.

    Only these are touched: ``strip`` on the whole bundle breaks the FFmpeg libraries.
    """
    if not sys.platform.startswith("linux") or not shutil.which("strip"):
        return
    internal = folder / "_internal"
    targets = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    targets = [path for path in targets if path.is_file() and not path.is_symlink()]
    if targets:
        subprocess.run(["strip", "--strip-debug", *map(str, targets)], check=True)
        print(f"stripped debug symbols from {len(targets)} Python binaries", flush=True)


def executable() -> Path:
    name = "upright.exe" if sys.platform == "win32" else "upright"
    return DIST / "upright" / name


class Smoke:
    def __init__(self, app: Path, folder: Path):
        self.app, self.folder = app, folder
        user = (
            f"upright-smoke-{os.getpid()}"  # its own single-instance socket: a running Upright is left alone
        )
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "LOGNAME": user,
            "USER": user,
            "XDG_CACHE_HOME": str(folder / "cache"),
            "XDG_CONFIG_HOME": str(folder / "config"),
        }
        self.failed: list[str] = []

    def run(self, name: str, *args: str, check=None, timeout: float = 120) -> None:
        started = time.monotonic()
        try:
            out = subprocess.run(
                [str(self.app), *args],
                capture_output=True,
                text=True,
                timeout=timeout,
                env=self.env,
                cwd=self.folder,
            )  # not the checkout: nothing may come from there
            problem = f"exit status {out.returncode}" if out.returncode else (check(out) if check else None)
            if "Traceback" in out.stderr:
                problem = problem or "a traceback on stderr"
        except subprocess.TimeoutExpired:
            out, problem = None, f"no answer in {timeout:.0f} s"
        took = time.monotonic() - started
        if problem:
            self.failed.append(name)
            print(f"  FAIL  {name} ({problem}, {took:.1f} s)")
            if out is not None:
                print(
                    "\n".join(
                        f"        {line}" for line in (out.stdout + out.stderr).strip().splitlines()[-25:]
                    )
                )
        else:
            print(f"  ok    {name} ({took:.1f} s)", flush=True)


def first_paint(out) -> str | None:
    return None if "first paint after" in out.stdout else "no 'first paint' line"


def catalog_json(out) -> str | None:
    data = json.loads(out.stdout)
    if len(data.get("exercises", [])) < 10 or not data.get("routines"):
        return f"a catalog of {len(data.get('exercises', []))} exercises"
    return None


def migrated(data_dir: Path):
    def check(out) -> str | None:
        if json.loads(out.stdout) != {"sessions": [], "breaks": []}:
            return "the new history is not empty"
        with sqlite3.connect(data_dir / "history.sqlite3") as connection:
            tables = {
                name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            stamped = [rev for (rev,) in connection.execute("SELECT version_num FROM alembic_version")]
            healthy = connection.execute("PRAGMA integrity_check").fetchone()[0]
        connection.close()
        heads = sorted(
            path.name.split("_", 1)[0]
            for path in (ROOT / "desktop" / "storage" / "migrations" / "versions").glob("[0-9]*.py")
        )
        if not {"sessions", "sets", "breaks", "pain_ratings", "settings"} <= tables:
            return f"tables after migrating: {sorted(tables)}"
        if stamped != heads[-1:]:
            return f"stamped {stamped}, the newest migration is {heads[-1]}"
        return None if healthy == "ok" else f"integrity_check: {healthy}"

    return check


def session_done(out) -> str | None:
    if "No QtMultimedia backends found" in out.stderr:
        return "the FFmpeg multimedia plugin did not load (run with QT_DEBUG_PLUGINS=1 to see why)"
    return None if "session completed" in out.stdout else "no 'session completed' line"


def painted_with_assets(out) -> str | None:
    if "was not loaded" in out.stderr:  # a shipped data file missing or unreadable in the bundle
        return out.stderr.strip().splitlines()[-1]
    return first_paint(out)


def smoke(app: Path) -> list[str]:
    print(f"smoke-testing {app}", flush=True)
    with tempfile.TemporaryDirectory(prefix="upright-smoke-") as tmp:
        folder = Path(tmp)
        test = Smoke(app, folder)
        test.run(
            "--version", "--version", check=lambda out: None if "Upright" in out.stdout else "no version"
        )
        test.run(
            "window paints offscreen",
            "--data-dir",
            str(folder / "data"),
            "--exit-after-paint",
            check=painted_with_assets,
        )
        test.run("catalog --json", "catalog", "--json", check=catalog_json)
        fresh = folder / "fresh"
        test.run(
            "database migrated from scratch",
            "--data-dir",
            str(fresh),
            "history",
            "--json",
            check=migrated(fresh),
        )
        test.run(
            "a session with sound and speech plugins",
            "--data-dir",
            str(folder / "data"),
            "run",
            "stand-and-extend",
            "--auto",
            "--speed",
            "200",
            check=session_done,
        )
        return test.failed


def size_report(folder: Path) -> None:
    sizes: dict[str, int] = {}
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            total += size
            relative = path.relative_to(folder).parts
            key = "/".join(relative[:3]) if relative[0] == "_internal" else relative[0]
            sizes[key] = sizes.get(key, 0) + size
    print(f"{folder}: {total / 2**20:.0f} MB in {sum(1 for p in folder.rglob('*') if p.is_file())} files")
    for key, size in sorted(sizes.items(), key=lambda item: -item[1])[:12]:
        print(f"  {size / 2**20:7.1f} MB  {key}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="only smoke-test dist/upright as it is")
    args = parser.parse_args(argv)
    if not args.no_build:
        build()
    app = executable()
    if not app.exists():
        print(f"{app} does not exist; build it first", file=sys.stderr)
        return 1
    failed = smoke(app)
    size_report(app.parent)
    if failed:
        print(f"smoke test FAILED: {', '.join(failed)}")
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
