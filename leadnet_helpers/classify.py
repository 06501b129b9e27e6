"""The explainable three-network classifier.

Each contact is placed in one of the three networks that Ibarra & Hunter
compare in "How Leaders Create and Use Networks" (Harvard Business Review,
January 2007): **operational** (get today's work done; mostly internal;
prescribed by the task and structure; depth), **personal** (development and
referrals; mostly external; discretionary; breadth) and **strategic** (future
priorities and stakeholder support; inside and outside; discretionary but
following from the strategic context; leverage).

The rules live in ``data/classifier_rules.json``, not in this code. Each rule
reads one piece of evidence (a field of the contacts template, the contact's
function or organisation compared with the leader's profile, or a group of
phrases in the free text), gives points to each network, names the dimension
of the comparison it comes from ("purpose", "location and time", "players and
recruitment", "key quality") and carries a plain-words reason shown to the
person. Scores are summed, the highest wins, close runners-up are kept as
secondary types (contacts migrate between networks, so one hard label would
mislead), and the confidence falls when the evidence is thin. The person always
has the last word: a contact's own ``network_type`` wins, and a decision made
with :func:`confirm` is never overwritten by a later run.

Scoring is vectorised: text rules run once per distinct text value (pandas
``factorize``), conditions are boolean columns, and the scores are one matrix
product. Classification is deterministic and needs no model download.

References
----------
Ibarra, H. & Hunter, M. (2007). How Leaders Create and Use Networks.
*Harvard Business Review* 85(1), 40-47.

Examples
--------
>>> from leadnet_helpers.model import Contact, Profile
>>> me = Profile(name="Ana", organisation="Riverside Hospital", function="Nursing")
>>> result = classify(
...     [
...         Contact(
...             name="Ada Brooks", relationship="direct report", organisation="Riverside Hospital"
...         )
...     ],
...     me,
... )
>>> result.loc[0, "network_type"]
'operational'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .errors import LeadNetError
from .model import NETWORK_TYPES, Contact, Profile
from .paths import data_dir
from .rules import introduced_by_someone, locations, same_organisation, type_in_force

if TYPE_CHECKING:
    from .store import Workspace

__all__ = [
    "DIMENSIONS",
    "RESULT_COLUMNS",
    "Rule",
    "RuleBook",
    "classify",
    "classify_workspace",
    "confirm",
    "confirm_many",
    "in_force",
    "load_rules",
    "person_decisions",
    "save_suggestions",
    "stored_rows",
]

#: The four rows of Ibarra & Hunter's comparison table, as rule dimensions.
DIMENSIONS = ("purpose", "location and time", "players and recruitment", "key quality")

#: Columns of the frame :func:`classify` returns, in order.
RESULT_COLUMNS = (
    "contact_id",
    "name",
    "network_type",
    "secondary_types",
    "confidence",
    "needs_review",
    "reasons",
    "questions",
    "decided_by",
    "suggested_type",
    "reason_rules",
    "score_operational",
    "score_personal",
    "score_strategic",
)

_TEXT_FIELDS = ("relationship", "context", "tags", "notes", "role")
#: Condition fields a rule's ``when`` may name (all derived in :func:`_evidence_frame`).
_CONDITION_FIELDS = (
    "inside_org",
    "org_vs_me",
    "location",
    "orientation",
    "discretionary",
    "seniority",
    "function_vs_me",
    "industry_vs_me",
    "frequency",
    "strength",
    "introduced",
    "gives_me",
    "i_give",
)
_MULTI_FIELDS = ("gives_me", "i_give")
_YES = {"yes", "y", "true", "1", "inside", "internal", "in"}
_NO = {"no", "n", "false", "0", "outside", "external", "out"}
_TITLES = re.compile(
    r"^(?:dr|prof|professor|rev|revd|mr|mrs|ms|mx|miss|sir|dame)\.?\s+", re.IGNORECASE
)


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class Rule:
    """One piece of evidence and the points it gives each network.

    Attributes
    ----------
    id : str
        Short name, unique in the rule book.
    dimension : str
        One of :data:`DIMENSIONS`.
    scores : dict
        Points per network type (may be negative).
    reason : str
        Plain words shown to the person, e.g. ``"outside your organisation"``.
    source : str
        Where the rule comes from (Ibarra & Hunter 2007, with the passage).
    when : dict
        Conditions, all of which must hold: field -> allowed values.
    text : tuple of str
        Phrases; any one found in the rule's text fields is evidence.
    fields : tuple of str
        The free-text fields the phrases are looked for in.
    """

    id: str
    dimension: str
    scores: Mapping[str, float]
    reason: str
    source: str
    when: Mapping[str, tuple[str, ...]]
    text: tuple[str, ...] = ()
    fields: tuple[str, ...] = _TEXT_FIELDS

    @property
    def explanation(self) -> str:
        """The reason with its dimension, as shown to the person."""
        return f"{self.reason} ({self.dimension})"


@dataclass(frozen=True, slots=True)
class RuleBook:
    """The rules with their settings, questions and compiled phrase patterns."""

    rules: tuple[Rule, ...]
    settings: Mapping[str, Any]
    questions: tuple[Mapping[str, Any], ...]
    fallback_question: str
    override_reason: str
    source: str
    patterns: tuple[re.Pattern[str] | None, ...]
    weights: np.ndarray  # rules x network types


def _norm_words(text: str) -> str:
    """Casefold, drop apostrophes, turn every non-word run into one space."""
    text = text.casefold().replace("'", "").replace("\u2019", "")
    return re.sub(r"[\W_]+", " ", text).strip()


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    parts = []
    for phrase in phrases:
        stem = phrase.strip().endswith("*")
        words = _norm_words(phrase.replace("*", " "))
        if not words:
            continue
        parts.append(re.escape(words) + (r"\w*" if stem else ""))
    if not parts:
        return None
    # texts are normalised and padded with spaces, so a space marks a word edge
    parts.sort(key=len, reverse=True)
    return re.compile(" (?:" + "|".join(parts) + ") ")


def load_rules(path: str | Path | None = None) -> RuleBook:
    """Read and check the classifier rules (``data/classifier_rules.json``).

    Parameters
    ----------
    path : str or Path, optional
        Another rules file (for experiments); the shipped one by default.

    Returns
    -------
    RuleBook

    Raises
    ------
    LeadNetError
        When the file is missing or a rule is malformed.

    Examples
    --------
    >>> book = load_rules()
    >>> sorted({r.dimension for r in book.rules}) == sorted(DIMENSIONS)
    True
    """
    file = Path(path) if path else data_dir() / "classifier_rules.json"
    return _load_rules(str(file), file.stat().st_mtime_ns if file.exists() else 0)


@lru_cache(maxsize=4)
def _load_rules(file: str, _mtime: int) -> RuleBook:
    fix = "Restore it with `git checkout data/classifier_rules.json`."
    try:
        doc = json.loads(Path(file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LeadNetError(f"the classifier rules cannot be read ({exc})", fix=fix) from None
    rules = []
    for raw in doc.get("rules", []):
        rid = raw.get("id", "?")
        if raw.get("dimension") not in DIMENSIONS:
            raise LeadNetError(f"rule '{rid}' names no known dimension", fix=fix)
        if not raw.get("source") or not raw.get("reason"):
            raise LeadNetError(f"rule '{rid}' needs a reason and a source", fix=fix)
        if set(raw.get("scores", {})) - set(NETWORK_TYPES):
            raise LeadNetError(f"rule '{rid}' scores an unknown network type", fix=fix)
        when = {k: tuple(v) for k, v in raw.get("when", {}).items()}
        if set(when) - set(_CONDITION_FIELDS):
            raise LeadNetError(f"rule '{rid}' has an unknown condition {set(when)}", fix=fix)
        fields = tuple(raw.get("fields", doc["settings"]["text_fields"]))
        rules.append(
            Rule(
                rid,
                raw["dimension"],
                dict(raw["scores"]),
                raw["reason"],
                raw["source"],
                when,
                tuple(raw.get("text", ())),
                fields,
            )
        )
    weights = np.array(
        [[r.scores.get(t, 0.0) for t in NETWORK_TYPES] for r in rules], dtype=np.float64
    ).reshape(len(rules), len(NETWORK_TYPES))
    override = doc["override_reason"]
    return RuleBook(
        rules=tuple(rules),
        settings=doc["settings"],
        questions=tuple(doc["questions"]),
        fallback_question=doc["fallback_question"],
        override_reason=f"{override['reason']} ({override['dimension']})",
        source=doc.get("source", ""),
        patterns=tuple(_phrase_regex(r.text) for r in rules),
        weights=weights,
    )


# --------------------------------------------------------------------------- input


_CONTACT_COLUMNS = (
    "name",
    "organisation",
    "role",
    "function",
    "industry",
    "seniority",
    "inside_org",
    "relationship",
    "context",
    "frequency",
    "strength",
    "gives_me",
    "i_give",
    "orientation",
    "discretionary",
    "network_type",
    "introduced_by",
    "tags",
    "notes",
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list):
        return ";".join(map(str, value))
    return str(value)


def _scalar_cells(values: list[object]) -> list[str]:
    """:func:`_cell` of each of a column's values, worked out once per distinct value.

    Values count as the same only with the same type too (``True == 1``).

    Examples
    --------
    >>> _scalar_cells([None, True, 1, True, 4])
    ['', 'yes', '1', 'yes', '4']
    """
    keys = list(zip(map(type, values), values, strict=True))
    try:
        text = {key: _cell(key[1]) for key in dict.fromkeys(keys)}
    except TypeError:  # an unhashable value
        return list(map(_cell, values))
    return list(map(text.__getitem__, keys))


def _as_frame(contacts: Iterable[Contact] | pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Template-shaped text columns, plus the contact ids."""
    if isinstance(contacts, pd.DataFrame):
        frame = contacts
        ids = (
            frame["id"]
            if "id" in frame.columns
            else frame["contact_id"]
            if "contact_id" in frame.columns
            else pd.Series(frame.index, index=frame.index)
        )
        cols: dict[str, np.ndarray | list[object]] = {}
        for col in _CONTACT_COLUMNS:
            if col in frame.columns:
                series = frame[col]
                if series.dtype == object or series.dtype == bool:
                    series = series.map(_cell)
                cols[col] = series.fillna("").astype(str).to_numpy()
            else:
                cols[col] = np.full(len(frame), "", dtype=object)
        out = pd.DataFrame(cols)
        return out, pd.Series(pd.array(ids.to_numpy(), dtype="Int64"))
    items = list(contacts)
    cols = {}
    for col in _CONTACT_COLUMNS:
        values = list(map(attrgetter(col), items))
        if col in ("inside_org", "discretionary", "strength"):
            values = _scalar_cells(values)
        elif col in ("gives_me", "i_give", "tags"):
            values = [";".join(map(str, v)) if type(v) is tuple else _cell(v) for v in values]
        cols[col] = values
    out = (
        pd.DataFrame(cols, dtype=str)
        if items
        else pd.DataFrame({c: pd.Series([], dtype=str) for c in _CONTACT_COLUMNS})
    )
    ids = pd.Series(pd.array([c.id for c in items], dtype="Int64"))
    return out, ids


def _profile_values(profile: Profile | Mapping[str, object] | None) -> dict[str, str]:
    if profile is None:
        return {}
    if isinstance(profile, Profile):
        profile = asdict(profile)
    return {k: _cell(v) for k, v in profile.items()}


# --------------------------------------------------------------------------- evidence


def _per_value(series: pd.Series, func: Callable[[str], object]) -> np.ndarray:
    """``func`` applied once per distinct value of *series*, spread back to every row.

    Contacts share few distinct values per column (a LinkedIn export of 30,000
    rows has a few hundred positions), so this is the vectorised form of a
    string operation here: the per-row work is one integer take.
    """
    codes, uniques = pd.factorize(series, sort=False)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [func(u) for u in uniques]
    mapped[-1] = func("")  # missing values (code -1)
    return mapped[codes]


def _lower(series: pd.Series) -> pd.Series:
    return pd.Series(_per_value(series, lambda v: str(v).strip().casefold()), dtype=object)


def _filled(series: pd.Series) -> np.ndarray:
    return _per_value(series, lambda v: str(v).strip() != "").astype(bool)


def _compare(series: pd.Series, mine: str) -> np.ndarray:
    """'same', 'other' or '' per value of *series* against the leader's own value."""

    norm = _norm_words
    me = norm(mine)

    def judge(value: str) -> str:
        theirs = norm(str(value))
        if not theirs or not me:
            return ""
        if theirs == me or f" {me} " in f" {theirs} " or f" {theirs} " in f" {me} ":
            return "same"
        return "other"

    return _per_value(series, judge)


#: same_organisation's answer as a rule condition's value (unknown: "").
_ORG_VS_ME: dict[bool | None, str] = {True: "same", False: "other"}


def _evidence_frame(frame: pd.DataFrame, me: Mapping[str, str], book: RuleBook) -> pd.DataFrame:
    """The categorical columns the rules' conditions read."""
    n = len(frame)
    ev = pd.DataFrame(index=range(n))
    inside = _lower(frame["inside_org"])
    ev["inside_org"] = np.where(inside.isin(_YES), "yes", np.where(inside.isin(_NO), "no", ""))
    ev["org_vs_me"] = _per_value(
        frame["organisation"],
        lambda v: _ORG_VS_ME.get(same_organisation(v, me.get("organisation", "")), ""),
    )
    where = locations(frame["inside_org"], frame["organisation"], me.get("organisation", ""))
    ev["location"] = np.where(where == "inside", "yes", np.where(where == "outside", "no", ""))
    ev["function_vs_me"] = _compare(frame["function"], me.get("function", ""))
    ev["industry_vs_me"] = _compare(frame["industry"], me.get("industry", ""))
    for col in ("orientation", "seniority", "frequency"):
        ev[col] = _lower(frame[col])
    disc = _lower(frame["discretionary"])
    ev["discretionary"] = np.where(disc.isin(_YES), "yes", np.where(disc.isin(_NO), "no", ""))
    ev["strength"] = _per_value(frame["strength"], _strength_band)
    own_name = me.get("name", "")
    ev["introduced"] = np.where(
        _per_value(frame["introduced_by"], lambda v: introduced_by_someone(v, own_name)).astype(
            bool
        ),
        "someone",
        "",
    )
    for col in _MULTI_FIELDS:
        ev[col] = _per_value(
            frame[col],
            lambda v: (
                ";"
                + ";".join(p.strip().casefold() for p in re.split(r"[;,]", str(v)) if p.strip())
                + ";"
            ),
        )
    return ev


def _strength_band(value: str) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    return "strong" if number >= 4 else "weak" if number <= 2 else ""


def _condition(ev: pd.DataFrame, field: str, allowed: tuple[str, ...]) -> np.ndarray:
    if field in _MULTI_FIELDS:
        wanted = [f";{value};" for value in allowed]
        return _per_value(ev[field], lambda v: any(w in v for w in wanted)).astype(bool)
    return ev[field].isin(allowed).to_numpy(dtype=bool)


def _text_evidence(frame: pd.DataFrame, book: RuleBook) -> np.ndarray:
    """Rules x contacts: strongest field weight in which a rule's phrases occur."""
    n, weights = len(frame), book.settings["field_weights"]
    out = np.zeros((n, len(book.rules)), dtype=np.float64)
    for field in _TEXT_FIELDS:
        text = frame[field].astype(str)
        codes, uniques = pd.factorize(text, sort=False)
        if len(uniques) == 0:
            continue
        padded = [f" {_norm_words(u)} " for u in uniques]
        texts = [t for t in padded if len(t) > 2]
        where = np.array([len(t) > 2 for t in padded], dtype=bool)
        for j, (rule, pattern) in enumerate(zip(book.rules, book.patterns, strict=True)):
            if pattern is None or field not in rule.fields or not texts:
                continue
            hits_u = np.zeros(len(uniques) + 1, dtype=bool)  # last: missing values
            hits_u[:-1][where] = [pattern.search(t) is not None for t in texts]
            if hits_u.any():
                out[:, j] = np.maximum(out[:, j], hits_u[codes] * float(weights[field]))
    return out


def _evidence(frame: pd.DataFrame, ev: pd.DataFrame, book: RuleBook) -> np.ndarray:
    """Contacts x rules evidence in [0, 1]."""
    text = _text_evidence(frame, book)
    out = np.empty_like(text)
    for j, rule in enumerate(book.rules):
        mask = np.ones(len(frame), dtype=bool)
        for field, allowed in rule.when.items():
            mask &= _condition(ev, field, allowed)
        out[:, j] = mask * (text[:, j] if rule.text else 1.0)
    return out


def _known_fields(frame: pd.DataFrame, ev: pd.DataFrame) -> np.ndarray:
    known = (ev["location"] != "").to_numpy(dtype=int)
    for col in (
        "relationship",
        "context",
        "role",
        "function",
        "seniority",
        "frequency",
        "gives_me",
        "i_give",
        "orientation",
        "discretionary",
        "tags",
        "notes",
    ):
        known += _filled(frame[col])
    return known


# --------------------------------------------------------------------------- questions


def _first_name(name: str) -> str:
    words = _TITLES.sub("", str(name).strip()).split()
    return words[0] if words else "this contact"


def _questions(
    frame: pd.DataFrame,
    ev: pd.DataFrame,
    top: np.ndarray,
    second: np.ndarray,
    ask: np.ndarray,
    book: RuleBook,
) -> list[tuple[str, ...]]:
    n = len(frame)
    pair = top + second - 1  # 0: op|pe, 1: op|st, 2: pe|st
    pairs = ("operational|personal", "operational|strategic", "personal|strategic")
    qs = book.questions
    missing_cols = {"location": (ev["location"] == "").to_numpy()}
    value = np.zeros((n, len(qs)))
    for k, q in enumerate(qs):
        field = q["missing"]
        missing = missing_cols.get(field)
        if missing is None:
            missing = ~_filled(frame[field])
        relevance = np.array([q["helps"].get(p, 0.0) for p in pairs])[pair]
        value[:, k] = missing * relevance * (1.0 - 0.01 * k)
    order = np.argsort(-value, axis=1, kind="stable")[:, :2]
    best = np.take_along_axis(value, order, axis=1)
    # per row: which templates to ask (-1: none, len(qs): the fallback question)
    picks = np.where((best > 0) & ask[:, None], order, -1)
    picks[ask & (best[:, 0] <= 0), 0] = len(qs)
    templates = [q["ask"] for q in qs] + [book.fallback_question]
    names = frame["name"].to_numpy(dtype=object)
    out: list[tuple[str, ...]] = [()] * n
    chosen = picks.tolist()  # Python ints: a row of numpy ones is slow to walk
    for i in np.flatnonzero(ask).tolist():  # only the contacts that need review get questions
        first = _first_name(names[i])
        out[i] = tuple(templates[k].replace("{first}", first) for k in chosen[i] if k >= 0)
    return out


# --------------------------------------------------------------------------- classify


def classify(
    contacts: Iterable[Contact] | pd.DataFrame,
    profile: Profile | Mapping[str, object] | None = None,
    *,
    rules: RuleBook | None = None,
) -> pd.DataFrame:
    """Suggest each contact's network (operational, personal or strategic), with reasons.

    Parameters
    ----------
    contacts : iterable of Contact, or DataFrame
        The contacts; a frame needs template-shaped columns (any may be
        missing) and may carry an ``id`` column.
    profile : Profile or mapping, optional
        The leader; their ``organisation``, ``function`` and ``industry`` let
        the rules tell "same as me" from "other".
    rules : RuleBook, optional
        Rules to use instead of ``data/classifier_rules.json``.

    Returns
    -------
    DataFrame
        One row per contact, in input order, with the columns of
        :data:`RESULT_COLUMNS`: ``network_type`` (the primary type),
        ``secondary_types`` (tuple of other close types), ``confidence``
        (0..1), ``needs_review`` (bool), ``reasons`` (list of plain-words
        reasons, each naming its dimension), ``questions`` (list of one or
        two questions that would settle it, when review is needed),
        ``decided_by`` (``"rules"``, or ``"person"`` when the contact's own
        ``network_type`` is set), ``suggested_type`` (what the rules alone
        say), ``reason_rules`` (ids of the rules behind the reasons) and the
        raw score per type.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact
    >>> out = classify(
    ...     [
    ...         Contact(
    ...             name="Pia Lund",
    ...             inside_org=False,
    ...             orientation="future",
    ...             relationship="board member",
    ...             discretionary=True,
    ...             gives_me=("insight",),
    ...         )
    ...     ]
    ... )
    >>> out.loc[0, "network_type"], float(out.loc[0, "confidence"])
    ('strategic', 0.79)
    >>> out.loc[0, "reasons"][1]
    'about future priorities (location and time)'
    >>> thin = classify([Contact(name="Dmitri Sokolov", organisation="Northwind")])
    >>> bool(thin.loc[0, "needs_review"]), thin.loc[0, "questions"][0]
    (True, 'Is Dmitri inside your organisation?')
    """
    book = rules or load_rules()
    frame, ids = _as_frame(contacts)
    n = len(frame)
    if n == 0:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in RESULT_COLUMNS})
    settings = book.settings
    me = _profile_values(profile)
    ev = _evidence_frame(frame, me, book)
    evidence = _evidence(frame, ev, book)

    prior = np.array([settings["prior"].get(t, 0.0) for t in NETWORK_TYPES])
    scores = evidence @ book.weights + prior
    suggested = np.argmax(scores, axis=1)

    override_text = _lower(frame["network_type"])
    override = override_text.isin(NETWORK_TYPES).to_numpy()
    type_index = {t: i for i, t in enumerate(NETWORK_TYPES)}
    chosen = np.where(
        override, override_text.map(type_index).fillna(0).to_numpy(dtype=int), suggested
    )

    ranked = np.argsort(-scores, axis=1, kind="stable")
    second = np.where(ranked[:, 0] == chosen, ranked[:, 1], ranked[:, 0])

    # confidence: how far the winner stands out (softmax), shrunk when evidence is thin
    z = scores / float(settings["temperature"])
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    margin = (p.max(axis=1) - 1 / 3) * 1.5
    known = _known_fields(frame, ev)
    fullness = np.clip(known / float(settings["full_evidence_fields"]), 0.25, 1.0)
    confidence = np.where(override, 1.0, np.round(np.clip(margin * fullness, 0.0, 1.0), 2))
    thin = known <= int(settings["thin_fields"])
    needs_review = ~override & (thin | (confidence < float(settings["review_below"])))

    # secondary types: close to the top and above a floor
    close = (scores >= (np.max(scores, axis=1, keepdims=True) - settings["secondary_margin"])) & (
        scores >= settings["secondary_floor"]
    )
    close[np.arange(n), chosen] = False
    names = np.array(NETWORK_TYPES, dtype=object)
    combos_sec, inverse_sec = np.unique(close, axis=0, return_inverse=True)
    as_tuples = [tuple(names[row]) for row in combos_sec]
    secondary = [as_tuples[i] for i in inverse_sec.reshape(-1)]

    # reasons: the rules that gave the chosen type the most points
    contrib = evidence * book.weights.T[chosen]
    k = min(int(settings["max_reasons"]), contrib.shape[1])
    if k < contrib.shape[1]:
        top_rules = np.argpartition(-contrib, k - 1, axis=1)[:, :k]
    else:
        top_rules = np.broadcast_to(np.arange(k), (n, k))
    # most points first, then rule order, so the output is deterministic
    order = np.lexsort((top_rules, -np.take_along_axis(contrib, top_rules, axis=1)), axis=-1)
    top_rules = np.take_along_axis(top_rules, order, axis=1)
    top_points = np.take_along_axis(contrib, top_rules, axis=1)
    shown = top_points >= float(settings["min_reason_points"])
    explanations = [r.explanation for r in book.rules]
    rule_ids = [r.id for r in book.rules]
    fallback = f"{settings['prior_reason']} (first guess)"
    # the same combination of reasons recurs: build each distinct one once
    keys = np.column_stack([override.astype(int), np.where(shown, top_rules, -1)])
    combos, inverse = np.unique(keys, axis=0, return_inverse=True)
    combo_reasons, combo_rules = [], []
    for is_override, *picked in combos.tolist():
        picked = [j for j in picked if j >= 0]
        lines = [explanations[j] for j in picked]
        if is_override:
            lines = [book.override_reason, *lines]
        combo_reasons.append(tuple(lines or [fallback]))
        combo_rules.append(tuple(rule_ids[j] for j in picked))
    inverse = inverse.reshape(-1)
    reasons = [combo_reasons[i] for i in inverse]
    reason_rules = [combo_rules[i] for i in inverse]

    questions = _questions(frame, ev, chosen, second, needs_review, book)

    out = pd.DataFrame(
        {
            "contact_id": ids.to_numpy(),
            "name": frame["name"].to_numpy(dtype=object),
            "network_type": names[chosen],
            "secondary_types": secondary,
            "confidence": confidence.astype(float),
            "needs_review": needs_review.astype(bool),
            "reasons": reasons,
            "questions": questions,
            "decided_by": np.where(override, "person", "rules"),
            "suggested_type": names[suggested],
            "reason_rules": reason_rules,
            "score_operational": np.round(scores[:, 0], 3),
            "score_personal": np.round(scores[:, 1], 3),
            "score_strategic": np.round(scores[:, 2], 3),
        }
    )
    out["contact_id"] = out["contact_id"].astype("Int64")
    return out


# --------------------------------------------------------------------------- workspace


def save_suggestions(ws: Workspace, result: pd.DataFrame) -> None:
    """Save the rules' suggestions in *result*, never touching a person's decision.

    Parameters
    ----------
    ws : Workspace
        An open, writable workspace.
    result : DataFrame
        Rows from :func:`classify` (all of them, or the few just re-classified).
    """
    ws.save_classifications(stored_rows(result), by="rules")


def stored_rows(result: pd.DataFrame) -> list[tuple]:
    """The rows of a classification *result* as the workspace stores them.

    One tuple per contact: id, network type, secondary types joined by ``;``,
    confidence and the reasons as JSON (what ``save_classifications`` takes).

    Examples
    --------
    >>> from leadnet_helpers.model import Contact, Profile
    >>> result = classify([Contact("Bo", relationship="my manager", id=1)], Profile("Ana"))
    >>> stored_rows(result)[0][:2]
    (1, 'operational')
    """
    return [
        (int(cid), ntype, ";".join(sec), float(conf), json.dumps(list(reasons), ensure_ascii=False))
        for cid, ntype, sec, conf, reasons in zip(
            result["contact_id"],
            result["network_type"],
            result["secondary_types"],
            result["confidence"],
            result["reasons"],
            strict=True,
        )
    ]


def classify_workspace(ws: Workspace, *, rules: RuleBook | None = None) -> pd.DataFrame:
    """Classify every contact in a workspace and save suggestions for the undecided ones.

    A decision a person made (:func:`confirm`, or ``ws.decide``) is kept as it
    is: it is neither overwritten nor re-suggested, and it is what the returned
    frame shows (``decided_by == "person"``, confidence 1). Every other contact
    gets the rules' suggestion saved with ``decided_by = 'rules'``, replacing an
    older suggestion. The save is one transaction and, inside it, a row a person
    decided is skipped, so a decision made meanwhile is never lost.

    Parameters
    ----------
    ws : Workspace
        An open, writable workspace.
    rules : RuleBook, optional
        Rules to use instead of the shipped ones.

    Returns
    -------
    DataFrame
        As :func:`classify`, one row per contact.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from leadnet_helpers.store import Workspace
    >>> from leadnet_helpers.model import Contact, Profile
    >>> ws = Workspace.create(
    ...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite",
    ...     Profile(name="Ana", organisation="Contoso"),
    ... )
    >>> cid = ws.add_contact(Contact(name="Bo", relationship="my manager"))
    >>> classify_workspace(ws).loc[0, "network_type"]
    'operational'
    >>> confirm(ws, cid, "strategic")
    >>> classify_workspace(ws).loc[0, ["network_type", "decided_by"]].tolist()
    ['strategic', 'person']
    >>> ws.close()
    """
    result = classify(ws.contacts(), ws.profile(), rules=rules)
    if result.empty:
        return result
    decided = person_decisions(ws)
    save_suggestions(ws, result[~result["contact_id"].isin(list(decided)).to_numpy(dtype=bool)])
    return in_force(result, decided)


def person_decisions(ws: Workspace) -> dict[int, str]:
    """The network type the person decided for each contact they decided (id -> type)."""
    return ws.person_decisions()


def in_force(result: pd.DataFrame, decided: Mapping[int, str]) -> pd.DataFrame:
    """Apply the person's decisions to :func:`classify`'s rows: the type in force.

    Every row goes through :func:`~leadnet_helpers.rules.type_in_force`, the
    one rule: a decision beats the rules, the rules' other fits stay
    secondary; a decided row has confidence 1, no questions and says so in its
    reasons. Returns a new frame.

    Examples
    --------
    >>> from leadnet_helpers.model import Contact
    >>> rows = classify([Contact("Bo", id=7, relationship="my manager")])
    >>> in_force(rows, {7: "strategic"}).loc[0, ["network_type", "decided_by"]].tolist()
    ['strategic', 'person']
    """
    if result.empty or not decided:
        return result
    out = result.copy()
    ids = out["contact_id"].tolist()
    rows = [i for i, cid in enumerate(ids) if cid is not pd.NA and int(cid) in decided]
    if not rows:
        return out
    secondary = out["secondary_types"].tolist()
    reasons = out["reasons"].tolist()
    questions = out["questions"].tolist()
    kinds = out["network_type"].tolist()
    for i in rows:
        # the rules' view is "suggested_type" when the row had an override already
        rule_type = out.at[i, "suggested_type"] if "suggested_type" in out else kinds[i]
        held = type_in_force(
            str(rule_type), (kinds[i], *secondary[i]), 0.0, decision=decided[int(ids[i])]
        )
        kinds[i], secondary[i] = held.primary, held.secondary
        questions[i] = []
        if out.at[i, "decided_by"] != "person":
            reasons[i] = ["you confirmed this yourself (your decision)", *reasons[i]]
    out["network_type"] = kinds
    out["secondary_types"] = secondary
    out["reasons"] = reasons
    out["questions"] = questions
    out.loc[rows, "confidence"] = 1.0
    out.loc[rows, "needs_review"] = False
    out.loc[rows, "decided_by"] = "person"
    return out


def confirm(ws: Workspace, contact_id: int, network_type: str) -> None:
    """Record the person's own decision for one contact.

    Later runs of :func:`classify_workspace` keep it.

    Parameters
    ----------
    ws : Workspace
    contact_id : int
    network_type : str
        ``"operational"``, ``"personal"`` or ``"strategic"``.

    Raises
    ------
    LeadNetError
        When *network_type* is not one of the three.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from leadnet_helpers.store import Workspace
    >>> from leadnet_helpers.model import Contact, Profile
    >>> ws = Workspace.create(
    ...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile(name="Ana")
    ... )
    >>> cid = ws.add_contact(Contact(name="Bo"))
    >>> confirm(ws, cid, "personal")
    >>> ws.decisions()[cid]["decided_by"]
    'person'
    >>> ws.close()
    """
    ws.contact(contact_id)  # a clear error for an unknown contact
    ws.decide(contact_id, network_type, by="person")


def confirm_many(ws: Workspace, ids: Iterable[int], network_type: str | None = None) -> int:
    """Confirm several contacts at once (one transaction); return how many.

    Parameters
    ----------
    ws : Workspace
    ids : iterable of int
        The contacts to confirm.
    network_type : str, optional
        Put them all in this network. By default each keeps its current
        suggestion (a stored one, or the rules' view when none is stored).

    Returns
    -------
    int
        The number of contacts confirmed.

    Raises
    ------
    LeadNetError
        When *network_type* is not one of the three.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from leadnet_helpers.store import Workspace
    >>> from leadnet_helpers.model import Contact, Profile
    >>> ws = Workspace.create(
    ...     pathlib.Path(tempfile.mkdtemp()) / "w.leadnet.sqlite", Profile(name="Ana")
    ... )
    >>> ids = [ws.add_contact(Contact(name=n, relationship="supplier")) for n in ("Bo", "Cy")]
    >>> confirm_many(ws, ids)
    2
    >>> sorted(d["network_type"] for d in ws.decisions().values())
    ['operational', 'operational']
    >>> ws.close()
    """
    if network_type is not None and network_type not in NETWORK_TYPES:
        raise LeadNetError(
            f"'{network_type}' is not a network type", fix=f"Use one of {', '.join(NETWORK_TYPES)}."
        )
    wanted = list(dict.fromkeys(int(i) for i in ids))
    if not wanted:
        return 0
    stored = ws.decisions()
    missing = [i for i in wanted if i not in stored]
    fresh = classify([ws.contact(i) for i in missing], ws.profile()) if missing else None
    rows = []
    for i in wanted:
        if i in stored:
            d = stored[i]
            rows.append(
                (
                    i,
                    network_type or d["network_type"],
                    d["secondary_types"] or "",
                    1.0,
                    d["reasons"] or "",
                )
            )
    if fresh is not None:
        for row in stored_rows(fresh):
            rows.append((row[0], network_type or row[1], *row[2:3], 1.0, row[4]))
    ws.save_classifications(rows, by="person")
    return len(rows)
