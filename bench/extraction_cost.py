"""Extraction cost on real pages: median CPU ms per labelled page, each page read once.

``python -m bench.extraction_cost [FOLDER]`` (default ``tests/fixtures/labelled``) reads 20 pages
to warm up (imports, lexicon, catalogues), then times every other page once, as a crawl reads it:
timing repeats of one page would let caches keyed on its own text flatter the figure.

``paragraph_calls()`` times the place and organiser finders on one announcement paragraph each,
the figures the unit tests once asserted (speed belongs here, not in timed tests).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from confwatch.spiders.normalise.organisers import find_organisers
from confwatch.spiders.normalise.place_mentions import find_place
from confwatch.spiders.offline import choose_source, extract_file

WARM_UP = 20
LABELLED = Path(__file__).resolve().parents[1] / "tests/fixtures/labelled"

ORGANISER_PARAGRAPH = (
    "The Joint High-Level Regional Conference on “Foreign Terrorist Fighters – Addressing "
    "Current Challenges” is organized by the UN Office on Counter-Terrorism (UNOCT), the "
    "Organization for Security and Co-operation in Europe (OSCE), and the Government of "
    "Switzerland, in cooperation with the Albanian OSCE Chairmanship. The event will be held "
    "in Vienna, Austria, on 11-12 February 2020."
)
PLACE_PARAGRAPH = (
    "The Regional Conference on “Prevention of Radicalization to Terrorism: Regional Policy "
    "Responses and Risk Mitigation”, co-organized by the Government of Hungary and the United "
    "Nations Office of Counter-Terrorism (UNOCT), will take place on 7-8 November 2019 in "
    "Budapest, Hungary. It will bring together around 145 participants including Member "
    "States from the Organization for Security and Co-operation in Europe and China, "
    "international and regional organizations, UN agencies, NGOs and civil society."
)


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


def _per_call_ms(func: Any, text: str, runs: int = 200) -> float:
    func(text)  # the first call builds the catalogues' patterns
    started = time.process_time()
    for _ in range(runs):
        func(text)
    return (time.process_time() - started) * 1000 / runs


def paragraph_calls() -> dict[str, float]:
    """CPU ms per call of the place and organiser finders on one paragraph each (repeats of one
    text: a floor that caches keyed on the text may flatter, unlike ``measure``)."""
    return {
        "find_place_ms": _per_call_ms(find_place, PLACE_PARAGRAPH),
        "find_organisers_ms": _per_call_ms(find_organisers, ORGANISER_PARAGRAPH),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else LABELLED
    got = measure(folder)
    print(f"pages {got['pages']:.0f}  median {got['median_ms']:.2f} ms  p90 {got['p90_ms']:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
