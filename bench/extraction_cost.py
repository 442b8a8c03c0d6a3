"""Extraction cost on real pages: median CPU ms per labelled page, each page read once.

``python -m bench.extraction_cost [FOLDER]`` (default ``tests/fixtures/labelled``) reads 20 pages
to warm up (imports, lexicon, catalogues), then times every other page once, as a crawl reads it:
timing repeats of one page would let caches keyed on its own text flatter the figure.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from confwatch.spiders.offline import choose_source, extract_file

WARM_UP = 20


def cases(folder: Path) -> list[tuple[dict[str, Any], Path]]:
    """Each labelled case with its page, in name order."""
    found = []
    for meta in sorted(folder.glob("*.json")):
        case = json.loads(meta.read_text("utf-8"))
        page = folder / case["page"] if case.get("page") else None
        if page is not None and page.is_file():
            found.append((case, page))
    return found


def extract_case(case: dict[str, Any], page: Path) -> list[dict[str, Any]]:
    """What ``confwatch extract PAGE --url URL --source KIND [--published D]`` gives."""
    published = case.get("published")
    result = extract_file(
        str(page),
        url=case.get("url"),
        source=choose_source(case.get("source"), case.get("url"), []),
        published=dt.date.fromisoformat(published) if published else None,
    )
    return [event.to_json() for event in result.events]


def measure(folder: Path) -> dict[str, float]:
    found = cases(folder)
    for case, page in found[:WARM_UP]:
        extract_case(case, page)
    per_page = []
    for case, page in found[WARM_UP:]:
        started = time.process_time()
        extract_case(case, page)
        per_page.append((time.process_time() - started) * 1000)
    per_page.sort()
    return {
        "pages": len(per_page),
        "median_ms": statistics.median(per_page),
        "p90_ms": per_page[int(len(per_page) * 0.9)],
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "tests/fixtures/labelled")
    got = measure(folder)
    print(f"pages {got['pages']:.0f}  median {got['median_ms']:.2f} ms  p90 {got['p90_ms']:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
