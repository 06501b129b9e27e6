"""Keeping ties warm: days since last contact against an ideal and a maximum interval.

The clock of a contact starts at the later of its ``last_contact`` date and
its latest logged interaction, so logging a meeting resets it. The intervals
depend on the network type and the tie strength and live, with their
reasoning, in ``data/keep_warm.json`` (a product choice, editable).

References
----------
Ibarra, H. & Hunter, M. (2007). How leaders create and use networks. HBR 85(1).
Granovetter, M. S. (1973). The strength of weak ties. AJS 78(6).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..findings import Concerned, Finding
from ..network import NetworkData
from ..rules import as_date, time_ago, to_timestamps, warmths
from ._common import (
    CADENCE,
    IBARRA,
    NETWORK_TYPES,
    concerned,
    make_finding,
    no_contacts,
    plural,
    view,
)
from .targets import load_keep_warm

__all__ = ["keep_warm", "last_touch"]


def last_touch(net: NetworkData) -> pd.Series:
    """The date of the last contact with each contact (``NaT`` when unknown).

    The later of the contact's ``last_contact`` and its latest logged
    interaction, by row of ``net.contacts``.
    """
    v = view(net)
    if "last_contact" in v.frame:
        field_dates = to_timestamps(v.frame["last_contact"]).to_numpy(dtype="datetime64[ns]")
    else:
        field_dates = np.full(v.n, np.datetime64("NaT"), dtype="datetime64[ns]")
    log = v.log
    logged = np.full(v.n, np.datetime64("NaT"), dtype="datetime64[ns]")
    if len(log):
        dated = log.dropna(subset=["date"])
        if len(dated):
            latest = dated.groupby("pos")["date"].max()
            logged[latest.index.to_numpy()] = latest.to_numpy(dtype="datetime64[ns]")
    both = np.where(
        np.isnat(field_dates),
        logged,
        np.where(np.isnat(logged), field_dates, np.maximum(field_dates, logged)),
    )
    return pd.Series(both, dtype="datetime64[ns]")


def _bands(strength: np.ndarray, bands: Mapping[str, Any]) -> np.ndarray:
    out = np.full(len(strength), "unknown", dtype=object)
    for band in ("weak", "medium", "strong"):
        members = [float(x) for x in bands.get(band, [])]
        out[np.isin(strength, members)] = band
    return out


def keep_warm(
    net: NetworkData,
    today: date | None = None,
    intervals: str | Path | Mapping[str, Any] | None = None,
) -> Finding:
    """Which contacts are cooling: days since last contact against their interval.

    Each contact is ``ok``, ``due`` (past its ideal interval), ``losing touch``
    (past its maximum) or ``unknown`` (no date). The losing-touch list puts
    strategic contacts first, then the most overdue.

    Parameters
    ----------
    net : NetworkData
        The person's network.
    today : date, optional
        The day to count from (default: today).
    intervals : str, Path or mapping, optional
        An edited ``keep_warm.json`` or a dict overriding part of it
        (see :func:`~leadnet_helpers.diagnostics.load_keep_warm`).

    Returns
    -------
    Finding
        ``value`` is the number of contacts losing touch; ``details`` holds
        ``losing_touch`` and ``due`` lists (contact, type, days since, interval,
        "7 months ago"), counts by status and type, and ``intervals`` (the
        settings used, as an override :func:`load_keep_warm` accepts).

    Examples
    --------
    >>> from datetime import date
    >>> from leadnet_helpers.model import Contact, Interaction, Profile
    >>> from leadnet_helpers.network import network_from
    >>> robert = Contact(
    ...     "Robert Hale", id=1, network_type="strategic", strength=2, last_contact="2026-04-20"
    ... )
    >>> f = keep_warm(network_from(Profile("Ana"), [robert]), today=date(2026, 11, 21))
    >>> f.value, f.details["losing_touch"][0]["ago"]
    (1, '7 months ago')
    >>> met = Interaction(1, "2026-11-20", "met")
    >>> keep_warm(network_from(Profile("Ana"), [robert], (), [met]), today=date(2026, 11, 21)).value
    0

    References
    ----------
    Ibarra & Hunter (2007), "Re-allocate your time"; cadence: a product choice.
    """
    key, title = "keep_warm", "Keeping ties warm"
    principle = (
        "A network is a muscle that atrophies: ties cool when you only call when you "
        "need something. Strategic ties are the easiest to neglect and the slowest "
        "to rebuild."
    )
    source = f"{IBARRA}; {CADENCE}"
    if net.size == 0:
        return no_contacts(key, title, principle, source)
    day = as_date(today)
    settings = load_keep_warm(intervals)
    v = view(net)
    last = last_touch(net).to_numpy(dtype="datetime64[ns]")
    known = ~np.isnat(last)
    days = np.zeros(v.n, dtype=np.int64)
    days[known] = (np.datetime64(day, "D") - last[known].astype("datetime64[D]")).astype(np.int64)
    days = np.maximum(days, 0)
    kinds = np.where(v.types == "", "unclassified", v.types)
    bands = _bands(v.strength, settings.get("strength_bands", {}))
    ideal = np.zeros(v.n)
    most = np.zeros(v.n)
    table = settings["intervals"]
    for kind in (*NETWORK_TYPES, "unclassified"):
        for band in ("strong", "medium", "weak", "unknown"):
            m = (kinds == kind) & (bands == band)
            if m.any():
                ideal[m] = float(table[kind][band]["ideal"])
                most[m] = float(table[kind][band]["max"])
    status = warmths(np.where(known, days, np.nan), ideal, most)
    overdue, due = status == "losing touch", status == "due"
    status_counts = {
        "losing_touch": int(overdue.sum()),
        "due": int(due.sum()),
        "ok": int((known & ~overdue & ~due).sum()),
        "unknown": int((~known).sum()),
    }
    by_type = {k: int((overdue & (kinds == k)).sum()) for k in (*NETWORK_TYPES, "unclassified")}
    last_iso = np.datetime_as_string(last.astype("datetime64[D]"), unit="D")

    def rows(mask: np.ndarray, limit: int) -> list[dict[str, Any]]:
        picked = np.flatnonzero(mask)
        ratio = days[picked] / np.maximum(most[picked], 1)
        order = np.lexsort((-ratio, kinds[picked] != "strategic"))
        out = []
        for i in picked[order][:limit]:
            s = v.strength[i]
            out.append(
                v.ref(int(i))
                | {
                    "network_type": str(kinds[i]),
                    "strength": None if np.isnan(s) else int(s),
                    "band": str(bands[i]),
                    "last_contact": str(last_iso[i]),
                    "days_since": int(days[i]),
                    "ideal_days": int(ideal[i]),
                    "max_days": int(most[i]),
                    "ago": time_ago(int(days[i])),
                }
            )
        return out

    losing = rows(overdue, 100)
    details = {
        "today": day.isoformat(),
        "counts": status_counts,
        "losing_touch_by_type": by_type,
        "losing_touch": losing,
        "due": rows(due, 50),
        "intervals_source": settings.get("source", CADENCE),
        # the settings used, in the form load_keep_warm accepts (plots re-read them)
        "intervals": {
            "intervals": settings["intervals"],
            "strength_bands": settings.get("strength_bands", {}),
        },
    }
    dated = int(known.sum())
    if dated == 0:
        reading = (
            "None of your contacts has a last-contact date or a logged interaction yet: "
            "log when you were last in touch to see who is cooling."
        )
        return make_finding(
            key, title, 0, reading, principle=principle, source=source, details=details
        )
    n_over = status_counts["losing_touch"]
    if n_over:
        first = losing[0]
        strategic = by_type["strategic"]
        of_them = f", {strategic} of them strategic" if strategic else ""
        reading = (
            f"{n_over:,} of your {plural(dated, 'contact')} with a known last contact "
            f"{'is' if n_over == 1 else 'are'} losing touch{of_them}. Start with "
            f"{first['name']} ({first['network_type']}, last contact {first['ago']})."
        )
        severity = min(1.0, 0.25 + 0.75 * n_over / dated + (0.15 if strategic else 0.0))
    else:
        reading = (
            f"No contact is past its maximum interval; {plural(status_counts['due'], 'contact')}"
            " are due a catch-up."
        )
        severity = 0.0
    return make_finding(
        key,
        title,
        n_over,
        reading,
        severity=severity,
        principle=principle,
        source=source,
        details=details,
        evidence=_evidence(details),
    )


def _evidence(details: dict[str, Any]) -> list[Concerned]:
    """Who is losing touch, then who is due, each with type and when last in touch."""
    out = []
    for role, key in (("losing_touch", "losing_touch"), ("due", "due")):
        for row in details[key]:
            kind = row["network_type"] if row["network_type"] != "unclassified" else ""
            detail = ", ".join(p for p in (kind, f"last contact {row['ago']}") if p)
            out.append(concerned(role, row | {"network_type": kind}, detail))
    return out
