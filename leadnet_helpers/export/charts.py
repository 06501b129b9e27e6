"""The plan's key charts as small inline SVG bar charts: no script, so they print anywhere."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..plan import Plan
from .text import esc

__all__ = ["plan_charts_svg", "svg_bars"]


def svg_bars(
    title: str,
    rows: Sequence[tuple[str, float, str, float | None]],
    *,
    colour: str = "#3b6ea5",
    label_chars: int = 26,
) -> str:
    """A small horizontal bar chart as inline SVG (no script, prints anywhere).

    Each row is ``(label, share 0-1, value text, target share or None)``;
    labels longer than *label_chars* are cut (the chart widens for longer ones).

    Examples
    --------
    >>> svg_bars("Mix", [("strategic", 0.1, "10%", 0.2)]).count("<rect")
    2
    """
    extra = max(0, label_chars - 26) * 7
    width, label_w, bar_w, row_h = 520 + extra, 250 + extra, 190, 24
    height = 30 + row_h * len(rows)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'viewBox="0 0 {width} {height}" width="100%" '
            f'aria-label="{esc(title)}"><title>{esc(title)}</title>'
        ),
        f'<text x="0" y="16" class="chart-title">{esc(title)}</text>',
    ]
    for i, (label, share, text, target) in enumerate(rows):
        y = 28 + i * row_h
        share = min(1.0, max(0.0, float(share)))
        short = label if len(label) <= label_chars else label[: label_chars - 1] + "…"
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{esc(short)}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="16" fill="#e8edf3"/>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w * share:.1f}" '
            f'height="16" fill="{colour}"/>'
        )
        if target is not None:
            tx = label_w + bar_w * min(1.0, max(0.0, float(target)))
            parts.append(
                f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{y}" y2="{y + 22}" '
                f'stroke="#c0392b" stroke-width="2"/>'
            )
        parts.append(f'<text x="{label_w + bar_w + 8}" y="{y + 15}">{esc(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _number_map(value: object) -> dict[str, float] | None:
    if (
        isinstance(value, Mapping)
        and value
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values())
    ):
        return {str(k): float(v) for k, v in value.items()}
    return None


def plan_charts_svg(plan: Plan) -> list[str]:
    """The plan's key charts as inline SVG: the gaps by severity, and the network mix.

    These need no script and no network, so they print in the HTML and the PDF
    alike. The mix chart appears when the plan's ``balance`` finding holds the
    shares of the three networks (with the target mix as red marks when known).

    Examples
    --------
    >>> from datetime import date
    >>> p = Plan(
    ...     "Ana",
    ...     date(2026, 1, 5),
    ...     [{"key": "x", "title": "Reach", "score": 0.5, "severity": "medium", "is_gap": True}],
    ... )
    >>> svg = plan_charts_svg(p)
    >>> len(svg), svg[0].startswith("<svg")
    (1, True)
    """
    charts = []
    gaps = [f for f in plan.findings if f.get("is_gap")]
    if gaps:
        rows: list[tuple[str, float, str, float | None]] = [
            (str(f.get("title", "")), float(f.get("score") or 0), str(f.get("severity", "")), None)
            for f in gaps[:8]
        ]
        charts.append(svg_bars("Your gaps, most severe first", rows, colour="#b5562f"))
    balance = next((f for f in plan.findings if f.get("key") == "balance"), None)
    shares = _number_map(balance.get("value")) if balance else None
    if balance and shares:
        target = _number_map(balance.get("target")) or {}
        rows = [
            (name, share, f"{round(100 * share)}%", target.get(name))
            for name, share in shares.items()
        ]
        title = "Your network mix" + (" (red: the target for your stage)" if target else "")
        charts.append(svg_bars(title, rows))
    return charts
