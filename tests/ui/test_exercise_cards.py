"""The card grid: model/view, filters, search, keyboard and accessible names."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from desktop.ui.exercise_model import Role
from desktop.ui.exercises_page import ExercisesPage
from desktop.ui.theme import LIGHT


@pytest.fixture
def page(qtbot, catalog):
    widget = ExercisesPage(catalog, LIGHT)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_ids(page):
    return [page.proxy.index(i, 0).data(Role.EXERCISE).id for i in range(page.proxy.rowCount())]


def test_every_exercise_has_a_card(page, catalog):
    assert page.proxy.rowCount() == len(catalog.exercises)
    assert page.count.text() == f"{len(catalog.exercises)} of {len(catalog.exercises)} exercises"


def test_filters_combine(page, catalog):
    page.position.setCurrentIndex(page.position.findData("prone"))
    prone = {e.id for e in catalog.exercises if e.position == "prone"}
    assert set(shown_ids(page)) == prone
    page.routine.setCurrentIndex(page.routine.findData("strength-foundation"))
    in_routine = {i.exercise for i in catalog.routine("strength-foundation").items}
    assert set(shown_ids(page)) == prone & in_routine
    page.position.setCurrentIndex(0)
    page.routine.setCurrentIndex(0)
    page.equipment.setCurrentIndex(page.equipment.findData("ottoman"))
    assert set(shown_ids(page)) == {e.id for e in catalog.exercises if "ottoman" in e.equipment}
    assert {"static-back", "supine-groin-stretch"} <= set(shown_ids(page))


def test_search_by_name_and_empty_result(page, qtbot):
    qtbot.keyClicks(page.search, "bridge")
    assert shown_ids(page) == ["segmental-bridge"]
    page.search.setText("zzz")
    assert page.proxy.rowCount() == 0
    assert page.count.text() == "No exercise matches these filters."


def test_keyboard_moves_through_cards_and_updates_detail(page, qtbot, catalog):
    page.cards.setFocus()
    first = page.cards.currentIndex().data(Role.EXERCISE)
    assert first.name in page.detail.toPlainText()
    qtbot.keyClick(page.cards, Qt.Key.Key_Right)
    second = page.cards.currentIndex().data(Role.EXERCISE)
    assert second.id != first.id
    text = page.detail.toPlainText()
    assert second.name in text and next(iter(second.cues)) in text


def test_detail_shows_cautions_progressions_and_sources(page, catalog):
    page.show_exercise("reverse-jefferson-curl")
    text = page.detail.toPlainText()
    e = catalog.exercise("reverse-jefferson-curl")
    assert "Take care" in text and e.cautions[0] in text and "see a doctor" in text
    assert e.progressions[-1].name in text
    assert catalog.source_title("000_54d43dbb48fd0cba.txt") in text and "000_" not in text
    assert "never above 15 lb" in text


def test_red_flags_show_on_the_relevant_cards_only(page, catalog):
    flagged = {
        page.model.index(i, 0).data(Role.EXERCISE).id
        for i in range(page.model.rowCount())
        if page.model.index(i, 0).data(Role.FLAGS)
    }
    assert {"reverse-jefferson-curl", "figure-four-stretch", "piriformis-release"} <= flagged
    assert "static-back" not in flagged and len(flagged) < len(catalog.exercises)
    page.show_exercise("figure-four-stretch")
    text = page.detail.toPlainText()
    assert "Pins and needles during a stretch" in text and "Severe pain or a back injury" in text


def test_every_control_has_an_accessible_name(page):
    controls = page.findChildren(QLineEdit) + page.findChildren(QComboBox) + page.findChildren(QPushButton)
    assert controls
    assert [w for w in controls if not w.accessibleName()] == []
    assert page.cards.accessibleName() and page.detail.accessibleName()
    assert "Reverse Jefferson curl" in page.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_the_persons_step_and_best_show_on_the_card_and_in_the_details(qtbot, catalog):
    from desktop.core.history import Best
    from desktop.ui.exercise_model import Role
    from desktop.ui.exercises_page import ExercisesPage
    from desktop.ui.theme import LIGHT

    page = ExercisesPage(catalog, LIGHT)
    qtbot.addWidget(page)
    page.show_exercise("push-up")
    index = page.cards.currentIndex()
    assert index.data(Role.PROGRESS) == "Step 1 of 3 \u00b7 goal 20 reps" and index.data(Role.STEP) == 0
    page.model.set_progress({"push-up": 1}, {"push-up": Best(26, None)})
    assert index.data(Role.PROGRESS) == "Step 2 of 3 \u00b7 goal 30 reps \u00b7 best 26"
    html = page.detail.toHtml()
    assert html.index("30 reps") < html.index("your step") < html.index("40 reps")
    assert "best 26" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    page.show_exercise("cat-cow")
    assert page.cards.currentIndex().data(Role.STEP) is None and "your step" not in page.detail.toHtml()


def test_a_selection_survives_a_search_or_is_picked_anew(page, qtbot):
    page.show_exercise("segmental-bridge")
    qtbot.keyClicks(page.search, "bridge")
    assert page.cards.currentIndex().data(Role.EXERCISE).id == "segmental-bridge"
    page.search.setText("squat")  # the bridge is filtered out: the first match is shown instead
    assert page.cards.currentIndex().data(Role.EXERCISE).id == "squat"
    assert "Squat" in page.detail.toPlainText()


def test_cards_name_sources_by_title(page, catalog):
    index = page.proxy.index(0, 0)
    assert index.data(Role.SOURCES) == catalog.source_title(index.data(Role.EXERCISE).sources[0])
    assert len(catalog.sources) == 5 and all(not s.title.startswith("Source") for s in catalog.sources)
