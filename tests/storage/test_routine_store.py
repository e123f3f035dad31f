"""Own routines: stored as their file shape, never overwritten by an import, deletable with undo."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from desktop.storage.routine_store import RoutineStore

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def routines(db):
    return RoutineStore(db)


def test_added_routines_come_back_equal(routines, catalog):
    original = catalog.routine("tweaked-back")
    mine = replace(original, id="mine", name="Mine")
    stored = routines.add(mine, reserved=set(), now=NOW, based_on="tweaked-back")
    assert stored == mine
    [back] = routines.all()
    assert back.routine == mine and back.based_on == "tweaked-back" and back.updated_at == NOW


def test_the_stored_body_keeps_the_order_the_routine_was_written_in(routines, catalog, db):
    """The body is the routine's file shape, key for key in its order: never sorted."""
    import json

    from sqlalchemy import text

    mine = replace(catalog.routine("mobility-trio"), id="mine")
    routines.add(mine, reserved=set(), now=NOW)
    with db.engine.connect() as connection:
        body = connection.execute(text("SELECT body FROM routines")).scalar_one()
    assert body == json.dumps(mine.to_data(), ensure_ascii=False)
    assert [list(i["tempo"]) for i in json.loads(body)["items"] if "tempo" in i] == [
        list(i.overrides.tempo) for i in mine.items if i.overrides.tempo
    ]


def test_an_id_that_is_shipped_or_stored_becomes_a_copy(routines, catalog):
    shipped = catalog.routine("tweaked-back")
    first = routines.add(shipped, reserved={"tweaked-back"}, now=NOW)
    second = routines.add(shipped, reserved={"tweaked-back"}, now=NOW)
    assert (first.id, second.id) == ("tweaked-back-copy", "tweaked-back-copy-2")
    assert {s.routine.id for s in routines.all()} == {"tweaked-back-copy", "tweaked-back-copy-2"}


def test_replace_edits_and_reorders_by_last_change(routines, catalog):
    a = routines.add(replace(catalog.routine("mobility-trio"), id="a"), reserved=set(), now=NOW)
    routines.add(replace(catalog.routine("mobility-trio"), id="b"), reserved=set(), now=NOW + timedelta(1))
    routines.replace(replace(a, name="Renamed", items=a.items[:1]), now=NOW + timedelta(2))
    listed = routines.all()
    assert [s.routine.id for s in listed] == ["a", "b"]
    assert listed[0].routine.name == "Renamed" and len(listed[0].routine.items) == 1


def test_replacing_a_routine_that_is_gone_raises(routines, catalog):
    with pytest.raises(KeyError):
        routines.replace(replace(catalog.routine("mobility-trio"), id="ghost"), now=NOW)


def test_delete_then_restore(routines, catalog):
    mine = routines.add(replace(catalog.routine("mobility-trio"), id="mine"), reserved=set(), now=NOW)
    removed = routines.delete("mine")
    assert routines.all() == [] and routines.delete("mine") is None
    assert routines.restore(removed, now=NOW) == mine
    assert routines.get("mine").routine == mine
