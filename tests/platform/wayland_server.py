"""A small Wayland compositor for tests: a wl_seat and ext-idle-notify-v1, on pywayland's server side.

It runs its event loop on a thread and lets a test say "the seat went idle"
and "input came back" to every idle notification a client asked for.
pywayland's generic server dispatcher cannot yet build objects that a
request creates (it reads a new id as a client proxy), so the notifier's
requests are decoded here with a cffi callback of libwayland's dispatcher
type; everything else is pywayland's.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from pywayland import ffi, lib
from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotificationV1, ExtIdleNotifierV1
from pywayland.protocol.wayland import WlSeat
from pywayland.server import Display

GET_IDLE_NOTIFICATION = 1  # ext_idle_notifier_v1's second request (0 is destroy)


class IdleCompositor:
    """``socket`` is the path a client connects to; ``timeouts`` the milliseconds clients asked for."""

    def __init__(self, *, idle_notify: bool = True) -> None:
        """The socket goes into $XDG_RUNTIME_DIR (the tests point it at their own folder)."""
        self._display = Display()
        name = self._display.add_socket()
        self.socket = os.path.join(os.environ["XDG_RUNTIME_DIR"], name)
        self.timeouts: list[int] = []
        self._notifications: list[Any] = []
        self._keep: list[Any] = []  # pywayland's resources must outlive the callbacks that use them
        self._requests = ffi.callback("wl_dispatcher_func_t", self._notifier_request)
        self._seat = WlSeat.global_class(self._display, 1)
        self._seat.bind_func = self._keep.append
        if idle_notify:
            self._notifier = ExtIdleNotifierV1.global_class(self._display, 1)
            self._notifier.bind_func = self._bind_notifier
        self._calls: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _bind_notifier(self, resource: Any) -> None:
        self._keep.append(resource)
        lib.wl_resource_set_dispatcher(resource._ptr, self._requests, ffi.NULL, ffi.NULL, ffi.NULL)

    def _notifier_request(self, _impl: Any, target: Any, opcode: int, _message: Any, args: Any) -> int:
        if opcode == GET_IDLE_NOTIFICATION:
            client = lib.wl_resource_get_client(ffi.cast("struct wl_resource *", target))
            notification = ExtIdleNotificationV1.resource_class(client, 1, args[0].n)
            self._keep.append(notification)
            self._notifications.append(notification)
            self.timeouts.append(args[1].u)
        return 0

    def _serve(self) -> None:
        loop = self._display.get_event_loop()
        while not self._stop.is_set():
            loop.dispatch(20)
            with self._lock:
                calls, self._calls = self._calls, []
            for call in calls:
                for notification in self._notifications:
                    getattr(notification, call)()
            self._display.flush_clients()

    def idle(self) -> None:
        """No input for longer than every timeout asked for."""
        with self._lock:
            self._calls.append("idled")

    def input(self) -> None:
        with self._lock:
            self._calls.append("resumed")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._display.destroy()
