"""Quiet moments: do-not-disturb on a private bus and through a fake gsettings, full-screen on a
real Xvfb and with fake xprop output, calls with a fake /proc tree."""

import asyncio
import logging
import os
import subprocess

import pytest

from desktop.platform._support import BackgroundQuery
from desktop.platform.quiet import NotificationsInhibited, dnd_active, fullscreen_active, in_call
from tests.platform.dbus_fakes import Notifications, ScreenSaver, serve

GNOME = {"XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}


def fake_run(outputs: dict[str, str | BaseException], calls: list | None = None):
    """A subprocess.run whose answer is picked by the command line's last word; rc 1 for "!..."."""

    def run(argv, **kwargs):
        if calls is not None:
            calls.append(argv)
        answer = outputs[argv[-1]]
        if isinstance(answer, BaseException):
            raise answer
        failed = answer.startswith("!")
        return subprocess.CompletedProcess(argv, 1 if failed else 0, stdout=answer.lstrip("!"), stderr="")

    return run


class Answer(BackgroundQuery):
    """A notification server's answer, already fetched."""

    def __init__(self, value: bool | None) -> None:
        super().__init__()
        self.latest = value


@pytest.mark.parametrize("inhibited", [True, False])
def test_dnd_from_the_notification_servers_inhibited_property(session_bus, inhibited):
    async def scenario():
        server = await serve(
            session_bus,
            "org.freedesktop.Notifications",
            {"/org/freedesktop/Notifications": Notifications(inhibited)},
        )
        query = NotificationsInhibited(bus_address=session_bus)
        first = dnd_active(env={}, inhibited=query)  # the question goes out; no answer yet
        await query.refresh()
        answer = dnd_active(env={}, inhibited=query)
        query.close()
        server.disconnect()
        return first, answer

    assert asyncio.run(scenario()) == (None, inhibited)


def test_a_server_without_the_property_is_no_answer(session_bus):
    async def scenario():
        server = await serve(
            session_bus, "org.freedesktop.Notifications", {"/org/freedesktop/Notifications": ScreenSaver(0)}
        )  # wrong interface there
        query = NotificationsInhibited(bus_address=session_bus)
        answer = await query.refresh()
        query.close()
        server.disconnect()
        return answer

    assert asyncio.run(scenario()) is None


@pytest.mark.parametrize(("banners", "dnd"), [("false\n", True), ("true\n", False)])
def test_dnd_on_gnome_is_banners_off(banners, dnd):
    run = fake_run({"show-banners": banners})
    assert dnd_active(env=GNOME, run=run, inhibited=Answer(None)) is dnd


def test_the_servers_answer_wins_over_gnomes_setting():
    calls = []
    assert dnd_active(env=GNOME, run=fake_run({}, calls), inhibited=Answer(False)) is False
    assert calls == []


def test_gsettings_is_not_asked_off_gnome():
    calls = []
    env = {"XDG_CURRENT_DESKTOP": "KDE"}
    assert dnd_active(env=env, run=fake_run({}, calls), inhibited=Answer(None)) is None
    assert calls == []


@pytest.mark.parametrize("answer", [FileNotFoundError("gsettings"), "!No such schema\n", "'weird'\n"])
def test_dnd_unknown_without_a_usable_answer(answer, caplog):
    caplog.set_level(logging.INFO, "upright.platform")
    run = fake_run({"show-banners": answer})
    assert dnd_active(env=GNOME, run=run, inhibited=Answer(None)) is None
    assert "do-not-disturb: not available" in caplog.text


def test_dnd_on_this_machine_answers_without_raising():
    assert dnd_active() in (True, False, None)


ACTIVE = "_NET_ACTIVE_WINDOW(WINDOW): window id # 0x3a00007\n"
X11 = {"DISPLAY": ":0"}


@pytest.mark.parametrize(
    ("state", "full"),
    [
        ("_NET_WM_STATE(ATOM) = _NET_WM_STATE_FULLSCREEN, _NET_WM_STATE_FOCUSED\n", True),
        ("_NET_WM_STATE(ATOM) = _NET_WM_STATE_MAXIMIZED_VERT, _NET_WM_STATE_MAXIMIZED_HORZ\n", False),
        ("_NET_WM_STATE:  not found.\n", False),
        ("!X Error of failed request:  BadWindow\n", None),  # the window closed between the two calls
    ],
)
def test_fullscreen_reads_the_active_windows_state(state, full):
    calls = []
    assert (
        fullscreen_active(
            env=X11, run=fake_run({"_NET_ACTIVE_WINDOW": ACTIVE, "_NET_WM_STATE": state}, calls)
        )
        is full
    )
    assert calls[1][:3] == ["xprop", "-id", "0x3a00007"]


def test_no_focused_window_is_not_fullscreen():
    answers = {"_NET_ACTIVE_WINDOW": "_NET_ACTIVE_WINDOW(WINDOW): window id # 0x0\n"}
    assert fullscreen_active(env=X11, run=fake_run(answers)) is False


@pytest.mark.parametrize("active", ["_NET_ACTIVE_WINDOW:  not found.\n", FileNotFoundError("xprop")])
def test_fullscreen_unknown_without_ewmh_or_xprop(active):
    assert fullscreen_active(env=X11, run=fake_run({"_NET_ACTIVE_WINDOW": active})) is None


@pytest.mark.parametrize(
    "env",
    [{}, {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, {"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}],
)
def test_fullscreen_unknown_without_an_x11_session(env):
    assert fullscreen_active(env=env, run=fake_run({})) is None


@pytest.mark.slow
def test_fullscreen_on_a_real_x_server(xvfb):
    """Xvfb has no window manager, so the test plays one: it sets the EWMH hints on the root window."""
    env = {**os.environ, "DISPLAY": xvfb}
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("XDG_SESSION_TYPE", None)

    def xprop(*args: str) -> None:
        subprocess.run(["xprop", "-root", *args], env=env, check=True)

    assert fullscreen_active(env=env) is None  # no window manager, no answer
    root = subprocess.run(["xwininfo", "-root"], env=env, capture_output=True, text=True, check=True).stdout
    root_id = root.split("Window id: ")[1].split()[0]
    try:
        xprop("-f", "_NET_ACTIVE_WINDOW", "32x", "-set", "_NET_ACTIVE_WINDOW", root_id)
        xprop("-f", "_NET_WM_STATE", "32a", "-set", "_NET_WM_STATE", "_NET_WM_STATE_FULLSCREEN")
        assert fullscreen_active(env=env) is True
        xprop("-f", "_NET_WM_STATE", "32a", "-set", "_NET_WM_STATE", "_NET_WM_STATE_ABOVE")
        assert fullscreen_active(env=env) is False
    finally:
        xprop("-remove", "_NET_ACTIVE_WINDOW")
        xprop("-remove", "_NET_WM_STATE")


def make_proc(tmp_path, *, capture_state: str | None = None, camera_holder: bool = False):
    """A /proc and /dev with one sound card and one camera, shaped like the real ones."""
    proc, dev = tmp_path / "proc", tmp_path / "dev"
    (proc / "self").mkdir(parents=True)
    (dev / "video0").parent.mkdir()
    (dev / "video0").touch()
    if capture_state is not None:
        status = proc / "asound" / "card0" / "pcm0c" / "sub0" / "status"
        status.parent.mkdir(parents=True)
        status.write_text(f"state: {capture_state}\nowner_pid   : 4242\n" if capture_state else "closed\n")
        (proc / "asound" / "card0" / "pcm0p" / "sub0").mkdir(parents=True)
        (proc / "asound" / "card0" / "pcm0p" / "sub0" / "status").write_text("state: RUNNING\n")  # playback
    for pid, target in [("100", "/dev/null"), ("200", str(dev / ("video0" if camera_holder else "dri")))]:
        (proc / pid / "fd").mkdir(parents=True)
        (proc / pid / "fd" / "3").symlink_to(target)
    (proc / "300").mkdir()  # a process whose fds we may not read
    return proc, dev


@pytest.mark.parametrize(("state", "expected"), [("RUNNING", True), ("PREPARED", False), ("", False)])
def test_a_running_microphone_means_a_call(tmp_path, state, expected):
    proc, dev = make_proc(tmp_path, capture_state=state)
    assert in_call(platform="linux", proc=proc, dev=dev) is expected


def test_playback_alone_is_not_a_call(tmp_path):
    proc, dev = make_proc(tmp_path, capture_state="SETUP")
    assert in_call(platform="linux", proc=proc, dev=dev) is False


def test_an_open_camera_means_a_call_even_without_alsa(tmp_path):
    proc, dev = make_proc(tmp_path, camera_holder=True)
    assert in_call(platform="linux", proc=proc, dev=dev) is True


def test_without_alsa_a_closed_camera_proves_nothing(tmp_path):
    proc, dev = make_proc(tmp_path)
    assert in_call(platform="linux", proc=proc, dev=dev) is None


def test_no_camera_device_skips_the_scan(tmp_path):
    proc, dev = make_proc(tmp_path, capture_state="PREPARED")
    (dev / "video0").unlink()
    assert in_call(platform="linux", proc=proc, dev=dev) is False


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_in_call_unknown_off_linux(tmp_path, platform):
    proc, dev = make_proc(tmp_path, capture_state="RUNNING")
    assert in_call(platform=platform, proc=proc, dev=dev) is None


def test_in_call_on_this_machine_answers_without_raising():
    assert in_call() in (True, False, None)
