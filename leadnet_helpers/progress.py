"""Then versus now: snapshots of the network and what changed since.

A snapshot stores the contacts and ties as they were, plus what was measured
at that moment: the mix of the three networks, the main diagnostics, the
losing-touch list and the plan's actions. :func:`compare` sets an earlier
snapshot beside a fresh one and says what moved. Ibarra (2015) calls a good
network *dynamic*: it keeps renewing as your situation changes, so churn is
measured too (the share of contacts added or dropped between the two dates).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .model import NETWORK_TYPES, name_key

__all__ = [
    "Progress",
    "compare",
    "format_value",
    "measure_now",
    "pick_snapshot",
    "progress_against",
    "progress_since",
    "take_snapshot",
]

#: The diagnostics whose headline values a review compares, in this order.
MAIN_FINDINGS = (
    "balance",
    "inside_outside",
    "future",
    "structure",
    "keep_warm",
    "give_and_take",
    "introductions",
    "strong_ties",
)


@dataclass
class Progress:
    """What changed between two moments."""

    then_label: str
    then_at: str
    now_at: str
    added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    churn: float = 0.0
    mix_then: dict[str, int] = field(default_factory=dict)
    mix_now: dict[str, int] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)
    losing_touch_then: list[str] = field(default_factory=list)
    losing_touch_now: list[str] = field(default_factory=list)
    actions_done: list[str] = field(default_factory=list)
    actions_open: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        """The comparison as a few plain sentences."""
        since = self.then_label or self.then_at[:10]
        lines = [
            (
                f"Since {since}: {len(self.added)} contacts added, "
                f"{len(self.dropped)} dropped (churn {self.churn:.0%})."
            )
        ]
        mix = ", ".join(
            f"{t} {self.mix_then.get(t, 0)} → {self.mix_now.get(t, 0)}" for t in NETWORK_TYPES
        )
        lines.append(f"Network mix: {mix}.")
        back = sorted(set(self.losing_touch_then) - set(self.losing_touch_now))
        lines.append(
            f"Losing touch: {len(self.losing_touch_then)} then, "
            f"{len(self.losing_touch_now)} now"
            + (f"; back in touch with {', '.join(back[:5])}." if back else ".")
        )
        if self.actions_done or self.actions_open:
            lines.append(
                f"Actions done: {len(self.actions_done)} of "
                f"{len(self.actions_done) + len(self.actions_open)}."
            )
        return lines


def _mix(types: dict[str, str]) -> dict[str, int]:
    counts = dict.fromkeys(NETWORK_TYPES, 0)
    for kind in types.values():
        if kind in counts:
            counts[kind] += 1
    return counts


def measure_now(ws, today: date | None = None) -> dict[str, Any]:
    """What a snapshot records beyond the raw data: mix, findings, plan."""
    from .analysis import analysis_of

    analysis = analysis_of(ws, today)
    net, findings = analysis.network, analysis.findings
    types = {
        str(int(i)): t
        for i, t in zip(net.contacts["id"], net.contacts["network_type"], strict=True)
    }
    return {
        "measured_on": (today or date.today()).isoformat(),
        "types": types,
        "mix": _mix(types),
        "findings": [f.to_dict() for f in findings],
        "plan": ws.latest_plan(),
    }


def take_snapshot(ws, label: str = "", today: date | None = None) -> int:
    """Take a snapshot of the workspace with today's measures; return its id."""
    return ws.take_snapshot(label, extra=measure_now(ws, today))


def _names(snapshot: dict[str, Any]) -> dict[str, str]:
    return {name_key(c["name"]): c["name"] for c in snapshot.get("contacts", [])}


def _losing_touch(measures: dict[str, Any]) -> list[str]:
    for finding in measures.get("findings", []):
        if finding.get("key") == "keep_warm":
            rows = finding.get("details", {}).get("losing_touch", [])
            return [r.get("name", "") for r in rows if isinstance(r, dict)]
    return []


def _actions(plan: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    actions = (plan or {}).get("actions", [])
    done = [a.get("title", "") for a in actions if a.get("status") == "done"]
    open_ = [a.get("title", "") for a in actions if a.get("status") != "done"]
    return done, open_


def compare(then: dict[str, Any], now: dict[str, Any]) -> Progress:
    """Compare an earlier snapshot with a later one (both as stored payloads).

    Examples
    --------
    >>> then = {
    ...     "label": "June",
    ...     "taken_at": "2026-06-01",
    ...     "contacts": [{"name": "Ada"}, {"name": "Bo"}],
    ...     "mix": {"operational": 2},
    ... }
    >>> now = {
    ...     "taken_at": "2026-11-01",
    ...     "contacts": [{"name": "Ada"}, {"name": "Cy"}],
    ...     "mix": {"operational": 1, "strategic": 1},
    ... }
    >>> p = compare(then, now)
    >>> p.added, p.dropped, round(p.churn, 2)
    (['Cy'], ['Bo'], 0.67)
    """
    before, after = _names(then), _names(now)
    added = sorted(after[k] for k in after.keys() - before.keys())
    dropped = sorted(before[k] for k in before.keys() - after.keys())
    union = len(before.keys() | after.keys())
    findings = []
    old = {f["key"]: f for f in then.get("findings", [])}
    for f in now.get("findings", []):
        if f["key"] in MAIN_FINDINGS:
            prior = old.get(f["key"], {})
            findings.append(
                {
                    "key": f["key"],
                    "title": f["title"],
                    "then": prior.get("value"),
                    "now": f.get("value"),
                    "gap_then": prior.get("is_gap"),
                    "gap_now": f.get("is_gap"),
                }
            )
    done, open_ = _actions(now.get("plan"))
    return Progress(
        then_label=str(then.get("label", "")),
        then_at=str(then.get("taken_at", "")),
        now_at=str(now.get("taken_at", "")),
        added=added,
        dropped=dropped,
        churn=(len(added) + len(dropped)) / union if union else 0.0,
        mix_then={t: int(then.get("mix", {}).get(t, 0)) for t in NETWORK_TYPES},
        mix_now={t: int(now.get("mix", {}).get(t, 0)) for t in NETWORK_TYPES},
        findings=findings,
        losing_touch_then=_losing_touch(then),
        losing_touch_now=_losing_touch(now),
        actions_done=done,
        actions_open=open_,
    )


def pick_snapshot(snapshots: list[dict[str, Any]], since: date | None) -> dict[str, Any] | None:
    """The snapshot to compare against: the last one taken on or before *since*.

    Without *since*, the earliest. When every snapshot is later than *since*,
    the earliest of them.
    """
    if not snapshots:
        return None
    if since is None:
        return snapshots[0]
    earlier = [s for s in snapshots if str(s["taken_at"])[:10] <= since.isoformat()]
    return earlier[-1] if earlier else snapshots[0]


def progress_against(ws, snapshot_id: int, today: date | None = None) -> Progress:
    """Compare the workspace now with the snapshot *snapshot_id*.

    Examples
    --------
    >>> from leadnet_helpers.personas import open_sample
    >>> ws = open_sample("ana-lucia-ferreira")
    >>> sid = take_snapshot(ws, "start")
    >>> p = progress_against(ws, sid)
    >>> p.then_label, p.added, p.churn
    ('start', [], 0.0)
    """
    then = ws.snapshot(snapshot_id)
    now = {
        "taken_at": (today or date.today()).isoformat(),
        "contacts": [{"name": c.name} for c in ws.contacts()],
        **measure_now(ws, today),
    }
    return compare(then, now)


def progress_since(ws, since: date | None = None, today: date | None = None) -> Progress | None:
    """Compare the workspace now against an earlier snapshot (None if there is none)."""
    chosen = pick_snapshot(ws.snapshots(), since)
    return None if chosen is None else progress_against(ws, chosen["id"], today)


def format_value(value: object) -> str:
    """A diagnostic's headline value in a few characters.

    Examples
    --------
    >>> format_value({"operational": 0.5, "strategic": 0.25}), format_value(0.333)
    ('operational 50%, strategic 25%', '0.33')
    >>> format_value(4), format_value(None)
    ('4', '—')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        parts = []
        for k, v in value.items():
            if isinstance(v, float) and 0 <= v <= 1:
                parts.append(f"{k} {v:.0%}")
            else:
                parts.append(f"{k} {format_value(v)}")
        return ", ".join(parts)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
