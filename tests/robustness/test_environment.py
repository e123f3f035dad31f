"""The environment Upright starts in, tried with real processes: locales, pipes, no display, a second start.

- Output works in a non-UTF-8 locale (a real ISO-8859-1 locale built with
  ``localedef``, and ASCII-only C): no traceback, JSON still parses to the same
  data, and an import that succeeded says so (a retry would make a copy).
- Output into a closed pipe ends quietly with the conventional status 141.
- Without a display, or with one nobody answers, one line and exit 2.
- Single instance: two simultaneous starts leave exactly one; a name squatted
  in /tmp by someone else and a non-private XDG_RUNTIME_DIR change nothing; a
  socket left by a killed instance is taken over by the next start.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.waiting import until

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_NAME = "Caf\u00e9 \u201cbreak\u201d \u2615 \u0130\u0131 \u4e2d"


_SHORT: list[Path] = []


@pytest.fixture(autouse=True)
def _remove_short_dirs():
    yield
    while _SHORT:
        shutil.rmtree(_SHORT.pop(), ignore_errors=True)


def short_dir(tmp_path: Path) -> Path:
    """A folder with a short path: a socket's whole path must fit in 107 bytes, pytest's do not."""
    link = tmp_path / "short"
    if not link.exists():
        _SHORT.append(Path(tempfile.mkdtemp(prefix="upr-", dir="/tmp")))
        link.symlink_to(_SHORT[-1])
    return link.resolve()


def upright_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "LC_ALL", "LANG")}
    env.update(
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        UPRIGHT_DATA_DIR=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(short_dir(tmp_path) / "cache"),
        XDG_RUNTIME_DIR=str(private_dir(short_dir(tmp_path) / "runtime")),
    )
    env.update(extra)
    return env


def private_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def upright(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], env=env, capture_output=True, timeout=timeout, check=False
    )


# -- locales ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def latin1_locale(tmp_path_factory) -> dict[str, str]:
    """A real ISO-8859-1 locale: built with localedef into a private folder (the locales package)."""
    where = tmp_path_factory.mktemp("locales")
    if shutil.which("localedef") is None:
        return {"PYTHONIOENCODING": "iso-8859-1"}  # what such a locale gives Python, where none can be built
    subprocess.run(
        ["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(where / "en_US.ISO-8859-1")],
        check=True,
        capture_output=True,
    )
    return {"LOCPATH": str(where), "LC_ALL": "en_US.ISO-8859-1"}


@pytest.mark.parametrize("locale", ["latin1", "ascii"])
def test_every_listing_works_in_a_locale_without_utf8(tmp_path, latin1_locale, locale):
    env = upright_env(tmp_path)
    routine = tmp_path / "r.json"
    routine.write_text(
        json.dumps(
            {
                "format": "upright-routine",
                "version": 1,
                "routine": {
                    "id": "cafe",
                    "name": HOSTILE_NAME,
                    "description": "\u00bfQu\u00e9? \u2014 \u2615",
                    "items": [{"exercise": "cat-cow", "reps": 5}],
                },
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    odd = {**env, **latin1_locale} if locale == "latin1" else {**env, "LC_ALL": "C", "PYTHONUTF8": "0"}
    if locale == "ascii":
        odd["PYTHONCOERCECLOCALE"] = "0"
    imported = upright(odd, "import", str(routine))
    assert imported.returncode == 0 and imported.stderr == b"", imported.stderr.decode(errors="replace")
    assert b"Imported" in imported.stdout
    utf8 = {}
    for args in (("catalog", "--json"), ("routines", "--json")):
        plain = upright(env, *args)
        narrow = upright(odd, *args)
        assert narrow.returncode == 0 and narrow.stderr == b""
        narrow.stdout.decode("ascii")  # every non-ASCII character escaped as JSON \\uXXXX
        assert json.loads(narrow.stdout) == json.loads(plain.stdout)
        utf8[args[0]] = json.loads(plain.stdout)
    assert [r["name"] for r in utf8["routines"]["routines"] if r["id"] == "cafe"] == [HOSTILE_NAME]
    for args in (("catalog",), ("routines",), ("history",)):
        table = upright(odd, *args)
        assert table.returncode == 0 and table.stderr == b"" and b"Traceback" not in table.stdout
    listed = upright(odd, "routines").stdout
    assert listed.count(b"cafe") == 1  # imported once: the import did not fail after storing it


# -- a closed pipe ---------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [("catalog", "--json"), ("routines", "--json"), ("catalog",)])
def test_a_closed_pipe_ends_quietly(tmp_path, args):
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", *args],
        env=upright_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    head = process.stdout.read(10)
    process.stdout.close()  # as `| head -c 10` does
    code = process.wait(timeout=120)
    assert len(head) == 10
    assert process.stderr.read() == b""
    assert code in (0, 128 + signal.SIGPIPE)  # 0 when all of it fitted in the pipe before it closed


def test_a_closed_pipe_with_more_than_the_pipe_holds_exits_141(tmp_path):
    reader, writer = os.pipe()
    os.close(reader)  # nobody will ever read
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "catalog", "--json"],
        env=upright_env(tmp_path),
        stdout=writer,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )
    os.close(writer)
    assert done.returncode == 141 and done.stderr == b""


# -- no display -----------------------------------------------------------------------------------


def free_display() -> str:
    taken = {p.name for p in Path("/tmp/.X11-unix").glob("X*")} if Path("/tmp/.X11-unix").exists() else set()
    return next(f":{n}" for n in range(90, 200) if f"X{n}" not in taken)


@pytest.mark.parametrize(
    ("display", "args"),
    [
        ({}, ()),
        ({}, ("--tray",)),
        ({}, ("run", "tweaked-back")),
        ({"DISPLAY": "<free>"}, ()),
        ({"WAYLAND_DISPLAY": "wayland-upright-test"}, ()),
        ({"QT_QPA_PLATFORM": "xcb"}, ()),
    ],
)
def test_no_display_is_one_line_and_exit_2(tmp_path, display, args):
    env = upright_env(tmp_path)
    del env["QT_QPA_PLATFORM"]
    env.update({k: free_display() if v == "<free>" else v for k, v in display.items()})
    done = upright(env, *args, timeout=60)
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 2 and len(lines) == 1, done.stderr.decode()
    assert (
        lines[0].startswith("Upright needs a graphical session") and "QT_QPA_PLATFORM=offscreen" in lines[0]
    )
    assert "xcb-cursor" not in lines[0]


# -- single instance ------------------------------------------------------------------------------


def start(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--tray"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def listening(folder: Path) -> Path | None:
    """The instance's socket in ``folder`` if something accepts connections on it."""
    for path in folder.glob("upright-*.sock"):
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(str(path))
                return path
            except OSError:
                pass
    return None


def wait_listening(folder: Path, timeout: float = 60) -> Path:
    """The instance's socket once something accepts connections on it."""
    folder = folder.resolve()  # a socket path must fit in 107 bytes: not through pytest's long names
    return until(lambda: listening(folder), f"an instance listening in {folder}", timeout)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_two_simultaneous_starts_leave_exactly_one(tmp_path):
    env = upright_env(tmp_path)
    first, second = start(env), start(env)
    try:
        wait_listening(tmp_path / "short" / "runtime")
        until(lambda: first.poll() is not None or second.poll() is not None, "one of the two to exit", 60)
        third = upright(env, "--tray", timeout=60)  # after the loser has gone, the winner still answers
        assert third.returncode == 0 and b"already running" in third.stdout, third
        states = [p.poll() for p in (first, second)]
        assert sorted(states, key=lambda s: s is None) == [0, None], states
        loser = first if first.poll() is not None else second
        assert b"already running" in loser.stdout.read()  # type: ignore[union-attr]
    finally:
        stop(first)
        stop(second)


def test_squatted_names_and_a_killed_instance_do_not_block_starting(tmp_path):
    # Another user's tricks: the old socket name in /tmp answered by a stranger, and a
    # runtime folder anyone may write to (so Upright must not trust it).
    squat = Path("/tmp") / f"upright-{os.environ.get('USER') or os.getuid()}"
    stranger = socket.socket(socket.AF_UNIX)
    squatted = not squat.exists()
    if squatted:
        stranger.bind(str(squat))
        stranger.listen()
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    env = upright_env(tmp_path, XDG_RUNTIME_DIR=str(shared))
    first = start(env)
    try:
        path = wait_listening(tmp_path / "short" / "cache" / "upright" / "run")
        assert not list(shared.iterdir())  # nothing was put in the folder others can write to
        assert (path.parent.stat().st_mode & 0o777) == 0o700
        first.kill()  # no clean-up: the socket and lock file stay behind
        first.wait()
        assert path.exists()
        second = start(env)
        try:
            wait_listening(path.parent)
            third = upright(env, "--tray", timeout=60)  # the new instance answers the next start
            assert third.returncode == 0 and b"already running" in third.stdout
            assert second.poll() is None
        finally:
            stop(second)
    finally:
        stop(first)
        stranger.close()
        if squatted:
            squat.unlink(missing_ok=True)


def test_a_runtime_folder_others_can_enter_or_own_is_not_used(tmp_path, monkeypatch):
    from desktop.app.single_instance import runtime_dir

    cache = short_dir(tmp_path) / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    owners = ((0o755, os.getuid()), (0o700, 65534)) if os.getuid() == 0 else ((0o755, os.getuid()),)
    for mode, owner in owners:  # only root can give a folder to another user
        folder = short_dir(tmp_path) / f"runtime-{mode:o}-{owner}"
        folder.mkdir(mode=mode)
        folder.chmod(mode)
        if owner != os.getuid():
            os.chown(folder, owner, -1)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
        assert runtime_dir() == cache / "upright" / "run"
    private = private_dir(short_dir(tmp_path) / "runtime-ok")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(private))
    assert runtime_dir() == private


def test_an_import_whose_message_cannot_be_written_stores_nothing(tmp_path):
    """The confirmation is written before the import commits: after a closed pipe, a retry makes no copy."""
    env = upright_env(tmp_path)
    routine = tmp_path / "r.json"
    routine.write_text(
        json.dumps(
            {
                "format": "upright-routine",
                "version": 1,
                "routine": {
                    "id": "desk",
                    "name": "Desk",
                    "description": "D",
                    "items": [{"exercise": "cat-cow"}],
                },
            }
        )
    )
    reader, writer = os.pipe()
    os.close(reader)
    closed = subprocess.run(
        [sys.executable, "-m", "desktop", "import", str(routine)],
        env=env,
        stdout=writer,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )
    os.close(writer)
    assert closed.returncode == 141 and closed.stderr == b""
    again = upright(env, "import", str(routine))
    assert again.returncode == 0 and b"as desk." in again.stdout and b"copy" not in again.stdout
    ids = [r["id"] for r in json.loads(upright(env, "routines", "--json").stdout)["routines"]]
    assert ids.count("desk") == 1 and "desk-copy" not in ids


def test_on_windows_the_instance_listens_on_a_pipe_name_in_the_users_own_folder(tmp_path, monkeypatch):
    """Windows has no flock and no socket paths: the lock is msvcrt's (desktop/storage/file_lock.py),
    the folder the profile's own, and the endpoint a pipe name without a path's backslashes."""
    import platformdirs

    from desktop.app import single_instance

    monkeypatch.setattr(single_instance.sys, "platform", "win32")
    monkeypatch.setattr(platformdirs, "user_runtime_dir", lambda *a, **k: str(tmp_path / "Local" / "Upright"))
    folder = single_instance.runtime_dir()
    path = single_instance.socket_path(tmp_path / "data", folder)
    assert folder == tmp_path / "Local" / "Upright" and folder.is_dir()
    name = single_instance.endpoint(path)
    assert name.startswith("upright-") and "/" not in name and "\\" not in name
