"""A broken catalog file is refused with one message per problem, naming where."""

import shutil

import pytest

from desktop.assets import catalog_dir
from desktop.content.catalog_loader import load_catalog
from desktop.content.errors import ContentError


@pytest.fixture
def catalog_copy(tmp_path):
    folder = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), folder)
    return folder


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_unknown_exercise_in_a_routine(catalog_copy):
    _edit(catalog_copy / "routines.toml", 'exercise = "cat-cow"', 'exercise = "cat-cow2"')
    with pytest.raises(ContentError) as err:
        load_catalog(catalog_copy)
    assert any('unknown exercise "cat-cow2"' in p for p in err.value.problems)


def test_descending_range_and_unknown_key(catalog_copy):
    _edit(catalog_copy / "exercises.toml", "per_day = [4, 6]", "per_day = [6, 4], per_dya = 1")
    with pytest.raises(ContentError) as err:
        load_catalog(catalog_copy)
    text = "\n".join(err.value.problems)
    assert "exercise[0].dosage.per_day" in text and "min <= max" in text
    assert "exercise[0].dosage.per_dya: is not a field Upright knows" in text


def test_too_few_cues_and_bad_id(catalog_copy):
    _edit(catalog_copy / "exercises.toml", 'id = "reverse-jefferson-curl"', 'id = "Reverse Jefferson"')
    with pytest.raises(ContentError) as err:
        load_catalog(catalog_copy)
    assert any(p.startswith("exercise[0].id:") for p in err.value.problems)


def test_not_toml(catalog_copy):
    (catalog_copy / "safety.toml").write_text("[[safety]\nid = ")
    with pytest.raises(ContentError) as err:
        load_catalog(catalog_copy)
    assert "safety.toml" in err.value.source
    assert "line 1" in err.value.problems[0]
