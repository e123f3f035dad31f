"""The layers import only what docs/architecture.md says they may.

Each module's imports are read from its source (every ``import``, including
ones inside functions and under ``TYPE_CHECKING``), so a deferred import
cannot slip a forbidden dependency past the rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "desktop"
LAYERS = ("core", "content", "storage", "platform", "ui", "app", "cli")
TOP = "top"  # desktop/*.py: the entry point, asset paths, logging set-up

# Which of the app's own layers each layer may import (itself always).
MAY_IMPORT: dict[str, set[str]] = {
    "core": set(),
    "content": {"core", TOP},
    "storage": {"core", TOP},
    "platform": {"core", TOP},
    "ui": {"core", "content", TOP},  # content: the routine editor parses fields as the files do
    "app": {"core", "content", "storage", "platform", "ui", TOP},
    "cli": {"core", "content", "storage", "app", TOP},
    TOP: {"cli", "app"},  # __main__ starts the command line, which starts the app
}
# Which third-party packages each layer may import; the rest of the world is unlimited.
PACKAGES = ("PySide6", "shiboken6", "qasync", "sqlalchemy", "alembic", "pydantic", "dbus_fast")
MAY_USE: dict[str, set[str]] = {
    "core": set(),
    "content": {"pydantic"},
    "storage": {"sqlalchemy", "alembic"},
    "platform": {"PySide6", "dbus_fast"},
    "ui": {"PySide6", "shiboken6"},
    "app": {"PySide6", "shiboken6", "qasync"},
    "cli": set(),
    TOP: set(),
}
# Named exceptions, each with its reason.
ALLOWED = {
    # Generated Qt resource data (sounds, icons), not UI code: the audio adapter registers it.
    ("desktop/platform/audio.py", "desktop.ui.resources_rc"),
}


def layer_of(path: Path) -> str:
    parts = path.relative_to(ROOT).parts
    return parts[0] if len(parts) > 1 else TOP


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def target_layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "desktop":
        return None
    if len(parts) > 1 and parts[1] in LAYERS:
        return parts[1]
    return TOP


def test_every_layer_is_known():
    assert {layer_of(p) for p in ROOT.rglob("*.py")} <= {*LAYERS, TOP}


def test_layers_import_only_the_layers_below_them():
    broken = []
    for path in sorted(ROOT.rglob("*.py")):
        own = layer_of(path)
        rel = str(path.relative_to(ROOT.parent))
        for module in imports(path):
            target = target_layer(module)
            if target is None or target == own or (rel, module) in ALLOWED:
                continue
            if target not in MAY_IMPORT[own]:
                broken.append(f"{rel} ({own}) imports {module} ({target})")
    assert broken == []


def test_qt_sqlalchemy_and_pydantic_stay_in_their_layers():
    broken = []
    for path in sorted(ROOT.rglob("*.py")):
        own = layer_of(path)
        for module in imports(path):
            package = module.split(".")[0]
            if package in PACKAGES and package not in MAY_USE[own]:
                broken.append(f"{path.relative_to(ROOT.parent)} ({own}) imports {module}")
    assert broken == []


def test_the_rules_catch_a_breach(tmp_path):
    """The checker itself: an import the table forbids is found."""
    sample = tmp_path / "bad.py"
    sample.write_text("def f():\n    from desktop.storage.history import HistoryStore\n    import PySide6\n")
    assert imports(sample) == {"desktop.storage.history", "PySide6"}
    assert target_layer("desktop.storage.history") not in MAY_IMPORT["ui"]
    assert "PySide6" not in MAY_USE["core"]
