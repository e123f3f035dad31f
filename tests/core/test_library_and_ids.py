"""Routine ids for new and imported routines, and the library of shipped and own routines."""

from dataclasses import replace

from desktop.core.library import Library
from desktop.core.routine_ids import MAX_ID, slug, unique_id


def test_slug_makes_kebab_ids_from_any_name():
    assert slug("Busy day!  Quick 5") == "busy-day-quick-5"
    assert slug("Rückenübung") == "ruckenubung"
    assert slug("!!!") == "routine"
    assert len(slug("x" * 200)) == MAX_ID


def test_unique_id_adds_copy_suffixes_and_fits():
    assert unique_id("a", set()) == "a"
    assert unique_id("a", {"a"}) == "a-copy"
    assert unique_id("a", {"a", "a-copy", "a-copy-2"}) == "a-copy-3"
    long = "y" * MAX_ID
    new = unique_id(long, {long})
    assert len(new) <= MAX_ID and new.endswith("-copy") and new != long


def test_library_lists_own_routines_first_and_finds_both(catalog):
    own = replace(catalog.routine("mobility-trio"), id="mine", name="Mine")
    library = Library(catalog, (own,))
    assert library.routines[0] is own and len(library.routines) == len(catalog.routines) + 1
    assert library.routine("mine") is own and library.routine("tweaked-back").id == "tweaked-back"
    assert library.is_own("mine") and not library.is_own("tweaked-back")
    assert "mine" not in library.shipped_ids()


def test_find_routines_by_id_name_or_part():
    from desktop.core.catalog import Routine
    from desktop.core.routine_ids import find_routines

    a = Routine("mobility-trio", "Mobility trio", "", (), ())
    b = Routine("mobility-plus", "Mobility plus", "", (), ())
    assert find_routines([a, b], "mobility-trio") == [a]
    assert find_routines([a, b], "MOBILITY TRIO") == [a]
    assert find_routines([a, b], "mobility") == [a, b]
    assert find_routines([a, b], "yoga") == []
