"""Plotly figures of a person's network: pure functions of the data, one per module.

Every function takes a :class:`~leadnet_helpers.network.NetworkData` (and the
:class:`~leadnet_helpers.findings.Finding` it illustrates) and returns a
``plotly.graph_objects.Figure``; none of them shows anything. The gap list is the
exception: a table of text, as HTML (:func:`~.gaps.gap_list_html`). The reading of
the finding travels with the figure in ``layout.meta["reading"]``
(:func:`reading_of`). Colours are colour-blind safe (Okabe-Ito), and every
network type also has its own marker symbol and its name on the figure.

====================  =============================================  ====================
figure                what it shows                                  module
====================  =============================================  ====================
balance               share of each network against the target mix   :mod:`.balance`
ego map               rings by tie strength, sectors by type          :mod:`.ego`
who knows whom        contacts linked where they know each other     :mod:`.who_knows_whom`
keeping warm          days since last contact against intervals      :mod:`.keep_warm`
give and take         what you give against what you ask             :mod:`.give_take`
diversity             Blau's index / IQV per attribute               :mod:`.diversity`
gap list (HTML)       gaps ranked by severity, with their sources    :mod:`.gaps`
roles and energy      who gives each kind of help; energising ties   :mod:`.roles`
====================  =============================================  ====================
"""

from .balance import balance_figure, target_mix
from .diversity import diversity_figure, diversity_table
from .ego import ego_layout, ego_map_figure
from .figures import (
    FIGURES,
    GAP_LIST,
    PLAN_FIGURES,
    PLOTTED,
    build_figures,
    needs_webgl,
    plan_figures,
)
from .gaps import gap_list_html, gap_list_reading, rank_gaps
from .give_take import give_take_counts, give_take_figure
from .keep_warm import keep_warm_figure, keep_warm_table
from .roles import energy_figure, roles_counts, roles_figure
from .style import (
    HIGHLIGHT,
    NETWORK_COLOURS,
    NETWORK_LABELS,
    NETWORK_SYMBOLS,
    SCATTERGL_THRESHOLD,
    escape,
    reading_of,
)
from .who_knows_whom import SPRING_LIMIT, tie_layout, who_knows_whom_figure

__all__ = [
    "FIGURES",
    "GAP_LIST",
    "HIGHLIGHT",
    "NETWORK_COLOURS",
    "NETWORK_LABELS",
    "NETWORK_SYMBOLS",
    "PLAN_FIGURES",
    "PLOTTED",
    "SCATTERGL_THRESHOLD",
    "SPRING_LIMIT",
    "balance_figure",
    "build_figures",
    "diversity_figure",
    "diversity_table",
    "ego_layout",
    "ego_map_figure",
    "energy_figure",
    "escape",
    "gap_list_html",
    "gap_list_reading",
    "give_take_counts",
    "give_take_figure",
    "keep_warm_figure",
    "keep_warm_table",
    "needs_webgl",
    "plan_figures",
    "rank_gaps",
    "reading_of",
    "roles_counts",
    "roles_figure",
    "target_mix",
    "tie_layout",
    "who_knows_whom_figure",
]
