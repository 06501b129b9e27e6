"""Sharing with a coach: an anonymised file of numbers and categories, previewed first.

One idea per module:

- :mod:`.schema`: the format (name, version, fields, allowed values), read by both sides
- :mod:`.offers`: what a person offers the room and asks it for (fixed kinds and areas)
- :mod:`.privacy`: the names that must never leave, and the check that a text holds none
- :mod:`.document`: building a share from the analysis and the plan, and writing it
- :mod:`.preview`: the share in plain words, shown before anything is written

The coach's side, reading a folder of shares, is :mod:`leadnet_helpers.cohort`.
"""

from .document import (
    build_share,
    check_choices,
    check_pseudonym,
    check_target,
    share_json,
    write_share,
)
from .offers import Choice, choice_text, load_choices, parse_choice
from .preview import preview_text
from .privacy import Names, private_names
from .schema import SCHEMA, VERSION

__all__ = [
    "SCHEMA",
    "VERSION",
    "Choice",
    "Names",
    "build_share",
    "check_choices",
    "check_pseudonym",
    "check_target",
    "choice_text",
    "load_choices",
    "parse_choice",
    "preview_text",
    "private_names",
    "share_json",
    "write_share",
]
