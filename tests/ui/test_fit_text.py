"""Names as long as a person may type them stay inside their card: two lines, then an ellipsis."""

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from desktop.ui.fit_text import ClampedLabel
from desktop.ui.flow_layout import FlowLayout
from tests.waiting import settle


def test_a_long_name_wraps_onto_two_lines_then_gives_way(qtbot):
    name = "Long name with a very" + " very" * 40 + " long tail"
    label = ClampedLabel(name, lines=2)
    qtbot.addWidget(label)
    label.resize(200, 80)
    label.show()
    lines = label.text().split("\n")
    assert len(lines) == 2 and lines[0].startswith("Long name") and lines[1].endswith("\u2026")
    assert all(label.fontMetrics().horizontalAdvance(line) <= 200 for line in lines)
    assert name in label.toolTip() and label.full_text() == name
    metrics = label.fontMetrics()
    assert label.heightForWidth(200) >= metrics.lineSpacing() + metrics.height()


def test_a_word_wider_than_the_line_is_cut_where_the_line_ends(qtbot):
    label = ClampedLabel("Stretch" + "x" * 393, lines=2)
    qtbot.addWidget(label)
    label.resize(150, 60)
    label.show()
    first, second = label.text().split("\n")
    assert first.startswith("Stretchx") and second.endswith("\u2026")
    assert label.fontMetrics().horizontalAdvance(first) <= 150
    assert label.sizeHint().width() < 400  # never asks for the name's full width


def test_a_short_name_stays_on_one_line(qtbot):
    label = ClampedLabel("Mobility trio", lines=2)
    qtbot.addWidget(label)
    label.resize(300, 40)
    label.show()
    assert label.text() == "Mobility trio"


def test_the_flow_wraps_what_does_not_fit_and_keeps_each_widget_at_its_size_hint(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    flow = FlowLayout(root, spacing=8)
    search = QLineEdit()
    buttons = [QPushButton(f"Any choice {n}") for n in range(3)]
    for widget in (search, *buttons):
        flow.addWidget(widget)
    root.resize(2000, 200)
    root.show()
    qtbot.waitExposed(root)
    widgets = (search, *buttons)
    assert max(w.y() for w in widgets) < min(w.y() + w.height() for w in widgets)  # one line when wide
    one_line = flow.heightForWidth(2000)
    root.resize(300, 200)
    settle(qtbot)
    flow.setGeometry(root.rect())
    assert flow.heightForWidth(300) > one_line
    assert max(w.y() for w in widgets) >= min(w.y() + w.height() for w in widgets)  # a second line
    assert all(b.width() >= b.sizeHint().width() for b in buttons)
    assert all(w.geometry().right() <= 300 for w in (search, *buttons))
