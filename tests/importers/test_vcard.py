"""vCard files: iOS 3.0, Android 4.0 and stock Android 2.1 with quoted-printable."""

from __future__ import annotations

import pytest

from leadnet_helpers.importers import parse_bytes


def test_ios_cards(parse_shared, person):
    parsed = parse_shared("contacts_ios.vcf")
    assert parsed.format == "vcard"
    assert len(parsed.records) == 16 and len(parsed.contacts) == 16
    zoe = person(parsed, "Zoë Ångström")
    assert (zoe.organisation, zoe.function, zoe.role) == (
        "Nordlys Energi AS",
        "Strategy",
        "Head of Strategy",
    )
    renee = person(parsed, "Renée Thibault")  # quoted-printable name
    assert renee.organisation == "Atelier Lumière SARL"


def test_ios_escapes_folding_groups_and_photo(parse_shared, person):
    parsed = parse_shared("contacts_ios.vcf")
    ben = person(parsed, "Ben Carter")
    assert ben.notes == (
        "Co-coaches the U12 team with me on Saturdays. Partner: Jess; kids Mia and Leo. "
        "Prefers WhatsApp over e-mail, never call before 9am on weekends."
    )
    assert person(parsed, "Chidi Okonkwo").organisation == "Smith, Jones & Partners LLP"
    patricia = person(parsed, "Patricia Rivera")  # item1.EMAIL is a grouped property
    assert patricia.emails == ("pat@rivera.example", "patricia.rivera@example.net")
    assert patricia.tags == ("Board", "Mentors")
    wanjiru = person(parsed, "Wanjiru Mwangi")
    assert all("/9j/" not in v for v in wanjiru.extra.values())
    long_title = person(parsed, "Anne-Sophie Lefebvre-Moreau").role
    assert long_title.endswith("Transformation et Développement durable")


def test_ios_company_card_is_imported_with_a_warning(parse_shared):
    parsed = parse_shared("contacts_ios.vcf")
    coho = next(r for r in parsed.records if r.contact and r.contact.name == "Coho Winery")
    assert coho.line == 23
    assert any("organisation" in w for w in coho.warnings)


def test_android_cards_with_duplicates_parsed_twice(parse_shared, person):
    parsed = parse_shared("contacts_android.vcf")
    assert len(parsed.records) == 11 and len(parsed.contacts) == 11
    samuels = [c for _, c in parsed.contacts if c.name == "Samuel Adeyemi"]
    assert len(samuels) == 2
    assert samuels[1].email == "samuel.adeyemi@example.org"
    bjorn = person(parsed, "Björn Åkesson")
    assert bjorn.function == "Engineering / Platform Team"
    assert "Malmö; in the office Tue–Thu." in bjorn.notes
    isabel = person(parsed, "Isabel Duarte")
    assert isabel.email == "isabel.duarte@margiestravel.example"  # PREF=1 wins over PREF=2
    assert isabel.role == "Owner, Lisbon office"
    assert person(parsed, "Kenji Watanabe").notes == (
        "Introduced by Hiroshi.\nFollow up after the Tokyo offsite."
    )


def test_android_kind_org_is_imported_with_a_warning(parse_shared):
    parsed = parse_shared("contacts_android.vcf")
    record = next(r for r in parsed.records if r.contact and r.contact.name == "Fourth Coffee")
    assert record.line == 14
    assert any("organisation" in w for w in record.warnings)


def test_android_21_quoted_printable_soft_breaks(parse_data, person):
    parsed = parse_data("android_21_qp.vcf")
    assert len(parsed.records) == 5
    renee = person(parsed, "Renée Thibault")
    assert renee.notes == (
        "Rencontrée au salon de Lyon, très bonne designer — parle anglais et français. "
        "Rappeler en septembre."
    )
    assert renee.email == "renee.thibault@atelier-lumiere.example"  # the PREF one
    assert renee.phone == "+33 6 55 01 02 03"
    assert renee.tags == ("Suppliers", "Industry peers")
    assert (renee.organisation, renee.function) == ("Atelier Lumière SARL", "Direction")
    assert person(parsed, "Николай Петров").phone == "+7 495 555 0100"  # N only, QP split
    samuel = person(parsed, "Samuel Adeyemi")
    assert samuel.linkedin_url == "https://www.linkedin.com/in/samuel-adeyemi-9a4c3b"


def test_a_line_that_is_not_a_property_is_skipped_and_the_card_kept(parse_data):
    parsed = parse_data("android_21_qp.vcf")
    broken = parsed.records[2]
    assert broken.contact.name == "Broken Card" and broken.line == 25
    skipped = (
        "line 28 ('this line is not a vCard property') is not a vCard property we can read; "
        "that line was skipped and the rest of the card kept"
    )
    assert broken.warnings == [skipped]
    nameless = parsed.records[3]
    assert nameless.contact is None and nameless.problem.startswith("no name")
    assert len(parsed.contacts) == 4


@pytest.mark.parametrize(
    "line",
    [
        b"# This line must be ignored.",
        b"FN",
        b"LABEL,TYPE=HOME:Klippe 58",
        b"PROFILE:VCard",
        b"X-CUSTOM3;VALUE=TEXT:custom\r3",
    ],
)
def test_one_unreadable_line_keeps_the_card(line):
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Brooks\r\n" + line + b"\r\nEND:VCARD\r\n"
    (record,) = parse_bytes(data, "a.vcf").records
    assert record.contact.name == "Ada Brooks"
    for text in [record.problem, *record.warnings]:
        assert "Failed to parse" not in text and "PROFILE or uses BEGIN" not in text


def test_a_broken_card_never_shows_the_parsers_message():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nBDAY;VALUE=date:x\r\nEND:VCARD\r\n"
    for record in parse_bytes(data, "a.vcf").records:
        assert "Failed" not in record.problem


def test_escaped_colon_in_a_url_is_unescaped():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nURL:http\\://www.vcard.de\r\nEND:VCARD\r\n"
    (record,) = parse_bytes(data, "a.vcf").records
    assert record.contact.extra["url"] == "http://www.vcard.de"


def test_a_nested_card_keeps_the_outer_card():
    data = (
        b"BEGIN:VCARD\nVERSION:2.1\nN:parent\nBEGIN:VCARD\nVERSION:2.1\nN:nest1\nEND:VCARD\n"
        b"TEL:1\nEND:VCARD\n"
    )
    parsed = parse_bytes(data, "nest.vcf")
    assert sorted((r.line, r.contact.name, r.contact.phone) for r in parsed.records) == [
        (1, "parent", "1"),
        (4, "nest1", ""),
    ]


def test_declared_charset_is_honoured():
    name = "山田太郎".encode("shift_jis")
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=SHIFT_JIS:" + name + b"\r\nEND:VCARD\r\n"
    (record,) = parse_bytes(data, "jp.vcf").records
    assert record.contact.name == "山田太郎"


def test_a_utf8_character_split_by_a_fold_is_whole():
    note = "Zoë Ångström über Straße".encode()
    cut = note.index("ß".encode()) + 1  # inside the two bytes of ß
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nNOTE:"
        + note[:cut]
        + b"\r\n "
        + note[cut:]
        + b"\r\nEND:VCARD\r\n"
    )
    (record,) = parse_bytes(data, "fold.vcf").records
    assert record.contact.notes == "Zoë Ångström über Straße"


def test_a_line_before_begin_vcard_is_still_a_vcard():
    data = b"ENCODING:UTF-8\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n"
    parsed = parse_bytes(data, "a.vcf")
    assert parsed.format == "vcard" and parsed.records[0].line == 2


def test_card_without_end_is_rejected_with_its_line():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Cut\r\n"
    parsed = parse_bytes(data, "cut.vcf")
    assert [r.line for r in parsed.records] == [1, 5]
    assert parsed.records[1].contact is None
    assert "END:VCARD" in parsed.records[1].problem


def test_unescaped_commas_are_not_lost():
    data = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ada Brooks\r\nNOTE:one, two, three\r\nEND:VCARD\r\n"
    (record,) = parse_bytes(data, "a.vcf").records
    assert record.contact.notes == "one, two, three"


def test_javascript_url_is_not_a_linkedin_link():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve\r\nURL:javascript:alert(1)\r\nEND:VCARD\r\n"
    (record,) = parse_bytes(data, "a.vcf").records
    assert record.contact.linkedin_url == ""
    assert record.contact.extra["url"] == "javascript:alert(1)"
    assert any("not a web address" in w for w in record.warnings)


def test_a_note_ending_in_equals_that_mentions_quoted_printable_keeps_the_next_line():
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Brooks\r\n"
        b"NOTE:sent as quoted-printable a=\r\nORG:Riverside\r\nEND:VCARD\r\n"
    )
    (record,) = parse_bytes(data, "a.vcf").records
    assert record.contact is not None and record.contact.organisation == "Riverside"
    assert record.contact.notes.endswith("a=")
