"""``upright history [--json]``: recorded sessions, sets and breaks."""

from __future__ import annotations

from datetime import datetime

from desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK
from desktop.cli.output import fail, print_json, print_table
from desktop.storage.location import resolve_data_dir


def run(args) -> int:
    from desktop.storage.database import open_database
    from desktop.storage.errors import StorageError
    from desktop.storage.history import HistoryStore

    try:
        db = open_database(resolve_data_dir(args.data_dir))
    except StorageError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    try:
        data = HistoryStore(db).export_history()
    finally:
        db.close()
    if args.json:
        print_json(data)
    else:
        print_readable(data)
    return EXIT_OK


def _when(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M") if iso else "-"


def print_readable(data: dict) -> None:
    sessions = data["sessions"]
    if not sessions and not data["breaks"]:
        print("No sessions or breaks recorded yet. Start a routine with `upright` to begin.")
        return
    print_table(
        ["STARTED", "ROUTINE", "OUTCOME", "SETS", "PAIN BEFORE", "PAIN AFTER"],
        [
            [
                _when(s["started_at"]),
                s["routine"],
                s["outcome"] or "in progress",
                str(len(s["sets"])),
                "-" if s["pain_before"] is None else str(s["pain_before"]),
                "-" if s["pain_after"] is None else str(s["pain_after"]),
            ]
            for s in sessions
        ],
    )
    breaks = data["breaks"]
    if breaks:
        taken = sum(1 for b in breaks if b["outcome"] == "taken")
        print(f"\n{len(breaks)} break reminders, {taken} taken.")
