"""Cost of the date normaliser: per string over the test corpus, and one scan of a 200 kB body.

Run from the repository root: ``.venv/bin/python bench/bench_dates.py``.

The corpus is the date tests' tables (``tests/spiders/normalise/test_dates.py``), read as data:
importing that module would need pytest and hypothesis, which only the test extra installs, and
``make bench`` runs right after ``make demo``, which installs none of it.
"""

from __future__ import annotations

import ast
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from confwatch.spiders.normalise import dates

CORPUS = Path(__file__).resolve().parents[1] / "tests/spiders/normalise/test_dates.py"
_TABLES = ("RANGES", "SINGLE_DAYS", "NOT_DAY_PRECISE", "IMPOSSIBLE")
_TEXTS = ("ANNOUNCEMENT", "BACKGROUND", "LISTING")


def _read_corpus(path: Path = CORPUS) -> SimpleNamespace:
    """The tables' texts: a row's first item when rows are tuples (text, expected...)."""
    found: dict[str, Any] = {}
    for node in ast.parse(path.read_text("utf-8")).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        name = target.id if isinstance(target, ast.Name) else None
        value = getattr(node, "value", None)
        if name in _TEXTS and value is not None:
            found[name] = ast.literal_eval(value)
        elif name in _TABLES and isinstance(value, ast.List):
            found[name] = [
                ast.literal_eval(row.elts[0] if isinstance(row, ast.Tuple) else row)
                for row in value.elts
            ]
    missing = [n for n in (*_TABLES, *_TEXTS) if n not in found]
    if missing:
        raise SystemExit(f"{path}: corpus tables not found: {', '.join(missing)}")
    return SimpleNamespace(**found)


corpus = _read_corpus()


def per_call_ms(func: Callable[[str], object], texts: list[str], rounds: int = 20) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            func(text)
    return (time.perf_counter() - started) * 1000 / (rounds * len(texts))


def corpus_texts() -> list[str]:
    return corpus.RANGES + corpus.SINGLE_DAYS + corpus.NOT_DAY_PRECISE + corpus.IMPOSSIBLE


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
