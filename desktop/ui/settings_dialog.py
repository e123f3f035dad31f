"""Preferences: every setting in one dialog, opened from the main window and the tray.

Two tabs, General (theme, sound and voice, start at login, the name
printed on reports) and Break
reminders (the rules, working hours, quiet times, and each rule spelled out
in a sentence). The dialog edits plain values and shows what it is given;
the controller checks the values and hands back a problem worded for a
person, shown in a space kept free for it under the tabs, so nothing moves
when a message appears.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.plain import PlainLabel
from desktop.ui.screen_fit import fit
from desktop.ui.theme import SPACE

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# The labels as a person sees them; messages about a field quote the same words.
LABELS = {
    "interval_min": "Remind me after sitting for",
    "natural_break_min": "Time away that counts as a break",
    "snooze_min": "Snooze for",
    "only_hours": "Only remind during working hours",
    "hours": "Working hours",
    "days": "Working days",
    "away_effect": "A screen lock or sleep",
    "daily_skip_limit": "Skips allowed a day",
    "report_name": "Name on reports",
}
AWAY_EFFECTS = (
    ("Ends sitting (a long one is a break)", "end"),
    ("Pauses the sitting count", "pause"),
    ("Changes nothing", "ignore"),
)
NO_SKIP_LIMIT = -1  # the spin box's "No limit" entry
THEMES = (("Follow the system", "system"), ("Light", "light"), ("Dark", "dark"))


def _spin(lo: int, hi: int, value: int, name: str) -> QSpinBox:
    spin = QSpinBox(minimum=lo, maximum=hi, value=int(value), suffix=" min")
    spin.setAccessibleName(name)
    spin.setFixedWidth(132)  # one width for every minutes field, whatever its value
    return spin


def _row(form: QFormLayout, text: str, field: QWidget | QHBoxLayout) -> None:
    """A label centred on its field's height, so the two read as one line."""
    label = PlainLabel(text)
    if isinstance(field, QWidget):
        height = field.sizeHint().height()
    else:  # a row of fields: as tall as its tallest
        items = [field.itemAt(i) for i in range(field.count())]
        widgets = [w for item in items if item is not None and (w := item.widget()) is not None]
        height = max((w.sizeHint().height() for w in widgets), default=0)
    label.setMinimumHeight(height)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if isinstance(field, QWidget):
        label.setBuddy(field)
    form.addRow(label, field)


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setHorizontalSpacing(SPACE[3])
    form.setVerticalSpacing(SPACE[2])
    return form


def _section(form: QFormLayout, title: str) -> None:
    label = PlainLabel(title, objectName="SectionTitle")
    label.setContentsMargins(0, SPACE[2], 0, 0)
    form.addRow(label)


def _scrolling(form: QFormLayout, *below: QWidget) -> QScrollArea:
    """A tab's page that scrolls when the screen is too small for it, never clipping a row."""
    page = QWidget()
    page.setObjectName("Page")
    column = QVBoxLayout(page)
    column.setContentsMargins(SPACE[3], SPACE[2], SPACE[3], SPACE[3])
    column.addLayout(form)
    for widget in below:
        column.addWidget(widget)
    column.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll


class SettingsDialog(QDialog):
    changed = Signal(dict)  # the values as edited, on every edit, for a live check and preview

    def __init__(self, values: dict[str, Any], rules: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for text, key in THEMES:
            self.theme.addItem(text, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(values.get("theme", "system"))))
        self.sound = QCheckBox("Play sound cues during a session")
        self.sound.setChecked(values.get("sound", True))
        self.voice = QCheckBox("Speak each step aloud during a session")
        self.voice.setChecked(values.get("voice", True))
        self.autostart = QCheckBox("Start Upright in the tray when I log in")
        self.autostart.setChecked(values.get("autostart", False))
        self.report_name = QLineEdit(values.get("report_name", ""))
        self.report_name.setAccessibleName(LABELS["report_name"])
        self.report_name.setPlaceholderText(values.get("report_name_default", ""))
        self.report_name.setClearButtonEnabled(True)
        self.report_name.setMinimumWidth(280)
        self.report_name_note = PlainLabel(
            "Printed at the top of the report for your physiotherapist. "
            "Left empty, the report uses your account's name, shown in grey.",
            wordWrap=True,
            objectName="Muted",
        )

        self.interval = _spin(5, 240, values["interval_min"], LABELS["interval_min"])
        self.natural = _spin(1, 60, values["natural_break_min"], LABELS["natural_break_min"])
        self.snooze = _spin(1, 120, values["snooze_min"], LABELS["snooze_min"])
        hours = values.get("working_hours")
        self.only_hours = QCheckBox(LABELS["only_hours"])
        self.only_hours.setChecked(hours is not None)
        hours = hours or {"start": "09:00", "end": "17:30", "days": [1, 2, 3, 4, 5]}
        self.start = QTimeEdit(QTime.fromString(hours["start"], "HH:mm"))
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName("Working hours start")
        self.end = QTimeEdit(QTime.fromString(hours["end"], "HH:mm"))
        self.end.setDisplayFormat("HH:mm")
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
        self.away = QComboBox()
        self.away.setAccessibleName(LABELS["away_effect"])
        for text, value in AWAY_EFFECTS:
            self.away.addItem(text, value)
        self.away.setCurrentIndex(max(0, self.away.findData(str(values.get("away_effect", "end")))))
        limit = values.get("daily_skip_limit")
        self.skips = QSpinBox(
            minimum=NO_SKIP_LIMIT, maximum=20, value=NO_SKIP_LIMIT if limit is None else limit
        )
        self.skips.setSpecialValueText("No limit")
        self.skips.setAccessibleName(LABELS["daily_skip_limit"])
        self.skips.setMinimumWidth(120)
        self.rules = PlainLabel(wordWrap=True, objectName="Muted")
        self.rules.setAccessibleName("How reminders work")
        self.problem = PlainLabel(wordWrap=True, objectName="CautionBox")
        self.problem.setAccessibleName("Problem with these settings")
        policy = self.problem.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the form keeps its place when a message comes and goes
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.problem.setSizePolicy(policy)
        self.problem.hide()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), "General")
        self.tabs.addTab(self._reminders_tab(), "Break reminders")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setProperty("primary", True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[3], SPACE[3], SPACE[3], SPACE[3])
        layout.setSpacing(SPACE[2])
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.show_rules(rules)
        self._reserve_problem_space()
        for spin in (self.interval, self.natural, self.snooze, self.skips):
            spin.valueChanged.connect(self._edited)
        self.away.currentIndexChanged.connect(self._edited)
        for edit in (self.start, self.end):
            edit.timeChanged.connect(self._edited)
        for box in (self.only_hours, *self.days, self.fullscreen, self.dnd, self.calls):
            box.toggled.connect(self._edited)
        self.report_name.textEdited.connect(self._edited)
        self._enable_hours()
        # The tabs scroll, so the dialog can be smaller than its rows; not smaller than this, though.
        fit(self, self.sizeHint().expandedTo(QSize(660, 700)), QSize(440, 320))

    def _general_tab(self) -> QScrollArea:
        form = _form()
        _section(form, "Appearance")
        _row(form, "Theme", self.theme)
        _section(form, "Sound and voice")
        form.addRow(self.sound)
        form.addRow(self.voice)
        _section(form, "Start at login")
        form.addRow(self.autostart)
        _section(form, "Reports")
        _row(form, LABELS["report_name"], self.report_name)
        form.addRow(self.report_name_note)
        return _scrolling(form)

    def _reminders_tab(self) -> QScrollArea:
        form = _form()
        _section(form, "When to remind")
        _row(form, LABELS["interval_min"], self.interval)
        _row(form, LABELS["natural_break_min"], self.natural)
        _row(form, LABELS["snooze_min"], self.snooze)
        _section(form, "Working hours")
        form.addRow(self.only_hours)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.start)
        hours_row.addWidget(PlainLabel("to"))
        hours_row.addWidget(self.end)
        hours_row.addStretch(1)
        _row(form, LABELS["hours"], hours_row)
        days_row = QHBoxLayout()
        days_row.setSpacing(SPACE[2])
        for box in self.days:
            days_row.addWidget(box)
        days_row.addStretch(1)
        _row(form, LABELS["days"], days_row)
        _section(form, "Quiet times")
        for box in (self.fullscreen, self.dnd, self.calls):
            form.addRow(box)
        _section(form, "Away and skipping")
        form.addRow(LABELS["away_effect"], self.away)
        form.addRow(LABELS["daily_skip_limit"], self.skips)
        _section(form, "How reminders work")
        return _scrolling(form, self.rules)

    def _reserve_problem_space(self) -> None:
        """Room for three lines of message, whether or not one is showing."""
        line = self.problem.fontMetrics().lineSpacing()
        self.problem.setFixedHeight(3 * line + 2 * SPACE[2])

    def values(self) -> dict[str, Any]:
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
            "away_effect": self.away.currentData(),
            "daily_skip_limit": None if self.skips.value() == NO_SKIP_LIMIT else self.skips.value(),
            "autostart": self.autostart.isChecked(),
            "theme": self.theme.currentData(),
            "sound": self.sound.isChecked(),
            "voice": self.voice.isChecked(),
            "report_name": self.report_name.text(),
        }

    def _enable_hours(self) -> None:
        for widget in (self.start, self.end, *self.days):
            widget.setEnabled(self.only_hours.isChecked())

    def _edited(self, *_args: object) -> None:
        self._enable_hours()
        self.changed.emit(self.values())

    def show_rules(self, rules: list[str]) -> None:
        self.rules.setText("\n".join(f"\u2022 {r}" for r in rules))

    def show_problem(self, text: str | None) -> None:
        """A problem blocks saving; the form keeps what was typed and its place."""
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        self.save_button.setEnabled(not text)
