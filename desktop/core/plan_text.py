"""Plain words for plan steps, shared by the routine preview and the session view."""

from __future__ import annotations

from desktop.core.dosage_text import number, seconds_text, tempo_list
from desktop.core.plan import Step

SIDE_WORDS = {"left": "left side", "right": "right side", "alternate": "alternating sides"}


def step_detail(step: Step) -> str:
    if step.kind == "work":
        bits = [f"set {step.set_index} of {step.sets}"] if step.sets > 1 else []
        if step.side in SIDE_WORDS:
            bits.append(SIDE_WORDS[step.side])
        if step.seconds is not None:
            bits.append(seconds_text(step.seconds))
        else:
            bits.append(f"{step.reps} reps" + (" per side" if step.side == "alternate" else ""))
            if step.tempo:
                bits.append(tempo_list(step.tempo))
            elif step.hold_s:
                bits.append(f"hold {number(step.hold_s)} s at the end")
            else:
                bits.append("at your own pace")
        return " \u00b7 ".join(bits)
    if step.kind == "done":
        return "Routine complete"
    return seconds_text(step.seconds or 0)
