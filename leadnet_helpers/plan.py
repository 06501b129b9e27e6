"""The action plan: concrete actions from the gaps, ranked and capped to a month.

Every finding that is a gap (:class:`~leadnet_helpers.findings.Finding`) is
answered by one or more templates from ``data/action_templates.json``. The
mapping from a finding's key to its templates lives in that file (with aliases
for other names of the same gap), so a new diagnostic needs a line of data, not
code; a key nobody mapped gets a generic "take one step" action rather than
nothing. Each template names the principle it rests on and its source, and its
text is filled with the person's own contacts where the data allows ("Reconnect
with Robert Hale (strategic, last contact 7 months ago)").

:func:`build_plan` ranks the suggestions by the severity of the gap each closes
times the template's weight, takes the best action for each gap first, and
keeps a few for the month (five by default: what a busy person can do); the
rest go to a backlog the person can promote from. A plan is plain data:
:func:`plan_to_dict` / :func:`plan_from_dict` (and the JSON variants) store it
in the workspace and read it back.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import LeadNetError
from .findings import Finding
from .model import GIVES, name_key
from .network import NetworkData
from .paths import data_dir

__all__ = [
    "CADENCES",
    "PLAN_FORMAT",
    "RRULES",
    "STATUSES",
    "Action",
    "Plan",
    "build_plan",
    "custom_action",
    "load_templates",
    "plan_from_dict",
    "plan_from_json",
    "plan_to_dict",
    "plan_to_json",
    "suggest_actions",
    "time_ago",
    "who_text",
]

#: How often an action repeats: not at all, weekly, monthly or quarterly.
CADENCES = ("", "weekly", "monthly", "quarterly")
#: The iCalendar rule (RFC 5545 RRULE parts) for each cadence. A repeating
#: action repeats for about a quarter (weekly), half a year (monthly) or a year
#: (quarterly): long enough to become a habit, short enough to be reviewed.
RRULES: dict[str, dict[str, Any]] = {
    "weekly": {"FREQ": "WEEKLY", "COUNT": 12},
    "monthly": {"FREQ": "MONTHLY", "COUNT": 6},
    "quarterly": {"FREQ": "MONTHLY", "INTERVAL": 3, "COUNT": 4},
}
#: An action is still to do, or done.
STATUSES = ("todo", "done")
#: Version of the plain-data form written by :func:`plan_to_dict`.
PLAN_FORMAT = 1
#: At most this many weekly actions go into one month (the rest wait in the backlog).
MAX_WEEKLY = 2
#: Backlog actions are dated this many days later than they would be in the month's plan.
BACKLOG_DELAY = 28

TEMPLATES_FILE = "action_templates.json"
_REQUIRED = ("id", "answers", "title", "why", "principle", "source", "first_step",
             "due_days", "success_measure")


# --------------------------------------------------------------------------- data


@dataclass
class Action:
    """One thing to do, with why, who, the first step, when and how to tell it worked.

    Parameters
    ----------
    id : str
        Stable within a plan (the calendar uses it for the event's UID).
    title : str
        What to do, in a line.
    why : str
        The gap it closes and the reasoning.
    gap_key : str
        The key of the finding it answers (``""`` for a custom action).
    principle, source : str
        The idea behind it and where it comes from.
    who : list of dict
        Named contacts: ``{"contact_id": int | None, "name": str, "detail": str}``.
    first_step : str
        The first concrete step.
    due : date
        When it is due.
    cadence : str
        ``""`` (once), ``"weekly"``, ``"monthly"`` or ``"quarterly"``.
    success_measure : str
        How the person will know it worked.
    status : str
        ``"todo"`` or ``"done"``.
    custom : bool
        Written by the person rather than suggested.
    template : str
        The template it came from (``""`` for a custom action).
    score : float
        Its rank: the gap's severity times the template's weight.

    Examples
    --------
    >>> a = Action("a1", "Call Bo", due=date(2026, 1, 5), cadence="weekly")
    >>> a.rrule
    {'FREQ': 'WEEKLY', 'COUNT': 12}
    """

    id: str
    title: str
    why: str = ""
    gap_key: str = ""
    principle: str = ""
    source: str = ""
    who: list[dict[str, Any]] = field(default_factory=list)
    first_step: str = ""
    due: date = field(default_factory=date.today)
    cadence: str = ""
    success_measure: str = ""
    status: str = "todo"
    custom: bool = False
    template: str = ""
    score: float = 0.0

    def __post_init__(self) -> None:
        if self.cadence not in CADENCES:
            raise LeadNetError(f"the cadence '{self.cadence}' is not one of weekly, monthly, "
                               "quarterly", fix="Leave it empty for a one-off action.")
        if self.status not in STATUSES:
            raise LeadNetError(f"the status '{self.status}' should be todo or done")
        if isinstance(self.due, datetime):
            self.due = self.due.date()
        elif isinstance(self.due, str):
            self.due = _parse_date(self.due, "due")

    @property
    def rrule(self) -> dict[str, Any] | None:
        """The RFC 5545 recurrence rule of its cadence, or ``None`` for a one-off."""
        rule = RRULES.get(self.cadence)
        return dict(rule) if rule else None


@dataclass
class Plan:
    """A person's action plan: the month's few actions and a backlog.

    Parameters
    ----------
    person : str
        Whose plan it is.
    created : date
        When it was made.
    findings : list of dict
        The diagnostics it answers, as ``key``, ``title``, ``reading``,
        ``severity`` (label), ``score`` (0-1), ``is_gap``, ``principle``,
        ``source`` and ``value`` (numbers only).
    actions : list of Action
        This month's actions.
    backlog : list of Action
        The other suggestions, ready to promote.
    limit : int
        How many actions the month holds.

    Examples
    --------
    >>> p = Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo")], [Action("b", "Write")])
    >>> p.promote("b"); [a.id for a in p.actions], p.backlog
    (['a', 'b'], [])
    """

    person: str
    created: date
    findings: list[dict[str, Any]] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    backlog: list[Action] = field(default_factory=list)
    limit: int = 5

    def all_actions(self) -> list[Action]:
        """The month's actions then the backlog."""
        return [*self.actions, *self.backlog]

    def get(self, action_id: str) -> Action:
        """The action with this id (raises :class:`LeadNetError` when there is none)."""
        for action in self.all_actions():
            if action.id == action_id:
                return action
        raise LeadNetError(f"there is no action '{action_id}' in this plan")

    def promote(self, action_id: str) -> None:
        """Move a backlog action into the month (the person decides; no cap applies)."""
        action = self.get(action_id)
        if action in self.backlog:
            self.backlog.remove(action)
            self.actions.append(action)

    def demote(self, action_id: str) -> None:
        """Move one of the month's actions back to the top of the backlog."""
        action = self.get(action_id)
        if action in self.actions:
            self.actions.remove(action)
            self.backlog.insert(0, action)

    def add(self, action: Action, *, backlog: bool = False) -> None:
        """Add an action (e.g. a custom one) to the month or the backlog."""
        if any(a.id == action.id for a in self.all_actions()):
            raise LeadNetError(f"an action with id '{action.id}' is already in the plan",
                               fix="Give the new action another id.")
        (self.backlog if backlog else self.actions).append(action)

    @property
    def gaps(self) -> list[dict[str, Any]]:
        """The findings that are gaps, most severe first."""
        return [f for f in self.findings if f.get("is_gap")]


def custom_action(
    title: str,
    due: date | str,
    *,
    first_step: str = "",
    cadence: str = "",
    success_measure: str = "",
    why: str = "",
    who: Iterable[str | Mapping[str, Any]] = (),
    gap_key: str = "",
) -> Action:
    """An action the person wrote, with a stable id made from its title and date.

    Examples
    --------
    >>> a = custom_action("Lunch with the CFO", "2026-02-03", who=["Ines Duarte"])
    >>> a.custom, a.id.startswith("custom-"), a.who[0]["name"]
    (True, True, 'Ines Duarte')
    """
    due_date = _parse_date(due, "due") if isinstance(due, str) else due
    digest = hashlib.sha256(f"{title}\x00{due_date.isoformat()}".encode()).hexdigest()[:12]
    people = [{"contact_id": None, "name": str(p), "detail": ""} if isinstance(p, str)
              else _who_entry(p) for p in who]
    return Action(f"custom-{digest}", title, why=why, gap_key=gap_key, who=people,
                  first_step=first_step, due=due_date, cadence=cadence,
                  success_measure=success_measure, custom=True)


# --------------------------------------------------------------------------- templates


def load_templates(path: str | Path | None = None) -> dict[str, Any]:
    """Read and check the action templates (``data/action_templates.json``).

    Parameters
    ----------
    path : str or Path, optional
        An edited copy; ``None`` reads the shipped file (cached).

    Returns
    -------
    dict
        ``sources``, ``aliases``, ``selectors`` and ``templates`` (a list).

    Raises
    ------
    LeadNetError
        When the file cannot be read or a template lacks a field.

    Examples
    --------
    >>> t = load_templates()
    >>> "reconnect_dormant" in {x["id"] for x in t["templates"]}
    True
    """
    if path is None:
        return _shipped_templates()
    return _read_templates(Path(path))


@lru_cache(maxsize=1)
def _shipped_templates() -> dict[str, Any]:
    return _read_templates(data_dir() / TEMPLATES_FILE)


def _read_templates(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LeadNetError(f"cannot read the action templates ({exc.strerror})",
                           file=path.name, fix="Check the path of the templates file.") from exc
    except json.JSONDecodeError as exc:
        raise LeadNetError(f"the action templates are not valid JSON ({exc.msg})",
                           file=path.name, line=exc.lineno,
                           fix=f"Fix the file, or start again from data/{TEMPLATES_FILE}.") from exc
    templates = data.get("templates") if isinstance(data, dict) else None
    if not isinstance(templates, list):
        raise LeadNetError("the action templates file has no list of templates",
                           file=path.name, fix=f"Start again from data/{TEMPLATES_FILE}.")
    for number, template in enumerate(templates, 1):
        missing = [k for k in _REQUIRED if k not in template]
        if missing:
            raise LeadNetError(f"template {number} lacks {', '.join(missing)}", file=path.name,
                               fix="Add the missing fields (see the file's 'about').")
        if template.get("cadence", "") not in CADENCES:
            raise LeadNetError(f"template {template['id']} has an unknown cadence "
                               f"'{template['cadence']}'", file=path.name,
                               fix="Use '', weekly, monthly or quarterly.")
    data.setdefault("sources", {})
    data.setdefault("aliases", {})
    data.setdefault("selectors", {})
    return data


def _templates_for(key: str, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    wanted = {key, data["aliases"].get(key, key)}
    found = [t for t in data["templates"] if wanted & set(t["answers"])]
    if not found:
        found = [t for t in data["templates"] if t["id"] == "_default"]
    return found


# --------------------------------------------------------------------------- placeholders

_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\|([^{}]*))?\}")


def _fill(text: str, values: Mapping[str, str]) -> str:
    """Fill ``{key}`` and ``{key|fallback}`` placeholders; unknown keys become ``""``.

    Values are inserted as they are, never re-read as templates, so a contact
    called ``{name}`` stays ``{name}``.
    """

    def one(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "")
        return value if value else (match.group(2) or "")

    return _PLACEHOLDER.sub(one, text)


def _join_names(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def time_ago(days: float | None) -> str:
    """Say how long ago, roughly, in plain words.

    Examples
    --------
    >>> time_ago(3), time_ago(20), time_ago(213), time_ago(800), time_ago(None)
    ('3 days ago', '3 weeks ago', '7 months ago', '2 years ago', 'no date recorded')
    """
    if days is None or (isinstance(days, float) and math.isnan(days)):
        return "no date recorded"
    days = max(0, round(days))
    if days == 0:
        return "today"
    for limit, size, unit in ((14, 1, "day"), (61, 7, "week"), (730, 30.44, "month")):
        if days < limit:
            count = max(1, round(days / size))
            return f"{count} {unit}{'' if count == 1 else 's'} ago"
    years = round(days / 365.25)
    return f"{years} year{'' if years == 1 else 's'} ago"


def who_text(action: Action) -> str:
    """The action's named contacts in a line, each with its detail.

    Examples
    --------
    >>> who_text(Action("a", "t", who=[{"contact_id": 1, "name": "Robert Hale",
    ...                                 "detail": "strategic, last contact 7 months ago"}]))
    'Robert Hale (strategic, last contact 7 months ago)'
    """
    parts = []
    for person in action.who:
        name = str(person.get("name", ""))
        detail = str(person.get("detail", ""))
        parts.append(f"{name} ({detail})" if detail else name)
    return "; ".join(parts)


# --------------------------------------------------------------------------- who: named contacts

Who = dict[str, Any]

_ID_KEYS = ("contact_id", "id")
_TYPE_KEYS = ("network_type", "type")
_DAYS_KEYS = ("days_since", "days", "days_since_contact", "days_since_last_contact",
              "days_ago", "days_overdue_since")


def _who_entry(item: Mapping[str, Any], detail: str = "") -> Who:
    cid = next((item[k] for k in _ID_KEYS if item.get(k) is not None), None)
    try:
        cid = None if cid is None or (isinstance(cid, float) and math.isnan(cid)) else int(cid)
    except (TypeError, ValueError):
        cid = None
    if not detail and not item.get("detail"):
        strength = item.get("strength")
        bits = [item.get("network_type"), item.get("function"),
                f"strength {strength} of 5" if isinstance(strength, int) else ""]
        detail = ", ".join(str(b) for b in bits if isinstance(b, str) and b)
    return {"contact_id": cid, "name": str(item.get("name", "") or ""),
            "detail": str(detail or item.get("detail", "") or "")}


def _days(item: Mapping[str, Any], today: date) -> float | None:
    for key in _DAYS_KEYS:
        value = item.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return None if math.isnan(value) else float(value)
    last = item.get("last_contact")
    if isinstance(last, str) and last:
        try:
            return float((today - date.fromisoformat(last[:10])).days)
        except ValueError:
            return None
    return None


def _detail_items(finding: Finding, keys: Sequence[str]) -> list[Mapping[str, Any]]:
    """Dict items of the first list found under any of *keys* in the finding's details."""
    details = finding.details or {}
    for key in keys:
        value = details.get(key)
        if isinstance(value, list) and value:
            items = [v for v in value if isinstance(v, Mapping)]
            if items:
                return items
    return []


def _contacts(net: NetworkData | None) -> pd.DataFrame:
    if net is None or net.contacts is None or not len(net.contacts):
        return pd.DataFrame(columns=["id", "name"])
    return net.contacts


def _row_who(row: Mapping[str, Any], detail: str) -> Who:
    cid = row.get("id")
    return {"contact_id": None if cid is None or pd.isna(cid) else int(cid),
            "name": str(row.get("name", "") or ""), "detail": detail}


def _strength(row: Mapping[str, Any]) -> float:
    value = row.get("strength")
    try:
        return 0.0 if value is None or pd.isna(value) else float(value)
    except (TypeError, ValueError):
        return 0.0


def _type(row: Mapping[str, Any]) -> str:
    value = row.get("network_type")
    return value if isinstance(value, str) else ""


def _text(row: Mapping[str, Any], column: str) -> str:
    value = row.get(column)
    return value.strip() if isinstance(value, str) else ""


def _tuple(row: Mapping[str, Any], column: str) -> tuple[str, ...]:
    value = row.get(column)
    if isinstance(value, (tuple, list)):
        return tuple(str(v) for v in value)
    if isinstance(value, str) and value:
        return tuple(p.strip() for p in value.split(";") if p.strip())
    return ()


_TYPE_ORDER = {"strategic": 0, "personal": 1, "operational": 2, "": 3}
#: Days after which a tie counts as dormant, by how often the person said they are in touch,
#: else by network type (fallback when a finding carries no losing-touch list).
_DORMANT_BY_FREQUENCY = {"weekly": 21, "monthly": 62, "quarterly": 120, "yearly": 400}
_DORMANT_BY_TYPE = {"operational": 45, "strategic": 90, "personal": 180, "": 180}


def _pick_dormant(finding: Finding, net: NetworkData | None, today: date,
                  keys: Sequence[str]) -> list[list[Who]]:
    items = _detail_items(finding, keys)
    people: list[tuple[tuple[int, float], Who]] = []
    if items:
        for item in items:
            kind = next((str(item[k]) for k in _TYPE_KEYS if item.get(k)), "")
            days = _days(item, today)
            ago = item.get("ago") if isinstance(item.get("ago"), str) else (
                time_ago(days) if days is not None else "")
            detail = ", ".join(p for p in (kind, f"last contact {ago}" if ago else "") if p)
            people.append(((_TYPE_ORDER.get(kind, 3), -(days or 0)), _who_entry(item, detail)))
    else:
        for row in _contacts(net).to_dict("records"):
            last = row.get("last_contact")
            if last is None or pd.isna(last):
                continue
            days = (pd.Timestamp(today) - pd.Timestamp(last)).days
            limit = _DORMANT_BY_FREQUENCY.get(_text(row, "frequency"),
                                              _DORMANT_BY_TYPE.get(_type(row), 180))
            if days > limit:
                kind = _type(row)
                detail = ", ".join(p for p in (kind, f"last contact {time_ago(days)}") if p)
                people.append(((_TYPE_ORDER.get(kind, 3), -days), _row_who(row, detail)))
    people.sort(key=lambda p: p[0])
    return [[who] for _, who in people]


def _pick_takers(finding: Finding, net: NetworkData | None, today: date,
                 keys: Sequence[str]) -> list[list[Who]]:
    items = _detail_items(finding, keys)
    if items:
        out = []
        for item in items:
            asked, gave = item.get("asked"), item.get("gave") or 0
            gets = item.get("gives_me")
            if isinstance(asked, int) and asked:
                detail = (f"you asked {asked} time{'s' * (asked != 1)}, "
                          f"gave {gave if isinstance(gave, int) else 0}")
            elif isinstance(gets, list) and gets:
                detail = f"gives you {', '.join(map(str, gets))}; nothing recorded in return"
            else:
                detail = ""
            out.append([_who_entry(item, detail)])
        return out
    frame = _contacts(net)
    log = net.interactions if net is not None else None
    ranked: list[tuple[float, Who]] = []
    if log is not None and len(log) and "kind" in log:
        counts = log.groupby(["contact_id", "kind"]).size().unstack(fill_value=0)
        for row in frame.to_dict("records"):
            cid = row.get("id")
            if cid is None or pd.isna(cid) or int(cid) not in counts.index:
                continue
            asked = int(counts.loc[int(cid)].get("asked", 0))
            gave = int(counts.loc[int(cid)].get("gave", 0))
            if asked > gave:
                detail = (f"you asked {asked} time{'s' * (asked != 1)}, "
                          f"gave {gave} time{'s' * (gave != 1)}")
                ranked.append((asked - gave + _strength(row) / 10, _row_who(row, detail)))
    if not ranked:
        for row in frame.to_dict("records"):
            gets, gives = _tuple(row, "gives_me"), _tuple(row, "i_give")
            if gets and not gives:
                detail = f"gives you {', '.join(gets)}; nothing recorded in return"
                ranked.append((len(gets) + _strength(row) / 10, _row_who(row, detail)))
    ranked.sort(key=lambda r: -r[0])
    return [[who] for _, who in ranked]


def _pick_introducers(finding: Finding, net: NetworkData | None, today: date,
                      keys: Sequence[str]) -> list[list[Who]]:
    items = _detail_items(finding, keys)
    if items:
        out = []
        for item in items:
            count = next((item[k] for k in ("introduced", "count", "introductions")
                          if isinstance(item.get(k), int)), None)
            detail = (f"introduced you to {count} of your contacts"
                      if isinstance(count, int) else "")
            out.append([_who_entry(item, detail)])
        return out
    frame = _contacts(net)
    if "introduced_by" not in frame:
        return []
    own = name_key(net.profile.name) if net is not None and net.profile else ""
    counts = Counter(name_key(v) for v in frame["introduced_by"] if isinstance(v, str) and v)
    by_key = {name_key(str(r.get("name", ""))): r for r in frame.to_dict("records")}
    ranked = []
    for key, count in counts.most_common():
        if not key or key in ("me", "myself", "self", own):
            continue
        row = by_key.get(key)
        detail = f"introduced you to {count} of your contacts"
        if row is not None:
            ranked.append([_row_who(row, detail)])
        else:
            label = next(v for v in frame["introduced_by"] if isinstance(v, str)
                         and name_key(v) == key)
            ranked.append([{"contact_id": None, "name": label.strip(), "detail": detail}])
    return ranked


def _pair_side(item: Mapping[str, Any], side: str) -> Who | None:
    nested = item.get(side)
    if isinstance(nested, Mapping):
        return _who_entry(nested)
    name = item.get(f"name_{side}") or item.get(f"{side}_name")
    cid = item.get(f"contact_{side}") if item.get(f"contact_{side}") is not None \
        else item.get(f"id_{side}")
    if name:
        return _who_entry({"id": cid, "name": name})
    return None


def _pick_pairs(finding: Finding, net: NetworkData | None, today: date,
                keys: Sequence[str]) -> list[list[Who]]:
    details = finding.details or {}
    for key in keys:
        value = details.get(key)
        if not isinstance(value, list):
            continue
        pairs = []
        for item in value:
            if isinstance(item, Mapping):
                a = _pair_side(item, "a")
                b = _pair_side(item, "b")
                reason = str(item.get("reason", "") or item.get("why", "") or "")
            elif isinstance(item, (list, tuple)) and len(item) >= 2 \
                    and all(isinstance(x, Mapping) for x in item[:2]):
                a, b, reason = _who_entry(item[0]), _who_entry(item[1]), ""
            else:
                continue
            if a and b and a["name"] and b["name"]:
                a["reason"] = reason
                pairs.append([a, b])
        if pairs:
            return pairs
    return _pairs_from_network(net)


def _pairs_from_network(net: NetworkData | None, top: int = 40) -> list[list[Who]]:
    """Pairs of strong contacts who do not know each other but share an industry or function."""
    frame = _contacts(net)
    if len(frame) < 2 or net is None:
        return []
    rows = sorted(frame.to_dict("records"), key=lambda r: -_strength(r))[:top]
    rows = [r for r in rows if r.get("id") is not None and not pd.isna(r.get("id"))]
    tied = {frozenset((int(a), int(b))) for a, b in
            zip(net.ties.get("contact_a", []), net.ties.get("contact_b", []), strict=False)}
    ranked = []
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if frozenset((int(a["id"]), int(b["id"]))) in tied:
                continue
            org_a, org_b = _text(a, "organisation").casefold(), _text(b, "organisation").casefold()
            if org_a and org_a == org_b:
                continue
            common = next((f"Both in {_text(a, c)}" for c in ("industry", "function")
                           if _text(a, c) and _text(a, c).casefold() == _text(b, c).casefold()),
                          "")
            if not common:
                continue
            first = _row_who(a, ", ".join(p for p in (_type(a), _text(a, "organisation")) if p))
            second = _row_who(b, ", ".join(p for p in (_type(b), _text(b, "organisation")) if p))
            first["reason"] = (f"{common}, at different organisations, and they do not know "
                               "each other yet.")
            ranked.append((_strength(a) + _strength(b), [first, second]))
    ranked.sort(key=lambda r: -r[0])
    return [pair for _, pair in ranked]


def _pick_relied_on(finding: Finding, net: NetworkData | None, today: date,
                    keys: Sequence[str]) -> list[list[Who]]:
    items = _detail_items(finding, keys)
    if items:
        out = []
        for item in items:
            resource = item.get("resource") or item.get("gives") or item.get("what") or ""
            if isinstance(resource, (list, tuple)):
                resource = ", ".join(str(r) for r in resource)
            share = item.get("share")
            detail = ", ".join(p for p in (
                f"gives you {resource}" if resource else "",
                f"{round(100 * share)}% of what you receive"
                if isinstance(share, (int, float)) and not isinstance(share, bool) else "")
                if p)
            who = _who_entry(item, detail)
            who["resource"] = str(resource)
            out.append([who])
        return out
    frame = _contacts(net)
    if not len(frame) or "gives_me" not in frame:
        return []
    records = frame.to_dict("records")
    out = []
    for resource in GIVES:
        givers = [r for r in records if resource in _tuple(r, "gives_me")]
        if len(givers) == 1:
            who = _row_who(givers[0], f"your only source of {resource}")
            who["resource"] = resource
            out.append([who])
    return out


def _pick_personal_future(finding: Finding, net: NetworkData | None, today: date,
                          keys: Sequence[str]) -> list[list[Who]]:
    items = _detail_items(finding, keys)
    if items:
        return [[_who_entry(item)] for item in items]
    ranked = []
    for row in _contacts(net).to_dict("records"):
        if _type(row) != "personal":
            continue
        looks_ahead = _text(row, "orientation") in ("future", "both")
        outside = row.get("inside_org") is False
        if not (looks_ahead or outside):
            continue
        bits = ["personal"] + (["outside your organisation"] if outside else []) + (
            ["looks ahead"] if looks_ahead else [])
        ranked.append((looks_ahead * 2 + outside + _strength(row) / 5,
                       _row_who(row, ", ".join(bits))))
    ranked.sort(key=lambda r: -r[0])
    return [[who] for _, who in ranked]


def _pick_mentors(finding: Finding, net: NetworkData | None, today: date,
                  keys: Sequence[str]) -> list[list[Who]]:
    ranked = []
    for row in _contacts(net).to_dict("records"):
        level = _text(row, "seniority")
        if level not in ("senior", "executive"):
            continue
        if _text(row, "relationship").casefold() in ("my manager", "manager", "boss"):
            continue
        where = _text(row, "organisation")
        detail = ", ".join(p for p in (level, _type(row), where) if p)
        ranked.append((_strength(row) + (row.get("discretionary") is True),
                       _row_who(row, detail)))
    ranked.sort(key=lambda r: -r[0])
    return [[who] for _, who in ranked]


def _pick_strong_candidates(finding: Finding, net: NetworkData | None, today: date,
                            keys: Sequence[str]) -> list[list[Who]]:
    items = _detail_items(finding, keys)
    if items:
        return [[_who_entry(item)] for item in items]
    ranked = []
    for row in _contacts(net).to_dict("records"):
        strength = _strength(row)
        kind = _type(row)
        if kind not in ("strategic", "personal") or not 2 <= strength <= 3:
            continue
        detail = f"{kind}, strength {int(strength)} of 5"
        ranked.append(((_TYPE_ORDER[kind], -strength), _row_who(row, detail)))
    ranked.sort(key=lambda r: r[0])
    return [[who] for _, who in ranked]


def _pick_other_function(finding: Finding, net: NetworkData | None, today: date,
                         keys: Sequence[str]) -> list[list[Who]]:
    own = (net.profile.function or "").casefold() if net is not None and net.profile else ""
    ranked = []
    for row in _contacts(net).to_dict("records"):
        function = _text(row, "function")
        if row.get("inside_org") is not True or not function or function.casefold() == own:
            continue
        level = _text(row, "seniority")
        if level == "junior":
            continue
        detail = ", ".join(p for p in (function, level, "inside your organisation") if p)
        ranked.append(((level in ("peer", "senior")) * 2 - abs(_strength(row) - 2.5),
                       _row_who(row, detail)))
    ranked.sort(key=lambda r: -r[0])
    return [[who] for _, who in ranked]


_SELECTORS: dict[str, Callable[..., list[list[Who]]]] = {
    "dormant": _pick_dormant,
    "takers": _pick_takers,
    "introducers": _pick_introducers,
    "pairs": _pick_pairs,
    "relied_on": _pick_relied_on,
    "personal_future": _pick_personal_future,
    "mentor_candidates": _pick_mentors,
    "strong_candidates": _pick_strong_candidates,
    "other_function": _pick_other_function,
}
_DEFAULT_DETAIL_KEYS = {
    "dormant": ["losing_touch", "overdue", "dormant"],
    "takers": ["takers", "asked_without_giving", "only_asked"],
    "introducers": ["introducers", "brokers", "top_introducers"],
    "pairs": ["pairs", "suggested_introductions", "suggestions"],
    "relied_on": ["relied_on", "top_contacts", "concentrated_on", "top"],
    "personal_future": ["personal_future"],
    "strong_candidates": ["to_deepen", "candidates"],
}


def _select(template: Mapping[str, Any], finding: Finding, net: NetworkData | None,
            today: date, data: Mapping[str, Any],
            others: Sequence[Finding] = ()) -> list[list[Who]]:
    """Named contacts for a template: from the first finding that lists them, else the tables.

    The finding the action answers is asked first, then the other findings
    (gaps or not: the introductions finding lists pairs even when it is no gap).
    """
    name = template.get("who") or ""
    picker = _SELECTORS.get(name)
    if picker is None:
        return []
    keys = data["selectors"].get(name, {}).get("detail_keys") or _DEFAULT_DETAIL_KEYS.get(
        name, [])
    lists = [f for f in (finding, *others)
             if any(isinstance((f.details or {}).get(k), list) and f.details[k] for k in keys)]
    try:
        return picker(lists[0] if lists else finding, net, today, keys)
    except (KeyError, TypeError, ValueError, AttributeError):
        # Odd details or tables never stop a plan: the action just names nobody.
        return []


# --------------------------------------------------------------------------- suggestions


def _as_date(today: date | datetime | str | None) -> date:
    if today is None:
        return date.today()
    if isinstance(today, datetime):
        return today.date()
    if isinstance(today, str):
        return _parse_date(today, "today")
    return today


def _parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise LeadNetError(f"the {what} date '{text}' is not a date like 2026-03-14") from None


def _source_text(ref: str, data: Mapping[str, Any]) -> str:
    return data["sources"].get(ref, ref)


def _make_action(template: Mapping[str, Any], finding: Finding | None, people: list[Who],
                 today: date, data: Mapping[str, Any], suffix: str = "",
                 also_closes: Sequence[Finding] = ()) -> Action:
    names = [p["name"] for p in people if p.get("name")]
    extra = len(names) - 1
    resource = next((p.get("resource") for p in people if p.get("resource")), "") or (
        "advice and information")
    values = {
        "name": names[0] if names else "",
        "names": _join_names(names),
        "others": (f" and {extra} other{'s' * (extra != 1)}" if extra > 0 else ""),
        "count_text": (f"all {len(names)} of them" if len(names) > 1
                       else (names[0] if names else "them")),
        "with_name": f" with {names[0]}" if names else "",
        "beside_name": f" beside {names[0]}" if names else "",
        "pair_a": names[0] if names else "",
        "pair_b": names[1] if len(names) > 1 else "",
        "resource": resource,
        "reason": next((str(p["reason"]) for p in people if p.get("reason")), ""),
        "gap_title": finding.title if finding else "",
        "gap_reading": finding.reading if finding else "",
        "gap_principle": finding.principle if finding else "",
        "gap_source": finding.source if finding else "",
    }
    refs = [template["source"], *([template["also_source"]] if template.get("also_source")
                                  else [])]
    cites = [_fill(_source_text(r, data), values).strip().rstrip(".") for r in refs]
    source = "; ".join(c for c in cites if c) + ("." if any(cites) else "")
    why = _fill(template["why"], values)
    if finding is not None and template["id"] != "_default":
        also = [g.title for g in (also_closes or []) if g.key != finding.key]
        quoted = [f"'{t}'" for t in also]
        closes = f"Closes the gap '{finding.title}'" + (
            f" (and helps with {_join_names(quoted)})" if also else "")
        why = f"{closes}. {why}".strip()
    action_id = template["id"] + (f"-{suffix}" if suffix else "")
    return Action(
        id=action_id,
        title=_fill(template["title"], values),
        why=why,
        gap_key=finding.key if finding else "",
        principle=_fill(template["principle"], values),
        source=source,
        who=[{k: v for k, v in p.items() if k in ("contact_id", "name", "detail")}
             for p in people],
        first_step=_fill(template["first_step"], values),
        due=today + timedelta(days=int(template["due_days"])),
        cadence=template.get("cadence", ""),
        success_measure=_fill(template["success_measure"], values),
        template=template["id"],
    )


def _ident(people: list[Who], index: int) -> str:
    ids = [str(p["contact_id"]) for p in people if p.get("contact_id") is not None]
    if ids:
        return "-".join(ids)
    digest = hashlib.sha256("\x00".join(p.get("name", "") for p in people).encode())
    return f"n{index}-{digest.hexdigest()[:8]}"


def suggest_actions(
    findings: Iterable[Finding],
    net: NetworkData | None = None,
    today: date | datetime | str | None = None,
    *,
    templates: str | Path | Mapping[str, Any] | None = None,
) -> list[Action]:
    """Suggest actions for every gap, best first.

    Each finding that is a gap is answered by the templates that list its key
    (or its alias) in ``answers``; an unknown key gets the ``_default``
    template. A template answering several gaps gives one action, for the
    most severe of them. Named contacts come from the finding's details when it
    lists them, else from the network tables. With no gap at all, a single
    "keep the habit" action is suggested.

    Parameters
    ----------
    findings : iterable of Finding
        The diagnostics' results (gaps and non-gaps).
    net : NetworkData, optional
        The network, for naming contacts the findings do not list.
    today : date, optional
        The plan's date (due dates count from it); defaults to today.
    templates : path or mapping, optional
        Other templates than ``data/action_templates.json``.

    Returns
    -------
    list of Action
        Sorted by score (the gap's severity times the template's weight).

    Examples
    --------
    >>> f = Finding("give_and_take", "Give and take", 0.2, "You ask more than you give.",
    ...             True, 0.7, "Reciprocity.", "Baker (2000)")
    >>> [a.template for a in suggest_actions([f], today=date(2026, 1, 5))][:2]
    ['give_first', 'reallocate_time']
    """
    day = _as_date(today)
    data = templates if isinstance(templates, Mapping) else load_templates(templates)
    items = list(findings)
    gaps = _gaps_in_order(items)
    if not gaps:
        none = [t for t in data["templates"] if t["id"] == "_none"]
        return [_make_action(none[0], None, [], day, data)] if none else []
    by_key = {}
    for finding in gaps:
        by_key.setdefault(finding.key, finding)
        by_key.setdefault(data["aliases"].get(finding.key, finding.key), finding)
    actions: list[Action] = []
    used: set[str] = set()
    for finding in gaps:
        for template in _templates_for(finding.key, data):
            tid = template["id"]
            if tid in used and tid != "_default":
                continue
            # The template's home gap is the first key it answers that is a gap here
            # (reconnecting answers keep_warm first, and reads its losing-touch list).
            home = next((by_key[k] for k in template["answers"] if k in by_key), finding)
            closes = list({id(by_key[k]): by_key[k] for k in template["answers"]
                           if k in by_key}.values())
            groups = _select(template, home, net, day, data, items)
            if not groups and template.get("needs_who"):
                continue
            used.add(tid)
            limit = int(template.get("max_who", 3))
            weight = float(template.get("weight", 1.0))
            # Rank by the worst gap it closes, with a little credit for each other one.
            worst = max([g.severity for g in closes] or [finding.severity])
            base = min(1.0, max(worst, 0.01) * weight + 0.05 * max(0, len(closes) - 1))
            if template.get("split") == "each":
                for i, people in enumerate(groups[:max(limit, 1)]):
                    action = _make_action(template, home, people, day, data,
                                          _ident(people, i), closes)
                    action.score = round(base * 0.9 ** i, 4)
                    actions.append(action)
            else:
                people = [p for group in groups[:limit] for p in group] if limit else []
                suffix = finding.key if tid == "_default" else ""
                action = _make_action(template, home, people, day, data, suffix, closes)
                action.score = round(base, 4)
                actions.append(action)
    actions.sort(key=lambda a: -a.score)
    return actions


def _gaps_in_order(findings: Iterable[Finding]) -> list[Finding]:
    """Gaps, most severe first; strategic under-use leads (Ibarra & Hunter's main finding)."""
    return sorted((f for f in findings if f.is_gap),
                  key=lambda f: (not (f.details or {}).get("strategic_underuse"), -f.severity))


def _summary(finding: Finding) -> dict[str, Any]:
    value = finding.value
    if not (isinstance(value, (int, float)) and not isinstance(value, bool)) and not (
            isinstance(value, Mapping) and all(isinstance(v, (int, float))
                                               and not isinstance(v, bool)
                                               for v in value.values())):
        value = None
    summary = {"key": finding.key, "title": finding.title, "reading": finding.reading,
               "severity": finding.severity_label, "score": float(finding.severity),
               "is_gap": bool(finding.is_gap), "principle": finding.principle,
               "source": finding.source,
               "value": dict(value) if isinstance(value, Mapping) else value}
    target = (finding.details or {}).get("target")
    if isinstance(target, Mapping) and target and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in target.values()):
        summary["target"] = dict(target)
    return summary


def build_plan(
    findings: Iterable[Finding],
    net: NetworkData | None = None,
    today: date | datetime | str | None = None,
    limit: int = 5,
    *,
    person: str | None = None,
    templates: str | Path | Mapping[str, Any] | None = None,
) -> Plan:
    """Build the month's plan: a few actions for the worst gaps, the rest in a backlog.

    The most severe gap gets its best action first, then the next gap, and so
    on; any slots left go to the best remaining suggestions. At most
    :data:`MAX_WEEKLY` weekly actions go into one month. Backlog actions are
    dated a month later (:data:`BACKLOG_DELAY` days).

    Parameters
    ----------
    findings : iterable of Finding
        The diagnostics' results.
    net : NetworkData, optional
        The network (names contacts; gives the person's name).
    today : date, optional
        The plan's date; defaults to today.
    limit : int
        How many actions go into the month (default 5).
    person : str, optional
        Whose plan it is (defaults to the network's profile name).
    templates : path or mapping, optional
        Other templates than the shipped ones.

    Returns
    -------
    Plan

    Examples
    --------
    >>> fs = [Finding("balance", "Balance", None, "Few strategic contacts.", True, 0.8, "p", "s"),
    ...       Finding("give_and_take", "Give and take", None, "You ask more.", True, 0.5,
    ...               "p", "s")]
    >>> plan = build_plan(fs, today=date(2026, 1, 5), limit=2, person="Ana")
    >>> [a.gap_key for a in plan.actions], len(plan.backlog) > 0
    (['balance', 'give_and_take'], True)
    """
    if limit < 0:
        raise LeadNetError("the number of actions a month cannot be negative")
    items = list(findings)
    day = _as_date(today)
    candidates = suggest_actions(items, net, day, templates=templates)
    chosen: list[Action] = []
    weekly = 0

    def take(action: Action) -> bool:
        nonlocal weekly
        if len(chosen) >= limit or action in chosen:
            return False
        if action.cadence == "weekly" and weekly >= MAX_WEEKLY:
            return False
        weekly += action.cadence == "weekly"
        chosen.append(action)
        return True

    for finding in _gaps_in_order(items):
        for action in candidates:
            if action.gap_key == finding.key and take(action):
                break
    for action in candidates:
        take(action)
    chosen.sort(key=lambda a: (a.due, -a.score))
    backlog = [a for a in candidates if a not in chosen]
    for action in backlog:
        action.due = action.due + timedelta(days=BACKLOG_DELAY)
    who = person if person is not None else (
        net.profile.name if net is not None and net.profile else "")
    order = {id(f): i for i, f in enumerate(_gaps_in_order(items))}
    summary = [_summary(f) for f in sorted(items, key=lambda f: order.get(id(f), len(order)))]
    return Plan(person=who, created=day, findings=summary, actions=chosen, backlog=backlog,
                limit=limit)


# --------------------------------------------------------------------------- persistence

_ACTION_FIELDS = {f.name for f in fields(Action)}


def _action_to_dict(action: Action) -> dict[str, Any]:
    data = asdict(action)
    data["due"] = action.due.isoformat()
    return data


def _action_from_dict(data: Mapping[str, Any]) -> Action:
    values = {k: v for k, v in data.items() if k in _ACTION_FIELDS}
    if not values.get("id") or not isinstance(values.get("title"), str):
        raise LeadNetError("a saved action has no id or title",
                           fix="Build the plan again from your gaps.")
    values["who"] = [_who_entry(w) for w in values.get("who") or [] if isinstance(w, Mapping)]
    values["due"] = _parse_date(str(values.get("due") or date.today().isoformat()), "due")
    values["cadence"] = values.get("cadence") or ""
    values["status"] = values.get("status") or "todo"
    values["custom"] = bool(values.get("custom", False))
    values["score"] = float(values.get("score") or 0.0)
    return Action(**values)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain JSON-ready data (what the workspace stores).

    Examples
    --------
    >>> d = plan_to_dict(Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo")]))
    >>> d["format"], d["created"], d["actions"][0]["title"]
    (1, '2026-01-05', 'Call Bo')
    """
    return {
        "format": PLAN_FORMAT,
        "person": plan.person,
        "created": plan.created.isoformat(),
        "limit": plan.limit,
        "findings": [dict(f) for f in plan.findings],
        "actions": [_action_to_dict(a) for a in plan.actions],
        "backlog": [_action_to_dict(a) for a in plan.backlog],
    }


def plan_from_dict(data: Mapping[str, Any]) -> Plan:
    """Read a plan written by :func:`plan_to_dict`.

    Raises
    ------
    LeadNetError
        When the data is not a plan, or comes from a newer workbook.

    Examples
    --------
    >>> p = Plan("Ana", date(2026, 1, 5), [], [Action("a", "Call Bo", cadence="monthly")])
    >>> plan_from_dict(plan_to_dict(p)) == p
    True
    """
    if not isinstance(data, Mapping) or "actions" not in data:
        raise LeadNetError("this is not a saved action plan",
                           fix="Build the plan again from your gaps.")
    version = data.get("format", PLAN_FORMAT)
    if not isinstance(version, int) or version > PLAN_FORMAT:
        raise LeadNetError(f"this plan was saved by a newer LeadNet (format {version})",
                           fix="Update the workbook, or build the plan again.")
    findings = data.get("findings") or []
    return Plan(
        person=str(data.get("person", "")),
        created=_parse_date(str(data.get("created") or date.today().isoformat()), "created"),
        findings=[dict(f) for f in findings if isinstance(f, Mapping)],
        actions=[_action_from_dict(a) for a in data.get("actions") or []],
        backlog=[_action_from_dict(a) for a in data.get("backlog") or []],
        limit=int(data.get("limit", 5)),
    )


def plan_to_json(plan: Plan) -> str:
    """The plan as JSON text (UTF-8, readable, stable key order).

    Examples
    --------
    >>> plan_to_json(Plan("Zoë", date(2026, 1, 5))).splitlines()[2]
    '  "person": "Zoë",'
    """
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2)


def plan_from_json(text: str | bytes) -> Plan:
    """Read a plan from JSON text written by :func:`plan_to_json`.

    Examples
    --------
    >>> plan_from_json(plan_to_json(Plan("Ana", date(2026, 1, 5)))).person
    'Ana'
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LeadNetError(f"the saved plan is not valid JSON ({exc.msg})", line=exc.lineno,
                           fix="Build the plan again from your gaps.") from exc
    return plan_from_dict(data)
