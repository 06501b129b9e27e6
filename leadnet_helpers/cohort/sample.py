"""A generated room: varied participants built from the sample personas, and their shares.

For trying the cohort view without a real workshop (the facilitator notebook
uses it when no folder is given), for the tests and for the benchmark. Each
participant starts from one of the sample personas and is varied: a made-up
name and organisation, a career stage, some contacts dropped, some types
decided differently, some "gave" interactions logged, offers and asks. Every
name here is fictional.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..model import CAREER_STAGES, NETWORK_TYPES, Profile
from ..paths import WORKSPACE_SUFFIX, leadnet_home
from ..personas import build_persona_workspace, list_personas
from ..share import Choice, build_share, load_choices, write_share
from ..store import Workspace

__all__ = [
    "Participant",
    "debrief_folder",
    "make_participants",
    "sample_folder",
    "sample_room",
    "share_again",
]

_FIRST = (
    "Mireille",
    "Tomasz",
    "Adaeze",
    "Hiroshi",
    "Solveig",
    "Rafael",
    "Ines",
    "Kwame",
    "Leilani",
    "Bartholomew",
    "Yusra",
    "Callum",
    "Priyanka",
    "Oskar",
    "Zanele",
    "Émile",
)
_LAST = (
    "Okonkwo-Hart",
    "Vasquez-Lind",
    "Brannigan",
    "Takeda-Moss",
    "Ferreira-Quist",
    "Mbeki-Lowe",
    "Halvorsen",
    "Dubois-Amari",
    "Castellanos",
    "Nakamura-Reid",
)
_ORGS = (
    "Quillfield Partners",
    "Brightwater Logistics",
    "Larchmont Health",
    "Oakhollow Energy",
    "Sablecrest Retail",
    "Tessellate Analytics",
)
_PSEUDONYMS = ("Heron", "Otter", "Kestrel", "Lynx", "Marten", "Wren", "Ibex", "Puffin")
_PHRASES = (
    "",
    "",
    "happy to spend an hour",
    "early-stage health start-ups",
    "on a board presentation",
    "how a control room runs",
)


@dataclass(frozen=True)
class Participant:
    """A generated participant: their workspace and the names their shares must not hold."""

    workspace: Path
    name: str
    organisation: str
    pseudonym: str


def _choices(rng: random.Random, count: int) -> list[Choice]:
    kinds = [k["id"] for k in load_choices()["kinds"]]
    areas = [a["id"] for a in load_choices()["areas"]][:8]
    picked: list[Choice] = []
    while len(picked) < count:
        c = Choice(rng.choice(kinds), rng.choice(["", *areas]), rng.choice(_PHRASES))
        if c not in picked:
            picked.append(c)
    return picked


def _vary(ws: Workspace, rng: random.Random, index: int, today: date) -> Profile:
    base = ws.profile() or Profile(name="")
    profile = Profile(
        name=f"{_FIRST[index % len(_FIRST)]} {_LAST[(index * 7) % len(_LAST)]}",
        organisation=_ORGS[index % len(_ORGS)],
        role=base.role,
        function=base.function,
        industry=base.industry,
        seniority=base.seniority,
        career_stage=CAREER_STAGES[(1, 3, 1, 2)[index % 4]],
    )
    ws.set_profile(profile)
    contacts = ws.contacts()
    drop = rng.sample(contacts, k=int(len(contacts) * rng.uniform(0.0, 0.35)))
    ws.delete_contacts([c.id for c in drop if c.id is not None])
    kept = [c for c in ws.contacts() if c.id is not None]
    for c in rng.sample(kept, k=min(len(kept), rng.randint(0, 6))):
        assert c.id is not None
        ws.decide(c.id, rng.choice(NETWORK_TYPES))
    for c in rng.sample(kept, k=min(len(kept), rng.randint(0, 12))):
        assert c.id is not None
        ws.log_interaction(c.id, "gave", (today - timedelta(days=rng.randint(1, 80))).isoformat())
    return profile


def make_participants(
    folder: str | Path, count: int = 12, *, seed: int = 11, today: date | None = None
) -> list[Participant]:
    """Build *count* varied participants' workspaces in *folder*; save their offers and asks.

    Examples
    --------
    >>> import tempfile
    >>> people = make_participants(tempfile.mkdtemp(), 2)
    >>> len(people), people[0].name != people[1].name
    (2, True)
    """
    day = today or date.today()
    rng = random.Random(seed)
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    out: list[Participant] = []
    with tempfile.TemporaryDirectory(prefix="leadnet-personas-") as staging:
        bases = []
        for p in list_personas():
            with build_persona_workspace(p["slug"], Path(staging) / f"{p['slug']}.sqlite") as ws:
                bases.append(ws.copy_to(Path(staging) / f"{p['slug']}-base{WORKSPACE_SUFFIX}"))
        for i in range(count):
            path = root / f"participant-{i + 1:02d}{WORKSPACE_SUFFIX}"
            with Workspace.open(bases[i % len(bases)]) as base:
                base.copy_to(path)
            with Workspace.open(path) as ws:
                profile = _vary(ws, rng, i, day)
                pseudonym = _PSEUDONYMS[i % len(_PSEUDONYMS)] if i % 3 else ""
                ws.save_share_settings(
                    pseudonym=pseudonym,
                    offers=[c.as_dict() for c in _choices(rng, rng.randint(0, 3))],
                    asks=[c.as_dict() for c in _choices(rng, rng.randint(0, 2))],
                )
            out.append(Participant(path, profile.name, profile.organisation, pseudonym))
    return out


def share_again(
    participant: Participant, out: Path, today: date, *, seed: int = 0, gave: int = 6
) -> Path:
    """Log a few more "gave" interactions for *participant*, then write a share dated *today*."""
    rng = random.Random(seed)
    with Workspace.open(participant.workspace) as ws:
        contacts = [c for c in ws.contacts() if c.id is not None]
        for c in rng.sample(contacts, k=min(gave, len(contacts))):
            assert c.id is not None
            ws.log_interaction(
                c.id, "gave", (today - timedelta(days=rng.randint(1, 20))).isoformat()
            )
            ws.decide(c.id, "strategic")
        write_share(build_share(ws, today), out, force=True)
    return out


def sample_room(
    folder: str | Path, count: int = 12, *, again: int = 6, today: date | None = None
) -> Path:
    """A folder of shares from *count* generated participants, *again* of them twice.

    The first round is dated six weeks before *today*, the second *today*.
    Returns the folder of shares (``shares/`` inside *folder*).
    """
    day = today or date.today()
    root = Path(folder)
    shares = root / "shares"
    shares.mkdir(parents=True, exist_ok=True)
    people = make_participants(root / "workspaces", count, today=day - timedelta(days=42))
    for person in people:
        with Workspace.open(person.workspace) as ws:
            share = build_share(ws, day - timedelta(days=42))
            write_share(share, shares / f"{person.workspace.stem}-then.json", force=True)
    for i, person in enumerate(people[:again]):
        share_again(person, shares / f"{person.workspace.stem}-now.json", day, seed=i)
    return shares


def sample_folder(count: int = 12, *, again: int = 6) -> Path:
    """A folder of sample shares in the workbook's home, generated the first time it is asked for.

    Later calls reuse it (it is rebuilt when it is missing or incomplete).
    """
    root = leadnet_home() / "samples" / f"room-{count}-{again}"
    shares = root / "shares"
    if len(list(shares.glob("*.json"))) != count + again:
        sample_room(root, count, again=again)
    return shares


def debrief_folder() -> Path:
    """Where the facilitator notebook writes the cohort JSON and debrief (created if missing)."""
    folder = leadnet_home() / "exports" / "cohort"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
