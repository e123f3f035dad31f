"""Break reminder settings, with every rule spelled out in one plain sentence.

The dialog edits plain values and shows the sentences it is given; the
controller validates through the core settings and hands back any problem,
which is shown next to the form without closing it.
"""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
)

from desktop.ui.plain import PlainLabel
from desktop.ui.theme import SPACE

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _spin(lo: int, hi: int, value: int, name: str, suffix=" min") -> QSpinBox:
    spin = QSpinBox(minimum=lo, maximum=hi, value=value, suffix=suffix)
    spin.setAccessibleName(name)
    return spin


class SettingsDialog(QDialog):
    changed = Signal(dict)  # the values as edited, on every edit, for a live preview of the rules

    def __init__(self, values: dict, rules: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Upright settings")
        self.interval = _spin(5, 240, values["interval_min"], "Sitting minutes before a reminder")
        self.natural = _spin(1, 60, values["natural_break_min"], "Minutes away that count as a break")
        self.snooze = _spin(1, 120, values["snooze_min"], "Snooze length")
        hours = values.get("working_hours")
        self.only_hours = QCheckBox("Only remind during working hours")
        self.only_hours.setChecked(hours is not None)
        hours = hours or {"start": "09:00", "end": "17:30", "days": [1, 2, 3, 4, 5]}
        self.start = QTimeEdit(QTime.fromString(hours["start"], "HH:mm"), displayFormat="HH:mm")
        self.start.setAccessibleName("Working hours start")
        self.end = QTimeEdit(QTime.fromString(hours["end"], "HH:mm"), displayFormat="HH:mm")
        self.end.setAccessibleName("Working hours end")
        self.days = [QCheckBox(d) for d in DAYS]
        for n, box in enumerate(self.days, start=1):
            box.setChecked(n in hours["days"])
            box.setAccessibleName(f"Remind on {DAYS[n - 1]}")
        self.fullscreen = QCheckBox("Wait while an app is full screen")
        self.fullscreen.setChecked(values["quiet_when_fullscreen"])
        self.dnd = QCheckBox("Wait while do-not-disturb is on")
        self.dnd.setChecked(values["quiet_when_dnd"])
        self.calls = QCheckBox("Wait while the microphone or camera is in use")
        self.calls.setChecked(values["quiet_in_calls"])
        self.autostart = QCheckBox("Start Upright in the tray when I log in")
        self.autostart.setChecked(values.get("autostart", False))
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for text, key in (("Follow the system", "system"), ("Light", "light"), ("Dark", "dark")):
            self.theme.addItem(text, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(values.get("theme", "system"))))
        self.rules = PlainLabel(wordWrap=True)
        self.rules.setAccessibleName("How reminders work")
        self.problem = PlainLabel(wordWrap=True, objectName="CautionBox")
        self.problem.hide()

        form = QFormLayout()
        form.addRow("Remind me after sitting for", self.interval)
        form.addRow("Away this long counts as a break", self.natural)
        form.addRow("Snooze for", self.snooze)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.start)
        hours_row.addWidget(PlainLabel("to"))
        hours_row.addWidget(self.end)
        hours_row.addStretch(1)
        days_row = QHBoxLayout()
        for box in self.days:
            days_row.addWidget(box)
        form.addRow(self.only_hours)
        form.addRow("Hours", hours_row)
        form.addRow("Days", days_row)
        for box in (self.fullscreen, self.dnd, self.calls, self.autostart):
            form.addRow(box)
        form.addRow("Theme", self.theme)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setProperty("primary", True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
        layout.setSpacing(SPACE[3])
        layout.addLayout(form)
        layout.addWidget(PlainLabel("How reminders work", objectName="RoutineName"))
        layout.addWidget(self.rules)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.show_rules(rules)
        for widget in (self.interval, self.natural, self.snooze):
            widget.valueChanged.connect(self._edited)
        for edit in (self.start, self.end):
            edit.timeChanged.connect(self._edited)
        for box in (self.only_hours, *self.days):
            box.toggled.connect(self._edited)
        for box in (self.fullscreen, self.dnd, self.calls):
            box.toggled.connect(self._edited)

    def values(self) -> dict:
        hours = None
        if self.only_hours.isChecked():
            hours = {
                "start": self.start.time().toString("HH:mm"),
                "end": self.end.time().toString("HH:mm"),
                "days": [n for n, box in enumerate(self.days, start=1) if box.isChecked()],
            }
        return {
            "interval_min": self.interval.value(),
            "natural_break_min": self.natural.value(),
            "snooze_min": self.snooze.value(),
            "working_hours": hours,
            "quiet_when_fullscreen": self.fullscreen.isChecked(),
            "quiet_when_dnd": self.dnd.isChecked(),
            "quiet_in_calls": self.calls.isChecked(),
            "autostart": self.autostart.isChecked(),
            "theme": self.theme.currentData(),
        }

    def _edited(self, *_args) -> None:
        for widget in (self.start, self.end, *self.days):
            widget.setEnabled(self.only_hours.isChecked())
        self.changed.emit(self.values())

    def show_rules(self, rules: list[str]) -> None:
        self.rules.setText("\n".join(f"\u2022 {r}" for r in rules))

    def show_problem(self, text: str | None) -> None:
        """A problem blocks saving; the form keeps what was typed."""
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        save = self.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not text)
