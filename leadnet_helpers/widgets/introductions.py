"""How we met: how many contacts came through an introduction, and through whom.

Uzzi and Dunlap (2005) suggest a quick test: for each key contact, note who
introduced you. If you introduced yourself to most of them, your network
probably mirrors you (people like you, met in places you already go). This
view only counts; notebook 03 turns the counts into a diagnosis.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..app.introductions import IntroductionCounts, introductions_of
from ..app.workspace import watch, workspace_model
from ..store import Workspace
from .feedback import error_text, message_html

__all__ = ["IntroductionsView", "introductions_html", "introductions_view"]


def introductions_html(counts: IntroductionCounts) -> str:
    """Say the counts in words (escaped).

    Examples
    --------
    >>> "1 through an introduction" in introductions_html(
    ...     IntroductionCounts(2, 1, 1, 0, (("Ada", 1),))
    ... )
    True
    """
    if counts.total == 0:
        return "<p>No contacts yet.</p>"
    recorded = counts.by_me + counts.by_others
    if not recorded:
        return (
            f"<p>None of your {counts.total:,} contacts has 'who introduced us' filled in "
            "yet. Add it in the prompt forms or the contacts table.</p>"
        )
    text = (
        f"<p>Of the {recorded:,} contacts where you noted how you met, you introduced "
        f"yourself to {counts.by_me:,} ({counts.by_me / recorded:.0%}) and met "
        f"{counts.by_others:,} through an introduction."
    )
    if counts.not_recorded:
        text += f" {counts.not_recorded:,} more are not recorded yet."
    text += "</p>"
    if counts.top_introducers:
        people = ", ".join(f"{html.escape(n)} ({k})" for n, k in counts.top_introducers)
        text += f"<p>Who introduced you most often: {people}.</p>"
    return text


class IntroductionsView(widgets.HTML):
    """The counts, refreshed whenever the contacts change."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.add_class("leadnet-introductions")
        watch(workspace_model(ws), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Count again."""
        try:
            self.value = introductions_html(introductions_of(self.ws))
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            self.value = message_html("error", error_text(err))


def introductions_view(ws: Workspace) -> IntroductionsView:
    """Show how the contacts of *ws* came into the network (see :func:`~leadnet_helpers.app.introductions.introduction_counts`)."""
    return IntroductionsView(ws)
