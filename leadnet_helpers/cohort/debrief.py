"""The cohort view as one offline HTML page: to project in the room or hand out.

Static SVG charts (:func:`~leadnet_helpers.export.charts.svg_bars`), no
script, a Content-Security-Policy that loads nothing from anywhere, and every
piece of text escaped (pseudonyms and phrases were typed by participants).
Each figure has a one-line reading under it, as in notebook 03.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..export.charts import svg_bars
from ..export.html import content_security_policy
from ..export.text import esc, long_date
from ..rules import as_date
from .suppress import MIN_GROUP
from .view import CohortView

__all__ = [
    "debrief_html",
    "files_section",
    "market_section",
    "readings",
    "room_section",
    "then_now_section",
]

_CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2733;
       max-width: 56rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #3b6ea5; margin: 1.4rem 0 .5rem; }
.meta, .reading { color: #3d4957; }
.reading { margin: .1rem 0 1rem; font-style: italic; }
figure { margin: .4rem 0; }
svg.chart { max-width: 40rem; font-size: 12px; }
svg.chart text { fill: #1d2733; } svg.chart .chart-title { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: .95em; }
th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid #d5dce4; }
.held { background: #f4f6f8; border-left: 4px solid #7a6a00; padding: .5rem .75rem; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } }
"""


def _n(count: int | None) -> str:
    return f"under {MIN_GROUP}" if count is None else str(count)


def _frac(count: int | None, total: int) -> float:
    return 0.0 if count is None or not total else count / total


def _figure(title: str, rows: Sequence[tuple[str, float, str, float | None]], reading: str) -> str:
    longest = max((len(r[0]) for r in rows), default=0)
    chart = svg_bars(title, rows, label_chars=min(40, max(26, longest)))
    return f'<figure>{chart}</figure><p class="reading">{esc(reading)}</p>'


def readings(view: CohortView) -> dict[str, str]:
    """The one-line reading of each figure, by figure (also used by the facilitator notebook).

    Examples
    --------
    >>> import tempfile
    >>> from leadnet_helpers.cohort import cohort_view
    >>> readings(cohort_view(tempfile.mkdtemp()))
    {}
    """
    if not view.shown:
        return {}
    d = view.data
    n, room = d["participants"], d["room"]
    out: dict[str, str] = {}
    strategic = room["mix"].get("strategic", {})
    if "share" in strategic:
        target = strategic.get("target_median")
        against = f" against a median target of {target:.0%}" if target is not None else ""
        middle = f"{strategic['share']['q1']:.0%} to {strategic['share']['q3']:.0%}"
        out["mix"] = (
            f"The median participant's network is {strategic['share']['median']:.0%} "
            f"strategic (the middle half of the room {middle}){against}; "
            f"{_n(strategic.get('below_target'))} of {n} are below "
            "their strategic target (most managers neglect this network: Ibarra & Hunter, 2007)."
        )
    top = room["gaps"][0] if room["gaps"] else None
    if top and top["participants"] != 0:
        out["gaps"] = (
            f"The most common gap is '{top['title']}', for {_n(top['participants'])} of {n} "
            "participants: a good first topic for the debrief."
        )
    for key, dist in room["distributions"].items():
        bands = dist.get("bands")
        if not bands:
            continue
        shown = {k: v for k, v in bands.items() if v}
        if shown:
            label, count = max(shown.items(), key=lambda kv: kv[1])
            out[key] = f"{dist['title']}: the largest group, {count} of {n}, is {label}."
    return out


def room_section(view: CohortView) -> str:
    """The room at a glance: figures, each with its reading (HTML; empty under five)."""
    return "\n".join(_room(view)) if view.shown else ""


def market_section(view: CohortView) -> str:
    """The introductions market: how to run it and the proposed pairs (HTML)."""
    return "\n".join(_market(view.data)) if view.shown else ""


def then_now_section(view: CohortView) -> str:
    """Then and now: how the room moved (HTML)."""
    return "\n".join(_then_now(view.data)) if view.shown else ""


def files_section(view: CohortView) -> str:
    """The files not counted, each with the reason (HTML; empty when all were counted)."""
    return "\n".join(_files(view.data))


def _room(view: CohortView) -> list[str]:
    d = view.data
    n, room = d["participants"], d["room"]
    read = readings(view)
    out = ['<section id="room"><h2>The room at a glance</h2>']
    mix_rows = [
        (
            kind,
            entry["share"]["median"],
            (
                f"median {entry['share']['median']:.0%} (middle half "
                f"{entry['share']['q1']:.0%}–{entry['share']['q3']:.0%})"
            ),
            entry.get("target_median"),
        )
        for kind, entry in room["mix"].items()
        if "share" in entry
    ]
    if mix_rows:
        out.append(
            _figure(
                "Network mix (median; red line: median target)",
                mix_rows,
                read.get("mix", "The mix of the three networks across the room."),
            )
        )
    gap_rows = [
        (g["title"], _frac(g["participants"], n), _n(g["participants"]), None)
        for g in room["gaps"]
        if g["participants"] != 0
    ]
    if gap_rows:
        out.append(
            _figure(
                "Gaps, by how many participants have them",
                gap_rows,
                read.get("gaps", "No gap is common to the room."),
            )
        )
    for key, dist in room["distributions"].items():
        bands = dist.get("bands")
        if not bands:
            continue
        rows = [(label, _frac(c, n), _n(c), None) for label, c in bands.items()]
        out.append(_figure(dist["title"], rows, read.get(key, dist["meaning"])))
    give = room["give_ask"]
    rows = [
        (f"offer: {k.replace('_', ' ')}", _frac(c, n), _n(c), None)
        for k, c in give["offers"].items()
    ] + [(f"ask: {k.replace('_', ' ')}", _frac(c, n), _n(c), None) for k, c in give["asks"].items()]
    taking_part = (
        f"{_n(give['participants_taking_part'])} of {n} listed something to offer or to ask for"
    )
    if any(c is not None for c in [*give["offers"].values(), *give["asks"].values()]):
        out.append(_figure("What the room offers and asks for", rows, taking_part + "."))
    else:
        out.append(
            f"<p>{esc(taking_part)}; each kind was chosen by fewer than {MIN_GROUP}, so "
            "only the market below shows them.</p>"
        )
    out.append("</section>")
    return out


def _market(data: dict[str, Any]) -> list[str]:
    market = data["market"]
    out = [
        '<section id="market"><h2>The introductions market</h2>',
        f"<p>{esc(market['how_to_run'])}</p>",
    ]
    if market["pairs"]:
        out.append("<table><thead><tr><th>Gives</th><th>To</th><th>What</th></tr></thead><tbody>")
        for p in market["pairs"]:
            out.append(
                f"<tr><td>{esc(p['giver'])}</td><td>{esc(p['receiver'])}</td>"
                f"<td>{esc(p['offer'])}</td></tr>"
            )
        out.append("</tbody></table>")
    else:
        out.append("<p>No ask found a matching offer yet.</p>")
    if market["unmatched_asks"]:
        out.append(
            f"<p>{market['unmatched_asks']} asks found no offer: ask the room who could help.</p>"
        )
    out.append("</section>")
    return out


def _then_now(data: dict[str, Any]) -> list[str]:
    tn = data["then_now"]
    out = ['<section id="then-now"><h2>Then and now</h2>']
    if tn["pairs"] is None:
        out.append(f"<p>Fewer than {MIN_GROUP} participants have shared twice yet.</p>")
    elif not tn["pairs"]:
        out.append("<p>Nobody has shared twice yet: ask for a second share in a few weeks.</p>")
    else:
        out.append(
            f"<p>{tn['pairs']} participants shared twice (first shares "
            f"{esc(tn['then_dates']['from'])} to {esc(tn['then_dates']['to'])}, later ones "
            f"{esc(tn['now_dates']['from'])} to {esc(tn['now_dates']['to'])}).</p>"
        )
        out.append(
            "<table><thead><tr><th>Measure</th><th>Median then</th><th>Median now</th>"
            "<th>Up</th><th>Down</th><th>About the same</th></tr></thead><tbody>"
        )
        for m in tn["measures"].values():
            fmt = "{:.0%}" if m["unit"] == "share" else "{:.3g}"
            out.append(
                f"<tr><td>{esc(m['title'])}</td><td>{fmt.format(m['median_then'])}</td>"
                f"<td>{fmt.format(m['median_now'])}</td><td>{_n(m['up'])}</td>"
                f"<td>{_n(m['down'])}</td><td>{_n(m['same'])}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</section>")
    return out


def _files(data: dict[str, Any]) -> list[str]:
    files = data["files"]
    wrong = files["problems"] + files["duplicates"]
    if not wrong:
        return []
    out = [
        (
            '<section id="files"><h2>Files not counted</h2><table><thead><tr><th>File</th>'
            "<th>Why</th></tr></thead><tbody>"
        )
    ]
    out += [f"<tr><td>{esc(p['file'])}</td><td>{esc(p['reason'])}</td></tr>" for p in wrong]
    out.append("</tbody></table></section>")
    return out


def debrief_html(view: CohortView) -> str:
    """The cohort view as one self-contained HTML page (no script, nothing fetched).

    Examples
    --------
    >>> import tempfile
    >>> from leadnet_helpers.cohort import cohort_view
    >>> page = debrief_html(cohort_view(tempfile.mkdtemp()))
    >>> "Only the count is shown" in page, "<script" in page, "http" in page.split("<body>")[1]
    (True, False, False)
    """
    d = view.data
    made = long_date(as_date(d["made_on"]))
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(False)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="LeadNet">',
        f"<title>Cohort debrief, {esc(made)}</title><style>{_CSS}</style></head><body>",
        "<header><h1>The room: cohort debrief</h1>",
        (
            f'<p class="meta">{d["participants"]} participant{"s" * (d["participants"] != 1)} '
            f"shared · made on {esc(made)} with LeadNet · numbers only, no names</p></header>"
        ),
        f'<p class="held">{esc(view.suppressed_text())}</p>',
    ]
    if view.shown:
        out += _room(view) + _market(d) + _then_now(d)
    out += _files(d)
    out.append("</body></html>")
    return "\n".join(out)
