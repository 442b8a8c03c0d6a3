"""Failure counts per class of issue 15, as numbers only (so they may be read on the test split).

``python -m bench.extraction_classes FOLDER dev|test`` prints one JSON object:
- ``missed``: required events never found; ``false_on_negative`` / ``false_on_event_pages``:
  events extracted that no label pairs with, on pages that announce none / some (class 1);
- ``page_date_taken``: a found event dated with the page's own date the label does not give
  (class 2); ``date_null`` / ``date_wrong``: other start-date errors on found events (class 3);
- ``multi_events`` / ``multi_found``: required events on pages with two or more, and how many
  were found (class 4);
- ``org_extra`` / ``org_missed``: bodies taken that are no organisers, organisers not taken (5);
- ``online_given_place``, ``city_wrong``, ``city_null``: places of found events (class 6).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.extraction_cost import cases, extract_case
from confwatch.spiders.normalise.organisers import same_body
from confwatch.spiders.scoring import field_matches, pair_events

KEYS = [
    "cases",
    "events",
    "found",
    "missed",
    "false_on_negative",
    "false_on_event_pages",
    "page_date_taken",
    "date_null",
    "date_wrong",
    "multi_events",
    "multi_found",
    "org_extra",
    "org_missed",
    "online_given_place",
    "city_wrong",
    "city_null",
]


def count(folder: Path, split: str) -> dict[str, int]:
    n = dict.fromkeys(KEYS, 0)
    for case, page in cases(folder):
        if case.get("split") == split:
            _count_case(n, case, extract_case(case, page))
    return n


def _count_case(n: dict[str, int], case: dict[str, Any], got: list[dict[str, Any]]) -> None:
    expected = case.get("events") or []
    required = [i for i, e in enumerate(expected) if not e.get("optional")]
    pairs = dict(pair_events(expected, got))
    found = [i for i in required if i in pairs]
    n["cases"] += 1
    n["events"] += len(required)
    n["found"] += len(found)
    n["missed"] += len(required) - len(found)
    n["false_on_event_pages" if required else "false_on_negative"] += len(got) - len(pairs)
    if len(required) >= 2:
        n["multi_events"] += len(required)
        n["multi_found"] += len(found)
    for i in found:
        _count_fields(n, expected[i], got[pairs[i]], case.get("published"))


def _count_fields(n: dict[str, int], exp: dict[str, Any], got: dict[str, Any], pub: Any) -> None:
    start = got.get("start_date")
    if "start_date" in exp and not field_matches("start_date", exp["start_date"], start):
        if start is None:
            n["date_null"] += 1
        elif pub and start == pub:
            n["page_date_taken"] += 1
        else:
            n["date_wrong"] += 1
    if "organisers" in exp:
        want, have = exp["organisers"] or [], got.get("organisers") or []
        n["org_extra"] += sum(1 for h in have if not any(same_body(h, w) for w in want))
        n["org_missed"] += sum(1 for w in want if not any(same_body(h, w) for h in have))
    if "city" in exp:
        if exp["city"] is None and exp.get("country") is None and got.get("city"):
            n["online_given_place"] += 1
        elif not field_matches("city", exp["city"], got.get("city")):
            n["city_null" if got.get("city") is None else "city_wrong"] += 1


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[1] not in ("dev", "test"):
        print("usage: python -m bench.extraction_classes FOLDER dev|test", file=sys.stderr)
        return 2
    print(json.dumps(count(Path(args[0]), args[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
