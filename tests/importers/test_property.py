"""Whatever bytes or text arrive, the importers give a ParsedFile or an ImportProblem."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadnet_helpers.errors import ImportProblem
from leadnet_helpers.importers import ParsedFile, parse_bytes

SHARED = Path("/work/shared/fixtures")
DATA = Path(__file__).parent / "data"
FIXTURES = [p.read_bytes() for p in sorted([*SHARED.glob("*"), *DATA.glob("*")]) if p.is_file()]
FIXTURES = [f for f in FIXTURES if f] or [b"name\nAda\n"]


def check(data: bytes) -> None:
    try:
        parsed = parse_bytes(data, "fuzz.csv")
    except ImportProblem as problem:
        assert problem.file == "fuzz.csv" and problem.fix
        return
    assert isinstance(parsed, ParsedFile)
    assert parsed.records, "a file that parses has at least one record"
    lines = [r.line for r in parsed.records]
    assert lines == sorted(lines) and lines[0] >= 1
    for record in parsed.records:
        assert (record.contact is None) == bool(record.problem)
        if record.contact is not None:
            assert record.contact.name


@st.composite
def mutated_fixture(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(FIXTURES)))
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [
                        b'"',
                        b",",
                        b";",
                        b"\r\n",
                        b"=\r\n",
                        b"\x00",
                        b"BEGIN:VCARD\r\n",
                        b"END:VCARD\r\n",
                        b"\xc3",
                        b"\t",
                    ]
                )
            )
        elif data:
            del data[at : at + draw(st.integers(1, 50))]
    return bytes(data)


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    check(data)


@FAST
@given(st.text(max_size=2000))
def test_arbitrary_text(text):
    check(text.encode("utf-8"))


@FAST
@given(
    st.lists(
        st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=12), max_size=8),
        max_size=8,
    ),
    st.sampled_from(
        [
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            "name,organisation,strength,tags,linkedin_url",
            "First name,Last name,Business email,Categories",
        ]
    ),
)
def test_text_under_a_real_header(rows, header):
    body = "\n".join(",".join(r) for r in rows)
    check(f"{header}\n{body}".encode())


@FAST
@given(mutated_fixture())
def test_mutated_fixtures(data):
    check(data)


@FAST
@given(st.text(max_size=400))
def test_text_inside_a_vcard(text):
    check(f"BEGIN:VCARD\r\nVERSION:2.1\r\n{text}\r\nEND:VCARD\r\n".encode())
