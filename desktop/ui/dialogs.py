"""Small dialogs: the one-time safety notice and the session preview."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.theme import SPACE


def _dialog(parent: QWidget | None, title: str, heading: str, html: str, ok: str, cancel: str | None):
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(680, 560)
    head = QLabel(heading, objectName="PageTitle", wordWrap=True)
    body = QTextBrowser()
    body.setAccessibleName(heading)
    body.setHtml(html)
    buttons = QDialogButtonBox()
    accept = buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    accept.setProperty("primary", True)
    accept.setDefault(True)
    if cancel:
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
    layout.setSpacing(SPACE[3])
    layout.addWidget(head)
    layout.addWidget(body, 1)
    layout.addWidget(buttons)
    accept.setFocus()
    return dialog


def safety_notice(parent: QWidget | None, flags: list[tuple[str, str]]) -> QDialog:
    """Shown once before a first session; ``flags`` are (title, advice) pairs."""
    items = "".join(f"<li><b>{escape(t)}</b><br>{escape(a)}</li>" for t, a in flags)
    html = (
        "<p>These routines are general exercises, not treatment. Please read this once:</p>"
        f"<ul>{items}</ul>"
    )
    return _dialog(parent, "Before your first session", "Before your first session", html,
                   "I understand, continue", "Not now")


def session_preview(parent: QWidget | None, name: str, estimate: str, rows: list[tuple[str, str]]) -> QDialog:
    """What a session will contain, step by step (until the session view exists)."""
    items = "".join(f"<tr><td><b>{escape(t)}</b></td><td>{escape(d)}</td></tr>" for t, d in rows)
    html = f"<p>About {escape(estimate)}, {len(rows)} steps.</p><table cellpadding='4'>{items}</table>"
    return _dialog(parent, name, name, html, "Close", None)

