"""After a session: "did anything hurt?", and the ladder changes that follow, to confirm.

The dialog shows what the policy suggests for the marks ticked so far (the
suggestions are handed in as a function); it decides nothing and changes
nothing itself. The person ticks the changes to make and presses Apply.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core.progression import Suggestion
from desktop.ui.plain import PlainLabel, rich_label
from desktop.ui.theme import SPACE

_ARROWS = {"forward": "\u2191", "back": "\u2193", "stop": "\u26a0"}


class ProgressDialog(QDialog):
    def __init__(
        self,
        exercises: Sequence[tuple[str, str]],
        suggest: Callable[[set[str]], list[Suggestion]],
        names: dict[str, str],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("How did it go?")
        self.setMinimumWidth(620)
        self._suggest, self._names = suggest, names
        self.marks: dict[str, QCheckBox] = {}
        self.choices: list[tuple[QCheckBox, Suggestion]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
        layout.setSpacing(SPACE[2])
        layout.addWidget(PlainLabel("Did any exercise hurt?", objectName="PageTitle"))
        layout.addWidget(
            PlainLabel(
                "Tick the ones that did. Nothing changes until you press Apply.",
                objectName="Muted",
                wordWrap=True,
            )
        )
        for exercise_id, name in exercises:
            box = QCheckBox(f"{name} hurt")
            box.setAccessibleName(f"{name} was painful")
            box.toggled.connect(self._refresh)
            self.marks[exercise_id] = box
            layout.addWidget(box)
        layout.addSpacing(SPACE[2])
        layout.addWidget(PlainLabel("Suggested next steps", objectName="SectionTitle"))
        self._suggestions = QVBoxLayout()
        self._suggestions.setSpacing(SPACE[1])
        layout.addLayout(self._suggestions)
        buttons = QDialogButtonBox()
        self.apply = buttons.addButton("Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply.setProperty("primary", True)
        self.apply.setDefault(True)
        buttons.addButton("Not now", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._refresh()

    def marked(self) -> list[str]:
        return [exercise_id for exercise_id, box in self.marks.items() if box.isChecked()]

    def chosen(self) -> list[Suggestion]:
        """The ladder changes the person ticked (advice to stop changes no rung)."""
        return [s for box, s in self.choices if box.isChecked() and s.changes_step]

    def _refresh(self) -> None:
        while self._suggestions.count():
            item = self._suggestions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted once the event loop gets to it
                widget.deleteLater()
        self.choices = []
        found = self._suggest(set(self.marked()))
        if not found:
            self._suggestions.addWidget(
                PlainLabel("None for now: keep going as you are.", objectName="Muted")
            )
        for s in found:
            name = self._names[s.exercise_id]
            if s.changes_step:
                verb = "move up to" if s.kind == "forward" else "go back to"
                box = QCheckBox(f"{_ARROWS[s.kind]}  {name}: {verb} \u201c{s.to_name}\u201d")
                box.setChecked(True)
                box.setAccessibleName(f"{name}: {s.reason}")
                self.choices.append((box, s))
                self._suggestions.addWidget(box)
                self._suggestions.addWidget(_note(s.reason))
            else:
                label = rich_label(
                    f"<b>{_ARROWS[s.kind]}  {escape(name)}: {escape(s.reason)}</b><br>{escape(s.advice)}",
                    wordWrap=True,
                    objectName="CautionBox",
                )
                label.setAccessibleName(f"{name}: {s.reason} {s.advice}")
                self._suggestions.addWidget(label)


def _note(text: str) -> QLabel:
    note = PlainLabel(text, objectName="Muted", wordWrap=True)
    note.setContentsMargins(SPACE[5], 0, 0, SPACE[1])
    return note
