"""The CSV formula guard, and how the workbook undoes it when it reads its own CSV back.

The rule, in one place (used by :func:`leadnet_helpers.export.safe_cell` on
the way out and by the template importer on the way in):

- A cell *needs the guard* when, after leading invisible characters (Unicode
  format characters such as the zero-width space ``U+200B`` and the byte
  order mark ``U+FEFF``, and other non-printing ones) are skipped and its
  first visible character is read in its compatibility form (NFKC, so the
  fullwidth ``＝ ＋ － ＠`` count as ``= + - @``), it starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return: a spreadsheet would run
  it as a formula.
- Such a cell is written with a leading apostrophe (``'``), as OWASP
  recommends for CSV injection; nothing else about it changes.
- On import, a cell that starts with ``'`` and whose rest needs the guard
  loses that one apostrophe: it was put there by the guard. Any other cell
  is read as written, so the export and the import are exact inverses.
"""

from __future__ import annotations

import unicodedata

__all__ = ["guard_cell", "needs_guard", "unguard_cell"]

_FORMULA_START = frozenset("=+-@\t\r")


def needs_guard(text: str) -> bool:
    """Whether a spreadsheet could run *text* as a formula (see the module's rule).

    Examples
    --------
    >>> [needs_guard(t) for t in ("=1+1", "\\u200b=1+1", "\\ufeff=1+1", "＝1+1", "Ada", "")]
    [True, True, True, True, False, False]
    """
    for char in text:
        if char in _FORMULA_START:
            return True
        if unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or char.isspace():
            continue  # invisible: look at what follows
        return unicodedata.normalize("NFKC", char)[:1] in _FORMULA_START
    return False


def guard_cell(value: object) -> str:
    """*value* as a CSV cell no spreadsheet runs as a formula.

    Examples
    --------
    >>> guard_cell("+44 20 7946 0958"), guard_cell("Ada"), guard_cell(None)
    ("'+44 20 7946 0958", 'Ada', '')
    """
    text = "" if value is None else str(value)
    return f"'{text}" if needs_guard(text) else text


def unguard_cell(text: str) -> str:
    """Undo :func:`guard_cell` on a cell read back from the workbook's own CSV.

    Examples
    --------
    >>> unguard_cell("'+44 20 7946 0958"), unguard_cell("'@ana_lima"), unguard_cell("'tis")
    ('+44 20 7946 0958', '@ana_lima', "'tis")
    """
    if text.startswith("'") and needs_guard(text[1:]):
        return text[1:]
    return text
