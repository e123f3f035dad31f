"""The TOML writer: whatever it writes, ``tomllib`` reads back as the same data, in the same order."""

from __future__ import annotations

import json
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.content import toml_text
from desktop.content.routine_file import routine_document

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
scalars = (
    st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False) | text
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(text, values, max_size=6))
def test_any_tree_of_strings_numbers_lists_and_tables_reads_back_the_same(data):
    assert tomllib.loads(toml_text.dumps(data)) == data


def test_a_routine_keeps_every_key_in_the_authors_order(catalog):
    routine = catalog.routine("mobility-trio")
    document = routine_document(routine)
    written = toml_text.dumps(document)
    read = tomllib.loads(written)
    # json.dumps without sort_keys writes keys in dict order, so equal strings mean equal order.
    assert json.dumps(read) == json.dumps(document)
    tempos = [list(item["tempo"]) for item in read["routine"]["items"] if "tempo" in item]
    assert tempos == [list(item.overrides.tempo) for item in routine.items if item.overrides.tempo]
    assert any(phases != sorted(phases) for phases in tempos)  # an order sorting would have changed


def test_a_value_toml_cannot_hold_is_refused():
    with pytest.raises(ValueError, match="cannot be written"):
        toml_text.dumps({"a": None})
    with pytest.raises(ValueError, match="not a number"):
        toml_text.dumps({"a": float("nan")})
