"""How long a vCard NOTE folded over many lines takes to read: it should grow linearly.

Run: ``python benchmarks/bench_folded_lines.py`` (prints seconds per size; asserts nothing).
"""

from __future__ import annotations

import time

from leadnet_helpers.importers import parse_bytes


def folded_note(lines: int) -> bytes:
    """One card whose NOTE is folded over *lines* lines."""
    body = b"\r\n ".join(b"word%06d " % i for i in range(lines))
    return b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nNOTE:" + body + b"\r\nEND:VCARD\r\n"


def main() -> None:
    print(f"{'folded lines':>12}  {'best of 3 (s)':>13}  {'s per 100k':>10}")
    for lines in (25_000, 100_000, 400_000):
        data = folded_note(lines)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            parse_bytes(data, "a.vcf")
            best = min(best, time.perf_counter() - start)
        print(f"{lines:>12,}  {best:>13.2f}  {best / lines * 100_000:>10.2f}")


if __name__ == "__main__":
    main()
