"""CI's one command lints, checks formatting and types before any test runs, with the
project's own configuration, and the pre-commit hooks run the same three tools."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bootstrap_runs_ruff_format_and_mypy_before_pytest():
    script = (ROOT / "packaging" / "bootstrap.sh").read_text()
    steps = [
        m.start()
        for m in re.finditer(
            r'"\$venv/bin/(ruff" check|ruff" format --check|mypy"|python" -m pytest)', script
        )
    ]
    assert len(steps) == 4 and steps == sorted(steps)
    assert "set -euo pipefail" in script  # a failing tool stops the run before the tests
    assert "bash packaging/bootstrap.sh test" in (ROOT / ".ci" / "run").read_text()


def test_pre_commit_runs_the_same_tools():
    hooks = (ROOT / ".pre-commit-config.yaml").read_text()
    for entry in (".venv/bin/ruff check", ".venv/bin/ruff format --check", ".venv/bin/mypy"):
        assert f"entry: {entry}" in hooks


def test_the_tools_are_in_the_test_extra():
    import tomllib

    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    assert any(d.startswith("ruff") for d in extra) and any(d.startswith("mypy") for d in extra)


def test_ruff_finds_a_planted_lint_error(tmp_path):
    """The configuration bites: an unused import in a checked file fails ``ruff check``."""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n")
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "check", "--config", str(ROOT / "pyproject.toml"), str(bad)],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "F401" in result.stdout
