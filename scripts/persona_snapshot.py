"""Print what a person sees from each sample persona, as JSON, for before/after comparisons.

For every shipped persona: the classification mix, every finding (value, gap, severity,
reading) and the plan's actions and backlog with the people they name, on a fixed day.
Run it on two commits and compare the files::

    python scripts/persona_snapshot.py > after.json
    git stash; python scripts/persona_snapshot.py > before.json; git stash pop
    diff before.json after.json
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

DAY = date(2026, 11, 30)


def main() -> None:
    os.environ["LEADNET_HOME"] = tempfile.mkdtemp()
    from leadnet_helpers.analysis import classify_and_save
    from leadnet_helpers.personas import build_persona_workspace, list_personas
    from leadnet_helpers.plan import build_plan

    out = {}
    for persona in list_personas():
        path = Path(tempfile.mkdtemp()) / "w.leadnet.sqlite"
        with build_persona_workspace(persona["slug"], path) as ws:
            analysis = classify_and_save(ws, DAY)
            plan = build_plan(analysis)
            types = analysis.classification
            out[persona["slug"]] = {
                "mix": types["network_type"].value_counts().to_dict(),
                "secondary": int(types["secondary_types"].map(len).sum()),
                "findings": {
                    f.key: [f.value, f.is_gap, f.severity, f.reading] for f in analysis.findings
                },
                "actions": [
                    [a.template, a.title, [w["name"] for w in a.who]] for a in plan.actions
                ],
                "backlog": [
                    [a.template, a.title, [w["name"] for w in a.who]] for a in plan.backlog
                ],
            }
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False, default=str)
    print()


if __name__ == "__main__":
    main()
