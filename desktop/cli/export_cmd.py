"""``upright export --csv DIR``: the history as CSV files for a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.main import EXIT_OK
from desktop.cli.with_store import Failed, with_database


def run(args) -> int:
    from desktop.storage.csv_export import export_csv

    paths = with_database(args, lambda db: export_csv(db, Path(args.csv).expanduser()))
    if isinstance(paths, Failed):
        return paths.code
    for path in paths:
        print(path)
    return EXIT_OK
