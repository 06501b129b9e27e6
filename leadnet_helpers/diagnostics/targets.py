"""The editable settings behind two diagnostics: target mixes and keep-warm intervals.

Both live in ``data/`` as JSON with their source and reasoning
(``target_mixes.json``, ``keep_warm.json``). A person or their coach can edit a
copy and pass its path, or pass a dict that overrides part of the shipped
settings; what is not overridden keeps the shipped value.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import LeadNetError
from ..paths import data_dir
from ._common import NETWORK_TYPES

__all__ = ["load_keep_warm", "load_target_mixes", "target_for"]

Settings = str | Path | Mapping[str, Any] | None


def _read(name: str, override: Settings) -> dict[str, Any]:
    shipped = json.loads((data_dir() / name).read_text(encoding="utf-8"))
    if override is None:
        return shipped
    if isinstance(override, Mapping):
        return _merge(shipped, override)
    path = Path(override)
    try:
        edited = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LeadNetError(
            f"cannot read {path.name}", file=path.name, fix="Check the path of your edited copy."
        ) from exc
    except json.JSONDecodeError as exc:
        raise LeadNetError(
            f"this is not valid JSON ({exc.msg})",
            file=path.name,
            line=exc.lineno,
            fix=f"Fix the file, or start again from a fresh copy of data/{name}.",
        ) from exc
    if not isinstance(edited, dict):
        raise LeadNetError(
            "the file should hold one JSON object",
            file=path.name,
            fix=f"Start again from a fresh copy of data/{name}.",
        )
    return _merge(shipped, edited)


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _share(value: Any, where: str, most: float = 1.0) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not 0 <= number <= most:
        raise LeadNetError(
            f"{where} should be a share between 0 and 1, not {value!r}",
            fix="Write shares as decimals, e.g. 0.25 for a quarter.",
        )
    return number


def load_target_mixes(path: Settings = None) -> dict[str, Any]:
    """Read the target mix of the three networks for each career stage.

    Parameters
    ----------
    path : str, Path or mapping, optional
        An edited copy of ``data/target_mixes.json``, or a dict overriding part
        of it (e.g. ``{"stages": {"executive": {"strategic": 0.5}}}``).
        ``None`` reads the shipped file.

    Returns
    -------
    dict
        ``{"default_stage": str, "source": str, "stages": {stage: {"operational",
        "personal", "strategic", "future_share", "reasoning", "source"}}}``, the
        three shares normalised to sum to 1.

    Raises
    ------
    LeadNetError
        When the file cannot be read or a share is not between 0 and 1.

    Examples
    --------
    >>> mixes = load_target_mixes()
    >>> mixes["stages"]["functional manager stepping up to business leader"]["strategic"]
    0.35
    >>> load_target_mixes({"stages": {"executive": {"strategic": 0.9}}})["stages"]["executive"][
    ...     "strategic"
    ... ] > 0.45
    True
    """
    data = _read("target_mixes.json", path)
    stages = data.get("stages")
    if not isinstance(stages, dict) or not stages:
        raise LeadNetError("the target mixes have no stages", fix="Keep the 'stages' section.")
    for stage, mix in stages.items():
        if not isinstance(mix, dict):
            raise LeadNetError(f"the target mix of '{stage}' should be an object")
        shares = {
            t: _share(mix.get(t, 0), f"the {t} share of '{stage}'", 100.0) for t in NETWORK_TYPES
        }
        total = sum(shares.values())
        if total <= 0:
            raise LeadNetError(
                f"the target mix of '{stage}' is all zeros",
                fix="Give at least one network a share above 0.",
            )
        mix.update({t: round(v / total, 4) for t, v in shares.items()})
        mix["future_share"] = _share(mix.get("future_share", 0.2), f"future_share of '{stage}'")
        mix.setdefault("reasoning", "")
        mix.setdefault("source", data.get("source", ""))
    if data.get("default_stage") not in stages:
        data["default_stage"] = next(iter(stages))
    return data


def target_for(stage: str, targets: Settings = None) -> tuple[str, dict[str, Any]]:
    """The target mix for a career stage (the default stage when unknown).

    *targets* may also be a single mix, ``{"operational": .., "personal": ..,
    "strategic": ..}``, which is then used whatever the stage.

    Returns
    -------
    (str, dict)
        The stage the target belongs to, and the target mix.

    Examples
    --------
    >>> target_for("executive")[1]["strategic"]
    0.45
    >>> target_for("", {"operational": 1, "personal": 1, "strategic": 2})[1]["strategic"]
    0.5
    """
    if isinstance(targets, Mapping) and any(t in targets for t in NETWORK_TYPES):
        single = {"stages": {"custom": dict(targets)}, "default_stage": "custom"}
        data = load_target_mixes(single)
        mix = data["stages"]["custom"]
        mix.setdefault("reasoning", "a target set for you")
        return (stage or "your stage"), mix
    data = load_target_mixes(targets)
    key = (stage or "").strip().casefold()
    by_key = {s.casefold(): s for s in data["stages"]}
    name = by_key.get(key, data["default_stage"])
    return name, data["stages"][name]


def load_keep_warm(path: Settings = None) -> dict[str, Any]:
    """Read the keep-warm intervals (ideal and maximum days) by type and tie strength.

    Parameters
    ----------
    path : str, Path or mapping, optional
        An edited copy of ``data/keep_warm.json``, or a dict overriding part of
        it (e.g. ``{"intervals": {"strategic": {"weak": {"max": 90}}}}``).

    Returns
    -------
    dict
        ``{"strength_bands": {band: [strengths]}, "intervals": {type: {band:
        {"ideal": days, "max": days}}}, "source": str, ...}``; the types are the
        three networks plus ``"unclassified"``, the bands ``strong``, ``medium``,
        ``weak`` and ``unknown``.

    Raises
    ------
    LeadNetError
        When an interval is not a positive number of days or ideal > max.

    Examples
    --------
    >>> load_keep_warm()["intervals"]["strategic"]["strong"]["max"]
    60
    """
    data = _read("keep_warm.json", path)
    intervals = data.get("intervals", {})
    for kind in (*NETWORK_TYPES, "unclassified"):
        bands = intervals.setdefault(kind, copy.deepcopy(intervals.get("unclassified", {})))
        for band in ("strong", "medium", "weak", "unknown"):
            cell = bands.get(band)
            if not isinstance(cell, dict):
                raise LeadNetError(
                    f"keep-warm intervals for {kind}/{band} are missing",
                    fix="Give each type and band an 'ideal' and a 'max'.",
                )
            try:
                ideal, most = float(cell["ideal"]), float(cell["max"])
            except (KeyError, TypeError, ValueError):
                ideal = most = float("nan")
            if not (0 < ideal <= most):
                raise LeadNetError(
                    f"keep-warm intervals for {kind}/{band} should be days with "
                    f"0 < ideal <= max, not {cell!r}",
                    fix="Fix the numbers of days.",
                )
    return data
