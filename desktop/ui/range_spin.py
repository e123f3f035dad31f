"""A number field that keeps what was typed, in range or not, and shows its range beside it.

Qt's spin box refuses a keystroke that leaves its range and, on leaving the
field, quietly puts back the last good value: a person who types 1 where 5
is the least sees the dialog close with the old value and no word why. Here
the field takes any whole number, the arrows stay in range, the range is
written beside the field, and a value outside it turns that note into the
problem; the dialog then holds Save and says which field and what is allowed.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QWidget

from desktop.ui.flow_layout import FlowLayout
from desktop.ui.plain import PlainLabel
from desktop.ui.theme import SPACE

WIDEST = 99_999  # any number a person might type is shown as typed, then judged


class RangeSpin(QSpinBox):
    """Whole numbers from ``low`` to ``high``; ``lowest`` (below ``low``) may be a special entry.

    ``typed()`` is what the field shows (None when empty); ``value()`` is the
    last number Qt accepted, and only the arrows are held to the range.
    """

    def __init__(
        self, low: int, high: int, value: int, name: str, *, suffix: str = " min", lowest: int | None = None
    ) -> None:
        floor = low if lowest is None else lowest
        super().__init__(minimum=min(0, floor), maximum=WIDEST, value=int(value), suffix=suffix)
        self.low, self.high, self.floor = low, high, floor
        self.setAccessibleName(name)
        self.setFixedWidth(132)  # one width for every number field, whatever its value

    def typed(self) -> int | None:
        if self.specialValueText() and self.text() == self.specialValueText():
            return self.minimum()
        text = self.cleanText().strip()
        return int(text) if text.lstrip("-").isdigit() else None

    def in_range(self) -> bool:
        typed = self.typed()
        return typed is not None and (self.low <= typed <= self.high or typed == self.floor)

    def stepBy(self, steps: int) -> None:
        typed = self.typed()
        start = self.value() if typed is None else typed
        self.setValue(max(self.floor, min(self.high, start + steps)))
        self.selectAll()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        typed = self.typed()
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if typed is None or typed > self.floor:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if typed is None or typed < self.high:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return flags


class RangeNote(PlainLabel):
    """Beside a ``RangeSpin``: its range, muted; in the caution colour while the value is outside it."""

    def __init__(self, spin: RangeSpin, allowed: str) -> None:
        super().__init__(allowed, objectName="Muted")
        self.spin, self.allowed = spin, allowed
        spin.setAccessibleDescription(allowed)

    def minimumSizeHint(self) -> QSize:
        """As wide as its longest wording in the font it has now, so a message is never cut and the
        form does not move when one appears; measured when asked, as the theme's style sheet (and
        its caution style) sets the font after the note is made."""
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        widest = max(
            self.fontMetrics()
            .boundingRect(QRect(), int(Qt.AlignmentFlag.AlignLeft), f"{w} {self.allowed}")
            .width()
            for w in ("Type", "Use")
        )
        return QSize(max(hint.width(), widest + margins.left() + margins.right()), hint.height())

    def refresh(self) -> bool:
        """Show the field's state; True when its value is in range."""
        fine = self.spin.in_range()
        empty = self.spin.typed() is None
        text = self.allowed if fine else f"{'Type' if empty else 'Use'} {self.allowed}"
        self.setText(text)
        for widget, flag in ((self, "caution"), (self.spin, "invalid")):
            if widget.property(flag) != (not fine):
                widget.setProperty(flag, not fine)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
                widget.updateGeometry()  # the caution style may set another font: measure again
        self.spin.setAccessibleDescription(text)
        return fine


def with_note(spin: RangeSpin, allowed: str) -> tuple[QWidget, RangeNote]:
    """The field and its note on one line for a form row; the note goes under the field where
    the dialog is too narrow for both (its smallest size at 200 %)."""
    row = QWidget()
    line = FlowLayout(row, spacing=SPACE[2])
    note = RangeNote(spin, allowed)
    line.addWidget(spin)
    line.addWidget(note)
    return row, note
