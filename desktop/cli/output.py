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


def print_json(data) -> None:
    """JSON that stays JSON in any locale: escaped as ``\\uXXXX`` where the output is not Unicode."""
    json.dump(data, sys.stdout, ensure_ascii=not _unicode_out(), indent=2)
    sys.stdout.write("\n")


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
