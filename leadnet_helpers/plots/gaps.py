"""The gap list: every finding that is a gap, the most severe first, as an HTML table.

A table of text, not a chart: an HTML table wraps its text to the page's width, can be
read aloud by a screen reader (row by row, each cell with its column's name), selected
and copied, and costs the page almost nothing to show or to replace at a filter change.
(It was a plotly table: drawn into an SVG picture, a screen reader heard nothing of it.)
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..diagnostics import gap_list
from ..findings import Finding

__all__ = ["SEVERITY_FILL", "TITLE", "gap_list_html", "gap_list_reading", "rank_gaps"]

#: Cell colour per severity label (light, so the black text stays readable).
SEVERITY_FILL = {"high": "#F6C6A8", "medium": "#FBE3B4", "low": "#E3F1FA", "none": "#FFFFFF"}
TITLE = "Your gaps, the most severe first"
_COLUMNS = ("Gap", "What it means for you", "Why it matters")
_WIDTHS = ("26%", "40%", "34%")
_CELL = "padding:4px 8px;border:1px solid #D9D9D9;vertical-align:top;text-align:left"


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


def gap_list_reading(findings: Iterable[Finding]) -> str:
    """The one-line reading beneath the gap list: how many gaps, and the most severe.

    Examples
    --------
    >>> gap = Finding("balance", "Thin strategic network", 0.1, "r", True, 0.7, "p", "s")
    >>> gap_list_reading([gap])
    '1 gap to work on; the most severe is “Thin strategic network” (high).'
    >>> gap_list_reading([])
    'No gaps found in the contacts shown.'
    """
    gaps = rank_gaps(findings)
    if not gaps:
        return "No gaps found in the contacts shown."
    top = gaps[0]
    return (
        f"{len(gaps)} gap{'s' if len(gaps) != 1 else ''} to work on; the most "
        f"severe is \u201c{top.title}\u201d ({top.severity_label})."
    )


def gap_list_html(findings: Iterable[Finding]) -> str:
    """The gaps ranked by severity, with what each means, its principle and its source,
    as an HTML table (a caption, column headers, one row per gap headed by its rank and
    title, every text escaped). Three columns, so that it stays readable in a narrow
    notebook.

    Each row is coloured by severity (:data:`SEVERITY_FILL`) and says it in words too.

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
    >>> table = gap_list_html([gap])
    >>> 'data-severity="high"' in table, "&lt;b&gt;strategic" in table, "Hunter" in table
    (True, True, True)
    >>> "No gaps found" in gap_list_html([])
    True
    """
    gaps = rank_gaps(findings)
    esc = html.escape
    head = "".join(
        f'<th scope="col" style="{_CELL};width:{width};background:#EDEDED">{esc(name)}</th>'
        for name, width in zip(_COLUMNS, _WIDTHS, strict=True)
    )
    rows = []
    for i, f in enumerate(gaps, 1):
        severity = f.severity_label
        fill = SEVERITY_FILL.get(severity, "#FFFFFF")
        rows.append(
            f'<tr class="leadnet-gap" data-severity="{esc(severity)}"'
            f' style="background:{fill}">'
            f'<th scope="row" style="{_CELL}">{i}. {esc(f.title)}<br>'
            f'<span style="font-weight:normal">Severity: {esc(severity)}</span></th>'
            f'<td style="{_CELL}">{esc(f.reading)}</td>'
            f'<td style="{_CELL}">{esc(f.principle)}<br>'
            f'<span style="font-size:12px">Source: {esc(f.source)}</span></td></tr>'
        )
    if not rows:
        rows.append(
            '<tr class="leadnet-gap" data-severity="none">'
            f'<th scope="row" style="{_CELL}">No gaps found</th>'
            f'<td style="{_CELL}" colspan="2">'
            "Nothing stands out as a gap in the contacts shown.</td></tr>"
        )
    return (
        '<table class="leadnet-gap-list" data-figure="gaps" style="border-collapse:collapse;'
        'width:100%;table-layout:fixed;font-size:13px;line-height:1.4;color:#000">'
        '<caption style="text-align:left;font-size:17px;font-weight:bold;padding:4px 0 8px">'
        f"{esc(TITLE)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
