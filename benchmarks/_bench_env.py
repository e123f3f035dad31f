"""The environment benchmark child processes run in.

An installed Upright has compiled bytecode for every module (pip writes it
at install). A checkout run with PYTHONDONTWRITEBYTECODE=1 compiles every
module on every start instead (~70 ms of a start-up), which no user sees.
So children keep their bytecode in build/pycache (git ignores build/; the
checkout's folders stay clean) and the first, untimed run fills it.
"""

from __future__ import annotations

import os
from pathlib import Path

PYCACHE = Path(__file__).resolve().parents[1] / "build" / "pycache"


def child_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("PYTHONPYCACHEPREFIX", str(PYCACHE))
    env.update(extra)
    return env
