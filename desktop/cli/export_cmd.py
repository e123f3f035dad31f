"""``upright export --csv DIR``: the history as CSV files for a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK
from desktop.cli.output import fail
from desktop.storage.location import resolve_data_dir


def run(args) -> int:
    from desktop.storage.csv_export import export_csv
    from desktop.storage.database import open_database
    from desktop.storage.errors import StorageError

    try:
        db = open_database(resolve_data_dir(args.data_dir))
    except StorageError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    try:
        paths = export_csv(db, Path(args.csv).expanduser())
    except StorageError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    finally:
        db.close()
    for path in paths:
        print(path)
    return EXIT_OK
