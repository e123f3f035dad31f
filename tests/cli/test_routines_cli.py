"""``upright routines``, ``import`` and ``export-routine``: round trips, copies on id clashes,
and a bad file that leaves the store byte for byte as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli.main import main


def cli(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_export_then_import_gives_the_same_routine_as_a_copy(capsys, tmp_path):
    data = tmp_path / "data"
    path = tmp_path / "tweaked.json"
    assert cli(capsys, data, "export-routine", "tweaked-back", str(path))[0] == 0
    code, out, _ = cli(capsys, data, "import", str(path))
    assert code == 0 and "as tweaked-back-copy" in out and "was taken" in out
    _, out, _ = cli(capsys, data, "routines", "--json")
    listed = {r["id"]: r for r in json.loads(out)["routines"]}
    copy, shipped = listed["tweaked-back-copy"], listed["tweaked-back"]
    assert (copy["origin"], shipped["origin"]) == ("own", "shipped")
    assert {k: v for k, v in copy.items() if k not in ("id", "origin")} == {
        k: v for k, v in shipped.items() if k not in ("id", "origin")
    }
    again = tmp_path / "again.json"
    cli(capsys, data, "export-routine", "tweaked-back-copy", str(again))
    first, second = json.loads(path.read_text()), json.loads(again.read_text())
    second["routine"]["id"] = first["routine"]["id"]
    assert first == second


def test_a_new_id_imports_under_its_own_id(capsys, tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "format": "upright-routine",
                "version": 1,
                "routine": {
                    "id": "busy-day",
                    "name": "Busy day",
                    "description": "Two moves.",
                    "items": [{"exercise": "cat-cow", "reps": 5}, {"exercise": "standing-back-bend"}],
                },
            }
        )
    )
    code, out, _ = cli(capsys, tmp_path / "data", "import", str(path))
    assert code == 0 and out.strip() == "Imported \u201cBusy day\u201d as busy-day."
    _, out, _ = cli(capsys, tmp_path / "data", "routines")
    assert "busy-day" in out and "yours" in out


def test_unknown_routine_id_on_export(capsys, tmp_path):
    code, _, err = cli(capsys, tmp_path / "data", "export-routine", "nope", str(tmp_path / "x.json"))
    assert code == 2 and 'no routine with the id "nope"' in err and "tweaked-back" in err
    assert not (tmp_path / "x.json").exists()


BROKEN = st.one_of(
    st.binary(max_size=200),
    st.builds(
        lambda r: json.dumps({"format": "upright-routine", "version": 1, "routine": r}).encode(),
        st.dictionaries(
            st.sampled_from(["id", "name", "description", "items", "extra"]),
            st.one_of(st.text(max_size=5), st.integers(), st.lists(st.integers(), max_size=3)),
            max_size=5,
        ),
    ),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=BROKEN)
def test_a_broken_file_imports_nothing_and_leaves_the_store_untouched(capsys, tmp_path, raw):
    data = tmp_path / "data"
    good = tmp_path / "good.json"
    if not data.exists():
        cli(capsys, data, "export-routine", "mobility-trio", str(good))
        cli(capsys, data, "import", str(good))
        from desktop.storage.database import open_database

        open_database(data).close()  # checkpoint the WAL so the file alone holds everything
    before = digest(data)
    bad = tmp_path / "bad.json"
    bad.write_bytes(raw)
    code, out, err = cli(capsys, data, "import", str(bad))
    assert code == 2 and "Nothing was imported." in err and "was not loaded" in err and out == ""
    assert digest(data) == before


@pytest.mark.parametrize(("name", "said"), [("missing.json", "does not exist"), ("folder", "is a folder")])
def test_files_that_cannot_be_read(capsys, tmp_path, name, said):
    (tmp_path / "folder").mkdir()
    code, _, err = cli(capsys, tmp_path / "data", "import", str(tmp_path / name))
    assert code == 2 and said in err
