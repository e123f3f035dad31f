"""Small dialogs: the one-time safety notice, ending a session, pain advice."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.history import DoneSet, SetSide
from desktop.ui.plain import PlainLabel, plain_tooltip
from desktop.ui.screen_fit import fit
from desktop.ui.theme import SPACE


def _dialog(parent: QWidget | None, title: str, heading: str, html: str, ok: str, cancel: str | None):
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    head = PlainLabel(heading, objectName="PageTitle", wordWrap=True)
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
    fit(dialog, QSize(680, 560), QSize(440, 320))
    return dialog


def info_dialog(parent: QWidget | None, title: str, heading: str, html: str) -> QDialog:
    """A page of text to read, with one Close button."""
    return _dialog(parent, title, heading, html, "Close", None)


def safety_notice(parent: QWidget | None, flags: list[tuple[str, str]]) -> QDialog:
    """Shown once before a first session; ``flags`` are (title, advice) pairs."""
    items = "".join(f"<li><b>{escape(t)}</b><br>{escape(a)}</li>" for t, a in flags)
    html = (
        f"<p>These routines are general exercises, not treatment. Please read this once:</p><ul>{items}</ul>"
    )
    return _dialog(
        parent,
        "Before your first session",
        "Before your first session",
        html,
        "I understand, continue",
        "Not now",
    )


def safety_notice_to_read(parent: QWidget | None, flags: list[tuple[str, str]]) -> QDialog:
    """The same advice from Help > Safety, to read at any time."""
    items = "".join(f"<li><b>{escape(t)}</b><br>{escape(a)}</li>" for t, a in flags)
    html = f"<p>These routines are general exercises, not treatment.</p><ul>{items}</ul>"
    return info_dialog(parent, "Safety", "When to stop, and when to see someone", html)


def confirm_end(parent: QWidget | None) -> QMessageBox:
    """Esc during a session: Enter or Y ends it, Esc or N keeps going."""
    box = QMessageBox(QMessageBox.Icon.Question, "End session", "End this session now?", parent=parent)
    box.setInformativeText("Every set you finished is already saved.")
    end = box.addButton("&Yes, end it", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("&No, keep going", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(end)
    box.setEscapeButton(keep)
    return box


def pain_advice(parent: QWidget | None, rise: int, flags: list[tuple[str, str]]) -> QDialog:
    """Pain went up by ``rise`` points: say to stop, with the sources' advice; never a diagnosis."""
    items = "".join(f"<li><b>{escape(t)}</b><br>{escape(a)}</li>" for t, a in flags)
    html = (
        f"<p>Your pain rating went up by {rise} points during this session. "
        "Please stop exercising for today.</p>"
        f"<ul>{items}</ul>"
    )
    return _dialog(parent, "Your pain went up", "Stop for today", html, "OK", None)


def session_sets(parent: QWidget | None, sets: list[DoneSet], names: dict[str, str]) -> QDialog:
    """The sets of one session, as done: what, which side, planned and done."""
    rows = []
    for s in sets:
        planned = f"{s.planned_reps} reps" if s.planned_reps is not None else f"{s.planned_s or 0:.0f} s"
        done = f"{s.done_reps} reps" if s.done_reps is not None else f"{s.done_s or 0:.0f} s"
        side = "" if s.side is SetSide.NONE else f" ({s.side})"
        rows.append(
            f"<tr><td><b>{escape(names.get(s.exercise_id, s.exercise_id))}{side}</b></td>"
            f"<td>set {s.set_index}</td><td>planned {planned}</td><td>done {done}</td></tr>"
        )
    html = f"<table cellpadding='4'>{''.join(rows)}</table>" if rows else "<p>No sets were finished.</p>"
    return _dialog(parent, "Session sets", "Sets in this session", html, "Close", None)


class GuardedDialog(QDialog):
    """A dialog that asks before Esc, Cancel or closing throws away unsaved work.

    ``unsaved()`` says whether there is anything to lose; the question is a
    window-modal box opened without a nested event loop.
    """

    def __init__(self, parent: QWidget | None, unsaved):
        super().__init__(parent)
        self._unsaved = unsaved
        self.asking: QMessageBox | None = None

    def reject(self) -> None:
        if self.asking is not None:
            return  # already asking
        if not self._unsaved():
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Discard changes?",
            "Your changes to this routine are not saved.",
            parent=self,
        )
        discard = box.addButton("Discard changes", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(button) -> None:
            self.asking = None
            if button is discard:
                super(GuardedDialog, self).reject()

        box.buttonClicked.connect(answered)
        self.asking = box
        box.open()


def routine_picker(
    parent: QWidget | None, title: str, question: str, ok: str, names: list[str]
) -> tuple[QInputDialog, QComboBox]:
    """A choice of routine by name, and the field that holds it (its index is the choice). A
    name may be 400 characters: each gives way past about forty characters' width, whole in its
    tooltip, so the dialog and its buttons stay on the screen."""
    picker = QInputDialog(parent)
    picker.setWindowTitle(title)
    picker.setLabelText(question)
    picker.setComboBoxItems(names)
    picker.setOkButtonText(ok)
    combo = picker.findChild(QComboBox)
    assert combo is not None  # setComboBoxItems made it
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(PICKER_CHARACTERS)
    combo.ensurePolished()
    room = combo.fontMetrics().averageCharWidth() * PICKER_CHARACTERS
    for n, name in enumerate(names):
        combo.setItemText(n, combo.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, room))
        combo.setItemData(n, plain_tooltip(name), Qt.ItemDataRole.ToolTipRole)
    return picker, combo


PICKER_CHARACTERS = 40
