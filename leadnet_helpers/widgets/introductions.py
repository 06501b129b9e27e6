"""How we met: how many contacts came through an introduction, and through whom.

Uzzi and Dunlap (2005) suggest a quick test: for each key contact, note who
introduced you. If you introduced yourself to most of them, your network
probably mirrors you (people like you, met in places you already go). This
view only counts; notebook 03 turns the counts into a diagnosis.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import ipywidgets as widgets

from ..app.workspace import watch, workspace_model
from ..model import Contact, name_key
from ..rules import is_self_introduced
from ..store import Workspace
from .feedback import error_text, message_html

__all__ = [
    "IntroductionCounts",
    "IntroductionsView",
    "introduction_counts",
    "introductions_html",
    "introductions_view",
]


@dataclass(frozen=True, slots=True)
class IntroductionCounts:
    """Contacts by who introduced them: me, someone, or not recorded."""

    total: int
    by_me: int
    by_others: int
    not_recorded: int
    top_introducers: tuple[tuple[str, int], ...]


def introduction_counts(contacts: Iterable[Contact], top: int = 5, *,
                        own_name: str = "") -> IntroductionCounts:
    """Count how contacts came into the network.

    "Me" is decided by :func:`~leadnet_helpers.rules.is_self_introduced` and
    introducers are grouped by :func:`~leadnet_helpers.model.name_key`, as the
    brokers diagnostic does, so notebook 01 and notebook 03 agree.

    Examples
    --------
    >>> people = [Contact("A", introduced_by="myself"), Contact("B", introduced_by="Ada"),
    ...           Contact("C", introduced_by="ada"), Contact("D")]
    >>> introduction_counts(people)
    IntroductionCounts(total=4, by_me=1, by_others=2, not_recorded=1, top_introducers=(('Ada', 2),))
    """
    total = by_me = missing = 0
    names: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for contact in contacts:
        total += 1
        who = contact.introduced_by.strip()
        if not who:
            missing += 1
        elif is_self_introduced(who, own_name):
            by_me += 1
        else:
            key = name_key(who)
            spelling.setdefault(key, who)
            names[key] += 1
    ranked = tuple((spelling[k], n) for k, n in names.most_common(top))
    return IntroductionCounts(total, by_me, sum(names.values()), missing, ranked)


def introductions_html(counts: IntroductionCounts) -> str:
    """Say the counts in words (escaped).

    Examples
    --------
    >>> "1 through an introduction" in introductions_html(IntroductionCounts(2, 1, 1, 0, (("Ada", 1),)))
    True
    """
    if counts.total == 0:
        return "<p>No contacts yet.</p>"
    recorded = counts.by_me + counts.by_others
    if not recorded:
        return (f"<p>None of your {counts.total:,} contacts has 'who introduced us' filled in "
                "yet. Add it in the prompt forms or the contacts table.</p>")
    text = (f"<p>Of the {recorded:,} contacts where you noted how you met, you introduced "
            f"yourself to {counts.by_me:,} ({counts.by_me / recorded:.0%}) and met "
            f"{counts.by_others:,} through an introduction.")
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
            profile = self.ws.profile()
            counts = introduction_counts(workspace_model(self.ws).contacts(),
                                         own_name=profile.name if profile else "")
            self.value = introductions_html(counts)
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            self.value = message_html("error", error_text(err))


def introductions_view(ws: Workspace) -> IntroductionsView:
    """Show how the contacts of *ws* came into the network (see :func:`introduction_counts`)."""
    return IntroductionsView(ws)
