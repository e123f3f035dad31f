"""The exercise cards fill their row at every width: as many columns as fit, no gap at the end.

A maximised window once kept two columns and an empty strip a card wide, because a row of
cards reaching the viewport's last pixel wraps in QListView.
"""

from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop.ui.card_delegate import MIN_CARD_WIDTH, CardDelegate, CardGrid
from tests.waiting import settle


class BlankCards(CardDelegate):
    """Cards of the real size with nothing painted: the items here are not exercises."""

    def paint(self, painter, option, index) -> None:
        pass


def test_every_width_gets_as_many_columns_as_fit_and_no_gap(qtbot):
    grid = CardGrid(BlankCards())
    qtbot.addWidget(grid)
    model = QStandardItemModel()
    for n in range(12):
        model.appendRow(QStandardItem(str(n)))
    grid.setModel(model)
    grid.show()
    for width in range(600, 1100, 7):  # every remainder of the division comes round
        grid.resize(width, 400)
        settle(qtbot)
        room = grid.viewport().width()
        lefts = {grid.visualRect(model.index(n, 0)).left() for n in range(model.rowCount())}
        assert len(lefts) == max(1, (room - 1) // MIN_CARD_WIDTH), width
        assert room - len(lefts) * grid.gridSize().width() <= len(lefts), width
