# ruff: noqa: E501  (the files under test are written out whole, one per line)
"""The one bounded reader, tried with every kind of file and bytes a person could hand Upright.

Routine files (JSON and TOML), settings files and break traces go through
``desktop/content/bounded_read.py``. Each promise of docs/reliability.md's
"Input" table has its test here; hypothesis feeds each reader arbitrary bytes.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.content.break_files import read_break_settings, read_trace
from desktop.content.errors import ContentError
from desktop.content.routine_file import read_routine_file

BYTES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def routine(**item) -> dict:
    return {
        "format": "upright-routine",
        "version": 1,
        "routine": {"id": "r", "name": "R", "description": "D", "items": [{"exercise": "cat-cow", **item}]},
    }


def problems_of(read, path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        read(path)
    assert caught.value.source == str(path)
    return caught.value.problems


def readers(catalog):
    return {
        "routine": lambda p: read_routine_file(p, catalog),
        "settings": read_break_settings,
        "trace": read_trace,
    }


# -- what is read at all -------------------------------------------------------------------------


def test_only_regular_files_are_read(tmp_path, catalog):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # no writer: opening it for reading the ordinary way would block forever
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    sock_path = tmp_path / "s.json"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    expected = {fifo: "named pipe", zero: "device", folder: "folder", sock_path: "socket"}
    started = time.monotonic()
    try:
        for path, kind in expected.items():
            for name, read in readers(catalog).items():
                found = problems_of(read, path)
                assert any(f"is a {kind}" in p for p in found), (name, path, found)
    finally:
        server.close()
    assert time.monotonic() - started < 5  # nothing blocked


@pytest.mark.parametrize("size_known", [True, False])
def test_an_endless_file_costs_no_more_than_the_limit(tmp_path, catalog, monkeypatch, size_known):
    huge = tmp_path / "huge.json"
    with huge.open("wb") as file:
        file.truncate(1024**3)  # 1 GB, sparse: costs no disk
    if not size_known:  # as files in /proc, or one still growing: the size says nothing until read
        real_fstat = os.fstat
        monkeypatch.setattr(
            os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 0, *real_fstat(fd)[7:]))
        )
    tracemalloc.start()
    try:
        for read in readers(catalog).values():
            assert any("is larger than" in p for p in problems_of(read, huge))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The trace limit is 50 MB (chunks, then joined); never the gigabyte. Known sizes are refused unread.
    assert peak < (120 if not size_known else 1) * 1024 * 1024


def test_a_fifo_with_a_writer_is_refused_too(tmp_path, catalog):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: _write_forever(fifo), daemon=True)
    writer.start()
    assert any("named pipe" in p for p in problems_of(read_trace, fifo))


def _write_forever(path: Path) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return  # the reader refused the pipe before opening it: nobody to write to
    os.close(fd)


# -- values --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("r.json", json.dumps(routine()).replace('"cat-cow"}', '"cat-cow", "reps": ' + "9" * 5000 + "}"), "item 1, reps: 99999"),
        ("r.json", json.dumps(routine()).replace('"cat-cow"}', '"cat-cow", "rest_s": 1e400}'), "item 1, rest_s: 1e400 is too large"),
        ("r.json", json.dumps(routine()).replace('"cat-cow"}', '"cat-cow", "rest_s": -Infinity}'), "item 1, rest_s: -Infinity is not a number"),
        ("r.toml", 'format = "upright-routine"\nversion = 1\n[routine]\nid = "r"\nreps = ' + "9" * 5000 + "\n", "line 5: a number thousands of digits long is too large"),
        ("r.toml", 'format = "upright-routine"\nversion = 1\n[routine]\nid = "r"\nx = inf\n', "routine.x: inf is not a number"),
        ("s.json", '{"interval_min": 1e999}', "interval_min: 1e999 is too large"),
        ("t.jsonl", '{"mono": 0, "wall": "2026-01-01T09:00:00Z", "idle_s": ' + "1" * 5000 + "}", "line 1: idle_s: 111111111111..."),
    ],
)  # fmt: skip
def test_numbers_too_large_are_refused_with_their_place(tmp_path, catalog, name, content, expected):
    path = tmp_path / name
    path.write_text(content)
    read = {"r": readers(catalog)["routine"], "s": read_break_settings, "t": read_trace}[name[0]]
    found = problems_of(read, path)
    assert any(p.startswith(expected) for p in found), found


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("r.json", '{"format": "upright-routine", "version": 1, "routine": {"id": "a", "id": "b"}}', 'routine: the key "id" appears twice'),
        ("r.toml", 'format = "upright-routine"\nformat = "upright-routine"\n', "a key or table is given twice"),
        ("s.json", '{"interval_min": 30, "snooze_min": 5, "interval_min": 45}', 'the key "interval_min" appears twice'),
        ("t.jsonl", '{"mono": 0, "wall": "2026-01-01T09:00:00Z", "idle_s": 1, "idle_s": 2}', 'line 1: the key "idle_s" appears twice'),
    ],
)  # fmt: skip
def test_repeated_keys_are_refused_in_every_kind_of_file(tmp_path, catalog, name, content, expected):
    path = tmp_path / name
    path.write_text(content)
    read = {"r": readers(catalog)["routine"], "s": read_break_settings, "t": read_trace}[name[0]]
    assert any(expected in p for p in problems_of(read, path))


def test_strings_are_not_numbers_in_any_file(tmp_path, catalog):
    cases = {
        "r.json": (json.dumps(routine(reps="10")), "item 1, reps"),
        "s.json": ('{"interval_min": "30"}', "interval_min: must be a number"),
        "t.jsonl": (
            '{"mono": "0", "wall": "2026-01-01T09:00:00Z", "idle_s": 1}',
            "line 1: mono: must be a number",
        ),
    }
    for name, (content, expected) in cases.items():
        path = tmp_path / name
        path.write_text(content)
        read = {"r": readers(catalog)["routine"], "s": read_break_settings, "t": read_trace}[name[0]]
        assert any(p.startswith(expected) for p in problems_of(read, path)), name


# -- doses ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"rest_s": 5e-324}, "item 1, rest_s: must be at least 1"),
        ({"reps": 5, "tempo": {"cat": 0.1, "cow": 3}}, "item 1, tempo.cat: must be at least 0.5"),
        ({"duration_s": 0.5}, "item 1, duration_s: must be at least 1"),
    ],
)
def test_doses_below_the_physical_minimums_are_refused(tmp_path, catalog, item, expected):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(routine(**item)))
    assert expected in problems_of(readers(catalog)["routine"], path)


def test_dose_keys_must_fit_the_exercise(tmp_path, catalog):
    path = tmp_path / "r.json"
    doc = routine()
    doc["routine"]["items"] = [
        {
            "exercise": "figure-four-stretch",
            "reps": 5,
            "tempo": {"a": 1},
            "sides": "alternate",
            "duration_s": 30,
        },
        {"exercise": "static-back", "reps": 3},
        {"exercise": "push-up", "duration_s": 30},
        {"exercise": "cat-cow", "reps": 5, "tempo": {"cat": 3, "cow": 3}, "hold_s": 2},
        {"exercise": "cat-cow", "duration_s": 60, "tempo": {"cat": 3}},
    ]
    path.write_text(json.dumps(doc))
    found = problems_of(readers(catalog)["routine"], path)
    assert {p.split(":")[0] for p in found} == {
        "item 1, reps",
        "item 1, tempo",
        "item 1, sides",
        "item 1, duration_s",
        "item 2, reps",
        "item 3, duration_s",
        "item 4, hold_s",
        "item 5, tempo",
    }
    assert any("is a hold, so reps does not fit" in p for p in found)
    doc["routine"]["items"] = [
        {"exercise": "figure-four-stretch", "hold_s": 20, "sides": "each", "sets": 2, "rest_s": 10},
        {"exercise": "cat-cow", "duration_s": 60},
        {"exercise": "supine-marching", "reps": 6, "sides": "alternate", "tempo": {"lift": 2}},
    ]
    path.write_text(json.dumps(doc))
    assert len(read_routine_file(path, catalog).items) == 3


# -- traces --------------------------------------------------------------------------------------


def trace_line(mono: float, wall: str) -> str:
    return json.dumps({"mono": mono, "wall": wall, "idle_s": 0})


def test_a_trace_covering_decades_is_refused_quickly(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(
        "\n".join(
            [
                trace_line(0, "2026-01-01T09:00:00+00:00"),
                trace_line(20 * 365 * 86400, "2046-01-01T09:00:00+00:00"),
                trace_line(20 * 365 * 86400 + 1, "2026-01-01T09:00:01+00:00"),
                trace_line(20 * 365 * 86400 + 2, "2056-01-01T09:00:00+00:00"),
            ]
        )
    )
    started = time.monotonic()
    found = problems_of(read_trace, path)
    assert time.monotonic() - started < 2
    assert (
        found[0] == "line 2: mono: is more than 31 days after the first line; a trace may cover at most that"
    )
    assert found[-1].startswith("line 4: mono: is more than 31 days")
    month = tmp_path / "month.jsonl"
    month.write_text(
        trace_line(0, "2026-01-01T09:00:00+00:00")
        + "\n"
        + trace_line(31 * 86400, "2026-02-01T09:00:00+00:00")
    )
    assert len(read_trace(month)) == 2


@pytest.mark.parametrize(
    "wall", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00", "1969-12-31T23:00:00-05:00"]
)
def test_dates_it_cannot_compute_are_refused_by_line(tmp_path, wall):
    path = tmp_path / "t.jsonl"
    path.write_text(trace_line(0, "2026-01-01T09:00:00+00:00") + "\n" + trace_line(1, wall))
    found = problems_of(read_trace, path)
    assert any(p.startswith("line 2: wall: must be a date from 1970 to 9998") for p in found), found


# -- any bytes -----------------------------------------------------------------------------------

VALID = {
    "routine.json": json.dumps(routine(reps=5)).encode(),
    "routine.toml": b'format = "upright-routine"\nversion = 1\n[routine]\nid = "r"\nname = "R"\ndescription = "D"\n[[routine.items]]\nexercise = "cat-cow"\n',
    "settings.json": b'{"interval_min": 30, "working_hours": {"start": "09:00", "end": "17:30", "days": [1, 2]}}',
    "trace.jsonl": (trace_line(0, "2026-01-01T09:00:00+00:00") + "\n" + trace_line(60, "2026-01-01T09:01:00+00:00")).encode(),
}  # fmt: skip


@st.composite
def damaged(draw, valid: bytes) -> bytes:
    """``valid`` cut, with bytes flipped or inserted, or wholly random."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    data = bytearray(valid[: draw(st.integers(0, len(valid)))] if draw(st.booleans()) else valid)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data)))
        piece = draw(
            st.sampled_from(
                [
                    b"9" * 4400,
                    b"1e400",
                    b"NaN",
                    b'"',
                    b"{",
                    b"]",
                    b"\x00",
                    b"\xff",
                    b"\n",
                    b"\\u202e",
                    b'"x": 1, "x": 2',
                ]
            )
        )
        data[at:at] = piece if draw(st.booleans()) else bytes([draw(st.integers(0, 255))])
    return bytes(data)


@BYTES
@given(st.sampled_from(sorted(VALID)).flatmap(lambda name: st.tuples(st.just(name), damaged(VALID[name]))))
def test_any_bytes_give_a_value_or_a_content_error(tmp_path, catalog, case):
    name, raw = case
    path = tmp_path / name
    path.write_bytes(raw)
    read = {"routine": readers(catalog)["routine"], "settings": read_break_settings, "trace": read_trace}[
        name.split(".")[0]
    ]
    started = time.monotonic()
    try:
        read(path)
    except ContentError as error:
        assert (
            error.source == str(path)
            and error.problems
            and all(isinstance(p, str) and p for p in error.problems)
        )
    assert time.monotonic() - started < 5
