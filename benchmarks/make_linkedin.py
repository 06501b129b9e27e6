"""Generate a synthetic LinkedIn ``Connections.csv`` export for benchmarks and tests.

The output has the shape of a real export (see ``tests`` fixtures): a ``Notes:``
preamble, a blank line, the header
``First Name,Last Name,URL,Email Address,Company,Position,Connected On``, then
one row per connection, newest first, with mostly empty e-mail addresses,
``DD Mon YYYY`` dates, unique profile URLs, some non-ASCII names, some
companies and positions with commas (quoted), and about 1% of people who appear
twice under different profile URLs. Every person and company is made up.

Usage::

    python benchmarks/make_linkedin.py 30000 out.csv [--seed 0]

or, from Python, ``make_linkedin_export(30000, seed=0)`` which returns the
file's bytes (UTF-8, no byte-order mark, ``\\n`` line ends). Standard library
only; the same ``n`` and ``seed`` always give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import unicodedata
from datetime import date, timedelta

__all__ = ["HEADER", "PREAMBLE", "make_linkedin_export"]

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Latin-script names; accents are folded away for URLs and e-mails.
_FIRST = (
    "Aisha",
    "Ananya",
    "Andrés",
    "Anna",
    "Arjun",
    "Beatriz",
    "Ben",
    "Björn",
    "Camille",
    "Carlos",
    "Chen",
    "Chidi",
    "Chloé",
    "Daniel",
    "Dmitri",
    "Elif",
    "Emily",
    "Emma",
    "Fatima",
    "Femi",
    "François",
    "Grace",
    "Hannah",
    "Hiroshi",
    "Ines",
    "Ingrid",
    "Isabella",
    "Jakub",
    "James",
    "Javier",
    "Jiayi",
    "José",
    "Julia",
    "Kai",
    "Kavya",
    "Kwame",
    "Laila",
    "Lars",
    "Lena",
    "Liam",
    "Lucía",
    "Malik",
    "Maria",
    "Mateo",
    "Mehmet",
    "Mei",
    "Mohammed",
    "Nadia",
    "Niamh",
    "Noah",
    "Nomvula",
    "Oliver",
    "Olga",
    "Omar",
    "Paulo",
    "Priya",
    "Rafael",
    "Rahul",
    "Rania",
    "Sade",
    "Samuel",
    "Sara",
    "Siobhán",
    "Sipho",
    "Sofia",
    "Søren",
    "Tariq",
    "Thabo",
    "Tomás",
    "Tuan",
    "Valentina",
    "Wei",
    "Yasmin",
    "Yuki",
    "Zainab",
    "Zoë",
    "Łucja",
    "Ömer",
    "Ngozi",
    "Ravi",
)
_LAST = (
    "Abara",
    "Adeyemi",
    "Ahmed",
    "Alvarez",
    "Andersen",
    "Bauer",
    "Bello",
    "Bernard",
    "Chaudhry",
    "Chen",
    "Costa",
    "Dlamini",
    "Dubois",
    "Eriksen",
    "Fernández",
    "Fischer",
    "García López",
    "Gagnon",
    "Haddad",
    "Hansen",
    "Hoang",
    "Ibrahim",
    "Ivanova",
    "Jansen",
    "Kamau",
    "Kim",
    "Kowalski",
    "Kumar",
    "Larsen",
    "Lee",
    "Lindqvist",
    "Liu",
    "Mbeki",
    "Mendoza",
    "Mensah",
    "Moreau",
    "Müller",
    "Nakamura",
    "Nguyễn",
    "Novak",
    "O'Connor",
    "O'Neill",
    "Okafor",
    "Okoro",
    "Patel",
    "Pereira",
    "Petrov",
    "Quispe",
    "Rahman",
    "Reyes",
    "Rossi",
    "Sato",
    "Schmidt",
    "Silva",
    "Singh",
    "Sokolova",
    "Svensson",
    "Tanaka",
    "Torres",
    "Van der Berg",
    "Wang",
    "Weiss",
    "Wiśniewska",
    "Yılmaz",
    "Zhang",
    "Çelik",
    "Ødegaard",
    "Raman, PhD",
    "Smith-Jones",
)
# Names in other scripts, each with the ASCII spelling LinkedIn would put in the URL.
_OTHER_SCRIPT = (
    ("芽衣", "田中", "mei-tanaka"),
    ("伟", "王", "wei-wang"),
    ("Ольга", "Иванова", "olga-ivanova"),
    ("Дмитрий", "Смирнов", "dmitriy-smirnov"),
    ("فاطمة", "الزهراء", "fatima-alzahra"),
    ("أحمد", "حسن", "ahmed-hassan"),
    ("민준", "김", "minjun-kim"),
    ("Ελένη", "Παπαδοπούλου", "eleni-papadopoulou"),
    ("प्रिया", "शर्मा", "priya-sharma"),
    ("יעל", "כהן", "yael-cohen"),
)
_COMPANIES = (
    "Fabrikam, Inc.",
    "Contoso Ltd",
    "Northwind Analytics",
    "Tailspin Toys",
    "Woodgrove Bank",
    "Litware, Inc.",
    "Adatum Corporation",
    "Proseware",
    "Kestrel Health",
    "Wide World Importers",
    "Coho Winery",
    "Alpine Ski House",
    "Trey Research",
    "Lucerne Publishing",
    "Wingtip Toys",
    "VanArsdel, Ltd.",
    "Consolidated Messenger",
    "Southridge Video",
    "Fourth Coffee",
    "Humongous Insurance",
    "Graphic Design Institute",
    "Blue Yonder Airlines",
    "Margie's Travel",
    "Nordlys Energi AS",
    "Hoshi Robotics",
    "Atelier Lumière SARL",
    "Gulf Horizon Logistics",
    "Marrowby Freight & Fulfilment",
    "Cobaltline Health",
    "Brightfork Digital, LLP",
    "Quanta Cloud",
    "Heliograph Labs",
    "Ledgerleaf",
    "Parcelwise",
    "Tessellate Health",
    "Haulmark Transport, Ltd.",
    "Self-employed",
    "Freelance",
    "Stealth Startup",
    "University of Westmarch",
    "Codebridge Academy",
    "St Brannock's Hospital",
)
_POSITIONS = (
    "Software Engineer",
    "Senior Software Engineer",
    "Engineering Manager",
    "Product Manager",
    "Head of Operations",
    "Operations Manager",
    "Chief Operating Officer",
    "CFO",
    "Founder & CEO",
    "Director, Partnerships",
    "VP Operations",
    "Data Scientist",
    "Principal Data Scientist",
    "HR Business Partner",
    "Chief People Officer",
    "Recruiter",
    "Account Executive",
    "Regional Sales Director – EMEA",
    "Marketing Manager",
    "UX Designer",
    "Product Designer",
    "Consultant",
    "Independent Consultant",
    "Executive Coach ✨",
    "Professor of Management",
    "Research Fellow",
    "Student",
    "Intern",
    "Board Member | Advisor | Angel Investor",
    "Supply Chain Lead",
    "Logistics Manager",
    "Nurse Practitioner",
    "General Counsel",
    "Chief of Staff to the CEO",
    '"The Fixer" – Interim CFO',
    "Team Lead, Platform",
    "Senior Engineering Manager 🚀",
    "Directrice artistique",
    "Retired",
    "Open to work",
)
_MAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "post.example")


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = folded.replace("ł", "l").replace("ø", "o").replace("ß", "ss").replace("ı", "i")
    out = []
    for ch in folded:
        if unicodedata.combining(ch):
            continue
        out.append(ch if ch.isascii() and ch.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)


def _people() -> list[tuple[str, str, str]]:
    """Every (first, last, url-base) the generator can draw, Latin-script first."""
    latin = [(f, lname, f"{_ascii(f)}-{_ascii(lname)}") for f in _FIRST for lname in _LAST]
    return latin + list(_OTHER_SCRIPT)


_PEOPLE = _people()
_N_LATIN = len(_FIRST) * len(_LAST)


def make_linkedin_export(n: int, seed: int = 0) -> bytes:
    """Return the bytes of a synthetic LinkedIn ``Connections.csv`` with *n* connections.

    Parameters
    ----------
    n : int
        Number of data rows (0 gives the preamble and header only).
    seed : int
        Random seed; the same ``(n, seed)`` always gives the same bytes.

    Returns
    -------
    bytes
        UTF-8 text without a byte-order mark, ``\\n`` line ends.

    Examples
    --------
    >>> data = make_linkedin_export(3, seed=1)
    >>> data.splitlines()[3].decode()
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On'
    >>> len(data.decode().splitlines())
    7
    """
    if n < 0:
        raise ValueError("n must be zero or more")
    rng = random.Random(seed)
    rand = rng.random
    randrange = rng.randrange
    # Newest first, like the real export: dates from the last ~12 years, sorted descending.
    newest = date(2026, 11, 20)
    offsets = sorted(randrange(4400) for _ in range(n))
    salt = (seed * 0x9E3779B1) & 0xFFFFFF
    buf = io.StringIO()
    buf.write(PREAMBLE)
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    rows: list[tuple[str, str, str, str, str]] = []  # first, last, email, company, position
    n_people, n_comp, n_pos = len(_PEOPLE), len(_COMPANIES), len(_POSITIONS)
    for i in range(n):
        if rows and rand() < 0.01:
            # The same person again, under a second profile (an old account, say).
            first, last, email, company, position = rows[randrange(len(rows))]
            base = _ascii(first + " " + last) or "member"
        else:
            k = randrange(n_people) if rand() < 0.06 else randrange(_N_LATIN)
            first, last, base = _PEOPLE[k]
            if k < _N_LATIN and rand() < 0.08:
                other = _LAST[randrange(len(_LAST))]
                if "," not in last and "," not in other and other != last:
                    last = f"{last}-{other}"  # double-barrelled, which also widens the name pool
                    base = f"{base}-{_ascii(other)}"
            r = rand()
            company = "" if r < 0.04 else _COMPANIES[randrange(n_comp)]
            position = "" if r < 0.03 else _POSITIONS[randrange(n_pos)]
            if rand() < 0.12 and base.isascii():
                email = f"{base.replace('-', '.')}@{_MAIL_DOMAINS[randrange(5)]}"
            else:
                email = ""
            if rand() < 0.004:
                first += " "  # stray trailing space, as people type their own names
        rows.append((first, last, email, company, position))
        # (i + c) * odd mod 2**24 is a bijection, so suffixes never repeat for n < 16.7 million.
        suffix = format(((i + 0x3A5F1 + salt) * 0x5BD1E995) & 0xFFFFFF, "06x")
        url = f"https://www.linkedin.com/in/{base}-{suffix}"
        when = newest - timedelta(days=offsets[i])
        connected = f"{when.day:02d} {_MONTHS[when.month - 1]} {when.year}"
        writer.writerow((first, last, url, email, company, position, connected))
    return buf.getvalue().encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of connections")
    parser.add_argument("out", nargs="?", help="file to write (default: standard output)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    data = make_linkedin_export(args.n, args.seed)
    if args.out:
        with open(args.out, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
