"""A chart with its legend beneath, or in its place a sentence saying what will be there.

Qt's own chart legend cuts long routine names short ("Mobilit..."), so the
legend is a label under the chart that wraps between entries, never inside
a name. An empty chart is replaced by a sentence, so a new person reads
what will appear rather than an empty grid.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from desktop.ui.plain import PlainLabel, plain_tooltip, rich_label
from desktop.ui.theme import Palette

LEGEND_NAME_PX = 280  # the longest a name in a legend is drawn


class ChartPanel(QWidget):
    """A chart view with a wrapping legend beneath, or in its place a sentence when empty."""

    def __init__(self, title: str, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.setObjectName("Panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(4, 4, 28, 4))  # room for the last date label at the right edge
        chart.setBackgroundRoundness(0)
        chart.legend().hide()  # the legend below wraps; Qt's own cuts long names short
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.view = QChartView(chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(title)
        self.view.setMinimumHeight(240)
        self.legend = rich_label("", wordWrap=True)
        self.legend.setAccessibleName(f"{title}: legend")
        self.empty_title = PlainLabel(title, objectName="SectionTitle")
        self.empty = PlainLabel(objectName="Muted", wordWrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.empty_title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.empty, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._palette = palette
        self._legend: list[tuple[str, str]] = []
        self.view.setBackgroundBrush(QColor(palette.surface))
        self.show_empty("")

    def chart(self) -> QChart:
        return self.view.chart()

    @property
    def has_chart(self) -> bool:
        return not self.view.isHidden()

    def show_empty(self, text: str, title: str | None = None) -> None:
        """``text`` says what will appear here; ``title`` names the chart for this period
        ("Minutes per month"), as the chart itself would be titled."""
        self.view.hide()
        self.legend.hide()
        self.empty_title.setText(title or self.title)
        self.empty_title.show()
        self.empty.setText(text)
        self.empty.show()

    def show_chart(self, legend: list[tuple[str, str]]) -> None:
        """``legend`` is (colour, name) pairs, drawn as swatches that wrap between entries only."""
        self.empty.hide()
        self.empty_title.hide()
        self.view.show()
        self._legend = legend
        self._draw_legend()
        self.legend.setVisible(bool(legend))

    def _draw_legend(self) -> None:
        """Colours named ``accent`` or ``muted`` follow the theme; others are fixed."""
        themed = {"accent": self._palette.accent, "muted": self._palette.muted}
        metrics = self.legend.fontMetrics()
        # A name never breaks inside; one longer than LEGEND_NAME_PX (a routine may be called by
        # 400 characters) gives way at its end, whole in the tooltip, instead of widening the page.
        shown = [
            (c, metrics.elidedText(name, Qt.TextElideMode.ElideRight, LEGEND_NAME_PX))
            for c, name in self._legend
        ]
        entries = [
            f"<span style='color:{themed.get(c, c)}'>\u25a0</span>&nbsp;"
            + escape(name).replace(" ", "&nbsp;").replace("-", "\u2011")
            for c, name in shown
        ]
        cut = [name for (_c, name), (_s, seen) in zip(self._legend, shown, strict=True) if seen != name]
        self.legend.setToolTip(plain_tooltip("\n".join(cut)))
        self.legend.setText(
            f"<div style='color:{self._palette.muted}'>" + " &nbsp;&nbsp; ".join(entries) + "</div>"
        )

    def restyle(self, palette: Palette) -> None:
        self._palette = palette
        recolour(self.chart(), palette)
        self.view.setBackgroundBrush(QColor(palette.surface))
        self._draw_legend()


def recolour(chart: QChart, palette: Palette) -> None:
    """Apply a theme to a chart and its axes, also after a live theme switch."""
    chart.setBackgroundBrush(QColor(palette.surface))
    chart.setTitleBrush(QColor(palette.text))
    for axis in chart.axes():
        axis.setLabelsColor(QColor(palette.muted))
        axis.setTitleBrush(QColor(palette.muted))
        axis.setGridLineColor(QColor(palette.border))
        if isinstance(axis, QValueAxis):
            axis.setMinorGridLineColor(QColor(palette.surface_alt))
        axis.setLinePenColor(QColor(palette.border))
    for series in chart.series():
        if isinstance(series, QLineSeries) and series.name() == "after":
            series.setColor(QColor(palette.accent))
