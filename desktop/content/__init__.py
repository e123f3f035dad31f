"""Data files people and the project write: read, validated, turned into core values.

pydantic lives here, not in ``core``: validation is about file formats, the
rules in ``core`` only ever see values that already passed.
"""
