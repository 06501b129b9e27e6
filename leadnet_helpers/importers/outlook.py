"""Outlook contacts CSV: the desktop export and the web / new Outlook export.

Desktop (``outlook``): many quoted columns ``"Title","First Name","Middle
Name","Last Name",...,"Company","Department","Job Title",...,"Categories",
...,"E-mail Address",...,"Notes",...``, often Windows-1252, categories
separated by ``;``; unused fields hold defaults such as ``0/0/00`` and
``Normal``, which are not kept.

Web (``outlook-web``): Outlook on the web, new Outlook and outlook.com write
fewer columns, with names such as ``First name``, ``Job title``, ``Business
email``, ``Personal email``, ``Mobile phone``, ``Categories``, ``Notes`` (or
the outlook.com layout with ``Given Yomi`` and ``IMAddress``). Columns are
found by name, in any order and any letter case.

Outlook desktop writes its headings in the language of the installation
(``Vorname,Nachname,Firma,Position,E-Mail-Adresse`` in German); the headings
of the fields we read are known in German, French, Spanish, Italian, Dutch,
Portuguese, Japanese and Chinese (:data:`LOCALISED`) and read as their
English names (:func:`english_header`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import normalise_linkedin_url, normalise_text
from .base import ParsedRecord
from .common import Columns, Draft, join_name
from .decode import Table

__all__ = ["LOCALISED", "english_header", "parse_table", "split_categories"]

#: Outlook desktop's headings in other languages, by the English heading.
LOCALISED: dict[str, tuple[str, ...]] = {
    "title": (
        "anrede",
        "titre",
        "tratamiento",
        "titolo",
        "titel",
        "tratamento",
        "敬称",
        "称谓",
        "尊称",
        "稱謂",
    ),
    "first name": (
        "vorname",
        "prénom",
        "nombre",
        "nome",
        "voornaam",
        "primeiro nome",
        "名",
        "名字",
    ),
    "middle name": (
        "weitere vornamen",
        "deuxième prénom",
        "segundo nombre",
        "secondo nome",
        "middelste naam",
        "segundo nome",
        "ミドル ネーム",
        "中间名",
        "中間名",
    ),
    "last name": (
        "nachname",
        "nom",
        "apellidos",
        "cognome",
        "achternaam",
        "sobrenome",
        "apelido",
        "姓",
        "姓氏",
    ),
    "suffix": ("suffixe", "sufijo", "suffisso", "achtervoegsel", "sufixo", "后缀", "稱謂 (英文)"),
    "company": (
        "firma",
        "société",
        "compañía",
        "organización",
        "società",
        "bedrijf",
        "empresa",
        "会社名",
        "单位",
        "公司",
    ),
    "department": (
        "abteilung",
        "service",
        "departamento",
        "reparto",
        "afdeling",
        "部署",
        "部门",
        "部門",
    ),
    "job title": (
        "position",
        "fonction",
        "puesto",
        "posizione",
        "functie",
        "cargo",
        "役職",
        "职务",
        "職稱",
    ),
    "e-mail address": (
        "e-mail-adresse",
        "adresse de messagerie",
        "adresse e-mail",
        "dirección de correo electrónico",
        "indirizzo posta elettronica",
        "indirizzo di posta elettronica",
        "e-mailadres",
        "endereço de email",
        "endereço de e-mail",
        "endereço de correio eletrónico",
        "電子メール アドレス",
        "电子邮件地址",
        "電子郵件地址",
    ),
    "e-mail type": (
        "e-mail-typ",
        "type de messagerie",
        "tipo de correo electrónico",
        "tipo posta elettronica",
        "e-mailtype",
        "tipo de email",
        "電子メールの種類",
        "电子邮件类型",
        "電子郵件類型",
    ),
    "e-mail display name": (
        "e-mail: angezeigter name",
        "nom complet de l'adresse de messagerie",
        "nombre para mostrar del correo electrónico",
        "nome visualizzato posta elettronica",
        "weergavenaam e-mail",
        "nome de exibição do email",
        "電子メール表示名",
        "电子邮件显示名称",
        "電子郵件顯示名稱",
    ),
    "e-mail 2 address": (
        "e-mail 2: adresse",
        "adresse de messagerie 2",
        "dirección de correo electrónico 2",
        "indirizzo posta elettronica 2",
        "e-mailadres 2",
        "endereço de email 2",
        "電子メール 2 アドレス",
        "电子邮件 2 地址",
        "電子郵件 2 地址",
    ),
    "e-mail 2 type": ("e-mail 2: typ",),
    "e-mail 2 display name": ("e-mail 2: angezeigter name",),
    "e-mail 3 address": (
        "e-mail 3: adresse",
        "adresse de messagerie 3",
        "dirección de correo electrónico 3",
        "indirizzo posta elettronica 3",
        "e-mailadres 3",
        "endereço de email 3",
        "電子メール 3 アドレス",
        "电子邮件 3 地址",
        "電子郵件 3 地址",
    ),
    "e-mail 3 type": ("e-mail 3: typ",),
    "e-mail 3 display name": ("e-mail 3: angezeigter name",),
    "mobile phone": (
        "mobiltelefon",
        "tél. mobile",
        "téléphone mobile",
        "portable",
        "teléfono móvil",
        "cellulare",
        "telefono cellulare",
        "mobiele telefoon",
        "telefone celular",
        "telemóvel",
        "携帯電話",
        "移动电话",
        "行動電話",
    ),
    "business phone": (
        "telefon geschäftlich",
        "téléphone bureau",
        "tél. bureau",
        "teléfono del trabajo",
        "ufficio",
        "telefono ufficio",
        "telefoon op werk",
        "telefone comercial",
        "会社電話",
        "商务电话",
        "商務電話",
    ),
    "home phone": (
        "telefon (privat)",
        "telefon privat",
        "téléphone domicile",
        "tél. domicile",
        "particular",
        "teléfono particular",
        "abitazione",
        "telefono abitazione",
        "telefoon thuis",
        "telefone residencial",
        "自宅電話",
        "住宅电话",
        "住家電話",
    ),
    "primary phone": ("haupttelefon",),
    "other phone": ("weiteres telefon",),
    "car phone": ("autotelefon",),
    "categories": (
        "kategorien",
        "catégories",
        "categorías",
        "categorie",
        "categorieën",
        "categorias",
        "分類",
        "类别",
        "類別",
    ),
    "notes": ("notizen", "notas", "note", "notities", "anotações", "メモ", "附注", "备注", "記事"),
    "web page": (
        "webseite",
        "page web",
        "página web",
        "pagina web",
        "webpagina",
        "página da web",
        "web ページ",
        "网页",
        "網頁",
    ),
    "birthday": (
        "geburtstag",
        "anniversaire",
        "cumpleaños",
        "compleanno",
        "verjaardag",
        "aniversário",
        "誕生日",
        "生日",
    ),
    "anniversary": ("jahrestag",),
    "gender": ("geschlecht", "sexe", "sexo", "sesso", "geslacht", "性別", "性别"),
    "priority": ("priorität", "priorité", "prioridad", "priorità", "prioriteit", "prioridade"),
    "sensitivity": (
        "vertraulichkeit",
        "critère de diffusion",
        "confidencialidad",
        "riservatezza",
        "gevoeligheid",
        "sensibilidade",
    ),
    "private": ("privat", "privé", "privado", "privato", "privé"),
    "initials": ("initialen", "initiales", "iniciales", "iniziali", "initialen", "iniciais"),
}
_ENGLISH = {local: english for english, names in LOCALISED.items() for local in names}
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
# A heading whose accented letters were lost (U+FFFD) on the way, as in "Priorit\ufffdt".
_SKELETONS = {_NOT_ASCII.sub("?", local): english for local, english in _ENGLISH.items()}


def english_header(header: list[str]) -> list[str]:
    """Outlook headings in another language as their English names (others unchanged).

    Examples
    --------
    >>> english_header(["Vorname", "Nachname", "Firma", "Position", "E-Mail-Adresse", "Hobby"])
    ['first name', 'last name', 'company', 'job title', 'e-mail address', 'Hobby']
    """
    english = []
    for heading in header:
        key = normalise_text(heading).removeprefix("\ufeff").casefold()
        found = _ENGLISH.get(key)
        if found is None and "\ufffd" in key:
            found = _SKELETONS.get(_NOT_ASCII.sub("?", key))
        english.append(found or heading)
    return english


_EMAIL_COLUMNS = (
    "e-mail address",
    "email",
    "email address",
    "business email",
    "work email",
    "personal email",
    "home email",
    "other email",
    "e-mail 2 address",
    "email 2",
    "e-mail 3 address",
    "email 3",
)
_PHONE_COLUMNS = (
    "mobile phone",
    "mobile",
    "primary phone",
    "business phone",
    "work phone",
    "home phone",
    "phone",
    "business phone 2",
    "home phone 2",
    "other phone",
    "car phone",
)
_WEB_COLUMNS = ("web page", "personal web page", "business web page", "website", "web site")
# Fields Outlook fills with a default when they are empty: not worth keeping.
_NO_DATE = {"0/0/00", "0.0.00", "00.00.00", "0-0-00", "00/00/00", "0/0/0000"}
_DEFAULTS = {
    "birthday": _NO_DATE,
    "anniversary": _NO_DATE,
    "gender": {
        "unspecified",
        "keine angabe",
        "non spécifié",
        "no especificado",
        "non specificato",
        "niet opgegeven",
        "não especificado",
        "未指定",
    },
    "priority": {"normal", "normale", "normaal", "標準", "普通"},
    "sensitivity": {"normal", "normale", "normaal", "標準", "普通"},
    "private": {"false", "aus", "faux", "falso", "onwaar", "off", "0"},
}
# Fields derived from others (kept elsewhere), not worth keeping twice.
_DERIVED = (
    "e-mail type",
    "e-mail 2 type",
    "e-mail 3 type",
    "e-mail display name",
    "e-mail 2 display name",
    "e-mail 3 display name",
    "initials",
)


def split_categories(cell: str) -> tuple[str, ...]:
    """Split Outlook categories (``;``-separated) into tags.

    Examples
    --------
    >>> split_categories("Board;VIP; Board")
    ('Board', 'VIP')
    """
    return tuple(dict.fromkeys(t.strip() for t in cell.split(";") if t.strip()))


def parse_table(table: Table, *, web: bool = False) -> Iterator[ParsedRecord]:
    """Turn the rows of an Outlook contacts table into records.

    Examples
    --------
    >>> t = Table(
    ...     ["First Name", "Last Name", "Company", "Categories", "E-mail Address"],
    ...     1,
    ...     [(2, ["Aisha", "Bello", "Kestrel Health", "Board;VIP", "aisha@k.example"])],
    ... )
    >>> c = next(parse_table(t)).contact
    >>> c.name, c.organisation, c.tags, c.email
    ('Aisha Bello', 'Kestrel Health', ('Board', 'VIP'), 'aisha@k.example')
    """
    cols = Columns(english_header(table.header), table.unknown)
    cols.extra_keys = Columns(table.header).extra_keys  # kept under the file's own names
    source = "outlook-web" if web else "outlook"
    first, middle, last = cols.find("first name"), cols.find("middle name"), cols.find("last name")
    full, nickname = cols.find("display name", "full name", "name"), cols.find("nickname")
    company, department = cols.find("company"), cols.find("department")
    job = cols.find("job title")  # "Title" is Mr./Ms.
    notes, categories = cols.find("notes"), cols.find("categories")
    emails_at = [
        (cols.header[i], i) for i in (cols.find(n) for n in _EMAIL_COLUMNS) if i is not None
    ]
    phones_at = [i for i in (cols.find(n) for n in _PHONE_COLUMNS) if i is not None]
    web_at = [i for i in (cols.find(n) for n in _WEB_COLUMNS) if i is not None]
    defaults = [(i, v) for k, v in _DEFAULTS.items() if (i := cols.find(k)) is not None]
    derived = [cols.find(k) for k in _DERIVED]
    for line, cells in table.rows:
        draft = Draft(line, cells, cols)
        draft.skip(*derived)
        for index, default in defaults:
            if index < len(cells) and normalise_text(cells[index]).casefold() in default:
                draft.skip(index)
        name = join_name(draft.take(first), draft.take(middle), draft.take(last))
        name = name or draft.take(full) or draft.take(nickname)
        emails: list[str] = []
        for column, index in emails_at:
            emails += draft.emails([draft.take(index)], column)
        phone = ""
        for index in phones_at:
            if index < len(cells) and cells[index].strip():
                phone = draft.take(index)
                break
        linkedin_url = ""
        for index in web_at:
            url = normalise_linkedin_url(cells[index]) if index < len(cells) else ""
            if url:
                draft.skip(index)
                linkedin_url = url
                break
        yield draft.finish(
            source,
            name=name,
            organisation=draft.take(company),
            role=draft.take(job),
            function=draft.take(department),
            notes=draft.take(notes),
            tags=split_categories(draft.take(categories)),
            emails=emails,
            phone=phone,
            linkedin_url=linkedin_url,
        )
