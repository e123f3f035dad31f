"""Revision 0003 puts back the phase order of routines that revision 0002's store saved sorted.

The database is built at 0002 with Alembic, routines are written into it
exactly as the old store wrote them (``sort_keys=True``), and the app then
opens it as it would after an update, which upgrades it to head.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from desktop.core.catalog import Dosage, Routine, RoutineItem
from desktop.storage.database import alembic_config, open_database
from desktop.storage.location import DATABASE_NAME
from desktop.storage.routine_store import RoutineStore


def old_body(routine: Routine) -> str:
    """What the store wrote before the fix."""
    return json.dumps(routine.to_data(), ensure_ascii=False, sort_keys=True)


def database_at_0002(data_dir: Path, routines: list[Routine]) -> None:
    data_dir.mkdir(parents=True)
    engine = create_engine(f"sqlite:///{data_dir / DATABASE_NAME}")
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        for routine in routines:
            connection.execute(
                text(
                    "INSERT INTO routines (id, name, body, based_on, created_at, updated_at)"
                    " VALUES (:id, :name, :body, NULL, 0, 0)"
                ),
                {"id": routine.id, "name": routine.name, "body": old_body(routine)},
            )
    engine.dispose()


def bodies(data_dir: Path) -> dict[str, str]:
    engine = create_engine(f"sqlite:///{data_dir / DATABASE_NAME}")
    with engine.connect() as connection:
        found = dict(connection.execute(text("SELECT id, body FROM routines")).all())
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    return {**found, "revision": revision}


def test_upgrading_restores_the_catalogs_phase_order_and_leaves_the_rest(tmp_path, catalog):
    data_dir = tmp_path / "Upright"
    trio = replace(
        catalog.routine("mobility-trio"), id="trio", name="Trio"
    )  # open/close, roll-up/top/roll-down
    tweaked = replace(catalog.routine("tweaked-back"), id="tweaked", name="Tweaked")  # inhale/exhale ...
    own = Routine(
        "own",
        "Own names",
        "Phases the catalog does not name, and catalog names on another exercise.",
        (),
        (
            RoutineItem("cat-cow", Dosage(tempo={"up": 2, "down": 2})),  # person's names: keep
            RoutineItem("cat-cow", Dosage(tempo={"open": 2, "close": 2})),  # the open book's, not cat-cow's
            RoutineItem("segmental-bridge", Dosage(tempo={"roll-up": 4, "roll-down": 4})),  # a subset
        ),
    )
    damaged = [trio, tweaked, own]
    sorted_phases = [list(i["tempo"]) for i in json.loads(old_body(trio))["items"] if "tempo" in i]
    assert sorted_phases == [["close", "open"], ["roll-down", "roll-up", "top"]]  # the damage as it was
    database_at_0002(data_dir, damaged)
    before = bodies(data_dir)

    db = open_database(data_dir)  # what the updated app does at start
    stored = {s.routine.id: s.routine for s in RoutineStore(db).all()}
    db.close()
    after = bodies(data_dir)

    assert (before["revision"], after["revision"]) == ("0002", "0003")
    # Tempo compares in order, so these check every phase's place.
    assert stored["trio"] == trio and stored["tweaked"] == tweaked
    assert [list(i.overrides.tempo) for i in stored["trio"].items if i.overrides.tempo] == [
        ["open", "close"],
        ["roll-up", "top", "roll-down"],
    ]
    assert after["own"] == before["own"]  # not identified by the catalog: byte for byte as it was
    assert [list(i.overrides.tempo or {}) for i in stored["own"].items] == [
        ["down", "up"],
        ["close", "open"],
        ["roll-down", "roll-up"],
    ]


def test_a_body_that_is_not_a_routine_is_left_alone():
    from importlib import import_module

    migration = import_module("desktop.storage.migrations.versions.0003_phase_order")
    for body in ("not json", "[]", '{"items": 3}', '{"items": [1, {"tempo": 2}]}'):
        assert migration.repaired(body) is None
    fixed = migration.repaired('{"items": [{"exercise": "cat-cow", "tempo": {"cow": 3, "cat": 2}}]}')
    assert fixed == '{"items": [{"exercise": "cat-cow", "tempo": {"cat": 2, "cow": 3}}]}'
