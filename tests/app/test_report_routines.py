"""The physiotherapist report lists the person's own routines by name, and every dose at
the ladder step the person is on (it once named routines from the catalog only, so the
person's own were missing or shown by id, and gave every exercise its first step's dose)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.app.report_data import report_routines
from desktop.core import dosage_text
from desktop.core.doses import item_dosage
from desktop.core.history import HistoryAggregates
from desktop.core.library import Library

DAY = date(2026, 11, 20)


def aggregates(used: list[str]) -> HistoryAggregates:
    return HistoryAggregates(
        first_day=DAY,
        last_day=DAY,
        daily_minutes=[],
        routine_minutes=[(DAY, r, 10.0) for r in used],
        breaks=[],
        break_period="week",
        pain=[],
        week_minutes=0.0,
        streak_days=0,
        reminders_taken_share=None,
        avg_pain_change=None,
        longest_sitting_min=[],
        standups_per_hour=[],
    )


def test_own_routines_are_named_and_doses_follow_the_ladder(catalog):
    template = next(r for r in catalog.routines if any(i.exercise == "push-up" for i in r.items))
    mine = replace(template, id="my-push-days", name="My push days")
    library = Library(catalog, (mine,))
    ladder = {"push-up": 1}

    listed = report_routines(catalog, library, ladder, aggregates([]))

    assert [(r.name, r.own) for r in listed] == [("My push days", True)]  # templates unused: left out
    item = next(i for i in mine.items if i.exercise == "push-up")
    exercise = catalog.exercise("push-up")
    second = exercise.progressions[1]
    line = next(line for line in listed[0].lines if line.startswith("Push-ups"))
    dose_at_step = dosage_text.summary(item_dosage(catalog, item, 1))
    assert dose_at_step != dosage_text.summary(item_dosage(catalog, item, 0))  # the step changes the dose
    assert line == (f"Push-ups: {dose_at_step} \u2014 step 2 of {len(exercise.progressions)}, {second.name}")


def test_a_template_used_in_the_period_is_listed_beside_the_own_ones(catalog):
    used = catalog.routines[0]
    listed = report_routines(catalog, Library(catalog), {}, aggregates([used.id]))
    assert [(r.name, r.own) for r in listed] == [(used.name, False)]


def test_a_count_the_person_wrote_is_reported_as_written_and_said_to_be_theirs(catalog):
    from desktop.core.catalog import Dosage, Range, Routine, RoutineItem

    mine = Routine("mine", "Mine", "Mine.", (), (RoutineItem("push-up", Dosage(reps=Range(200, 200))),))
    (listed,) = report_routines(catalog, Library(catalog, (mine,)), {"push-up": 1}, aggregates([]))
    assert listed.lines == ("Push-ups: 200 reps \u2014 step 2 of 3, 30 reps; this routine sets its own dose",)
