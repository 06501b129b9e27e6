"""The overview of notebook 02: every contact grouped by network, to check and override.

The view and the triage cards (:mod:`.triage`) share one *board*: a table with
one row per contact (the classifier's suggestion or the person's decision,
with reasons, questions and confidence, plus where the contact sits, inside
or outside). The board is computed once per change of the contacts
(:func:`current_board`) and patched in place when the person decides
(:func:`decide`, :func:`decide_many`) or answers a question
(:func:`answer`), so a click stays quick with 30,000 contacts.

Filtering, grouping, paging and choosing the "high confidence" suggestions
for a bulk confirm are plain functions of the board, tested without a
browser. The view shows one page per group (ten contacts each by default) and
reuses the same row widgets from page to page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..classify import classify, classify_workspace, in_force, save_suggestions
from ..classify import confirm as confirm_one
from ..classify import confirm_many as confirm_ids
from ..errors import LeadNetError
from ..model import NETWORK_TYPES, Contact, Profile
from ..rules import NETWORK_STYLES, locations
from ..store import Workspace
from . import events
from .feedback import error_text, feedback_widget, guarded, message_html, show

__all__ = [
    "BOARD_COLUMNS",
    "CONFIDENCE_FILTERS",
    "HIGH_CONFIDENCE",
    "NETWORK_STYLE",
    "PAGE_SIZE",
    "WHERE_FILTERS",
    "OverviewView",
    "answer",
    "board_from",
    "confidence_band",
    "confidence_words",
    "current_board",
    "decide",
    "decide_many",
    "empty_message",
    "filter_board",
    "group_counts",
    "group_page",
    "high_confidence_ids",
    "overview_view",
    "subscribe_board",
    "summary_text",
]

#: A suggestion at least this confident (and not flagged for review) counts as "high".
HIGH_CONFIDENCE = 0.8
#: Contacts shown per group and page in the overview.
PAGE_SIZE = 10
#: Columns of the board, in order.
BOARD_COLUMNS = (
    "contact_id", "name", "organisation", "role", "where", "network_type", "secondary_types",
    "confidence", "needs_review", "reasons", "questions", "decided_by", "suggested_type",
    "name_rank",
)
#: Colour, text colour and shape (glyph) per network, from the one home of the
#: network style (:data:`leadnet_helpers.rules.NETWORK_STYLES`).
NETWORK_STYLE: Mapping[str, tuple[str, str, str]] = {
    t: (NETWORK_STYLES[t].colour, NETWORK_STYLES[t].text_colour, NETWORK_STYLES[t].glyph)
    for t in NETWORK_TYPES
}
#: What each network does, in a few words (button descriptions, group headings).
NETWORK_JOB = {
    "operational": "gets today's work done",
    "personal": "helps you grow",
    "strategic": "helps you see and shape what comes next",
}
#: The confidence filter: value -> label.
CONFIDENCE_FILTERS = {
    "all": "any confidence",
    "low": "low: needs your review",
    "medium": "medium",
    "high": "high",
    "yours": "decided by you",
}
#: The inside/outside filter: value -> label.
WHERE_FILTERS = {
    "all": "inside or outside",
    "inside": "inside your organisation",
    "outside": "outside your organisation",
    "unknown": "not known yet",
}
_DECIDED_REASON = "you confirmed this yourself (your decision)"  # as classify_workspace says
_EMPTY = ("There are no contacts in this workspace yet, so there is nothing to classify. "
          "Add some in notebook 01_map_your_contacts (answer the prompts or import an "
          "export), then come back and run this notebook again.")


# --------------------------------------------------------------------------- words


def confidence_words(confidence: float, needs_review: bool, decided_by: str) -> str:
    """Say how sure the suggestion is, in words.

    Examples
    --------
    >>> confidence_words(0.32, True, "rules")
    'low confidence: needs your review'
    >>> confidence_words(0.6, False, "rules"), confidence_words(0.9, False, "rules")
    ('medium confidence: worth a second look', 'high confidence')
    >>> confidence_words(1.0, False, "person")
    'your decision'
    """
    if decided_by == "person":
        return "your decision"
    if needs_review:
        return "low confidence: needs your review"
    if confidence >= HIGH_CONFIDENCE:
        return "high confidence"
    return "medium confidence: worth a second look"


def empty_message() -> str:
    """The friendly message shown when a workspace has no contacts (escaped HTML).

    Examples
    --------
    >>> "01_map_your_contacts" in empty_message()
    True
    """
    return message_html("info", _EMPTY)


# --------------------------------------------------------------------------- the board


def board_from(
    contacts: Sequence[Contact], classified: pd.DataFrame, profile: Profile | None = None
) -> pd.DataFrame:
    """Join the classifier's frame with what the overview shows of each contact.

    Parameters
    ----------
    contacts : sequence of Contact
        The workspace's contacts (with ids).
    classified : DataFrame
        :func:`~leadnet_helpers.classify.classify_workspace` for them.
    profile : Profile, optional
        The leader; a contact whose inside/outside is not recorded counts as
        inside when their organisation is the leader's, outside when it is
        another one.

    Returns
    -------
    DataFrame
        Columns :data:`BOARD_COLUMNS`; ``where`` is ``"inside"``,
        ``"outside"`` or ``""``; ``name_rank`` orders the names alphabetically.

    Examples
    --------
    >>> people = [Contact("Bo", id=1, inside_org=False), Contact("Ada", id=2,
    ...           organisation="Contoso")]
    >>> board = board_from(people, classify(people), Profile("Me", organisation="contoso"))
    >>> board[["name", "where", "name_rank"]].values.tolist()
    [['Bo', 'outside', 1], ['Ada', 'inside', 0]]
    """
    my_org = profile.organisation if profile else ""
    info = pd.DataFrame({
        "contact_id": pd.array([c.id for c in contacts], dtype="Int64"),
        "organisation": [c.organisation for c in contacts],
        "role": [c.role for c in contacts],
        "where": locations([c.inside_org for c in contacts], [c.organisation for c in contacts],
                           my_org).tolist(),
    }, columns=["contact_id", "organisation", "role", "where"])
    frame = classified.drop(columns=["organisation", "role", "where"], errors="ignore")
    if frame.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in BOARD_COLUMNS})
    board = frame.merge(info, on="contact_id", how="left")
    for col in ("organisation", "role", "where"):
        board[col] = board[col].fillna("").astype(object)
    keys = board["name"].astype(str).str.casefold().to_numpy(dtype=object)
    rank = np.empty(len(board), dtype=np.int64)
    rank[np.argsort(keys, kind="stable")] = np.arange(len(board))
    board["name_rank"] = rank
    board["contact_id"] = board["contact_id"].astype("int64")
    return board[list(BOARD_COLUMNS)].reset_index(drop=True)


@dataclass(slots=True)
class _Cached:
    stamp: tuple[object, ...]
    board: pd.DataFrame
    rows: dict[int, int]  # contact id -> row position


_boards: dict[str, _Cached] = {}
_key, _stamp = events.workspace_key, events.change_stamp


def _cached(ws: Workspace) -> _Cached:
    key, stamp = _key(ws), _stamp(ws)
    cached = _boards.get(key)
    if cached is None or cached.stamp != stamp:
        board = board_from(events.contacts(ws), classify_workspace(ws), ws.profile())
        ids = board["contact_id"].to_numpy(dtype=np.int64) if len(board) else []
        cached = _Cached(stamp, board, {int(i): n for n, i in enumerate(ids)})
        _boards[key] = cached
    return cached


def current_board(ws: Workspace) -> pd.DataFrame:
    """The board of *ws*: classified once per change of its contacts, then shared.

    Decisions made through :func:`decide`, :func:`decide_many` and
    :func:`answer` patch it in place; any other change to the contacts (an
    edit, an import, an undo) makes the next call classify again. Treat the
    frame as read-only.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> ws = open_sample()
    >>> len(current_board(ws)) == ws.count_contacts()
    True
    """
    return _cached(ws).board


def forget_board(ws: Workspace) -> None:
    """Drop the cached board of *ws* (the next :func:`current_board` classifies again)."""
    _boards.pop(_key(ws), None)


def subscribe_board(ws: Workspace, method: Callable[[], None]) -> None:
    """Call *method* (a bound method of a view) whenever a decision about *ws* changes."""
    events.subscribe(ws, method, topic="decisions")


def _notify(ws: Workspace, source: object) -> None:
    events.notify(ws, source=source, topic="decisions")


def _mark_decided(board: pd.DataFrame, rows: Sequence[int], kinds: Sequence[str]) -> None:
    """Show *rows* as the person's decisions: the one rule, :func:`~..classify.in_force`."""
    if not len(rows):
        return
    rows = list(rows)
    ids = [int(board.at[r, "contact_id"]) for r in rows]
    held = in_force(board.loc[rows].reset_index(drop=True), dict(zip(ids, kinds, strict=True)))
    for col in ("network_type", "secondary_types", "confidence", "needs_review", "decided_by",
                "reasons", "questions"):
        values = held[col].tolist()
        for j, row in enumerate(rows):
            board.at[row, col] = tuple(values[j]) if isinstance(values[j], list) else values[j]


def decide(ws: Workspace, contact_id: int, network_type: str, *, source: object = None) -> str:
    """Record the person's decision for one contact and update the shared board.

    Parameters
    ----------
    ws : Workspace
    contact_id : int
    network_type : str
        ``"operational"``, ``"personal"`` or ``"strategic"``.
    source : object, optional
        The view that made the change (it is not told about its own change).

    Returns
    -------
    str
        The contact's name.

    Raises
    ------
    LeadNetError
        For an unknown network type or contact.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> ws = open_sample()
    >>> first = int(current_board(ws)["contact_id"][0])
    >>> decide(ws, first, "strategic")
    'Gareth Pryce'
    >>> classify_workspace(ws).loc[0, ["network_type", "decided_by"]].tolist()
    ['strategic', 'person']
    """
    confirm_one(ws, contact_id, network_type)
    cached = _cached(ws)
    row = cached.rows.get(int(contact_id))
    if row is None:  # added elsewhere since the board was built
        forget_board(ws)
        cached = _cached(ws)
        row = cached.rows[int(contact_id)]
    _mark_decided(cached.board, [row], [network_type])
    _notify(ws, source)
    return str(cached.board.at[row, "name"])


def decide_many(ws: Workspace, contact_ids: Iterable[int], *, source: object = None) -> int:
    """Confirm the suggestions of several contacts (as the board shows them) at once.

    Returns
    -------
    int
        How many contacts were confirmed.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> ws = open_sample()
    >>> ids = high_confidence_ids(current_board(ws))
    >>> decide_many(ws, ids) == len(ids) and not high_confidence_ids(current_board(ws))
    True
    """
    cached = _cached(ws)
    wanted = [int(i) for i in dict.fromkeys(contact_ids) if int(i) in cached.rows]
    if not wanted:
        return 0
    rows = [cached.rows[i] for i in wanted]
    kinds = cached.board["network_type"].to_numpy(dtype=object)[rows]
    done = 0
    for kind in NETWORK_TYPES:  # one transaction per type, with the type the board shows
        ids = [i for i, k in zip(wanted, kinds, strict=True) if k == kind]
        if ids:
            done += confirm_ids(ws, ids, kind)
    _mark_decided(cached.board, rows, list(kinds))
    _notify(ws, source)
    return done


def answer(ws: Workspace, contact_id: int, changes: Mapping[str, str], *,
           source: object = None) -> pd.Series:
    """Save an answer about a contact and classify that contact again.

    The contact is updated (``ws.update_contact``), its new suggestion saved
    (a decision the person made is never touched) and its board row replaced,
    without classifying the whole workspace again.

    Returns
    -------
    Series
        The contact's new board row.

    Examples
    --------
    >>> import os, tempfile
    >>> from leadnet_helpers.store import Workspace
    >>> ws = Workspace.create(os.path.join(tempfile.mkdtemp(), "w.leadnet.sqlite"),
    ...                       Profile("Ana", organisation="Contoso"))
    >>> cid = ws.add_contact(Contact("Dmitri Sokolov"))
    >>> answer(ws, cid, {"orientation": "future"})["network_type"]
    'strategic'
    """
    contact = ws.update_contact(int(contact_id), **dict(changes))
    profile = ws.profile()
    fresh = classify([contact], profile)
    save_suggestions(ws, fresh)
    key, cached = _key(ws), _boards.get(_key(ws))
    if cached is None or int(contact_id) not in cached.rows:
        forget_board(ws)
        cached = _cached(ws)
    else:
        row = cached.rows[int(contact_id)]
        new = board_from([contact], fresh, profile).iloc[0]
        decided = ws.decisions().get(int(contact_id), {})
        for col in BOARD_COLUMNS:
            if col not in ("contact_id", "name_rank"):
                cached.board.at[row, col] = new[col]
        if decided.get("decided_by") == "person":
            _mark_decided(cached.board, [row], [str(decided["network_type"])])
        cached.stamp = _stamp(ws)  # the board is current again: no full re-run
        _boards[key] = cached
    events.changed(ws, source=source)  # the contact changed: tell every view
    return cached.board.iloc[cached.rows[int(contact_id)]]


# --------------------------------------------------------------------------- filtering


def confidence_band(board: pd.DataFrame) -> np.ndarray:
    """Each row's band: ``"yours"``, ``"low"``, ``"medium"`` or ``"high"``.

    Examples
    --------
    >>> frame = pd.DataFrame({"decided_by": ["person", "rules", "rules", "rules"],
    ...                       "needs_review": [False, True, False, False],
    ...                       "confidence": [1.0, 0.3, 0.6, 0.95]})
    >>> confidence_band(frame).tolist()
    ['yours', 'low', 'medium', 'high']
    """
    person = board["decided_by"].to_numpy(dtype=object) == "person"
    review = board["needs_review"].to_numpy(dtype=bool)
    high = board["confidence"].to_numpy(dtype=float) >= HIGH_CONFIDENCE
    return np.select([person, review, high], ["yours", "low", "high"], "medium").astype(object)


def filter_board(
    board: pd.DataFrame,
    *,
    network_type: str = "all",
    confidence: str = "all",
    where: str = "all",
    query: str = "",
) -> pd.DataFrame:
    """The contacts that pass the overview's filters.

    Parameters
    ----------
    board : DataFrame
        From :func:`current_board` or :func:`board_from`.
    network_type : str
        ``"all"`` or one of the three networks.
    confidence : str
        A key of :data:`CONFIDENCE_FILTERS`.
    where : str
        A key of :data:`WHERE_FILTERS`.
    query : str
        Words that must all occur in the name, organisation or role.

    Examples
    --------
    >>> people = [Contact("Ada Brooks", id=1, relationship="my manager", inside_org=True),
    ...           Contact("Bo Chen", id=2, relationship="board member", inside_org=False)]
    >>> board = board_from(people, classify(people))
    >>> filter_board(board, where="outside")["name"].tolist()
    ['Bo Chen']
    >>> filter_board(board, network_type="operational", query="ada")["name"].tolist()
    ['Ada Brooks']
    """
    if board.empty:
        return board
    keep = np.ones(len(board), dtype=bool)
    if network_type in NETWORK_TYPES:
        keep &= board["network_type"].to_numpy(dtype=object) == network_type
    if confidence in CONFIDENCE_FILTERS and confidence != "all":
        keep &= confidence_band(board) == confidence
    if where in WHERE_FILTERS and where != "all":
        keep &= board["where"].to_numpy(dtype=object) == ("" if where == "unknown" else where)
    words = query.casefold().split()
    if words:
        text = (board["name"].astype(str) + " " + board["organisation"].astype(str) + " "
                + board["role"].astype(str)).str.casefold()
        for word in words:
            keep &= text.str.contains(word, regex=False).to_numpy(dtype=bool)
    return board[keep]


def group_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many contacts each network holds.

    Examples
    --------
    >>> group_counts(pd.DataFrame({"network_type": ["personal", "personal"]}))
    {'operational': 0, 'personal': 2, 'strategic': 0}
    """
    counts = frame["network_type"].value_counts() if len(frame) else {}
    return {t: int(counts.get(t, 0)) for t in NETWORK_TYPES}


def group_page(
    frame: pd.DataFrame, network_type: str, page: int, size: int = PAGE_SIZE
) -> tuple[pd.DataFrame, int, int]:
    """One page of one group, in alphabetical order of names.

    Returns
    -------
    (DataFrame, int, int)
        The rows, the page shown (clamped to the pages there are) and the
        number of pages (at least one).

    Examples
    --------
    >>> people = [Contact(n, id=i, relationship="supplier") for i, n in enumerate("DCBA")]
    >>> rows, page, pages = group_page(board_from(people, classify(people)), "operational",
    ...                                page=9, size=3)
    >>> rows["name"].tolist(), page, pages
    (['D'], 2, 2)
    """
    if frame.empty:
        return frame, 1, 1
    mask = frame["network_type"].to_numpy(dtype=object) == network_type
    members = frame[mask]
    pages = max(1, -(-len(members) // size))
    page = min(max(1, page), pages)
    order = np.argsort(members["name_rank"].to_numpy(dtype=np.int64), kind="stable")
    start = (page - 1) * size
    return members.iloc[order[start:start + size]], page, pages


def high_confidence_ids(frame: pd.DataFrame, threshold: float = HIGH_CONFIDENCE) -> list[int]:
    """The suggestions safe to confirm in bulk: not yet decided, not flagged, confident.

    Examples
    --------
    >>> frame = pd.DataFrame({"contact_id": [1, 2, 3, 4],
    ...                       "decided_by": ["rules", "rules", "person", "rules"],
    ...                       "needs_review": [False, False, False, True],
    ...                       "confidence": [0.95, 0.6, 1.0, 0.9]})
    >>> high_confidence_ids(frame)
    [1]
    """
    if frame.empty:
        return []
    keep = ((frame["decided_by"].to_numpy(dtype=object) == "rules")
            & ~frame["needs_review"].to_numpy(dtype=bool)
            & (frame["confidence"].to_numpy(dtype=float) >= threshold))
    return [int(i) for i in frame["contact_id"].to_numpy()[keep]]


def summary_text(shown: pd.DataFrame, total: int) -> str:
    """One line saying what the filters show.

    Examples
    --------
    >>> summary_text(pd.DataFrame({"network_type": ["personal"], "decided_by": ["person"]}), 3)
    'Showing 1 of 3 contacts: 0 operational, 1 personal, 0 strategic; 1 decided by you.'
    """
    counts = group_counts(shown)
    yours = int((shown["decided_by"] == "person").sum()) if len(shown) else 0
    parts = ", ".join(f"{counts[t]:,} {t}" for t in NETWORK_TYPES)
    return (f"Showing {len(shown):,} of {total:,} contact{'' if total == 1 else 's'}: "
            f"{parts}; {yours:,} decided by you.")


def badge_html(network_type: str) -> str:
    """The network's name with its colour and shape (never colour alone).

    Examples
    --------
    >>> "\u25b2 strategic" in badge_html("strategic")
    True
    """
    colour, text, shape = NETWORK_STYLE.get(network_type, ("#555555", "#ffffff", "?"))
    return (f'<span class="leadnet-badge leadnet-badge-{html.escape(network_type)}" '
            f'style="background:{colour};color:{text};padding:1px 8px;border-radius:3px;white-space:nowrap;'
            f'font-weight:bold">{shape} {html.escape(network_type)}</span>')


def _row_detail(row: Mapping[str, object]) -> str:
    where = {"inside": "inside", "outside": "outside"}.get(str(row["where"]), "")
    bits = [str(x) for x in (row["organisation"], row["role"]) if x]
    words = confidence_words(float(row["confidence"]), bool(row["needs_review"]),
                             str(row["decided_by"]))
    reasons = [r for r in row["reasons"] if r != _DECIDED_REASON]
    first = reasons[0] if reasons else ""
    text = " · ".join(x for x in (", ".join(bits), where, words, first) if x)
    return f'<span style="line-height:1.35">{html.escape(text)}</span>'


# --------------------------------------------------------------------------- the view


class _Group(widgets.VBox):
    """One network's section: heading, a page of rows (reused), previous/next."""

    def __init__(self, network_type: str, size: int) -> None:
        self.network_type, self.page = network_type, 1
        colour, _text, _shape = NETWORK_STYLE[network_type]
        self.heading = widgets.HTML()
        self.previous = widgets.Button(description="Previous", tooltip="Previous page")
        self.next = widgets.Button(description="Next", tooltip="Next page")
        self.rows: list[tuple[widgets.HBox, widgets.Dropdown, widgets.HTML]] = []
        self.ids: list[int | None] = [None] * size
        for _ in range(size):
            choice = widgets.Dropdown(
                options=[(f"{NETWORK_STYLE[t][2]} {t}", t) for t in NETWORK_TYPES],
                description="", style={"description_width": "15em"},
                layout=widgets.Layout(width="29em"))
            choice.add_class("leadnet-overview-choice")
            detail = widgets.HTML()
            box = widgets.HBox([choice, detail], layout=widgets.Layout(display="none"))
            box.add_class("leadnet-overview-row")
            self.rows.append((box, choice, detail))
        pager = widgets.HBox([self.previous, self.next])
        super().__init__([self.heading, *(r[0] for r in self.rows), pager],
                         layout=widgets.Layout(border_left=f"6px solid {colour}",
                                               padding="0 0 0 10px", margin="8px 0"))
        self.add_class("leadnet-overview-group")
        self.add_class(f"leadnet-overview-group-{network_type}")
        self.pager = pager


class OverviewView(widgets.VBox):
    """Contacts grouped by network, filters, a dropdown per contact and a bulk confirm."""

    def __init__(self, ws: Workspace, page_size: int = PAGE_SIZE) -> None:
        self.ws, self.page_size = ws, page_size
        self.board = pd.DataFrame()
        self.shown = pd.DataFrame()
        self._quiet = False  # True while the view sets dropdowns itself
        self.feedback = feedback_widget()
        self.empty = widgets.HTML()
        self.empty.add_class("leadnet-overview-empty")
        style = {"description_width": "7em"}
        self.type_filter = widgets.Dropdown(
            options=[("all three networks", "all"), *[(t, t) for t in NETWORK_TYPES]],
            description="Network", style=style, layout=widgets.Layout(width="19em"))
        self.confidence_filter = widgets.Dropdown(
            options=[(label, key) for key, label in CONFIDENCE_FILTERS.items()],
            description="Confidence", style=style, layout=widgets.Layout(width="21em"))
        self.where_filter = widgets.Dropdown(
            options=[(label, key) for key, label in WHERE_FILTERS.items()],
            description="Where", style=style, layout=widgets.Layout(width="21em"))
        self.find = widgets.Text(description="Find", placeholder="name, organisation, role",
                                 continuous_update=False, style=style,
                                 layout=widgets.Layout(width="21em"))
        for name in ("type_filter", "confidence_filter", "where_filter", "find"):
            getattr(self, name).add_class(f"leadnet-overview-{name.replace('_', '-')}")
        self.summary = widgets.HTML()
        self.summary.add_class("leadnet-overview-summary")
        self.bulk = widgets.Button(description="Confirm high-confidence suggestions",
                                   button_style="primary",
                                   layout=widgets.Layout(width="auto", min_width="22em"))
        self.bulk.add_class("leadnet-overview-bulk")
        self.groups = {t: _Group(t, page_size) for t in NETWORK_TYPES}
        self.body = widgets.VBox([
            widgets.HBox([self.type_filter, self.confidence_filter]),
            widgets.HBox([self.where_filter, self.find]),
            self.summary, self.bulk, *self.groups.values(),
        ])
        super().__init__([self.empty, self.body, self.feedback])
        self.add_class("leadnet-overview-view")
        guard = guarded(self.feedback)
        for field in (self.type_filter, self.confidence_filter, self.where_filter, self.find):
            field.observe(guard(self._on_filter), names="value")
        self.bulk.on_click(guard(self._on_bulk))
        for group in self.groups.values():
            group.previous.on_click(guard(lambda _b, g=group: self._turn(g, -1)))
            group.next.on_click(guard(lambda _b, g=group: self._turn(g, +1)))
            for index, (_box, choice, _detail) in enumerate(group.rows):
                choice.observe(guard(lambda change, g=group, i=index: self._on_choice(g, i,
                                                                                   change)),
                               names="value")
        events.subscribe(ws, self.refresh)
        subscribe_board(ws, self.refresh)
        self.refresh()

    # ----------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Read the shared board again and show the current pages."""
        try:
            self.board = current_board(self.ws)
            self._apply_filters()
        except Exception as err:  # noqa: BLE001 - shown, never swallowed
            show(self.feedback, "error", error_text(err))

    def _apply_filters(self) -> None:
        if self.board.empty:
            self.empty.value = empty_message()
            self.body.layout.display = "none"
            return
        self.empty.value = ""
        self.body.layout.display = ""
        self.shown = filter_board(self.board, network_type=self.type_filter.value,
                                  confidence=self.confidence_filter.value,
                                  where=self.where_filter.value, query=self.find.value)
        self.summary.value = (f"<p role='status'>{html.escape(summary_text(self.shown, len(self.board)))}"
                              + ("" if len(self.shown) else " No contact matches these filters.")
                              + "</p>")
        ready = len(high_confidence_ids(self.shown))
        self.bulk.description = (f"Confirm {ready:,} high-confidence suggestion"
                                 f"{'' if ready == 1 else 's'}" if ready
                                 else "No high-confidence suggestions to confirm")
        self.bulk.tooltip = ("Keep the suggestion of every contact shown whose confidence is "
                             "high and who is not yet decided; each becomes your decision")
        self.bulk.disabled = ready == 0
        for group in self.groups.values():
            self._show_group(group)

    def _show_group(self, group: _Group) -> None:
        wanted = self.type_filter.value
        group.layout.display = "" if wanted in ("all", group.network_type) else "none"
        rows, group.page, pages = group_page(self.shown, group.network_type, group.page,
                                             self.page_size)
        total = group_counts(self.shown)[group.network_type]
        heading = (f"<h4 style='margin:4px 0'>{badge_html(group.network_type)} "
                   f"<span>{html.escape(NETWORK_JOB[group.network_type])}: "
                   f"{total:,} contact{'' if total == 1 else 's'}")
        if pages > 1:
            heading += f", page {group.page:,} of {pages:,}"
        group.heading.value = heading + "</span></h4>" + (
            "" if total else "<p>No contacts here with these filters.</p>")
        group.pager.layout.display = "" if pages > 1 else "none"
        group.previous.disabled = group.page <= 1
        group.next.disabled = group.page >= pages
        records = rows.to_dict("records") if len(rows) else []
        self._quiet = True
        try:
            for index, (box, choice, detail) in enumerate(group.rows):
                if index < len(records):
                    row = records[index]
                    group.ids[index] = int(row["contact_id"])
                    choice.description = str(row["name"])  # plain text, not HTML
                    choice.tooltip = f"Network for {row['name']}"
                    choice.value = str(row["network_type"])
                    detail.value = _row_detail(row)
                    box.layout.display = ""
                else:
                    group.ids[index] = None
                    box.layout.display = "none"
        finally:
            self._quiet = False

    # ----------------------------------------------------------------- events
    def _on_filter(self, _change: dict) -> None:
        for group in self.groups.values():
            group.page = 1
        self._apply_filters()

    def _turn(self, group: _Group, step: int) -> None:
        group.page += step
        self._show_group(group)

    def _on_choice(self, group: _Group, index: int, change: dict) -> None:
        if self._quiet:
            return
        contact_id = group.ids[index]
        if contact_id is None or change["new"] is None:
            return
        name = decide(self.ws, contact_id, change["new"], source=self)
        show(self.feedback, "ok", f"{name} is now in your {change['new']} network "
             "(your decision).")
        self._apply_filters()

    def _on_bulk(self, _button: widgets.Button) -> None:
        ids = high_confidence_ids(self.shown)
        if not ids:
            raise LeadNetError("there are no high-confidence suggestions to confirm here",
                               fix="Change the filters, or review contacts one at a time.")
        done = decide_many(self.ws, ids, source=self)
        show(self.feedback, "ok", f"Confirmed {done:,} suggestion{'' if done == 1 else 's'} "
             "as your decisions. You can still change any of them with its dropdown.")
        self._apply_filters()


def overview_view(ws: Workspace, page_size: int = PAGE_SIZE) -> OverviewView:
    """Show every contact of *ws* grouped by network, with filters and overrides.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> view = overview_view(open_sample())
    >>> view.summary.value.startswith("<p role='status'>Showing 54 of 54 contacts")
    True
    """
    return OverviewView(ws, page_size)
