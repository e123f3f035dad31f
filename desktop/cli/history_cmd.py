"""``upright history [--json]``: recorded sessions, sets and breaks."""

from __future__ import annotations

from datetime import datetime

from desktop.cli.main import EXIT_OK
from desktop.cli.output import print_json, print_table
from desktop.cli.with_store import Failed, with_database


def run(args) -> int:
    from desktop.storage.history import HistoryStore
    from desktop.storage.progress_store import ProgressStore

    loaded = with_database(args, lambda db: (HistoryStore(db).export_history(), ProgressStore(db).changes()))
    if isinstance(loaded, Failed):
        return loaded.code
    data, changes = loaded
    if args.json:
        print_json(data)
    else:
        print_readable(data)
        print_step_changes(changes)
    return EXIT_OK


def print_step_changes(changes) -> None:
    """Every confirmed move on an exercise's ladder, with the reason the person agreed to."""
    if not changes:
        return
    print("\nStep changes:")
    print_table(
        ["WHEN", "EXERCISE", "FROM", "TO", "WHY"],
        [
            [
                _when(c.changed_at.isoformat()),
                c.exercise_id,
                str(c.from_step + 1),
                str(c.to_step + 1),
                c.reason,
            ]
            for c in changes
        ],
    )


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
