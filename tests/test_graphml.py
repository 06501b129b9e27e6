"""`leadnet network`: GraphML that networkx and igraph load, and the three egor tables."""

from __future__ import annotations

import csv
import io
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pytest
from test_cli import leadnet

from leadnet_helpers.analysis import analysis_of
from leadnet_helpers.export.egonet import ego_network
from leadnet_helpers.export.egor import EGOR_FILES, egor_tables
from leadnet_helpers.export.graphml import graphml_bytes
from leadnet_helpers.model import HELP_KINDS, Contact, Profile
from leadnet_helpers.store import Workspace

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
TODAY = "2026-11-30"


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A small map with every awkward value: missing numbers, control characters, a formula."""
    path = tmp_path / "ana.leadnet.sqlite"
    profile = Profile(
        "Ana Lima", organisation="Contoso Ltd", role="Head of Operations", career_stage="executive"
    )
    with Workspace.create(path, profile) as ws:
        bo = ws.add_contact(
            Contact(
                "Bo Chen",
                organisation="Contoso",
                strength=5,
                inside_org=True,
                seniority="senior",
                helps_with=("power", "information"),
                energy="drains",
                relationship="my manager",
                notes="private: salary talk",
                email="bo@contoso.example",
            )
        )
        cy = ws.add_contact(
            Contact(
                "Cy\x07 Diaz\u2028",
                organisation="Fabrikam",
                inside_org=False,
                introduced_by="Bo Chen",
                last_contact="2026-10-01",
                tags=("alumni",),
            )
        )
        di = ws.add_contact(Contact("=HYPERLINK(1)", organisation="fabrikam inc.", strength=2))
        ws.add_contact(Contact("Ed Isolate"))  # no ties, nothing known
        ws.set_ties(bo, [cy, di])
    return path


def test_the_graphml_loads_in_networkx_with_typed_attributes(workspace, tmp_path):
    out = tmp_path / "net.graphml"
    done = leadnet("network", str(workspace), "--graphml", str(out))
    assert done.returncode == 0, done.stderr
    assert "Wrote the network (4 contacts and 2 ties) as GraphML" in done.stdout
    g = nx.read_graphml(out)
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 4 + 2
    assert g.graph["ego_name"] == "Ana Lima" and g.graph["ego_career_stage"] == "executive"
    assert g.graph["pseudonymised"] is False and g.graph["contacts"] == 4
    ego = g.nodes["ego"]
    assert (ego["kind"], ego["label"], ego["organisation"]) == ("ego", "Ana Lima", "Contoso Ltd")
    bo = next(d for _, d in g.nodes(data=True) if d["label"] == "Bo Chen")
    assert bo["strength"] == 5 and isinstance(bo["strength"], int)
    assert bo["inside"] is True and bo["location"] == "inside"
    assert bo["helps_with"] == "information;power" or bo["helps_with"] == "power;information"
    assert bo["helps_with_power"] is True and bo["helps_with_balance"] is False
    assert bo["energy"] == "drains" and bo["network_type"] in (
        "operational",
        "personal",
        "strategic",
    )
    assert "notes" not in bo and "email" not in bo  # never exported
    cy = next(d for _, d in g.nodes(data=True) if d["label"].startswith("Cy"))
    assert cy["label"] == "Cy Diaz" and cy["inside"] is False and "strength" not in cy
    assert cy["last_contact"] == "2026-10-01" and cy["introduced_by"] == "Bo Chen"
    ed = next(d for _, d in g.nodes(data=True) if d["label"] == "Ed Isolate")
    assert "strength" not in ed and "inside" not in ed  # unknown: no value, not None or nan
    kinds = {d["kind"] for *_, d in g.edges(data=True)}
    assert kinds == {"ego", "tie"}
    bo_id = next(n for n, d in g.nodes(data=True) if d["label"] == "Bo Chen")
    assert g.edges["ego", bo_id] == {"kind": "ego", "strength": 5, "weight": 5.0}


def test_every_key_is_declared_once_for_node_edge_or_graph_with_one_type(workspace, tmp_path):
    out = tmp_path / "net.graphml"
    assert leadnet("network", str(workspace), "--graphml", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "nan" not in text.casefold().replace("nancy", "") and "None" not in text
    root = ET.fromstring(out.read_bytes())  # well-formed XML: no raw control characters
    keys = [(k.get("for"), k.get("attr.name")) for k in root.findall("g:key", NS)]
    assert len(keys) == len(set(keys)) and {f for f, _ in keys} <= {"node", "edge", "graph"}
    types = {
        (k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.findall("g:key", NS)
    }
    assert types["node", "strength"] == "long" and types["edge", "weight"] == "double"
    assert types["node", "inside"] == "boolean" and types["node", "label"] == "string"


def test_the_graphml_loads_in_igraph(workspace, tmp_path):
    out = tmp_path / "net.graphml"
    assert leadnet("network", str(workspace), "--graphml", str(out)).returncode == 0
    g = igraph.Graph.Read_GraphML(str(out))
    assert (g.vcount(), g.ecount()) == (5, 6) and not g.is_directed()
    assert g["ego_name"] == "Ana Lima"
    labels = g.vs["label"]
    bo = g.vs[labels.index("Bo Chen")]
    assert bo["strength"] == 5 and bo["energy"] == "drains" and bo["helps_with_power"]
    ed = g.vs[labels.index("Ed Isolate")]
    assert math.isnan(ed["strength"])  # unknown reads as NaN in igraph
    ego = g.vs.find(id="ego")
    assert ego.degree() == 4 and ego["kind"] == "ego"
    weights = sorted(w for w in g.es["weight"] if not math.isnan(w))
    assert weights == [2.0, 3.0, 3.0, 5.0]  # ego-Di 2, two ties of 3, ego-Bo 5


def test_pseudonymised_exports_keep_the_structure_but_no_names(workspace, tmp_path):
    out, folder = tmp_path / "p.graphml", tmp_path / "egor"
    done = leadnet(
        "network", str(workspace), "--graphml", str(out), "--egor", str(folder), "--pseudonymise"
    )
    assert done.returncode == 0, done.stderr
    written = out.read_text(encoding="utf-8") + "".join(
        (folder / f).read_text(encoding="utf-8") for f in EGOR_FILES
    )
    for secret in (
        "Ana Lima",
        "Bo Chen",
        "Diaz",
        "HYPERLINK",
        "Contoso",
        "Fabrikam",
        "my manager",
        "alumni",
    ):
        assert secret not in written, secret
    g = nx.read_graphml(out)
    assert g.nodes["ego"]["label"] == "Ego" and g.graph["pseudonymised"] is True
    by_label = {d["label"]: d for _, d in g.nodes(data=True)}
    assert set(by_label) == {"Ego", "Contact 1", "Contact 2", "Contact 3", "Contact 4"}
    assert by_label["Ego"]["organisation"] == by_label["Contact 1"]["organisation"] == "Org 1"
    assert by_label["Contact 2"]["organisation"] == by_label["Contact 3"]["organisation"] == "Org 2"
    assert by_label["Contact 2"]["introduced_by"] == "Contact 1"
    assert g.number_of_edges() == 6
    again = tmp_path / "again.graphml"
    assert (
        leadnet("network", str(workspace), "--graphml", str(again), "--pseudonymise").returncode
        == 0
    )
    assert nx.read_graphml(again).nodes(data="label") == g.nodes(data="label")  # stable


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_egor_tables_use_egors_default_columns(workspace, tmp_path):
    folder = tmp_path / "out" / "egor"
    done = leadnet("network", str(workspace), "--egor", str(folder))
    assert done.returncode == 0, done.stderr
    assert "ego.csv, alters.csv, aaties.csv" in done.stdout
    raw = (folder / "alters.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM: R would read it into "egoID"
    ego = _rows((folder / "ego.csv").read_text(encoding="utf-8"))
    alters = _rows(raw.decode("utf-8"))
    ties = _rows((folder / "aaties.csv").read_text(encoding="utf-8"))
    assert len(ego) == 1 and ego[0]["egoID"] == "1" and ego[0]["label"] == "Ana Lima"
    assert list(alters[0])[:3] == ["egoID", "alterID", "label"]
    assert {a["egoID"] for a in alters} == {"1"} and len(alters) == 4
    assert list(ties[0]) == ["egoID", "Source", "Target", "weight"] and len(ties) == 2
    ids = {a["alterID"] for a in alters}
    assert all(t["Source"] in ids and t["Target"] in ids for t in ties)
    by_label = {a["label"]: a for a in alters}
    assert "'=HYPERLINK(1)" in by_label  # the formula guard
    assert by_label["Bo Chen"]["inside"] == "TRUE" and by_label["Ed Isolate"]["strength"] == ""
    assert by_label["Bo Chen"]["helps_with_power"] == "TRUE"
    assert {f"helps_with_{k}" for k in HELP_KINDS} <= set(alters[0])


def test_bad_targets_are_refused_before_anything_is_written(workspace, tmp_path):
    done = leadnet("network", str(workspace))
    assert (
        done.returncode == 1
        and "Nothing to export" in done.stderr
        and "Traceback" not in done.stderr
    )
    done = leadnet("network", str(workspace), "--graphml", str(tmp_path))
    assert done.returncode == 1 and "is a folder, not a file" in done.stderr
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    done = leadnet("network", str(workspace), "--egor", str(blocker))
    assert done.returncode == 1 and "is a file, not a folder" in done.stderr
    assert blocker.read_text() == "x"


def test_an_empty_workspace_exports_just_the_person(tmp_path):
    path = tmp_path / "new.leadnet.sqlite"
    with Workspace.create(path, Profile("Ana", organisation="Contoso")) as ws:
        en = ego_network(analysis_of(ws, TODAY))
    g = nx.parse_graphml(graphml_bytes(en).decode("utf-8"))
    assert list(g.nodes) == ["ego"] and g.number_of_edges() == 0
    tables = egor_tables(en)
    assert tables["alters.csv"].splitlines() == ["egoID,alterID,label"]
    assert tables["aaties.csv"].splitlines() == ["egoID,Source,Target,weight"]


def test_a_sample_persona_round_trips_through_both_libraries(tmp_path):
    from leadnet_helpers.personas import build_persona_workspace, list_personas

    slug = list_personas()[0]["slug"]
    with build_persona_workspace(slug, tmp_path / "p.leadnet.sqlite") as ws:
        analysis = analysis_of(ws, TODAY)
        contacts, ties = ws.count_contacts(), len(ws.ties())
    data = graphml_bytes(ego_network(analysis))
    (tmp_path / "p.graphml").write_bytes(data)
    g = nx.read_graphml(tmp_path / "p.graphml")
    h = igraph.Graph.Read_GraphML(str(tmp_path / "p.graphml"))
    assert g.number_of_nodes() == h.vcount() == contacts + 1
    assert g.number_of_edges() == h.ecount() == contacts + ties
    types = {d.get("network_type") for n, d in g.nodes(data=True) if n != "ego"}
    assert types <= {"operational", "personal", "strategic", ""} and len(types) >= 3
