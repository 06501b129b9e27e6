"""Printable worksheets: the workbook's steps on paper, for a participant without a laptop.

Three sheets, each starting on a new page, made from the workbook's own data so paper
and screen ask the same questions:

1. **Who comes to mind**: the name-generator prompts of notebook 01
   (``data/prompts.json``), grouped by the network each explores, with lines to
   write names on.
2. **Sort your contacts**: the classification grid. A key to the three networks
   (Ibarra & Hunter's comparison, in our words), the questions the classifier asks
   when it is unsure (``data/classifier_rules.json``), and a grid to fill in.
3. **My action plan**: count the mix against the target for a career stage
   (``data/target_mixes.json``), ideas from the action templates
   (``data/action_templates.json``) each with its source, and three actions to write.

The page is self-contained (no URL, a Content-Security-Policy that forbids loading
anything) and goes to PDF through :func:`.pdf.html_pdf`, the plan's own path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..classify import load_rules
from ..diagnostics import load_target_mixes
from ..errors import LeadNetError
from ..plan.templates import fill, load_templates
from ..prompts import Prompt, load_prompts
from ..rules import NETWORK_STYLES, NETWORK_TYPES
from .files import atomic_write_bytes, atomic_write_text
from .pdf import html_pdf
from .text import citations, esc, short_cite

__all__ = ["SHEETS", "worksheets_html", "worksheets_pdf", "write_worksheets"]

#: The sheets, in order: their titles (each starts a page).
SHEETS = ("Who comes to mind", "Sort your contacts", "My action plan")

#: What each network does for a leader (Ibarra & Hunter, 2007, paraphrased): the key of
#: the grid. Purpose, where and when, who is in it, and the quality that matters.
_NETWORK_KEY = {
    "operational": (
        "gets today's work done",
        "mostly inside; current demands",
        "set by your role and the task: it is clear who matters",
        "depth: strong working relationships",
    ),
    "personal": (
        "helps you grow; refers you on",
        "mostly outside; now and later",
        "chosen by you: people you would keep without the job",
        "breadth: people who can connect you further",
    ),
    "strategic": (
        "helps you see and shape what comes next",
        "inside and outside; the future",
        "follows from where you are heading, chosen by you",
        "leverage: links between inside and outside",
    ),
}
_KEY_ROWS = ("What it does for you", "Where and when", "Who is in it", "What matters most")
_KEY_SOURCE = "Ibarra, H. & Hunter, M. (2007). How leaders create and use networks. HBR 85(1)."
_GRID_COLUMNS = (
    ("Name", "name"),
    ("Inside / outside", "in / out"),
    ("Network", "O / P / S"),
    ("Would keep without the job?", "yes / no"),
    ("I get", "S F I R"),
    ("I give", "S F I R X"),
    ("Last in touch", "month"),
    ("Strength", "1 - 5"),
)
_GIVE_KEY = (
    "S support, F feedback, I insight, R resources, X introductions "
    "(the four kinds of help a network provides, and introductions you make)."
)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(\|[^{}]*)?\}")
#: Placeholders a title reads well without ("Deepen your ties{others}"); a title with any
#: other placeholder but no fallback ("Introduce {pair_a} and {pair_b}") needs a person.
_OPTIONAL = frozenset({"others", "with_name", "beside_name"})

_CSS = """
:root { --ink: #1d2733; --muted: #5b6775; --line: #9aa6b2; --accent: #3b6ea5; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
       font-size: 9.5pt; line-height: 1.3; margin: 0; }
@page { size: A4; margin: 12mm 12mm 14mm; }
section.sheet { break-before: page; page-break-before: always; }
section.sheet:first-of-type { break-before: auto; page-break-before: auto; }
h1 { font-size: 1.35rem; margin: 0 0 .2rem; border-bottom: 2px solid var(--accent); }
h2 { font-size: 1.02rem; margin: .7rem 0 .25rem; }
p { margin: .2rem 0 .35rem; }
.lead { color: var(--muted); }
.prompt { break-inside: avoid; page-break-inside: avoid; margin: .35rem 0 .5rem; }
.prompt .q { font-weight: bold; margin: 0; }
.prompt .why { color: var(--muted); font-size: .88em; margin: 0 0 .15rem; }
.lines div { border-bottom: 1px solid var(--line); height: 1.45em; }
.network { border-left: 5px solid var(--c); padding-left: .5rem; margin-top: .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .2rem .3rem; text-align: left;
         vertical-align: top; }
th { background: #eef2f6; }
table.grid td { height: 1.75em; }
table.grid th:first-child { width: 24%; }
table.grid th small, .muted { color: var(--muted); font-weight: normal; }
table.mix td.box { width: 14%; }
.action { border: 1px solid var(--line); border-left: 4px solid var(--accent);
          padding: .3rem .5rem; margin: .45rem 0; break-inside: avoid; page-break-inside: avoid; }
.action .field { border-bottom: 1px solid var(--line); height: 1.5em; margin: .1rem 0; }
.ideas li { margin: .05rem 0; }
.source { color: var(--muted); font-size: .82em; }
"""

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "connect-src 'none'; form-action 'none'; base-uri 'none'"
)


def _lines(count: int) -> str:
    return '<div class="lines">' + "<div></div>" * count + "</div>"


def _prompts_sheet(prompts: Sequence[Prompt], lines: int) -> str:
    parts = [
        f'<section class="sheet" id="prompts"><h1>1. {SHEETS[0]}</h1>',
        (
            '<p class="lead">Read each question and write down the people who come to mind, one '
            "a line, first names are enough. Do not judge yet: the next sheet sorts them. "
            "Nothing you write here leaves the paper.</p>"
        ),
    ]
    for network in NETWORK_TYPES:
        mine = [p for p in prompts if p.network_type == network]
        if not mine:
            continue
        style = NETWORK_STYLES[network]
        parts.append(
            f'<div class="network" style="--c: {style.colour}">'
            f"<h2>{esc(style.glyph)} {esc(style.label)}: who {esc(_NETWORK_KEY[network][0])}</h2>"
        )
        for prompt in mine:
            source = f" ({short_cite(prompt.source)})" if prompt.source else ""
            why = f'<p class="why">{esc(prompt.why + source)}</p>' if prompt.why else ""
            parts.append(
                f'<div class="prompt"><p class="q">{esc(prompt.prompt)}</p>{why}'
                f"{_lines(lines)}</div>"
            )
        parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)


def _questions() -> list[str]:
    book = load_rules()
    asks = [str(q["ask"]).replace("{first}", "this person") for q in book.questions]
    return [re.sub(r"\s*\(for example:[^)]*\)", "", a) for a in asks]


def _grid_sheet(rows: int) -> str:
    head = "".join(
        f"<th>{esc(title)}<br><small>{esc(hint)}</small></th>" for title, hint in _GRID_COLUMNS
    )
    key_head = "".join(
        f'<th style="border-top: 4px solid {NETWORK_STYLES[t].colour}">'
        f"{esc(NETWORK_STYLES[t].glyph)} {esc(NETWORK_STYLES[t].label)}</th>"
        for t in NETWORK_TYPES
    )
    key_rows = "".join(
        f"<tr><th>{esc(row)}</th>"
        + "".join(f"<td>{esc(_NETWORK_KEY[t][i])}</td>" for t in NETWORK_TYPES)
        + "</tr>"
        for i, row in enumerate(_KEY_ROWS)
    )
    questions = "".join(f"<li>{esc(q)}</li>" for q in _questions())
    grid_rows = "<tr>" + "<td></td>" * len(_GRID_COLUMNS) + "</tr>"
    return (
        f'<section class="sheet" id="grid"><h1>2. {SHEETS[1]}</h1>'
        '<p class="lead">Copy the names from sheet 1 into the grid, one a row, and decide for each '
        "which network the tie mainly serves: O operational, P personal, S strategic. Many ties "
        "could be two; pick the one that fits best today.</p>"
        f'<table class="key"><tr><th></th>{key_head}</tr>{key_rows}</table>'
        f'<p class="source">{esc(_KEY_SOURCE)} In our own words.</p>'
        "<h2>When you are unsure, ask yourself</h2>"
        f"<ul>{questions}</ul>"
        f'<table class="grid"><tr>{head}</tr>{grid_rows * rows}</table>'
        f'<p class="source">{esc(_GIVE_KEY)}</p>'
        "</section>"
    )


def _stage_rows() -> str:
    mixes = load_target_mixes()
    rows = []
    for stage, mix in mixes["stages"].items():
        shares = "".join(f"<td>{round(100 * float(mix[t]))}%</td>" for t in NETWORK_TYPES)
        rows.append(f"<tr><td>{esc(stage)}</td>{shares}</tr>")
    return "".join(rows)


def _ideas() -> list[tuple[str, str]]:
    """Action titles that read without a person's names, each with its short citation."""
    data = load_templates()
    ideas = []
    for template in data["templates"]:
        title = str(template["title"])
        bare = {m.group(1) for m in _PLACEHOLDER.finditer(title) if not m.group(2)}
        if str(template["id"]).startswith("_") or bare - _OPTIONAL:
            continue
        source = data["sources"].get(template.get("source", ""), template.get("source", ""))
        cites = "; ".join(short_cite(c) for c in citations(str(source)))
        ideas.append((fill(title, {}).strip(), cites))
    return ideas


def _plan_sheet(actions: int) -> str:
    counts = "".join(
        f"<th>{esc(NETWORK_STYLES[t].glyph)} {esc(NETWORK_STYLES[t].label)}</th>"
        for t in NETWORK_TYPES
    )
    ideas = "".join(
        f"<li>{esc(text)} <span class='source'>({esc(cite)})</span></li>"
        if cite
        else f"<li>{esc(text)}</li>"
        for text, cite in _ideas()
    )
    block = (
        '<div class="action"><strong>Action {n}</strong>'
        '<div class="muted">Which gap does it close? &#9744; operational &#9744; personal '
        "&#9744; strategic &#9744; inside/outside &#9744; losing touch &#9744; give first</div>"
        '<div class="muted">What I will do</div><div class="field"></div><div class="field"></div>'
        '<div class="muted">With whom</div><div class="field"></div>'
        '<div class="muted">First step, and by when</div><div class="field"></div>'
        '<div class="muted">How I will know it worked</div><div class="field"></div></div>'
    )
    mixes_source = load_target_mixes().get("source", "")
    return (
        f'<section class="sheet" id="plan"><h1>3. {SHEETS[2]}</h1>'
        '<p class="lead">Count the letters in the Network column of sheet 2, then compare your '
        "mix with the target for your career stage. The targets are the workbook's judgement "
        "from the direction the research gives, for discussion, not norms.</p>"
        f'<table class="mix"><tr><th>My count</th>{counts}</tr>'
        '<tr><td>how many</td><td class="box"></td><td class="box"></td><td class="box"></td></tr>'
        '<tr><td>share of the total</td><td class="box"></td><td class="box"></td>'
        '<td class="box"></td></tr></table>'
        f'<h2>Targets by career stage</h2><table class="mix"><tr><th>stage</th>{counts}</tr>'
        f"{_stage_rows()}</table>"
        f'<p class="source">{esc(mixes_source)}</p>'
        f"<h2>Ideas to choose from</h2><ul class='ideas'>{ideas}</ul>"
        "<h2>Three actions for the next 90 days</h2>"
        + "".join(block.format(n=n) for n in range(1, actions + 1))
        + "</section>"
    )


def worksheets_html(*, lines: int = 3, rows: int = 18, actions: int = 3) -> str:
    """The printable worksheets as one self-contained HTML page (three sheets).

    Parameters
    ----------
    lines : int
        Lines to write names on under each prompt.
    rows : int
        Rows of the classification grid.
    actions : int
        Action blocks on the plan sheet.

    Returns
    -------
    str
        The page: no script, nothing loaded from anywhere.

    Examples
    --------
    >>> page = worksheets_html()
    >>> all(title in page for title in SHEETS)
    True
    >>> "Who must you work with" in page or "deliver" in page
    True
    """
    prompts = load_prompts()
    body = _prompts_sheet(prompts, lines) + _grid_sheet(rows) + _plan_sheet(actions)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        "<title>LeadNet worksheets</title>"
        f"<style>{_CSS}</style></head><body>{body}"
        "</body></html>"
    )


def worksheets_pdf(*, engine: str = "auto", **layout: Any) -> bytes:
    """The printable worksheets as PDF (WeasyPrint, else Chromium), for people without a laptop.

    Parameters
    ----------
    engine : {"auto", "weasyprint", "chromium"}
        Force one renderer (tests do).
    **layout
        ``lines``, ``rows`` and ``actions``, as :func:`worksheets_html` takes them.

    Returns
    -------
    bytes
        The PDF file: the prompts, the classification grid and the action-plan page.

    Raises
    ------
    LeadNetError
        When no PDF renderer is installed, with how to fix it.

    Examples
    --------
    >>> worksheets_pdf()[:5]  # doctest: +SKIP
    b'%PDF-'
    """
    return html_pdf(
        worksheets_html(**layout),
        engine=engine,
        what="the worksheets",
        fix="write them as HTML (leadnet worksheets --out sheets.html) and print that",
    )


def write_worksheets(out: str | Path, *, engine: str = "auto") -> Path:
    """Write the worksheets to *out*: PDF for ``.pdf``, the printable page for ``.html``.

    Raises
    ------
    LeadNetError
        When *out* is a folder or has another suffix, or no PDF renderer is installed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "sheets.html"
    >>> write_worksheets(out).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    path = Path(out)
    if path.is_dir():
        raise LeadNetError(
            f"--out '{path}' is a folder, not a file",
            fix=f"Give a file name, e.g. --out {path / 'worksheets.pdf'}.",
        )
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return atomic_write_bytes(path, worksheets_pdf(engine=engine))
    if suffix in (".html", ".htm"):
        return atomic_write_text(path, worksheets_html())
    raise LeadNetError(
        f"--out '{path.name}' should end in .pdf (to print) or .html (to open in a browser)",
        fix=f"Use --out {path.with_suffix('.pdf').name}.",
    )
