"""Scoring extraction against a labelled set (the contract in eval-format.md).

Expected and extracted events are paired by title similarity and dates; per field, accuracy is
exact matches over the expected events that state the field (a missed event is wrong on every
field it states). Dates and country: exact. City: case- and accent-insensitive. Title: token-set
ratio >= 85. Organisers: every expected one present among the extracted, an acronym and its full
name counting as the same body.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from confwatch.spiders.normalise.organisers import same_body

COMPARED = (
    "title",
    "start_date",
    "end_date",
    "city",
    "country",
    "organisers",
    "registration_deadline",
    "status",
    "url",
)


def _fold(text: Any) -> str:
    s = unicodedata.normalize("NFKD", str(text or ""))
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).casefold().split())


def title_ratio(a: Any, b: Any) -> float:
    return float(fuzz.token_set_ratio(_fold(a), _fold(b)))


def field_matches(name: str, expected: Any, got: Any) -> bool:
    if name == "title":
        return (expected is None and got is None) or title_ratio(expected, got) >= 85
    if name == "city":
        return _fold(expected) == _fold(got)
    if name == "organisers":
        got_list = list(got or [])
        return all(any(same_body(e, g) for g in got_list) for e in expected or [])
    if name == "status":
        return (expected or "scheduled") == (got or "scheduled")
    return expected == got


def _pair_score(exp: dict[str, Any], got: dict[str, Any]) -> float:
    score = title_ratio(exp.get("title"), got.get("title"))
    if exp.get("start_date") and exp.get("start_date") == got.get("start_date"):
        score += 60
    return score


def pair_events(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Greedy best-first pairing; a pair needs a similar title or the same start date."""
    candidates = []
    for i, e in enumerate(expected):
        for j, g in enumerate(got):
            score = _pair_score(e, g)
            if score >= 70:
                candidates.append((score, i, j))
    candidates.sort(reverse=True)
    used_e: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_e and j not in used_g:
            used_e.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class CaseResult:
    name: str
    expected: int
    extracted: int
    false_events: int
    missed: int
    wrong: list[str] = field(default_factory=list)  # "field: expected … got …"
    error: str | None = None


@dataclass
class Report:
    cases: list[CaseResult] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def accuracy(self) -> dict[str, float]:
        return {f: round(self.hits.get(f, 0) / n, 4) for f, n in self.totals.items() if n}

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": len(self.cases),
            "expected_events": sum(c.expected for c in self.cases),
            "extracted_events": sum(c.extracted for c in self.cases),
            "false_events": sum(c.false_events for c in self.cases),
            "missed_events": sum(c.missed for c in self.cases),
            "accuracy": self.accuracy,
            "fields_compared": dict(self.totals),
            "errors": [f"{c.name}: {c.error}" for c in self.cases if c.error],
            "details": [
                {
                    "case": c.name,
                    "expected": c.expected,
                    "extracted": c.extracted,
                    "false_events": c.false_events,
                    "missed": c.missed,
                    "wrong": c.wrong,
                }
                for c in self.cases
                if c.wrong or c.false_events or c.missed or c.error
            ],
        }


Extractor = Callable[[dict[str, Any], Path], list[dict[str, Any]]]


def score_case(
    name: str, case: dict[str, Any], got: list[dict[str, Any]], report: Report
) -> CaseResult:
    expected = list(case.get("events") or [])
    pairs = pair_events(expected, got)
    paired = dict(pairs)
    result = CaseResult(
        name, len(expected), len(got), len(got) - len(pairs), len(expected) - len(pairs)
    )
    for i, exp in enumerate(expected):
        match = got[paired[i]] if i in paired else None
        for fname in COMPARED:
            if fname not in exp:
                continue
            report.totals[fname] = report.totals.get(fname, 0) + 1
            if match is not None and field_matches(fname, exp[fname], match.get(fname)):
                report.hits[fname] = report.hits.get(fname, 0) + 1
            else:
                shown = match.get(fname) if match is not None else "(missed event)"
                result.wrong.append(
                    f"{exp.get('title', '?')[:50]}: {fname}: expected {exp[fname]!r}, got {shown!r}"
                )
    for j, g in enumerate(got):
        if j not in paired.values():
            result.wrong.append(f"false event: {g.get('title')!r} {g.get('start_date')}")
    report.cases.append(result)
    return result


def evaluate(folder: Path, extract: Extractor) -> Report:
    """Score every ``NAME.json`` case in ``folder`` with ``extract(case, page_path)``."""
    report = Report()
    for path in sorted(folder.glob("*.json")):
        try:
            case = json.loads(path.read_text("utf-8"))
            page = path.parent / case["page"]
            got = extract(case, page)
        except Exception as exc:  # one broken case is reported, the rest still scored
            res = CaseResult(
                path.stem,
                len(case.get("events") or []) if isinstance(case, dict) else 0,
                0,
                0,
                0,
                error=f"{type(exc).__name__}: {exc}",
            )
            report.cases.append(res)
            for exp in case.get("events") or [] if isinstance(case, dict) else []:
                for fname in COMPARED:
                    if fname in exp:
                        report.totals[fname] = report.totals.get(fname, 0) + 1
            continue
        score_case(path.stem, case, got, report)
    return report
