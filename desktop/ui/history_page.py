"""The history page: range, summary cards, four charts, the sessions; or a welcome.

It renders the aggregates it is given and asks for another range through a
signal; it never reads the database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.adherence_calendar import AdherenceCalendar
from desktop.ui.history_charts import chart_view, fill_breaks, fill_minutes, fill_pain, recolour
from desktop.ui.plain import PlainLabel
from desktop.ui.theme import SPACE, Palette

RANGES = (("4w", "4 weeks"), ("3m", "3 months"), ("12m", "12 months"), ("all", "All"))
WEEK_GOAL_MIN = 60


def _card(title: str) -> tuple[QFrame, QLabel, QLabel]:
    frame = QFrame(objectName="Panel")
    value = PlainLabel(objectName="PageTitle")
    caption = PlainLabel(title, objectName="Muted", wordWrap=True)
    layout = QVBoxLayout(frame)
    layout.addWidget(value)
    layout.addWidget(caption)
    return frame, value, caption


class HistoryPage(QWidget):
    range_requested = Signal(str)  # one of RANGES' keys
    start_requested = Signal()  # from the empty state: go and start a routine
    action_requested = Signal(str)  # csv | png | pdf
    session_action = Signal(str, int)  # open | delete | pain, with the session id

    def __init__(self, palette: Palette, parent=None):
        super().__init__(parent)
        self.setObjectName("Page")
        self._palette = palette
        title = PlainLabel("History", objectName="PageTitle")
        self.ranges = QButtonGroup(self)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        for n, (key, text) in enumerate(RANGES):
            button = QPushButton(text, checkable=True)
            button.setAccessibleName(f"Show {text}")
            button.setMinimumWidth(116)  # room for the bold checked label
            button.clicked.connect(lambda _=False, k=key: self.range_requested.emit(k))
            self.ranges.addButton(button, n)
            header.addWidget(button)
        self.ranges.button(2).setChecked(True)
        for key, text, name in (
            ("csv", "Export CSV\u2026", "Export the history as CSV files"),
            ("png", "Save charts\u2026", "Save the charts as a PNG image"),
            ("pdf", "Report\u2026", "Write a printable PDF report of this period"),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _=False, k=key: self.action_requested.emit(k))
            header.addWidget(button)

        self.cards = {}
        cards = QHBoxLayout()
        for key, text in (
            ("week", f"minutes this week (goal {WEEK_GOAL_MIN})"),
            ("streak", "day streak"),
            ("taken", "of reminders taken"),
            ("pain", "average pain change per session"),
            ("sitting", "longest sitting stretch, minutes (daily average)"),
            ("standups", "stand-ups per hour at the desk"),
        ):
            frame, value, _caption = _card(text)
            self.cards[key] = value
            cards.addWidget(frame)
        self.calendar = AdherenceCalendar()
        self.calendar.set_palette(palette)
        self.minutes = chart_view("Minutes per week", palette)
        self.breaks = chart_view("Breaks", palette)
        self.pain = chart_view("Pain before and after", palette)
        calendar_box = QFrame(objectName="Panel")
        calendar_layout = QVBoxLayout(calendar_box)
        calendar_layout.addWidget(PlainLabel("Days you exercised", objectName="RoutineName"))
        calendar_layout.addWidget(self.calendar)
        charts = QGridLayout()
        charts.setSpacing(SPACE[3])
        charts.addWidget(calendar_box, 0, 0, 1, 2)
        charts.addWidget(self.minutes, 1, 0)
        charts.addWidget(self.breaks, 1, 1)
        charts.addWidget(self.pain, 2, 0, 1, 2)
        self.sessions = QTableWidget(0, 6)
        self.sessions.setAccessibleName("Sessions")
        self.sessions.setHorizontalHeaderLabels(
            ["Started", "Routine", "Minutes", "Outcome", "Pain before", "Pain after"]
        )
        self.sessions.horizontalHeader().setStretchLastSection(True)
        self.sessions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sessions.setMinimumHeight(220)
        self.sessions.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.sessions.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.sessions.itemActivated.connect(lambda _item: self._on_session("open"))
        self._session_ids: list[int] = []
        self.sessions.setCornerButtonEnabled(False)
        for corner in self.sessions.findChildren(QAbstractButton, "qt_tableview_cornerbutton"):
            corner.setAccessibleName("Select all sessions")

        content = QWidget(objectName="Page")
        body = QVBoxLayout(content)
        body.setSpacing(SPACE[3])
        body.addLayout(cards)
        body.addLayout(charts)
        session_bar = QHBoxLayout()
        session_bar.addWidget(PlainLabel("Sessions", objectName="RoutineName"), 1)
        for key, text, name in (
            ("open", "Show sets", "Show the sets of the selected session"),
            ("pain", "Correct pain\u2026", "Correct the pain ratings of the selected session"),
            ("delete", "Delete", "Delete the selected session (can be undone)"),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _=False, k=key: self._on_session(k))
            session_bar.addWidget(button)
        body.addLayout(session_bar)
        body.addWidget(self.sessions)
        self.steps_title = PlainLabel("Step changes", objectName="RoutineName")
        self.steps = PlainLabel(objectName="Muted", wordWrap=True)
        self.steps.setAccessibleName("Step changes on exercise ladders, with their reasons")
        body.addWidget(self.steps_title)
        body.addWidget(self.steps)
        self.show_step_changes([])
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self.empty = QWidget()
        welcome = QVBoxLayout(self.empty)
        welcome.addStretch(1)
        welcome.addWidget(PlainLabel("Nothing here yet", objectName="PageTitle"))
        welcome.addWidget(
            PlainLabel(
                "After your first session you will see the days you exercised, your minutes per week, "
                "how your pain changed, and how many sit-breaks you took.",
                wordWrap=True,
            )
        )
        go = QPushButton("Choose a routine")
        go.setProperty("primary", True)
        go.setAccessibleName("Choose a routine to start")
        go.clicked.connect(self.start_requested)
        welcome.addWidget(go)
        welcome.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(scroll)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[4])
        layout.setSpacing(SPACE[3])
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)

    def show_history(self, aggregates, sessions, routine_names: dict[str, str]) -> None:
        """Render aggregates (``desktop.core.history.HistoryAggregates``) and the session rows."""
        if not sessions and not any(sum(c.values()) for _, c in aggregates.breaks):
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentIndex(1)
        a = aggregates
        self.cards["week"].setText(f"{a.week_minutes:.0f}")
        self.cards["streak"].setText(str(a.streak_days))
        self.cards["taken"].setText(
            "\u2013" if a.reminders_taken_share is None else f"{a.reminders_taken_share:.0%}"
        )
        self.cards["pain"].setText("\u2013" if a.avg_pain_change is None else f"{a.avg_pain_change:+.1f}")
        sitting = [m for _, m in a.longest_sitting_min if m > 0]
        standups = [n for _, n in a.standups_per_hour if n > 0]
        self.cards["sitting"].setText(f"{sum(sitting) / len(sitting):.0f}" if sitting else "\u2013")
        self.cards["standups"].setText(f"{sum(standups) / len(standups):.1f}" if standups else "\u2013")
        self.calendar.show_days(a.daily_minutes)
        fill_minutes(self.minutes, a.weekly_minutes, routine_names, self._palette)
        fill_breaks(self.breaks, a.breaks, a.break_period, self._palette)
        fill_pain(self.pain, a.pain, self._palette)
        self._session_ids = [s.id for s in sessions]
        self.sessions.setRowCount(len(sessions))
        for row, s in enumerate(sessions):
            cells = (
                f"{s.started_at:%Y-%m-%d %H:%M}",
                s.routine_name,
                f"{s.minutes:.0f}",
                (s.outcome or "in progress").replace("_", " "),
                "" if s.pain_before is None else str(s.pain_before),
                "" if s.pain_after is None else str(s.pain_after),
            )
            for column, text in enumerate(cells):
                self.sessions.setItem(row, column, QTableWidgetItem(text))
        self.sessions.resizeColumnsToContents()

    def show_step_changes(self, lines: list[str]) -> None:
        """The confirmed moves on exercise ladders, newest first, one line each with its reason."""
        self.steps.setText("\n".join(lines))
        self.steps_title.setVisible(bool(lines))
        self.steps.setVisible(bool(lines))

    def _on_session(self, action: str) -> None:
        row = self.sessions.currentRow()
        if 0 <= row < len(self._session_ids):
            self.session_action.emit(action, self._session_ids[row])

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.sessions.hasFocus():
            self._on_session("delete")
        else:
            super().keyPressEvent(event)

    def charts_image(self):
        """The cards and charts as one image, for "Save charts"."""
        return self.stack.currentWidget().widget().grab()

    def restyle(self, palette: Palette) -> None:
        self._palette = palette
        self.calendar.set_palette(palette)
        for view in (self.minutes, self.breaks, self.pain):
            recolour(view.chart(), palette)
