"""The history page: range, summary cards, the calendar, three charts, the sessions; or a welcome.

It renders the aggregates it is given and asks for another range through a
signal; it never reads the database. Everything sits in one scroll: the
session list is as tall as its rows, with no scroll area of its own. Cards
and charts reflow into fewer columns when the window is narrow.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.history import HistoryRange, SessionOutcome
from desktop.core.intents import HistoryExport, SessionRowAction
from desktop.ui.adherence_calendar import FULL_DAY_MIN, AdherenceCalendar
from desktop.ui.chart_panel import ChartPanel
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.history_charts import fill_breaks, fill_minutes, fill_pain
from desktop.ui.plain import PlainLabel, plain_tooltip
from desktop.ui.theme import SPACE, Palette

WEEK_GOAL_MIN = 60
WIDE = 1000  # px of page width from which cards sit in one row and the two bar charts side by side
NARROW = 640  # below this, cards go two to a row
FIRST_WELCOME = (
    "After your first session you will see the days you exercised, your minutes per week, "
    "how your pain changed, and how many sit-breaks you took."
)
PERIOD_EMPTY = (
    "No session, pain rating or sit-break was recorded in this period. "
    "Pick a longer period above to see your earlier records, or start a routine."
)
OUTCOMES: dict[SessionOutcome, str] = {outcome: outcome.label for outcome in SessionOutcome}


def duration(minutes: float) -> str:
    """``45 min``, ``2 h 41 min``."""
    whole = round(minutes)
    return f"{whole} min" if whole < 60 else f"{whole // 60} h {whole % 60} min"


def _card() -> tuple[QFrame, PlainLabel, PlainLabel]:
    frame = QFrame()
    frame.setObjectName("Panel")
    value = PlainLabel(objectName="PageTitle")
    caption = PlainLabel(objectName="Muted", wordWrap=True)
    layout = QVBoxLayout(frame)
    layout.addWidget(value)
    layout.addWidget(caption)
    layout.addStretch(1)
    return frame, value, caption


class SessionTable(QTableWidget):
    """A table as tall as its rows: the page scrolls, the table never does."""

    def __init__(self) -> None:
        super().__init__(0, 6)
        # Two-line headers keep the number columns narrow: the routine's name gets the width.
        self.setHorizontalHeaderLabels(
            ["Date", "Routine", "Minutes", "Outcome", "Pain\nbefore", "Pain\nafter"]
        )
        self.verticalHeader().hide()  # no row numbers
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.setCornerButtonEnabled(False)
        self.setWordWrap(False)

    def fill(self, rows: list[tuple[str, ...]], right_aligned: tuple[int, ...]) -> None:
        """Replace every row at once. Columns that size to their contents would measure every
        row again on each cell set (seconds for 200 rows): they are sized once, at the end."""
        header = self.horizontalHeader()
        self.setUpdatesEnabled(False)
        for column in range(self.columnCount()):
            if column != 1:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:  # a name may be 400 characters: elided in its cell, whole in the tooltip
                    item.setToolTip(plain_tooltip(text))
                if column in right_aligned:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)
        for column in range(self.columnCount()):
            if column != 1:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setUpdatesEnabled(True)
        if rows:  # no cell wraps, so every row is as tall as the first: measured once, not 200 times
            vertical = self.verticalHeader()  # as resizeRowToContents measures a row
            vertical.setDefaultSectionSize(max(vertical.sectionSizeHint(0), self.sizeHintForRow(0)))
        self.fit_height()

    def fit_height(self) -> None:
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        scroll = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(self.horizontalHeader().height() + rows + 2 * self.frameWidth() + scroll)

    def wheelEvent(self, event) -> None:
        event.ignore()  # the page scrolls; a table that swallows the wheel traps the pointer


class HistoryPage(QWidget):
    range_requested = Signal(HistoryRange)
    start_requested = Signal()  # from the empty state: go and start a routine
    action_requested = Signal(HistoryExport)
    session_action = Signal(SessionRowAction, int)  # with the session id

    def __init__(self, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        self._palette = palette
        self._columns = 0
        title = PlainLabel("History", objectName="PageTitle")
        self.export = QToolButton()
        self.export.setText("Export")
        self.export.setAccessibleName("Export the history")
        self.export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export)
        for export, text in (
            (HistoryExport.PDF, "Report for a physiotherapist (PDF)\u2026"),
            (HistoryExport.CHARTS, "Save each chart as an image\u2026"),
            (HistoryExport.CSV, "All records as CSV files\u2026"),
        ):
            menu.addAction(text).triggered.connect(lambda _=False, e=export: self.action_requested.emit(e))
        self.export.setMenu(menu)
        self.period = PlainLabel(objectName="Muted", wordWrap=True)  # wraps rather than widen the page
        self.period.setAccessibleName("Period shown")
        self.period.setMinimumWidth(90)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(SPACE[3])
        top.addWidget(self.period, 1)
        top.addWidget(self.export)
        self.ranges = QButtonGroup(self)
        range_row = FlowLayout(spacing=SPACE[1])  # a second line on a narrow window
        for n, period in enumerate(HistoryRange):
            text = period.button
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAccessibleName(f"Show {text}")
            button.ensurePolished()  # the stylesheet's font, not the default
            bold = QFont(button.font())
            bold.setWeight(QFont.Weight.DemiBold)  # the checked range is drawn bold: room for that
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text) + 2 * SPACE[3] + 8)
            button.clicked.connect(lambda _=False, p=period: self.range_requested.emit(p))
            self.ranges.addButton(button, n)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)  # never stretched
            range_row.addWidget(button)
        self.ranges.button(2).setChecked(True)

        self.cards: dict[str, PlainLabel] = {}
        self.captions: dict[str, PlainLabel] = {}
        self._card_frames: list[QFrame] = []
        for key in ("week", "streak", "taken", "pain", "sitting", "standups"):
            frame, value, caption = _card()
            self.cards[key], self.captions[key] = value, caption
            self._card_frames.append(frame)
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(SPACE[2])

        self.calendar = AdherenceCalendar()
        self.calendar.set_palette(palette)
        self.calendar_box = QFrame()
        self.calendar_box.setObjectName("Panel")
        calendar_layout = QVBoxLayout(self.calendar_box)
        self.calendar_title = PlainLabel("Days you exercised", objectName="SectionTitle")
        calendar_layout.addWidget(self.calendar_title)
        calendar_layout.addWidget(self.calendar)
        calendar_layout.addWidget(
            PlainLabel(
                f"Darker squares are longer days; {FULL_DAY_MIN} minutes or more is the darkest.",
                objectName="Muted",
                wordWrap=True,
            )
        )
        self.minutes = ChartPanel("Minutes per week", palette)
        self.breaks = ChartPanel("Sit-breaks", palette)
        self.pain = ChartPanel("Pain before and after", palette)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(SPACE[3])

        self.sessions = SessionTable()
        self.sessions.setAccessibleName("Sessions")
        self.sessions.itemActivated.connect(lambda _item: self._on_session(SessionRowAction.OPEN))
        self._session_ids: list[int] = []
        self.no_sessions = PlainLabel("No sessions in this period.", objectName="Muted")
        session_bar = QHBoxLayout()
        session_bar.addWidget(PlainLabel("Sessions", objectName="SectionTitle"), 1, Qt.AlignmentFlag.AlignTop)
        session_buttons = FlowLayout(spacing=SPACE[2])  # under each other's row when narrow
        self.session_buttons: list[QPushButton] = []
        for action, text, name in (
            (SessionRowAction.OPEN, "Show sets", "Show the sets of the selected session"),
            (SessionRowAction.PAIN, "Correct pain\u2026", "Correct the pain ratings of the selected session"),
            (SessionRowAction.DELETE, "Delete", "Delete the selected session (can be undone)"),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _=False, a=action: self._on_session(a))
            session_buttons.addWidget(button)
            self.session_buttons.append(button)
        session_bar.addLayout(session_buttons)

        content = QWidget()
        content.setObjectName("Page")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, SPACE[2], 0)
        body.setSpacing(SPACE[3])
        body.addLayout(self.card_grid)
        body.addWidget(self.calendar_box)
        body.addLayout(self.chart_grid)
        body.addLayout(session_bar)
        body.addWidget(self.sessions)
        body.addWidget(self.no_sessions)
        self.steps_title = PlainLabel("Step changes", objectName="SectionTitle")
        self.steps = PlainLabel(objectName="Muted", wordWrap=True)
        self.steps.setAccessibleName("Step changes on exercise ladders, with their reasons")
        body.addWidget(self.steps_title)
        body.addWidget(self.steps)
        body.addStretch(1)
        self.show_step_changes([])
        self.body = QScrollArea()
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setWidget(content)

        self.empty = QWidget()
        welcome = QVBoxLayout(self.empty)
        welcome.addStretch(1)
        self.welcome_title = PlainLabel("Nothing here yet", objectName="PageTitle")
        welcome.addWidget(self.welcome_title)
        self.welcome_text = PlainLabel(FIRST_WELCOME, wordWrap=True)
        welcome.addWidget(self.welcome_text)
        go = QPushButton("Choose a routine")
        go.setProperty("primary", True)
        go.setAccessibleName("Choose a routine to start")
        go.clicked.connect(self.start_requested)
        welcome.addWidget(go, 0, Qt.AlignmentFlag.AlignLeft)
        welcome.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE[4], SPACE[4], SPACE[4], SPACE[3])
        layout.setSpacing(SPACE[2])
        layout.addLayout(top)
        layout.addLayout(range_row)
        layout.addWidget(self.stack, 1)
        self._reflow(6)

    # -- layout ----------------------------------------------------------------------------
    def _reflow(self, columns: int) -> None:
        """Six cards in a row and the bar charts side by side when wide; three or two and stacked when not."""
        if columns == self._columns:
            return
        self._columns = columns
        wide = columns == 6
        for n, frame in enumerate(self._card_frames):
            self.card_grid.addWidget(frame, n // columns, n % columns)
        for column in range(6):
            self.card_grid.setColumnStretch(column, 1 if column < columns else 0)
        self.chart_grid.addWidget(self.minutes, 0, 0, 1, 1 if wide else 2)
        self.chart_grid.addWidget(self.breaks, 0 if wide else 1, 1 if wide else 0, 1, 1 if wide else 2)
        self.chart_grid.addWidget(self.pain, 1 if wide else 2, 0, 1, 2)

    def resizeEvent(self, event) -> None:
        width = event.size().width()
        self._reflow(6 if width >= WIDE else 3 if width >= NARROW else 2)
        super().resizeEvent(event)
        self._title_calendar()  # a narrower window shows fewer weeks; the title says from when

    # -- data --------------------------------------------------------------------------------
    def show_period(self, first: date, last: date) -> None:
        self.period.setText(f"{first.day} {first:%b %Y} \u2013 {last.day} {last:%b %Y}")

    def show_history(
        self, aggregates, sessions, routine_names: dict[str, str], recorded_before: bool = False
    ) -> None:
        """Render aggregates (``desktop.core.history.HistoryAggregates``) and the session rows."""
        a = aggregates
        self.show_period(a.first_day, a.last_day)
        if not sessions and not a.pain and not any(sum(c.values()) for _, c in a.breaks):
            # A first-time welcome, or (with older records) what to do to see them.
            self.welcome_title.setText("Nothing in this period" if recorded_before else "Nothing here yet")
            self.welcome_text.setText(PERIOD_EMPTY if recorded_before else FIRST_WELCOME)
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.body)
        self._fill_cards(a)
        self.calendar.show_days(a.daily_minutes)
        self._title_calendar()
        week = self.calendar.first_weekday  # a week's bar covers the days of a calendar column
        fill_minutes(
            self.minutes, a.routine_minutes, routine_names, self._palette, a.first_day, a.last_day, week
        )
        fill_breaks(self.breaks, a.breaks, self._palette, a.first_day, a.last_day, week)
        fill_pain(self.pain, a.pain, self._palette, week, (a.first_day, a.last_day))
        self._fill_sessions(sessions)

    def _title_calendar(self) -> None:
        days = self.calendar.shown_days()
        if self.calendar.truncated and days:
            first = days[0][0]
            self.calendar_title.setText(f"Days you exercised since {first.day} {first:%b %Y}")
        else:
            self.calendar_title.setText("Days you exercised")

    def _fill_cards(self, a) -> None:
        cards, captions = self.cards, self.captions
        cards["week"].setText(f"{a.week_minutes:.0f}")
        one = f"{a.week_minutes:.0f}" == "1"
        captions["week"].setText(f"{'minute' if one else 'minutes'} this week (goal {WEEK_GOAL_MIN})")
        cards["streak"].setText(str(a.streak_days))
        captions["streak"].setText("day in a row" if a.streak_days == 1 else "days in a row")
        share = a.reminders_taken_share
        cards["taken"].setText("\u2013" if share is None else f"{share:.0%}")
        captions["taken"].setText("no reminders yet" if share is None else "of reminders taken")
        change = a.avg_pain_change
        cards["pain"].setText("\u2013" if change is None else f"{change:+.1f}")
        captions["pain"].setText(
            "no pain ratings yet" if change is None else "average pain change per session (0\u201310)"
        )
        sitting = [m for _, m in a.longest_sitting_min if m > 0]
        standups = [n for _, n in a.standups_per_hour if n > 0]
        cards["sitting"].setText(duration(sum(sitting) / len(sitting)) if sitting else "\u2013")
        captions["sitting"].setText("longest sitting stretch, daily average")
        cards["standups"].setText(f"{sum(standups) / len(standups):.1f}" if standups else "\u2013")
        captions["standups"].setText("stand-ups per hour at the desk")

    def _fill_sessions(self, sessions) -> None:
        self._session_ids = [s.id for s in sessions]
        self.sessions.fill(
            [
                (
                    f"{s.started_at:%a} {s.started_at.day} {s.started_at:%b %Y, %H:%M}",
                    s.routine_name,
                    f"{s.minutes:.0f}",
                    "In progress" if s.outcome is None else OUTCOMES[s.outcome],
                    "" if s.pain_before is None else str(s.pain_before),
                    "" if s.pain_after is None else str(s.pain_after),
                )
                for s in sessions
            ],
            right_aligned=(2, 4, 5),
        )
        self.sessions.setVisible(bool(sessions))
        self.no_sessions.setVisible(not sessions)
        for button in self.session_buttons:
            button.setEnabled(bool(sessions))

    def show_step_changes(self, lines: list[str]) -> None:
        """The confirmed moves on exercise ladders, newest first, one line each with its reason."""
        self.steps.setText("\n".join(lines))
        self.steps_title.setVisible(bool(lines))
        self.steps.setVisible(bool(lines))

    def _on_session(self, action: SessionRowAction) -> None:
        row = self.sessions.currentRow()
        if 0 <= row < len(self._session_ids):
            self.session_action.emit(action, self._session_ids[row])

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.sessions.hasFocus():
            self._on_session(SessionRowAction.DELETE)
        else:
            super().keyPressEvent(event)

    def chart_widgets(self) -> list[tuple[str, QWidget]]:
        """The calendar and each chart that has something to show, by a file-name-friendly name."""
        if self.stack.currentWidget() is self.empty:
            return []
        shown: list[tuple[str, QWidget]] = [("calendar", self.calendar_box)]
        for name, panel in (("minutes", self.minutes), ("breaks", self.breaks), ("pain", self.pain)):
            if panel.has_chart:
                shown.append((name, panel.view))
        return shown

    def restyle(self, palette: Palette) -> None:
        self._palette = palette
        self.calendar.set_palette(palette)
        for panel in (self.minutes, self.breaks, self.pain):
            panel.restyle(palette)
