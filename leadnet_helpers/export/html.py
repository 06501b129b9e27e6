"""The plan as one self-contained HTML page: inline style and charts, a strict CSP, all escaped.

Text the person typed can hold anything, so every piece of it is escaped, and
a Content-Security-Policy forbids loading anything from anywhere: the page
opens offline and prints to one to three pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..plan import Action, Plan
from .charts import plan_charts_svg
from .text import cadence_text, citations, esc, long_date, short_cite

__all__ = ["FigureSet", "content_security_policy", "plan_html"]

#: Interactive plotly figures for the page: by title, as a list, or none.
FigureSet = Mapping[str, Any] | Sequence[Any] | None


_CSS = """
:root { --ink: #1d2733; --muted: #5b6775; --line: #d5dce4; --accent: #3b6ea5; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; font-size: 11pt; }
h1 { font-size: 1.6rem; margin: 0; }
h2 { font-size: 1.15rem; border-bottom: 2px solid var(--accent); padding-bottom: .15rem;
     margin: 1.3rem 0 .5rem; }
h3 { font-size: 1rem; margin: 0 0 .25rem; }
.meta { color: var(--muted); margin: .2rem 0 0; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: left; vertical-align: top; padding: .3rem .4rem;
         border-bottom: 1px solid var(--line); }
.sev { white-space: nowrap; font-weight: bold; }
.sev-high { color: #a4262c; } .sev-medium { color: #b5562f; } .sev-low { color: #7a6a00; }
.action { border: 1px solid var(--line); border-left: 4px solid var(--accent);
          padding: .5rem .75rem; margin: .6rem 0; break-inside: avoid; page-break-inside: avoid; }
.action.done { border-left-color: #2e7d32; opacity: .8; }
.when { color: var(--muted); margin: 0 0 .3rem; font-size: .92em; }
.action dl { display: grid; grid-template-columns: 7.5rem 1fr; gap: .1rem .6rem; margin: 0; }
.action dt { font-weight: bold; color: var(--muted); }
.action dd { margin: 0; }
.action ul { margin: 0; padding-left: 1.1rem; }
.source { font-size: .85em; color: var(--muted); }
.charts svg.chart { display: inline-block; width: 49%; vertical-align: top; margin: .3rem 0;
              font-size: 12px; }
.charts svg.chart text { fill: var(--ink); font-family: inherit; }
.charts svg.chart .chart-title { font-weight: bold; }
.plotly-chart { margin: .5rem 0; break-inside: avoid; page-break-inside: avoid; }
.print-only { display: none; }
.backlog li { margin: .1rem 0; }
footer { margin-top: 1.5rem; color: var(--muted); font-size: .85em;
         border-top: 1px solid var(--line); padding-top: .4rem; }
@page { margin: 14mm 13mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; padding: 0; line-height: 1.3; }
  h1 { font-size: 1.4rem; }
  #sources { font-size: .8em; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: .9rem; }
  .action { padding: .35rem .6rem; margin: .45rem 0; }
  .interactive:not(.print-figures) > :not(.print-only) { display: none; }
  .interactive .print-only { display: block; color: var(--muted); font-size: .85em; }
  .interactive.print-figures { break-before: page; page-break-before: always; }
  .no-print { display: none; }
}
"""


def content_security_policy(scripts: bool) -> str:
    """The page's policy: nothing loaded from anywhere (inline script only when *scripts*)."""
    script = "script-src 'unsafe-inline' 'unsafe-eval'; " if scripts else ""
    return (
        "default-src 'none'; " + script + "style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
    )


def _action_html(number: int, action: Action) -> str:
    done = action.status == "done"
    when = f"Due {long_date(action.due)}"
    if action.cadence:
        when += f", then {cadence_text(action.cadence)}"
    if done:
        when += " · done"
    rows = [("Why", esc(action.why))]
    if action.who:
        items = "".join(
            f"<li>{esc(p.get('name', ''))}"
            + (f' <span class="detail">({esc(p.get("detail"))})</span>' if p.get("detail") else "")
            + "</li>"
            for p in action.who
        )
        rows.append(("Who", f"<ul>{items}</ul>"))
    if action.first_step:
        rows.append(("First step", esc(action.first_step)))
    if action.success_measure:
        rows.append(("It worked when", esc(action.success_measure)))
    if action.principle or action.source:
        cite = "; ".join(short_cite(c) for c in citations(action.source))
        rows.append(
            ("Principle", (f'{esc(action.principle)} <span class="source">({esc(cite)})</span>'))
        )
    body = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows if value)
    status = " done" if done else ""
    label = " (your own)" if action.custom else ""
    return (
        f'<article class="action{status}" id="action-{number}">'
        f"<h3>{number}. {esc(action.title)}{label}</h3>"
        f'<p class="when">{esc(when)}</p><dl>{body}</dl></article>'
    )


def _figures(figures: FigureSet) -> list[tuple[str, Any]]:
    if not figures:
        return []
    if isinstance(figures, Mapping):
        return [(str(k), v) for k, v in figures.items()]
    return [("", f) for f in figures]


def plan_html(
    plan: Plan,
    figures: FigureSet = None,
    *,
    static_charts: bool = True,
    print_figures: bool = False,
) -> str:
    """The plan as one self-contained HTML page that prints to one to three pages.

    Everything is inline: the style, the static SVG charts (the gaps and the
    network mix, which print) and, when *figures* are given, plotly.js (once,
    for all of them) and the interactive charts after the actions. A
    Content-Security-Policy forbids loading anything from anywhere, and no
    ``src`` or ``href`` points outside the page, so it opens offline. Every
    piece of text is escaped.

    Parameters
    ----------
    plan : Plan
        The plan.
    figures : mapping of title to plotly Figure, or a list of Figures, optional
        Interactive charts to embed (each under a fixed id ``leadnet-chart-N``).
    static_charts : bool
        Include the inline SVG charts (:func:`plan_charts_svg`); they print.
    print_figures : bool
        Print the interactive charts too, on pages of their own (the printout
        may then pass three pages). By default they show on screen only, and
        the printout keeps the static charts.

    Returns
    -------
    str

    Examples
    --------
    >>> from datetime import date
    >>> page = plan_html(Plan("<b>Ana</b>", date(2026, 1, 5)))
    >>> "&lt;b&gt;Ana&lt;/b&gt;" in page and "<b>Ana" not in page
    True
    """
    figs = _figures(figures)
    person = plan.person or "you"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        (
            '<meta http-equiv="Content-Security-Policy" '
            f'content="{content_security_policy(bool(figs))}">'
        ),
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="author" content="{esc(plan.person)}">',
        '<meta name="generator" content="LeadNet">',
        f"<title>Action plan for {esc(person)}, {plan.created.isoformat()}</title>",
        f"<style>{_CSS}</style>",
    ]
    if figs:
        import plotly.offline

        out.append(f'<script type="text/javascript">{plotly.offline.get_plotlyjs()}</script>')
    out += [
        "</head><body>",
        f"<header><h1>Action plan for {esc(person)}</h1>",
        (
            f'<p class="meta">Made on {esc(long_date(plan.created))} with LeadNet · '
            f"{len(plan.actions)} action{'s' * (len(plan.actions) != 1)} for the month</p>"
            "</header>"
        ),
    ]
    gaps = plan.gaps
    out.append('<section id="gaps"><h2>What your network map shows</h2>')
    if plan.basis:
        out.append(f'<p class="basis"><strong>{esc(plan.basis)}</strong></p>')
    if gaps:
        out.append(
            "<table><thead><tr><th>Gap</th><th>Severity</th><th>What it means</th>"
            "</tr></thead><tbody>"
        )
        for f in gaps:
            sev = str(f.get("severity", ""))
            out.append(
                f"<tr><td>{esc(f.get('title', ''))}</td>"
                f'<td class="sev sev-{esc(sev)}">{esc(sev)}</td>'
                f"<td>{esc(f.get('reading', ''))}</td></tr>"
            )
        out.append("</tbody></table>")
    else:
        out.append("<p>No gap stands out: keep the habits that got you here.</p>")
    out.append("</section>")
    svgs = plan_charts_svg(plan) if static_charts else []
    if svgs:
        out.append('<section id="charts" class="charts">')
        out.extend(svgs)
        out.append("</section>")
    out.append('<section id="actions"><h2>Your actions this month</h2>')
    if plan.actions:
        out.extend(_action_html(i, a) for i, a in enumerate(plan.actions, 1))
    else:
        out.append("<p>No action chosen yet: pick one from the backlog below.</p>")
    out.append("</section>")
    if figs:
        shown = " print-figures" if print_figures else ""
        out.append(f'<section id="explore" class="interactive{shown}"><h2>Explore your charts</h2>')
        config = {"displaylogo": False, "displayModeBar": False, "responsive": True}
        for i, (title, fig) in enumerate(figs, 1):
            if title and not (fig.layout.title and fig.layout.title.text):
                out.append(f"<h3>{esc(title)}</h3>")
            height = fig.layout.height or 420
            div = fig.to_html(
                full_html=False,
                include_plotlyjs=False,
                div_id=f"leadnet-chart-{i}",
                config=config,
                default_height=f"{int(height)}px",
                default_width="100%",
            )
            out.append(f'<div class="plotly-chart">{div}</div>')
        if not print_figures:
            out.append(
                '<p class="print-only">The interactive charts are in the HTML file; '
                "open it in a browser to explore them.</p>"
            )
        out.append("</section>")
    if plan.backlog:
        out.append('<section id="backlog" class="backlog"><h2>Backlog: for later</h2><ol>')
        for action in plan.backlog:
            extra = f" — {cadence_text(action.cadence)}" if action.cadence else ""
            gap = next(
                (f.get("title") for f in plan.findings if f.get("key") == action.gap_key), ""
            )
            out.append(
                f"<li>{esc(action.title)}"
                + (f' <span class="source">({esc(gap)}{esc(extra)})</span>' if gap or extra else "")
                + "</li>"
            )
        out.append("</ol></section>")
    sources = sorted({c for a in plan.actions for c in citations(a.source)})
    if sources:
        out.append('<section id="sources" class="source"><h2>Sources</h2><ul>')
        out.extend(f"<li>{esc(s)}</li>" for s in sources)
        out.append("</ul></section>")
    out.append(
        "<footer>Made with LeadNet on your own computer; nothing in this file loads "
        "anything from the internet. The action texts paraphrase the cited "
        "research.</footer></body></html>"
    )
    return "\n".join(out)
