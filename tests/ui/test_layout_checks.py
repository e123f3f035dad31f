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
