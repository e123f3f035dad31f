"""Put back the phase order of stored routines that were saved with their keys sorted.

Until this revision the routine store wrote ``routines.body`` with
``sort_keys``, so every saved, customised or imported routine ran its tempo
phases alphabetically: the open book closed before it opened, the
segmental bridge started with "roll-down". Where the catalog names the same
phases for that exercise, the catalog's order is the intended one and is
restored. A tempo with phases of the person's own naming cannot be told
apart from one they wrote in that order, so it is left as it is.

The catalog's orders are copied here as they were when the damage was done
(exercises.toml and routines.toml of revision 0002's releases), not read
from the live catalog: a later catalog may rename or reorder phases, and
this repair is about what was stored then.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 15:30:00
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Exercise id -> its tempo phases in the catalog's order (exercise dosages and shipped routine items).
CATALOG_PHASES: dict[str, tuple[str, ...]] = {
    "reverse-jefferson-curl": ("lean-back", "hold", "return"),
    "reverse-hyperextension": ("lift", "lower"),
    "belly-breathing-feet-up": ("inhale", "exhale"),
    "cat-cow": ("cat", "cow"),
    "rocking-all-fours": ("back", "forward"),
    "supine-marching": ("lift", "lower"),
    "standing-back-bend": ("lean-back", "hold", "return"),
    "open-book-rotation": ("open", "close"),
    "segmental-bridge": ("roll-up", "top", "roll-down"),
}


def repaired(body: str) -> str | None:
    """``body`` with each tempo the catalog identifies in the catalog's order; ``None`` if
    nothing changes (or the body is not a routine this can read, which is left alone)."""
    try:
        data = json.loads(body)
        items = data["items"]
    except (ValueError, KeyError, TypeError):
        return None
    changed = False
    for item in items if isinstance(items, list) else []:
        tempo = item.get("tempo") if isinstance(item, dict) else None
        order = CATALOG_PHASES.get(item.get("exercise")) if isinstance(tempo, dict) else None
        if order and isinstance(tempo, dict) and set(tempo) == set(order) and tuple(tempo) != order:
            item["tempo"] = {phase: tempo[phase] for phase in order}
            changed = True
    return json.dumps(data, ensure_ascii=False) if changed else None


def upgrade() -> None:
    """Rewrite the bodies whose phases the catalog puts in another order; nothing else changes."""
    connection = op.get_bind()
    rows: list[Any] = list(connection.execute(sa.text("SELECT id, body FROM routines")))
    for routine_id, body in rows:
        fixed = repaired(body)
        if fixed is not None:
            connection.execute(
                sa.text("UPDATE routines SET body = :body WHERE id = :id"), {"body": fixed, "id": routine_id}
            )


def downgrade() -> None:
    """Nothing to undo: the catalog's order is also a valid order for the older schema."""
