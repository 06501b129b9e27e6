"""The ego network as GraphML, for networkx, igraph, Gephi and R (igraph, then egor).

One node for the person (``id="ego"``, ``kind="ego"``) and one per contact
(``id="c<contact id>"``, ``kind="alter"``), each with a ``label``; an edge from
the person to every contact (``kind="ego"``, with the contact's ``strength``)
and one per pair of contacts who know each other (``kind="tie"``). Numbers
that are known also go into ``weight`` (a float), which Gephi reads as the
edge weight. The person's profile is also written as graph attributes
(``ego_name``, ``ego_organisation``...), which ``igraph`` and
``egor::as.egor()`` read as the ego; Gephi drops graph attributes, so the ego
node carries the profile too.

Attributes are cleaned first (:mod:`.egonet`): one type per attribute (text,
integer, double or boolean, declared ``for="node"`` / ``for="edge"``), no
control characters, and an unknown value written as no ``<data>`` element at
all (the GraphML way of saying "missing"; igraph reads it as NaN or empty,
networkx as an absent key), never as ``None`` or ``nan``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from .egonet import EgoNetwork, ego_network
from .files import atomic_write_bytes

if TYPE_CHECKING:
    from ..analysis import Analysis

__all__ = ["graphml_bytes", "network_graph", "write_graphml"]


def network_graph(en: EgoNetwork) -> nx.Graph:
    """The ego network as an undirected networkx graph (ego, alters, ego and alter ties).

    Examples
    --------
    >>> from leadnet_helpers.export.egonet import EgoNetwork
    >>> g = network_graph(
    ...     EgoNetwork(
    ...         {"id": "ego", "label": "Ana", "kind": "ego"},
    ...         [{"id": "c1", "label": "Bo", "kind": "alter", "strength": 4}],
    ...     )
    ... )
    >>> sorted(g.nodes), g.edges["ego", "c1"]
    (['c1', 'ego'], {'kind': 'ego', 'strength': 4, 'weight': 4.0})
    """
    graph: nx.Graph[str] = nx.Graph()
    graph.graph.update(en.graph)
    graph.add_node(str(en.ego["id"]), **{k: v for k, v in en.ego.items() if k != "id"})
    for alter in en.alters:
        node = str(alter["id"])
        graph.add_node(node, **{k: v for k, v in alter.items() if k != "id"})
        edge: dict[str, object] = {"kind": "ego"}
        if "strength" in alter:
            edge.update(strength=int(alter["strength"]), weight=float(alter["strength"]))
        graph.add_edge(str(en.ego["id"]), node, **edge)
    for tie in en.ties:
        strength = int(tie["strength"])
        graph.add_edge(
            str(tie["source"]),
            str(tie["target"]),
            kind="tie",
            strength=strength,
            weight=float(strength),
        )
    return graph


def graphml_bytes(en: EgoNetwork) -> bytes:
    """The ego network as GraphML (UTF-8 bytes).

    Examples
    --------
    >>> from leadnet_helpers.export.egonet import EgoNetwork
    >>> text = graphml_bytes(EgoNetwork({"id": "ego", "label": "Ana", "kind": "ego"})).decode()
    >>> 'for="node" attr.name="label" attr.type="string"' in text
    True
    """
    lines = nx.generate_graphml(network_graph(en), encoding="utf-8", prettyprint=True)
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_graphml(analysis: Analysis, path: str | Path, *, pseudonymise: bool = False) -> Path:
    """Write the ego network of *analysis* to *path* as GraphML (atomically); return the path."""
    return atomic_write_bytes(path, graphml_bytes(ego_network(analysis, pseudonymise=pseudonymise)))
