"""Writing the report outside the window: Qt on its offscreen platform, no display needed.

``upright report`` reads the history in the command layer and hands the
gathered ``ReportInput`` here; laying out a PDF needs a ``QApplication``
(fonts, text layout, the charts' scene), not a screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.ui.history_report import ReportInput


def locale_first_weekday() -> int:
    """The ISO weekday the locale's weeks start on, as the window's calendar and charts take it."""
    from desktop.ui.weeks import first_weekday

    return first_weekday()


class NothingToReport(ValueError):
    """Nothing was recorded in the period; the message says so and no file was written."""


def write_pdf(path: Path, data: ReportInput) -> int:
    """Write the report to ``path``; its page count. Raises ``NothingToReport`` or ``OSError``."""
    from desktop.ui.history_report import has_content, write_report

    if not has_content(data.aggregates, data.session_count):
        raise NothingToReport(
            f"No session, pain rating or sit-break was recorded in this period ({data.period.lower()}), "
            "so no report was written."
        )
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication(
        ["upright", "-platform", "offscreen"]
    )  # alive while writing
    return write_report(path, data)
