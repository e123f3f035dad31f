"""Every routine a person can start: the shipped templates and their own.

Shipped routines come with the catalog and are read-only templates; the
person's own (made, copied or imported) live in the store. Ids are unique
across both, so a command line or a file can name either.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.catalog import Catalog, Routine


@dataclass(frozen=True)
class Library:
    catalog: Catalog
    own: tuple[Routine, ...] = ()

    @property
    def routines(self) -> tuple[Routine, ...]:
        """The person's own first (most recently changed first), then the templates."""
        return (*self.own, *self.catalog.routines)

    def routine(self, routine_id: str) -> Routine:
        for routine in self.routines:
            if routine.id == routine_id:
                return routine
        raise KeyError(routine_id)

    def is_own(self, routine_id: str) -> bool:
        return any(r.id == routine_id for r in self.own)

    def shipped_ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.catalog.routines)
