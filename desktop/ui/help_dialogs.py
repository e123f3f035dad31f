"""The Help menu's dialogs: keyboard shortcuts, the sources by title, About.

Each is built from what it is given (the catalog's sources, the shortcut
table), so the text shown is the app's data, never a second copy of it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.dialogs import info_dialog

SHORTCUTS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Main window",
        (
            ("Ctrl+1, Ctrl+2, Ctrl+3", "Exercises, Routines, History"),
            ("Ctrl+N", "New routine"),
            ("Ctrl+O", "Import a routine"),
            ("Ctrl+,", "Preferences"),
            ("F11", "Full screen on or off"),
            ("F1", "This list"),
            ("Ctrl+W", "Close the window (the tray keeps watch)"),
            ("Ctrl+Q", "Quit Upright"),
            ("Arrow keys", "Move between exercise cards"),
        ),
    ),
    (
        "During a session",
        (
            ("Space", "Pause or resume; in a self-paced set, count a rep"),
            ("Enter", "Finish a self-paced set"),
            ("\u2192", "Skip to the next step"),
            ("\u2190", "Back (restarts the step after 3 s)"),
            ("Esc", "End the session (asks first)"),
            ("M", "Sound on or off"),
            ("V", "Voice on or off"),
            ("F11", "Full screen on or off"),
        ),
    ),
    (
        "Pain rating",
        (
            ("0 to 9, then 1 0", "Pick a number (1 then 0 within a second is 10)"),
            ("Arrow keys", "One up or down"),
            ("Enter", "Save"),
            ("Esc or S", "Skip"),
        ),
    ),
)


def shortcuts_dialog(parent: QWidget | None) -> QDialog:
    parts = []
    for title, rows in SHORTCUTS:
        body = "".join(
            f"<tr><td style='padding-right:16px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        parts.append(f"<h3>{escape(title)}</h3><table cellpadding='3'>{body}</table>")
    return info_dialog(parent, "Keyboard shortcuts", "Keyboard shortcuts", "".join(parts))


def sources_html(sources: list[tuple[str, list[str]]]) -> str:
    """``sources`` are (article title, names of the exercises drawn from it)."""
    intro = (
        "<p>Every exercise, dose and caution in Upright comes from one of these five articles; "
        "the wording is Upright's own.</p>"
    )
    items = "".join(
        f"<li><b>{escape(title)}</b><br>{escape(', '.join(names)) if names else 'General advice'}</li>"
        for title, names in sources
    )
    return f"{intro}<ol>{items}</ol>"


def sources_dialog(parent: QWidget | None, sources: list[tuple[str, list[str]]]) -> QDialog:
    return info_dialog(parent, "Sources", "Where the exercises come from", sources_html(sources))


def about_dialog(parent: QWidget | None, version: str, data_dir: str) -> QDialog:
    html = (
        f"<p>Version {escape(version)}</p>"
        "<p>A back-care routine timer for people with low back pain and people who sit at a desk "
        "all day: exercise cards, timed routines, sit-break reminders and a history you keep.</p>"
        "<p>Upright is not a clinician and cannot diagnose anything. With severe pain, an injury, "
        "or numbness below the knee, see a doctor or physiotherapist.</p>"
        f"<p>Your history is kept on this computer only, in {escape(data_dir)}.</p>"
    )
    return info_dialog(parent, "About Upright", "Upright", html)
