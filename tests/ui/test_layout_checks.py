"""The layout checks themselves find what they are for: cut labels and buttons, text over text."""

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from tests.ui.layout_checks import clipped, overlapping


def test_a_cut_button_a_cut_label_and_overlapping_text_are_found(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    root.resize(400, 200)
    button = QPushButton("Save each chart as an image", root)
    button.setGeometry(0, 0, 60, 30)
    label = QLabel("A label far wider than its place", root)
    label.setGeometry(0, 40, 50, 20)
    over = QLabel("On top", root)
    over.setGeometry(10, 45, 80, 20)
    fine = QPushButton("OK", root)
    fine.setGeometry(200, 0, 120, 40)
    root.show()
    qtbot.waitExposed(root)
    cut = clipped(root)
    assert any("Save each chart" in c for c in cut) and any("A label far" in c for c in cut)
    assert not any("'OK'" in c for c in cut)
    assert any("On top" in o for o in overlapping(root))


def test_parts_cut_by_a_scroll_area_and_cut_hints_and_choices_are_found(qtbot):
    """What the tester saw at 200 %: a Start button cut to a stub by the list it is in, a search
    field reading "Sear...", a filter reading "Any positi", and the list scrolling sideways."""
    from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QScrollArea

    from tests.ui.layout_checks import sideways

    root = QWidget()
    qtbot.addWidget(root)
    root.resize(300, 300)
    card = QWidget()
    row = QHBoxLayout(card)
    row.addWidget(QLabel("A routine"))
    row.addWidget(QPushButton("Start"))
    card.setMinimumWidth(600)  # wider than the list: Start is off to the right
    area = QScrollArea(root)
    area.setWidgetResizable(True)
    area.setWidget(card)
    area.setGeometry(0, 0, 300, 200)
    search = QLineEdit(root, placeholderText="Search exercises by name")
    search.setGeometry(0, 210, 60, 30)
    combo = QComboBox(root)
    combo.addItem("Any position")
    combo.setGeometry(100, 210, 60, 30)
    wide = QComboBox(root)
    wide.addItem("Any")
    wide.setGeometry(170, 210, 120, 30)
    root.show()
    qtbot.waitExposed(root)
    cut = clipped(root)
    assert any("'Start'" in c and "shows" in c for c in cut)
    assert any("Search exercises" in c and "hint" in c for c in cut)
    assert any("Any position" in c for c in cut)
    assert not any("'Any'" in c for c in cut)
    assert any("sideways" in s for s in sideways(root))


def test_a_label_scrolled_half_out_of_a_list_is_not_cut(qtbot):
    from PySide6.QtWidgets import QScrollArea, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    column = QWidget()
    rows = QVBoxLayout(column)
    for n in range(30):
        rows.addWidget(QLabel(f"Row {n}"))
    area = QScrollArea(root)
    area.setWidgetResizable(True)
    area.setWidget(column)
    area.setGeometry(0, 0, 200, 95)  # the last row in view is cut across the middle
    root.resize(200, 100)
    root.show()
    qtbot.waitExposed(root)
    assert clipped(root) == []
