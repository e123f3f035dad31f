"""The history page at every size of history: none, one session, a month, ten years.

Each history is written through the store's API (tests/history_seed.py) and
drawn by the real page at 1280x800. Every range must give unique axis
labels with units, pain on whole numbers 0-10, a few dozen bars at most,
routines named in full, and sentences where there is nothing to draw.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from desktop.ui.history_charts import EMPTY_TEXT, axis_labels
from desktop.ui.history_page import HistoryPage
from desktop.ui.theme import LIGHT
from tests.history_seed import ROUTINES, seed
from tests.waiting import settle

NAMES = dict(ROUTINES)
SPANS = {"4w": 27, "3m": 91, "12m": 364}


@pytest.fixture(scope="module")
def histories() -> Iterator[dict[str, Path]]:
    """One folder per size; on tmpfs where there is one, as ten years is ~10,000 committed writes."""
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    shm = Path("/dev/shm")
    root = Path(tempfile.mkdtemp(dir=shm if shm.is_dir() else None))
    folders = {}
    for size in ("empty", "one", "month", "decade"):
        folders[size] = root / size
        db = open_database(folders[size])
        seed(HistoryStore(db), size)
        db.close()
    yield folders
    shutil.rmtree(root, ignore_errors=True)  # tmpfs is memory: leave nothing behind


def shown(qtbot, folder: Path, span: str) -> HistoryPage:
    from desktop.storage.database import open_database
    from desktop.storage.history import HistoryStore

    db = open_database(folder)
    store, today = HistoryStore(db), date.today()
    first = today - timedelta(days=SPANS[span]) if span in SPANS else (store.history_range() or (today,))[0]
    aggregates, sessions = store.aggregates(first, today, today), store.list_sessions(first, today)
    db.close()
    page = HistoryPage(LIGHT)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.show_history(aggregates, sessions, NAMES)
    settle(qtbot)
    return page


CASES = (
    [("one", s) for s in SPANS]
    + [("month", s) for s in (*SPANS, "all")]
    + [("decade", "12m"), ("decade", "all")]
)


@pytest.mark.parametrize(("size", "span"), CASES)
def test_every_axis_is_dated_unique_and_whole(qtbot, histories, size, span):
    page = shown(qtbot, histories[size], span)
    drawn = [p for p in (page.minutes, page.breaks, page.pain) if p.has_chart]
    assert page.minutes in drawn and page.pain in drawn
    for panel in drawn:
        for axis in panel.chart().axes():
            labels = axis_labels(axis)
            assert labels and len(labels) == len(set(labels)), (panel.title, labels)
            assert axis.titleText(), f"{panel.chart().title()}: an axis without a unit"
        bars = [s for s in panel.chart().series() if hasattr(s, "barSets")]
        assert all(s.barSets()[0].count() <= 40 for s in bars)  # never a comb of empty weeks
    pain_y = [a for a in page.pain.chart().axes() if a.titleText().startswith("pain")]
    assert axis_labels(pain_y[0]) == ["0", "2", "4", "6", "8", "10"]
    legend = page.minutes.legend.text()
    used = {name for name in NAMES.values() if name.split()[0] in legend}
    assert all(name.replace(" ", "&nbsp;").replace("-", "\u2011") in legend for name in used)


def test_one_session_says_what_will_appear_and_counts_in_the_singular(qtbot, histories):
    page = shown(qtbot, histories["one"], "4w")
    assert not page.breaks.has_chart and page.breaks.empty.text() == EMPTY_TEXT["breaks"]
    assert page.captions["streak"].text() == "day in a row"
    assert page.sessions.rowCount() == 1 and page.sessions.verticalHeader().isHidden()
    pain_points = [s for s in page.pain.chart().series() if s.count()]
    assert pain_points and all(s.pointsVisible() for s in pain_points)  # a lone rating is a marked point


def test_nothing_recorded_shows_the_welcome(qtbot, histories):
    page = shown(qtbot, histories["empty"], "4w")
    assert page.stack.currentWidget() is page.empty


def test_the_session_list_scrolls_with_the_page_not_by_itself(qtbot, histories):
    page = shown(qtbot, histories["month"], "4w")
    table = page.sessions
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.height() >= rows + table.horizontalHeader().height()
    assert table.verticalScrollBar().maximum() == 0


def test_ten_years_are_drawn_by_year_and_the_calendar_by_its_last_year(qtbot, histories):
    page = shown(qtbot, histories["decade"], "all")
    assert page.minutes.chart().title() == "Minutes per year"
    x = next(a for a in page.minutes.chart().axes() if a.titleText() == "year")
    assert len(axis_labels(x)) in (10, 11)
    assert page.calendar.weeks() <= 53 and page.calendar_title.text().startswith("Days you exercised since")


def test_the_calendar_names_months_and_starts_the_week_where_the_locale_does(qtbot, histories):
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        us = shown(qtbot, histories["month"], "3m").calendar
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        de = shown(qtbot, histories["month"], "3m").calendar
    finally:
        QLocale.setDefault(before)
    assert us.weekday_name(0) == "Sun" and de.weekday_name(0).startswith("Mo")
    months = [text for text, _day in us.month_labels()]
    assert (
        len(months) >= 3
        and len(months) == len(set(months))
        and any(m[:3] in ("Sep", "Oct", "Nov", "Dec") for m in months)
    )
    assert us.cell_rect(us.shown_days()[-1][0]).width() >= 20  # three months fill the card, not a corner


def test_an_empty_period_of_an_older_history_says_to_look_further_back(qtbot):
    from desktop.ui.history_page import PERIOD_EMPTY

    page = HistoryPage(LIGHT)
    qtbot.addWidget(page)
    from desktop.core.history import HistoryAggregates

    today = date.today()
    days = [today - timedelta(days=n) for n in range(27, -1, -1)]
    nothing = HistoryAggregates(
        days[0], days[-1], [(d, 0.0) for d in days], [], [], "day", [], 0.0, 0, None, None, [], []
    )
    page.show_history(nothing, [], NAMES, recorded_before=True)
    assert page.stack.currentWidget() is page.empty
    assert page.welcome_title.text() == "Nothing in this period" and page.welcome_text.text() == PERIOD_EMPTY
