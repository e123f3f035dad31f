"""``upright routines [delete ID]``, ``upright import FILE`` and ``upright export-routine ID FILE``.

A bad file is refused whole with one line per problem, before the database
is opened for writing, so the store is left exactly as it was.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK
from desktop.cli.output import fail, print_json, print_table
from desktop.cli.with_store import Failed, with_database
from desktop.content.catalog_cache import load_catalog_cached
from desktop.content.errors import ContentError
from desktop.core import dosage_text, plan
from desktop.core.catalog import Routine
from desktop.core.library import Library


def run(args) -> int:
    try:
        catalog = load_catalog_cached()
    except ContentError as exc:
        return fail(exc.report(), EXIT_BAD_INPUT)
    if args.command == "import":
        return _import(args, catalog)
    if getattr(args, "routines_command", None) == "delete":
        return _delete(args, catalog)
    loaded = with_database(args, lambda db: _library(db, catalog))
    if isinstance(loaded, Failed):
        return loaded.code
    library, ladder, unreadable = loaded
    for bad in unreadable:
        print(f"upright: {bad.notice()}", file=sys.stderr)
    if args.command == "export-routine":
        return _export(args, library)
    return _list(args, library, ladder)


def _library(db, catalog):
    """The routines, the person's rungs (which set the doses, so the times) and any stored
    routine that cannot be read (said, and left out)."""
    from desktop.content.routine_file import stored_routine_reader
    from desktop.storage.progress_store import ProgressStore
    from desktop.storage.routine_store import RoutineStore

    store = RoutineStore(db, stored_routine_reader(catalog))
    library = Library(catalog, tuple(s.routine for s in store.all()))
    return library, ProgressStore(db).steps(), store.unreadable()


def _delete(args, catalog) -> int:
    """Remove one of the person's routines; a shipped template or an unknown id changes nothing."""
    from desktop.content.routine_file import stored_routine_reader
    from desktop.storage.routine_store import RoutineStore, Unreadable

    shipped = Library(catalog).shipped_ids()
    if args.id in shipped:
        return fail(
            f"\u201c{args.id}\u201d is a shipped template, and templates cannot be deleted. "
            f"Your own routines are listed as \u201cyours\u201d by `upright routines`.",
            EXIT_BAD_INPUT,
        )

    def remove(db):
        store = RoutineStore(db, stored_routine_reader(catalog))
        removed = store.delete(args.id)
        return removed, [s.routine.id for s in store.all()]

    done = with_database(args, remove)
    if isinstance(done, Failed):
        return done.code
    removed, left = done
    if removed is None:
        yours = ", ".join(left) if left else "none yet"
        return fail(f"no routine of yours has the id \u201c{args.id}\u201d (yours: {yours}).", EXIT_BAD_INPUT)
    name = removed.name if isinstance(removed, Unreadable) else removed.routine.name
    print(f"Deleted \u201c{name}\u201d ({args.id}).")
    return EXIT_OK


def _list(args, library: Library, ladder: dict[str, int]) -> int:
    estimates = {r.id: plan.estimate_s(library.catalog, r, ladder) for r in library.routines}
    if args.json:
        print_json(
            {
                "routines": [
                    {
                        **r.to_data(),
                        "origin": "own" if library.is_own(r.id) else "shipped",
                        "estimate_s": round(estimates[r.id]),
                    }
                    for r in library.routines
                ]
            }
        )
        return EXIT_OK
    print_table(
        ["ROUTINE", "ID", "KIND", "EXERCISES", "ABOUT"],
        [
            [
                r.name,
                r.id,
                "yours" if library.is_own(r.id) else "shipped",
                str(len(r.items)),
                dosage_text.about(estimates[r.id]),
            ]
            for r in library.routines
        ],
    )
    return EXIT_OK


def _import(args, catalog) -> int:
    from desktop.content.routine_file import read_routine_file

    try:
        routine = read_routine_file(Path(args.file), catalog)
    except ContentError as exc:
        return fail(exc.report() + "\nNothing was imported.", EXIT_BAD_INPUT)

    def say(stored: Routine) -> None:
        """Said before the import is committed: output that fails (a closed pipe) stores nothing."""
        note = "" if stored.id == routine.id else f' (the id "{routine.id}" was taken, so this is a copy)'
        print(f"Imported \u201c{stored.name}\u201d as {stored.id}{note}.", flush=True)

    def add(db):
        from desktop.storage.routine_store import RoutineStore

        return RoutineStore(db).add(
            routine, reserved=Library(catalog).shipped_ids(), now=datetime.now(UTC), before_commit=say
        )

    stored = with_database(args, add)
    return stored.code if isinstance(stored, Failed) else EXIT_OK


def _export(args, library: Library) -> int:
    from desktop.content.bounded_write import NOT_WRITTEN
    from desktop.content.routine_file import write_routine_file

    try:
        routine = library.routine(args.id)
    except KeyError:
        ids = ", ".join(r.id for r in library.routines)
        return fail(f'no routine with the id "{args.id}"; these exist: {ids}', EXIT_BAD_INPUT)
    try:
        write_routine_file(routine, Path(args.file))
    except ContentError as exc:
        return fail(exc.report(NOT_WRITTEN), EXIT_BAD_INPUT)
    print(f"Wrote \u201c{routine.name}\u201d to {args.file}.")
    return EXIT_OK
