"""The tray icon variants read at 16 px on light and dark panels, and differ from each other."""

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.ui.tray_art import SIZES, tray_icon
from tests.ui.test_session_view import contrast

PANELS = {"light": "#f2f2f2", "dark": "#202326"}


def on_panel(state: str, size: int, panel: str, progress: float = 0.5) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(PANELS[panel]))
    painter = QPainter(image)
    painter.drawPixmap(0, 0, tray_icon(state, progress).pixmap(size, size))
    painter.end()
    return image


def pixels(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]


@pytest.mark.parametrize("panel", PANELS)
@pytest.mark.parametrize("state", ["normal", "due", "paused"])
def test_each_variant_stands_out_from_the_panel_at_16_px(state, panel):
    background = QColor(PANELS[panel])
    strong = [c for c in pixels(on_panel(state, 16, panel)) if contrast(c, background) >= 3.0]
    assert len(strong) >= 40, len(strong)  # the ring and the figure, not a faint smudge


@pytest.mark.parametrize("panel", PANELS)
def test_the_three_states_look_different_at_16_px(panel):
    images = {state: on_panel(state, 16, panel) for state in ("normal", "due", "paused")}
    for a, b in (("normal", "due"), ("normal", "paused"), ("due", "paused")):
        changed = sum(
            1 for x, y in zip(pixels(images[a]), pixels(images[b]), strict=False) if contrast(x, y) > 1.5
        )
        assert changed >= 20, (a, b, changed)


def test_the_ring_shows_sitting_time():
    empty, half = on_panel("normal", 32, "light", 0.0), on_panel("normal", 32, "light", 0.5)
    assert pixels(empty) != pixels(half)
    assert min(SIZES) == 16 and tray_icon("normal", 0.3).availableSizes()[0].width() == 16
