"""``upright catalog [--json]``: the shipped exercises and routines."""

from __future__ import annotations

from desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK
from desktop.cli.output import fail, print_json, print_table
from desktop.content.catalog_loader import load_catalog
from desktop.content.errors import ContentError
from desktop.core import dosage_text, plan


def run(args) -> int:
    try:
        catalog = load_catalog()
    except ContentError as exc:
        return fail(exc.report(), EXIT_BAD_INPUT)
    if args.json:
        print_json(catalog.to_data())
        return EXIT_OK
    print_table(
        ["EXERCISE", "ID", "POSITION", "DOSE", "HOW OFTEN", "SOURCES"],
        [
            [
                e.name,
                e.id,
                e.position,
                dosage_text.summary(e.dosage),
                dosage_text.frequency(e.dosage),
                ", ".join(s[:3] for s in e.sources),
            ]
            for e in catalog.exercises
        ],
    )
    print()
    print_table(["SOURCE", "TITLE"], [[s.file[:3], s.title] for s in catalog.sources])
    print()
    print_table(
        ["ROUTINE", "ID", "EXERCISES", "ABOUT"],
        [
            [
                r.name,
                r.id,
                str(len(r.items)),
                dosage_text.about(plan.estimate_s(catalog, r)),
            ]
            for r in catalog.routines
        ],
    )
    return EXIT_OK
