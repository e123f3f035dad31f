"""``DisplayWatch`` on its own, and what the tray journals when the display goes.

The real moments (an X server or a Wayland compositor ending under a running
Upright) are in tests/robustness/test_display_lost.py; here the watch gets
Qt's warning from ``qWarning`` and the process's end is a recorded call.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import qInstallMessageHandler, qWarning

from desktop.app.display_lost import EXIT_DISPLAY_LOST, DisplayWatch
from tests.app.test_tray import coach  # noqa: F401  (the fixture)


def watched(qapp) -> tuple[DisplayWatch, list[str]]:
    calls: list[str] = []
    watch = DisplayWatch(
        qapp, lambda: calls.append("record"), exit_process=lambda status: calls.append(f"exit {status}")
    )
    return watch, calls


def test_qts_warning_that_the_display_broke_records_once_then_ends(qapp, capfd) -> None:
    passed_on: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, message: passed_on.append(message))
    watch, calls = watched(qapp)
    try:
        qWarning("QWidget: an ordinary warning")
        assert calls == []  # other messages only go on to the handler there was (Upright's log)
        qWarning("The X11 connection broke (error 1). Did the X11 server die?")
        qWarning("The X11 connection broke: I/O error (code 1)")  # Xlib's path, on the way out
    finally:
        watch.close()
        qInstallMessageHandler(previous)
    assert calls == ["record", f"exit {EXIT_DISPLAY_LOST}"]
    assert passed_on[0] == "QWidget: an ordinary warning" and len(passed_on) == 3
    assert "what was under way is recorded" in capfd.readouterr().err


def test_the_wayland_warning_records_too(qapp) -> None:
    watch, calls = watched(qapp)
    try:
        qWarning("The Wayland connection broke. Did the Wayland compositor die?")
    finally:
        watch.close()
    assert calls == ["record", f"exit {EXIT_DISPLAY_LOST}"]


def test_a_quit_qt_starts_on_its_own_records_but_the_apps_own_does_not(qapp) -> None:
    watch, calls = watched(qapp)
    watch.close()  # the app's coroutine has finished: what follows is its own quit
    qapp.aboutToQuit.emit()
    assert calls == []
    watch, calls = watched(qapp)
    try:
        qapp.aboutToQuit.emit()  # Qt quit while the app was still running
    finally:
        watch.close()
    assert calls == ["record", f"exit {EXIT_DISPLAY_LOST}"]


def test_a_failed_record_still_ends_the_process(qapp, capfd) -> None:
    ended: list[int] = []

    def broken() -> None:
        raise OSError("disk gone")

    watch = DisplayWatch(qapp, broken, exit_process=ended.append)
    try:
        qWarning("The X11 connection broke (error 1). Did the X11 server die?")
    finally:
        watch.close()
    assert ended == [EXIT_DISPLAY_LOST]
    assert "may not all be recorded" in capfd.readouterr().err


def test_the_tray_journals_a_pending_reminder_as_ignored_when_the_display_goes(coach, qapp) -> None:  # noqa: F811
    from tests.app.test_tray import _history, tray_with_a_reminder_showing
    from tests.app_helpers import run

    _make, clocks, _sensors, _, data = coach

    async def scenario():
        tray = await tray_with_a_reminder_showing(coach)
        offered = clocks.wall
        tray.record_now()  # no loop from here on: journaled, not sent to the store
        journaled = sorted(p.name for p in data.glob("unsaved-sets-*"))
        tray.record_now()  # a second call has nothing left to record
        assert sorted(p.name for p in data.glob("unsaved-sets-*")) == journaled
        tray.close()
        return journaled, offered, (await _history(data))["breaks"]  # the next start writes it

    journaled, offered, breaks = run(qapp, scenario)
    assert len(journaled) == 1
    assert [b["outcome"] for b in breaks] == ["ignored"]
    assert abs(datetime.fromisoformat(breaks[0]["offered_at"]) - offered) < timedelta(milliseconds=1)
    assert not list(data.glob("unsaved-sets-*"))
