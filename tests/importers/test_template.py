"""The LeadNet contacts template, as CSV and as an Excel workbook."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from leadnet_helpers.importers import parse_bytes, parse_file
from leadnet_helpers.model import TEMPLATE_COLUMNS


def test_labelled_sample_reads_every_column(parse_shared, person):
    parsed = parse_shared("labelled_contacts_sample.csv")
    assert parsed.format == "template-csv"
    assert len(parsed.records) == 16 and len(parsed.contacts) == 16
    ada = person(parsed, "Ada Brooks")
    assert (ada.organisation, ada.role, ada.function) == (
        "Riverside Hospital",
        "Ward Sister",
        "Nursing",
    )
    assert ada.seniority == "junior" and ada.inside_org is True
    assert ada.frequency == "weekly" and ada.strength == 4
    assert ada.i_give == ("feedback", "support")
    assert ada.last_contact == "2026-11-10"
    assert ada.extra == {"expected": "operational"}  # the unknown column is kept
    assert parsed.unknown_columns == ["expected"]
    assert person(parsed, "Gina Russo").tags == ("association",)


def test_columns_in_any_order_and_awkward_cells(parse_data, person):
    parsed = parse_data("template_contacts.csv")
    assert len(parsed.records) == 4  # the blank line is not a record
    ada = person(parsed, "Ada Brooks")
    assert ada.notes == 'Runs the rota; "very" reliable'
    assert ada.tags == ("ward", "rota") and ada.gives_me == ("support",)
    assert ada.last_contact == "2026-11-14"
    assert ada.email == "ada.brooks@riverside.example"
    assert ada.linkedin_url == "https://www.linkedin.com/in/ada-brooks"
    assert ada.extra == {"shoe size": "42"}


def test_values_we_cannot_understand_are_warnings_not_rejections(parse_data):
    parsed = parse_data("template_contacts.csv")
    bilal = parsed.records[1]
    assert bilal.contact is not None and bilal.contact.strength is None
    assert bilal.contact.extra["strength"] == "nine"
    assert bilal.contact.extra["linkedin_url"] == "javascript:alert(1)"
    assert bilal.contact.linkedin_url == ""
    assert len(bilal.warnings) == 4


def test_nameless_row_rejected_and_extra_cell_kept(parse_data):
    parsed = parse_data("template_contacts.csv")
    nameless, cora = parsed.records[2], parsed.records[3]
    assert nameless.contact is None and nameless.line == 4
    assert "Somewhere Ltd" in nameless.problem
    assert cora.line == 6 and cora.contact.extra["column 11"] == "extra cell"
    assert cora.warnings


def test_only_name_is_required():
    parsed = parse_bytes(b"Name\nAda Brooks\n", "names.csv")
    assert parsed.format == "template-csv"
    assert parsed.contacts[0][1].name == "Ada Brooks"


@pytest.fixture
def workbook(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["role", "name", "strength", "last_contact", "organisation", "notes"])
    sheet.append(
        ["Ward Sister", "Ada Brooks", 4, datetime(2026, 11, 10), "Riverside Hospital", "=1+1"]
    )
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Chief Nurse", "Dev Malhotra", 5.0, "2026-11-12", "Riverside Hospital", None])
    sheet.append(["Pharmacy Lead", None, 3, None, "Riverside Hospital", None])
    book.create_sheet("Ignored").append(["name"])
    path = tmp_path / "contacts.xlsx"
    book.save(path)
    return path


def test_xlsx_template(workbook, person):
    parsed = parse_file(workbook)
    assert parsed.format == "template-xlsx"
    assert parsed.encoding == "xlsx"
    assert [r.line for r in parsed.records] == [2, 4, 5]  # sheet row numbers; row 3 is blank
    ada = person(parsed, "Ada Brooks")
    assert ada.strength == 4 and ada.last_contact == "2026-11-10"
    assert ada.role == "Ward Sister" and ada.organisation == "Riverside Hospital"
    assert person(parsed, "Dev Malhotra").strength == 5
    assert parsed.records[2].contact is None


def test_xlsx_with_all_template_columns(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(list(TEMPLATE_COLUMNS))
    book.active.append(["Ada Brooks"] + [None] * (len(TEMPLATE_COLUMNS) - 1))
    path = tmp_path / "full.xlsx"
    book.save(path)
    parsed = parse_file(path)
    assert parsed.contacts[0][1].name == "Ada Brooks"
    assert parsed.unknown_columns == []


def test_linkedin_saved_as_xlsx_is_read_as_linkedin(tmp_path, person):
    book = openpyxl.Workbook()
    book.active.append(["Notes:"])
    book.active.append(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    book.active.append(
        ["Zoë", "Ångström", "", "", "Nordlys Energi AS", "CFO", datetime(2025, 3, 14)]
    )
    path = tmp_path / "Connections.xlsx"
    book.save(path)
    parsed = parse_file(path)
    assert parsed.format == "linkedin"
    assert person(parsed, "Zoë Ångström").extra["connected_on"] == "2025-03-14"


def test_workbooks_are_parsed_with_defusedxml():
    """openpyxl guards against hostile XML only when defusedxml is installed (it is declared)."""
    assert openpyxl.DEFUSEDXML


def test_xlsx_with_a_cell_far_right_on_every_row_reads_the_rows(tmp_path):
    """A stray cell in column XFD (16,384) on each row: the rows import with their fields,
    a value just right of the headings is still kept, the far cell is ignored."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["name", "organisation", "role"])
    for i in range(300):
        sheet.append(
            [
                f"Person {i}",
                f"Org {i}",
                "Nurse",
                "next door" if i == 0 else None,
                *[None] * 16_376,
                f"stray {i}",
            ]
        )
    path = tmp_path / "wide.xlsx"
    book.save(path)
    parsed = parse_file(path)
    assert parsed.format == "template-xlsx" and len(parsed.contacts) == 300
    line, first = parsed.contacts[0]
    assert (line, first.name, first.organisation, first.role) == (2, "Person 0", "Org 0", "Nurse")
    assert first.extra == {"column 4": "next door"}
    assert all("stray" not in str(c.extra) for _, c in parsed.contacts)
    assert parsed.contacts[-1][1].name == "Person 299"
