"""Reminders reach a real notification server (dunst) and are answered from the notification.

The test starts its own Xvfb, a private session bus and dunst on them. dunst's
context menu runs its configured dmenu command with the notification's
actions on standard input; a small script stands in for the person and picks
one. What the tray then records is read back from the history.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app.tray_store import TrayStore
from desktop.core.breaks import Answer
from desktop.platform.notify import start_notifier
from tests.app.test_tray import _history, coach  # noqa: F401  (the tray on fake clocks and sensors)
from tests.app_helpers import run
from tests.platform.dbus_fakes import owner_change
from tests.waiting import eventually

PICKER = """#!/bin/sh
# dunst's dmenu: the actions arrive one a line; keep them, answer with the one named in $PICK.
cat > "$SEEN"
grep -i "$PICK" "$SEEN" | head -n 1
"""


@pytest.fixture
def dunst(xvfb, session_bus, tmp_path):
    if shutil.which("dunst") is None:
        pytest.fail("dunst is missing: `bash packaging/bootstrap.sh test` installs it")
    picker = tmp_path / "pick.sh"
    picker.write_text(PICKER)
    picker.chmod(0o755)
    config = tmp_path / "dunstrc"
    config.write_text(f"[global]\n    dmenu = {picker}\n    browser = /bin/true\n")
    env = {
        **os.environ,
        "DISPLAY": xvfb,
        "DBUS_SESSION_BUS_ADDRESS": session_bus,
        "SEEN": str(tmp_path / "seen.txt"),
        "PICK": "Snooze",
    }
    server = subprocess.Popen(
        ["dunst", "-config", str(config)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield env
    finally:
        server.terminate()
        server.wait(10)


def dunstctl(env: dict[str, str], *args: str) -> str:
    return subprocess.run(["dunstctl", *args], env=env, capture_output=True, text=True, timeout=10).stdout


async def notifier_when_ready(address: str, on_answer):
    """dunst takes a moment to claim its bus name: the notifier is started once it has."""
    await owner_change(address, "org.freedesktop.Notifications", owned=True)
    notifier = await start_notifier(on_answer, bus_address=address)
    assert notifier is not None, "dunst owns its name but did not answer on the session bus"
    return notifier


def test_an_answer_in_the_notification_is_recorded_and_reminders_replace_each_other(
    dunst,
    coach,  # noqa: F811
    qapp,
):
    make, clocks, _sensors, _, data = coach
    env = dunst

    async def in_thread(*args: str) -> str:
        return await asyncio.get_running_loop().run_in_executor(None, lambda: dunstctl(env, *args))

    async def scenario():
        async def factory(on_answer):
            return await notifier_when_ready(env["DBUS_SESSION_BUS_ADDRESS"], on_answer)

        tray = make(TrayStore(data), notifier_factory=factory)
        await tray.start()
        clocks.advance(30)
        tray.wake()  # the first reminder
        await tray.settle()
        clocks.advance(10)
        tray.wake()  # unanswered, still sitting: a second one, in the first one's place
        await tray.settle()
        shown = (await in_thread("count", "displayed")).strip()
        prompt_shown = tray.prompt.isVisible()
        await in_thread("context")  # the person opens the menu and picks Snooze
        await eventually(lambda: not tray.policy.state.due, "the answer, as a D-Bus signal")
        await tray.settle()
        snoozed = tray.policy.state.snoozed
        left = (await in_thread("count", "displayed")).strip()
        clocks.advance(10)
        tray.wake()  # snoozed ten minutes ago and still sitting: asked again
        await tray.settle()
        asked_again = (await in_thread("count", "displayed")).strip()
        await tray.retire()  # quitting takes the unanswered one down: its buttons would answer no one
        after_quit = (await in_thread("count", "displayed")).strip()
        tray.close()
        return shown, prompt_shown, snoozed, left, (asked_again, after_quit), await _history(data)

    shown, prompt_shown, snoozed, left, quitting, history = run(qapp, scenario, timeout_s=60)
    offered = Path(env["SEEN"]).read_text()
    assert shown == "1"  # replaced, not stacked
    assert not prompt_shown  # the notification has the buttons; no corner prompt on top
    for label in ("Take a break", "Snooze", "Skip"):
        assert label in offered
    assert snoozed and left == "0"
    assert quitting == ("1", "0")
    assert [b["outcome"] for b in history["breaks"]] == ["ignored", "snoozed"]


def test_a_server_without_buttons_means_the_prompt(session_bus):
    """No notification server at all: start_notifier says so and the tray falls back."""

    async def scenario():
        return await start_notifier(lambda answer: None, bus_address=session_bus)

    assert asyncio.run(scenario()) is None


def test_inside_a_flatpak_the_portal_shows_the_buttons_and_hears_the_answer(session_bus, tmp_path):
    from tests.platform.dbus_fakes import NotificationPortal, serve

    info = tmp_path / "flatpak-info"
    info.write_text("[Application]\nname=io.github.upright.Upright\n")
    portal, answers = NotificationPortal(), []
    heard = asyncio.Event()

    def on_answer(answer: Answer) -> None:
        answers.append(answer)
        heard.set()

    async def scenario():
        bus = await serve(
            session_bus, "org.freedesktop.portal.Desktop", {"/org/freedesktop/portal/desktop": portal}
        )
        notifier = await start_notifier(on_answer, bus_address=session_bus, flatpak_info=info)
        await notifier.show("Time to stand and extend", "body", [Answer.TAKE, Answer.SNOOZE])
        await notifier.show("Time to stand and extend", "again", [Answer.TAKE, Answer.SNOOZE])
        shown = {k: {f: v.value for f, v in n.items()} for k, n in portal.shown.items()}
        portal.press("break-reminder", "take")
        await asyncio.wait_for(heard.wait(), 5)  # the answer comes back as a D-Bus signal
        await notifier.withdraw()
        left = dict(portal.shown)
        notifier.close()
        bus.disconnect()
        return notifier.name, shown, left

    name, shown, left = asyncio.run(scenario())
    assert name == "desktop portal notifications"
    assert list(shown) == ["break-reminder"]  # one id: the second replaced the first
    assert shown["break-reminder"]["body"] == "again"
    assert [b["label"].value for b in shown["break-reminder"]["buttons"]] == ["Take a break", "Snooze"]
    assert answers == [Answer.TAKE] and left == {}


def test_on_windows_and_macos_the_system_notifications_carry_the_buttons(dunst, monkeypatch):
    """The Windows/macOS adapter (desktop-notifier) driven here through its freedesktop backend:
    the same calls reach a real server, a pressed button answers, a new reminder replaces the
    last and withdrawing takes it down."""
    env = dunst
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", env["DBUS_SESSION_BUS_ADDRESS"])
    answers: list[Answer] = []

    async def scenario():
        ready = await notifier_when_ready(env["DBUS_SESSION_BUS_ADDRESS"], answers.append)
        ready.close()
        notifier = await start_notifier(answers.append, platform="win32")
        await notifier.show("Time to stand and extend", "first", [Answer.TAKE, Answer.SNOOZE, Answer.SKIP])
        await notifier.show("Time to stand and extend", "second", [Answer.TAKE, Answer.SNOOZE, Answer.SKIP])
        loop = asyncio.get_running_loop()
        shown = (await loop.run_in_executor(None, dunstctl, env, "count", "displayed")).strip()
        await loop.run_in_executor(None, dunstctl, env, "context")  # the person picks Snooze
        await eventually(lambda: answers, "the answer, as a D-Bus signal")
        # Windows and macOS take a notification down with the button pressed; dunst leaves it.
        await loop.run_in_executor(None, dunstctl, env, "close-all")
        await notifier.show("Time to stand and extend", "third", [Answer.TAKE, Answer.SNOOZE])
        again = (await loop.run_in_executor(None, dunstctl, env, "count", "displayed")).strip()
        await notifier.withdraw()
        gone = (await loop.run_in_executor(None, dunstctl, env, "count", "displayed")).strip()
        return notifier.name, shown, again, gone

    name, shown, again, gone = asyncio.run(scenario())
    offered = Path(env["SEEN"]).read_text()
    assert name == "the system's notifications (desktop-notifier)"
    assert (shown, again, gone) == ("1", "1", "0")
    for label in ("Take a break", "Snooze", "Skip"):
        assert label in offered
    assert answers == [Answer.SNOOZE]


def test_without_desktop_notifier_windows_and_macos_fall_back_to_the_prompt(monkeypatch):
    monkeypatch.setitem(sys.modules, "desktop_notifier", None)  # not installed

    assert asyncio.run(start_notifier(lambda answer: None, platform="darwin")) is None
