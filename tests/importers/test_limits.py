"""Size limits: a stated record limit refuses a bigger file before its records are read,
and memory and time stay linear (a vCard NOTE folded over 100,000 lines included)."""

from __future__ import annotations

import pytest

from leadnet_helpers import importers
from leadnet_helpers.errors import ImportProblem
from leadnet_helpers.importers import parse_bytes, parse_file


def test_a_csv_over_the_record_limit_is_refused_while_counting(monkeypatch):
    monkeypatch.setattr(importers, "MAX_RECORDS", 100)
    seen = []
    monkeypatch.setattr(importers, "_records", lambda fmt, table: seen.append(1) or iter(()))
    data = ("name,organisation\n" + "".join(f"P{i},O\n" for i in range(101))).encode()
    with pytest.raises(ImportProblem, match="more than 100 records") as info:
        parse_bytes(data, "big.csv")
    assert info.value.line == 102 and "Split it" in str(info.value)
    assert seen == []  # no record was parsed


def test_a_vcard_over_the_record_limit_is_refused_before_it_is_decoded(monkeypatch):
    monkeypatch.setattr(importers, "MAX_RECORDS", 10)
    monkeypatch.setattr(importers, "sniff", lambda *a: pytest.fail("the file was read"))
    data = b"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n" * 11
    with pytest.raises(ImportProblem, match="more than 10 cards"):
        parse_bytes(data, "big.vcf")


def test_a_file_over_the_size_limit_is_refused_from_its_size(monkeypatch, tmp_path):
    monkeypatch.setattr(importers, "MAX_BYTES", 1000)
    big = tmp_path / "big.csv"
    big.write_bytes(b"name\n" + b"x\n" * 1000)
    monkeypatch.setattr(importers.Path, "read_bytes", lambda self: pytest.fail("read"))
    with pytest.raises(ImportProblem, match="too large"):
        parse_file(big)


def _folded_note(lines: int) -> bytes:
    body = b"\r\n ".join(b"word%06d " % i for i in range(lines))
    return b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nNOTE:" + body + b"\r\nEND:VCARD\r\n"


def test_a_note_folded_over_100000_lines_is_joined_whole():
    # Its time grows linearly with the lines: benchmarks/bench_folded_lines.py prints it.
    (record,) = parse_bytes(_folded_note(100_000), "a.vcf").records
    words = record.contact.notes.split()
    assert len(words) == 100_000 and words[:2] == ["word000000", "word000001"]
    assert words[-1] == "word099999"


def test_the_workspace_refuses_a_file_over_the_size_limit_before_reading_it(monkeypatch, tmp_path):
    from leadnet_helpers.model import Profile
    from leadnet_helpers.store import Workspace

    monkeypatch.setattr(importers, "MAX_BYTES", 1000)
    big = tmp_path / "big.csv"
    big.write_bytes(b"name\n" + b"x\n" * 1000)
    monkeypatch.setattr(importers.Path, "read_bytes", lambda self: pytest.fail("read"))
    with Workspace.create(tmp_path / "w.leadnet.sqlite", Profile("Ana")) as ws:
        with pytest.raises(ImportProblem, match="too large"):
            ws.import_file(big)
        assert ws.count_contacts() == 0 and ws.imports() == []
