"""The history page renders real aggregates offscreen, and a welcome when empty."""

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt

from desktop.app.main_controller import MainController
from desktop.app.media import Media
from desktop.app.store_worker import StoreWorker
from desktop.core.history import HistoryRange
from desktop.ui.appearance import Appearance
from tests.app_helpers import run


def fill(store, today):
    start = datetime.combine(today - timedelta(days=3), datetime.min.time(), UTC) + timedelta(hours=9)
    for day in range(3):
        t0 = start + timedelta(days=day)
        sid = store.start_session("mobility-trio", "Mobility trio", t0)
        store.set_pain(sid, "before", 4)
        store.record_set(
            sid,
            exercise_id="segmental-bridge",
            side="none",
            set_index=1,
            planned_reps=5,
            done_reps=5,
            started_at=t0,
            ended_at=t0 + timedelta(minutes=12),
        )
        store.set_pain(sid, "after", 3 - day % 2)
        store.finish_session(sid, "completed", t0 + timedelta(minutes=12))
        store.record_break(
            t0 + timedelta(hours=2), "taken", answered_at=t0 + timedelta(hours=2), duration_s=40
        )
        store.record_break(t0 + timedelta(hours=3), "skipped", answered_at=t0 + timedelta(hours=3))


def test_history_page_empty_then_with_data(qapp, catalog, tmp_path):
    async def scenario():
        worker = StoreWorker(tmp_path)
        controller = MainController(catalog, worker, Appearance(qapp, "light"), Media())
        controller.window.show()
        await controller.open_store()
        page = controller.history
        await controller.load_history(HistoryRange.WEEKS_4)
        empty = page.stack.currentWidget() is page.empty
        await worker.run(
            worker.history.record_break, datetime.now(UTC), "natural"
        )  # any record leaves the welcome
        fill(worker.history, date.today())
        await controller.load_history(HistoryRange.WEEKS_4)
        shown = page.stack.currentWidget() is not page.empty
        cards = {k: v.text() for k, v in page.cards.items()}
        rows = page.sessions.rowCount()
        series = [len(panel.chart().series()) for panel in (page.minutes, page.breaks, page.pain)]
        image = page.grab()
        await _dispose(controller)
        worker.close()
        return empty, shown, cards, rows, series, image.width()

    empty, shown, cards, rows, series, width = run(qapp, scenario)
    assert empty and shown
    assert rows == 3
    assert cards["taken"] == "50%" and cards["pain"] == "-1.3"  # changes -1, -2, -1
    assert series == [1, 1, 2]  # stacked minutes, stacked breaks, pain before/after (one routine: no changes)
    assert width > 0


def test_delete_undo_open_and_correct_pain(qapp, catalog, tmp_path, monkeypatch):
    from desktop.ui import pain_dialog
    from tests.app_helpers import answer_dialogs

    values = iter([2, 5])

    def answer_pain(self):
        self._pick(next(values))
        self.accept()

    monkeypatch.setattr(pain_dialog.PainDialog, "open", answer_pain)
    seen = []

    async def scenario():
        worker = StoreWorker(tmp_path)
        controller = MainController(catalog, worker, Appearance(qapp, "light"), Media())
        await controller.open_store()
        fill(worker.history, date.today())
        await controller.load_history(HistoryRange.WEEKS_4)
        page = controller.history
        first_id = page._session_ids[0]
        page.sessions.selectRow(0)
        timer = answer_dialogs([True], seen)
        await controller.history_actions.session("open", first_id)
        timer.stop()
        await controller.history_actions.session("pain", first_id)
        corrected = next(
            s
            for s in await worker.run(
                worker.history.list_sessions, date.today() - timedelta(days=27), date.today()
            )
            if s.id == first_id
        )
        await controller.history_actions.session("delete", first_id)
        after_delete = page.sessions.rowCount()
        undo = controller.undo.button
        undo.click()
        await controller.tasks.settle()
        restored = page.sessions.rowCount()
        paths = await worker.run(worker.history.export_csv, tmp_path / "csv")
        await _dispose(controller)
        worker.close()
        return corrected, after_delete, restored, [p.name for p in paths]

    corrected, after_delete, restored, files = run(qapp, scenario)
    assert seen == ["Session sets"]
    assert (corrected.pain_before, corrected.pain_after) == (2, 5)
    assert (after_delete, restored) == (2, 3)
    assert sorted(files) == ["breaks.csv", "sessions.csv", "sets.csv"]


def test_charts_and_pdf_from_the_page(qapp, catalog, tmp_path, monkeypatch):
    from desktop.app import history_actions

    targets = iter([tmp_path / "charts.png", tmp_path / "report.pdf"])

    async def choose(*_args, **_kwargs):
        return next(targets)

    monkeypatch.setattr(history_actions.modal, "choose_path", choose)

    async def scenario():
        worker = StoreWorker(tmp_path / "data")
        controller = MainController(catalog, worker, Appearance(qapp, "dark"), Media())
        controller.window.resize(1280, 800)
        await controller.open_store()
        fill(worker.history, date.today())
        await controller.load_history(HistoryRange.MONTHS_3)
        await controller.history_actions.run("charts")
        await controller.history_actions.run("pdf")
        status = controller.window.statusBar().currentMessage()
        await _dispose(controller)
        worker.close()
        return status

    status = run(qapp, scenario)
    written = sorted(p.name for p in tmp_path.glob("charts-*.png"))
    assert written == ["charts-breaks.png", "charts-calendar.png", "charts-minutes.png", "charts-pain.png"]
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in tmp_path.glob("charts-*.png"))
    assert not (tmp_path / "charts.png").exists()  # one file per chart, never a grab of the page
    assert (tmp_path / "report.pdf").read_bytes()[:4] == b"%PDF"
    assert status.startswith("Wrote the report (") and status.endswith(f"to {tmp_path / 'report.pdf'}")


async def _dispose(controller):
    """Close and delete the window (and its charts) now, not at some later garbage collection."""
    from PySide6.QtCore import QCoreApplication, QEvent

    await controller.close()
    controller.window.close()
    controller.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_live_theme_switch_recolours_chart_axes(qapp, catalog, tmp_path):
    from desktop.ui.theme import DARK, LIGHT

    async def scenario():
        worker = StoreWorker(tmp_path)
        appearance = Appearance(qapp, "light")
        controller = MainController(catalog, worker, appearance, Media())
        await controller.open_store()
        fill(worker.history, date.today())
        await controller.load_history(HistoryRange.WEEKS_4)
        page = controller.history
        before = {
            axis.labelsColor().name() for view in (page.minutes, page.pain) for axis in view.chart().axes()
        }
        appearance.set_choice("dark")
        after = {
            axis.labelsColor().name() for view in (page.minutes, page.pain) for axis in view.chart().axes()
        }
        background = page.minutes.chart().backgroundBrush().color().name()
        await _dispose(controller)
        worker.close()
        return before, after, background

    before, after, background = run(qapp, scenario)
    assert before == {LIGHT.muted} and after == {DARK.muted} and background == DARK.surface


def test_years_of_history_are_drawn_as_months_then_years(qapp):
    from desktop.ui.chart_panel import ChartPanel
    from desktop.ui.history_charts import BREAK_OUTCOMES, axis_labels, fill_breaks, fill_minutes
    from desktop.ui.theme import LIGHT

    first = date(2020, 1, 1)
    days = [first + timedelta(days=n) for n in range(3 * 365)]
    counts = {**{o: 0 for o, _, _ in BREAK_OUTCOMES}, "taken": 2, "skipped": 1}
    minutes, breaks = ChartPanel("m", LIGHT), ChartPanel("b", LIGHT)
    fill_minutes(minutes, [(d, "mobility-trio", 1.0) for d in days], {}, LIGHT, days[0], days[-1], 1)
    fill_breaks(breaks, [(d, counts) for d in days], LIGHT, days[0], days[-1], 1)
    [minute_series], [break_series] = minutes.chart().series(), breaks.chart().series()
    assert minutes.chart().title() == "Minutes per month" and breaks.chart().title() == "Sit-breaks per month"
    assert minute_series.barSets()[0].count() == 36  # 2020 to 2022, month by month
    assert sum(minute_series.barSets()[0].at(i) for i in range(36)) == len(days)  # nothing lost
    taken = next(s for s in break_series.barSets() if s.label() == "Taken")
    assert sum(taken.at(i) for i in range(36)) == 2 * len(days)
    for panel in (minutes, breaks):
        for axis in panel.chart().axes():
            labels = axis_labels(axis)
            assert len(labels) == len(set(labels)), labels
    decade = [first + timedelta(days=n) for n in range(3653)]
    fill_minutes(minutes, [(d, "mobility-trio", 1.0) for d in decade], {}, LIGHT, decade[0], decade[-1], 1)
    assert minutes.chart().title() == "Minutes per year"
    assert axis_labels(minutes.chart().axes(Qt.Orientation.Horizontal)[0])[:2] == ["2020", "2021"]


def test_step_changes_are_listed_with_their_reasons(qapp, catalog, tmp_path):
    async def scenario():
        worker = StoreWorker(tmp_path)
        controller = MainController(catalog, worker, Appearance(qapp, "light"), Media())
        await controller.open_store()
        fill(worker.history, date.today())
        await worker.run(
            worker.progress.change_step,
            "push-up",
            1,
            "3 sessions on \u201c20 reps\u201d without pain rising.",
            datetime(2026, 11, 20, 9, tzinfo=UTC),
        )
        await controller.load_history(HistoryRange.WEEKS_4)
        page = controller.history
        shown = (page.steps.isVisibleTo(page), page.steps.text())
        await _dispose(controller)
        worker.close()
        return shown

    visible, text = run(qapp, scenario)
    assert visible
    assert text == (
        "20 Nov 2026 \u00b7 Push-ups: step 1 \u2192 2. 3 sessions on \u201c20 reps\u201d without pain rising."
    )


def test_a_report_of_nothing_is_refused_before_asking_where(qapp, catalog, tmp_path, monkeypatch):
    from desktop.app import history_actions

    asked, said = [], []

    async def choose(*args, **kwargs):
        asked.append(args)
        return tmp_path / "report.pdf"

    async def inform(_parent, title, message):
        said.append((title, message))

    monkeypatch.setattr(history_actions.modal, "choose_path", choose)
    monkeypatch.setattr(history_actions.modal, "inform", inform)  # not an error: nothing went wrong

    async def scenario():
        worker = StoreWorker(tmp_path / "data")
        controller = MainController(catalog, worker, Appearance(qapp, "light"), Media())
        await controller.open_store()
        await controller.load_history(HistoryRange.WEEKS_4)
        await controller.history_actions.run("pdf")
        await controller.history_actions.run("charts")
        await _dispose(controller)
        worker.close()

    run(qapp, scenario)
    assert asked == [] and not (tmp_path / "report.pdf").exists()
    assert said[0] == (
        "Nothing to report yet",
        "Your history is still empty. A report shows your sessions, pain ratings and sit-breaks: "
        "come back after your first session.",
    )
    assert said[1][0] == "No charts to save yet"
