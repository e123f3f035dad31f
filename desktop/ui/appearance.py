"""Applies the light or dark palette, following the system unless forced.

Listens to ``QStyleHints.colorSchemeChanged`` so a system switch restyles
the open windows live.
"""

from __future__ import annotations

from typing import Literal, get_args

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

import desktop.ui.resources_rc  # noqa: F401  (the stylesheet points at :/icons/...)
from desktop.ui.theme import DARK, LIGHT, Palette, stylesheet

ThemeChoice = Literal["system", "light", "dark"]
THEME_CHOICES: tuple[ThemeChoice, ...] = get_args(ThemeChoice)


def theme_choice(stored: object) -> ThemeChoice:
    """A stored theme setting as a choice; anything unknown (or nothing saved) follows the system."""
    return next((choice for choice in THEME_CHOICES if choice == stored), "system")


class Appearance(QObject):
    changed = Signal(object)  # Palette

    def __init__(self, app: QGuiApplication, choice: ThemeChoice = "system"):
        super().__init__(app)
        self._app = app
        self._choice = choice
        self.palette: Palette = LIGHT
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.refresh())
        self.refresh()

    @property
    def choice(self) -> ThemeChoice:
        return self._choice

    def set_choice(self, choice: ThemeChoice) -> None:
        self._choice = choice
        self.refresh()

    def _wanted(self) -> Palette:
        if self._choice == "light":
            return LIGHT
        if self._choice == "dark":
            return DARK
        scheme = self._app.styleHints().colorScheme()
        return DARK if scheme == Qt.ColorScheme.Dark else LIGHT

    def refresh(self) -> None:
        self.palette = self._wanted()
        self._app.setPalette(_qt_palette(self.palette))
        if isinstance(self._app, QApplication):  # a widget app: the stylesheet styles its widgets
            self._app.setStyleSheet(stylesheet(self.palette))
        self.changed.emit(self.palette)


def _qt_palette(p: Palette) -> QPalette:
    """The QPalette twin of the tokens, for widgets the stylesheet does not reach."""
    qp = QPalette()
    roles = {
        QPalette.ColorRole.Window: p.window,
        QPalette.ColorRole.Base: p.surface,
        QPalette.ColorRole.AlternateBase: p.surface_alt,
        QPalette.ColorRole.Text: p.text,
        QPalette.ColorRole.WindowText: p.text,
        QPalette.ColorRole.ButtonText: p.text,
        QPalette.ColorRole.Button: p.surface,
        QPalette.ColorRole.Highlight: p.accent,
        QPalette.ColorRole.HighlightedText: p.accent_text,
        QPalette.ColorRole.PlaceholderText: p.muted,
        QPalette.ColorRole.ToolTipBase: p.surface,
        QPalette.ColorRole.ToolTipText: p.text,
        QPalette.ColorRole.Link: p.accent,
    }
    for role, colour in roles.items():
        qp.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        qp.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.muted))  # disabled must look disabled
    return qp
