"""What goes into the physiotherapist report, gathered the same way by the window and the command.

The window's "Report..." button and ``upright report`` both name the person
the same way (``--name``, else the name saved in Preferences, else the
account's full name, else its login) and list the same routines at the
same ladder steps, so the two never print different reports of one history.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from desktop.core.history import routine_names
from desktop.platform.account import account_person_name

if TYPE_CHECKING:
    from desktop.core.catalog import Catalog
    from desktop.core.history import HistoryAggregates, HistoryRange, SessionSummary
    from desktop.core.library import Library
    from desktop.ui.history_report import ReportInput, ReportRoutine

REPORT_NAME_KEY = "report_name"  # the setting: the name printed on reports; "" means the account's
ALL_SESSIONS = 1_000_000  # the report counts every session of the period and lists the latest


def report_person(stored: object) -> str:
    """The saved "Name on reports" when there is a usable one, else the account's name.

    The stored value is checked again: a settings row edited outside Upright
    must not print control characters on paper."""
    from desktop.content.person_name import PersonNameError, person_name

    if isinstance(stored, str) and stored.strip():
        try:
            return person_name(stored)
        except PersonNameError:
            pass
    return account_person_name()


def report_file_name(today: date, suffix: str = "pdf") -> str:
    return f"upright-{today:%Y-%m-%d}.{suffix}"


def report_routines(
    catalog: Catalog, library: Library, ladder: dict[str, int], aggregates: HistoryAggregates
) -> list[ReportRoutine]:
    """The person's own routines, and the templates used in the period, each exercise at the
    dose of the step the person is on (the same rung and words the session and cards use)."""
    from desktop.core import dosage_text
    from desktop.core.doses import item_dose
    from desktop.core.progression import step_of
    from desktop.ui.history_report import ReportRoutine

    used = {r for _, r, _ in aggregates.routine_minutes}
    chosen = [r for r in library.routines if library.is_own(r.id) or r.id in used]
    out = []
    for routine in chosen:
        lines = []
        for item in routine.items:
            exercise = catalog.exercise(item.exercise)
            rung = exercise.rung(ladder.get(exercise.id, 0))
            step = exercise.progressions.index(rung) if rung is not None else None
            dose = item_dose(catalog, item, step)
            line = f"{exercise.name}: {dosage_text.summary(dose.dosage)}"
            if rung is not None:
                line += f" \u2014 {step_of(exercise, rung).lower()}, {rung.name}"
                line += "; this routine sets its own dose" if dose.over_step else ""
            lines.append(line)
        out.append(ReportRoutine(routine.name, library.is_own(routine.id), tuple(lines)))
    return out


def report_input(
    person: str,
    period: HistoryRange,
    aggregates: HistoryAggregates,
    sessions: list[SessionSummary],
    catalog: Catalog,
    library: Library,
    ladder: dict[str, int],
) -> ReportInput:
    """The report of ``sessions`` (every one of the period, newest first) and ``aggregates``."""
    from desktop.ui.history_report import MAX_SESSION_ROWS, ReportInput

    return ReportInput(
        person=person,
        period=period.report_title,
        aggregates=aggregates,
        sessions=sessions[:MAX_SESSION_ROWS],
        session_count=len(sessions),
        routines=report_routines(catalog, library, ladder, aggregates),
        routine_names=routine_names(sessions, {r.id: r.name for r in library.routines}),
    )
