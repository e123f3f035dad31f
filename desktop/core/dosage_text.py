"""Short human summaries of a dosage, as cards and previews show them.

Kept in ``core`` because the wording rules (ranges, per-side, minutes) are
shared by the GUI, the CLI table and exports.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.catalog import Dosage, Range

DASH = "\u2013"  # an en dash reads as "to" in ranges such as 8–20


def number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def span(r: Range, unit: str = "") -> str:
    text = number(r.lo) if r.is_single else f"{number(r.lo)}{DASH}{number(r.hi)}"
    return f"{text}{unit}"


def seconds_text(seconds: float) -> str:
    """``45 s``, ``2 min``, ``1 min 30 s``, ``1 h 5 min``."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def about(seconds: float) -> str:
    """A rounded estimate: ``45 s`` under a minute, whole minutes above."""
    return seconds_text(seconds if seconds < 60 else round(seconds / 60) * 60)


def time_span(r: Range) -> str:
    if r.is_single:
        return seconds_text(r.lo)
    if r.lo % 60 == 0 and r.hi % 60 == 0 and r.lo >= 60:
        return f"{number(r.lo / 60)}{DASH}{number(r.hi / 60)} min"
    if r.hi < 60:
        return f"{number(r.lo)}{DASH}{number(r.hi)} s"
    return f"{seconds_text(r.lo)}{DASH}{seconds_text(r.hi)}"


def summary(d: Dosage) -> str:
    """The one-line dose: ``2–3 × 8–20``, ``hold 10 s each side``, ``20 min``."""
    parts: list[str] = []
    if d.reps is not None:
        reps = span(d.reps)
        parts.append(f"{span(d.sets)} \u00d7 {reps}" if d.sets is not None else f"{reps} reps")
        if d.hold_s is not None:
            parts.append(f"hold {time_span(d.hold_s)}")
    elif d.duration_s is not None:
        prefix = f"{span(d.sets)} \u00d7 " if d.sets is not None else ""
        parts.append(prefix + time_span(d.duration_s))
    elif d.hold_s is not None:
        prefix = f"{span(d.sets)} \u00d7 " if d.sets is not None else ""
        parts.append(f"{prefix}hold {time_span(d.hold_s)}")
    elif d.sets is not None:
        parts.append(f"{span(d.sets)} sets")
    sides = {"each": "each side", "alternate": "each side, alternating"}.get(d.effective_sides)
    if not parts:
        return f"{sides}, at your own pace" if sides else "at your own pace"
    text = ", ".join(parts)
    return f"{text} {sides}" if sides else text


def frequency(d: Dosage) -> str:
    """How often: ``4–6× a day · 2–3× a week``; empty when the seed gives no rhythm."""
    parts = []
    if d.per_day is not None:
        parts.append("daily" if d.per_day == Range(1, 1) else f"{span(d.per_day)}\u00d7 a day")
    if d.per_week is not None:
        parts.append(f"{span(d.per_week)}\u00d7 a week")
    return " \u00b7 ".join(parts)


def phase_words(phase: str) -> str:
    """A tempo phase as a person says it (``lean-back`` -> ``lean back``): the one wording of
    a phase, in the tempo lists and (capitalised) as the session's big phase word."""
    return phase.replace("-", " ").replace("_", " ")


def tempo_list(tempo: Iterable[tuple[str, float]]) -> str:
    """``lean back 3 s, hold 2 s, return 3 s``: the phases in the author's order."""
    return ", ".join(f"{phase_words(phase)} {number(s)} s" for phase, s in tempo)


def tempo_text(d: Dosage) -> str:
    return tempo_list(d.tempo.items()) if d.tempo else ""
