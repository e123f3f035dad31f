"""``upright breaks simulate``: a trace in, one JSON line per decision out; bad files refused whole."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.cli.main import main
from desktop.content.break_files import MAX_TRACE_BYTES

NO_VALUE = "expected a value here: a number, text in double quotes, true, false, [a list] or {an object}"


def line(mono, wall, **observation) -> str:
    return json.dumps({"mono": mono, "wall": f"2026-11-23T{wall}+01:00", **observation})


def write(tmp_path, name, lines) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def simulate(capsys, *args):
    code = main(["breaks", "simulate", *args])
    out, err = capsys.readouterr()
    return code, [json.loads(x) for x in out.splitlines()], err


def decision(mono, wall, kind) -> dict:
    return {"mono": mono, "wall": f"2026-11-23T{wall}+01:00", "decision": kind}


MORNING = [
    line(0, "09:00:00", idle_s=0),
    line(1740, "09:29:00", idle_s=0),
    line(1850, "09:30:50", idle_s=1),  # the reminder fell due at 1800, between these two lines
    "",
    line(1900, "09:31:40", event="answer", answer="snooze"),
    line(2520, "09:42:00", idle_s=0),
    line(2530, "09:42:10", event="answer", answer="take"),
    line(2600, "09:43:20", event="lock"),
    line(3000, "09:50:00", event="unlock"),
    line(3100, "09:51:40", event="fullscreen_on"),
    "   ",
    line(5000, "10:23:20", idle_s=0),
    line(5400, "10:30:00", event="fullscreen_off"),
]


def test_prints_one_json_line_per_decision_at_its_own_time(tmp_path, capsys):
    code, decisions, err = simulate(capsys, write(tmp_path, "morning.jsonl", MORNING))
    assert (code, err) == (0, "")
    assert decisions == [
        decision(1800.0, "09:30:00", "remind"),
        decision(1900.0, "09:31:40", "snoozed"),
        decision(2500.0, "09:41:40", "remind"),  # 10 minutes of sitting after the snooze
        decision(2530.0, "09:42:10", "break_taken"),
        decision(3000.0, "09:50:00", "natural_break"),  # 70 s back at the desk, then locked for 6 min 40 s
        decision(4800.0, "10:20:00", "deferred"),  # full screen since 09:51:40
        decision(5400.0, "10:30:00", "remind"),  # one, when full screen ends
    ]


def test_a_lock_after_sitting_is_a_natural_break(tmp_path, capsys):
    trace = [
        line(0, "09:00:00", idle_s=0),
        line(600, "09:10:00", idle_s=0),
        line(600, "09:10:00", event="lock"),
        line(900, "09:15:00", event="unlock"),
    ]
    code, decisions, _ = simulate(capsys, write(tmp_path, "t.jsonl", trace))
    assert code == 0 and decisions == [decision(900.0, "09:15:00", "natural_break")]


def test_settings_file_changes_the_rules(tmp_path, capsys):
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"interval_min": 20, "working_hours": None}), encoding="utf-8")
    trace = [line(0, "06:00:00", idle_s=0), line(1500, "06:25:00", idle_s=0)]
    code, decisions, _ = simulate(capsys, write(tmp_path, "t.jsonl", trace), "--settings", str(settings))
    assert code == 0 and decisions == [decision(1200.0, "06:20:00", "remind")]
    code, decisions, _ = simulate(capsys, write(tmp_path, "t.jsonl", trace))
    assert code == 0 and decisions == []  # by default 06:00 is outside working hours


def test_windows_line_ends_and_deadlines_between_lines_in_the_earlier_offset(tmp_path, capsys):
    trace = tmp_path / "crlf.jsonl"
    trace.write_bytes(
        b"\r\n".join(
            [
                json.dumps({"mono": 0, "wall": "2026-10-26T09:00:00+02:00", "idle_s": 0}).encode(),
                json.dumps({"mono": 1850, "wall": "2026-10-26T08:30:50+01:00", "idle_s": 0}).encode(),
                b"",
            ]
        )
    )
    settings = tmp_path / "settings.json"
    settings.write_text('{"working_hours": null}')
    code, decisions, _ = simulate(capsys, str(trace), "--settings", str(settings))
    assert code == 0 and decisions == [
        {"mono": 1800.0, "wall": "2026-10-26T09:30:00+02:00", "decision": "remind"}
    ]


def test_an_empty_trace_decides_nothing(tmp_path, capsys):
    assert simulate(capsys, write(tmp_path, "empty.jsonl", ["", ""])) == (0, [], "")


def test_bad_trace_names_every_line_and_field_and_simulates_nothing(tmp_path, capsys):
    trace = write(
        tmp_path,
        "bad.jsonl",
        [
            line(0, "09:00:00", idle_s=0),
            line(60, "09:01:00", idle_s=0),
            "",
            json.dumps({"mono": 120, "wall": "2026-11-23T09:02:00", "idle_s": 0}),
            json.dumps({"mono": 180, "wall": "2026-11-23T09:03:00+01:00"}),
            line(240, "09:04:00", idle_s=0, event="lock"),
            '{"mono": 300, "wall": ',
            line(30, "09:05:00", idle_s=0),
            line(360, "09:06:00", event="nap"),
            line(420, "09:07:00", event="answer"),
            line(480, "09:08:00", event="lock", answer="take"),
            line(540, "09:09:00", idle_s=-1, note="x"),
            json.dumps({"mono": "soon", "wall": 1700000000, "idle_s": 0}),
            "[1, 2]",
            json.dumps({"mono": 600, "wall": "tomorrow", "idle_s": 0}),
        ],
    )
    code, decisions, err = simulate(capsys, trace)
    assert code == 2 and decisions == []
    assert err.splitlines() == [
        f"upright: {trace} was not loaded:",
        "  - line 4: wall: needs a UTC offset (e.g. +01:00 or Z)",
        "  - line 5: needs exactly one of idle_s or event",
        "  - line 6: needs exactly one of idle_s or event",
        "  - line 7: not valid JSON at column 23: " + NO_VALUE,
        "  - line 8: mono: goes back from 60 to 30; it must never decrease",
        "  - line 9: event: must be 'sleep', 'resume', 'lock', 'unlock', 'fullscreen_on', "
        "'fullscreen_off', 'dnd_on', 'dnd_off', 'call_on', 'call_off' or 'answer'",
        '  - line 10: answer: needed when event is "answer" (take, snooze or skip)',
        '  - line 11: answer: only allowed with event "answer"',
        "  - line 12: idle_s: must be at least 0",
        "  - line 12: note: is not a field Upright knows (check the spelling)",
        "  - line 13: mono: must be a number",
        "  - line 13: wall: must be an ISO 8601 date and time text with a UTC offset",
        "  - line 14: must be a JSON object",
        "  - line 15: wall: 'tomorrow' is not an ISO 8601 date and time",
    ]


def test_a_huge_list_of_problems_is_cut_short(tmp_path, capsys):
    trace = write(tmp_path, "junk.jsonl", ["junk"] * 250)
    code, _, err = simulate(capsys, trace)
    problems = err.splitlines()[1:]
    assert code == 2 and len(problems) == 101
    assert (
        problems[0] == "  - line 1: not valid JSON at column 1: " + NO_VALUE
        and problems[-1] == "  - ... and 150 more problems"
    )


def test_bad_settings_name_the_field(tmp_path, capsys):
    trace = write(tmp_path, "t.jsonl", MORNING)
    settings = tmp_path / "settings.json"
    settings.write_text(
        json.dumps(
            {
                "interval_min": 3,
                "snooze_min": 0,
                "quiet_in_calls": True,
                "working_hours": {"start": "18:00", "end": "09:00", "days": [1, 9]},
            }
        )
    )
    code, decisions, err = simulate(capsys, trace, "--settings", str(settings))
    assert code == 2 and decisions == []
    assert err.splitlines() == [
        f"upright: {settings} was not loaded:",
        "  - interval_min: must be between 5 and 240 minutes, not 3",
        "  - snooze_min: must be between 1 and 120 minutes, not 0",
        "  - working_hours: start 18:00 must be before end 09:00",
        "  - working_hours.days: must list ISO weekdays 1 to 7 (Monday is 1), at least one, not [1, 9]",
    ]


@pytest.mark.parametrize(
    ("content", "problems"),
    [
        (
            '{"interval": 30, "quiet_in_calls": "yes", "working_hours": {"start": "09:00"}}',
            [
                "working_hours.end: is required",
                "working_hours.days: is required",
                "quiet_in_calls: must be true or false",
                "interval: is not a field Upright knows (check the spelling)",
            ],
        ),
        (
            '{"snooze_min": 10,}',
            [
                "not valid JSON at line 1, column 19: "
                'expected a key in double quotes, such as "reps" (no comma before a closing })'
            ],
        ),
        ("[30]", ["must be a JSON object of setting names and values"]),
        (
            '{"natural_break_min": NaN}',
            ["natural_break_min: NaN is not a number; write a plain number such as 30"],
        ),
    ],
)
def test_settings_file_types_and_syntax(tmp_path, capsys, content, problems):
    settings = tmp_path / "settings.json"
    settings.write_text(content)
    code, _, err = simulate(capsys, write(tmp_path, "t.jsonl", MORNING), "--settings", str(settings))
    assert code == 2 and err.splitlines()[1:] == [f"  - {p}" for p in problems]


def test_both_files_bad_are_both_reported(tmp_path, capsys):
    settings = tmp_path / "settings.json"
    settings.write_text('{"snooze_min": 0}')
    code, _, err = simulate(capsys, write(tmp_path, "t.jsonl", ["{"]), "--settings", str(settings))
    assert code == 2
    assert "snooze_min: must be between 1 and 120 minutes, not 0" in err and "line 1: not valid JSON" in err


def test_unreadable_non_utf8_and_oversized_files_are_refused(tmp_path, capsys):
    code, _, err = simulate(capsys, str(tmp_path / "missing.jsonl"))
    assert code == 2 and "missing.jsonl was not loaded:\n  - does not exist" in err
    latin = tmp_path / "latin.jsonl"
    first = line(0, "09:00:00", idle_s=0).encode() + b'\n{"note": "caf'
    latin.write_bytes(first + b'\xe9"}\n')
    code, _, err = simulate(capsys, str(latin))
    assert code == 2 and f"  - line 2: is not UTF-8 text (byte {len(first)})" in err
    huge = tmp_path / "huge.jsonl"
    with huge.open("wb") as f:
        f.truncate(MAX_TRACE_BYTES + 1)  # sparse: costs no disk
    code, decisions, err = simulate(capsys, str(huge))
    assert code == 2 and decisions == []
    assert "  - is larger than 50 MB, the most a trace may be" in err


def test_the_sub_command_is_required_and_the_trace_too(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["breaks"])
    assert exited.value.code == 2
    with pytest.raises(SystemExit) as exited:
        main(["breaks", "simulate"])
    assert exited.value.code == 2
    assert "TRACE" in capsys.readouterr().err


def test_simulate_loads_neither_qt_nor_the_orm(tmp_path):
    trace = write(tmp_path, "t.jsonl", MORNING)
    code = (
        "import sys; from desktop.cli.main import main; main(['breaks', 'simulate', sys.argv[1]]);"
        "print([m for m in ('PySide6', 'sqlalchemy') if m in sys.modules], file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code, trace], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == "[]"
    assert len(out.stdout.splitlines()) == 7
