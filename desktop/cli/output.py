"""Printing helpers shared by the sub-commands: JSON, tables, errors."""

from __future__ import annotations

import codecs
import io
import json
import signal
import sys

EXIT_PIPE_CLOSED = 128 + signal.SIGPIPE  # what a shell reports for a writer whose reader left: 141


def prepare_streams() -> None:
    """Output that cannot fail on the locale: a character the terminal's encoding lacks is
    written as ``\\u201c`` (ISO-8859-1, LANG=C without UTF-8) instead of raising, so a
    command never dies after doing its work merely because it could not say so."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _unicode_out() -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def print_json(data, *, one_line_below: int | None = None) -> None:
    """JSON that stays JSON in any locale: escaped as ``\\uXXXX`` where the output is not Unicode.

    ``one_line_below``: from that depth on, each value is written on one line. A long
    export (ten years of sessions) then goes through the json module's C encoder, which
    indentation turns off: seconds instead of tens of seconds, one session a line.
    """
    ascii_only = not _unicode_out()
    if one_line_below is None:
        json.dump(data, sys.stdout, ensure_ascii=ascii_only, indent=2)
    else:
        _write_json(data, one_line_below, "", ascii_only)
    sys.stdout.write("\n")


def _write_json(value, one_line_below: int, indent: str, ascii_only: bool) -> None:
    write = sys.stdout.write
    if one_line_below <= 0 or not isinstance(value, dict | list) or not value:
        write(json.dumps(value, ensure_ascii=ascii_only))
        return
    inner = indent + "  "
    items = value.items() if isinstance(value, dict) else ((None, item) for item in value)
    write("{" if isinstance(value, dict) else "[")
    for n, (key, item) in enumerate(items):
        write(",\n" if n else "\n")
        write(inner if key is None else f"{inner}{json.dumps(key, ensure_ascii=ascii_only)}: ")
        _write_json(item, one_line_below - 1, inner, ascii_only)
    write(f"\n{indent}" + ("}" if isinstance(value, dict) else "]"))


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip())


def fail(message: str, code: int) -> int:
    print(f"upright: {message}", file=sys.stderr)
    return code
