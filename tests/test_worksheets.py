"""The printable worksheets: a PDF a facilitator hands to people without a laptop."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from leadnet_helpers.classify import load_rules
from leadnet_helpers.errors import LeadNetError
from leadnet_helpers.export import pdf as export_pdf
from leadnet_helpers.export.worksheets import (
    SHEETS,
    worksheets_html,
    worksheets_pdf,
    write_worksheets,
)
from leadnet_helpers.prompts import load_prompts
from tests.test_cli import leadnet, no_traceback


def _words(text: str) -> str:
    return " ".join(text.split())


def _pages(data: bytes) -> list[str]:
    """The text of each page, whitespace collapsed."""
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [_words(page.extract_text()) for page in reader.pages]


def _sheet_starts(pages: list[str]) -> list[int]:
    """The page on which each sheet's title stands at the top."""
    return [
        next(i for i, text in enumerate(pages) if text.startswith(f"{n}. {title}"))
        for n, title in enumerate(SHEETS, start=1)
    ]


@pytest.fixture(scope="module")
def pdf_pages() -> list[str]:
    pytest.importorskip("weasyprint")
    data = worksheets_pdf(engine="weasyprint")
    assert data.startswith(b"%PDF-")
    return _pages(data)


def test_each_sheet_starts_a_page_in_order(pdf_pages):
    starts = _sheet_starts(pdf_pages)
    assert starts[0] == 0
    assert starts == sorted(starts) and len(set(starts)) == 3
    assert len(pdf_pages) <= 6  # a set per person stays a few sheets of paper


def test_every_name_generator_prompt_is_printed_on_the_first_sheet(pdf_pages):
    first, grid = _sheet_starts(pdf_pages)[:2]
    prompts_text = " ".join(pdf_pages[first:grid])
    prompts = load_prompts()
    assert len(prompts) >= 9
    for prompt in prompts:
        assert _words(prompt.prompt) in prompts_text, prompt.id
    for label in ("Operational", "Personal", "Strategic"):
        assert label in prompts_text


def test_the_grid_has_the_key_the_questions_and_the_columns(pdf_pages):
    grid, plan = _sheet_starts(pdf_pages)[1:]
    text = " ".join(pdf_pages[grid:plan])
    for column in ("Name", "Inside / outside", "Network", "I get", "I give", "Strength"):
        assert column in text
    assert "gets today's work done" in text and "Ibarra, H. & Hunter, M. (2007)" in text
    first_question = str(load_rules().questions[0]["ask"]).split("{first}")[0]
    assert _words(first_question) in text


def test_the_plan_sheet_has_targets_ideas_with_sources_and_three_actions(pdf_pages):
    plan = _sheet_starts(pdf_pages)[2]
    text = " ".join(pdf_pages[plan:])
    assert "Targets by career stage" in text and "business leader" in text
    assert "Reconnect with three dormant contacts" in text
    assert re.search(r"Give before you ask.*\(Baker, W\. \(2000\)\)", text)
    assert "{" not in text  # no template placeholder left unfilled
    for n in (1, 2, 3):
        assert f"Action {n}" in text


def test_the_page_loads_nothing_and_runs_nothing():
    page = worksheets_html()
    assert "<script" not in page.lower()
    assert not re.search(r"(src|href)\s*=\s*['\"]?(https?:)?//", page)
    assert "default-src 'none'" in page


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("chromium") or Path("/usr/bin/chromium").exists()), reason="needs Chromium"
)
def test_without_weasyprint_chromium_prints_the_same_sheets(monkeypatch):
    def broken(page: str) -> bytes:
        raise OSError("cannot load library 'pango-1.0-0'")

    monkeypatch.setattr(export_pdf, "_weasyprint_pdf", broken)
    pages = _pages(worksheets_pdf())
    assert _sheet_starts(pages)[0] == 0
    assert _words(load_prompts()[0].prompt) in " ".join(pages)


def test_without_any_renderer_the_message_says_to_print_the_html(monkeypatch):
    def broken(page: str) -> bytes:
        raise OSError("cannot load library 'pango-1.0-0'")

    monkeypatch.setattr(export_pdf, "_weasyprint_pdf", broken)
    monkeypatch.setattr(export_pdf, "_CHROMIUM", ())
    monkeypatch.setattr(export_pdf.shutil, "which", lambda name: None)
    monkeypatch.delenv("LEADNET_CHROMIUM", raising=False)
    with pytest.raises(LeadNetError, match="WeasyPrint") as err:
        worksheets_pdf()
    assert "leadnet worksheets --out sheets.html" in str(err.value)


def test_write_worksheets_refuses_a_folder_and_an_unknown_suffix(tmp_path):
    with pytest.raises(LeadNetError, match="is a folder"):
        write_worksheets(tmp_path)
    with pytest.raises(LeadNetError, match=r"\.pdf"):
        write_worksheets(tmp_path / "sheets.docx")
    assert not (tmp_path / "sheets.docx").exists()


def test_the_command_writes_the_pdf_without_a_workspace(tmp_path):
    out = tmp_path / "print" / "worksheets.pdf"
    done = leadnet("worksheets", "--out", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    pages = _pages(out.read_bytes())
    assert _sheet_starts(pages)[0] == 0
    assert not list(tmp_path.glob("**/*.sqlite"))  # no workspace was made or needed


def test_the_command_says_how_to_fix_a_wrong_file_name(tmp_path):
    done = leadnet("worksheets", "--out", str(tmp_path / "sheets.txt"), cwd=tmp_path)
    no_traceback(done)
    assert "sheets.txt" in done.stderr and "--out sheets.pdf" in done.stderr
