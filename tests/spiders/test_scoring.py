"""Scoring a labelled set (eval-format.md §4): pairing, optional events, splits, breakdowns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from confwatch.spiders.scoring import Report, evaluate, score_case

MAIN = {
    "title": "Regional Conference on Countering Terrorism",
    "start_date": "2030-03-02",
    "end_date": "2030-03-03",
    "city": "Vienna",
    "country": "AT",
}
EARLIER = {
    "title": "First Regional Workshop on Border Security",
    "start_date": "2029-05-10",
    "optional": True,
}


def test_optional_event_not_found_is_not_missed() -> None:
    report = Report()
    result = score_case("c", {"events": [MAIN, EARLIER]}, [dict(MAIN)], report)
    assert (result.expected, result.missed, result.false_events) == (1, 0, 0)
    assert report.accuracy["start_date"] == 1.0


def test_optional_event_found_is_not_a_false_event_and_not_scored() -> None:
    report = Report()
    got = [dict(MAIN), {"title": EARLIER["title"], "start_date": "2029-05-11"}]
    result = score_case("c", {"events": [MAIN, EARLIER]}, got, report)
    assert (result.false_events, result.missed) == (0, 0)
    assert report.totals["start_date"] == 1  # the optional event's wrong date is not counted


def test_required_event_not_found_is_missed_and_wrong_on_every_field() -> None:
    report = Report()
    result = score_case("c", {"events": [MAIN]}, [], report)
    assert result.missed == 1
    assert report.recall == 0.0
    assert report.accuracy["title"] == 0.0


def write_case(folder: Path, name: str, split: str | None, events: list[dict[str, Any]]) -> None:
    (folder / f"{name}.txt").write_text("page", "utf-8")
    case: dict[str, Any] = {"url": f"https://{name}.test/", "page": f"{name}.txt", "events": events}
    if split:
        case["split"] = split
    case["language"] = "en" if name != "b" else "fr"
    (folder / f"{name}.json").write_text(json.dumps(case), "utf-8")


def test_split_selects_only_the_cases_of_that_split(tmp_path: Path) -> None:
    write_case(tmp_path, "a", "dev", [MAIN])
    write_case(tmp_path, "b", "test", [MAIN])
    write_case(tmp_path, "c", None, [])
    seen: list[str] = []

    def extract(case: dict[str, Any], page: Path) -> list[dict[str, Any]]:
        seen.append(page.stem)
        return [dict(MAIN)]

    assert len(evaluate(tmp_path, extract, split="test").cases) == 1
    assert seen == ["b"]
    assert len(evaluate(tmp_path, extract).cases) == 3


def test_breakdown_by_language_counts_each_languages_cases(tmp_path: Path) -> None:
    write_case(tmp_path, "a", "dev", [MAIN])
    write_case(tmp_path, "b", "dev", [MAIN])

    def extract(case: dict[str, Any], page: Path) -> list[dict[str, Any]]:
        return [dict(MAIN)] if page.stem == "a" else []

    data = evaluate(tmp_path, extract).to_json()
    assert data["by_language"]["en"]["recall"] == 1.0
    assert data["by_language"]["fr"]["recall"] == 0.0
    assert data["recall"] == 0.5


def test_a_case_that_cannot_be_read_counts_its_events_as_missed(tmp_path: Path) -> None:
    write_case(tmp_path, "a", "dev", [MAIN])

    def extract(case: dict[str, Any], page: Path) -> list[dict[str, Any]]:
        raise ValueError("unreadable")

    report = evaluate(tmp_path, extract)
    assert report.cases[0].error and report.cases[0].missed == 1
    assert report.recall == 0.0
