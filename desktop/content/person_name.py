"""The name a report is written for, checked by the rule routine names follow.

People type it in Preferences or give it with ``upright report --name``;
either way it is printed on paper, so it gets the file schema's rule for
shown text: no control or escape characters, no direction overrides, not
blank, stored in NFC with the surrounding spaces dropped.
"""

from __future__ import annotations

from desktop.content.routine_validation import text_problem
from desktop.core.routine_edit import stored_text


class PersonNameError(ValueError):
    """A name that cannot be printed; the message says why, in a person's words."""


def person_name(text: str) -> str:
    """``text`` as stored and printed (trimmed, NFC); raises ``PersonNameError`` saying what is wrong."""
    problem = person_name_problem(text)
    if problem is not None:
        raise PersonNameError(problem)
    return stored_text(text)


def person_name_problem(text: str) -> str | None:
    """Why ``text`` cannot name the person on a report, or ``None``."""
    return text_problem(text, "give the name to print on the report", "the name")
