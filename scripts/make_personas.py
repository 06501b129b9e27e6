"""Write the course personas in ``data/personas/`` (deterministic: same files every run).

The two original samples (Ana Lucía Ferreira, Noor Al-Sayegh) were written by hand; the six
course personas below are generated from a compact description of each person's circles, so
their stories stay easy to read and to change. Each circle is a group of contacts who share an
organisation, a function, a way of being in touch and a density of ties among themselves; a
seeded random generator (one seed per persona) fills in dates, strengths and ties.

Run it from the repository root and commit the files it writes::

    python scripts/make_personas.py

Every person and organisation here is fictional. "Today" in the data is 2026-11-21, as in the
hand-written samples: last contacts and the year of interactions end on that day.

Examples
--------
>>> _spread(date(2026, 11, 21), 3, 30)[0].isoformat()
'2026-11-21'
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from leadnet_helpers.model import TEMPLATE_COLUMNS

TODAY = date(2026, 11, 21)
ROOT = Path(__file__).resolve().parent.parent
PERSONAS = ROOT / "data" / "personas"
COLUMNS = TEMPLATE_COLUMNS
#: Days between logged interactions, and how many a year's log holds, per frequency.
CADENCE = {"weekly": (9, 4), "monthly": (30, 3), "quarterly": (90, 2), "yearly": (200, 1)}


@dataclass
class Circle:
    """A group of contacts who share where and how the persona knows them."""

    names: list[str]
    roles: list[str]
    organisation: str | list[str]
    function: str | list[str]
    industry: str | list[str]
    seniority: str | list[str]
    inside: str
    relationship: str
    context: str
    frequency: str | list[str]
    days_ago: tuple[int, int]
    strength: tuple[int, int]
    gives_me: list[str] = field(default_factory=lambda: [""])
    i_give: list[str] = field(default_factory=lambda: [""])
    orientation: str | list[str] = "current"
    discretionary: str = "no"
    network_type: str = ""
    introduced_by: str | list[str] = "me"
    tags: str = ""
    kinds: tuple[int, int, int] = (3, 1, 1)  # weights of met, gave, asked in the log
    density: float = 0.5
    notes: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Persona:
    slug: str
    profile: dict[str, str]
    description: str
    intended_gaps: list[str]
    story: str
    circles: list[Circle]
    bridges: list[tuple[str, str, int]] = field(default_factory=list)
    between: float = 0.03  # chance of a tie between two contacts of different circles
    extra_log: list[tuple[str, str, str, str]] = field(default_factory=list)
    introduced_share: float = 0.45  # chance a contact was introduced by someone in their circle


def _pick(value: str | list[str], i: int) -> str:
    return value[i % len(value)] if isinstance(value, list) else value


def _spread(last: date, count: int, gap: int) -> list[date]:
    """*count* dates ending on *last*, *gap* days apart, none older than a year."""
    start = TODAY - timedelta(days=364)
    return [d for k in range(count) if (d := last - timedelta(days=k * gap)) >= start]


def _contacts(p: Persona, rng: random.Random) -> tuple[list[dict[str, str]], list[list[str]]]:
    rows, groups = [], []
    for c in p.circles:
        groups.append(list(c.names))
        for i, name in enumerate(c.names):
            row = {
                "name": name,
                "organisation": _pick(c.organisation, i),
                "role": _pick(c.roles, i),
                "function": _pick(c.function, i),
                "industry": _pick(c.industry, i),
                "seniority": _pick(c.seniority, i),
                "inside_org": c.inside,
                "relationship": c.relationship,
                "context": c.context,
                "frequency": _pick(c.frequency, i),
                "last_contact": (TODAY - timedelta(days=rng.randint(*c.days_ago))).isoformat(),
                "strength": str(rng.randint(*c.strength)),
                "gives_me": _pick(c.gives_me, i),
                "i_give": _pick(c.i_give, i),
                "orientation": _pick(c.orientation, i),
                "discretionary": c.discretionary,
                "network_type": c.network_type,
                "introduced_by": _pick(c.introduced_by, i),
                "tags": c.tags,
                "notes": c.notes.get(name, ""),
            }
            if row["introduced_by"] == "me" and i and rng.random() < p.introduced_share:
                row["introduced_by"] = rng.choice(c.names[:i])
            row.update(c.overrides.get(name, {}))
            row["_kinds"] = ",".join(map(str, c.kinds))
            rows.append(row)
    return rows, groups


def _ties(p: Persona, groups: list[list[str]], rng: random.Random) -> list[tuple[str, str, int]]:
    density = {n: c.density for c in p.circles for n in c.names}
    group_of = {n: g for g, names in enumerate(groups) for n in names}
    names = [n for g in groups for n in g]
    ties: dict[frozenset[str], tuple[str, str, int]] = {}
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            same = group_of[a] == group_of[b]
            chance = min(density[a], density[b]) if same else p.between
            if rng.random() < chance:
                ties[frozenset((a, b))] = (a, b, rng.randint(2, 4) if same else 2)
    for a, b, s in p.bridges:
        ties[frozenset((a, b))] = (a, b, s)
    return list(ties.values())


def _log(p: Persona, rows: list[dict[str, str]], rng: random.Random) -> list[tuple[str, ...]]:
    entries: list[tuple[str, ...]] = []
    for row in rows:
        gap, count = CADENCE.get(row["frequency"], (365, 1))
        weights = [int(w) for w in row["_kinds"].split(",")]
        context = row["context"].split(";")[0]
        for day in _spread(date.fromisoformat(row["last_contact"]), count, gap):
            kind = rng.choices(("met", "gave", "asked"), weights)[0]
            note = {"met": context, "gave": "I helped: " + context, "asked": "I asked for help"}
            entries.append((day.isoformat(), row["name"], kind, note[kind]))
    entries.extend(p.extra_log)
    return sorted(entries)


def write(p: Persona) -> None:
    """Write one persona's folder."""
    rng = random.Random(p.slug)
    folder = PERSONAS / p.slug
    folder.mkdir(parents=True, exist_ok=True)
    rows, groups = _contacts(p, rng)
    with (folder / "contacts.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(COLUMNS)
        out.writerows([r[c] for c in COLUMNS] for r in rows)
    with (folder / "ties.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["contact_a", "contact_b", "strength"])
        out.writerows(_ties(p, groups, rng))
    with (folder / "interactions.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["date", "contact", "kind", "note"])
        out.writerows(_log(p, rows, rng))
    profile = dict(p.profile) | {"slug": p.slug}
    text = json.dumps(profile, ensure_ascii=False, indent=2) + "\n"
    (folder / "profile.json").write_text(text, encoding="utf-8")
    (folder / "story.md").write_text(p.story.strip() + "\n", encoding="utf-8")


def update_index(personas: list[Persona]) -> None:
    """Add or refresh the personas' entries in ``index.json``, keeping the others."""
    path = PERSONAS / "index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    ours = {p.slug: p for p in personas}
    kept = [e for e in index if e["slug"] not in ours]
    for p in personas:
        kept.append(
            {
                "slug": p.slug,
                "name": p.profile["name"],
                "career_stage": p.profile["career_stage"],
                "description": p.description,
                "intended_gaps": p.intended_gaps,
            }
        )
    path.write_text(json.dumps(kept, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    for p in PERSONAS_FOR_COURSE:
        write(p)
    update_index(PERSONAS_FOR_COURSE)
    print(f"wrote {len(PERSONAS_FOR_COURSE)} personas in {PERSONAS}")


# --------------------------------------------------------------------------- the personas

MELE = Persona(
    slug="mele-tupou",
    profile={
        "name": "Mele Tupou",
        "organisation": "Waitākere Valley Hospital",
        "role": "Nurse Unit Manager, Ward 7 (General Medicine)",
        "function": "Nursing",
        "industry": "Health care",
        "seniority": "senior",
        "career_stage": "functional manager",
        "summary": (
            "Mele ran night shifts on Ward 7 for eleven years before she was made its nurse unit "
            "manager eighteen months ago: 34 beds, 52 nursing staff, a waiting list for winter. "
            "Whatever she needs (a second opinion, cover for a sick shift, money for a hoist, "
            "a view on her own work) she takes to Helen Marsh, the director of nursing who "
            "promoted her, or to her old charge nurse Losa. Helen retires in March."
        ),
    },
    description=(
        "Nurse unit manager at a public hospital in Auckland; everything she receives comes "
        "through one director who retires soon, and nobody gives her a view of what is coming."
    ),
    intended_gaps=["over_reliance", "coverage"],
    story="""
# Mele Tupou, nurse unit manager (Auckland, New Zealand)

Mele is good at her job and her ward knows it. She is also carried by one person. Helen Marsh,
the director of nursing, promoted her, signs her budget, covers her rota gaps, tells her how
she is doing and explains what the hospital board is thinking. Losa Faleolo, the charge nurse
Mele trained with, is the other half of her support. Almost everything Mele receives from her
network (support, feedback, resources, the asks in her log) comes from those two, and Helen
knows nearly everyone else Mele knows, so Helen also constrains her most.

Helen retires in March. Nobody in Mele's network gives her insight into where the hospital,
nursing or the health system is heading: her contacts with the university, the quality team
and the other wards' managers are thin and mostly about today's shift.

**The gaps to find:** over-reliance on a few people (Burt's constraint; Cross & Thomas) and a
missing strand in what the network supplies (insight; Ibarra & Hunter's fabric of support,
feedback, insight and resources).

**Questions for the class:** What happens to Mele's network in April? Which two people could
start to give her what Helen gives, and how would she approach them without asking for a favour?
""",
    circles=[
        Circle(
            names=["Helen Marsh"],
            roles=["Director of Nursing"],
            organisation="Waitākere Valley Hospital",
            function="Nursing",
            industry="Health care",
            seniority="executive",
            inside="yes",
            relationship="my manager",
            context="weekly one-to-one; nursing leadership meeting",
            frequency="weekly",
            days_ago=(2, 4),
            strength=(5, 5),
            gives_me=["support;feedback;resources"],
            i_give=["support"],
            orientation="both",
            kinds=(1, 0, 4),
            notes={"Helen Marsh": "Promoted me. Retires at the end of March."},
        ),
        Circle(
            names=["Losa Faleolo"],
            roles=["Charge Nurse, Ward 7"],
            organisation="Waitākere Valley Hospital",
            function="Nursing",
            industry="Health care",
            seniority="peer",
            inside="yes",
            relationship="charge nurse; trained together",
            context="handover every morning",
            frequency="weekly",
            days_ago=(1, 2),
            strength=(5, 5),
            gives_me=["support;resources"],
            i_give=["support;feedback"],
            kinds=(1, 0, 3),
        ),
        Circle(
            names=[
                "Aigerim Bekova",
                "Tomasi Vake",
                "Priya Nair",
                "Ruby Tane",
                "Hemi Walker",
                "Grace Liufau",
                "Jun Park",
                "Sarah O'Connell",
                "Mikaere Ruka",
                "Aditi Rao",
                "Lupe Sione",
                "Ben Cartwright",
                "Ngaio Pomare",
                "Kiri Matiu",
                "Fetu Lemalu",
                "Isabella Chen",
            ],
            roles=["Registered Nurse", "Senior Nurse", "Enrolled Nurse", "Clinical Nurse Educator"],
            organisation="Waitākere Valley Hospital",
            function="Nursing",
            industry="Health care",
            seniority="junior",
            inside="yes",
            relationship="direct report",
            context="Ward 7 rota; monthly staff meeting",
            frequency=["weekly", "weekly", "monthly"],
            days_ago=(1, 20),
            strength=(3, 4),
            i_give=["support;feedback"],
            tags="ward 7;direct report",
            kinds=(4, 2, 0),
            density=0.6,
        ),
        Circle(
            names=[
                "Dr Farid Haddad",
                "Dr Eleanor Fraser",
                "Wiremu Tawhiri",
                "Sandeep Kaur",
                "Moana Reti",
                "Claire Dubois",
            ],
            roles=[
                "Consultant Physician",
                "Medical Registrar",
                "Ward Pharmacist",
                "Physiotherapist",
                "Social Worker",
                "Occupational Therapist",
            ],
            organisation="Waitākere Valley Hospital",
            function=[
                "Medicine",
                "Medicine",
                "Pharmacy",
                "Allied Health",
                "Social Work",
                "Allied Health",
            ],
            industry="Health care",
            seniority=["senior", "peer", "peer", "peer", "peer", "peer"],
            inside="yes",
            relationship="works on the ward",
            context="daily board round",
            frequency=["weekly", "weekly", "monthly"],
            days_ago=(2, 25),
            strength=(2, 4),
            gives_me=["support", ""],
            kinds=(3, 1, 0),
            density=0.7,
        ),
        Circle(
            names=["Paora Hēnare", "Jasmine Tan", "Olivia Brennan", "Tevita Havili"],
            roles=[
                "Nurse Unit Manager, Ward 5",
                "Nurse Unit Manager, Ward 9",
                "Nurse Unit Manager, Emergency",
                "Bed Manager",
            ],
            organisation="Waitākere Valley Hospital",
            function=["Nursing", "Nursing", "Nursing", "Operations"],
            industry="Health care",
            seniority="peer",
            inside="yes",
            relationship="fellow manager",
            context="bed meeting at 8:30",
            frequency=["monthly", "monthly", "quarterly", "weekly"],
            days_ago=(4, 60),
            strength=(2, 3),
            kinds=(4, 1, 0),
            density=0.8,
        ),
        Circle(
            names=["Dr Anand Krishnan", "Rebecca Hollis", "Matiu Kereama"],
            roles=["Chief Operating Officer", "Quality and Patient Safety Lead", "Finance Partner"],
            organisation="Waitākere Valley Hospital",
            function=["Executive", "Quality", "Finance"],
            industry="Health care",
            seniority=["executive", "senior", "peer"],
            inside="yes",
            relationship="hospital management",
            context="quarterly service review",
            frequency=["yearly", "quarterly", "quarterly"],
            days_ago=(120, 280),
            strength=(1, 2),
            orientation="future",
            network_type="strategic",
            kinds=(3, 0, 1),
            density=0.9,
        ),
        Circle(
            names=["Assoc. Prof. Lydia Tapsell", "Rangi Parata"],
            roles=["Associate Professor of Nursing", "Union Organiser"],
            organisation=["University of Tāmaki", "New Zealand Nurses Union"],
            function=["Academia", "Union"],
            industry=["Higher education", "Trade union"],
            seniority=["senior", "peer"],
            inside="no",
            relationship="met at a conference",
            context="nursing conference 2024",
            frequency="rarely",
            days_ago=(300, 420),
            strength=(1, 2),
            orientation="future",
            discretionary="yes",
            network_type="strategic",
            kinds=(1, 0, 0),
            density=0.5,
        ),
        Circle(
            names=[
                "Salote Fifita",
                "Hannah McKay",
                "Pita Aumua",
                "Rosa Delgado",
                "Siaosi Tuilagi",
                "Emma Whitcombe",
                "Ana Taufa",
                "Reverend Iosefa Leota",
            ],
            roles=[
                "Nurse (friend from training)",
                "Midwife",
                "Church youth leader",
                "Nurse",
                "Rugby coach",
                "Practice Nurse",
                "Teacher",
                "Minister",
            ],
            organisation=[
                "Middlemore Hospital",
                "Birthcare Auckland",
                "St Paul's Tongan Church",
                "North Shore Hospital",
                "Massey Rugby Club",
                "Henderson Medical Centre",
                "Henderson Primary",
                "St Paul's Tongan Church",
            ],
            function=[
                "Nursing",
                "Midwifery",
                "Community",
                "Nursing",
                "Sport",
                "Nursing",
                "Education",
                "Community",
            ],
            industry=[
                "Health care",
                "Health care",
                "Community",
                "Health care",
                "Sport",
                "Health care",
                "Education",
                "Community",
            ],
            seniority="peer",
            inside="no",
            relationship="friend",
            context="church and family",
            frequency=["monthly", "quarterly"],
            days_ago=(10, 100),
            strength=(3, 5),
            gives_me=["support", ""],
            i_give=["support"],
            discretionary="yes",
            network_type="personal",
            tags="friends",
            kinds=(4, 1, 0),
            density=0.6,
        ),
    ],
    bridges=[
        ("Helen Marsh", name, 3)
        for name in [
            "Losa Faleolo",
            "Aigerim Bekova",
            "Tomasi Vake",
            "Priya Nair",
            "Ruby Tane",
            "Hemi Walker",
            "Grace Liufau",
            "Jun Park",
            "Sarah O'Connell",
            "Mikaere Ruka",
            "Dr Farid Haddad",
            "Wiremu Tawhiri",
            "Paora Hēnare",
            "Jasmine Tan",
            "Olivia Brennan",
            "Tevita Havili",
            "Dr Anand Krishnan",
            "Rebecca Hollis",
            "Matiu Kereama",
            "Assoc. Prof. Lydia Tapsell",
            "Rangi Parata",
            "Salote Fifita",
        ]
    ]
    + [
        ("Losa Faleolo", n, 4)
        for n in ["Aigerim Bekova", "Tomasi Vake", "Salote Fifita", "Ana Taufa", "Dr Farid Haddad"]
    ],
    extra_log=[
        ("2026-03-02", "Helen Marsh", "asked", "cover for three sick shifts"),
        ("2026-05-11", "Helen Marsh", "asked", "budget for a second hoist"),
        ("2026-07-20", "Helen Marsh", "asked", "how did my first audit go?"),
        ("2026-09-14", "Helen Marsh", "asked", "advice on a complaint"),
        ("2026-10-26", "Losa Faleolo", "asked", "swap my weekend on call"),
    ],
)

ARJUN = Persona(
    slug="arjun-raghavan",
    profile={
        "name": "Arjun Raghavan",
        "organisation": "Kettlewire Payments",
        "role": "Engineering Team Lead, Payments Reliability",
        "function": "Engineering",
        "industry": "Financial technology",
        "seniority": "junior",
        "career_stage": "first-time team lead",
        "summary": (
            "Arjun was the best on-call engineer at Kettlewire, a Bengaluru payments company, "
            "so last spring they gave him the seven-person reliability team. His calendar is "
            "full of engineers: his team, the other tech leads, college batchmates now at other "
            "start-ups, the Kubernetes meetup he speaks at. The outage in August was settled "
            "by product, compliance and customer operations people he had never met."
        ),
    },
    description=(
        "New engineering team lead at a Bengaluru payments firm; almost everyone he knows is "
        "an engineer in tech, so his network echoes what he already knows."
    ),
    intended_gaps=["homophily", "diversity"],
    story="""
# Arjun Raghavan, engineering team lead (Bengaluru, India)

Arjun is warm, generous with his time and very well connected, to engineers. Four of every
five people in his network share his function, and most share his industry. When a card
network changed its rules in August, his team's fix was ready in a day, but the release waited
two weeks for a compliance sign-off from someone he had never spoken to, and the customer
operations lead learned about it from angry merchants.

**The gaps to find:** a network of people like him (homophily: Krackhardt & Stern's E-I index
against his own function and industry) and little diversity of function (Blau's index;
McPherson, Smith-Lovin & Cook on homophily).

**Questions for the class:** Why do networks drift towards people like us, even for generous,
sociable people? Which three functions would make the next outage shorter, and what could Arjun
offer them first?
""",
    circles=[
        Circle(
            names=["Deepa Menon"],
            roles=["Head of Engineering"],
            organisation="Kettlewire Payments",
            function="Engineering",
            industry="Financial technology",
            seniority="senior",
            inside="yes",
            relationship="my manager",
            context="weekly one-to-one",
            frequency="weekly",
            days_ago=(2, 5),
            strength=(4, 4),
            gives_me=["feedback;support"],
            i_give=["support"],
            orientation="both",
            kinds=(3, 0, 1),
        ),
        Circle(
            names=[
                "Kavya Iyer",
                "Rohit Deshmukh",
                "Sneha Kulkarni",
                "Faizan Qureshi",
                "Meera Pillai",
                "Vikram Shetty",
                "Ananya Bose",
                "Rajesh Kumar",
                "Swati Mishra",
            ],
            roles=[
                "Senior Site Reliability Engineer",
                "Site Reliability Engineer",
                "Backend Engineer",
                "Platform Engineer",
            ],
            organisation="Kettlewire Payments",
            function="Engineering",
            industry="Financial technology",
            seniority="junior",
            inside="yes",
            relationship="direct report",
            context="daily stand-up; on-call rota",
            frequency="weekly",
            days_ago=(1, 6),
            strength=(3, 5),
            gives_me=["support", "insight", "support"],
            i_give=["feedback;support"],
            tags="reliability team;direct report",
            kinds=(4, 2, 1),
            density=0.8,
        ),
        Circle(
            names=[
                "Harish Gowda",
                "Lakshmi Narayanan",
                "Tanvir Ahmed",
                "Pooja Hegde",
                "Sameer Joshi",
                "Nikhil Bhat",
            ],
            roles=[
                "Tech Lead, Checkout",
                "Tech Lead, Ledger",
                "Tech Lead, Mobile",
                "Staff Engineer",
                "Tech Lead, Risk Engine",
                "Engineering Manager, Data Platform",
            ],
            organisation="Kettlewire Payments",
            function="Engineering",
            industry="Financial technology",
            seniority="peer",
            inside="yes",
            relationship="fellow tech lead",
            context="architecture review on Thursdays",
            frequency=["weekly", "monthly"],
            days_ago=(3, 30),
            strength=(3, 4),
            gives_me=["insight", "resources", "insight;support"],
            i_give=["insight"],
            kinds=(4, 1, 1),
            density=0.7,
        ),
        Circle(
            names=[
                "Shreya Agarwal",
                "Manoj Reddy",
                "Rahul Saxena",
                "Divya Ramesh",
                "Karthik Subramanian",
                "Aditya Malhotra",
                "Ishaan Kapoor",
                "Neha Chawla",
            ],
            roles=[
                "Senior Engineer",
                "Engineering Manager",
                "Principal Engineer",
                "SRE Lead",
                "Backend Engineer",
                "CTO",
                "Data Engineer",
                "Staff Engineer",
            ],
            organisation=[
                "Quillpay",
                "Monsoonly",
                "Hyperlane Cloud",
                "Trellis Logistics Tech",
                "Quillpay",
                "Bytefarm",
                "Hyperlane Cloud",
                "Tiffinbox",
            ],
            function="Engineering",
            industry=[
                "Financial technology",
                "Software",
                "Software",
                "Software",
                "Financial technology",
                "Software",
                "Software",
                "Software",
            ],
            seniority="peer",
            inside="no",
            relationship="college batchmate",
            context="NIT Surathkal batch of 2015",
            frequency=["monthly", "quarterly"],
            days_ago=(10, 120),
            strength=(3, 5),
            gives_me=["support", "insight", "support;insight"],
            i_give=["support;insight"],
            discretionary="yes",
            tags="batchmates",
            kinds=(3, 2, 1),
            density=0.7,
        ),
        Circle(
            names=[
                "Suresh Natarajan",
                "Zoya Merchant",
                "Arvind Pai",
                "Leela Krishnan",
                "Gaurav Sinha",
                "Tenzin Dorje",
                "Ritu Mehra",
                "Joseph Mathew",
                "Amit Trivedi",
                "Nisha Varghese",
            ],
            roles=[
                "Meetup co-organiser",
                "Kubernetes maintainer",
                "Platform Engineer",
                "Cloud Architect",
                "DevOps Consultant",
                "SRE",
                "Engineering Manager",
                "Open-source maintainer",
            ],
            organisation=[
                "Bengaluru Cloud Native Meetup",
                "Hyperlane Cloud",
                "Skyward Retail",
                "Nimbus Systems",
                "independent",
                "Monsoonly",
                "Bytefarm",
                "Cloud Native Foundation",
            ],
            function="Engineering",
            industry="Software",
            seniority="peer",
            inside="no",
            relationship="meetup",
            context="cloud native meetup; conference talks",
            frequency=["monthly", "quarterly", "yearly"],
            days_ago=(15, 200),
            strength=(2, 3),
            gives_me=["insight", ""],
            i_give=["insight;introductions"],
            orientation="future",
            discretionary="yes",
            tags="meetup",
            kinds=(3, 3, 0),
            density=0.5,
        ),
        Circle(
            names=[
                "Priyanka Das",
                "Colin D'Souza",
                "Farah Siddiqui",
                "Venkatesh Rao",
                "Bhavna Chopra",
            ],
            roles=[
                "Product Manager, Payouts",
                "Compliance Officer",
                "Head of Customer Operations",
                "Finance Manager",
                "HR Business Partner",
            ],
            organisation="Kettlewire Payments",
            function=["Product", "Compliance", "Customer Operations", "Finance", "People"],
            industry="Financial technology",
            seniority=["peer", "senior", "senior", "peer", "peer"],
            inside="yes",
            relationship="works with my team",
            context="release sign-off",
            frequency=["quarterly", "yearly", "rarely", "yearly", "quarterly"],
            days_ago=(60, 200),
            strength=(1, 2),
            kinds=(1, 0, 3),
            density=0.6,
        ),
        Circle(
            names=["Sanjana Raghavan", "Dr Prakash Rao"],
            roles=["Cardiologist", "Retired professor"],
            organisation=["Narayana Heart Centre", "NIT Surathkal"],
            function=["Medicine", "Academia"],
            industry=["Health care", "Higher education"],
            seniority=["peer", "senior"],
            inside="no",
            relationship=["cousin", "my final-year project adviser"],
            context="family; college",
            frequency="quarterly",
            days_ago=(30, 150),
            strength=(3, 4),
            gives_me=["support", "feedback"],
            discretionary="yes",
            network_type="personal",
            kinds=(3, 0, 1),
            density=0.0,
        ),
    ],
    bridges=[
        ("Deepa Menon", n, 3)
        for n in ["Kavya Iyer", "Harish Gowda", "Lakshmi Narayanan", "Priyanka Das", "Sameer Joshi"]
    ]
    + [("Aditya Malhotra", "Deepa Menon", 2), ("Suresh Natarajan", "Karthik Subramanian", 3)],
)

THABO = Persona(
    slug="thabo-mokoena",
    profile={
        "name": "Thabo Mokoena",
        "organisation": "Marula Metropolitan Municipality",
        "role": "Director, Water and Sanitation Services",
        "function": "Water and Sanitation",
        "industry": "Local government",
        "seniority": "executive",
        "career_stage": "business leader",
        "summary": (
            "Thabo joined the municipality as a graduate engineer 22 years ago and has run its "
            "water and sanitation directorate for three. He keeps the taps on through "
            "drought, load-shedding and a shrinking budget, and he knows every depot manager "
            "by name. The council has now asked him for a ten-year water resilience plan with "
            "the provincial government, the university, industry and community groups."
        ),
    },
    description=(
        "Director of water services in a South African municipality; a deep network inside the "
        "council about this year's outages, almost nothing outside it or about the next decade."
    ),
    intended_gaps=["inside_outside", "future"],
    story="""
# Thabo Mokoena, public-sector director (South Africa)

Thabo's network is superb at what it was built for. His depot managers, the finance
directorate, the councillors on the water committee and the municipal manager all answer his
calls, and in a crisis the pipes get fixed. But almost all of his contacts work inside the
municipality, nearly all of his time goes to them, and nearly every relationship is about this
year's outages and budget. The ten-year resilience plan needs people he barely knows: the
provincial water department, the university's water research unit, the large industrial users,
the ratepayers' associations and other cities that have been through a drought.

**The gaps to find:** a network that stays inside (Krackhardt & Stern's E-I index, counted and
weighted by time) and one that looks at today, not the future (Ibarra & Hunter: leaders reorient
their networks outward and toward the future).

**Questions for the class:** Public managers are rewarded for keeping things running: what
would make outside, future-facing networking legitimate work for Thabo rather than a luxury?
Who inside his network could broker his first outside links?
""",
    circles=[
        Circle(
            names=["Nomsa Dlamini"],
            roles=["City Manager"],
            organisation="Marula Metropolitan Municipality",
            function="Executive",
            industry="Local government",
            seniority="executive",
            inside="yes",
            relationship="my manager",
            context="monthly directors' meeting",
            frequency="weekly",
            days_ago=(3, 6),
            strength=(4, 4),
            gives_me=["resources;feedback"],
            i_give=["support"],
            kinds=(3, 1, 1),
        ),
        Circle(
            names=[
                "Sipho Ndlovu",
                "Lerato Molefe",
                "Johan van der Merwe",
                "Ayanda Khumalo",
                "Pieter Botha",
                "Zanele Mthembu",
                "Kagiso Sithole",
                "Refilwe Mahlangu",
                "Bongani Zulu",
                "Tshepo Nkosi",
                "Chantelle Adams",
                "Mpho Radebe",
                "Sibusiso Mkhize",
                "Karabo Letsoalo",
                "Yusuf Cassim",
                "Palesa Motaung",
            ],
            roles=[
                "Depot Manager, North",
                "Depot Manager, South",
                "Chief Engineer, Bulk Water",
                "Wastewater Treatment Manager",
                "Maintenance Planner",
                "Water Quality Scientist",
                "Depot Manager, East",
                "Customer Services Manager",
            ],
            organisation="Marula Metropolitan Municipality",
            function="Water and Sanitation",
            industry="Local government",
            seniority="junior",
            inside="yes",
            relationship="my directorate",
            context="Monday operations meeting",
            frequency="weekly",
            days_ago=(1, 10),
            strength=(3, 5),
            gives_me=["support", "resources", "insight", "support"],
            i_give=["support;feedback"],
            tags="directorate",
            kinds=(4, 1, 1),
            density=0.6,
        ),
        Circle(
            names=[
                "Fatima Ebrahim",
                "Gerhard Steyn",
                "Thandeka Mabuza",
                "Lindiwe Cele",
                "Vusi Shabalala",
                "Ruth Pillay",
                "Andile Gumede",
                "Marius Pretorius",
                "Busisiwe Ntuli",
            ],
            roles=[
                "Chief Financial Officer",
                "Director, Electricity",
                "Director, Roads",
                "Director, Human Settlements",
                "Head of Supply Chain",
                "Legal Adviser",
                "Director, Disaster Management",
                "Chief Information Officer",
                "Head of Communications",
            ],
            organisation="Marula Metropolitan Municipality",
            function=[
                "Finance",
                "Electricity",
                "Roads",
                "Housing",
                "Procurement",
                "Legal",
                "Emergency Services",
                "Information Technology",
                "Communications",
            ],
            industry="Local government",
            seniority="peer",
            inside="yes",
            relationship="fellow director",
            context="directors' meeting",
            frequency=["weekly", "monthly"],
            days_ago=(5, 40),
            strength=(2, 4),
            gives_me=["resources", "support", ""],
            i_give=["support"],
            kinds=(4, 1, 2),
            density=0.8,
        ),
        Circle(
            names=[
                "Cllr Dumisani Ngcobo",
                "Cllr Elsa Fourie",
                "Cllr Grace Mokoena-Baloyi",
                "Cllr Themba Masilela",
            ],
            roles=[
                "Chair, Water Committee",
                "Member of the Mayoral Committee",
                "Ward Councillor",
                "Ward Councillor",
            ],
            organisation="Marula Metropolitan Municipality",
            function="Council",
            industry="Local government",
            seniority=["executive", "executive", "senior", "senior"],
            inside="yes",
            relationship="councillor",
            context="water committee",
            frequency="monthly",
            days_ago=(10, 45),
            strength=(2, 3),
            gives_me=["resources", ""],
            kinds=(3, 0, 2),
            network_type="strategic",
            density=0.9,
        ),
        Circle(
            names=["Prof. Naledi Moloi", "Hendrik Joubert", "Aisha Patel"],
            roles=["Head, Water Research Unit", "Regional Manager", "Sustainability Manager"],
            organisation=[
                "University of the Highveld",
                "Provincial Department of Water",
                "Kestrel Steel Works",
            ],
            function=["Academia", "Regulation", "Sustainability"],
            industry=["Higher education", "Provincial government", "Manufacturing"],
            seniority="senior",
            inside="no",
            relationship="met at a workshop",
            context="drought summit 2024",
            frequency="rarely",
            days_ago=(250, 420),
            strength=(1, 2),
            orientation="future",
            discretionary="yes",
            network_type="strategic",
            kinds=(1, 0, 0),
            density=0.3,
        ),
        Circle(
            names=[
                "Lwazi Mokoena",
                "Dineo Maseko",
                "Pastor Samuel Tau",
                "Kabelo Mabena",
                "Nandi Hadebe",
                "Mandla Khoza",
                "Thuli Mokoena",
            ],
            roles=["Accountant", "Teacher", "Pastor", "Civil engineer (retired)", "Nurse"],
            organisation=[
                "Mokoena & Partners",
                "Marula High School",
                "Grace Fellowship",
                "retired",
                "Marula District Hospital",
            ],
            function=["Finance", "Education", "Community", "Engineering", "Nursing"],
            industry=["Accounting", "Education", "Community", "Engineering", "Health care"],
            seniority="peer",
            inside="no",
            relationship=["brother", "school friend", "church", "old mentor", "neighbour"],
            context="family and church",
            frequency=["monthly", "quarterly"],
            days_ago=(7, 80),
            strength=(3, 5),
            gives_me=["support", "support;feedback", ""],
            i_give=["support"],
            discretionary="yes",
            network_type="personal",
            kinds=(4, 1, 0),
            density=0.4,
        ),
    ],
    bridges=[
        ("Nomsa Dlamini", n, 3)
        for n in [
            "Fatima Ebrahim",
            "Gerhard Steyn",
            "Cllr Dumisani Ngcobo",
            "Cllr Elsa Fourie",
            "Sipho Ndlovu",
            "Johan van der Merwe",
        ]
    ]
    + [
        ("Johan van der Merwe", "Prof. Naledi Moloi", 2),
        ("Kabelo Mabena", "Johan van der Merwe", 3),
    ],
)

VALENTINA = Persona(
    slug="valentina-rios",
    profile={
        "name": "Valentina Ríos",
        "organisation": "Cosecha Fría",
        "role": "Co-founder and CEO",
        "function": "General Management",
        "industry": "Agritech",
        "seniority": "executive",
        "career_stage": "executive",
        "summary": (
            "Valentina co-founded Cosecha Fría in Medellín four years ago: solar cold rooms "
            "that let smallholder farmers sell fruit a week later and for more. Twenty-six "
            "people, pilots in three departments, a Series A to raise by June. Her days are "
            "investor calls, customer pilots and hiring; she asks for a lot, gives little "
            "back, and the angel, the old boss and the accelerator mentors who believed in her "
            "first have not heard from her in months."
        ),
    },
    description=(
        "Founder of an agritech start-up in Medellín raising her Series A; she asks far more "
        "than she gives, and the early believers who vouched for her are going cold."
    ),
    intended_gaps=["give_and_take", "keep_warm"],
    story="""
# Valentina Ríos, founder (Medellín, Colombia)

Valentina's network is large, external and strategic: investors, customers, a board, an
accelerator. It is also a network she mostly draws on. Her interaction log is a list of asks
(an introduction to a fund, a favour from an adviser, a pilot with a cooperative), and many of
her contacts only hear from her when she needs something. The people who made her credible at
the start, an angel investor, her old boss at a food exporter and two accelerator mentors,
are past the point where a tie cools: the ones she will need to vouch for her in the Series A
due diligence.

**The gaps to find:** an unbalanced give and take (Baker's reciprocity; Ibarra & Hunter: give
and take continually) and strategic ties losing touch (keep warm: a network is a muscle that
atrophies; Granovetter on weak ties).

**Questions for the class:** What can a founder with no time and no money give? Draft the
message Valentina sends to her angel investor this week, one that does not ask for anything.
""",
    circles=[
        Circle(
            names=[
                "Mateo Zapata",
                "Luisa Fernanda Gil",
                "Andrés Cárdenas",
                "Daniela Osorio",
                "Camilo Restrepo",
                "Sara Londoño",
            ],
            roles=[
                "Co-founder and CTO",
                "Head of Operations",
                "Head of Sales",
                "Finance Lead",
                "Field Engineer Lead",
                "People Lead",
            ],
            organisation="Cosecha Fría",
            function=["Engineering", "Operations", "Sales", "Finance", "Engineering", "People"],
            industry="Agritech",
            seniority=["peer", "junior", "junior", "junior", "junior", "junior"],
            inside="yes",
            relationship="my team",
            context="Monday leadership meeting",
            frequency="weekly",
            days_ago=(1, 6),
            strength=(4, 5),
            gives_me=["support;insight", "resources", "insight", "resources", "support", ""],
            i_give=["support;feedback"],
            tags="leadership team",
            kinds=(4, 0, 2),
            density=0.9,
        ),
        Circle(
            names=[
                "Martina Velásquez",
                "Roberto Acosta",
                "Jennifer Park",
                "Diego Morales",
                "Alejandra Quintero",
                "Thomas Becker",
                "Lucía Ferrer",
                "Kenji Mori",
            ],
            roles=[
                "Partner",
                "Principal",
                "Investment Director",
                "Partner",
                "Associate",
                "Impact Investment Manager",
                "Partner",
                "Venture Partner",
            ],
            organisation=[
                "Andes Ventures",
                "Andes Ventures",
                "Greenfield Impact Fund",
                "Cordillera Capital",
                "Cordillera Capital",
                "Rheinland Impact",
                "Semilla Ventures",
                "Pacific Rim Agri Fund",
            ],
            function="Investment",
            industry="Venture capital",
            seniority="senior",
            inside="no",
            relationship="investor (pipeline)",
            context="Series A pipeline",
            frequency=["monthly", "quarterly"],
            days_ago=(8, 70),
            strength=(1, 3),
            gives_me=["insight", ""],
            orientation="future",
            discretionary="yes",
            network_type="strategic",
            tags="series A",
            kinds=(1, 0, 4),
            density=0.4,
        ),
        Circle(
            names=["Hernán Betancur", "Gloria Patiño", "Paul Whitfield", "Isabel Cruz"],
            roles=[
                "Angel investor",
                "My former boss, Export Director",
                "Accelerator mentor",
                "Accelerator mentor",
            ],
            organisation=[
                "independent",
                "Frutas del Valle Export",
                "Ruta N Accelerator",
                "Ruta N Accelerator",
            ],
            function=["Investment", "General Management", "Mentoring", "Mentoring"],
            industry=[
                "Venture capital",
                "Food and beverage",
                "Entrepreneurship support",
                "Entrepreneurship support",
            ],
            seniority="senior",
            inside="no",
            relationship="early believer",
            context="first cheque and first advice",
            frequency="quarterly",
            days_ago=(150, 260),
            strength=(4, 5),
            gives_me=["support;feedback", "feedback;insight", "insight", "feedback"],
            orientation="both",
            discretionary="yes",
            network_type="strategic",
            tags="early believers",
            kinds=(1, 0, 3),
            density=0.6,
        ),
        Circle(
            names=[
                "Óscar Henao",
                "Marleny Ruiz",
                "Fabio Salazar",
                "Claudia Jaramillo",
                "Wilson Ocampo",
                "Adriana Murillo",
                "Jorge Iván Castaño",
            ],
            roles=[
                "Cooperative Manager",
                "Avocado grower",
                "Mango grower",
                "Procurement Director",
                "Cooperative Manager",
                "Purchasing Manager",
                "Regional Agronomist",
            ],
            organisation=[
                "Cooperativa Agrícola del Oriente",
                "Finca La Esperanza",
                "Finca El Mirador",
                "Supermercados Colina",
                "Cafeteros de Urrao",
                "Frutexport",
                "Ministry of Agriculture, Antioquia",
            ],
            function=[
                "Agriculture",
                "Agriculture",
                "Agriculture",
                "Procurement",
                "Agriculture",
                "Procurement",
                "Agriculture",
            ],
            industry=[
                "Agriculture",
                "Agriculture",
                "Agriculture",
                "Retail",
                "Agriculture",
                "Food and beverage",
                "Government",
            ],
            seniority="peer",
            inside="no",
            relationship="customer or pilot partner",
            context="pilot sites",
            frequency=["monthly", "quarterly"],
            days_ago=(10, 90),
            strength=(2, 4),
            gives_me=["insight", "resources", ""],
            i_give=["resources", ""],
            kinds=(2, 0, 3),
            density=0.3,
        ),
        Circle(
            names=["Beatriz Arango", "Felipe Uribe", "Catalina Montoya"],
            roles=["Independent board member", "Board member (investor)", "Board observer"],
            organisation=["Cosecha Fría board", "Semilla Ventures", "Andes Ventures"],
            function="Governance",
            industry=["Agritech", "Venture capital", "Venture capital"],
            seniority="executive",
            inside="no",
            relationship="board",
            context="quarterly board meeting",
            frequency="quarterly",
            days_ago=(20, 60),
            strength=(3, 4),
            gives_me=["feedback;insight", "resources", "insight"],
            orientation="future",
            network_type="strategic",
            kinds=(2, 0, 2),
            density=1.0,
        ),
        Circle(
            names=[
                "Manuela Ríos",
                "Santiago Vélez",
                "Laura Echeverri",
                "Natalia Gómez",
                "Julián Arboleda",
                "Carolina Duque",
                "Esteban Mejía",
                "Pilar Rendón",
                "Tomás Aguirre",
                "Ximena Botero",
                "Ricardo Franco",
                "Verónica Cadavid",
            ],
            roles=[
                "Architect",
                "Founder, fintech start-up",
                "Product designer",
                "Doctor",
                "Founder, logistics start-up",
                "Economist",
                "Chef",
                "University lecturer",
                "Founder, edtech start-up",
                "Lawyer",
                "Coffee roaster",
                "Journalist",
            ],
            organisation=[
                "Estudio Ríos",
                "Pagaya",
                "freelance",
                "Hospital San Vicente",
                "Rutas Frescas",
                "Banco de la República",
                "Restaurante Ceiba",
                "Universidad EAFIT",
                "Aula Abierta",
                "Gil & Franco Abogados",
                "Tostadora Alta",
                "El Colombiano",
            ],
            function=[
                "Design",
                "General Management",
                "Design",
                "Medicine",
                "General Management",
                "Research",
                "Hospitality",
                "Academia",
                "General Management",
                "Legal",
                "Operations",
                "Media",
            ],
            industry=[
                "Architecture",
                "Financial technology",
                "Design",
                "Health care",
                "Logistics",
                "Banking",
                "Hospitality",
                "Higher education",
                "Education",
                "Legal",
                "Food and beverage",
                "Media",
            ],
            seniority="peer",
            inside="no",
            relationship=["sister", "founder friend", "friend", "friend"],
            context="friends and founders' dinners",
            frequency=["monthly", "quarterly", "yearly"],
            days_ago=(20, 200),
            strength=(2, 5),
            gives_me=["support", "support;feedback", ""],
            discretionary="yes",
            network_type="personal",
            kinds=(3, 0, 2),
            density=0.3,
        ),
    ],
    bridges=[
        ("Hernán Betancur", "Martina Velásquez", 3),
        ("Paul Whitfield", "Isabel Cruz", 4),
        ("Gloria Patiño", "Adriana Murillo", 3),
        ("Beatriz Arango", "Hernán Betancur", 4),
        ("Mateo Zapata", "Felipe Uribe", 3),
        ("Santiago Vélez", "Julián Arboleda", 4),
    ],
    extra_log=[
        ("2026-01-14", "Hernán Betancur", "asked", "bridge loan until the seed extension"),
        ("2026-02-20", "Martina Velásquez", "asked", "feedback on the deck"),
        ("2026-04-08", "Jennifer Park", "asked", "introduction to her co-investor"),
        ("2026-06-30", "Claudia Jaramillo", "asked", "pilot in five stores"),
        ("2026-08-19", "Diego Morales", "asked", "data room review"),
        ("2026-10-05", "Beatriz Arango", "asked", "reference call for a hire"),
    ],
)

KWABENA = Persona(
    slug="kwabena-owusu",
    profile={
        "name": "Kwabena Owusu",
        "organisation": "Adum Hill Senior High School",
        "role": "Headmaster",
        "function": "School Leadership",
        "industry": "Education",
        "seniority": "executive",
        "career_stage": "business leader",
        "summary": (
            "Kwabena taught mathematics at Adum Hill in Kumasi for twelve years, was its "
            "assistant head for five and has been headmaster for four. The school is proud and "
            "close: his staff, the board of governors, the parent-teacher association, the old "
            "students' association and his church all know each other and one another's "
            "families. The regional education directorate wants Adum Hill to pilot a new STEM "
            "track with industry partners, and he has no one outside that circle to ask."
        ),
    },
    description=(
        "Headmaster of a senior high school in Kumasi; a warm, tight circle where everyone knows "
        "everyone, which closes him off from new ideas and partners."
    ),
    intended_gaps=["structure", "brokers"],
    story="""
# Kwabena Owusu, school head (Kumasi, Ghana)

Kwabena is trusted by everyone around him, and everyone around him knows everyone else. His
deputies sit on the PTA, the PTA chair is an old student, the board chair worships at his church.
Such a closed network gives support and trust, but it also hears the same news and the same
ideas from every side: Burt's constraint is high, effective size low, and almost every contact
he met himself, inside the same circle (Uzzi & Dunlap's warning sign of an inbred network).
The STEM pilot needs partners from industry, universities and other regions that nobody in his
circle can reach.

**The gaps to find:** a closed, constraining structure (Burt's structural holes: effective
size, efficiency, constraint) and a network he built himself from people like him (Uzzi &
Dunlap: brokers and the self-introduced share).

**Questions for the class:** What does a closed network give a school head that an open one
does not? Who in his circle is the nearest thing to a broker, and what would Kwabena ask them?
""",
    circles=[
        Circle(
            names=[
                "Mrs Akosua Mensah",
                "Mr Yaw Boateng",
                "Mrs Abena Asare",
                "Mr Kofi Amponsah",
                "Miss Efua Ansah",
                "Mr Kwame Darko",
                "Mrs Esi Quaye",
                "Mr Nana Agyei",
                "Mrs Adwoa Frimpong",
                "Mr Kojo Antwi",
                "Mrs Ama Sarpong",
                "Mr Fiifi Baidoo",
                "Mrs Yaa Ofori",
                "Mr Kwesi Appiah",
                "Mr Ebo Mensah-Bonsu",
                "Miss Akua Donkor",
                "Mr Kweku Sarfo",
                "Mrs Dora Ampofo",
                "Mr Samuel Oppong",
            ],
            roles=[
                "Assistant Head, Academic",
                "Assistant Head, Administration",
                "Head of Science",
                "Head of Mathematics",
                "Head of English",
                "Senior Housemaster",
                "Bursar",
                "Head of ICT",
                "Guidance Counsellor",
                "Chaplain",
                "Head of Languages",
                "Sports Master",
                "School Nurse",
                "Head of Technical Skills",
                "Head of Visual Arts",
                "Librarian",
                "Head of Agriculture",
                "Administrator",
                "Head of Business Studies",
            ],
            organisation="Adum Hill Senior High School",
            function=[
                "School Leadership",
                "School Leadership",
                "Teaching",
                "Teaching",
                "Teaching",
                "Pastoral Care",
                "Finance",
                "Teaching",
                "Pastoral Care",
                "Pastoral Care",
                "Teaching",
                "Teaching",
                "Health",
                "Teaching",
                "Teaching",
                "Library",
                "Teaching",
                "Administration",
                "Teaching",
            ],
            industry="Education",
            seniority="junior",
            inside="yes",
            relationship="my staff",
            context="staff meeting; assembly",
            frequency="weekly",
            days_ago=(1, 10),
            strength=(3, 5),
            gives_me=["support", "resources", "feedback", "support;insight"],
            i_give=["support;feedback;introductions"],
            tags="staff",
            kinds=(4, 2, 1),
            density=0.9,
        ),
        Circle(
            names=[
                "Nana Osei Bonsu",
                "Dr Agnes Owusu-Ansah",
                "Rev. Samuel Adjei",
                "Mr Joseph Tetteh",
                "Mrs Gifty Acheampong",
                "Mr Daniel Opoku",
                "Madam Comfort Boakye",
                "Mr Isaac Nkansah",
                "Mrs Felicia Osei",
                "Mr Bright Asamoah",
                "Mr Collins Owusu-Afriyie",
                "Mrs Hannah Kyei",
            ],
            roles=[
                "Chair, Board of Governors",
                "Board member",
                "Board member (church)",
                "PTA Chair",
                "PTA Treasurer",
                "President, Old Students' Association",
                "Market women's leader, PTA",
                "Old student, pharmacist",
                "PTA Secretary",
                "Old student, accountant",
                "Old student, district engineer",
                "Parent, caterer",
            ],
            organisation=[
                "Adum Hill Board of Governors",
                "Adum Hill Board of Governors",
                "Adum Methodist Church",
                "Adum Hill PTA",
                "Adum Hill PTA",
                "Adum Hill Old Students' Association",
                "Adum Hill PTA",
                "Nkansah Pharmacy",
                "Adum Hill PTA",
                "Asamoah & Co.",
                "Kumasi Metropolitan Assembly",
                "Kyei Catering",
            ],
            function=[
                "Governance",
                "Governance",
                "Community",
                "Community",
                "Community",
                "Community",
                "Community",
                "Health",
                "Community",
                "Finance",
                "Engineering",
                "Hospitality",
            ],
            industry=[
                "Education",
                "Education",
                "Religion",
                "Education",
                "Education",
                "Education",
                "Retail",
                "Health care",
                "Education",
                "Accounting",
                "Local government",
                "Hospitality",
            ],
            seniority=["senior", "senior", "senior", "peer", "peer", "peer", "peer", "peer"],
            inside="no",
            relationship="school community",
            context="board and PTA meetings; Speech Day",
            frequency="monthly",
            days_ago=(5, 40),
            strength=(3, 5),
            gives_me=["support", "resources", "feedback"],
            i_give=["support"],
            orientation="both",
            discretionary="yes",
            kinds=(4, 1, 1),
            density=0.9,
        ),
        Circle(
            names=[
                "Mr Emmanuel Asiedu",
                "Mrs Rita Dankwa",
                "Mr Peter Kuffour",
                "Mrs Janet Addo-Mensah",
            ],
            roles=[
                "Regional Director of Education",
                "Municipal Education Director",
                "Headmaster, Prempeh Ridge SHS",
                "Headmistress, Asante Girls' SHS",
            ],
            organisation=[
                "Ghana Education Service, Ashanti Region",
                "Ghana Education Service, Kumasi",
                "Prempeh Ridge SHS",
                "Asante Girls' SHS",
            ],
            function="School Leadership",
            industry="Education",
            seniority=["executive", "senior", "peer", "peer"],
            inside="no",
            relationship="education service",
            context="heads' conference",
            frequency="quarterly",
            days_ago=(20, 100),
            strength=(3, 4),
            gives_me=["resources", "insight", "support"],
            orientation="future",
            network_type="strategic",
            kinds=(3, 0, 1),
            density=0.9,
        ),
        Circle(
            names=[
                "Mrs Afua Owusu",
                "Mr Kwaku Owusu",
                "Deacon Stephen Mensah",
                "Mr Alex Boadu",
                "Mrs Patience Amoako",
            ],
            roles=["Nurse", "Engineer", "Church elder", "Friend from college", "Trader"],
            organisation=[
                "Komfo Anokye Hospital",
                "Volta River Authority",
                "Adum Methodist Church",
                "Adum Hill Senior High School",
                "Kejetia Market",
            ],
            function=["Nursing", "Engineering", "Community", "Teaching", "Trade"],
            industry=["Health care", "Energy", "Religion", "Education", "Retail"],
            seniority="peer",
            inside=["no", "no", "no", "yes", "no"],
            relationship=["wife", "brother", "church", "friend", "church"],
            context="family and church",
            frequency="weekly",
            days_ago=(1, 14),
            strength=(4, 5),
            gives_me=["support", "support;feedback"],
            discretionary="yes",
            network_type="personal",
            kinds=(5, 1, 0),
            density=0.9,
        ),
    ],
    between=0.55,
    introduced_share=0.05,
)

LUKAS = Persona(
    slug="lukas-brenner",
    profile={
        "name": "Lukas Brenner",
        "organisation": "Straits School of Business",
        "role": "Full-time MBA student",
        "function": "Student",
        "industry": "Higher education",
        "seniority": "junior",
        "career_stage": "individual contributor",
        "summary": (
            "Lukas spent six years as a process engineer at a car-parts maker in Graz before "
            "starting a full-time MBA in Singapore. In his first term he went to every mixer, "
            "joined four clubs and connected with nearly fifty classmates, speakers and "
            "alumni, most of them once. He wants to move into sustainability strategy in "
            "Asia, and when a recruiter asked for two references who know his work, he could "
            "not think of anyone in Singapore to ask."
        ),
    },
    description=(
        "Full-time MBA student in Singapore, an Austrian engineer changing careers; a wide, "
        "shallow network of people met once, and the strong ties back home going cold."
    ),
    intended_gaps=["strong_ties", "keep_warm"],
    story="""
# Lukas Brenner, full-time MBA student (Singapore)

Lukas did what every MBA orientation tells students to do: he met everyone. Nearly fifty new
contacts in three months, almost all weak: met once at a mixer, a club, a speaker event. Nobody
new knows his work well enough to vouch for him, and the people who do (his old manager and
team in Graz, a mentor from his engineering degree) have not heard from him since he left.

**The gaps to find:** quality over quantity (strong ties per network: a list of names is not a
network that will act for you; Granovetter on strong and weak ties; Ibarra & Hunter on depth)
and ties losing touch (keep warm), the strong ones he already had.

**Questions for the class:** Weak ties bring news of opportunities (Granovetter), so why does
Lukas need strong ones? Which three classmates could become strong ties by the end of the
year, and through what shared work rather than more mixers?
""",
    circles=[
        Circle(
            names=[
                "Wei Ling Tan",
                "Rohan Mehta",
                "Chloé Martin",
                "Daniel Kim",
                "Aisha Rahman",
                "Marcus Lee",
                "Sofia Rossi",
                "Nguyen Thi Mai",
                "James O'Brien",
                "Yuki Tanaka",
                "Priyanka Sharma",
                "Ahmed Hassan",
                "Isabella Santos",
                "Oliver Grant",
                "Farah Aziz",
                "Tom Schmidt",
                "Ji-woo Park",
                "Elena Petrova",
            ],
            roles=["MBA classmate"],
            organisation="Straits School of Business",
            function="Student",
            industry="Higher education",
            seniority="peer",
            inside="yes",
            relationship="classmate",
            context="MBA class of 2027; study group or club",
            frequency=["monthly", "quarterly", "rarely"],
            days_ago=(20, 90),
            strength=(1, 2),
            gives_me=["", "insight", ""],
            i_give=["support", ""],
            orientation="future",
            discretionary="yes",
            tags="classmates",
            overrides={
                n: {
                    "relationship": "study group",
                    "network_type": "operational",
                    "frequency": "weekly",
                    "context": "core-course study group",
                    "gives_me": "support;resources",
                    "orientation": "current",
                }
                for n in [
                    "Wei Ling Tan",
                    "Rohan Mehta",
                    "Chloé Martin",
                    "Daniel Kim",
                    "Aisha Rahman",
                ]
            },
            kinds=(5, 1, 1),
            density=0.15,
        ),
        Circle(
            names=["Prof. Helen Goh", "Dr Arvind Menon", "Ms Karen Lim"],
            roles=[
                "Professor of Strategy",
                "Lecturer, Sustainable Operations",
                "Career Services Adviser",
            ],
            organisation="Straits School of Business",
            function=["Academia", "Academia", "Careers"],
            industry="Higher education",
            seniority="senior",
            inside="yes",
            relationship="faculty",
            context="courses and career coaching",
            frequency="quarterly",
            days_ago=(25, 80),
            strength=(2, 2),
            gives_me=["feedback", "insight", "resources"],
            orientation="future",
            kinds=(2, 0, 2),
            density=0.6,
        ),
        Circle(
            names=[
                "Rachel Ng",
                "Benjamin Koh",
                "Siti Nurhaliza",
                "David Chua",
                "Anjali Desai",
                "Thomas Weber",
                "Grace Ho",
                "Vikram Iyer",
                "Melissa Teo",
                "Hiroshi Sato",
                "Clara Jensen",
                "Kelvin Ong",
                "Lina Park",
                "Arjun Pillai",
            ],
            roles=[
                "Sustainability Manager",
                "Associate, strategy consulting",
                "ESG Analyst",
                "Alumnus, Head of Strategy",
                "Climate Tech Founder",
                "Alumnus, Energy Trader",
                "Recruiter",
                "Alumnus, Principal",
                "Sustainability Lead",
                "Alumnus, Operations Director",
                "Carbon Markets Analyst",
                "Venture Associate",
                "Speaker, renewable energy",
                "Alumnus, Investment Manager",
            ],
            organisation=[
                "Pelican Shipping",
                "Harbour Partners",
                "Mercer Lion Bank",
                "Temasek Road Group",
                "Sunfield Energy",
                "Equator Commodities",
                "Talent Bridge Asia",
                "Harbour Partners",
                "Lionsgate Foods",
                "Kaiyo Manufacturing",
                "Nordic Carbon",
                "Monsoon Ventures",
                "Helios Renewables",
                "Straits Capital",
            ],
            function=[
                "Sustainability",
                "Consulting",
                "Finance",
                "Strategy",
                "General Management",
                "Trading",
                "Recruiting",
                "Consulting",
                "Sustainability",
                "Operations",
                "Sustainability",
                "Investment",
                "Engineering",
                "Investment",
            ],
            industry=[
                "Shipping",
                "Consulting",
                "Banking",
                "Conglomerate",
                "Energy",
                "Commodities",
                "Recruiting",
                "Consulting",
                "Food and beverage",
                "Manufacturing",
                "Climate",
                "Venture capital",
                "Energy",
                "Investment",
            ],
            seniority="senior",
            inside="no",
            relationship="met at an event",
            context="speaker event or alumni mixer",
            frequency=["rarely", "yearly"],
            days_ago=(30, 110),
            strength=(1, 2),
            gives_me=["insight", ""],
            orientation="future",
            discretionary="yes",
            network_type="strategic",
            tags="events",
            kinds=(3, 0, 2),
            density=0.08,
        ),
        Circle(
            names=[
                "Martin Huber",
                "Sabine Gruber",
                "Stefan Pichler",
                "Katrin Wallner",
                "Florian Steiner",
                "Dr Monika Hofer",
            ],
            roles=[
                "Plant Manager (my old boss)",
                "Quality Engineer",
                "Process Engineer",
                "Production Planner",
                "Maintenance Lead",
                "Professor of Production Engineering",
            ],
            organisation=[
                "Steirer Antriebstechnik",
                "Steirer Antriebstechnik",
                "Steirer Antriebstechnik",
                "Steirer Antriebstechnik",
                "Steirer Antriebstechnik",
                "TU Graz",
            ],
            function=[
                "Operations",
                "Quality",
                "Engineering",
                "Operations",
                "Engineering",
                "Academia",
            ],
            industry=[
                "Automotive",
                "Automotive",
                "Automotive",
                "Automotive",
                "Automotive",
                "Higher education",
            ],
            seniority=["senior", "peer", "peer", "peer", "peer", "senior"],
            inside="no",
            relationship=[
                "former manager",
                "former colleague",
                "former colleague",
                "former colleague",
                "former colleague",
                "mentor",
            ],
            context="six years in Graz",
            frequency="rarely",
            days_ago=(130, 200),
            strength=(4, 5),
            gives_me=[
                "feedback;support",
                "support",
                "support;insight",
                "support",
                "",
                "feedback;insight",
            ],
            i_give=["support;feedback"],
            discretionary="yes",
            network_type="personal",
            tags="Graz",
            kinds=(4, 1, 0),
            density=0.8,
        ),
        Circle(
            names=["Lena Brenner", "Jakob Moser", "Anna Leitner"],
            roles=["Sister, physiotherapist", "Best friend, teacher", "Friend, architect"],
            organisation=["Physio Graz", "BG Graz", "Leitner Architektur"],
            function=["Health", "Education", "Design"],
            industry=["Health care", "Education", "Architecture"],
            seniority="peer",
            inside="no",
            relationship=["sister", "friend", "friend"],
            context="family and friends",
            frequency="monthly",
            days_ago=(5, 30),
            strength=(3, 3),
            gives_me=["support"],
            discretionary="yes",
            network_type="personal",
            kinds=(5, 0, 0),
            density=1.0,
        ),
    ],
)


PERSONAS_FOR_COURSE: list[Persona] = [MELE, ARJUN, THABO, VALENTINA, KWABENA, LUKAS]

if __name__ == "__main__":
    main()
