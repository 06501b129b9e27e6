"""Notebook 02's classification board: every contact's network, to check and decide.

The board is a table with one row per contact (the classifier's suggestion or
the person's decision, with reasons, questions and confidence, plus where the
contact sits, inside or outside). A :class:`BoardModel` builds it once per
change of the workspace (from :func:`~leadnet_helpers.analysis.classify_and_save`)
and patches it in place when the person decides (:meth:`BoardModel.decide`,
:meth:`BoardModel.decide_many`) or answers a question (:meth:`BoardModel.answer`),
so a click stays quick with 30,000 contacts. Views observe the model's
``revision``; the overview and the triage cards share one model per workspace
(:func:`board_model`).

Filtering, grouping, paging and choosing the "high confidence" suggestions
for a bulk confirm are plain functions of the board.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from traitlets import HasTraits, Int

from ..analysis import classify_and_save
from ..classify import classify, in_force, save_suggestions
from ..classify import confirm as confirm_one
from ..classify import confirm_many as confirm_ids
from ..model import NETWORK_TYPES, Contact, Profile
from ..rules import locations
from .workspace import per_workspace, watch, workspace_model

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "BOARD_COLUMNS",
    "CONFIDENCE_FILTERS",
    "EMPTY_TEXT",
    "HIGH_CONFIDENCE",
    "NETWORK_JOB",
    "PAGE_SIZE",
    "WHERE_FILTERS",
    "BoardModel",
    "answer",
    "board_from",
    "board_model",
    "confidence_band",
    "confidence_words",
    "current_board",
    "decide",
    "decide_many",
    "filter_board",
    "group_counts",
    "group_page",
    "high_confidence_ids",
    "summary_text",
]

#: A suggestion at least this confident (and not flagged for review) counts as "high".
HIGH_CONFIDENCE = 0.8
#: Contacts shown per group and page in the overview.
PAGE_SIZE = 10
#: Columns of the board, in order.
BOARD_COLUMNS = (
    "contact_id",
    "name",
    "organisation",
    "role",
    "where",
    "network_type",
    "secondary_types",
    "confidence",
    "needs_review",
    "reasons",
    "questions",
    "decided_by",
    "suggested_type",
    "name_rank",
)
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
#: What a decided row says among its reasons (as :func:`~..classify.in_force` says).
DECIDED_REASON = "you confirmed this yourself (your decision)"
#: What the board views say when the workspace has no contacts.
EMPTY_TEXT = (
    "There are no contacts in this workspace yet, so there is nothing to classify. "
    "Add some in notebook 01_map_your_contacts (answer the prompts or import an "
    "export), then come back and run this notebook again."
)


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
    >>> people = [
    ...     Contact("Bo", id=1, inside_org=False),
    ...     Contact("Ada", id=2, organisation="Contoso"),
    ... ]
    >>> board = board_from(people, classify(people), Profile("Me", organisation="contoso"))
    >>> board[["name", "where", "name_rank"]].values.tolist()
    [['Bo', 'outside', 1], ['Ada', 'inside', 0]]
    """
    my_org = profile.organisation if profile else ""
    info = pd.DataFrame(
        {
            "contact_id": pd.array([c.id for c in contacts], dtype="Int64"),
            "organisation": [c.organisation for c in contacts],
            "role": [c.role for c in contacts],
            "where": locations(
                [c.inside_org for c in contacts], [c.organisation for c in contacts], my_org
            ).tolist(),
        },
        columns=["contact_id", "organisation", "role", "where"],
    )
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


def _mark_decided(board: pd.DataFrame, rows: Sequence[int], kinds: Sequence[str]) -> None:
    """Show *rows* as the person's decisions: the one rule, :func:`~..classify.in_force`."""
    if not len(rows):
        return
    rows = list(rows)
    ids = [int(i) for i in board.loc[rows, "contact_id"].to_numpy(dtype=np.int64)]
    held = in_force(board.loc[rows].reset_index(drop=True), dict(zip(ids, kinds, strict=True)))
    for col in (
        "network_type",
        "secondary_types",
        "confidence",
        "needs_review",
        "decided_by",
        "reasons",
        "questions",
    ):
        values = held[col].tolist()
        for j, row in enumerate(rows):
            value = tuple(values[j]) if isinstance(values[j], list) else values[j]
            board.at[row, col] = value  # type: ignore[assignment]  # cells hold tuples too


class BoardModel(HasTraits):
    """The classification board of one workspace and the decisions made on it.

    Attributes
    ----------
    revision : int
        Bumped whenever the board changes (a decision, an answer, or any change
        told through :func:`~.workspace.workspace_model`); views observe it.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> ws = open_sample()
    >>> model = board_model(ws)
    >>> first = int(model.board["contact_id"][0])
    >>> model.decide(first, "strategic"), model.revision
    ('Gareth Pryce', 1)
    >>> model.row(first)[["network_type", "decided_by"]].tolist()
    ['strategic', 'person']
    """

    revision = Int(0, help="bumped whenever the board changed")

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = weakref.ref(ws)
        self.workspace = workspace_model(ws)
        self._stamp: object = None
        self._board: pd.DataFrame | None = None
        self._rows: dict[int, int] = {}  # contact id -> row position
        watch(self.workspace, self._on_workspace)

    @property
    def ws(self) -> Workspace:
        """The workspace (the model lives only as long as it does)."""
        ws = self._ws()
        if ws is None:  # pragma: no cover - forgotten with its workspace
            raise ReferenceError("the workspace is gone")
        return ws

    def _on_workspace(self) -> None:
        # the board itself notices a change of the file (see `board`); views re-read it
        self.revision += 1

    @property
    def board(self) -> pd.DataFrame:
        """The board: classified once per change of the workspace. Treat it as read-only."""
        if self._board is None or self._stamp != self.ws.revision():
            self._build()
        assert self._board is not None  # built just above
        return self._board

    def _build(self) -> None:
        made = classify_and_save(self.ws)
        board = board_from(self.workspace.contacts(), made.classification, made.profile)
        ids = board["contact_id"].to_numpy(dtype=np.int64) if len(board) else np.zeros(0, np.int64)
        self._board, self._rows = board, {int(i): n for n, i in enumerate(ids)}
        self._stamp = self.ws.revision()

    def _current(self) -> None:
        """Patched in place: the board is current again (no full re-run)."""
        self._stamp = self.ws.revision()
        self.revision += 1

    def row(self, contact_id: int) -> pd.Series:
        """One contact's row of the board."""
        board = self.board
        return board.iloc[self._rows[int(contact_id)]]

    def decide(self, contact_id: int, network_type: str) -> str:
        """Record the person's decision for one contact; return the contact's name.

        The row shows the decision in force (the decided network first, the
        rules' other fits as secondary).

        Raises
        ------
        LeadNetError
            For an unknown network type or contact.
        """
        board = self.board
        confirm_one(self.ws, contact_id, network_type)
        row = self._rows.get(int(contact_id))
        if row is None:  # added elsewhere since the board was built
            self._board = None
            _ = self.board  # built again, with the decision
            row = self._rows[int(contact_id)]
        else:
            _mark_decided(board, [row], [network_type])
        self._current()
        return str(self.board.at[row, "name"])

    def decide_many(self, contact_ids: Iterable[int]) -> int:
        """Confirm the suggestions of several contacts (as the board shows them); how many."""
        board = self.board
        wanted = [int(i) for i in dict.fromkeys(contact_ids) if int(i) in self._rows]
        if not wanted:
            return 0
        rows = [self._rows[i] for i in wanted]
        kinds = board["network_type"].to_numpy(dtype=object)[rows]
        done = 0
        for kind in NETWORK_TYPES:  # one transaction per type, with the type the board shows
            ids = [i for i, k in zip(wanted, kinds, strict=True) if k == kind]
            if ids:
                done += confirm_ids(self.ws, ids, kind)
        _mark_decided(board, rows, list(kinds))
        self._current()
        return done

    def answer(self, contact_id: int, changes: Mapping[str, str]) -> pd.Series:
        """Save an answer about a contact and classify that contact again; its new row.

        The contact is updated, its new suggestion saved (a decision the person
        made is never touched) and its row replaced, without classifying the
        whole workspace again. Every view of the workspace is told (the
        contact changed).
        """
        board, ws = self.board, self.ws
        contact = ws.update_contact(int(contact_id), expected=None, **dict(changes))
        profile = ws.profile()
        fresh = classify([contact], profile)
        save_suggestions(ws, fresh)
        row = self._rows.get(int(contact_id))
        if row is None:
            self._board = None
        else:
            new = board_from([contact], fresh, profile).iloc[0]
            for col in BOARD_COLUMNS:
                if col not in ("contact_id", "name_rank"):
                    board.at[row, col] = new[col]
            decided = ws.decisions().get(int(contact_id), {})
            if decided.get("decided_by") == "person":
                _mark_decided(board, [row], [str(decided["network_type"])])
            self._stamp = ws.revision()
        self.workspace.changed()  # the contact changed: tell every view (bumps `revision`)
        return self.row(contact_id)


@per_workspace
def board_model(ws: Workspace) -> BoardModel:
    """The one :class:`BoardModel` of *ws*, shared by the overview and the triage cards."""
    return BoardModel(ws)


def current_board(ws: Workspace) -> pd.DataFrame:
    """The board of *ws* (:attr:`BoardModel.board` of :func:`board_model`).

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> ws = open_sample()
    >>> len(current_board(ws)) == ws.count_contacts()
    True
    """
    return board_model(ws).board


def decide(ws: Workspace, contact_id: int, network_type: str) -> str:
    """Record the person's decision for one contact (:meth:`BoardModel.decide`).

    Examples
    --------
    >>> from leadnet_helpers.classify import classify_workspace
    >>> from leadnet_helpers.personas import open_sample
    >>> ws = open_sample()
    >>> first = int(current_board(ws)["contact_id"][0])
    >>> decide(ws, first, "strategic")
    'Gareth Pryce'
    >>> classify_workspace(ws).loc[0, ["network_type", "decided_by"]].tolist()
    ['strategic', 'person']
    """
    return board_model(ws).decide(contact_id, network_type)


def decide_many(ws: Workspace, contact_ids: Iterable[int]) -> int:
    """Confirm several suggestions at once (:meth:`BoardModel.decide_many`).

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> ws = open_sample()
    >>> ids = high_confidence_ids(current_board(ws))
    >>> decide_many(ws, ids) == len(ids) and not high_confidence_ids(current_board(ws))
    True
    """
    return board_model(ws).decide_many(contact_ids)


def answer(ws: Workspace, contact_id: int, changes: Mapping[str, str]) -> pd.Series:
    """Save an answer about a contact and classify it again (:meth:`BoardModel.answer`).

    Examples
    --------
    >>> import os, tempfile
    >>> from leadnet_helpers.store import Workspace
    >>> ws = Workspace.create(
    ...     os.path.join(tempfile.mkdtemp(), "w.leadnet.sqlite"),
    ...     Profile("Ana", organisation="Contoso"),
    ... )
    >>> cid = ws.add_contact(Contact("Dmitri Sokolov"))
    >>> answer(ws, cid, {"orientation": "future"})["network_type"]
    'strategic'
    """
    return board_model(ws).answer(contact_id, changes)


# --------------------------------------------------------------------------- filtering


def confidence_band(board: pd.DataFrame) -> np.ndarray:
    """Each row's band: ``"yours"``, ``"low"``, ``"medium"`` or ``"high"``.

    Examples
    --------
    >>> frame = pd.DataFrame(
    ...     {
    ...         "decided_by": ["person", "rules", "rules", "rules"],
    ...         "needs_review": [False, True, False, False],
    ...         "confidence": [1.0, 0.3, 0.6, 0.95],
    ...     }
    ... )
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
    >>> people = [
    ...     Contact("Ada Brooks", id=1, relationship="my manager", inside_org=True),
    ...     Contact("Bo Chen", id=2, relationship="board member", inside_org=False),
    ... ]
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
        text = (
            board["name"].astype(str)
            + " "
            + board["organisation"].astype(str)
            + " "
            + board["role"].astype(str)
        ).str.casefold()
        for word in words:
            keep &= text.str.contains(word, regex=False).to_numpy(dtype=bool)
    return board if keep.all() else board[keep]  # no filter: the board itself, not a copy


def group_counts(frame: pd.DataFrame) -> dict[str, int]:
    """How many contacts each network holds.

    Examples
    --------
    >>> group_counts(pd.DataFrame({"network_type": ["personal", "personal"]}))
    {'operational': 0, 'personal': 2, 'strategic': 0}
    """
    if not len(frame):
        return dict.fromkeys(NETWORK_TYPES, 0)
    kinds = frame["network_type"].to_numpy(dtype=object)
    return {t: int(np.count_nonzero(kinds == t)) for t in NETWORK_TYPES}


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
    >>> rows, page, pages = group_page(
    ...     board_from(people, classify(people)), "operational", page=9, size=3
    ... )
    >>> rows["name"].tolist(), page, pages
    (['D'], 2, 2)
    """
    if frame.empty:
        return frame, 1, 1
    # positions, not a copy of the group: only the page's rows are taken
    members = np.flatnonzero(frame["network_type"].to_numpy(dtype=object) == network_type)
    pages = max(1, -(-len(members) // size))
    page = min(max(1, page), pages)
    ranks = frame["name_rank"].to_numpy(dtype=np.int64)[members]
    order = np.argsort(ranks, kind="stable")
    start = (page - 1) * size
    return frame.iloc[members[order[start : start + size]]], page, pages


def high_confidence_ids(frame: pd.DataFrame, threshold: float = HIGH_CONFIDENCE) -> list[int]:
    """The suggestions safe to confirm in bulk: not yet decided, not flagged, confident.

    Examples
    --------
    >>> frame = pd.DataFrame(
    ...     {
    ...         "contact_id": [1, 2, 3, 4],
    ...         "decided_by": ["rules", "rules", "person", "rules"],
    ...         "needs_review": [False, False, False, True],
    ...         "confidence": [0.95, 0.6, 1.0, 0.9],
    ...     }
    ... )
    >>> high_confidence_ids(frame)
    [1]
    """
    if frame.empty:
        return []
    keep = (
        (frame["decided_by"].to_numpy(dtype=object) == "rules")
        & ~frame["needs_review"].to_numpy(dtype=bool)
        & (frame["confidence"].to_numpy(dtype=float) >= threshold)
    )
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
    return (
        f"Showing {len(shown):,} of {total:,} contact{'' if total == 1 else 's'}: "
        f"{parts}; {yours:,} decided by you."
    )
