"""Contacts, ties, interactions and the profile: the workbook's vocabulary.

Everything that enters the workbook becomes one of these plain objects before
it is stored. The allowed values of each field mirror the contacts template in
``data/contacts_template.csv`` (see ``data/README.md``). Text is kept exactly as the
person wrote it, only Unicode-normalised (NFC) and trimmed: nothing is escaped
on the way in; escaping happens when something is exported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache

from .errors import LeadNetError
from .rules import parse_date

__all__ = [
    "CAREER_STAGES",
    "CONTACT_FIELDS",
    "ENERGY",
    "FREQUENCY",
    "GIVES",
    "HELP_KINDS",
    "INTERACTION_KINDS",
    "I_GIVE",
    "NETWORK_TYPES",
    "ORIENTATION",
    "SENIORITY",
    "TEMPLATE_COLUMNS",
    "Contact",
    "Interaction",
    "Profile",
    "Tie",
    "contact_from_row",
    "name_key",
    "normalise_email",
    "normalise_linkedin_url",
    "normalise_text",
]

SENIORITY = ("junior", "peer", "senior", "executive")
FREQUENCY = ("weekly", "monthly", "quarterly", "yearly", "rarely")
GIVES = ("support", "feedback", "insight", "resources")
I_GIVE = (*GIVES, "introductions")
ORIENTATION = ("current", "future", "both")
NETWORK_TYPES = ("operational", "personal", "strategic")
INTERACTION_KINDS = ("met", "gave", "asked")
#: The kinds of help an effective network supplies (Cross & Thomas, 2011); labels,
#: descriptions and the citation live in data/roles.json.
HELP_KINDS = ("information", "power", "development", "support", "purpose", "balance")
#: Whether a tie leaves the person with more energy, the same, or less (Cross, Baker & Parker, 2003).
ENERGY = ("gives", "neutral", "drains")
#: Career stages a profile can name; target mixes per stage live in data/.
CAREER_STAGES = (
    "individual contributor",
    "first-time team lead",
    "functional manager",
    "functional manager stepping up to business leader",
    "business leader",
    "executive",
)

#: The columns of the workbook's own CSV template, in order (described in data/README.md).
TEMPLATE_COLUMNS = (
    "name",
    "organisation",
    "role",
    "function",
    "industry",
    "seniority",
    "inside_org",
    "relationship",
    "context",
    "frequency",
    "last_contact",
    "strength",
    "gives_me",
    "i_give",
    "orientation",
    "discretionary",
    "network_type",
    "introduced_by",
    "tags",
    "notes",
    "helps_with",
    "energy",
)

_YES = {"yes", "y", "true", "1", "inside", "internal", "in"}
_NO = {"no", "n", "false", "0", "outside", "external", "out"}
_SPACES = re.compile(r"\s+")


def normalise_text(value: object) -> str:
    """Return *value* as NFC-normalised text without surrounding white space.

    Parameters
    ----------
    value : object
        Any value; ``None`` becomes the empty string.

    Returns
    -------
    str

    Examples
    --------
    >>> normalise_text("  Zoe\\u0308 ")  # e + combining diaeresis
    'Zoë'
    >>> normalise_text(None)
    ''
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.strip()


def normalise_email(value: object) -> str:
    """Return an e-mail address in the form used to match duplicates.

    Examples
    --------
    >>> normalise_email("  Zoe.Angstrom@Nordlys.EXAMPLE ")
    'zoe.angstrom@nordlys.example'
    >>> normalise_email("not an address")
    ''
    """
    text = normalise_text(value).lower()
    text = text.removeprefix("mailto:")
    return text if "@" in text and " " not in text else ""


_LINKEDIN = re.compile(r"^(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/([^/?#]+)", re.IGNORECASE)


def normalise_linkedin_url(value: object) -> str:
    """Return a LinkedIn profile URL in one canonical form, or ``""``.

    Examples
    --------
    >>> normalise_linkedin_url("http://uk.linkedin.com/in/Zoe-Angstrom-4b1a7c/?trk=x")
    'https://www.linkedin.com/in/zoe-angstrom-4b1a7c'
    >>> normalise_linkedin_url("javascript:alert(1)")
    ''
    """
    match = _LINKEDIN.match(normalise_text(value))
    return f"https://www.linkedin.com/in/{match.group(1).lower()}" if match else ""


def name_key(name: str) -> str:
    """Return a loose key for spotting possible duplicates by name.

    Accents, case, punctuation and word order are ignored, so
    "Müller-Łukasz, José" and "jose muller lukasz" share a key.

    Examples
    --------
    >>> name_key("Müller-Łukasz, José") == name_key("jose  muller lukasz")
    True
    """
    return _name_key(name if isinstance(name, str) else normalise_text(name))


_WORDS = re.compile(r"\w+")
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


@lru_cache(maxsize=100_000)
def _name_key(name: str) -> str:
    text = name.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(sorted(_WORDS.findall(text)))


@dataclass(slots=True)
class Contact:
    """One person in the leader's network.

    Only ``name`` is required. Enumerated fields hold one of the module's
    allowed values or ``""`` when unknown; ``inside_org`` and
    ``discretionary`` hold ``True``, ``False`` or ``None`` (unknown).

    Examples
    --------
    >>> c = Contact(name="Ada Brooks", organisation="Riverside Hospital", strength=4)
    >>> c.name, c.strength, c.gives_me
    ('Ada Brooks', 4, ())
    """

    name: str
    organisation: str = ""
    role: str = ""
    function: str = ""
    industry: str = ""
    seniority: str = ""
    inside_org: bool | None = None
    relationship: str = ""
    context: str = ""
    frequency: str = ""
    last_contact: str = ""  # ISO date, or ""
    strength: int | None = None  # 1-5
    gives_me: tuple[str, ...] = ()
    i_give: tuple[str, ...] = ()
    orientation: str = ""
    discretionary: bool | None = None
    network_type: str = ""  # the person's own override, or ""
    introduced_by: str = ""
    tags: tuple[str, ...] = ()
    notes: str = ""
    helps_with: tuple[str, ...] = ()  # any of HELP_KINDS (Cross & Thomas's roles)
    energy: str = ""  # one of ENERGY, or ""
    email: str = ""
    emails: tuple[str, ...] = ()
    linkedin_url: str = ""
    phone: str = ""
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    id: int | None = None

    def to_row(self) -> dict[str, str]:
        """Return the contact as template-shaped text cells (for CSV and tables)."""
        row = {}
        for name in CONTACT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, bool):
                value = "yes" if value else "no"
            elif isinstance(value, tuple):
                value = ";".join(value)
            elif value is None:
                value = ""
            row[name] = str(value)
        return row


#: Every stored field of a contact, in a stable order (``id`` and ``extra`` aside).
CONTACT_FIELDS = tuple(f.name for f in fields(Contact) if f.name not in ("id", "extra", "emails"))


@dataclass(slots=True)
class Profile:
    """The leader whose network this is."""

    name: str
    organisation: str = ""
    role: str = ""
    function: str = ""
    industry: str = ""
    seniority: str = ""
    career_stage: str = ""


@dataclass(frozen=True, slots=True)
class Tie:
    """Two contacts who know each other (undirected), with a strength 1-5."""

    contact_a: int
    contact_b: int
    strength: int = 3


@dataclass(frozen=True, slots=True)
class Interaction:
    """One logged interaction: met, I gave, or I asked."""

    contact_id: int
    date: str
    kind: str
    note: str = ""
    id: int | None = None


# --------------------------------------------------------------------------- parsing cells


def _choice(value: str, allowed: tuple[str, ...], column: str) -> str:
    text = value.casefold()
    if not text:
        return ""
    if text in allowed:
        return text
    raise ValueError(f"{column} '{value}' is not one of {', '.join(allowed)}")


def _yes_no(value: str, column: str) -> bool | None:
    text = value.casefold()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"{column} '{value}' should be yes or no")


def _strength(value: str) -> int | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"strength '{value}' should be a whole number from 1 to 5") from None
    if number != int(number) or not 1 <= number <= 5:
        raise ValueError(f"strength '{value}' should be a whole number from 1 to 5")
    return int(number)


_DATE_FORMATS = ("%d %b %Y", "%d/%m/%Y", "%m/%d/%Y", "%Y/%m/%d", "%d.%m.%Y")


def _iso_date(value: str, column: str) -> str:
    if not value:
        return ""
    try:
        return parse_date(value, column, formats=_DATE_FORMATS).isoformat()
    except LeadNetError:
        raise ValueError(f"{column} '{value}' is not a date like 2026-03-14") from None


def _multi(value: str, allowed: tuple[str, ...], column: str) -> tuple[str, ...]:
    items = [p.strip().casefold() for p in re.split(r"[;,]", value) if p.strip()]
    bad = [p for p in items if p not in allowed]
    if bad:
        raise ValueError(f"{column} '{bad[0]}' is not one of {', '.join(allowed)}")
    return tuple(dict.fromkeys(items))


def _tags(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in value.split(";") if t.strip()))


#: Other words people write for an energy value.
_ENERGY_WORDS = {
    "energising": "gives",
    "energizing": "gives",
    "energy": "gives",
    "+": "gives",
    "draining": "drains",
    "drain": "drains",
    "-": "drains",
    "0": "neutral",
}

_PARSERS = {
    "seniority": lambda v: _choice(v, SENIORITY, "seniority"),
    "inside_org": lambda v: _yes_no(v, "inside_org"),
    "discretionary": lambda v: _yes_no(v, "discretionary"),
    "frequency": lambda v: _choice(v, FREQUENCY, "frequency"),
    "orientation": lambda v: _choice(v, ORIENTATION, "orientation"),
    "network_type": lambda v: _choice(v, NETWORK_TYPES, "network_type"),
    "last_contact": lambda v: _iso_date(v, "last_contact"),
    "strength": _strength,
    "gives_me": lambda v: _multi(v, GIVES, "gives_me"),
    "i_give": lambda v: _multi(v, I_GIVE, "i_give"),
    "tags": _tags,
    "helps_with": lambda v: _multi(v, HELP_KINDS, "helps_with"),
    "energy": lambda v: _choice(_ENERGY_WORDS.get(v.casefold()) or v, ENERGY, "energy"),
}
_TEXT_FIELDS = {n for n in CONTACT_FIELDS if n not in _PARSERS}


def contact_from_row(row: Mapping[str, object], *, source: str = "") -> tuple[Contact, list[str]]:
    """Build a :class:`Contact` from template-shaped cells.

    Values that cannot be understood are not dropped: they are moved into
    ``extra`` (kept with the contact) and a warning says which and why.
    Unknown columns are kept in ``extra`` as well.

    Parameters
    ----------
    row : mapping
        Column name to cell text. Column names are matched case-insensitively.
    source : str
        Where the row came from, e.g. ``"linkedin:Connections.csv"``.

    Returns
    -------
    (Contact, list of str)
        The contact and the warnings (empty when every cell was understood).

    Raises
    ------
    LeadNetError
        When the row has no name (a contact needs one).

    Examples
    --------
    >>> c, warnings = contact_from_row({"Name": " Ada ", "strength": "9", "shoe": "42"})
    >>> c.name, c.strength, c.extra, warnings
    ('Ada', None, {'strength': '9', 'shoe': '42'}, ["strength '9' should be a whole number from 1 to 5"])
    """
    values: dict[str, object] = {}
    extra: dict[str, str] = {}
    warnings: list[str] = []
    for key, raw in row.items():
        column = normalise_text(key).casefold().replace(" ", "_")
        text = normalise_text(raw)
        if column in _PARSERS:
            try:
                values[column] = _PARSERS[column](text)
            except ValueError as exc:
                warnings.append(str(exc))
                extra[column] = text
        elif column in _TEXT_FIELDS:
            values[column] = text
        elif column == "emails":
            values["emails"] = tuple(e for e in (normalise_email(x) for x in text.split(";")) if e)
        elif text:
            extra[normalise_text(key)] = text
    name = str(values.get("name", ""))
    if not name:
        raise LeadNetError("this row has no name", fix="Add a name in the name column.")
    email = normalise_email(values.get("email", ""))
    values["email"] = email
    if "emails" not in values:
        values["emails"] = (email,) if email else ()
    values["linkedin_url"] = normalise_linkedin_url(values.get("linkedin_url", ""))
    if source:
        values["source"] = source
    return Contact(**values, extra=extra), warnings  # type: ignore[arg-type]


def iter_template_rows(contacts: Iterable[Contact]) -> Iterable[dict[str, str]]:
    """Yield each contact as template-shaped text cells."""
    for contact in contacts:
        yield contact.to_row()


def today_iso() -> str:
    """Today's date as ISO text (a seam tests can patch)."""
    return date.today().isoformat()
