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
    return bool(expected == got)


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
    expected: int  # required events (optional ones are neither missed nor false)
    extracted: int
    false_events: int
    missed: int
    wrong: list[str] = field(default_factory=list)  # "field: expected … got …"
    error: str | None = None
    hits: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)  # language, kind: for breakdowns


@dataclass
class Report:
    cases: list[CaseResult] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def accuracy(self) -> dict[str, float]:
        return {f: round(self.hits.get(f, 0) / n, 4) for f, n in self.totals.items() if n}

    @property
    def recall(self) -> float | None:
        """Share of the required events that were found (paired with an extracted one)."""
        expected = sum(c.expected for c in self.cases)
        missed = sum(c.missed for c in self.cases)
        return round((expected - missed) / expected, 4) if expected else None

    def breakdown(self, group: str) -> dict[str, dict[str, Any]]:
        """Cases, events, recall, false events and accuracy per value of a case's ``group``
        (``language``, ``kind``)."""
        parts: dict[str, Report] = {}
        for case in self.cases:
            part = parts.setdefault(case.groups.get(group) or "?", Report())
            part.cases.append(case)
            for name, n in case.totals.items():
                part.totals[name] = part.totals.get(name, 0) + n
            for name, n in case.hits.items():
                part.hits[name] = part.hits.get(name, 0) + n
        return {
            key: {
                "cases": len(part.cases),
                "expected_events": sum(c.expected for c in part.cases),
                "recall": part.recall,
                "false_events": sum(c.false_events for c in part.cases),
                "accuracy": part.accuracy,
            }
            for key, part in sorted(parts.items())
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": len(self.cases),
            "expected_events": sum(c.expected for c in self.cases),
            "extracted_events": sum(c.extracted for c in self.cases),
            "false_events": sum(c.false_events for c in self.cases),
            "missed_events": sum(c.missed for c in self.cases),
            "recall": self.recall,
            "accuracy": self.accuracy,
            "fields_compared": dict(self.totals),
            "by_language": self.breakdown("language"),
            "by_kind": self.breakdown("kind"),
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
    """Pair and compare one case's events. An expected event marked ``"optional": true``
    (eval-format §5.2: an earlier meeting of the series, a side event) is paired like the others
    but never counts: unpaired it is not missed, paired its extracted event is not false."""
    expected = list(case.get("events") or [])
    optional = {i for i, e in enumerate(expected) if e.get("optional")}
    pairs = pair_events(expected, got)
    paired = dict(pairs)
    required = len(expected) - len(optional)
    found = sum(1 for i in paired if i not in optional)
    result = CaseResult(
        name,
        required,
        len(got),
        len(got) - len(pairs),
        required - found,
        groups={k: str(case[k]) for k in ("language", "kind") if case.get(k)},
    )
    for i, exp in enumerate(expected):
        if i in optional:
            continue
        match = got[paired[i]] if i in paired else None
        for fname in COMPARED:
            if fname not in exp:
                continue
            result.totals[fname] = result.totals.get(fname, 0) + 1
            if match is not None and field_matches(fname, exp[fname], match.get(fname)):
                result.hits[fname] = result.hits.get(fname, 0) + 1
            else:
                shown = match.get(fname) if match is not None else "(missed event)"
                result.wrong.append(
                    f"{exp.get('title', '?')[:50]}: {fname}: expected {exp[fname]!r}, got {shown!r}"
                )
    for j, g in enumerate(got):
        if j not in paired.values():
            result.wrong.append(f"false event: {g.get('title')!r} {g.get('start_date')}")
    _add(report, result)
    return result


def _add(report: Report, result: CaseResult) -> None:
    report.cases.append(result)
    for name, n in result.totals.items():
        report.totals[name] = report.totals.get(name, 0) + n
    for name, n in result.hits.items():
        report.hits[name] = report.hits.get(name, 0) + n


def evaluate(folder: Path, extract: Extractor, *, split: str | None = None) -> Report:
    """Score every ``NAME.json`` case in ``folder`` with ``extract(case, page_path)``; with
    ``split``, only the cases whose ``"split"`` is that (``dev`` or ``test``)."""
    report = Report()
    for path in sorted(folder.glob("*.json")):
        case: Any = None
        try:
            case = json.loads(path.read_text("utf-8"))
            if split is not None and case.get("split") != split:
                continue
            page = path.parent / case["page"]
            got = extract(case, page)
        except Exception as exc:  # one broken case is reported, the rest still scored
            events = (case.get("events") or []) if isinstance(case, dict) else []
            required = [e for e in events if not e.get("optional")]
            res = CaseResult(path.stem, len(required), 0, 0, len(required))
            res.error = f"{type(exc).__name__}: {exc}"
            for exp in required:
                for fname in COMPARED:
                    if fname in exp:
                        res.totals[fname] = res.totals.get(fname, 0) + 1
            _add(report, res)
            continue
        score_case(path.stem, case, got, report)
    return report
