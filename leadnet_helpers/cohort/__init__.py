"""The coach's cohort view: a folder of anonymised shares, the room at a glance.

One idea per module:

- :mod:`.validate`: reading a folder, checking each file, naming every file not counted
- :mod:`.suppress`: small-cell suppression (no breakdown of fewer than five)
- :mod:`.measures`: the measures summarised and their bands
- :mod:`.room`: the room's counts and distributions
- :mod:`.market`: the introductions market (asks paired with offers)
- :mod:`.then_now`: how the room moved between two rounds of shares
- :mod:`.view`: the whole view as JSON, and writing it
- :mod:`.debrief`: the offline HTML debrief to project or hand out
- :mod:`.sample`: a generated room of participants, for trying it out

The participant's side, writing a share, is :mod:`leadnet_helpers.share`.
"""

from .debrief import (
    debrief_html,
    files_section,
    market_section,
    readings,
    room_section,
    then_now_section,
)
from .sample import debrief_folder, sample_folder
from .suppress import MIN_GROUP
from .validate import FileProblem, Loaded, load_shares, share_problem
from .view import CohortView, cohort_view, write_cohort

__all__ = [
    "MIN_GROUP",
    "CohortView",
    "FileProblem",
    "Loaded",
    "cohort_view",
    "debrief_folder",
    "debrief_html",
    "files_section",
    "load_shares",
    "market_section",
    "readings",
    "room_section",
    "sample_folder",
    "share_problem",
    "then_now_section",
    "write_cohort",
]
