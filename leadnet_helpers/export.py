"""Writers for everything that leaves the workbook, safe by construction.

Text is stored exactly as the person gave it; it is made safe here, at output
time. A CSV cell that a spreadsheet would run as a formula (it starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
apostrophe, the neutralisation OWASP recommends for CSV injection. Files are
written to a temporary name and renamed, so a crash never leaves half a file.

The action plan (:mod:`leadnet_helpers.plan`) leaves as five files
(:func:`write_plan`): a self-contained HTML page that opens offline and prints
to one to three pages (:func:`plan_html`), the same page as PDF
(:func:`plan_pdf`, WeasyPrint, else Chromium), Markdown (:func:`plan_markdown`),
an iCalendar file with an all-day event per action (:func:`plan_ics`, RFC 5545
via the ``icalendar`` library) and a CSV with a row per action
(:func:`plan_csv`). Each is a pure function returning text or bytes.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from .errors import LeadNetError
from .plan import Action, Plan, who_text

__all__ = [
    "PLAN_CSV_COLUMNS",
    "PLAN_FILES",
    "atomic_write_bytes",
    "atomic_write_text",
    "csv_text",
    "markdown_escape",
    "plan_charts_svg",
    "plan_csv",
    "plan_html",
    "plan_ics",
    "plan_markdown",
    "plan_pdf",
    "plan_rows",
    "safe_cell",
    "write_csv",
    "write_plan",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Return *value* as a CSV cell that no spreadsheet will run as a formula.

    Examples
    --------
    >>> safe_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> safe_cell("Ada Brooks"), safe_cell(None), safe_cell(-3)
    ('Ada Brooks', '', "'-3")
    """
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """Return rows as CSV text with a header, every cell neutralised.

    Examples
    --------
    >>> print(csv_text([{"name": "@Ada", "role": "Nurse"}], ["name", "role"]), end="")
    name,role
    '@Ada,Nurse
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(c, "")) for c in columns])
    return buffer.getvalue()


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write *text* to *path* through a temporary file and an atomic rename."""
    return atomic_write_bytes(path, text.encode(encoding))


def write_csv(
    path: str | Path, rows: Iterable[Mapping[str, object]], columns: Sequence[str]
) -> Path:
    """Write rows to a CSV file (UTF-8 with a BOM, so Excel reads accents), safely.

    Returns
    -------
    Path
        The file written.
    """
    return atomic_write_text(path, "\ufeff" + csv_text(rows, columns))


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write *data* to *path* through a temporary file and an atomic rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# =========================================================================== the action plan
#
# Every export of a plan is a pure function of the plan (and, for HTML, of the
# optional plotly figures); write_plan() writes them all. Text the person typed
# (their name, contacts' names, custom actions) can hold anything, so:
# HTML escapes every piece of text with html.escape and forbids any network
# load with a Content-Security-Policy; the PDF is rendered from that HTML with
# a URL fetcher that refuses everything; Markdown escapes its markup; the
# iCalendar file is written by the icalendar library (which escapes TEXT
# values); CSV cells go through safe_cell().

FigureSet = Mapping[str, Any] | Sequence[Any] | None

#: The files :func:`write_plan` writes, by format.
PLAN_FILES = {"html": "plan.html", "pdf": "plan.pdf", "md": "plan.md", "ics": "plan.ics",
              "csv": "plan.csv"}
#: Columns of the plan's CSV, one row per action (the month's, then the backlog).
PLAN_CSV_COLUMNS = ("section", "number", "id", "status", "title", "due", "cadence", "gap",
                    "who", "first_step", "success_measure", "why", "principle", "source",
                    "custom")
_CADENCE_WORDS = {"": "once", "weekly": "every week", "monthly": "every month",
                  "quarterly": "every three months"}
_CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _cadence_text(cadence: str) -> str:
    return "" if not cadence else f"repeats {_CADENCE_WORDS.get(cadence, cadence)}"


_SHORT_CITE = re.compile(r"^(.{1,120}?\(\d{4}[a-z]?\))")


def _citations(source: str) -> list[str]:
    """Split a source line into its citations (joined with '; ' after a full stop)."""
    text = source.strip()
    if not text:
        return []
    parts = re.split(r";\s+(?=[A-Z][^;]{0,80}\(\d{4}[a-z]?\))", text)
    return [p.strip().rstrip(".") + "." for p in parts if p.strip()]


def _short_cite(citation: str) -> str:
    """``'Ibarra, H. & Hunter, M. (2007)'`` from a full citation (else the text itself)."""
    match = _SHORT_CITE.match(citation)
    return match.group(1) if match else citation


def _long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


# --------------------------------------------------------------------------- static charts


def _svg_bars(title: str, rows: Sequence[tuple[str, float, str, float | None]],
              *, colour: str = "#3b6ea5") -> str:
    """A small horizontal bar chart as inline SVG (no script, prints anywhere).

    Each row is ``(label, share 0-1, value text, target share or None)``.
    """
    width, label_w, bar_w, row_h = 520, 250, 190, 24
    height = 30 + row_h * len(rows)
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
             f'viewBox="0 0 {width} {height}" width="100%" '
             f'aria-label="{_esc(title)}"><title>{_esc(title)}</title>'),
             f'<text x="0" y="16" class="chart-title">{_esc(title)}</text>']
    for i, (label, share, text, target) in enumerate(rows):
        y = 28 + i * row_h
        share = min(1.0, max(0.0, float(share)))
        short = label if len(label) <= 26 else label[:25] + "…"
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">'
                     f'{_esc(short)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="16" '
                     f'fill="#e8edf3"/>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{bar_w * share:.1f}" '
                     f'height="16" fill="{colour}"/>')
        if target is not None:
            tx = label_w + bar_w * min(1.0, max(0.0, float(target)))
            parts.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{y}" y2="{y + 22}" '
                         f'stroke="#c0392b" stroke-width="2"/>')
        parts.append(f'<text x="{label_w + bar_w + 8}" y="{y + 15}">{_esc(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _number_map(value: object) -> dict[str, float] | None:
    if isinstance(value, Mapping) and value and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values()):
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
    >>> p = Plan("Ana", date(2026, 1, 5), [{"key": "x", "title": "Reach", "score": 0.5,
    ...          "severity": "medium", "is_gap": True}])
    >>> svg = plan_charts_svg(p)
    >>> len(svg), svg[0].startswith("<svg")
    (1, True)
    """
    charts = []
    gaps = [f for f in plan.findings if f.get("is_gap")]
    if gaps:
        rows = [(str(f.get("title", "")), float(f.get("score") or 0),
                 str(f.get("severity", "")), None) for f in gaps[:8]]
        charts.append(_svg_bars("Your gaps, most severe first", rows, colour="#b5562f"))
    balance = next((f for f in plan.findings if f.get("key") == "balance"), None)
    shares = _number_map(balance.get("value")) if balance else None
    if shares:
        target = _number_map(balance.get("target")) or {}
        rows = [(name, share, f"{round(100 * share)}%", target.get(name))
                for name, share in shares.items()]
        title = "Your network mix" + (" (red: the target for your stage)" if target else "")
        charts.append(_svg_bars(title, rows))
    return charts


# --------------------------------------------------------------------------- HTML

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


def _csp(scripts: bool) -> str:
    script = "script-src 'unsafe-inline' 'unsafe-eval'; " if scripts else ""
    return ("default-src 'none'; " + script + "style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'")


def _action_html(number: int, action: Action) -> str:
    done = action.status == "done"
    when = f"Due {_long_date(action.due)}"
    if action.cadence:
        when += f", then {_cadence_text(action.cadence)}"
    if done:
        when += " · done"
    rows = [("Why", _esc(action.why))]
    if action.who:
        items = "".join(
            f"<li>{_esc(p.get('name', ''))}"
            + (f" <span class=\"detail\">({_esc(p.get('detail'))})</span>"
               if p.get("detail") else "") + "</li>" for p in action.who)
        rows.append(("Who", f"<ul>{items}</ul>"))
    if action.first_step:
        rows.append(("First step", _esc(action.first_step)))
    if action.success_measure:
        rows.append(("It worked when", _esc(action.success_measure)))
    if action.principle or action.source:
        cite = "; ".join(_short_cite(c) for c in _citations(action.source))
        rows.append(("Principle", (f"{_esc(action.principle)} "
                     f"<span class=\"source\">({_esc(cite)})</span>")))
    body = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows if value)
    status = " done" if done else ""
    label = " (your own)" if action.custom else ""
    return (f'<article class="action{status}" id="action-{number}">'
            f"<h3>{number}. {_esc(action.title)}{label}</h3>"
            f'<p class="when">{_esc(when)}</p><dl>{body}</dl></article>')


def _figures(figures: FigureSet) -> list[tuple[str, Any]]:
    if not figures:
        return []
    if isinstance(figures, Mapping):
        return [(str(k), v) for k, v in figures.items()]
    return [("", f) for f in figures]


def plan_html(plan: Plan, figures: FigureSet = None, *, static_charts: bool = True,
              print_figures: bool = False) -> str:
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
        f'<meta http-equiv="Content-Security-Policy" content="{_csp(bool(figs))}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="author" content="{_esc(plan.person)}">',
        '<meta name="generator" content="LeadNet">',
        f"<title>Action plan for {_esc(person)}, {plan.created.isoformat()}</title>",
        f"<style>{_CSS}</style>",
    ]
    if figs:
        import plotly.offline

        out.append(f'<script type="text/javascript">{plotly.offline.get_plotlyjs()}</script>')
    out += [
        "</head><body>",
        f"<header><h1>Action plan for {_esc(person)}</h1>",
        (f'<p class="meta">Made on {_esc(_long_date(plan.created))} with LeadNet · '
        f"{len(plan.actions)} action{'s' * (len(plan.actions) != 1)} for the month</p>"
        "</header>"),
    ]
    gaps = plan.gaps
    out.append('<section id="gaps"><h2>What your network map shows</h2>')
    if gaps:
        out.append("<table><thead><tr><th>Gap</th><th>Severity</th><th>What it means</th>"
                   "</tr></thead><tbody>")
        for f in gaps:
            sev = str(f.get("severity", ""))
            out.append(f"<tr><td>{_esc(f.get('title', ''))}</td>"
                       f'<td class="sev sev-{_esc(sev)}">{_esc(sev)}</td>'
                       f"<td>{_esc(f.get('reading', ''))}</td></tr>")
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
        out.append(f'<section id="explore" class="interactive{shown}">'
                   "<h2>Explore your charts</h2>")
        config = {"displaylogo": False, "displayModeBar": False, "responsive": True}
        for i, (title, fig) in enumerate(figs, 1):
            if title and not (fig.layout.title and fig.layout.title.text):
                out.append(f"<h3>{_esc(title)}</h3>")
            height = fig.layout.height or 420
            div = fig.to_html(full_html=False, include_plotlyjs=False,
                              div_id=f"leadnet-chart-{i}", config=config,
                              default_height=f"{int(height)}px", default_width="100%")
            out.append(f'<div class="plotly-chart">{div}</div>')
        if not print_figures:
            out.append('<p class="print-only">The interactive charts are in the HTML file; '
                       "open it in a browser to explore them.</p>")
        out.append("</section>")
    if plan.backlog:
        out.append('<section id="backlog" class="backlog"><h2>Backlog: for later</h2><ol>')
        for action in plan.backlog:
            extra = f" — {_cadence_text(action.cadence)}" if action.cadence else ""
            gap = next((f.get("title") for f in plan.findings
                        if f.get("key") == action.gap_key), "")
            out.append(f"<li>{_esc(action.title)}"
                       + (f' <span class="source">({_esc(gap)}{_esc(extra)})</span>'
                          if gap or extra else "") + "</li>")
        out.append("</ol></section>")
    sources = sorted({c for a in plan.actions for c in _citations(a.source)})
    if sources:
        out.append('<section id="sources" class="source"><h2>Sources</h2><ul>')
        out.extend(f"<li>{_esc(s)}</li>" for s in sources)
        out.append("</ul></section>")
    out.append("<footer>Made with LeadNet on your own computer; nothing in this file loads "
               "anything from the internet. The action texts paraphrase the cited "
               "research.</footer></body></html>")
    return "\n".join(out)


# --------------------------------------------------------------------------- PDF


def _weasyprint_pdf(page: str) -> bytes:
    import weasyprint  # imported late: it loads pango and friends

    try:
        from weasyprint.urls import URLFetcher

        fetcher: Any = URLFetcher(allowed_protocols=("data",))
    except (ImportError, TypeError):  # WeasyPrint before 68 takes a function

        def fetcher(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
            raise ValueError(f"LeadNet plans load nothing ({url[:40]})")

    return weasyprint.HTML(string=page, url_fetcher=fetcher).write_pdf()


def _chromium_pdf(page: str, browser: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="leadnet-pdf-") as folder:
        source = Path(folder) / "plan.html"
        target = Path(folder) / "plan.pdf"
        source.write_text(page, encoding="utf-8")
        command = [browser, "--headless", "--disable-gpu", "--no-pdf-header-footer",
                   "--disable-extensions", "--no-first-run",
                   f"--user-data-dir={Path(folder) / 'profile'}",
                   f"--print-to-pdf={target}", source.as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root otherwise
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=120)
        except (OSError, subprocess.SubprocessError) as exc:
            raise LeadNetError(f"Chromium could not print the plan ({exc})",
                               fix="Open plan.html in a browser and print it to PDF.") from exc
        if not target.exists():
            raise LeadNetError("Chromium did not write the PDF",
                               fix="Open plan.html in a browser and print it to PDF.")
        return target.read_bytes()


def plan_pdf(plan: Plan, *, engine: str = "auto") -> bytes:
    """The plan as PDF, rendered from the same HTML (static charts, no script).

    WeasyPrint renders it when it and its system libraries (pango) are
    present; otherwise Chromium prints it (``--headless --print-to-pdf``).
    Nothing is fetched: the page is self-contained and WeasyPrint is given a
    fetcher that refuses every URL but ``data:``.

    Parameters
    ----------
    plan : Plan
        The plan.
    engine : {"auto", "weasyprint", "chromium"}
        Force one renderer (tests do).

    Returns
    -------
    bytes
        The PDF file.

    Raises
    ------
    LeadNetError
        When neither WeasyPrint nor Chromium is available, with how to fix it.

    Examples
    --------
    >>> from datetime import date
    >>> plan_pdf(Plan("Ana", date(2026, 1, 5)))[:5]  # doctest: +SKIP
    b'%PDF-'
    """
    page = plan_html(plan)
    problem = ""
    if engine in ("auto", "weasyprint"):
        try:
            return _weasyprint_pdf(page)
        except (ImportError, OSError) as exc:
            problem = f"WeasyPrint is not usable here ({exc})"
            if engine == "weasyprint":
                raise LeadNetError(problem, fix=_PDF_FIX) from exc
    browser = os.environ.get("LEADNET_CHROMIUM") or next(
        (b for b in _CHROMIUM if Path(b).exists()), None) or shutil.which("chromium")
    if browser:
        return _chromium_pdf(page, browser)
    raise LeadNetError(problem or "no PDF renderer is installed", fix=_PDF_FIX)


_PDF_FIX = ("Install WeasyPrint with its system libraries (conda install -c conda-forge "
            "weasyprint, or pip install weasyprint plus pango from your system's packages), "
            "or install Chromium; meanwhile open plan.html and print it to PDF.")


# --------------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~!])")
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+=>])|(\d+)([.)]))")


def markdown_escape(text: object) -> str:
    """Escape text so Markdown shows it as written: no markup, no HTML, one line.

    Examples
    --------
    >>> markdown_escape("<script>*x*</script> [a](javascript:b) | c")
    '&lt;script&gt;\\\\*x\\\\*&lt;/script&gt; \\\\[a\\\\](javascript:b) \\\\| c'
    >>> markdown_escape("- 1. not a list")
    '\\\\- 1. not a list'
    """
    value = " ".join(("" if text is None else str(text)).split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return _MD_LINE_START.sub(_escape_line_start, value)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"


def plan_markdown(plan: Plan) -> str:
    """The plan as Markdown (everything dynamic escaped).

    Examples
    --------
    >>> from datetime import date
    >>> print(plan_markdown(Plan("Ana_B", date(2026, 1, 5))).splitlines()[0])
    # Action plan for Ana\\_B
    """
    person = markdown_escape(plan.person or "you")
    lines = [f"# Action plan for {person}", "",
             f"Made on {_long_date(plan.created)} with LeadNet.", "",
             "## What your network map shows", ""]
    if plan.gaps:
        lines += ["| Gap | Severity | What it means |", "|---|---|---|"]
        lines += [f"| {markdown_escape(f.get('title'))} | {markdown_escape(f.get('severity'))} "
                  f"| {markdown_escape(f.get('reading'))} |" for f in plan.gaps]
    else:
        lines.append("No gap stands out: keep the habits that got you here.")
    lines += ["", "## Your actions this month", ""]
    if not plan.actions:
        lines.append("No action chosen yet: pick one from the backlog below.")
    for number, action in enumerate(plan.actions, 1):
        done = " (done)" if action.status == "done" else ""
        lines += [f"### {number}. {markdown_escape(action.title)}{done}", ""]
        when = f"{action.due.isoformat()}"
        if action.cadence:
            when += f", then {_cadence_text(action.cadence)}"
        lines.append(f"- **Due:** {when}")
        lines.append(f"- **Why:** {markdown_escape(action.why)}")
        if action.who:
            lines.append("- **Who:** " + "; ".join(
                markdown_escape(p.get("name", "")) + (
                    f" ({markdown_escape(p.get('detail'))})" if p.get("detail") else "")
                for p in action.who))
        if action.first_step:
            lines.append(f"- **First step:** {markdown_escape(action.first_step)}")
        if action.success_measure:
            lines.append(f"- **It worked when:** {markdown_escape(action.success_measure)}")
        if action.principle or action.source:
            lines.append(f"- **Principle:** {markdown_escape(action.principle)} "
                         f"*{markdown_escape(action.source)}*")
        lines.append("")
    if plan.backlog:
        lines += ["## Backlog: for later", ""]
        lines += [f"{i}. {markdown_escape(a.title)}" for i, a in enumerate(plan.backlog, 1)]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- iCalendar


def _uid(plan: Plan, action: Action) -> str:
    digest = hashlib.sha256(f"{plan.person}\x00{action.id}".encode()).hexdigest()[:32]
    return f"{digest}@leadnet.invalid"


def _description(action: Action) -> str:
    parts = [f"Why: {action.why}"] if action.why else []
    if action.who:
        parts.append(f"Who: {who_text(action)}")
    if action.first_step:
        parts.append(f"First step: {action.first_step}")
    if action.success_measure:
        parts.append(f"It worked when: {action.success_measure}")
    if action.source:
        parts.append(f"Source: {action.source}")
    return "\n\n".join(parts)


def plan_ics(plan: Plan, *, include_backlog: bool = False,
             stamp: datetime | None = None) -> bytes:
    """The plan as an iCalendar file (RFC 5545): one all-day event per action.

    Each event sits on the action's due date, repeats by its cadence
    (:data:`~leadnet_helpers.plan.RRULES`), carries the why, who, first step
    and success measure in its description, reminds at 9:00 that day, and
    does not block time (``TRANSP:TRANSPARENT``). Its UID is stable for the
    person and the action, so importing a newer plan updates the same events.

    Parameters
    ----------
    plan : Plan
        The plan.
    include_backlog : bool
        Add the backlog's actions too.
    stamp : datetime, optional
        The ``DTSTAMP`` (UTC); defaults to now.

    Returns
    -------
    bytes
        The calendar, CRLF line ends, folded by the library.

    Examples
    --------
    >>> from datetime import date
    >>> from icalendar import Calendar
    >>> p = Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo", due=date(2026, 1, 9),
    ...          cadence="monthly")])
    >>> event = Calendar.from_ical(plan_ics(p)).walk("VEVENT")[0]
    >>> str(event["SUMMARY"]), event["RRULE"]["FREQ"]
    ('Call Bo', ['MONTHLY'])
    """
    from icalendar import Alarm, Calendar, Event

    moment = (stamp or datetime.now(UTC)).astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", "-//LeadNet//Action plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"LeadNet action plan: {plan.person}".rstrip(": "))
    for action in plan.actions + (plan.backlog if include_backlog else []):
        event = Event()
        event.add("uid", _uid(plan, action))
        event.add("dtstamp", moment)
        event.add("dtstart", action.due)
        event.add("dtend", action.due + timedelta(days=1))
        summary = action.title if action.status != "done" else f"Done: {action.title}"
        event.add("summary", summary)
        description = _description(action)
        if description:
            event.add("description", description)
        event.add("categories", ["LeadNet"])
        event.add("transp", "TRANSPARENT")
        event.add("class", "PRIVATE")
        if action.rrule:
            event.add("rrule", {k.lower(): v for k, v in action.rrule.items()})
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", action.title)
        alarm.add("trigger", timedelta(hours=9))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


# --------------------------------------------------------------------------- CSV


def plan_rows(plan: Plan) -> list[dict[str, object]]:
    """One row per action (the month's, then the backlog), columns :data:`PLAN_CSV_COLUMNS`.

    Examples
    --------
    >>> from datetime import date
    >>> rows = plan_rows(Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo")]))
    >>> rows[0]["section"], rows[0]["title"]
    ('this month', 'Call Bo')
    """
    titles = {f.get("key"): f.get("title", "") for f in plan.findings}
    rows = []
    for section, actions in (("this month", plan.actions), ("backlog", plan.backlog)):
        for number, a in enumerate(actions, 1):
            rows.append({
                "section": section, "number": number, "id": a.id, "status": a.status,
                "title": a.title, "due": a.due.isoformat(), "cadence": a.cadence,
                "gap": titles.get(a.gap_key, a.gap_key), "who": who_text(a),
                "first_step": a.first_step, "success_measure": a.success_measure,
                "why": a.why, "principle": a.principle, "source": a.source,
                "custom": "yes" if a.custom else "no",
            })
    return rows


def plan_csv(plan: Plan) -> str:
    """The plan as CSV text, one row per action, every cell neutralised (:func:`safe_cell`).

    Examples
    --------
    >>> from datetime import date
    >>> text = plan_csv(Plan("Ana", date(2026, 1, 5), [], [Action("a", "=1+1")]))
    >>> text.splitlines()[1].split(",")[4]
    "'=1+1"
    """
    return csv_text(plan_rows(plan), PLAN_CSV_COLUMNS)


# --------------------------------------------------------------------------- all of them


def write_plan(
    plan: Plan,
    out_dir: str | Path,
    figures: FigureSet = None,
    *,
    formats: Iterable[str] = tuple(PLAN_FILES),
    stamp: datetime | None = None,
) -> dict[str, Path]:
    """Write the plan as plan.html, plan.pdf, plan.md, plan.ics and plan.csv.

    Each file is written atomically (a temporary file, then a rename). The PDF
    comes last, so when no PDF renderer is available the other files are
    already written when the :class:`LeadNetError` is raised.

    Parameters
    ----------
    plan : Plan
        The plan.
    out_dir : str or Path
        The folder (created if missing).
    figures : mapping or list of plotly Figures, optional
        Interactive charts for the HTML (the PDF shows the static charts).
    formats : iterable of str
        Which of ``html``, ``pdf``, ``md``, ``ics``, ``csv`` to write.
    stamp : datetime, optional
        The calendar's ``DTSTAMP``.

    Returns
    -------
    dict
        Format to the path written.

    Examples
    --------
    >>> import tempfile
    >>> from datetime import date
    >>> out = write_plan(Plan("Ana", date(2026, 1, 5)), tempfile.mkdtemp(), formats=["md"])
    >>> out["md"].name
    'plan.md'
    """
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in PLAN_FILES]
    if unknown:
        raise LeadNetError(f"unknown export format '{unknown[0]}'",
                           fix=f"Use any of {', '.join(PLAN_FILES)}.")
    folder = Path(out_dir)
    written: dict[str, Path] = {}
    writers: dict[str, Any] = {
        "html": lambda: atomic_write_text(folder / PLAN_FILES["html"], plan_html(plan, figures)),
        "md": lambda: atomic_write_text(folder / PLAN_FILES["md"], plan_markdown(plan)),
        "ics": lambda: atomic_write_bytes(folder / PLAN_FILES["ics"],
                                          plan_ics(plan, stamp=stamp)),
        "csv": lambda: atomic_write_text(folder / PLAN_FILES["csv"], "\ufeff" + plan_csv(plan)),
        "pdf": lambda: atomic_write_bytes(folder / PLAN_FILES["pdf"], plan_pdf(plan)),
    }
    for name in sorted(wanted, key=lambda f: f == "pdf"):
        written[name] = writers[name]()
    return {name: written[name] for name in wanted}
