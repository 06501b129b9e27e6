"""The format is recognised from the content, never from the file name."""

from __future__ import annotations

import io

import openpyxl
import pytest

from leadnet_helpers.errors import ImportProblem
from leadnet_helpers.importers import detect_format, parse_bytes
from leadnet_helpers.importers.detect import classify_header

SHARED = {
    "linkedin_connections.csv": "linkedin",
    "google_contacts.csv": "google",
    "outlook_contacts.csv": "outlook",
    "contacts_ios.vcf": "vcard",
    "contacts_android.vcf": "vcard",
    "labelled_contacts_sample.csv": "template-csv",
    "hostile_formula_injection.csv": "linkedin",
}
DATA = {
    "linkedin_excel_semicolon_cp1252.csv": "linkedin",
    "linkedin_excel_tab_mangled.csv": "linkedin",
    "google_legacy_utf16.csv": "google-legacy",
    "outlook_desktop_cp1252.csv": "outlook",
    "outlook_web.csv": "outlook-web",
    "android_21_qp.vcf": "vcard",
    "template_contacts.csv": "template-csv",
}


@pytest.mark.parametrize(("name", "expected"), SHARED.items())
def test_shared_fixtures(shared, name, expected):
    assert detect_format((shared / name).read_bytes()) == expected


@pytest.mark.parametrize(("name", "expected"), DATA.items())
def test_generated_fixtures(name, expected):
    from pathlib import Path

    data = (Path(__file__).parent / "data" / name).read_bytes()
    assert detect_format(data) == expected


def test_the_file_name_does_not_decide(shared):
    data = (shared / "contacts_ios.vcf").read_bytes()
    assert parse_bytes(data, "contacts.csv").format == "vcard"
    linkedin = (shared / "linkedin_connections.csv").read_bytes()
    assert parse_bytes(linkedin, "export.vcf").format == "linkedin"


def test_xlsx_by_its_zip_structure():
    book = openpyxl.Workbook()
    book.active.append(["name"])
    buffer = io.BytesIO()
    book.save(buffer)
    assert detect_format(buffer.getvalue()) == "template-xlsx"


def test_excel_sep_hint_line():
    data = b"sep=;\r\nname;organisation\r\nAda Brooks;Riverside\r\n"
    parsed = parse_bytes(data, "x.csv")
    assert parsed.format == "template-csv"
    assert parsed.records[0].line == 3 and parsed.contacts[0][1].organisation == "Riverside"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("First Name,Last Name,URL,Email Address,Company,Position,Connected On", "linkedin"),
        ("first name;last name;url;company;position", "linkedin"),
        ("First Name,Middle Name,Last Name,Organization Name,Labels,E-mail 1 - Value", "google"),
        ("Name,Given Name,Family Name,Group Membership,E-mail 1 - Value", "google-legacy"),
        (
            "Title,First Name,Last Name,Company,Job Title,Categories,E-mail Address,E-mail Type",
            "outlook",
        ),
        ("First name,Last name,Company,Job title,Business email,Mobile phone", "outlook-web"),
        ("First Name,Last Name,E-mail Address,Given Yomi,IMAddress,Job Title", "outlook-web"),
        ("notes,NAME,strength", "template-csv"),
        ("Full name,Phone", None),
    ],
)
def test_headers(header, expected):
    assert classify_header(header.split(";" if ";" in header else ",")) == expected


def test_unknown_layout_names_the_columns_and_the_exports_we_read():
    with pytest.raises(ImportProblem) as caught:
        detect_format(b"Full name,Phone\nAda,123\n", name="phones.csv")
    message = str(caught.value)
    assert "phones.csv, line 1" in message
    assert "'Full name', 'Phone'" in message
    assert "LinkedIn" in message and "vCard" in message and "template" in message
