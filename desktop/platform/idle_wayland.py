"""Idle time from the Wayland compositor: ext-idle-notify-v1, or org_kde_kwin_idle where that is offered.

KDE Plasma 6, sway, Hyprland and the other wlroots compositors tell idleness
through these protocols (X11's counter only sees X programs there). Both
work the same way: ask to be told when the seat has had no input for
``timeout_s``, and when input comes back. So the source knows "idle since
this moment" to the second, and "present" to within ``timeout_s``, which is
all the break policy needs. Events are read when the compositor's socket
becomes readable (one wake-up per change, none while nothing changes), and
``listen`` passes each change on, so the tray need not poll.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

from desktop.platform._support import LOG
from desktop.platform.idle import WATCH_S, IdleUnavailable

TIMEOUT_S = WATCH_S  # presence is known to within this; idleness to the second
EXT = "ext_idle_notifier_v1"
KDE = "org_kde_kwin_idle"
NAMES = {EXT: "ext-idle-notify-v1", KDE: "org_kde_kwin_idle"}  # as the protocols call themselves


class WaylandIdle:
    """``name`` says which protocol the compositor answered with."""

    def __init__(
        self,
        display: str | None = None,
        *,
        timeout_s: float = TIMEOUT_S,
        clock: Callable[[], float] = time.monotonic,
        prefer: tuple[str, ...] = (EXT, KDE),
    ) -> None:
        try:
            from pywayland.client.display import Display
        except ImportError as error:  # pywayland is a Linux-only dependency
            raise IdleUnavailable(f"pywayland is not installed ({error})") from error
        self._clock, self._timeout_s = clock, timeout_s
        self._on_change: Callable[[], None] = lambda: None  # until someone listens
        self._idle_since: float | None = None
        self._globals: dict[str, tuple[int, int]] = {}
        self._display: Display | None = Display(display)
        try:
            self._display.connect()
        except Exception as error:  # no socket, refused: pywayland raises a bare ValueError/RuntimeError
            raise IdleUnavailable(f"cannot connect to the Wayland display ({error})") from error
        registry = self._display.get_registry()
        registry.dispatcher["global"] = self._on_global
        self._display.roundtrip()
        offered = [name for name in prefer if name in self._globals]
        if "wl_seat" not in self._globals or not offered:
            self._display.disconnect()
            raise IdleUnavailable("the compositor offers neither ext-idle-notify-v1 nor org_kde_kwin_idle")
        self.name = NAMES[offered[0]]
        self._watch = self._subscribe(registry, offered[0])
        self._display.roundtrip()
        self._reader = False
        try:
            asyncio.get_running_loop().add_reader(self._display.get_fd(), self._read)
            self._reader = True
        except RuntimeError:  # no loop: each poll catches up with a round trip instead
            pass

    def _on_global(self, registry: Any, name: int, interface: str, version: int) -> None:
        self._globals[interface] = (name, version)

    def _subscribe(self, registry: Any, protocol: str) -> Any:
        from pywayland.protocol.wayland import WlSeat

        seat = registry.bind(self._globals["wl_seat"][0], WlSeat, 1)
        timeout_ms = round(self._timeout_s * 1000)
        if protocol == EXT:
            from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotifierV1

            notifier = registry.bind(self._globals[EXT][0], ExtIdleNotifierV1, 1)
            watch = notifier.get_idle_notification(timeout_ms, seat)
            watch.dispatcher["idled"] = self._idled
        else:
            from desktop.platform.kde_idle_protocol import OrgKdeKwinIdle

            notifier = registry.bind(self._globals[KDE][0], OrgKdeKwinIdle, 1)
            watch = notifier.get_idle_timeout(seat, timeout_ms)
            watch.dispatcher["idle"] = self._idled
        watch.dispatcher["resumed"] = self._resumed
        return watch

    def listen(self, on_change: Callable[[], None]) -> float | None:
        """Pass each idled/resumed event on; None (poll) without an event loop to read them."""
        if not self._reader:
            return None
        self._on_change = on_change
        return self._timeout_s

    def _idled(self, _watch: Any) -> None:
        self._idle_since = self._clock()
        self._on_change()

    def _resumed(self, _watch: Any) -> None:
        self._idle_since = None
        self._on_change()

    def _read(self) -> None:
        if self._display is None:
            return
        try:
            self._display.dispatch(block=True)  # readable: this reads what came and handles it
        except RuntimeError as error:  # the compositor went away
            LOG.info("idle time: the Wayland connection ended (%s)", error)
            self.close()

    def idle_seconds(self) -> float | None:
        if self._display is None:
            return None
        if not self._reader:
            self._display.roundtrip()
        if self._idle_since is None:
            return 0.0
        return self._timeout_s + self._clock() - self._idle_since

    def close(self) -> None:
        if self._display is None:
            return
        if self._reader:
            with contextlib.suppress(RuntimeError):  # the loop is already gone
                asyncio.get_running_loop().remove_reader(self._display.get_fd())
        self._display.disconnect()
        self._display = None
