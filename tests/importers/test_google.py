"""Google Contacts CSV: the current layout and the older (UTF-16) one."""

from __future__ import annotations


def test_every_google_row_is_a_record(parse_shared):
    parsed = parse_shared("google_contacts.csv")
    assert parsed.format == "google"
    assert parsed.encoding == "utf-8-sig"
    assert len(parsed.records) == 21
    assert len(parsed.contacts) == 19


def test_my_contacts_is_not_a_tag_but_starred_is(parse_shared, person):
    parsed = parse_shared("google_contacts.csv")
    zoe = person(parsed, "Zoë Ångström")
    assert zoe.tags == ("Board", "starred")
    assert zoe.organisation == "Nordlys Energi AS"
    assert zoe.role == "Head of Strategy"
    assert zoe.phone == "+47 555 01 001"
    assert all("myContacts" not in t for _, c in parsed.contacts for t in c.tags)


def test_multi_values_and_second_email_column(parse_shared, person):
    parsed = parse_shared("google_contacts.csv")
    lucia = person(parsed, "Lucía Fernández")
    assert lucia.emails == ("lucia.fernandez@litware.example", "l.fernandez@litware.example")
    tobias = person(parsed, "Tobias Wagner")
    assert tobias.email == "tobias.wagner@fabrikam.example"  # the "* Work" one is primary
    assert tobias.emails[1] == "tobias@wagner.example"
    gabriel = person(parsed, "Gabriel Silva")
    assert gabriel.phone == "+1 202 555 0187"
    assert gabriel.extra["other_phones"] == "+1 202 555 0188"


def test_notes_with_line_breaks_and_quotes_are_kept(parse_shared, person):
    parsed = parse_shared("google_contacts.csv")
    maggie = person(parsed, "Marguerite O'Neill")
    assert (
        maggie.notes
        == "Met at the leadership retreat, 2019.\nMentor – monthly calls, first Tuesday."
    )
    lea = person(parsed, "Léa Moreau")
    assert lea.notes.startswith('Says "call me after 6pm, not before"')


def test_rows_without_a_person_name_are_rejected_with_what_they_have(parse_shared):
    parsed = parse_shared("google_contacts.csv")
    rejected = [r for r in parsed.records if r.contact is None]
    assert [r.line for r in rejected] == [11, 12]
    assert "Coho Winery" in rejected[0].problem
    assert "newsletter-editor@example.org" in rejected[1].problem
    assert all("add the person's name" in r.problem for r in rejected)


def test_address_and_other_columns_are_kept_in_extra(parse_shared, person):
    parsed = parse_shared("google_contacts.csv")
    yusuf = person(parsed, "Yusuf Demir")
    assert yusuf.extra["address_1_city"] == "Hamburg"
    assert "Address 1 - City" in parsed.unknown_columns
    assert person(parsed, "Hana Kobayashi").function == "Research & Development"


def test_legacy_utf16_tab_separated(parse_data, person):
    parsed = parse_data("google_legacy_utf16.csv")
    assert parsed.format == "google-legacy"
    assert parsed.encoding == "utf-16-le"
    assert len(parsed.records) == 3
    zoe = person(parsed, "Zoë Ångström")
    assert zoe.tags == ("Board",)  # "* My Contacts" dropped
    assert (zoe.organisation, zoe.role, zoe.function) == (
        "Nordlys Energi AS",
        "Head of Strategy",
        "Strategy",
    )
    assert zoe.linkedin_url == "https://www.linkedin.com/in/zoe-angstrom-4b1a7c"
    kenji = person(parsed, "Kenji Watanabe")  # no "Name": built from given + family
    assert kenji.email == "kenji@watanabe.example"  # "* Home" is primary
    assert len(kenji.emails) == 3
    assert parsed.records[2].contact is None
