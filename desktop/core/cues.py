"""Cues tied to the moment they describe, and which one is true right now.

A cue is only useful from the floor if it describes what the person is
doing at that instant, so the catalog files each cue under a *moment*:
``setup`` (getting into position), ``work`` (the set as a whole, for holds
and self-paced reps), ``switch`` (changing sides) or the name of a tempo
phase (``lift``, ``lower``, ``open``...). The session asks :func:`cue_now`
on every repaint and on every phase change, so the words on screen and in
the voice change exactly when the phase does, with no timer of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

SETUP = "setup"
WORK = "work"
SWITCH = "switch"
FIXED_MOMENTS = (SETUP, WORK, SWITCH)

ROTATE_S = 8.0  # a long hold shows its work cues in turn, each long enough to read from the floor
GENERIC_SWITCH = "Change to the other side"
FINISHED = "Take your time getting up."


@dataclass(frozen=True)
class Cues:
    """An exercise's cues by moment, in the order the author wrote them."""

    moments: Mapping[str, tuple[str, ...]]

    def __post_init__(self) -> None:
        object.__setattr__(self, "moments", MappingProxyType(dict(self.moments)))

    def get(self, moment: str) -> tuple[str, ...]:
        """The cues of ``moment``; a tempo phase the author did not describe falls back to ``work``."""
        found = self.moments.get(moment)
        if found:
            return found
        return self.moments.get(WORK, ()) if moment not in (SETUP, SWITCH) else ()

    def __iter__(self) -> Iterator[str]:
        """Every cue once, in the author's order: the how-to list of the detail pane."""
        for lines in self.moments.values():
            yield from lines

    def __len__(self) -> int:
        return sum(len(lines) for lines in self.moments.values())

    def with_overrides(self, other: Cues | None) -> Cues:
        """These cues with every moment ``other`` describes replaced (a ladder step's own cues)."""
        if other is None:
            return self
        merged = dict(self.moments)
        merged.update(other.moments)
        return Cues(merged)

    def to_data(self) -> dict[str, list[str]]:
        return {moment: list(lines) for moment, lines in self.moments.items()}

    @classmethod
    def from_data(cls, data: Mapping[str, list[str]]) -> Cues:
        return cls({moment: tuple(lines) for moment, lines in data.items()})


def sentence(cue: str) -> str:
    """A cue as it is shown and spoken: a sentence with its full stop. The catalog writes
    cues as bare phrases; this is the one rule that punctuates them, wherever they appear
    (the session, the break window, the exercise details, the voice)."""
    cue = cue.strip()
    return cue if not cue or cue[-1] in ".!?\u2026" else f"{cue}."


def sentences(lines: Iterable[str]) -> str:
    """Several cues shown together: each its own sentence, one space between."""
    return " ".join(sentence(line) for line in lines if line.strip())


def pick(lines: tuple[str, ...], turn: int) -> str:
    """The ``turn``-th cue of a moment, round and round, as a sentence; empty when there is none."""
    return sentence(lines[turn % len(lines)]) if lines else ""


def setup_text(cues: Cues) -> str:
    """What to do to get into position: every setup cue, as sentences."""
    return sentences(cues.get(SETUP))


def switch_text(cues: Cues) -> str:
    return pick(cues.get(SWITCH), 0) or sentence(GENERIC_SWITCH)
