"""HTML tables built from rows of text, with every cell escaped.

Contact names and notes come from files people did not write themselves, so
nothing from a row is ever put into HTML without :func:`html.escape`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

__all__ = ["html_table"]


def html_table(
    columns: Sequence[tuple[str, str]],
    rows: Sequence[Mapping[str, object]],
    *,
    caption: str = "",
    css_class: str = "leadnet-table",
    empty: str = "Nothing to show.",
) -> str:
    """Build an accessible HTML table (caption, header cells with scope).

    Parameters
    ----------
    columns : sequence of (key, heading)
        Which row keys to show, with their column headings.
    rows : sequence of mappings
        The rows; missing keys show as empty cells.
    caption : str
        Read out by screen readers before the table.
    css_class : str
        The table's class (used by tests and styling).
    empty : str
        Shown instead of a table when there are no rows.

    Examples
    --------
    >>> html_table([("name", "Name")], [{"name": "<script>alert(1)</script>"}])
    '<table class="leadnet-table" style="border-collapse:collapse"><thead><tr><th scope="col" style="text-align:left;padding:2px 8px;line-height:1.35">Name</th></tr></thead><tbody><tr><td style="padding:2px 8px;line-height:1.35;vertical-align:top">&lt;script&gt;alert(1)&lt;/script&gt;</td></tr></tbody></table>'
    """
    if not rows:
        return f'<p class="{html.escape(css_class)}-empty">{html.escape(empty)}</p>'
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    head = "".join(
        f'<th scope="col" style="text-align:left;padding:2px 8px;line-height:1.35">'
        f"{html.escape(title)}</th>"
        for _, title in columns
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td style="padding:2px 8px;line-height:1.35;vertical-align:top">{html.escape(_text(row.get(key)))}</td>'
            for key, _ in columns
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table class="{html.escape(css_class)}" style="border-collapse:collapse">'
        f"{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list):
        return "; ".join(map(str, value))
    return str(value)
