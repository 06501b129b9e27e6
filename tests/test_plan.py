"""The action plan: actions from gaps, named contacts, ranking, the monthly cap, saving."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta

import pytest

from leadnet_helpers.errors import LeadNetError
from leadnet_helpers.findings import Concerned, Finding
from leadnet_helpers.model import Contact, Interaction, Profile, Tie
from leadnet_helpers.network import network_from
from leadnet_helpers.plan import (
    CADENCES,
    RRULES,
    Action,
    build_plan,
    custom_action,
    load_templates,
    plan_from_dict,
    plan_from_json,
    plan_to_dict,
    plan_to_json,
    suggest_actions,
    who_text,
)

TODAY = date(2026, 11, 21)
#: The keys the diagnostics return (leadnet_helpers.diagnostics.all_findings).
DIAGNOSTIC_KEYS = (
    "balance",
    "inside_outside",
    "future",
    "structure",
    "diversity",
    "homophily",
    "keep_warm",
    "give_and_take",
    "over_reliance",
    "coverage",
    "brokers",
    "introductions",
    "strong_ties",
)


def gap(key: str, severity: float = 0.6, evidence: tuple = (), title: str = "") -> Finding:
    return Finding(
        key,
        title or f"Gap {key}",
        None,
        f"Reading for {key}.",
        True,
        severity,
        f"Principle for {key}.",
        f"Source for {key}.",
        {},
        tuple(evidence),
    )


def who(role: str, cid: int | None, name: str, detail: str = "", **extra) -> Concerned:
    return Concerned(role, cid, name, extra.pop("kind", "strategic"), detail, **extra)


# --------------------------------------------------------------------------- templates


def test_templates_cover_the_issue_list_and_name_principle_and_source():
    data = load_templates()
    ids = {t["id"] for t in data["templates"]}
    assert {
        "reconnect_dormant",
        "give_first",
        "shared_activity",
        "outside_association",
        "mentor_both",
        "introduce_pair",
        "second_source",
        "ask_introducers",
        "reallocate_time",
        "personal_to_strategic",
        "_default",
        "_none",
    } <= ids
    for t in data["templates"]:
        assert t["principle"] and t["source"] and t["first_step"] and t["success_measure"]
        assert t.get("cadence", "") in CADENCES
        assert 1 <= int(t["due_days"]) <= 31, t["id"]  # due within the month
        if not t["id"].startswith("_"):
            assert t["source"] in data["sources"], t["id"]
            assert t.get("also_source", t["source"]) in data["sources"], t["id"]


@pytest.mark.parametrize("key", DIAGNOSTIC_KEYS)
def test_every_diagnostic_gap_gets_a_specific_action(key):
    actions = suggest_actions([gap(key)], today=TODAY)
    assert actions, key
    assert actions[0].template != "_default", key
    assert all(a.gap_key == key for a in actions)
    for a in actions:
        assert a.title and a.why and a.first_step and a.success_measure
        assert a.principle and a.source
        assert TODAY < a.due <= TODAY + timedelta(days=31)
        assert "{" not in a.title + a.first_step + a.success_measure + a.why  # all filled


def test_an_unknown_gap_gets_a_generic_step_and_an_alias_finds_its_templates():
    actions = suggest_actions([gap("commute", title="Long commute")], today=TODAY)
    assert [a.template for a in actions] == ["_default"]
    assert actions[0].title == "Take one step on: Long commute"
    assert actions[0].principle == "Principle for commute."
    assert actions[0].source == "Source for commute."
    aliased = suggest_actions([gap("constraint")], today=TODAY)  # an alias of "structure"
    assert "shared_activity" in {a.template for a in aliased}


def test_no_gap_means_one_keep_the_habit_action():
    fine = Finding("balance", "Balance", {}, "Fine.", False, 0.0, "p", "s")
    actions = suggest_actions([fine], today=TODAY)
    assert [a.template for a in actions] == ["_none"]
    assert actions[0].cadence == "monthly"


def test_a_template_answering_several_gaps_gives_one_action():
    actions = suggest_actions([gap("inside_outside", 0.7), gap("diversity", 0.5)], today=TODAY)
    shared = [a for a in actions if a.template == "shared_activity"]
    assert len(shared) == 1
    assert shared[0].gap_key == "inside_outside"
    assert "helps with 'Gap diversity'" in shared[0].why


# --------------------------------------------------------------------------- named contacts


def test_reconnect_names_the_people_the_finding_names_in_its_order():
    evidence = (
        who("losing_touch", 1, "Robert Hale", "strategic, last contact 7 months ago"),
        who("losing_touch", 2, "Ada Brooks", "personal, last contact 13 months ago"),
        who("due", 9, "Cy Due", "operational, last contact 2 months ago"),
    )
    action = next(
        a
        for a in suggest_actions([gap("keep_warm", 0.8, evidence)], today=TODAY)
        if a.template == "reconnect_dormant"
    )
    assert action.who[0] == {
        "contact_id": 1,
        "name": "Robert Hale",
        "detail": "strategic, last contact 7 months ago",
    }
    assert who_text(action).startswith("Robert Hale (strategic, last contact 7 months ago)")
    assert action.title == "Reconnect with Robert Hale and 1 other"  # losing touch before due
    assert "Robert Hale" in action.first_step
    assert "Ibarra" in action.source


def test_give_first_names_the_people_you_only_ask():
    evidence = (who("asked_only", 5, "Gwen Pritchard", "you asked 3 times, gave 0"),)
    action = suggest_actions([gap("give_and_take", 0.7, evidence)], today=TODAY)[0]
    assert action.template == "give_first"
    assert action.who[0]["name"] == "Gwen Pritchard"
    assert action.who[0]["detail"] == "you asked 3 times, gave 0"
    assert action.cadence == "weekly"
    assert "Baker" in action.source


def test_introduce_pair_uses_the_suggested_pairs_even_when_they_are_no_gap():
    pairs = Finding(
        "introductions",
        "Introductions you could make",
        1,
        "r",
        False,
        0.0,
        "p",
        "s",
        {},
        (
            who("pair", 1, "Ana Lima", pair=0, note="Both work in Finance."),
            who("pair", 2, "Bo Chen", pair=0, note="Both work in Finance."),
        ),
    )
    actions = suggest_actions([gap("structure", 0.6), pairs], today=TODAY)
    intro = next(a for a in actions if a.template == "introduce_pair")
    assert intro.title == "Introduce Ana Lima and Bo Chen"
    assert [w["contact_id"] for w in intro.who] == [1, 2]
    assert "Both work in Finance." in intro.why
    assert intro.id == "introduce_pair-1-2"


def test_introduce_pair_is_skipped_when_nobody_fits():
    actions = suggest_actions([gap("introductions", 0.6)], today=TODAY)
    assert "introduce_pair" not in {a.template for a in actions}
    assert "ask_introducers" in {a.template for a in actions}


def test_second_source_names_the_one_person_you_rely_on():
    evidence = (who("relied_on", 7, "Ines Duarte", "gives you insight", note="insight"),)
    action = suggest_actions([gap("coverage", 0.6, evidence)], today=TODAY)[0]
    assert action.template == "second_source"
    assert action.title == "Add a second source of insight beside Ines Duarte"
    assert "Ines Duarte" in action.success_measure


def test_ask_introducers_names_your_best_broker():
    evidence = (who("introducer", 3, "Kofi Mensah", "introduced you to 4 of your contacts"),)
    action = next(
        a
        for a in suggest_actions([gap("brokers", 0.7, evidence)], today=TODAY)
        if a.template == "ask_introducers"
    )
    assert action.who[0] == {
        "contact_id": 3,
        "name": "Kofi Mensah",
        "detail": "introduced you to 4 of your contacts",
    }


def _net():
    people = [
        Contact(
            "Robert Hale",
            id=1,
            network_type="strategic",
            strength=3,
            industry="Health",
            organisation="Northwind",
            last_contact="2026-04-20",
            inside_org=False,
        ),
        Contact(
            "Ada Brooks",
            id=2,
            network_type="personal",
            strength=4,
            industry="Health",
            organisation="Riverside",
            orientation="future",
            inside_org=False,
            last_contact="2026-11-01",
            introduced_by="Kofi Mensah",
        ),
        Contact(
            "Kofi Mensah",
            id=3,
            network_type="personal",
            strength=5,
            organisation="Contoso",
            last_contact="2026-11-10",
            seniority="senior",
        ),
        Contact(
            "Gwen Pritchard",
            id=4,
            network_type="operational",
            strength=2,
            inside_org=True,
            function="Clinical Safety",
            seniority="peer",
            last_contact="2026-11-18",
            gives_me=("resources",),
        ),
        Contact(
            "Lee Park",
            id=5,
            network_type="strategic",
            strength=3,
            introduced_by="Kofi Mensah",
            organisation="Contoso",
            last_contact="2026-11-02",
        ),
    ]
    log = [Interaction(4, "2026-10-01", "asked"), Interaction(4, "2026-10-20", "asked")]
    return network_from(Profile("Ana Lima", function="Engineering"), people, [Tie(3, 5)], log)


def test_the_diagnostics_name_the_people_and_the_plan_follows():
    from leadnet_helpers.diagnostics import all_findings

    findings = [
        dataclasses.replace(f, is_gap=True, severity=0.9 - 0.05 * i)
        for i, f in enumerate(all_findings(_net(), TODAY))
    ]
    actions = {a.template: a for a in suggest_actions(findings, TODAY)}
    assert actions["reconnect_dormant"].who[0]["name"] == "Robert Hale"
    assert "7 months ago" in actions["reconnect_dormant"].who[0]["detail"]
    assert actions["give_first"].who[0]["name"] == "Gwen Pritchard"
    assert actions["ask_introducers"].who[0]["name"] == "Kofi Mensah"
    assert actions["ask_introducers"].who[0]["contact_id"] == 3
    assert actions["cross_function_peer"].who[0]["name"] == "Gwen Pritchard"
    assert actions["personal_to_strategic"].who[0]["name"] == "Ada Brooks"
    assert actions["mentor_both"].who[0]["name"] == "Kofi Mensah"


def test_a_plan_without_evidence_names_nobody_rather_than_guessing():
    actions = {a.template: a for a in suggest_actions([gap("keep_warm", 0.9)], TODAY)}
    assert actions["reconnect_dormant"].who == []


def test_placeholders_in_contact_names_stay_as_typed():
    evidence = (who("losing_touch", 1, "{name} {gap_title|x}", "strategic"),)
    action = suggest_actions([gap("keep_warm", 0.8, evidence)], today=TODAY)[0]
    assert action.title == "Reconnect with {name} {gap_title|x}"


def test_an_unknown_role_is_refused_where_the_evidence_is_made():
    with pytest.raises(ValueError, match="unknown role"):
        Concerned("friend", 1, "Bo")


# --------------------------------------------------------------------------- ranking and cap


def _many_gaps():
    return [
        gap(k, s)
        for k, s in (
            ("balance", 0.9),
            ("keep_warm", 0.8),
            ("give_and_take", 0.7),
            ("inside_outside", 0.6),
            ("diversity", 0.5),
            ("over_reliance", 0.4),
            ("coverage", 0.3),
            ("strong_ties", 0.2),
        )
    ]


def test_the_month_holds_a_few_actions_one_for_each_worst_gap_first():
    plan = build_plan(_many_gaps(), TODAY, limit=5, person="Ana Lima")
    assert len(plan.actions) == 5
    assert {a.gap_key for a in plan.actions} == {
        "balance",
        "keep_warm",
        "give_and_take",
        "inside_outside",
        "diversity",
    }
    assert plan.backlog, "the rest is kept"
    ids = [a.id for a in plan.all_actions()]
    assert len(ids) == len(set(ids))
    assert all(a.due <= TODAY + timedelta(days=31) for a in plan.actions)
    assert all(a.due > TODAY + timedelta(days=28) for a in plan.backlog)
    assert [a.due for a in plan.actions] == sorted(a.due for a in plan.actions)
    assert sum(a.cadence == "weekly" for a in plan.actions) <= 2
    assert plan.person == "Ana Lima" and plan.created == TODAY
    assert [f["key"] for f in plan.gaps][:2] == ["balance", "keep_warm"]


def test_more_severe_gaps_rank_first_and_the_limit_is_kept():
    plan = build_plan([gap("diversity", 0.3), gap("give_and_take", 0.9)], today=TODAY, limit=1)
    assert [a.gap_key for a in plan.actions] == ["give_and_take"]
    assert build_plan(_many_gaps(), today=TODAY, limit=0).actions == []
    with pytest.raises(LeadNetError):
        build_plan(_many_gaps(), today=TODAY, limit=-1)


def test_strategic_under_use_leads_even_when_another_gap_scores_higher():
    under = dataclasses.replace(gap("balance", 0.4), details={"strategic_underuse": True})
    plan = build_plan([gap("diversity", 0.9), under], today=TODAY, limit=1)
    assert [a.gap_key for a in plan.actions] == ["balance"]
    assert plan.findings[0]["key"] == "balance"


def test_a_plan_for_each_sample_persona(tmp_path):
    from leadnet_helpers.analysis import analysis_of
    from leadnet_helpers.personas import build_persona_workspace, list_personas

    for persona in list_personas():
        ws = build_persona_workspace(persona["slug"], tmp_path / f"{persona['slug']}.sqlite")
        analysis = analysis_of(ws, TODAY)
        plan = build_plan(analysis)
        ws.close()
        # the contract: every action names only people its findings name
        named = {(p.contact_id, p.name) for f in analysis.findings for p in f.evidence}
        for action in plan.all_actions():
            assert {(w["contact_id"], w["name"]) for w in action.who} <= named, action.id
        assert 1 <= len(plan.actions) <= 5, persona["slug"]
        assert plan.person == persona["name"]
        assert any(a.who for a in plan.actions), "names real contacts"
        for a in plan.actions:
            assert a.title and a.why.startswith("Closes the gap") and a.first_step
            assert a.success_measure and a.principle and a.source


# --------------------------------------------------------------------------- the objects


def test_actions_check_cadence_and_status():
    with pytest.raises(LeadNetError, match="cadence"):
        Action("a", "t", cadence="daily")
    with pytest.raises(LeadNetError, match="status"):
        Action("a", "t", status="maybe")
    assert Action("a", "t", due="2026-02-03").due == date(2026, 2, 3)
    assert Action("a", "t", cadence="quarterly").rrule == RRULES["quarterly"]
    assert Action("a", "t").rrule is None


def test_custom_actions_and_moving_between_month_and_backlog():
    plan = build_plan(_many_gaps(), today=TODAY, limit=2)
    mine = custom_action("Lunch with the CFO", "2026-12-03", who=["Ines Duarte"], cadence="monthly")
    assert mine.id == custom_action("Lunch with the CFO", date(2026, 12, 3)).id
    plan.add(mine)
    with pytest.raises(LeadNetError):
        plan.add(mine)
    first_backlog = plan.backlog[0].id
    plan.promote(first_backlog)
    assert plan.actions[-1].id == first_backlog
    plan.demote(mine.id)
    assert plan.backlog[0] is mine
    with pytest.raises(LeadNetError):
        plan.get("nope")


# --------------------------------------------------------------------------- saving


def test_a_plan_survives_json_and_the_workspace(ws):
    plan = build_plan(_many_gaps(), TODAY)
    plan.actions[0].status = "done"
    plan.add(custom_action("Ask Zoë about the board", "2026-12-01"))
    assert plan_from_json(plan_to_json(plan)) == plan
    ws.save_plan(plan_to_dict(plan))
    assert plan_from_dict(ws.latest_plan()) == plan


def test_bad_saved_plans_say_what_to_do():
    with pytest.raises(LeadNetError, match="not valid JSON"):
        plan_from_json("{nope")
    with pytest.raises(LeadNetError, match="not a saved action plan"):
        plan_from_dict({"person": "x"})
    with pytest.raises(LeadNetError, match="newer"):
        plan_from_dict({"format": 99, "actions": []})
    with pytest.raises(LeadNetError, match="no id or title"):
        plan_from_dict({"actions": [{"title": "t"}]})


def test_an_edited_templates_file_is_checked(tmp_path):
    broken = tmp_path / "mine.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(LeadNetError, match="mine.json"):
        load_templates(broken)
    data = load_templates()
    data = json.loads(json.dumps(data))
    del data["templates"][0]["first_step"]
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LeadNetError, match="first_step"):
        load_templates(broken)
    data["templates"] = [t for t in data["templates"] if "first_step" in t]
    data["templates"][0]["cadence"] = "hourly"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LeadNetError, match="cadence"):
        load_templates(broken)
