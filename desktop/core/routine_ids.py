"""Ids for routines people make or import.

Ids are what files and the command line use to name a routine, so they stay
kebab-case ASCII like the shipped ones, and a new routine never takes an id
that is already used: an import with a clashing id becomes a copy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from desktop.core.catalog import Routine

MAX_ID = 64


def slug(name: str) -> str:
    """A kebab-case id made from a display name ("Busy day!" -> "busy-day")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    return "-".join(words)[:MAX_ID].strip("-") or "routine"


def unique_id(base: str, taken: set[str] | frozenset[str]) -> str:
    """``base`` if free, else ``base-copy``, ``base-copy-2``… trimmed to fit ``MAX_ID``."""
    if base not in taken:
        return base
    n = 1
    while True:
        suffix = "-copy" if n == 1 else f"-copy-{n}"
        candidate = base[: MAX_ID - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        n += 1


def find_routines(routines: Iterable[Routine], wanted: str) -> list[Routine]:
    """The routines ``wanted`` names: an exact id; else a name matched regardless of case;
    else every routine whose name or id contains it. One result is a match; more are
    candidates to list; none means nothing fits."""
    routines = list(routines)
    exact = [r for r in routines if r.id == wanted]
    if exact:
        return exact
    folded = wanted.casefold().strip()
    named = [r for r in routines if r.name.casefold() == folded or r.id == slug(wanted)]
    if named:
        return named
    return [r for r in routines if folded and (folded in r.name.casefold() or folded in r.id)]
