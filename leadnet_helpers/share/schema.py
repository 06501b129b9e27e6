"""The share document's format: its name, version, fields and the values each may hold.

One home for the format, read by both sides: :mod:`.document` builds a share
field by field from it, and :mod:`leadnet_helpers.cohort` validates every file
a coach receives against it. Anything not listed here is not written, and a
file holding anything else is refused.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import CAREER_STAGES, NETWORK_TYPES

__all__ = [
    "CHOICE_FIELDS",
    "CUSTOM_ACTION",
    "FIELDS",
    "FINDING_FIELDS",
    "MIX_KEYS",
    "NETWORK_FIELDS",
    "NUMBER_KEY",
    "PSEUDONYM_MAX",
    "SCHEMA",
    "SHARE_ID",
    "VERSION",
    "action_kinds",
    "finding_titles",
    "stages",
]

#: The document's name (its ``schema`` field) and format version.
SCHEMA = "leadnet-share"
VERSION = 1

#: The top-level fields, in the order they are written.
FIELDS = (
    "schema",
    "version",
    "share_id",
    "date",
    "career_stage",
    "pseudonym",
    "network",
    "findings",
    "actions",
    "offers",
    "asks",
)
#: The fields of ``network`` and of each entry of ``findings``, ``offers`` and ``asks``.
NETWORK_FIELDS = ("contacts", "mix", "target")
FINDING_FIELDS = ("key", "value", "severity", "is_gap")
CHOICE_FIELDS = ("kind", "area", "phrase")

#: A share id: 32 hexadecimal digits (see ``Workspace.share_id``).
SHARE_ID = re.compile(r"[0-9a-f]{32}")
#: The keys a finding's value may have when it is a mapping of numbers (e.g. ``operational``).
NUMBER_KEY = re.compile(r"[a-z][a-z_]{0,39}")
#: The longest pseudonym.
PSEUDONYM_MAX = 40
#: The network types, the keys of ``network.mix`` and ``network.target``.
MIX_KEYS = NETWORK_TYPES
#: The kind written for an action the person wrote themself.
CUSTOM_ACTION = "custom"


def stages() -> tuple[str, ...]:
    """The career stages a share may name (``""`` when the person gave none).

    Examples
    --------
    >>> stages()[0], "first-time team lead" in stages()
    ('', True)
    """
    return ("", *CAREER_STAGES)


@cache
def finding_titles() -> dict[str, str]:
    """Every finding key the workbook computes, with its title, in the dashboard's order.

    Read from the diagnostics themselves (an empty network's analysis), so a
    new diagnostic is shareable without editing this module.

    Examples
    --------
    >>> t = finding_titles()
    >>> t["balance"], "keep_warm" in t
    ('Balance of the three networks', True)
    """
    from ..analysis import analyse
    from ..model import Profile
    from ..network import network_from

    empty = analyse(network_from(Profile(name=""), []), "2026-01-01")
    return {f.key: f.title for f in empty.findings}


@cache
def action_kinds() -> tuple[str, ...]:
    """The kinds a planned action may be: the plan's template ids and ``custom``.

    Examples
    --------
    >>> "reconnect_dormant" in action_kinds(), action_kinds()[-1]
    (True, 'custom')
    """
    from ..plan.templates import load_templates

    ids = [t["id"] for t in load_templates()["templates"] if not t["id"].startswith("_")]
    return (*ids, CUSTOM_ACTION)
