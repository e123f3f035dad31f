"""Starting Upright in the tray at login, the way each OS expects a per-user program to ask.

Linux desktops read XDG autostart entries, Windows the per-user Run key, and
macOS per-user LaunchAgents. Nothing needs administrator rights, and the
user's own "don't start this" switches (GNOME Tweaks, Task Manager) are read back.
"""

from __future__ import annotations

import importlib
import os
import plistlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Where Task Manager records a Run entry the user switched off (odd first byte = off).
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
VALUE_NAME = "Upright"
AGENT_LABEL = "io.github.upright.Upright"  # the app id, as in packaging/linux


class AutostartError(OSError):
    """The login item could not be written or removed; the message names where."""


def tray_command() -> list[str]:
    """This installation started in the tray: the running interpreter, so a venv starts itself.

    On Windows pythonw.exe is preferred, since python.exe would open a console at every login.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, "--tray"]
    pythonw = Path(sys.executable).with_name("pythonw.exe")
    return [str(pythonw) if pythonw.exists() else sys.executable, "-m", "desktop", "--tray"]


_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_value(command: list[str]) -> str:
    """``command`` as a Desktop Entry Exec= value: quoted as the spec says, then string-escaped."""

    def argument(arg: str) -> str:
        if arg and not _RESERVED & set(arg):
            return arg.replace("%", "%%")
        return '"' + re.sub(r'(["`$\\])', r"\\\1", arg).replace("%", "%%") + '"'

    line = " ".join(argument(arg) for arg in command)
    return line.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _write(path: Path, data: bytes) -> None:
    """Replace the file whole, so a crash never leaves half an entry for the desktop to misread."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as error:
        raise AutostartError(f"Could not write the login item {path}: {error.strerror or error}") from error


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise AutostartError(f"Could not remove the login item {path}: {error.strerror or error}") from error


class _DesktopEntry:
    def __init__(self) -> None:
        config = os.environ.get("XDG_CONFIG_HOME", "")  # the spec says to ignore a relative one
        folder = Path(config) if os.path.isabs(config) else Path.home() / ".config"
        self.location = folder / "autostart" / "upright.desktop"

    def write(self, command: list[str]) -> None:
        _write(
            self.location,
            (
                "[Desktop Entry]\nType=Application\nName=Upright\n"
                "Comment=Back-care routines and sit-break reminders\n"
                f"Exec={exec_value(command)}\nTerminal=false\nX-GNOME-Autostart-enabled=true\n"
            ).encode(),
        )

    def remove(self) -> None:
        _unlink(self.location)

    def enabled(self) -> bool:
        try:
            lines = {line.strip() for line in self.location.read_text().splitlines()}
        except (OSError, UnicodeDecodeError):
            return False
        return not lines & {"Hidden=true", "X-GNOME-Autostart-enabled=false"}


class _LaunchAgent:
    def __init__(self, home: Path) -> None:
        self.location = home / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"

    def write(self, command: list[str]) -> None:
        _write(
            self.location,
            plistlib.dumps(
                {
                    "Label": AGENT_LABEL,
                    "ProgramArguments": command,
                    "RunAtLoad": True,
                    "ProcessType": "Interactive",
                }
            ),
        )

    def remove(self) -> None:
        _unlink(self.location)

    def enabled(self) -> bool:
        try:
            agent = plistlib.loads(self.location.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError):
            return False
        return not agent.get("Disabled", False)


class _RunValue:
    location = rf"HKEY_CURRENT_USER\{RUN_KEY}\{VALUE_NAME}"

    def __init__(self, winreg: Any) -> None:
        self._reg = winreg

    def write(self, command: list[str]) -> None:
        reg = self._reg
        try:
            with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.SetValueEx(key, VALUE_NAME, 0, reg.REG_SZ, subprocess.list2cmdline(command))
        except OSError as error:
            raise AutostartError(f"Could not write the registry value {self.location}: {error}") from error
        self._delete(APPROVED_KEY)  # the user just asked for it: forget an old "off" from Task Manager

    def remove(self) -> None:
        self._delete(RUN_KEY)

    def enabled(self) -> bool:
        if self._query(RUN_KEY) is None:
            return False
        approved = self._query(APPROVED_KEY)
        return not (isinstance(approved, bytes) and approved[:1] != b"" and approved[0] & 1)

    def _query(self, key_name: str) -> Any:
        try:
            with self._reg.OpenKey(self._reg.HKEY_CURRENT_USER, key_name) as key:
                return self._reg.QueryValueEx(key, VALUE_NAME)[0]
        except OSError:
            return None

    def _delete(self, key_name: str) -> None:
        reg = self._reg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, key_name, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, VALUE_NAME)
        except FileNotFoundError:
            pass
        except OSError as error:
            raise AutostartError(f"Could not remove the registry value {self.location}: {error}") from error


def _login_item(platform: str, home: Path | None, registry: Any) -> _DesktopEntry | _LaunchAgent | _RunValue:
    if platform == "win32":
        return _RunValue(registry or importlib.import_module("winreg"))
    if platform == "darwin":
        return _LaunchAgent(home or Path.home())
    return _DesktopEntry()


def set_autostart(
    enabled: bool,
    command: list[str] | None = None,
    *,
    platform: str = sys.platform,
    home: Path | None = None,
    registry: Any = None,
) -> Path | str:
    """Add or remove the login item; returns where it lives (a file, or a registry value's path).

    ``command`` defaults to tray_command(). ``platform``, ``home`` and
    ``registry`` (a winreg-like module) are for tests. Raises AutostartError.
    """
    item = _login_item(platform, home, registry)
    if enabled:
        item.write(command or tray_command())
    else:
        item.remove()
    return item.location


def is_autostart_enabled(
    *, platform: str = sys.platform, home: Path | None = None, registry: Any = None
) -> bool:
    """Whether Upright will start at the next login; False when that cannot be read."""
    return _login_item(platform, home, registry).enabled()
