"""Notebook 00's start: the person's profile, checked before a workspace is created.

:mod:`leadnet_helpers.workbook` creates or opens the workspace.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import LeadNetError
from ..model import CAREER_STAGES, Profile, normalise_text

__all__ = ["PROFILE_FIELDS", "profile_from_form"]

#: The fields of the profile form, in order.
PROFILE_FIELDS = ("name", "organisation", "role", "function", "industry", "career_stage")


def profile_from_form(values: Mapping[str, object]) -> Profile:
    """Check the profile form and build a :class:`~leadnet_helpers.model.Profile`.

    Raises
    ------
    LeadNetError
        When the name is empty or the career stage is not one of the stages.

    Examples
    --------
    >>> profile_from_form({"name": " Ana Lima ", "career_stage": "business leader"}).name
    'Ana Lima'
    """
    cells = {k: normalise_text(values.get(k, "")) for k in PROFILE_FIELDS}
    if not cells["name"]:
        raise LeadNetError(
            "your workspace needs your name",
            fix="Type your name in the Your name box, then press Create.",
        )
    if cells["career_stage"] and cells["career_stage"] not in CAREER_STAGES:
        raise LeadNetError(
            f"'{cells['career_stage']}' is not a career stage", fix="Choose one from the list."
        )
    return Profile(**cells)
