"""Idle time on Wayland: ext-idle-notify-v1 against a protocol-level test compositor, and
org_kde_kwin_idle against a real one (sway, headless, run as an unprivileged user)."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from desktop.platform.idle import IdleUnavailable, pick_idle_source
from desktop.platform.idle_wayland import WaylandIdle
from tests.platform.wayland_server import IdleCompositor
from tests.waiting import eventually, until


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def runtime_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


@pytest.fixture
def compositor(runtime_dir):
    server = IdleCompositor()
    yield server
    server.close()


def test_ext_idle_notify_reports_idleness_to_the_second_and_input_at_once(compositor):
    clock = FakeClock()

    async def scenario():
        source = WaylandIdle(compositor.socket, timeout_s=60, clock=clock)
        present = source.idle_seconds()
        compositor.idle()
        await eventually(lambda: source.idle_seconds() != 0.0, "the idled event")
        clock.now += 240  # four more minutes with no input
        idle = source.idle_seconds()
        compositor.input()
        await eventually(lambda: source.idle_seconds() == 0.0, "the resumed event")
        source.close()
        return source.name, present, idle

    name, present, idle = asyncio.run(scenario())
    assert name == "ext-idle-notify-v1"
    assert compositor.timeouts == [60_000]
    assert present == 0.0
    assert idle == pytest.approx(60 + 240)  # the timeout itself was idle too


def test_without_a_running_loop_each_poll_catches_up(compositor):
    source = WaylandIdle(compositor.socket, timeout_s=30, clock=FakeClock())
    compositor.idle()
    until(lambda: source.idle_seconds() != 0.0, "the idled event", 10)  # each call: a round trip
    assert source.idle_seconds() == pytest.approx(30)
    source.close()


def test_a_compositor_without_either_protocol_is_named(runtime_dir):
    server = IdleCompositor(idle_notify=False)
    try:
        with pytest.raises(IdleUnavailable, match="offers neither ext-idle-notify-v1 nor org_kde_kwin_idle"):
            WaylandIdle(server.socket)
    finally:
        server.close()


def test_no_compositor_is_said_plainly(runtime_dir):
    with pytest.raises(IdleUnavailable, match="cannot connect to the Wayland display"):
        WaylandIdle(str(runtime_dir / "wayland-none"))


def test_a_wayland_session_picks_the_compositor_and_says_so_once(compositor, caplog):
    async def scenario():
        with caplog.at_level(logging.INFO, logger="upright.platform"):
            source = pick_idle_source(platform="linux", env={"WAYLAND_DISPLAY": compositor.socket})
            source.close()
        return source.name

    assert asyncio.run(scenario()) == "ext-idle-notify-v1"
    assert [r.getMessage() for r in caplog.records] == ["idle time: ext-idle-notify-v1"]


def test_without_a_compositor_a_wayland_session_asks_the_session_bus(runtime_dir, no_bus, caplog):
    env = {"WAYLAND_DISPLAY": str(runtime_dir / "wayland-none"), "DISPLAY": ":99"}
    with caplog.at_level(logging.INFO, logger="upright.platform"):
        source = pick_idle_source(platform="linux", env=env, bus_address=no_bus)
    assert source.name == "d-bus"  # GNOME's Mutter IdleMonitor, asked on the first poll
    assert "cannot connect to the Wayland display" in caplog.records[0].getMessage()
    source.close()


@pytest.fixture
def sway(tmp_path):
    """sway 1.7 with its headless backend, as user nobody (it refuses to run as root)."""
    for tool in ("sway", "swaymsg", "setpriv"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: `bash packaging/bootstrap.sh test` installs sway")
    run_dir = Path(tempfile.mkdtemp(prefix="upright-sway-"))  # pytest's own folders are root's alone
    os.chown(run_dir, 65534, 65534)
    env = {
        "XDG_RUNTIME_DIR": str(run_dir),
        "HOME": str(run_dir),
        "PATH": "/usr/bin:/bin",
        "WLR_BACKENDS": "headless",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
    }
    command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "sway", "-c", "/dev/null"]
    log = (tmp_path / "sway.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        until(
            lambda: list(run_dir.glob("sway-ipc.*.sock")),
            lambda: f"sway to start headless: {(tmp_path / 'sway.log').read_text()[-500:]}",
            20,
        )
        sockets = [
            p for p in run_dir.iterdir() if p.name.startswith("wayland-") and not p.name.endswith(".lock")
        ]
        ipc = list(run_dir.glob("sway-ipc.*.sock"))
        assert sockets and ipc, f"sway made no Wayland socket: {(tmp_path / 'sway.log').read_text()[-500:]}"
        yield sockets[0], ipc[0]
    finally:
        server.terminate()
        server.wait(10)
        log.close()
        shutil.rmtree(run_dir, ignore_errors=True)


def test_sway_offers_org_kde_kwin_idle_and_its_cursor_ends_idleness(sway):
    display, ipc = sway

    async def scenario():
        source = WaylandIdle(str(display), timeout_s=1.0)
        await eventually(lambda: source.idle_seconds() > 0, "sway to report one idle second")
        idle = source.idle_seconds()
        moved = subprocess.run(
            ["swaymsg", "-s", str(ipc), "seat", "-", "cursor", "move", "10", "10"],
            capture_output=True,
            text=True,
            timeout=10,
        )
        await eventually(lambda: source.idle_seconds() == 0.0, "the cursor move to end idleness")
        source.close()
        return source.name, idle, moved.returncode

    name, idle, moved = asyncio.run(scenario())
    assert name == "org_kde_kwin_idle"
    assert idle >= 1.0 and moved == 0
