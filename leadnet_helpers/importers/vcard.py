"""vCard files (2.1, 3.0, 4.0) from phones, Apple Contacts and Google Contacts.

Each card is cut out of the file on its own (so one broken card is rejected
and the others are kept) and parsed with :mod:`vobject`. Before that, the
quoted-printable soft line breaks of vCard 2.1 (a ``=`` at the end of a line
that continues on the next, as stock Android writes them) are joined, because
vobject cannot read them.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator

from ..model import Contact, normalise_email, normalise_linkedin_url, normalise_text
from .base import ParsedRecord
from .common import no_name_problem, odd_url_warning

__all__ = ["drop_binary", "join_soft_breaks", "parse_text", "prepare_lines", "split_cards"]

_NEWLINE = re.compile(r"\r\n|\r|\n")
_BARE_COMMA = re.compile(r"(?<!\\),")
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_ESCAPED_COLON = re.compile(r"(?<!\\)\\:")
# Properties that are mapped to fields, or not worth keeping (binary, bookkeeping).
_MAPPED = {"fn", "n", "org", "title", "email", "tel", "url", "categories", "note", "kind"}
_BINARY = {"PHOTO", "LOGO", "SOUND", "KEY"}
_IGNORED = {
    "version",
    "prodid",
    "rev",
    "photo",
    "logo",
    "sound",
    "key",
    "x-ablabel",
    "x-abshowas",
    "begin",
    "end",
}


def _cards(text: str) -> Iterator[tuple[int, list[tuple[int, str]], str]]:
    """Cut the cards out of *text*: ``(line, [(line, text), ...], problem)``.

    A ``BEGIN:VCARD`` inside an open card starts a nested card (an AGENT's
    card, or Android's nested cards): it becomes a record of its own and the
    outer card goes on after its ``END:VCARD``.
    """
    stack: list[tuple[int, list[tuple[int, str]]]] = []
    done: list[tuple[int, list[tuple[int, str]], str]] = []  # nested, held for file order
    for number, line in enumerate(_NEWLINE.split(text), start=1):
        upper = line.strip().upper()
        if upper.startswith("BEGIN:VCARD"):
            stack.append((number, [(number, line.strip())]))
            continue
        if not stack:
            continue  # blank or stray lines between cards are not records
        stack[-1][1].append((number, line))
        if upper == "END:VCARD":
            begin, lines = stack.pop()
            done.append((begin, lines, ""))
            if not stack:
                yield from sorted(done, key=lambda card: card[0])
                done = []
    cut = "this card has no END:VCARD line; the file was probably cut off"
    done += [(begin, [], cut) for begin, _ in stack]
    yield from sorted(done, key=lambda card: card[0])


def split_cards(text: str) -> Iterator[tuple[int, list[str], str]]:
    """Cut the cards out of a vCard file.

    Yields ``(line, lines, problem)``: the line of ``BEGIN:VCARD``, the card's
    lines, and a problem when the card is not closed (then ``lines`` is empty).
    Lines outside cards are blank or stray and are not records. A card nested
    in another is a card of its own.

    Examples
    --------
    >>> [
    ...     (line, len(lines), problem)
    ...     for line, lines, problem in split_cards(
    ...         "BEGIN:VCARD\\nFN:A\\nEND:VCARD\\n\\nBEGIN:VCARD\\nFN:B\\n"
    ...     )
    ... ]
    [(1, 3, ''), (5, 0, 'this card has no END:VCARD line; the file was probably cut off')]
    >>> [
    ...     (line, lines)
    ...     for line, lines, _ in split_cards(
    ...         "BEGIN:VCARD\\nN:outer\\nBEGIN:VCARD\\nN:inner\\nEND:VCARD\\nTEL:1\\nEND:VCARD"
    ...     )
    ... ]
    [(1, ['BEGIN:VCARD', 'N:outer', 'TEL:1', 'END:VCARD']), (3, ['BEGIN:VCARD', 'N:inner', 'END:VCARD'])]
    """
    for line, lines, problem in _cards(text):
        yield line, [t for _, t in lines], problem


def _property_name(line: str) -> str:
    head = re.split(r"[;:]", line, maxsplit=1)[0]
    return head.rsplit(".", 1)[-1].strip().upper()


Numbered = list[tuple[int, str]]


def _drop_binary(lines: Numbered) -> Numbered:
    kept: Numbered = []
    skipping = False
    for number, line in lines:
        if skipping and (not line.strip() or line[:1] in " \t"):
            continue
        skipping = _property_name(line) in _BINARY
        if not skipping:
            kept.append((number, line))
    return kept


def drop_binary(lines: list[str]) -> list[str]:
    """Leave out PHOTO, LOGO, SOUND and KEY (base64 data we do not keep).

    Their continuation lines go too, so a damaged photo cannot spoil the card.

    Examples
    --------
    >>> drop_binary(["FN:A", "PHOTO;ENCODING=b:AAAA", " BBBB", "", "NOTE:x"])
    ['FN:A', 'NOTE:x']
    """
    return [line for _, line in _drop_binary(list(enumerate(lines)))]


def _quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def _join_soft_breaks(lines: Numbered) -> Numbered:
    joined: Numbered = []
    index = 0
    while index < len(lines):
        number, line = lines[index]
        if _quoted_printable(line) and line.endswith("="):
            parts = [line]
            while (
                parts[-1].endswith("=")
                and index + 1 < len(lines)
                and lines[index + 1][1].strip().upper() != "END:VCARD"
            ):
                index += 1
                parts[-1] = parts[-1][:-1]
                parts.append(lines[index][1])
            line = "".join(parts)  # joined once: a long note stays linear
        joined.append((number, line))
        index += 1
    return joined


def join_soft_breaks(lines: list[str]) -> list[str]:
    """Join quoted-printable soft line breaks (``=`` at the end of a line).

    Examples
    --------
    >>> join_soft_breaks(["NOTE;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9e =", "Thibault", "END:VCARD"])
    ['NOTE;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9e Thibault', 'END:VCARD']
    """
    return [line for _, line in _join_soft_breaks(list(enumerate(lines)))]


def _split_property(line: str) -> tuple[str, str | None]:
    """Split a content line at the first ``:`` outside double quotes."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index], line[index + 1 :]
    return line, None


def _charset(head: str) -> str | None:
    for param in head.split(";")[1:]:
        if param.upper().startswith("CHARSET="):
            return param.split("=", 1)[1].strip().strip('"') or None
    return None


def _decode(text: str, charset: str | None) -> str:
    """Decode *text* (bytes kept as surrogate escapes) with *charset*, else UTF-8, else Windows-1252.

    Examples
    --------
    >>> _decode("\\udc8eR\\udc93c", "SHIFT_JIS")
    '山田'
    >>> _decode("Do\\udceb", None)
    'Doë'
    """
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        return text.encode("utf-8", "replace").decode("utf-8")
    for encoding in (charset, "utf-8", "cp1252"):
        if encoding:
            try:
                return raw.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return raw.decode("latin-1")


def _decode_qp(head: str, value: str) -> str:
    """Decode a quoted-printable value into plain text."""
    decoded = _decode(
        quopri.decodestring(value.encode("utf-8", "surrogateescape")).decode(
            "utf-8", "surrogateescape"
        ),
        _charset(head),
    )
    return decoded.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _plain_head(head: str) -> str:
    """The property name and parameters without the encoding and charset ones."""
    return ";".join(
        p
        for p in head.split(";")
        if p.upper() not in ("ENCODING=QUOTED-PRINTABLE", "QUOTED-PRINTABLE")
        and not p.upper().startswith("CHARSET=")
    )


def _shown(line: str) -> str:
    text = "".join(c if c.isprintable() else " " for c in _decode(line, None)).strip()
    return text if len(text) <= 40 else text[:39] + "…"


def _prepare(lines: Numbered, *, charsets: bool = True) -> tuple[list[str], list[str]]:
    """Prepared lines for vobject, and a warning per line that had to be skipped."""
    from vobject.base import textLineToContentLine

    unfolded: Numbered = []
    pieces: list[list[str]] = []
    for number, line in _join_soft_breaks(_drop_binary(lines)):
        if line[:1] in (" ", "\t") and unfolded:
            pieces[-1].append(line[1:])
        elif line.strip():
            unfolded.append((number, line))
            pieces.append([line])
    prepared, warnings = [], []
    for (number, _), parts in zip(unfolded, pieces, strict=True):
        line = "".join(parts)  # folded lines are joined before they are decoded
        head, value = _split_property(line)
        name = _property_name(line)
        if name in ("BEGIN", "END") and value is not None:
            prepared.append(line.strip())
            continue
        if name == "PROFILE":  # vCard 3.0 bookkeeping ("PROFILE:VCard"); nothing to keep
            continue
        if value is not None:
            if _quoted_printable(line):
                value = _decode_qp(head, value)
            elif charsets:
                value = _decode(value, _charset(head))
            head = _decode(_plain_head(head), None)
            value = _ESCAPED_COLON.sub(":", value)
            if name != "CATEGORIES":
                value = _BARE_COMMA.sub(r"\\,", value)
            try:
                textLineToContentLine(f"{head}:{value}")
            except Exception:  # noqa: BLE001 - vobject fails in many ways on a broken line
                value = None
        if value is None:
            warnings.append(
                f"line {number} ('{_shown(line)}') is not a vCard property we can read; that "
                "line was skipped and the rest of the card kept"
            )
            continue
        prepared.append(f"{head}:{value}")
    return prepared, warnings


def prepare_lines(lines: list[str]) -> list[str]:
    """Make a card's lines safe for vobject without changing what they say.

    Drops binary properties, joins quoted-printable soft breaks, unfolds
    folded lines, decodes values (quoted-printable, and the ``CHARSET`` a
    line declares, after unfolding so that a character split by a fold is
    whole again), escapes bare commas (vCard 2.1 does not escape them; vobject
    would keep only the text before the first one), and skips lines that are
    not properties (see :func:`parse_text` for the warnings).

    Examples
    --------
    >>> prepare_lines(
    ...     [
    ...         "BEGIN:VCARD",
    ...         "NOTE;ENCODING=QUOTED-PRINTABLE:Lyon, tr=C3=A8s =",
    ...         "bien",
    ...         "# a comment",
    ...         "URL:http\\\\://example.org",
    ...         "END:VCARD",
    ...     ]
    ... )
    ['BEGIN:VCARD', 'NOTE:Lyon\\\\, très bien', 'URL:http://example.org', 'END:VCARD']
    """
    return _prepare(list(enumerate(lines, start=1)))[0]


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, bytes):
        return ""
    return normalise_text(value)


def _rank(line: object, order: int) -> tuple[int, int]:
    """Sort key putting preferred values first (4.0 ``PREF=1``, 3.0/2.1 ``pref``)."""
    params = getattr(line, "params", {}) or {}
    singles = [s.casefold() for s in getattr(line, "singletonparams", []) or []]
    pref = params.get("PREF") or []
    if pref and str(pref[0]).isdigit():
        return int(pref[0]), order
    types = [t.casefold() for value in params.get("TYPE", []) for t in str(value).split(",")]
    return (1 if "pref" in types or "pref" in singles or pref else 101), order


def _values(contents: dict, key: str) -> list[str]:
    lines = contents.get(key, [])
    ranked = sorted(range(len(lines)), key=lambda i: _rank(lines[i], i))
    return [v for v in (_text(lines[i].value) for i in ranked) if v]


def _name(contents: dict) -> str:
    name = _text(contents["fn"][0].value) if contents.get("fn") else ""
    if not name and contents.get("n"):
        value = contents["n"][0].value
        parts = [
            getattr(value, a, "") for a in ("prefix", "given", "additional", "family", "suffix")
        ]
        name = " ".join(t for t in (_text(p).replace(",", " ") for p in parts) if t)
        name = " ".join(name.split())
    return name


def card_record(line: int, card: object) -> ParsedRecord:
    """Turn one parsed vobject card into a record."""
    contents: dict = card.contents  # type: ignore[attr-defined]
    warnings: list[str] = []
    extra: dict[str, str] = {}
    labels = {
        cl.group: _APPLE_LABEL.sub(r"\1", _text(cl.value))
        for cl in contents.get("x-ablabel", [])
        if cl.group
    }
    org_parts = []
    for org in contents.get("org", [])[:1]:
        parts = org.value if isinstance(org.value, list) else [org.value]
        org_parts = [t for t in (_text(v) for v in parts) if t]
    emails = []
    for value in _values(contents, "email"):
        email = normalise_email(value)
        if email:
            emails.append(email)
        else:
            extra["email"] = f"{extra['email']}; {value}" if "email" in extra else value
            warnings.append(f"'{value}' in EMAIL is not an e-mail address; kept as extra")
    phones = [v.removeprefix("tel:") for v in _values(contents, "tel")]
    linkedin_url = ""
    for key in ("url", "x-socialprofile"):
        for value in _values(contents, key):
            url = normalise_linkedin_url(value)
            if url and not linkedin_url:
                linkedin_url = url
                continue
            extra[key] = f"{extra[key]}; {value}" if key in extra else value
            warning = odd_url_warning(value, key.upper())
            if warning:
                warnings.append(warning)
    tags: list[str] = []
    for category in contents.get("categories", []):
        value = category.value
        items = value if isinstance(value, list) else str(value).split(",")
        tags += [t for t in (_text(i) for i in items) if t]
    kind = _text(contents["kind"][0].value).casefold() if contents.get("kind") else ""
    show_as = (
        _text(contents["x-abshowas"][0].value).casefold() if contents.get("x-abshowas") else ""
    )
    if kind == "org" or show_as == "company":
        warnings.append(
            "this card is an organisation, not a person; it was imported, but check that you "
            "want it among your contacts"
        )
    elif kind and kind not in ("individual", ""):
        extra["kind"] = kind
    for key, lines in contents.items():
        if key in _MAPPED or key in _IGNORED or key == "x-socialprofile":
            continue
        for content in lines:
            params = getattr(content, "params", {}) or {}
            if isinstance(content.value, bytes) or "b" in [
                str(e).casefold() for e in params.get("ENCODING", [])
            ]:
                continue  # binary data (an image, a key): not kept
            text = _text(content.value)
            label = labels.get(content.group) if content.group else None
            if text:
                text = f"{text} ({label})" if label else text
                extra[key] = f"{extra[key]}; {text}" if key in extra else text
    if len(phones) > 1:
        extra["other_phones"] = "; ".join(phones[1:])
    name = _name(contents)
    if not name:
        hints = [org_parts[0] if org_parts else "", *emails[:1], *phones[:1]]
        return ParsedRecord(line, None, no_name_problem(hints), warnings)
    contact = Contact(
        name=name,
        organisation=org_parts[0] if org_parts else "",
        function=" / ".join(org_parts[1:]),
        role=(_values(contents, "title") or [""])[0],
        email=emails[0] if emails else "",
        emails=tuple(dict.fromkeys(emails)),
        phone=phones[0] if phones else "",
        linkedin_url=linkedin_url,
        tags=tuple(dict.fromkeys(tags)),
        notes="\n".join(_values(contents, "note")),
        source="vcard",
        extra=extra,
    )
    if len(_values(contents, "title")) > 1:
        extra["other_titles"] = "; ".join(_values(contents, "title")[1:])
    return ParsedRecord(line, contact, warnings=warnings)


def _for_vobject(prepared: list[str]) -> str:
    """The prepared lines as one text for ``vobject.readOne(..., allowQP=True)``.

    The lines are unfolded and decoded already. vobject's reader for
    ``allowQP=False`` cuts lines with a regular expression that holds about
    150 bytes per character of a line (a 1 MB NOTE took 155 MB); with
    ``allowQP=True`` it reads line by line, and would only join a line ending
    in ``=`` that mentions quoted-printable to the next one: a blank line
    after such a line stops that.

    Examples
    --------
    >>> _for_vobject(["BEGIN:VCARD", "NOTE:quoted-printable a=", "END:VCARD"]).split("\\r\\n")
    ['BEGIN:VCARD', 'NOTE:quoted-printable a=', '', 'END:VCARD', '']
    """
    lines: list[str] = []
    for line in prepared:
        lines.append(line)
        if line.endswith("=") and "quoted-printable" in line.lower():
            lines.append("")
    lines.append("")
    return "\r\n".join(lines)


def parse_text(text: str, *, charsets: bool = True) -> Iterator[ParsedRecord]:
    """Read every card of a vCard file, one record a card.

    *text* may hold the bytes that are not UTF-8 as surrogate escapes (see
    :func:`leadnet_helpers.importers.decode.decode_vcard`); each value is then
    decoded with the ``CHARSET`` its line declares (else UTF-8, else
    Windows-1252) when *charsets* is true. A line that is not a property is
    skipped with a warning; the card is kept.

    Examples
    --------
    >>> records = list(
    ...     parse_text(
    ...         "BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nFN:Ada Brooks\\r\\n"
    ...         "ORG:Riverside Hospital;Nursing\\r\\n# note\\r\\nEND:VCARD\\r\\n"
    ...     )
    ... )
    >>> c = records[0].contact
    >>> records[0].line, c.name, c.organisation, c.function
    (1, 'Ada Brooks', 'Riverside Hospital', 'Nursing')
    >>> records[0].warnings
    ["line 5 ('# note') is not a vCard property we can read; that line was skipped and the rest of the card kept"]
    """
    import vobject  # imported here: only needed for vCard files

    for line, lines, problem in _cards(text):
        if problem:
            yield ParsedRecord(line, None, f"{problem}: export this contact again")
            continue
        try:
            prepared, skipped = _prepare(lines, charsets=charsets)
            card = vobject.readOne(_for_vobject(prepared), allowQP=True)
            record = card_record(line, card)
            record.warnings[:0] = skipped
        except Exception:  # noqa: BLE001 - vobject fails in many ways on broken cards
            record = ParsedRecord(
                line,
                None,
                "this card cannot be read as a vCard; the other cards are not affected: export "
                "this contact again, or correct the card in a text editor",
            )
        yield record
