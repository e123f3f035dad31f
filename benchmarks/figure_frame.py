"""Cost of one frame of the moving figure, beside the floor of painting its empty panel.

The session's figure repaints about 30 times a second while it moves; each frame asks
the timeline where the body is (``desktop.core.motion``), resolves the pose (blending,
planted hands and feet re-solved) and paints it. Measured for every drawing at the
figure's size in a 1280x720 session and in a 3840x2160 one.
Run: .venv/bin/python -m benchmarks.figure_frame
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time


def measure(frames: int = 120) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from desktop.content.pose_loader import load_poses
    from desktop.core.catalog import Dosage
    from desktop.core.motion import Timeline
    from desktop.ui.figure_painter import paint_art, paint_figure
    from desktop.ui.theme import LIGHT

    QApplication.instance() or QApplication([])
    book = load_poses()
    results: dict[str, float] = {}
    for label, (w, h) in (("720p", (520, 360)), ("4k", (1560, 1080))):
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        rect = QRectF(0, 0, w, h)
        per_art = []
        for art in book.arts.values():
            timeline = Timeline.for_exercise(art, Dosage(sides="alternate"), "alternate", session=True)
            bounds = art.bounds()
            times = []
            for n in range(frames):
                start = time.perf_counter()
                frame = timeline.frame(n * timeline.cycle_s * 2 / frames)
                painter = QPainter(image)
                paint_figure(painter, rect, frame.scene(art), LIGHT, zoom_to=bounds)
                painter.end()
                times.append((time.perf_counter() - start) * 1000)
            per_art.append(statistics.median(times))
        floor = []
        for _ in range(frames):
            start = time.perf_counter()
            painter = QPainter(image)
            paint_art(painter, rect, None, LIGHT)
            painter.end()
            floor.append((time.perf_counter() - start) * 1000)
        results[f"figure_frame_{label}_median_ms"] = round(statistics.median(per_art), 3)
        results[f"figure_frame_{label}_worst_art_ms"] = round(max(per_art), 3)
        results[f"empty_panel_{label}_ms"] = round(statistics.median(floor), 3)
    return results


def main() -> int:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    r = measure()
    for label in ("720p", "4k"):
        print(
            f"figure frame at {label}: median over drawings {r[f'figure_frame_{label}_median_ms']:.2f} ms, "
            f"slowest drawing {r[f'figure_frame_{label}_worst_art_ms']:.2f} ms; "
            f"empty panel (floor) {r[f'empty_panel_{label}_ms']:.2f} ms"
        )
    print(json.dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
