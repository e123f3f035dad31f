"""Type that shrinks before it is cut: the largest size at which wrapped text fits its box.

A session is read from across a room, so its words start large; on a small
window or a long cue they give up size, never letters.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy

from desktop.ui.plain import PlainLabel, plain_tooltip


def wrapped_height(font: QFont, text: str, width: int) -> int:
    flags = int(Qt.TextFlag.TextWordWrap)
    return QFontMetrics(font).boundingRect(QRect(0, 0, max(1, width), 100_000), flags, text).height()


def fitting_px(label: QLabel, text: str, largest: int, smallest: int, width: int, height: int) -> int:
    """The largest pixel size in ``[smallest, largest]`` at which ``text`` wraps into
    ``width`` x ``height``; ``smallest`` if none does."""
    font = QFont(label.font())
    lo, hi, best = smallest, largest, smallest
    while lo <= hi:
        mid = (lo + hi) // 2
        font.setPixelSize(mid)
        fits = wrapped_height(font, text, width) <= height
        widest = max((QFontMetrics(font).horizontalAdvance(w) for w in text.split()), default=0)
        if fits and widest <= width:
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    return best


class ElidedLabel(PlainLabel):
    """One line that gives way at its end (with the whole text as its tooltip) instead of
    widening its window or being cut mid-letter: for the least important lines."""

    def __init__(self, object_name: str) -> None:
        super().__init__(objectName=object_name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(plain_tooltip(text))
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(room, 1)))


def _first_line(metrics: QFontMetrics, text: str, width: int) -> tuple[str, str]:
    """The words of ``text`` that fit on a line of ``width`` px (at least one character), and the rest."""
    words = text.split(" ")
    line = words[0]
    taken = 1
    for word in words[1:]:
        if metrics.horizontalAdvance(f"{line} {word}") > width:
            break
        line, taken = f"{line} {word}", taken + 1
    if metrics.horizontalAdvance(line) <= width:
        return line, " ".join(words[taken:])
    # One word wider than the line: as many of its characters as fit.
    fits, wider = 1, len(line)  # line[:fits] fits (or is one character), line[:wider] does not
    while wider - fits > 1:
        mid = (fits + wider) // 2
        fits, wider = (mid, wider) if metrics.horizontalAdvance(line[:mid]) <= width else (fits, mid)
    return line[:fits], line[fits:] + "".join(" " + w for w in words[taken:])


class ClampedLabel(PlainLabel):
    """Text that wraps onto at most ``lines`` lines, breaking inside a word only when the word
    is wider than a line, the last line elided; the whole text is the tooltip.

    For text a person wrote (a routine's name may be 400 characters with no space in it):
    it can never widen its card and push the card's buttons out of sight.
    """

    def __init__(self, text: str = "", lines: int = 2, **properties: object) -> None:
        super().__init__(**properties)  # type: ignore[arg-type]
        self._full, self._lines, self._width = "", lines, -1
        self._wrapped: dict[
            int, list[str]
        ] = {}  # width -> lines: layouts ask the same widths again and again
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = " ".join(text.split())  # one paragraph: line breaks are this label's to make
        self.setToolTip(plain_tooltip(text))
        self._width = -1
        self._wrapped.clear()
        self._relayout()

    def lines_for(self, width: int) -> list[str]:
        """The lines shown at ``width`` px of text room: whole words while they fit, a word
        wider than a line cut where the line ends, the last line allowed ending in "…"."""
        if not self._full:
            return []
        width = max(width, 1)
        if width not in self._wrapped:
            self._wrapped[width] = self._wrap(width)
        return self._wrapped[width]

    def _wrap(self, width: int) -> list[str]:
        metrics = self.fontMetrics()
        lines: list[str] = []
        rest = self._full
        while rest and len(lines) < self._lines - 1:
            line, rest = _first_line(metrics, rest, width)
            lines.append(line)
        if rest:
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        return lines

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        room = width - margins.left() - margins.right() - 2 * self.margin()
        lines, metrics = max(1, len(self.lines_for(room))), self.fontMetrics()
        text = (lines - 1) * metrics.lineSpacing() + metrics.height() + 2  # the last line's descenders too
        return text + margins.top() + margins.bottom() + 2 * self.margin()

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._full[:40]), self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("M" * 4), self.heightForWidth(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._width = -1
            self._wrapped.clear()  # another font wraps at other words
            self._relayout()

    def _relayout(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        if room == self._width:
            return
        self._width = room
        text = "\n".join(self.lines_for(room))
        if text != self.text():
            self.setText(text)
            self.updateGeometry()
