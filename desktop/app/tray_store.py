"""The tray's history, kept out of the waiting process.

Each call (or batch of calls) runs ``upright store-call`` as a child
process on a worker thread and awaits its JSON answer, so the tray never
imports SQLAlchemy: it stays near the bare-Qt floor all day and pays about
half a second of a child's CPU a few times an hour instead. The window, when
opened, keeps its own in-process store; SQLite's WAL lets both write.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.core.history import BreakOutcome
from desktop.storage.errors import StorageError
from desktop.storage.store_call import StoreRequest, encode_time

CALL_TIMEOUT_S = 60.0  # a migration of a large history is the slowest case


def self_command(*args: str) -> list[str]:
    """How to start this same Upright again (a frozen build is its own executable)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "desktop", *args]


class TrayStore:
    """Typed calls for what the tray reads and writes; each raises ``StorageError`` on a disk problem."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    async def batch(self, requests: list[tuple[StoreRequest, dict[str, Any]]]) -> list[Any]:
        """Several requests in one child, answered in order."""
        payload = json.dumps([{"request": kind.value, "args": args} for kind, args in requests])
        return await asyncio.get_running_loop().run_in_executor(None, self._run, payload)

    def _run(self, payload: str) -> list[Any]:
        command = self_command("--data-dir", str(self.data_dir), "store-call")
        try:
            done = subprocess.run(
                command, input=payload, capture_output=True, text=True, timeout=CALL_TIMEOUT_S, check=False
            )
            reply = json.loads(done.stdout)
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            raise StorageError(
                self.data_dir, f"Upright could not reach its history in {self.data_dir}: {exc}"
            ) from exc
        if "error" in reply:
            raise StorageError(self.data_dir, reply["error"])
        return reply["answers"]

    async def set_setting(self, key: str, value: Any) -> None:
        await self.batch([(StoreRequest.SET_SETTING, {"key": key, "value": value})])

    async def record_break(
        self,
        offered_at: datetime,
        outcome: BreakOutcome,
        answered_at: datetime | None = None,
        duration_s: float | None = None,
    ) -> int:
        args = {
            "offered_at": encode_time(offered_at),
            "outcome": outcome,
            "answered_at": encode_time(answered_at),
            "duration_s": duration_s,
        }
        return (await self.batch([(StoreRequest.RECORD_BREAK, args)]))[0]
