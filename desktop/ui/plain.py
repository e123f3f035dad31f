"""Text that comes from files is shown as written, never read as markup.

QLabel, tooltips and message boxes guess: text that looks like HTML is
rendered as HTML, so a routine named ``<img src="/dev/zero">`` would make a
label load an "image" without end. Every label in Upright is a
``PlainLabel``; the few that format on purpose use ``rich_label`` with
every file-provided part escaped, and tooltips and message boxes go through
``plain_tooltip`` and ``plain_message_box``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


class PlainLabel(QLabel):
    """A QLabel whose text is always plain: set before the text, so markup is never parsed at all."""

    def __init__(self, text: str = "", parent: QWidget | None = None, **properties: Any) -> None:
        super().__init__(parent, **properties)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if text:
            self.setText(text)


def rich_label(html: str, **properties: Any) -> QLabel:
    """A label formatted on purpose; ``html`` must have every file-provided part passed through ``escape``."""
    label = QLabel(**properties)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(html)
    return label


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shows it: escaped, line breaks kept (tooltips guess at markup too)."""
    return "<p style='white-space:pre-wrap'>" + escape(text) + "</p>" if text else ""


def plain_message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
    parent: QWidget | None = None,
) -> QMessageBox:
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box
