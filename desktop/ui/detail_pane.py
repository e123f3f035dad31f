"""The detail pane: everything the catalog knows about one exercise, readable.

Rendered as rich text in a read-only browser so it scrolls, selects and is
read by screen readers as a document.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser

from desktop.core import dosage_text
from desktop.core.catalog import Exercise, SafetyFlag
from desktop.core.cues import sentence
from desktop.ui.exercise_model import label
from desktop.ui.theme import TYPE, Palette


def _list(items, ordered=False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in items) + f"</{tag}>"


def exercise_html(
    e: Exercise, flags: tuple[SafetyFlag, ...], p: Palette, step: int | None = None, sources: str = ""
) -> str:
    """``sources`` names the articles by title; the file names stand in where none is given."""
    d = e.dosage
    dose_rows = [("Dose", dosage_text.summary(d))]
    if dosage_text.frequency(d):
        dose_rows.append(("How often", dosage_text.frequency(d)))
    if d.rest_s is not None:
        dose_rows.append(("Rest between sets", dosage_text.time_span(d.rest_s)))
    if d.tempo:
        dose_rows.append(("Tempo", dosage_text.tempo_text(d)))
    if e.load:
        dose_rows.append(
            ("Load", f"start at {e.load.start:g} {e.load.unit}, never above {e.load.max:g} {e.load.unit}")
        )
    table = "".join(
        f"<tr><td style='color:{p.muted}; padding-right:12px'>{escape(k)}</td>"
        f"<td><b>{escape(v)}</b></td></tr>"
        for k, v in dose_rows
    )
    equipment = e.equipment_at(step)  # what the person's step uses: no backpack on step 1
    parts = [
        f"<h1 style='font-size:{TYPE['heading']}px; margin:0'>{escape(e.name)}</h1>",
        f"<p style='color:{p.muted}'>{escape(label(e.position))}"
        + (" &middot; " + escape(", ".join(label(x) for x in equipment)) if equipment else "")
        + "</p>",
    ]
    if flags or e.cautions:
        red = "".join(f"<p><b>&#9888; {escape(f.title)}</b><br>{escape(f.advice)}</p>" for f in flags)
        care = f"<b>Take care</b>{_list(e.cautions)}" if e.cautions else ""
        parts.append(
            f"<table width='100%' cellpadding='8' style='background:{p.caution_bg}; color:{p.caution}'>"
            f"<tr><td>{red}{care}</td></tr></table><p></p>"
        )
    parts += [
        f"<table cellpadding='2'>{table}</table>",
        "<h3>Why</h3>" + _list(e.why),
        "<h3>How</h3>" + _list([sentence(c) for c in e.cues_at(step)], ordered=True),  # at your step
    ]
    if e.progressions:
        here = e.progressions.index(e.rung(step or 0))
        steps = [
            f"<b>{escape(s.name)}</b> &mdash; {escape(dosage_text.summary(s.dosage))}"
            + (f" <span style='color:{p.accent}'><b>&#9664; your step</b></span>" if n == here else "")
            + (f"<br><span style='color:{p.muted}'>{escape(s.notes)}</span>" if s.notes else "")
            for n, s in enumerate(e.progressions)
        ]
        parts.append("<h3>Progressions</h3><ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>")
    parts.append(
        f"<p style='color:{p.muted}; font-size:{TYPE['caption']}px'>Sources: "
        + escape(sources or ", ".join(e.sources))
        + "</p>"
    )
    return "".join(parts)


class DetailPane(QTextBrowser):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("DetailPane")
        self.setAccessibleName("Exercise details")
        self.setOpenLinks(False)
        self._exercise: Exercise | None = None
        self._flags: tuple[SafetyFlag, ...] = ()
        self._step: int | None = None
        self._sources = ""

    def show_exercise(
        self,
        exercise: Exercise | None,
        flags: tuple[SafetyFlag, ...],
        palette: Palette,
        step: int | None = None,
        sources: str = "",
    ) -> None:
        self._exercise, self._flags, self._step, self._sources = exercise, flags, step, sources
        if exercise is None:
            self.setHtml(f"<p style='color:{palette.muted}'>Pick an exercise to see how to do it.</p>")
        else:
            self.setHtml(exercise_html(exercise, flags, palette, step, sources))

    def restyle(self, palette: Palette) -> None:
        self.show_exercise(self._exercise, self._flags, palette, self._step, self._sources)
