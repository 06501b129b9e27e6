"""Outlook CSV: the desktop export (often Windows-1252) and the web export."""

from __future__ import annotations

import pytest

from leadnet_helpers.importers import parse_bytes


def test_every_outlook_row_is_a_record(parse_shared):
    parsed = parse_shared("outlook_contacts.csv")
    assert parsed.format == "outlook"
    assert len(parsed.records) == 20
    assert len(parsed.contacts) == 19
    rejected = [r for r in parsed.records if r.contact is None]
    assert rejected[0].line == 10 and "Margie's Travel" in rejected[0].problem


def test_categories_become_tags(parse_shared, person):
    parsed = parse_shared("outlook_contacts.csv")
    aisha = person(parsed, "Aisha Bello")
    assert aisha.tags == ("Board", "VIP")
    assert aisha.organisation == "Kestrel Health"
    assert aisha.role == "Chief People Officer"
    assert aisha.phone == "+1 202 555 0110"
    assert person(parsed, "Aisha Bello", 1).tags == ("Conference 2024",)


def test_multiline_cells_keep_their_line_numbers(parse_shared, person):
    parsed = parse_shared("outlook_contacts.csv")
    lines = [r.line for r in parsed.records]
    assert lines[4:7] == [6, 8, 10]  # Linda's notes and Marcus's street span two lines
    marcus = person(parsed, "Marcus Oyelaran")
    assert marcus.extra["business_street"] == "400 Harbor Blvd\r\nSuite 1200"


def test_exchange_address_is_not_an_email_and_defaults_are_not_kept(parse_shared, person):
    parsed = parse_shared("outlook_contacts.csv")
    kevin = person(parsed, "Kevin Park")
    assert kevin.email == "kevin.park@contoso.example"
    assert kevin.function == "IT"
    aisha = person(parsed, "Aisha Bello")
    assert "birthday" not in aisha.extra and "priority" not in aisha.extra
    charlotte = person(parsed, "Charlotte Anne Whitfield")
    assert len(charlotte.emails) == 3
    assert charlotte.extra["birthday"] == "4/15/1971"


def test_desktop_export_in_windows_1252(parse_data, person):
    parsed = parse_data("outlook_desktop_cp1252.csv")
    assert parsed.format == "outlook"
    assert parsed.encoding == "cp1252"
    elif_ = person(parsed, "Elif Lefèvre")
    assert elif_.notes == "Prefers “email” – not calls.\r\nMet in Lyon."
    assert elif_.tags == ("Board", "VIP")
    assert elif_.phone == "+33 6 55 01 02 03"
    assert elif_.linkedin_url == "https://www.linkedin.com/in/elif-lefevre"
    daniel = person(parsed, "Daniel Weiss")
    assert daniel.extra["title"] == "Mr." and daniel.extra["suffix"] == "Jr."
    assert daniel.extra["web_page"] == "https://alpineski.example"


def test_outlook_on_the_web_layout(parse_data, person):
    parsed = parse_data("outlook_web.csv")
    assert parsed.format == "outlook-web"
    assert len(parsed.records) == 3
    priya = person(parsed, "Priya Raman")
    assert priya.email == "priya.raman@northwind.example"
    assert priya.emails == ("priya.raman@northwind.example", "priya@raman.example")
    assert (priya.organisation, priya.role, priya.function) == (
        "Northwind Analytics",
        "Principal Data Scientist",
        "Data",
    )
    assert priya.tags == ("Colleagues", "Mentors")
    assert priya.phone == "+44 7700 900111"
    assert priya.linkedin_url == "https://www.linkedin.com/in/priya-raman-phd-1f3b6a"
    assert parsed.records[1].contact is None  # a company without a person's name
    assert person(parsed, "Tom Byrne").phone == "+353 1 555 0199"


LOCALISED_HEADERS = {
    # language: First Name, Last Name, E-mail Address, Company, Job Title, Mobile Phone, Notes
    "German": (
        "Vorname",
        "Nachname",
        "E-Mail-Adresse",
        "Firma",
        "Position",
        "Mobiltelefon",
        "Notizen",
    ),
    "French": (
        "Prénom",
        "Nom",
        "Adresse de messagerie",
        "Société",
        "Fonction",
        "Tél. mobile",
        "Notes",
    ),
    "Spanish": (
        "Nombre",
        "Apellidos",
        "Dirección de correo electrónico",
        "Compañía",
        "Puesto",
        "Teléfono móvil",
        "Notas",
    ),
    "Italian": (
        "Nome",
        "Cognome",
        "Indirizzo posta elettronica",
        "Società",
        "Posizione",
        "Cellulare",
        "Note",
    ),
    "Dutch": (
        "Voornaam",
        "Achternaam",
        "E-mailadres",
        "Bedrijf",
        "Functie",
        "Mobiele telefoon",
        "Notities",
    ),
    "Portuguese": (
        "Nome",
        "Sobrenome",
        "Endereço de email",
        "Empresa",
        "Cargo",
        "Telefone celular",
        "Anotações",
    ),
    "Japanese": ("名", "姓", "電子メール アドレス", "会社名", "役職", "携帯電話", "メモ"),
    "Chinese": ("名", "姓", "电子邮件地址", "单位", "职务", "移动电话", "附注"),
}


@pytest.mark.parametrize("language", sorted(LOCALISED_HEADERS))
def test_outlook_desktop_in_another_language(language):
    header = ",".join(f'"{h}"' for h in ("Anrede", *LOCALISED_HEADERS[language], "Hobby"))
    row = '"","Ana","Lima","ana@lima.example","Contoso","Nurse","+44 7700 900123","met in 2024",""'
    parsed = parse_bytes(f"{header}\r\n{row}\r\n".encode("utf-8-sig"), "contacts.csv")
    assert parsed.format == "outlook"
    (record,) = parsed.records
    contact = record.contact
    assert (contact.name, contact.email, contact.organisation, contact.role) == (
        "Ana Lima",
        "ana@lima.example",
        "Contoso",
        "Nurse",
    )
    assert (contact.phone, contact.notes) == ("+44 7700 900123", "met in 2024")


def test_german_outlook_defaults_are_not_kept():
    header = '"Vorname","Nachname","Firma","Position","Geburtstag","Geschlecht","Priorität","Privat","Vertraulichkeit"'
    row = '"Ana","Lima","","","0.0.00","Keine Angabe","Normal","Aus","Normal"'
    (record,) = parse_bytes(f"{header}\n{row}\n".encode("cp1252"), "de.csv").records
    assert record.contact.name == "Ana Lima" and record.contact.extra == {}
