"""``upright report [FILE] [--name NAME] [--period P]``: the physiotherapist's PDF, without the window.

The history is read here, as every command reads it; the PDF is laid out by
Qt in ``desktop.app.report_command``, on Qt's offscreen platform, so the
report can be written over SSH or from a cron job as well as on a desktop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK
from desktop.cli.output import fail
from desktop.cli.with_store import Failed, with_database
from desktop.core.history import HistoryAggregates, HistoryRange, SessionSummary

if TYPE_CHECKING:
    from desktop.core.catalog import Catalog, Routine
    from desktop.storage.database import Database

EXIT_NOTHING = 1  # nothing recorded in the period: said, and no file written


@dataclass(frozen=True)
class _Read:
    aggregates: HistoryAggregates
    sessions: list[SessionSummary]
    own: tuple[Routine, ...]
    ladder: dict[str, int]
    stored_name: object


def run(args) -> int:
    from desktop.app.report_command import NothingToReport, locale_first_weekday, write_pdf
    from desktop.app.report_data import report_file_name, report_input, report_person
    from desktop.content.catalog_cache import load_catalog_cached
    from desktop.content.errors import ContentError
    from desktop.content.person_name import PersonNameError, person_name
    from desktop.core.library import Library

    name = None
    if args.name is not None:
        try:
            name = person_name(args.name)
        except PersonNameError as exc:
            return fail(f"--name: {exc}. Nothing was written.", EXIT_BAD_INPUT)
    try:
        catalog = load_catalog_cached()
    except ContentError as exc:
        return fail(exc.report(), EXIT_BAD_INPUT)
    today = date.today()
    period = HistoryRange(args.period)
    week = locale_first_weekday()
    read = with_database(args, lambda db: _read(db, catalog, period, today, week))
    if isinstance(read, Failed):
        return read.code
    path = Path(args.file or report_file_name(today)).expanduser()
    if not path.parent.is_dir():
        return fail(
            f"{path.parent} is not a folder, so {path.name} cannot go there. Nothing was written.",
            EXIT_BAD_INPUT,
        )
    data = report_input(
        name or report_person(read.stored_name),
        period,
        read.aggregates,
        read.sessions,
        catalog,
        Library(catalog, read.own),
        read.ladder,
    )
    try:
        pages = write_pdf(path, data)
    except NothingToReport as exc:
        hint = "" if period is HistoryRange.ALL else " Try --period all."
        return fail(f"{exc}{hint}", EXIT_NOTHING)
    except OSError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    print(f"Wrote the report ({pages} page{'' if pages == 1 else 's'}) to {path}")
    return EXIT_OK


def _read(db: Database, catalog: Catalog, period: HistoryRange, today: date, first_weekday: int) -> _Read:
    from desktop.app.report_data import ALL_SESSIONS, REPORT_NAME_KEY
    from desktop.content.routine_file import stored_routine_reader
    from desktop.storage.history import HistoryStore
    from desktop.storage.progress_store import ProgressStore
    from desktop.storage.routine_store import RoutineStore

    history = HistoryStore(db)
    span = history.history_range()
    first = period.first_day(today, span[0] if span else None)
    return _Read(
        aggregates=history.aggregates(first, today, today, first_weekday),
        sessions=history.list_sessions(first, today, ALL_SESSIONS),
        own=tuple(s.routine for s in RoutineStore(db, stored_routine_reader(catalog)).all()),
        ladder=ProgressStore(db).steps(),
        stored_name=history.get_setting(REPORT_NAME_KEY, ""),
    )
