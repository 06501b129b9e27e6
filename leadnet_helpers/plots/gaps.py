"""The gap list: every finding that is a gap, the most severe first, as a table."""

from __future__ import annotations

from collections.abc import Iterable

import plotly.graph_objects as go

from ..diagnostics import gap_list
from ..findings import Finding
from .style import escape, layout_for, make_figure

__all__ = ["SEVERITY_FILL", "gap_list_figure", "rank_gaps"]

#: Cell colour per severity label (light, so the black text stays readable).
SEVERITY_FILL = {"high": "#F6C6A8", "medium": "#FBE3B4", "low": "#E3F1FA", "none": "#FFFFFF"}
TITLE = "Your gaps, the most severe first"
_COLUMNS = ("#", "Gap", "Severity", "What it means for you", "Principle", "Source")
_WIDTHS = (0.3, 1.3, 0.8, 2.6, 2.2, 1.8)


def rank_gaps(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that are gaps, in the order of ``diagnostics.gap_list``.

    Most severe first, except that strategic under-use always leads (see
    :func:`~leadnet_helpers.diagnostics.gap_list`).

    Examples
    --------
    >>> a = Finding("a", "A", 1, "r", True, 0.2, "p", "s")
    >>> b = Finding("b", "B", 1, "r", True, 0.9, "p", "s")
    >>> c = Finding("c", "C", 1, "r", False, 0.0, "p", "s")
    >>> [f.key for f in rank_gaps([a, b, c])]
    ['b', 'a']
    """
    return gap_list(findings)


def _wrap(text: str, width: int) -> str:
    # plotly tables do not wrap long text: break it at spaces with <br>
    words, lines, line = escape(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "<br>".join(lines)


def gap_list_figure(findings: Iterable[Finding]) -> go.Figure:
    """A table of the gaps ranked by severity, with reading, principle and source.

    Every piece of text is escaped (plotly renders some HTML in table cells).

    Examples
    --------
    >>> gap = Finding(
    ...     "balance",
    ...     "Thin strategic network",
    ...     0.1,
    ...     "Only 8% <b>strategic</b>.",
    ...     True,
    ...     0.7,
    ...     "Leaders look ahead.",
    ...     "Ibarra & Hunter (2007)",
    ... )
    >>> fig = gap_list_figure([gap])
    >>> fig.data[0].cells.values[2][0], "&lt;b&gt;" in fig.data[0].cells.values[3][0]
    ('high', True)
    """
    gaps = rank_gaps(findings)
    if gaps:
        rows = [
            (
                str(i),
                _wrap(f.title, 20),
                f.severity_label,
                _wrap(f.reading, 42),
                _wrap(f.principle, 36),
                _wrap(f.source, 28),
            )
            for i, f in enumerate(gaps, 1)
        ]
        fills = [SEVERITY_FILL.get(f.severity_label, "#FFFFFF") for f in gaps]
        lines = [max(cell.count("<br>") + 1 for cell in row) for row in rows]
        top = gaps[0]
        reading = (
            f"{len(gaps)} gap{'s' if len(gaps) != 1 else ''} to work on; the most "
            f"severe is \u201c{top.title}\u201d ({top.severity_label})."
        )
    else:
        rows = [
            (
                "",
                "No gaps found",
                "none",
                "Nothing stands out as a gap in the contacts shown.",
                "",
                "",
            )
        ]
        fills, lines = ["#FFFFFF"], [1]
        reading = "No gaps found in the contacts shown."
    columns = [list(col) for col in zip(*rows, strict=True)]
    data: list[dict[str, object]] = [
        {
            "type": "table",
            "columnwidth": list(_WIDTHS),
            "header": {
                "values": [f"<b>{c}</b>" for c in _COLUMNS],
                "align": "left",
                "fill": {"color": "#EDEDED"},
                "font": {"size": 13},
                "line": {"color": "#BFBFBF"},
            },
            "cells": {
                "values": columns,
                "align": "left",
                "height": 22,
                "fill": {"color": [fills] * len(_COLUMNS)},
                "font": {"size": 12},
                "line": {"color": "#D9D9D9"},
            },
        }
    ]
    height = min(1400, 110 + sum(20 * n + 12 for n in lines))
    layout = layout_for(
        TITLE, height=height, legend=False, margin={"l": 10, "r": 10, "t": 60, "b": 10}
    )
    return make_figure(data, layout, reading=reading, key="gaps")
