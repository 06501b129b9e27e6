"""One home per domain rule: every layer that needs one of these asks here.

The workbook shows the same facts in many places (the classifier's reasons, the
contacts overview, notebook 01's summary, the diagnostics, the action plan, the
figures). Each fact below is decided by exactly one function, so the places
can never disagree:

===========================  ==============================================================
rule                         functions
===========================  ==============================================================
inside or outside the org    :func:`organisation_key`, :func:`same_organisation`,
                             :func:`location`, :func:`locations`
self-introduced              :data:`SELF_WORDS`, :func:`is_self_introduced`,
                             :func:`introduced_by_someone`
type in force                :class:`TypeInForce`, :func:`type_in_force`
dormancy and "time ago"      :func:`days_since`, :func:`time_ago`, :func:`warmth`
dates                        :func:`parse_date`, :func:`as_date`, :func:`to_timestamps`
network style                :class:`NetworkStyle`, :data:`NETWORK_STYLES`, :func:`style_of`,
                             :func:`badge_html`
===========================  ==============================================================

References
----------
.. [1] Ibarra, H. & Hunter, M. (2007). How leaders create and use networks.
   Harvard Business Review, 85(1): inside versus outside, the three networks.
.. [2] Uzzi, B. & Dunlap, S. (2005). How to build your network. Harvard
   Business Review, 83(12): the self-similarity of self-introduced networks.
.. [3] Okabe, M. & Ito, K. (2008). Color Universal Design: how to make figures
   and presentations that are friendly to colorblind people (the palette).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

from .errors import LeadNetError

if TYPE_CHECKING:  # numpy and pandas are imported where a column is read, not at import
    import numpy as np
    import pandas as pd

__all__ = [
    "NETWORK_STYLES",
    "ORGANISATION_SUFFIXES",
    "SELF_WORDS",
    "Location",
    "NetworkStyle",
    "TypeInForce",
    "Warmth",
    "as_date",
    "badge_html",
    "days_since",
    "introduced_by_someone",
    "is_self_introduced",
    "location",
    "locations",
    "organisation_key",
    "parse_date",
    "same_organisation",
    "style_of",
    "time_ago",
    "to_timestamps",
    "type_in_force",
    "warmth",
    "warmths",
]

NETWORK_TYPES = ("operational", "personal", "strategic")

# --------------------------------------------------------------------------- inside or outside

#: Words that do not tell two organisations apart ("Contoso Ltd" is "Contoso").
ORGANISATION_SUFFIXES: tuple[str, ...] = (
    "ltd",
    "limited",
    "inc",
    "plc",
    "llc",
    "llp",
    "gmbh",
    "sa",
    "sarl",
    "ag",
    "co",
    "corp",
    "corporation",
    "company",
    "group",
    "the",
)
_SUFFIX = re.compile(r"\b(?:" + "|".join(map(re.escape, ORGANISATION_SUFFIXES)) + r")\b")
_NON_WORD = re.compile(r"[^\w]+")

#: Where a contact sits: ``"inside"`` or ``"outside"`` the person's organisation, or ``""``.
Location = Literal["inside", "outside", ""]


def organisation_key(name: object) -> str:
    """An organisation's name reduced to what tells it apart.

    Case, punctuation and legal suffixes are dropped.

    Examples
    --------
    >>> organisation_key("The Contoso Group Ltd."), organisation_key(None)
    ('contoso', '')
    """
    if not isinstance(name, str):
        return ""
    words = _NON_WORD.sub(" ", name.casefold())
    return " ".join(_SUFFIX.sub(" ", words).split())


def same_organisation(theirs: object, mine: object) -> bool | None:
    """Whether two organisation names name the same organisation (``None``: can't tell).

    One name inside the other counts as the same ("Contoso" and "Contoso
    Pharma UK"), so a division is not mistaken for another organisation.

    Examples
    --------
    >>> same_organisation("Contoso Ltd", "Contoso"), same_organisation("Fabrikam", "Contoso")
    (True, False)
    >>> same_organisation("", "Contoso") is None
    True
    """
    a, b = organisation_key(theirs), organisation_key(mine)
    if not a or not b:
        return None
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _flag(value: object) -> bool | None:
    if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
        return bool(value)  # Python's or numpy's
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in ("yes", "y", "true", "1", "inside", "internal"):
            return True
        if word in ("no", "n", "false", "0", "outside", "external"):
            return False
    return None


def location(inside_org: object, organisation: object, own_organisation: object) -> Location:
    """Inside or outside the person's organisation.

    What the person recorded (``inside_org``) decides; when nothing is
    recorded, the contact's organisation compared with the person's own
    (:func:`same_organisation`) decides; else it is unknown (``""``).

    Examples
    --------
    >>> location(None, "Contoso Ltd", "Contoso"), location(False, "Contoso", "Contoso")
    ('inside', 'outside')
    >>> location(None, "", "Contoso")
    ''
    """
    flag = _flag(inside_org)
    if flag is None:
        flag = same_organisation(organisation, own_organisation)
    return "" if flag is None else ("inside" if flag else "outside")


def _cells(values: Sequence[object] | pd.Series) -> list[object]:
    """The values of a column as a list; a pandas one through numpy (its own walk is slow).

    Examples
    --------
    >>> import pandas as pd
    >>> _cells(pd.Series(["a", None, True], dtype=object)), _cells(("b",))
    (['a', None, True], ['b'])
    """
    to_numpy = getattr(values, "to_numpy", None)
    if to_numpy is not None:
        return list(to_numpy(dtype=object).tolist())
    return list(values)


def locations(
    inside_org: Sequence[object] | pd.Series,
    organisations: Sequence[object] | pd.Series,
    own_organisation: object,
) -> np.ndarray:
    """:func:`location` for whole columns (each distinct organisation is compared once).

    Examples
    --------
    >>> locations([None, True, None], ["Contoso plc", "", "Fabrikam"], "Contoso").tolist()
    ['inside', 'inside', 'outside']
    """
    import numpy as np

    flags = _cells(inside_org)
    orgs = _cells(organisations)
    compared: dict[object, bool | None] = {}
    out = np.empty(len(flags), dtype=object)
    for i, (flag_value, org) in enumerate(zip(flags, orgs, strict=True)):
        # nothing recorded (None, or the empty text of a template cell): no need to ask _flag
        unset = flag_value is None or (type(flag_value) is str and not flag_value)
        flag = None if unset else _flag(flag_value)
        if flag is None:
            key = org if isinstance(org, str) else ""
            if key not in compared:
                compared[key] = same_organisation(key, own_organisation)
            flag = compared[key]
        out[i] = "" if flag is None else ("inside" if flag else "outside")
    return out


# --------------------------------------------------------------------------- self-introduced

#: Ways people write "nobody introduced us, I met them myself" in ``introduced_by``.
SELF_WORDS = frozenset({"me", "myself", "self", "i", "i did", "me myself", "nobody", "no one"})


def is_self_introduced(introduced_by: object, own_name: object = "") -> bool:
    """Whether ``introduced_by`` says the person met this contact on their own.

    Uzzi and Dunlap [2]_ warn that a network mostly met on one's own mirrors
    oneself; this is the single test of "on my own" every count uses.

    Examples
    --------
    >>> is_self_introduced("Myself"), is_self_introduced("Ana Ferreira", "ana ferreira")
    (True, True)
    >>> is_self_introduced("Kenji Watanabe"), is_self_introduced("")
    (False, False)
    """
    if not isinstance(introduced_by, str):
        return False
    word = " ".join(introduced_by.casefold().split())
    if not word:
        return False
    own = " ".join(own_name.casefold().split()) if isinstance(own_name, str) else ""
    return word in SELF_WORDS or (bool(own) and word == own)


def introduced_by_someone(introduced_by: object, own_name: object = "") -> bool:
    """Whether another person introduced this contact (recorded and not the person).

    Examples
    --------
    >>> introduced_by_someone("Kenji"), introduced_by_someone("me"), introduced_by_someone("")
    (True, False, False)
    """
    return (
        isinstance(introduced_by, str)
        and bool(introduced_by.strip())
        and not is_self_introduced(introduced_by, own_name)
    )


# --------------------------------------------------------------------------- type in force


@dataclass(frozen=True)
class TypeInForce:
    """The network type that counts for a contact, and who decided it.

    Attributes
    ----------
    primary : str
        ``"operational"``, ``"personal"``, ``"strategic"`` or ``""`` (not classified).
    secondary : tuple of str
        Other networks the contact also serves, never including ``primary``.
    decided_by : str
        ``"person"`` (the person's decision), ``"rules"`` (the classifier's
        suggestion) or ``""``.
    confidence : float
        1.0 for the person's decision, else the classifier's confidence.
    """

    primary: str
    secondary: tuple[str, ...]
    decided_by: str
    confidence: float


def type_in_force(
    suggested: str = "",
    suggested_secondary: Iterable[str] = (),
    confidence: float = 0.0,
    decision: str | None = None,
) -> TypeInForce:
    """The person's decision beats the rules; the rules' other fits stay secondary.

    After the person confirms a contact into what the rules had as its
    secondary network, the rules' primary becomes the secondary, so the
    two are never the same.

    Examples
    --------
    >>> type_in_force("operational", ("strategic",), 0.6)
    TypeInForce(primary='operational', secondary=('strategic',), decided_by='rules', confidence=0.6)
    >>> type_in_force("operational", ("strategic",), 0.6, decision="strategic")
    TypeInForce(primary='strategic', secondary=('operational',), decided_by='person', confidence=1.0)
    """
    fits = [t for t in (suggested, *suggested_secondary) if t in NETWORK_TYPES]
    if decision in NETWORK_TYPES:
        rest = tuple(dict.fromkeys(t for t in fits if t != decision))
        return TypeInForce(decision, rest, "person", 1.0)
    if not fits:
        return TypeInForce("", (), "", 0.0)
    primary = fits[0]
    rest = tuple(dict.fromkeys(t for t in fits[1:] if t != primary))
    value = float(confidence) if confidence is not None and math.isfinite(confidence) else 0.0
    return TypeInForce(primary, rest, "rules", value)


# --------------------------------------------------------------------------- dormancy, time ago

#: How warm a tie is: within its ideal interval, past it, past its maximum, or no date.
Warmth = Literal["ok", "due", "losing touch", "unknown"]


def days_since(day: object, today: date) -> int | None:
    """Whole days from *day* to *today* (``None`` when *day* is not a known date).

    Examples
    --------
    >>> days_since("2026-11-01", date(2026, 11, 21)), days_since(None, date(2026, 11, 21))
    (20, None)
    """
    try:
        when = as_date(day) if day is not None and not _missing(day) else None
    except LeadNetError:
        return None
    return None if when is None else (today - when).days


def time_ago(days: float | None) -> str:
    """Say how long ago, in the words a person uses; the one wording everywhere.

    Examples
    --------
    >>> time_ago(0), time_ago(1), time_ago(9), time_ago(20), time_ago(63)
    ('today', 'yesterday', '9 days ago', '3 weeks ago', '2 months ago')
    >>> time_ago(213), time_ago(400), time_ago(800), time_ago(None)
    ('7 months ago', '13 months ago', '2 years ago', 'no date recorded')
    """
    if days is None or (isinstance(days, float) and math.isnan(days)):
        return "no date recorded"
    whole = max(0, round(days))
    if whole == 0:
        return "today"
    if whole == 1:
        return "yesterday"
    if whole < 14:
        return f"{whole} days ago"
    if whole < 60:
        return f"{round(whole / 7)} weeks ago"
    if whole < 730:
        months = max(2, round(whole / 30.44))
        return f"{months} months ago"
    return f"{round(whole / 365.25)} years ago"


def warmth(days: float | None, ideal: float, maximum: float) -> Warmth:
    """Whether a tie is kept warm: ``ok``, ``due`` (past ideal), ``losing touch`` (past maximum).

    The intervals are a product choice per network type and tie strength,
    kept with their reasoning in ``data/keep_warm.json``; :func:`warmths` is
    the same rule for whole columns.

    Examples
    --------
    >>> warmth(10, 30, 90), warmth(45, 30, 90), warmth(120, 30, 90), warmth(None, 30, 90)
    ('ok', 'due', 'losing touch', 'unknown')
    """
    import numpy as np

    value = np.nan if days is None else float(days)
    return warmths(np.array([value]), np.array([ideal]), np.array([maximum]))[0]


def warmths(days: np.ndarray, ideal: np.ndarray, maximum: np.ndarray) -> np.ndarray:
    """:func:`warmth` for arrays of days since (NaN when unknown) and intervals.

    Examples
    --------
    >>> import numpy as np
    >>> warmths(np.array([10, 45, np.nan]), np.array([30] * 3), np.array([90] * 3)).tolist()
    ['ok', 'due', 'unknown']
    """
    import numpy as np

    days = np.asarray(days, dtype=float)
    known = ~np.isnan(days)
    safe = np.where(known, days, 0.0)
    over = known & (safe > maximum)
    due = known & (safe > ideal) & ~over
    return np.where(
        ~known, "unknown", np.where(over, "losing touch", np.where(due, "due", "ok"))
    ).astype(object)


# --------------------------------------------------------------------------- dates

#: Date layouts people and exports write, tried in order after ISO 8601.
DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%d/%m/%Y", "%m/%d/%Y", "%Y/%m/%d", "%d.%m.%Y")


def _missing(value: object) -> bool:
    import pandas as pd

    try:
        # pd.isna takes any object; the stubs list only pandas' own types.
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def parse_date(value: object, what: str = "date", *, formats: Sequence[str] = DATE_FORMATS) -> date:
    """Read a date written as ISO 8601 (or one of *formats*); the one date reader.

    Parameters
    ----------
    value : date, datetime, Timestamp or str
        The date.
    what : str
        What the date is, for the message when it is not a date.
    formats : sequence of str
        ``strptime`` layouts tried after ISO 8601.

    Raises
    ------
    LeadNetError
        Naming *what*, the value and the layout to use.

    Examples
    --------
    >>> parse_date("2026-03-14"), parse_date("14 Mar 2026"), parse_date("2026-03-14T09:30")
    (datetime.date(2026, 3, 14), datetime.date(2026, 3, 14), datetime.date(2026, 3, 14))
    >>> parse_date("soon", "due")
    Traceback (most recent call last):
    ...
    leadnet_helpers.errors.LeadNetError: The due date 'soon' is not a date like 2026-03-14.
    """
    if isinstance(value, datetime):  # pd.Timestamp is a datetime
        if _missing(value):
            raise LeadNetError(f"the {what} date is missing: write a date like 2026-03-14")
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip() if value is not None else ""
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise LeadNetError(f"the {what} date '{text}' is not a date like 2026-03-14")


def as_date(today: object = None) -> date:
    """The day to count from: *today* read with :func:`parse_date`, else today's date.

    Examples
    --------
    >>> as_date("2026-11-21"), as_date(None) == date.today()
    (datetime.date(2026, 11, 21), True)
    """
    return date.today() if today is None else parse_date(today, "today's")


def to_timestamps(values: Iterable[object] | pd.Series) -> pd.Series:
    """A column of dates as ``datetime64`` (``NaT`` where a value is not an ISO date).

    The vectorised reader for tables (contacts' last contact, the log).

    Examples
    --------
    >>> to_timestamps(["2026-01-02", "", None, "nope"]).dt.day.tolist()
    [2.0, nan, nan, nan]
    """
    import pandas as pd

    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if series.dtype.kind == "M":
        return series.astype("datetime64[ns]")
    # the first ten characters of a text (the date of a date and time), None for blank text
    cleaned = pd.Series(
        [(v[:10] if v.strip() else None) if isinstance(v, str) else v for v in _cells(series)],
        index=series.index,
        dtype=object,
    )
    out = pd.to_datetime(cleaned, errors="coerce", format="ISO8601")
    return out.astype("datetime64[ns]")


# --------------------------------------------------------------------------- network style


@dataclass(frozen=True)
class NetworkStyle:
    """How a network type is shown everywhere: colour, marker, glyph and words.

    Attributes
    ----------
    label : str
        The name shown on figures and forms.
    colour : str
        Okabe-Ito [3]_ colour (readable with the common colour blindnesses).
    text_colour : str
        Text colour that reads on ``colour``.
    symbol : str
        Plotly marker symbol (available in WebGL scatter plots too).
    glyph : str
        The same shape as a text character, for buttons and tables.
    shape : str
        The shape in words, for prose ("a square").
    """

    label: str
    colour: str
    text_colour: str
    symbol: str
    glyph: str
    shape: str


#: The style of each network type, and of ``""`` (not yet classified).
NETWORK_STYLES: dict[str, NetworkStyle] = {
    "operational": NetworkStyle("Operational", "#0072B2", "#ffffff", "square", "\u25a0", "square"),
    "personal": NetworkStyle("Personal", "#E69F00", "#000000", "circle", "\u25cf", "circle"),
    "strategic": NetworkStyle(
        "Strategic", "#009E73", "#000000", "triangle-up", "\u25b2", "triangle"
    ),
    "": NetworkStyle("Not yet classified", "#7F7F7F", "#ffffff", "diamond", "\u25c6", "diamond"),
}


def style_of(network_type: object) -> NetworkStyle:
    """The :class:`NetworkStyle` of a type (unknown types look unclassified).

    Examples
    --------
    >>> style_of("operational").shape, style_of("strategic").symbol, style_of(None).label
    ('square', 'triangle-up', 'Not yet classified')
    """
    key = network_type if isinstance(network_type, str) else ""
    return NETWORK_STYLES.get(key, NETWORK_STYLES[""])


def badge_html(network_type: str) -> str:
    """The network's name as an HTML badge in its colour, with its shape (never colour alone).

    Examples
    --------
    >>> "\u25b2 strategic" in badge_html("strategic")
    True
    """
    style = NETWORK_STYLES.get(network_type)
    colour, text, glyph = (
        (style.colour, style.text_colour, style.glyph)
        if style and network_type
        else ("#555555", "#ffffff", "?")
    )
    return (
        f'<span class="leadnet-badge leadnet-badge-{html.escape(network_type)}" '
        f'style="background:{colour};color:{text};padding:1px 8px;border-radius:3px;'
        f'white-space:nowrap;font-weight:bold">{glyph} {html.escape(network_type)}</span>'
    )
