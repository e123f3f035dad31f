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
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.break_settings import MAX_DAILY_SKIPS, MINUTE_RANGES
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.plain import PlainLabel
from desktop.ui.range_spin import RangeNote, RangeSpin, with_note
from desktop.ui.screen_fit import fit
from desktop.ui.theme import SPACE
from desktop.ui.wheel_guard import WheelGuard

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
MINUTES = {key: (low, high) for key, low, high in MINUTE_RANGES}
THEMES = (("Follow the system", "system"), ("Light", "light"), ("Dark", "dark"))


def _minutes_spin(key: str, value: int) -> RangeSpin:
    low, high = MINUTES[key]
    return RangeSpin(low, high, value, LABELS[key])


def _row(form: QFormLayout, text: str, field: QWidget | QHBoxLayout, buddy: QWidget | None = None) -> None:
    """A label centred on its field's height, so the two read as one line; ``buddy`` takes its mnemonic."""
    label = PlainLabel(text)
    if isinstance(field, QWidget):
        height = field.sizeHint().height()
    else:  # a row of fields: as tall as its tallest
        items = [field.itemAt(i) for i in range(field.count())]
        widgets = [w for item in items if item is not None and (w := item.widget()) is not None]
        height = max((w.sizeHint().height() for w in widgets), default=0)
    label.setMinimumHeight(height)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if buddy is None and isinstance(field, QWidget):
        buddy = field
    if buddy is not None:
        label.setBuddy(buddy)
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
        self._wanted = {"sound": values.get("sound", True), "voice": values.get("voice", True)}
        reasons = [values.get(f"{key}_lacking") for key in self._wanted]
        for box, reason in zip((self.sound, self.voice), reasons, strict=True):
            if reason:  # off and greyed out; the choice itself is kept for a machine that has sound
                box.setChecked(False)
                box.setEnabled(False)
                box.setToolTip(reason)
        self.lacking = PlainLabel(" ".join(dict.fromkeys(r for r in reasons if r)), wordWrap=True)
        self.lacking.setObjectName("Muted")
        self.lacking.setVisible(bool(self.lacking.text()))
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

        self.interval = _minutes_spin("interval_min", values["interval_min"])
        self.natural = _minutes_spin("natural_break_min", values["natural_break_min"])
        self.snooze = _minutes_spin("snooze_min", values["snooze_min"])
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
        self.away.ensurePolished()
        self.away.setMinimumWidth(self.away.sizeHint().width())  # a narrow dialog wraps the row instead
        limit = values.get("daily_skip_limit")
        self.skips = RangeSpin(
            0,
            MAX_DAILY_SKIPS,
            NO_SKIP_LIMIT if limit is None else limit,
            LABELS["daily_skip_limit"],
            suffix="",
            lowest=NO_SKIP_LIMIT,
        )
        self.skips.setSpecialValueText("No limit")
        self.notes: list[RangeNote] = []  # made with the rows: each number field's range, beside it
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
        self.wheel_guard = WheelGuard(self)
        self.wheel_guard.guard(
            self.theme, self.away, self.interval, self.natural, self.snooze, self.skips, self.start, self.end
        )
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
            spin.lineEdit().textEdited.connect(self._edited)  # an emptied field changes no value
            spin.editingFinished.connect(self._edited)  # and leaving it puts the last value back
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
        form.addRow(self.lacking)
        _section(form, "Start at login")
        form.addRow(self.autostart)
        _section(form, "Reports")
        _row(form, LABELS["report_name"], self.report_name)
        form.addRow(self.report_name_note)
        return _scrolling(form)

    def _reminders_tab(self) -> QScrollArea:
        form = _form()
        _section(form, "When to remind")
        for key, spin in (
            ("interval_min", self.interval),
            ("natural_break_min", self.natural),
            ("snooze_min", self.snooze),
        ):
            self._number_row(form, key, spin, "{} to {} min")
        _section(form, "Working hours")
        form.addRow(self.only_hours)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.start)
        hours_row.addWidget(PlainLabel("to"))
        hours_row.addWidget(self.end)
        hours_row.addStretch(1)
        _row(form, LABELS["hours"], hours_row)
        days_row = QWidget()  # the days wrap onto a second line in a narrow window
        days = FlowLayout(days_row, spacing=SPACE[2])
        for box in self.days:
            days.addWidget(box)
        _row(form, LABELS["days"], days_row)
        _section(form, "Quiet times")
        for box in (self.fullscreen, self.dnd, self.calls):
            form.addRow(box)
        _section(form, "Away and skipping")
        form.addRow(LABELS["away_effect"], self.away)
        self._number_row(form, "daily_skip_limit", self.skips, "{} to {} a day, or No limit")
        _section(form, "How reminders work")
        return _scrolling(form, self.rules)

    def _number_row(self, form: QFormLayout, key: str, spin: RangeSpin, allowed: str) -> None:
        row, note = with_note(spin, allowed.format(spin.low, spin.high))
        self.notes.append(note)
        _row(form, LABELS[key], row, spin)

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
        skips = self.skips.typed()
        if skips is None:  # emptied: Qt puts the last number back on leaving the field
            skips = self.skips.value()
        return {
            "interval_min": self.interval.typed(),  # as typed, in range or not: the check says which
            "natural_break_min": self.natural.typed(),
            "snooze_min": self.snooze.typed(),
            "working_hours": hours,
            "quiet_when_fullscreen": self.fullscreen.isChecked(),
            "quiet_when_dnd": self.dnd.isChecked(),
            "quiet_in_calls": self.calls.isChecked(),
            "away_effect": self.away.currentData(),
            "daily_skip_limit": None if skips == NO_SKIP_LIMIT else skips,
            "autostart": self.autostart.isChecked(),
            "theme": self.theme.currentData(),
            "sound": self.sound.isChecked() if self.sound.isEnabled() else self._wanted["sound"],
            "voice": self.voice.isChecked() if self.voice.isEnabled() else self._wanted["voice"],
            "report_name": self.report_name.text(),
        }

    def _enable_hours(self) -> None:
        for widget in (self.start, self.end, *self.days):
            widget.setEnabled(self.only_hours.isChecked())

    def _edited(self, *_args: object) -> None:
        self._enable_hours()
        for note in self.notes:
            note.refresh()
        self.changed.emit(self.values())

    def show_rules(self, rules: list[str]) -> None:
        self.rules.setText("\n".join(f"\u2022 {r}" for r in rules))

    def show_problem(self, text: str | None) -> None:
        """A problem blocks saving; the form keeps what was typed and its place."""
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        self.save_button.setEnabled(not text and all(note.spin.in_range() for note in self.notes))
