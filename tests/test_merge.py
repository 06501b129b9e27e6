"""How a file's records join the workspace: merge on e-mail or LinkedIn, never on name."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from leadnet_helpers.importers.base import ParsedFile, ParsedRecord
from leadnet_helpers.merge import merge_contacts, plan_import
from leadnet_helpers.model import Contact


def _file(*records: ParsedRecord) -> ParsedFile:
    return ParsedFile(
        file="c.csv", format="template-csv", format_label="LeadNet template", records=list(records)
    )


def _rec(line, name=None, problem="", **fields) -> ParsedRecord:
    contact = Contact(name=name, **fields) if name else None
    if contact and fields.get("email") and "emails" not in fields:
        contact.emails = (fields["email"],)
    return ParsedRecord(line=line, contact=contact, problem=problem)


def _never(_id):  # pragma: no cover - fails the test if a merge loads a contact
    raise AssertionError("nothing should be loaded")


def test_records_sharing_an_email_merge_and_keep_both_sources_of_detail():
    plan = plan_import(
        _file(
            _rec(5, "Zoë Ångström", email="zoe@nordlys.example", organisation="Nordlys Energi AS"),
            _rec(
                6,
                "Zoe Angstrom",
                email="zoe@nordlys.example",
                role="Head of Strategy",
                tags=("Board",),
            ),
        ),
        {},
        {},
        _never,
    )
    report = plan.report
    assert (report.imported, report.merged, report.rejected) == (1, 1, 0)
    (zoe,) = plan.new
    assert (zoe.name, zoe.organisation, zoe.role, zoe.tags) == (
        "Zoë Ångström",
        "Nordlys Energi AS",
        "Head of Strategy",
        ("Board",),
    )
    merged = [e for e in report.events if e.outcome == "merged"]
    assert merged[0].line == 6 and "line 5" in merged[0].detail


def test_same_linkedin_profile_merges_into_the_stored_contact():
    stored = Contact(name="José Müller", id=7, role="VP Operations")
    plan = plan_import(
        _file(
            _rec(
                9,
                "Jose Muller",
                linkedin_url="https://www.linkedin.com/in/jose",
                organisation="Fabrikam, Inc.",
            )
        ),
        {"linkedin:https://www.linkedin.com/in/jose": 7},
        {},
        lambda cid: stored,
    )
    assert plan.report.merged == 1 and plan.new == []
    assert plan.updates[7].organisation == "Fabrikam, Inc."
    assert plan.updates[7].role == "VP Operations"  # what the person had is never overwritten


def test_same_name_alone_is_never_merged_but_listed_for_the_person():
    plan = plan_import(
        _file(_rec(2, "Ben Carter"), _rec(3, "ben  CARTER")),
        {},
        {"ben carter": ["Ben Carter"]},
        _never,
    )
    assert plan.report.imported == 2 and plan.report.merged == 0
    (dupe,) = plan.report.possible_duplicates  # one entry for the name, not one per record
    assert dupe.line == 2 and plan.report.duplicate_records == 2
    assert "lines 2, 3" in dupe.detail and "already in your workspace" in dupe.detail
    assert "2 possible duplicates to review (1 name)" in plan.report.summary()


def test_many_records_sharing_a_name_make_one_short_entry():
    """10,000 new Sam Lees after 10,000 stored ones: one entry, not one per pair."""
    stored = {"lee sam": [f"Sam Lee {i}" for i in range(10_000)]}
    records = [_rec(i + 2, "Sam Lee", organisation=f"Org {i}") for i in range(10_000)]
    report = plan_import(_file(*records), {}, stored, _never).report
    assert report.imported == 10_000 and report.duplicate_records == 10_000
    (dupe,) = report.possible_duplicates
    assert "10,000 records" in dupe.detail and "9,995 more" in dupe.detail
    assert "10,000 contacts already in your workspace" in dupe.detail
    text = "\n".join(
        f"{r['line']} {r['outcome']} {r['name']} {r['detail']}"
        for r in report.rows()
        if r["outcome"] != "imported"
    )
    assert len(text) < 5_000


def test_a_name_shared_within_the_file_only():
    plan = plan_import(_file(_rec(2, "Ada"), _rec(3, "Ben"), _rec(4, "ada")), {}, {}, _never)
    (dupe,) = plan.report.possible_duplicates
    assert dupe.line == 4 and "2 records of this file have this name (lines 2, 4)" in dupe.detail
    assert plan.report.duplicate_records == 1


def test_rejected_records_are_reported_with_their_line_and_reason():
    plan = plan_import(_file(_rec(4, problem="no name: add a name")), {}, {}, _never)
    (event,) = plan.report.events
    assert (event.line, event.outcome, event.detail) == (4, "rejected", "no name: add a name")
    assert "0 imported, 0 merged, 1 rejected" in plan.report.summary()


def test_merge_never_overwrites_and_unites_tags_and_emails():
    mine = Contact("Ada", role="Nurse", tags=("work",), emails=("a@x.org",), extra={"k": "1"})
    theirs = Contact(
        "Ada B",
        role="Matron",
        tags=("work", "alumni"),
        emails=("b@y.org",),
        extra={"k": "2", "j": "3"},
    )
    merged = merge_contacts(mine, theirs)
    assert merged.role == "Nurse" and merged.tags == ("work", "alumni")
    assert merged.emails == ("a@x.org", "b@y.org") and merged.extra == {"k": "1", "j": "3"}


names = st.sampled_from(["Ada", "Ben", "Cora", "ada", "Dev", ""])
emails = st.sampled_from(["", "a@x.org", "b@x.org", "c@x.org"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(names, emails), max_size=30))
def test_every_record_is_accounted_for(rows):
    records = [
        _rec(i + 2, n or None, problem="" if n else "no name", email=e)
        for i, (n, e) in enumerate(rows)
    ]
    report = plan_import(_file(*records), {}, {}, _never).report
    assert report.imported + report.merged + report.rejected == report.records == len(rows)
    assert len(
        {e.line for e in report.events if e.outcome in ("imported", "merged", "rejected")}
    ) == len(rows)


# Workspaces store these keys: a record imported again is recognised only if its
# fingerprint is the one computed when it was first imported, so they never change.
_STORED_KEYS = [
    (Contact("Ada"), "fp:a53154753bfd5a40dca99bf99f270807", []),
    (
        Contact(
            "Noah Zhang",
            organisation="Northwind Analytics",
            role="CFO",
            linkedin_url="https://www.linkedin.com/in/noah-zhang-75db4a",
            source="linkedin",
            extra={"connected_on": "2026-11-20"},
        ),
        "fp:29f582e15938c81884a904e766f495af",
        ["linkedin:https://www.linkedin.com/in/noah-zhang-75db4a"],
    ),
    (
        Contact(
            'Zoë O\'Neill "Z"',
            organisation="Nordlys",
            role="Head",
            function="Strategy",
            industry="Energy",
            seniority="senior",
            inside_org=False,
            relationship="peer",
            context="board",
            frequency="monthly",
            last_contact="2026-10-01",
            strength=4,
            gives_me=("insight", "support"),
            i_give=("advice",),
            orientation="future",
            discretionary=True,
            network_type="strategic",
            introduced_by="Ada",
            tags=("a", "b"),
            notes="line\nbreak\ttab",
            helps_with=("energy",),
            energy="gives",
            email="z@x.org",
            emails=("z@x.org", "zo@y.org"),
            linkedin_url="https://www.linkedin.com/in/zoe",
            phone="+47 1",
            source="google",
            extra={"b": "2", "a": 1},
        ),
        "fp:55aebfb833a6868182a3ca2025b0c7b8",
        ["email:z@x.org", "email:zo@y.org", "linkedin:https://www.linkedin.com/in/zoe"],
    ),
    (Contact("Bo", energy="drains"), "fp:70b0b06fb49e7985afe3a82ee0fd5d01", []),
]


def test_a_record_gets_the_keys_workspaces_already_store_for_it():
    plan = plan_import(
        _file(*(ParsedRecord(i, c) for i, (c, _, _) in enumerate(_STORED_KEYS))), {}, {}, _never
    )
    for index, (_, fp, keys) in enumerate(_STORED_KEYS):
        assert [k for k, (_, at) in plan.keys.items() if at == index] == [fp, *keys]


def test_a_record_imported_again_adds_nothing_whatever_its_source():
    known = {fp: 7 for _, fp, _ in _STORED_KEYS}
    again = [replace(c, source="template-csv") for c, _, _ in _STORED_KEYS]
    plan = plan_import(_file(*(ParsedRecord(i, c) for i, c in enumerate(again))), known, {}, _never)
    assert plan.report.merged == len(again) and not plan.new and not plan.updates


_TEXTS = st.sampled_from(["", " ", "Ada", "O'Neill", 'say "hi"', "Zoë", "a\\b\nc", "\udcff"])


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(_TEXTS, min_size=15, max_size=15),
    flags=st.lists(st.sampled_from([None, True, False]), min_size=2, max_size=2),
    strength=st.sampled_from([None, 1, 5]),
    tuples=st.lists(st.sampled_from([(), ("a",), ("a", "b;c")]), min_size=4, max_size=4),
    extra=st.dictionaries(st.sampled_from(["b", "a", "n"]), st.sampled_from(["", "x", 1])),
)
def test_a_fingerprint_hashes_the_repr_of_what_the_record_says(
    texts, flags, strength, tuples, extra
):
    import hashlib

    from leadnet_helpers.merge import fingerprint
    from leadnet_helpers.model import CONTACT_FIELDS

    names = ("name", "organisation", "role", "function", "industry", "seniority")
    names += ("relationship", "context", "frequency", "last_contact", "orientation")
    names += ("network_type", "introduced_by", "notes", "email")
    contact = Contact(
        **dict(zip(names, texts, strict=True)),
        inside_org=flags[0],
        discretionary=flags[1],
        strength=strength,
        gives_me=tuples[0],
        i_give=tuples[1],
        tags=tuples[2],
        helps_with=tuples[3],
        extra=extra,
    )
    identity = tuple(
        getattr(contact, f) for f in CONTACT_FIELDS if f not in ("source", "helps_with", "energy")
    )
    text = repr((identity, sorted(extra.items())))
    if contact.helps_with or contact.energy:
        text += repr((contact.helps_with, contact.energy))
    expected = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    assert fingerprint(contact) == expected
