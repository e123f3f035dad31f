"""Lay blocks of text and drawings out on PDF pages, with a footer and page numbers.

A report is a column of blocks: HTML (laid out by ``QTextDocument``),
drawings (a chart or the calendar, painted as vectors) and tables. Blocks
are placed top to bottom; one that does not fit what is left of a page
starts the next, and HTML taller than a page is split across pages. A table
is split between rows, and every page it reaches starts with its header
row, so a reader of page 4 still knows which column is which (fixed column
widths keep the columns lined up from page to page). The layout is worked
out first, so each footer can say "page 2 of 3".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from desktop.content.bounded_write import refuse_non_file
from desktop.content.errors import ContentError

RESOLUTION_DPI = 300  # device units of the PDF; text and charts stay vector at any value
GAP_MM = 4.0
PAPER_CSS = "body { color: #000000; font-family: sans-serif; font-size: 10pt; }"
FOOTER_MM = 8.0


def page_size_for(locale: QLocale | None = None) -> QPageSize.PageSizeId:
    """US Letter where the locale measures in US units, A4 everywhere else."""
    system = (locale or QLocale.system()).measurementSystem()
    return (
        QPageSize.PageSizeId.Letter
        if system == QLocale.MeasurementSystem.ImperialUSSystem
        else QPageSize.PageSizeId.A4
    )


@dataclass
class Html:
    html: str


@dataclass
class Drawing:
    """``paint(painter, rect)`` draws into ``rect``; ``aspect`` is height over width."""

    paint: Callable[[QPainter, QRectF], None]
    aspect: float
    keep_with: Html | None = None  # a heading that must sit on the same page, above
    caption: Html | None = None  # a legend or note that must sit on the same page, below


@dataclass
class Table:
    """Rows under a header row that is repeated at the top of every page the table spans.

    ``heading`` (HTML) stays on the page of the first rows, ``continued`` heads
    the others; ``widths`` are each column's percent of the page width."""

    heading: str
    continued: str
    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    widths: tuple[int, ...]
    font_pt: float | None = None

    def html(self, first: int = 0, count: int | None = None) -> str:
        """The heading and rows ``first`` to ``first + count`` under the header, as one page shows them."""
        end = len(self.rows) if count is None else first + count
        head = self.heading if first == 0 else self.continued
        return head + table_html(self.header, self.rows[first:end], self.widths, self.font_pt)


Block = Html | Drawing | Table
MIN_FIRST_ROWS = 3  # a table does not start with fewer rows than this at the foot of a page


def table_html(
    header: tuple[str, ...] | None,
    rows: Sequence[tuple[str, ...]],
    widths: tuple[int, ...] | None = None,
    font_pt: float | None = None,
) -> str:
    """A ruled table of plain text cells (escaped here), with a shaded header row when given."""
    size = f" font-size: {font_pt:g}pt;" if font_pt else ""
    columns = len(header) if header else len(rows[0]) if rows else 0
    sized = [f" width='{w}%'" for w in widths] if widths else [""] * columns
    head = (
        "<tr>"
        + "".join(
            f"<th align='left' bgcolor='#e9eef2'{w}>{escape(h)}</th>"
            for h, w in zip(header, sized, strict=True)
        )
        + "</tr>"
        if header
        else ""
    )
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        "<table width='100%' cellspacing='0' cellpadding='3' border='1' "
        f"style='border-collapse: collapse; border-color: #c8ced4;{size}'>{head}{body}</table>"
    )


def write_pages(
    path: Path, blocks: list[Block], footer: str, title: str, page_size: QPageSize.PageSizeId
) -> int:
    """Write the PDF; return its page count. Raises ``OSError`` naming ``path`` when it cannot,
    and before writing anything when ``path`` is a folder, named pipe or device (the writer's
    rule, ``desktop.content.bounded_write``: a FIFO would hang the writer until read)."""
    try:
        refuse_non_file(path)
    except ContentError as exc:
        raise OSError(f"The report could not be written to {path}: {'; '.join(exc.problems)}.") from exc
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Upright")
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(page_size),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    mm = writer.resolution() / 25.4
    width, height = float(page.width()), page.height() - FOOTER_MM * mm
    placed = _place(blocks, writer, width, height, GAP_MM * mm)
    pages = max((n for n, *_ in placed), default=0) + 1
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Cannot write the report to {path}")
    try:
        for n in range(pages):
            if n and not writer.newPage():
                raise OSError(f"Cannot write the report to {path}")
            for _page, draw, y, h in (p for p in placed if p[0] == n):
                draw(painter, QRectF(0, y, width, h))
            _footer(
                painter,
                QRectF(0, page.height() - FOOTER_MM * mm * 0.8, width, FOOTER_MM * mm * 0.8),
                footer,
                n,
                pages,
            )
    finally:
        painter.end()
    if not path.is_file() or path.stat().st_size == 0:  # the writer can still fail on flush
        raise OSError(f"Cannot write the report to {path}")
    return pages


Placed = tuple[int, Callable[[QPainter, QRectF], None], float, float]


def _document(html: str, device, width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)  # lay out in the PDF's units, so point sizes come out right
    doc.setDocumentMargin(0)
    # Paper is white whatever the app's theme: text is black unless a block says otherwise
    # (without this, a dark theme's light text colour would be printed on white).
    doc.setDefaultStyleSheet(PAPER_CSS)
    doc.setHtml(f"<body>{html}</body>")
    doc.setTextWidth(width)
    return doc


def _place(blocks: list[Block], device, width: float, height: float, gap: float) -> list[Placed]:
    placed: list[Placed] = []
    page, y = 0, 0.0

    def new_page() -> None:
        nonlocal page, y
        page, y = page + 1, 0.0

    for block in blocks:
        if isinstance(block, Table):
            page, y = _place_table(block, device, width, height, gap, placed, page, y)
            continue
        if isinstance(block, Drawing):
            h = width * block.aspect
            head = _document(block.keep_with.html, device, width) if block.keep_with else None
            tail = _document(block.caption.html, device, width) if block.caption else None
            head_h = head.size().height() if head else 0.0
            tail_h = tail.size().height() if tail else 0.0
            if y and y + head_h + h + tail_h > height:
                new_page()
            if head is not None:
                placed.append((page, _draw_doc(head, 0.0, head_h), y, head_h))
                y += head_h
            placed.append((page, block.paint, y, h))
            y += h
            if tail is not None:
                placed.append((page, _draw_doc(tail, 0.0, tail_h), y, tail_h))
                y += tail_h
            y += gap
            continue
        doc = _document(block.html, device, width)
        total = doc.size().height()
        if y and y + total > height and total <= height:
            new_page()
        top = 0.0
        while top < total:
            room = height - y
            if room < height * 0.15:  # not worth starting a table on a sliver of page
                new_page()
                room = height
            part = min(room, total - top)
            if part < total - top:
                part = _break_at_line(doc, top, part)
            placed.append((page, _draw_doc(doc, top, part), y, part))
            top += part
            y += part + gap
            if top < total:
                new_page()
    return placed


def _place_table(
    table: Table, device, width: float, height: float, gap: float, placed: list[Placed], page: int, y: float
) -> tuple[int, float]:
    """Place ``table`` a page's worth of rows at a time, each part with the header row; the page
    and height reached."""
    first, rows = 0, len(table.rows)
    while first < rows:
        count = _rows_that_fit(table, first, device, width, height - y)
        if y and count < min(MIN_FIRST_ROWS, rows - first):
            page, y = page + 1, 0.0  # too little room left here: start on the next page
            continue
        count = max(count, 1)  # a single row taller than a page still prints, cut at the foot
        doc = _document(table.html(first, count), device, width)
        part = min(doc.size().height(), height - y)
        placed.append((page, _draw_doc(doc, 0.0, part), y, part))
        first += count
        y += part + gap
        if first < rows:
            page, y = page + 1, 0.0
    return page, y


def _rows_that_fit(table: Table, first: int, device, width: float, room: float) -> int:
    """How many rows from ``first`` fit ``room`` with the heading and header row (binary search)."""
    low, high = 0, len(table.rows) - first
    while low < high:
        middle = (low + high + 1) // 2
        if _document(table.html(first, middle), device, width).size().height() <= room:
            low = middle
        else:
            high = middle - 1
    return low


def _break_at_line(doc: QTextDocument, top: float, room: float) -> float:
    """The largest height from ``top`` within ``room`` that ends between lines, not through one."""
    layout = doc.documentLayout()
    best = 0.0
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        lines = block.layout()
        for i in range(lines.lineCount()):
            line = lines.lineAt(i)
            bottom = rect.top() + line.y() + line.height()
            if top < bottom <= top + room:
                best = max(best, bottom - top)
        block = block.next()
    return best if best > 0 else room


def _draw_doc(doc: QTextDocument, top: float, part: float) -> Callable[[QPainter, QRectF], None]:
    def draw(painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.translate(rect.left(), rect.top() - top)
        doc.drawContents(painter, QRectF(0, top, rect.width(), part))
        painter.restore()

    return draw


def _footer(painter: QPainter, rect: QRectF, text: str, n: int, pages: int) -> None:
    painter.save()
    font = QFont("sans-serif")
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    painter.drawLine(rect.topLeft(), rect.topRight())
    inner = rect.adjusted(0, rect.height() * 0.15, 0, 0)
    number = f"Page {n + 1} of {pages}"
    metrics = painter.fontMetrics()
    room = int(inner.width() - metrics.horizontalAdvance(number) - metrics.horizontalAdvance("MM"))
    # A long name (up to 400 characters) is cut short here; the first page prints it whole.
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
    painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)
    painter.restore()
