"""Login items: the XDG entry for real in a temporary XDG_CONFIG_HOME, the Windows Run value in a
fake registry, the macOS LaunchAgent in a temporary home."""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.platform.autostart import (
    APPROVED_KEY,
    RUN_KEY,
    AutostartError,
    exec_value,
    is_autostart_enabled,
    set_autostart,
    tray_command,
)

COMMAND = ["/usr/bin/upright", "--tray"]


def config_home() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"])  # a temporary folder, set by tests/conftest.py


def parse_exec(value: str) -> list[str]:
    """The Desktop Entry spec's reading of an Exec value, written from the spec independently."""
    unescaped, chars = [], iter(value)
    for char in chars:
        unescaped.append(
            {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[next(chars)] if char == "\\" else char
        )
    args, current, quoted, started = [], [], False, False
    chars = iter(unescaped)
    for char in chars:
        if quoted and char == "\\":
            current.append(next(chars))
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started:
                args.append("".join(current))
            current, started = [], False
        else:
            current.append(char)
            started = True
    if started:
        args.append("".join(current))
    return [arg.replace("%%", "%") for arg in args]


def test_linux_entry_starts_upright_in_the_tray():
    path = set_autostart(True, COMMAND, platform="linux")
    assert path == config_home() / "autostart" / "upright.desktop"
    assert path.read_text() == (
        "[Desktop Entry]\nType=Application\nName=Upright\n"
        "Comment=Back-care routines and sit-break reminders\n"
        "Exec=/usr/bin/upright --tray\nTerminal=false\nX-GNOME-Autostart-enabled=true\n"
    )
    assert is_autostart_enabled(platform="linux")


def test_linux_entry_is_removed_and_removing_twice_is_fine():
    set_autostart(True, COMMAND, platform="linux")
    path = set_autostart(False, COMMAND, platform="linux")
    assert not path.exists()
    assert not is_autostart_enabled(platform="linux")
    assert set_autostart(False, COMMAND, platform="linux") == path


def test_default_command_is_this_interpreter_in_the_tray():
    command = tray_command()
    assert command == [sys.executable, "-m", "desktop", "--tray"]
    set_autostart(True, platform="linux")
    assert f"Exec={exec_value(command)}\n" in (config_home() / "autostart" / "upright.desktop").read_text()


def test_relative_xdg_config_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert (
        set_autostart(True, COMMAND, platform="linux") == tmp_path / "home/.config/autostart/upright.desktop"
    )


@pytest.mark.parametrize("switch", ["X-GNOME-Autostart-enabled=false", "Hidden=true"])
def test_the_users_own_off_switch_is_respected(switch):
    path = set_autostart(True, COMMAND, platform="linux")
    path.write_text(path.read_text().replace("X-GNOME-Autostart-enabled=true", switch))
    assert not is_autostart_enabled(platform="linux")


@pytest.mark.parametrize(
    ("command", "exec_line"),
    [
        (["/opt/Up right/upright", "--tray"], '"/opt/Up right/upright" --tray'),
        (["upright", "$HOME"], 'upright "\\\\$HOME"'),
        (["upright", "C:\\x"], 'upright "C:\\\\\\\\x"'),  # four backslashes in the file for one
        (["upright", "100%"], "upright 100%%"),
        (["upright", 'say "hi"'], 'upright "say \\\\"hi\\\\""'),
        (["upright", ""], 'upright ""'),
    ],
)
def test_exec_is_quoted_per_the_desktop_entry_spec(command, exec_line):
    assert exec_value(command) == exec_line
    assert parse_exec(exec_line) == command


@given(
    st.lists(
        st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12),
        min_size=1,
        max_size=5,
    )
)
def test_any_command_survives_the_round_trip(command):
    assert parse_exec(exec_value(command)) == command


def test_an_unwritable_folder_raises_a_clear_autostart_error():
    # A file where the autostart folder should be fails even for root, who ignores permissions.
    config_home().mkdir(parents=True, exist_ok=True)
    (config_home() / "autostart").write_text("not a folder")
    with pytest.raises(AutostartError, match=r"autostart/upright\.desktop") as caught:
        set_autostart(True, COMMAND, platform="linux")
    assert isinstance(caught.value, OSError)
    assert not is_autostart_enabled(platform="linux")


def test_an_unremovable_entry_raises_a_clear_autostart_error():
    (config_home() / "autostart" / "upright.desktop").mkdir(parents=True)
    with pytest.raises(AutostartError, match=r"Could not remove the login item .*upright\.desktop"):
        set_autostart(False, COMMAND, platform="linux")


class FakeKey:
    def __init__(self, values: dict) -> None:
        self.values = values

    def __enter__(self) -> dict:
        return self.values

    def __exit__(self, *exc) -> None:
        pass


class FakeWinreg:
    """The slice of winreg the adapter uses, over a dict of HKCU key paths."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE = 2
    REG_SZ = 1
    REG_BINARY = 3

    def __init__(self, read_only: bool = False) -> None:
        self.keys: dict[str, dict] = {}
        self.read_only = read_only

    def CreateKeyEx(self, root, name, reserved, access):
        return FakeKey(self.keys.setdefault(name, {}))

    def OpenKey(self, root, name, reserved=0, access=0):
        if name not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return FakeKey(self.keys[name])

    def SetValueEx(self, values, name, reserved, kind, data):
        if self.read_only:
            raise PermissionError(5, "Access is denied")
        values[name] = (data, kind)

    def QueryValueEx(self, values, name):
        if name not in values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return values[name]

    def DeleteValue(self, values, name):
        if name not in values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del values[name]


def test_windows_run_value_is_written_quoted_and_removed():
    registry = FakeWinreg()
    command = [r"C:\Program Files\Upright\pythonw.exe", "-m", "desktop", "--tray"]
    where = set_autostart(True, command, platform="win32", registry=registry)
    assert where == r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run\Upright"
    value = registry.keys[RUN_KEY]["Upright"]
    assert value == ('"C:\\Program Files\\Upright\\pythonw.exe" -m desktop --tray', FakeWinreg.REG_SZ)
    assert is_autostart_enabled(platform="win32", registry=registry)
    set_autostart(False, command, platform="win32", registry=registry)
    assert "Upright" not in registry.keys[RUN_KEY]
    assert not is_autostart_enabled(platform="win32", registry=registry)
    set_autostart(False, command, platform="win32", registry=FakeWinreg())  # no Run key at all: fine


def test_windows_task_manager_off_switch_is_read_and_cleared_on_enable():
    registry = FakeWinreg()
    set_autostart(True, COMMAND, platform="win32", registry=registry)
    registry.keys[APPROVED_KEY] = {"Upright": (b"\x03" + bytes(11), FakeWinreg.REG_BINARY)}
    assert not is_autostart_enabled(platform="win32", registry=registry)
    set_autostart(True, COMMAND, platform="win32", registry=registry)
    assert is_autostart_enabled(platform="win32", registry=registry)


def test_windows_access_denied_names_the_registry_value():
    with pytest.raises(AutostartError, match=r"CurrentVersion\\Run\\Upright"):
        set_autostart(True, COMMAND, platform="win32", registry=FakeWinreg(read_only=True))


def test_windows_run_value_is_a_command_line_windows_splits_back():
    registry = FakeWinreg()
    command = [r"C:\Users\Zoë O'Neil\up.exe", 'a "b"', "--tray"]
    set_autostart(True, command, platform="win32", registry=registry)
    assert registry.keys[RUN_KEY]["Upright"][0] == subprocess.list2cmdline(command)


def test_macos_launch_agent_is_written_and_removed(tmp_path):
    home = tmp_path / "home"
    path = set_autostart(True, COMMAND, platform="darwin", home=home)
    assert path == home / "Library/LaunchAgents/io.github.upright.Upright.plist"
    assert plistlib.loads(path.read_bytes()) == {
        "Label": "io.github.upright.Upright",
        "ProgramArguments": COMMAND,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    assert is_autostart_enabled(platform="darwin", home=home)
    set_autostart(False, COMMAND, platform="darwin", home=home)
    assert not path.exists()
    assert not is_autostart_enabled(platform="darwin", home=home)


def test_macos_disabled_or_broken_agent_is_off(tmp_path):
    path = set_autostart(True, COMMAND, platform="darwin", home=tmp_path)
    path.write_bytes(plistlib.dumps({"Label": "io.github.upright.Upright", "Disabled": True}))
    assert not is_autostart_enabled(platform="darwin", home=tmp_path)
    path.write_bytes(b"not a plist")
    assert not is_autostart_enabled(platform="darwin", home=tmp_path)
