"""The physiotherapist report: a real PDF, the right figures in its text, and a clear error."""

import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtGui import QPageSize

from desktop.core.history import HistoryAggregates, SessionOutcome, SessionSummary
from desktop.ui.history_report import ReportInput, ReportRoutine, has_content, report_text, write_report

FIRST = date(2026, 3, 2)  # a Monday
ROUTINES = [
    ReportRoutine("Mobility trio", False, ("Segmental bridge: 5 reps",)),
    ReportRoutine(
        "Desk reset",
        True,
        ("Push-ups: 3 \u00d7 12 \u2014 step 2 of 3, Knee push-ups", "Standing back bend: 8 reps"),
    ),
]
NAMES = {"mobility-trio": "Mobility trio", "desk-reset": "Desk reset"}


def aggregates(pain=(), avg_pain_change=None, empty=False) -> HistoryAggregates:
    days = [FIRST + timedelta(days=i) for i in range(14)]
    minutes = [12.0, 0.0, 8.5, 0.0, 0.0, 20.0, 0.0] + [0.0] * 7  # 40.5 min on 3 days, all in week one
    if empty:
        return HistoryAggregates(
            first_day=days[0],
            last_day=days[-1],
            daily_minutes=[(d, 0.0) for d in days],
            routine_minutes=[],
            breaks=[(d, {"taken": 0, "snoozed": 0, "skipped": 0, "natural": 0, "ignored": 0}) for d in days],
            break_period="day",
            pain=[],
            week_minutes=0.0,
            streak_days=0,
            reminders_taken_share=None,
            avg_pain_change=None,
            longest_sitting_min=[],
            standups_per_hour=[],
        )
    return HistoryAggregates(
        first_day=days[0],
        last_day=days[-1],
        daily_minutes=list(zip(days, minutes, strict=False)),
        routine_minutes=[(FIRST, "mobility-trio", 40.5)],
        breaks=[(d, {"taken": 2, "snoozed": 0, "skipped": 1, "natural": 0, "ignored": 1}) for d in days],
        break_period="day",
        pain=list(pain),
        week_minutes=0.0,
        streak_days=3,
        reminders_taken_share=0.5,
        avg_pain_change=avg_pain_change,
        longest_sitting_min=[(days[0], 90.0), (days[1], 60.0)],
        standups_per_hour=[(days[0], 1.0), (days[1], 0.5)],
    )


def rated(n: int):
    t0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
    return [(t0 + timedelta(days=i), "mobility-trio", 5, 3 + i % 2) for i in range(n)]


def sessions(n: int) -> list[SessionSummary]:
    t0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
    return [
        SessionSummary(
            i,
            "mobility-trio",
            "Mobility trio",
            t0 + timedelta(days=i),
            12.0,
            SessionOutcome.COMPLETED,
            5,
            3,
            2,
        )
        for i in range(n)
    ]


def report(agg: HistoryAggregates, rows: list[SessionSummary] | None = None) -> ReportInput:
    rows = sessions(3) if rows is None else rows
    return ReportInput(
        "Alex Example", "Last 2 weeks", agg, rows, len(rows), ROUTINES, NAMES, date(2026, 3, 16)
    )


def pdf_text(path) -> str:
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed: bash packaging/bootstrap.sh test"
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_text_names_who_period_figures_and_routines_once():
    text = report_text(report(aggregates()))
    assert text.count("Alex Example") == 1 and text.count("Last 2 weeks") == 1
    assert "2 Mar 2026" in text and "15 Mar 2026" in text
    assert "40 min" in text  # total, rounded
    assert "3 of 14" in text  # days with exercise
    assert "3 days in a row" in text
    assert "13.5 min" in text  # average per day with exercise
    assert "50%" in text  # reminders taken
    assert "1 h 15 min" in text and "0.8" in text  # longest sitting, stand-ups per hour
    assert "Desk reset</b> <span style='color:#555555'>(own routine)" in text
    assert "step 2 of 3, Knee push-ups" in text


def test_the_pdf_names_own_routines_and_steps_with_charts_and_page_numbers(qapp, tmp_path):
    path = tmp_path / "report.pdf"
    pages = write_report(path, report(aggregates(rated(12), -1.5)), QPageSize.PageSizeId.A4)
    text = pdf_text(path)
    assert "Desk reset (own routine)" in text and "step 2 of 3, Knee push-ups" in text
    assert "Minutes per week" in text and "Sit-breaks per week" in text  # the charts' own text, as vectors
    assert "Pain before and after" in text and "-1.5 points" in text
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Sessions" in text and "2 Mar 2026, 09:00" in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "A4" in info


def test_no_sessions_no_sessions_table_and_letter_paper(qapp, tmp_path):
    path = tmp_path / "report.pdf"
    write_report(path, report(aggregates(), rows=[]), QPageSize.PageSizeId.Letter)
    text = pdf_text(path)
    assert "Outcome" not in text and "Pain after" not in text  # no sessions table, empty or not
    assert "Pain ratings will appear here" in text  # the chart that has nothing says so in a sentence
    assert "612 x 792 pts" in subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout


def test_a_report_with_nothing_in_it_is_refused(qapp, tmp_path):
    empty = aggregates(empty=True)
    assert not has_content(empty, 0) and has_content(aggregates(), 0)
    with pytest.raises(ValueError, match="nothing to report"):
        write_report(tmp_path / "r.pdf", report(empty, rows=[]))
    assert not (tmp_path / "r.pdf").exists()


def test_unwritable_path_raises_naming_it(qapp, tmp_path):
    (tmp_path / "file.txt").write_text("not a folder")
    target = tmp_path / "file.txt" / "r.pdf"
    with pytest.raises(OSError, match=r"r\.pdf") as error:
        write_report(target, report(aggregates()))
    assert str(target) in str(error.value)


def test_paper_follows_the_locale():
    from PySide6.QtCore import QLocale

    from desktop.ui.report_pages import page_size_for

    assert (
        page_size_for(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        == QPageSize.PageSizeId.Letter
    )
    assert page_size_for(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == QPageSize.PageSizeId.A4


def test_text_is_black_on_paper_even_in_the_dark_theme(qapp, tmp_path):
    from PySide6.QtGui import QColor, QPalette

    before = qapp.palette()
    dark = QPalette(before)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        dark.setColor(role, QColor("#eef1f4"))  # the dark theme's text colour
    qapp.setPalette(dark)
    try:
        path = tmp_path / "report.pdf"
        write_report(path, report(aggregates()), QPageSize.PageSizeId.A4)
    finally:
        qapp.setPalette(before)
    subprocess.run(
        ["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True
    )
    [page] = tmp_path.glob("p*.pgm")
    pixels = page.read_bytes().split(b"\n", 3)[3]
    dark_pixels = sum(1 for b in pixels if b < 60)
    assert dark_pixels > 200  # 0 in the theme's pale text colour: the text prints black


def test_each_chart_is_its_own_png_or_svg(qapp, tmp_path):
    from desktop.ui.chart_export import save_charts
    from desktop.ui.chart_panel import ChartPanel
    from desktop.ui.history_charts import fill_minutes
    from desktop.ui.theme import LIGHT

    panel = ChartPanel("Minutes", LIGHT)
    agg = aggregates()
    fill_minutes(panel, agg.routine_minutes, NAMES, LIGHT, agg.first_day, agg.last_day, 1)
    panel.resize(600, 320)
    panel.show()  # laid out as on the page
    qapp.processEvents()
    svg = save_charts([("minutes", panel.view)], tmp_path / "charts.svg")
    png = save_charts([("minutes", panel.view)], tmp_path / "charts.png")
    assert svg == [tmp_path / "charts-minutes.svg"] and png == [tmp_path / "charts-minutes.png"]
    text = svg[0].read_text()
    assert (
        text.startswith("<?xml") and "<polyline" in text and "Minutes per week" in text
    )  # vectors and real text
    assert png[0].read_bytes()[:4] == b"\x89PNG"


def page_texts(path) -> list[str]:
    """Each page's text on its own (pdftotext separates pages with a form feed)."""
    return pdf_text(path).split("\f")[:-1]


def test_the_sessions_header_is_repeated_on_every_page_the_table_spans(qapp, tmp_path):
    path = tmp_path / "report.pdf"
    rows = sessions(150)  # far more than one page holds
    data = ReportInput(
        "Alex Example", "Everything recorded", aggregates(), rows, 400, ROUTINES, NAMES, date(2026, 3, 16)
    )
    pages = write_report(path, data, QPageSize.PageSizeId.A4)
    texts = page_texts(path)
    assert len(texts) == pages
    with_rows = [n for n, t in enumerate(texts) if "Mobility trio" in t and ", 09:00" in t]
    assert len(with_rows) >= 3 and with_rows == list(range(with_rows[0], with_rows[-1] + 1))
    for n in with_rows:
        header = texts[n].index("Date")
        assert all(word in texts[n] for word in ("Routine", "Outcome", "Pain before", "Pain after"))
        assert header < texts[n].index(", 09:00")  # the header sits above the page's first row
    assert "Sessions: the 150 most recent of 400" in texts[with_rows[0]]
    assert with_rows[-1] == len(texts) - 1  # the table ends the report: no page after it for a line
    assert re.search(
        r"not\s+a\s+medical\s+assessment", texts[0]
    )  # said once, at the top, where it is read first
    assert all("(continued)" in texts[n] for n in with_rows[1:])
    # Every session is printed once: no row lost or repeated at a page break.
    printed = [m for t in texts for m in re.findall(r"\d+ \w{3} 2026, 09:00", t)]
    assert len(printed) == 150 and len(set(printed)) == 150


def test_a_long_name_is_printed_whole_at_the_top_and_cut_short_in_the_footer(qapp, tmp_path):
    path = tmp_path / "report.pdf"
    name = "Alexandra " + "Maximiliane " * 12 + "Zyxwvutsrq"
    data = ReportInput(name, "Last 2 weeks", aggregates(), sessions(3), 3, ROUTINES, NAMES, date(2026, 3, 16))
    pages = write_report(path, data, QPageSize.PageSizeId.A4)
    first = page_texts(path)[0]
    assert "Zyxwvutsrq" in first.split("Summary")[0]  # whole, wrapped, at the top
    footer = first.strip().splitlines()[-1]
    assert footer.endswith(f"Page 1 of {pages}") and "\u2026" in footer  # cut, the page number intact
    assert "Zyxwvutsrq" not in footer
