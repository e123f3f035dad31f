"""Ctrl+C, SIGTERM and SIGHUP end Upright the way closing it does, on the Qt loop.

Python's default for SIGINT raises KeyboardInterrupt wherever the main
thread happens to be (inside Qt, or between two store writes), and SIGTERM
and SIGHUP kill the process outright: a running session then stays "in
progress" until the next start calls it interrupted, and a pending reminder
is never recorded. Instead the loop's own handler (``loop.add_signal_handler``,
which qasync delivers through its socket notifier, so the handler runs on
the loop between events) calls ``on_stop`` once; the caller ends what is
running through its normal path and exits with the shell's status for the
signal: 130, 143 or 129. A second signal while that is under way calls
``on_force``: a person pressing Ctrl+C twice wants out now (finished sets
are already in the store or its journal).
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable

EXIT_STATUS = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGHUP: 129}


class StopSignals:
    def __init__(self, on_stop: Callable[[], None], on_force: Callable[[], None]) -> None:
        self.received: signal.Signals | None = None
        self._on_stop, self._on_force = on_stop, on_force
        self._loop = asyncio.get_running_loop()
        self._installed: list[signal.Signals] = []
        for sig in EXIT_STATUS:
            try:
                self._loop.add_signal_handler(sig, self._receive, sig)
            except (NotImplementedError, RuntimeError, ValueError):  # Windows: Ctrl+C stays Python's
                continue
            self._installed.append(sig)

    def exit_status(self, otherwise: int) -> int:
        """The status for the signal that stopped us, or ``otherwise`` if none did."""
        return otherwise if self.received is None else EXIT_STATUS[self.received]

    def close(self) -> None:
        for sig in self._installed:
            self._loop.remove_signal_handler(sig)
        self._installed = []

    def _receive(self, sig: signal.Signals) -> None:
        if self.received is None:
            self.received = sig
            self._on_stop()
        else:
            self._on_force()
