"""``upright store-call``: the tray's few reads and writes, done by a process that then exits.

The tray waits all day and writes a reminder's outcome a few times an hour.
Keeping SQLAlchemy and Alembic loaded for that would double its memory
(about 50 MB of the 100 it held), so the tray runs this short-lived child
instead: it opens the history exactly as the app does (migrating if
needed), answers a batch of requests read as JSON from standard input
through the same ``HistoryStore`` methods, prints the answers as JSON, and
exits. One way of writing, out of the waiting process.

This module imports only the standard library at the top, so the tray can
use ``StoreRequest`` without loading the store.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop.core.history import BreakOutcome


class StoreRequest(StrEnum):
    GET_SETTING = "get_setting"  # {"key", "default"} -> the value
    SET_SETTING = "set_setting"  # {"key", "value"} -> null
    RECORD_BREAK = "record_break"  # {"offered_at", "outcome", "answered_at", "duration_s"} -> row id
    COUNT_BREAKS = "count_breaks"  # {"outcome", "since"} -> a count


def encode_time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def answer(store: Any, kind: StoreRequest, a: dict[str, Any]) -> Any:
    """One request against an open ``HistoryStore``."""
    if kind is StoreRequest.GET_SETTING:
        return store.get_setting(a["key"], a.get("default"))
    if kind is StoreRequest.SET_SETTING:
        return store.set_setting(a["key"], a["value"])
    if kind is StoreRequest.RECORD_BREAK:
        return store.record_break(
            _time(a["offered_at"]),
            BreakOutcome(a["outcome"]),
            _time(a.get("answered_at")),
            a.get("duration_s"),
        )
    return store.count_breaks(BreakOutcome(a["outcome"]), _time(a["since"]))


def serve(data_dir: Path, requests: list[dict[str, Any]]) -> dict[str, Any]:
    """``{"answers": [...]}``, or ``{"error": message}`` when the history cannot be opened or saved."""
    from desktop.storage.database import open_database
    from desktop.storage.errors import StorageError
    from desktop.storage.history import HistoryStore
    from desktop.storage.set_journal import replay_orphans

    try:
        db = open_database(data_dir)
    except StorageError as exc:
        return {"error": str(exc)}
    try:
        store = HistoryStore(db)
        replay_orphans(data_dir, store)  # sets a busy store kept waiting, before closing their sessions
        store.mark_interrupted()  # only sessions whose process has ended
        answers = [answer(store, StoreRequest(r["request"]), r["args"]) for r in requests]
    except StorageError as exc:
        return {"error": str(exc)}
    finally:
        db.close()
    return {"answers": answers}


def run(args: Any) -> int:
    from desktop.storage.location import resolve_data_dir

    try:
        requests = json.load(sys.stdin)
        if not isinstance(requests, list):
            raise ValueError("expected a JSON list of requests")
    except ValueError as exc:
        print(f"upright store-call: {exc}", file=sys.stderr)
        return 2
    reply = serve(resolve_data_dir(args.data_dir), requests)
    json.dump(reply, sys.stdout)
    return 1 if "error" in reply else 0
