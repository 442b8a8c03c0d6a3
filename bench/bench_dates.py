"""Cost of the date normaliser: per string over the test corpus, and one scan of a 200 kB body.

Run from the repository root: ``.venv/bin/python bench/bench_dates.py``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for the tests' tables

from confwatch.spiders.normalise import dates
from tests.spiders import test_dates as corpus


def per_call_ms(func: Callable[[str], object], texts: list[str], rounds: int = 20) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            func(text)
    return (time.perf_counter() - started) * 1000 / (rounds * len(texts))


def corpus_texts() -> list[str]:
    texts = [row[0] for row in corpus.RANGES + corpus.SINGLE_DAYS]
    return texts + corpus.NOT_DAY_PRECISE + corpus.IMPOSSIBLE


def measure() -> dict[str, float]:
    """Per-string cost (ms) over the test corpus, after the grammar and dateparser are loaded."""
    texts = corpus_texts()
    started = time.perf_counter()
    dates.parse_date_range("20-21 June 2019")
    first = (time.perf_counter() - started) * 1000
    dates.parse_date_range("2019/06/20")
    fallback = ["2019/06/20", "17-Dec-2019", "Dec-17-2019", "December the 17th, 2019"]
    return {
        "strings": len(texts),
        "first_call_ms": first,
        "parse_date_range_ms": per_call_ms(dates.parse_date_range, texts),
        "find_date_ranges_ms": per_call_ms(dates.find_date_ranges, texts),
        "dateparser_fallback_ms": per_call_ms(dates.parse_date_range, fallback),
    }


def main() -> None:
    texts = corpus_texts()
    started = time.perf_counter()
    dates.parse_date_range("20-21 June 2019")  # compiles the grammar for the default languages
    print(f"first call (grammar build): {(time.perf_counter() - started) * 1000:.1f} ms")
    dates.parse_date_range("2019/06/20")  # loads dateparser once, as a crawl would
    print(f"corpus: {len(texts)} strings")
    print(f"parse_date_range: {per_call_ms(dates.parse_date_range, texts):.3f} ms/string")
    print(f"find_date_ranges: {per_call_ms(dates.find_date_ranges, texts):.3f} ms/string")
    fallback = ["2019/06/20", "17-Dec-2019", "Dec-17-2019", "December the 17th, 2019"]
    print(f"dateparser fallback: {per_call_ms(dates.parse_date_range, fallback):.3f} ms/string")
    page = corpus.ANNOUNCEMENT + corpus.BACKGROUND + corpus.LISTING
    body = (page * (200_000 // len(page) + 1))[:200_000]
    started = time.perf_counter()
    found = dates.find_date_ranges(body)
    elapsed = (time.perf_counter() - started) * 1000
    print(f"find_date_ranges on 200 kB: {elapsed:.1f} ms, {len(found)} dates")


if __name__ == "__main__":
    main()
