"""Files that cannot be read as a whole: one ImportProblem naming file, line and fix."""

from __future__ import annotations

import io
import zipfile

import pytest

from leadnet_helpers.errors import ImportProblem
from leadnet_helpers.importers import parse_bytes, parse_file


def problem(data: bytes, name: str = "contacts.csv") -> ImportProblem:
    with pytest.raises(ImportProblem) as caught:
        parse_bytes(data, name)
    error = caught.value
    assert error.file == name and error.line is not None and error.fix
    assert str(error).startswith(f"{name}, line {error.line}: ")
    return error


def test_hostile_empty(shared):
    with pytest.raises(ImportProblem) as caught:
        parse_file(shared / "hostile_empty.csv")
    assert caught.value.file == "hostile_empty.csv" and caught.value.line == 1
    assert "empty" in str(caught.value) and caught.value.fix


def test_only_white_space_is_empty():
    assert "empty" in problem(b"  \r\n\t\n").what


def test_hostile_header_only_says_line_4(shared):
    with pytest.raises(ImportProblem) as caught:
        parse_file(shared / "hostile_header_only.csv")
    error = caught.value
    assert (error.file, error.line) == ("hostile_header_only.csv", 4)
    assert "no contacts" in error.what and error.fix


def test_file_cut_mid_row_names_the_line_where_the_record_starts():
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ada,Brooks,,,Riverside,Ward Sister,14 Mar 2025\n"
        b'Ben,Carter,,,"City Youth Foot'
    )
    error = problem(data)
    assert error.line == 3
    assert "cut off" in error.what and "Export the file again" in error.fix


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, ".xls"),
        (b"name\nAda\x00\x01\x02\x03 Brooks\n", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_binary_junk_is_refused(data, what):
    assert what in problem(data).what


def test_a_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Connections.csv", "First Name,Last Name\n")
    assert "ZIP" in problem(buffer.getvalue(), "Basic_LinkedInDataExport.csv").what


def test_a_damaged_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<nope")
        archive.writestr("xl/workbook.xml", "<nope")
    assert "Excel workbook" in problem(buffer.getvalue(), "contacts.xlsx").what


def test_bytes_undefined_in_windows_1252():
    error = problem(b"name\nAda\nBen \x81\x8d\n")
    assert error.line == 3 and "encoding" in error.what and "UTF-8" in error.fix


def test_damaged_utf16():
    error = problem(b"\xff\xfe" + "name\nAda\n".encode("utf-16-le") + b"\x00\xd8")
    assert "UTF-16" in error.what


def test_no_other_exception_for_a_missing_file(tmp_path):
    with pytest.raises(ImportProblem) as caught:
        parse_file(tmp_path / "gone.csv")
    assert caught.value.file == "gone.csv" and caught.value.fix


def test_one_cell_over_128_kib_refuses_its_record_only():
    from leadnet_helpers.importers import parse_bytes

    huge = "x" * 140_000
    data = f'name,notes\nAda Brooks,short\nBo Large,"{huge}"\nCy Dean,fine\n'.encode()
    parsed = parse_bytes(data, "big.csv")
    assert [(r.line, r.contact.name if r.contact else None) for r in parsed.records] == [
        (2, "Ada Brooks"),
        (3, None),
        (4, "Cy Dean"),
    ]
    assert "140,000 characters" in parsed.records[1].problem
