"""The history page renders real aggregates offscreen, and a welcome when empty."""

from datetime import UTC, date, datetime, timedelta

from desktop.app.main_controller import MainController
from desktop.app.media import Media
from desktop.app.store_worker import StoreWorker
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
        await controller.load_history("4w")
        empty = page.stack.currentWidget() is page.empty
        await worker.run(
            worker.history.record_break, datetime.now(UTC), "natural"
        )  # any record leaves the welcome
        fill(worker.history, date.today())
        await controller.load_history("4w")
        shown = page.stack.currentWidget() is not page.empty
        cards = {k: v.text() for k, v in page.cards.items()}
        rows = page.sessions.rowCount()
        series = [len(view.chart().series()) for view in (page.minutes, page.breaks, page.pain)]
        image = page.grab()
        await _dispose(controller)
        worker.close()
        return empty, shown, cards, rows, series, image.width()

    empty, shown, cards, rows, series, width = run(qapp, scenario)
    assert empty and shown
    assert rows == 3
    assert cards["taken"] == "50%" and cards["pain"] == "-1.3"  # changes -1, -2, -1
    assert series == [1, 1, 3]  # stacked minutes, stacked breaks, pain before/after/changes
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
        await controller.load_history("4w")
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


def test_png_and_pdf_from_the_page(qapp, catalog, tmp_path, monkeypatch):
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
        await controller.load_history("3m")
        await controller.history_actions.run("png")
        await controller.history_actions.run("pdf")
        status = controller.window.statusBar().currentMessage()
        await _dispose(controller)
        worker.close()
        return status

    status = run(qapp, scenario)
    assert (tmp_path / "charts.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "report.pdf").read_bytes()[:4] == b"%PDF"
    assert status == f"Wrote the report to {tmp_path / 'report.pdf'}"


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
        await controller.load_history("4w")
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


def test_years_of_history_are_drawn_as_months(qapp):
    from desktop.ui.history_charts import BREAK_COLOURS, chart_view, fill_breaks, fill_minutes
    from desktop.ui.theme import LIGHT

    mondays = [date(2020, 1, 6) + timedelta(weeks=n) for n in range(156)]
    minutes, breaks = chart_view("m", LIGHT), chart_view("b", LIGHT)
    fill_minutes(minutes, [(m, "mobility-trio", 10.0) for m in mondays], {}, LIGHT)
    counts = {**dict.fromkeys(BREAK_COLOURS, 0), "taken": 2, "skipped": 1}
    fill_breaks(breaks, [(m, counts) for m in mondays], "week", LIGHT)
    [minute_series], [break_series] = minutes.chart().series(), breaks.chart().series()
    assert minutes.chart().title().startswith("Minutes per month") and breaks.chart().title().startswith(
        "Breaks per month"
    )
    assert minute_series.barSets()[0].count() == 36  # 2020 to 2022, month by month
    assert (
        sum(minute_series.barSets()[0].at(i) for i in range(36)) == 1560.0
    )  # nothing lost in the regrouping
    taken = next(s for s in break_series.barSets() if s.label() == "taken")
    assert taken.count() == 36 and sum(taken.at(i) for i in range(36)) == 312


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
        await controller.load_history("4w")
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
