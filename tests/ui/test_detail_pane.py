"""The exercise details describe the person's own step: its cues and its equipment."""

from __future__ import annotations

from desktop.ui.detail_pane import exercise_html
from desktop.ui.theme import LIGHT


def _how(page: str) -> str:
    return page.split("<h3>How</h3>")[1].split("</ol>")[0]


def _header(page: str) -> str:
    return page.split("</p>")[0]  # the position and the equipment, under the name


def test_the_how_list_and_equipment_follow_the_persons_step(catalog):
    curl = catalog.exercise("reverse-jefferson-curl")
    first, second, third = (exercise_html(curl, (), LIGHT, step=n) for n in range(3))
    assert "Rest your hands on your hips." in _how(first) and "Link your hands" not in _how(first)
    assert "Link your hands behind you, arms straight." in _how(second)
    assert "Backpack on; face the wall, hips against it." in _how(third)
    assert "ackpack" not in _header(first) and "ackpack" in _header(third)
