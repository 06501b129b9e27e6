"""The action plan: concrete actions from the gaps, ranked and capped to a month.

Every finding that is a gap (:class:`~leadnet_helpers.findings.Finding`) is
answered by one or more templates from ``data/action_templates.json``. The
mapping from a finding's key to its templates lives in that file (with aliases
for other names of the same gap), so a new diagnostic needs a line of data, not
code; a key nobody mapped gets a generic "take one step" action rather than
nothing. Each template names the principle it rests on and its source, and its
text is filled with the people the findings name in the roles the template
asks for ("Reconnect with Robert Hale (strategic, last contact 7 months ago)"):
the plan reads only the findings' typed evidence, never the network itself.

:func:`build_plan` ranks the suggestions by the severity of the gap each closes
times the template's weight, takes the best action for each gap first, and
keeps a few for the month (five by default: what a busy person can do); the
rest go to a backlog the person can promote from. A plan is plain data:
:func:`plan_to_dict` / :func:`plan_from_dict` (and the JSON variants) store it
in the workspace and read it back.
"""

from .actions import (
    BACKLOG_DELAY,
    CADENCES,
    MAX_WEEKLY,
    PLAN_FORMAT,
    RRULES,
    STATUSES,
    Action,
    Plan,
    Who,
    custom_action,
    who_text,
)
from .build import build_plan
from .serial import plan_from_dict, plan_from_json, plan_to_dict, plan_to_json
from .suggest import gaps_in_order, suggest_actions
from .templates import load_templates

__all__ = [
    "BACKLOG_DELAY",
    "CADENCES",
    "MAX_WEEKLY",
    "PLAN_FORMAT",
    "RRULES",
    "STATUSES",
    "Action",
    "Plan",
    "Who",
    "build_plan",
    "custom_action",
    "gaps_in_order",
    "load_templates",
    "plan_from_dict",
    "plan_from_json",
    "plan_to_dict",
    "plan_to_json",
    "suggest_actions",
    "who_text",
]
