"""A row of widgets that wraps onto the next line when the row runs out of width.

The exercise filters (a search field and three choices) sit on one line in a
wide window; a narrow one, or the same window at 200 %, puts the choices on
a second line instead of shrinking each to "Any positi". Every widget keeps
its size hint; what a row has left over goes to its expanding widgets (the
search field); a row without one stays at its left.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8, balanced: bool = False) -> None:
        """``balanced``: lines as even as the widgets allow (eleven numbers as six over five, not
        seven over four); otherwise each line takes what fits."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._balanced = balanced
        self.setContentsMargins(0, 0, 0, 0)

    # -- the QLayout contract ------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """The widest widget alone on its line."""
        shown = self._shown()
        width = max((i.sizeHint().width() for i in shown), default=0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return self._with_margins(QSize(width, height))

    # -- placing -------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        m = self.contentsMargins()
        return QSize(size.width() + m.left() + m.right(), size.height() + m.top() + m.bottom())

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            need = item.sizeHint().width()
            if rows[-1] and used + self._gap + need > width:
                rows.append([])
                used = 0
            used += (self._gap if rows[-1] else 0) + need
            rows[-1].append(item)
        rows = [row for row in rows if row]
        if self._balanced and len(rows) > 1:
            shown = [item for row in rows for item in row]
            per_line = -(-len(shown) // len(rows))  # as few lines as before, filled evenly
            even = [shown[n : n + per_line] for n in range(0, len(shown), per_line)]
            if all(self._row_width(row) <= width for row in even):
                return even
        return rows

    def _row_width(self, row: list[QLayoutItem]) -> int:
        return sum(i.sizeHint().width() for i in row) + self._gap * (len(row) - 1)

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (or only measure); return the height used."""
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = inner.y()
        for n, row in enumerate(self._rows(inner.width())):
            if n:
                y += self._gap
            height = max(i.sizeHint().height() for i in row)
            if move:
                self._place_row(row, QPoint(inner.x(), y), inner.width(), height)
            y += height
        return y - rect.y() + m.bottom()

    def _place_row(self, row: list[QLayoutItem], at: QPoint, width: int, height: int) -> None:
        hints = [i.sizeHint().width() for i in row]
        spare = max(0, width - sum(hints) - self._gap * (len(row) - 1))
        growing = [n for n, i in enumerate(row) if i.expandingDirections() & Qt.Orientation.Horizontal]
        share, rest = divmod(spare, len(growing) or 1)
        x = at.x()
        for n, item in enumerate(row):
            extra = share + (1 if growing.index(n) < rest else 0) if n in growing else 0
            item.setGeometry(QRect(x, at.y(), hints[n] + extra, height))
            x += hints[n] + extra + self._gap
