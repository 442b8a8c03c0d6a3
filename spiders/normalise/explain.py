"""Why a field has its value: what the reader chose, the text it read it from, the rule that
chose it, and what it passed over and why.

``normalise(raw, explain=Explanation())`` fills one; ``confwatch extract --explain`` prints it.
The readers call ``explain.chose`` / ``explain.passed`` only when an explanation was asked for,
so a crawl pays nothing for it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

_KEPT = 500  # characters of a sentence kept as evidence
_SHOWN = 160  # ... and shown on a terminal line


@dataclass
class Candidate:
    value: str  # as a person reads it: "2019-06-20 – 2019-06-21", "Vienna, AT"
    evidence: str | None  # the label, sentence or heading it was read from
    rule: str  # what found it: "labelled field", "key sentence", "page date + 'opened today'"

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "evidence": self.evidence, "rule": self.rule}


@dataclass
class FieldChoice:
    field: str
    chosen: Candidate | None = None  # None: the reader abstained
    why: str = ""
    # ``dataclasses.field``: the bare name ``field`` is this class's own first attribute.
    passed: list[tuple[Candidate, str]] = dataclasses.field(default_factory=list)  # and why not

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "chosen": self.chosen.to_json() if self.chosen else None,
            "why": self.why,
            "passed_over": [{**c.to_json(), "why_not": why} for c, why in self.passed],
        }


@dataclass
class Explanation:
    fields: dict[str, FieldChoice] = dataclasses.field(default_factory=dict)

    def _of(self, name: str) -> FieldChoice:
        return self.fields.setdefault(name, FieldChoice(name))

    def chose(self, name: str, value: Any, evidence: str | None, rule: str, why: str = "") -> None:
        """``name`` is ``value``, read from ``evidence`` by ``rule``."""
        choice = self._of(name)
        choice.chosen = Candidate(_shown(value), _excerpt(evidence), rule)
        choice.why = why or rule

    def abstained(self, name: str, why: str) -> None:
        """No value: nothing on the page supports one (null beats wrong)."""
        choice = self._of(name)
        choice.chosen, choice.why = None, why

    def passed(self, name: str, value: Any, evidence: str | None, rule: str, why: str) -> None:
        """A candidate the reader looked at and did not take, and why."""
        self._of(name).passed.append((Candidate(_shown(value), _excerpt(evidence), rule), why))

    def to_json(self) -> list[dict[str, Any]]:
        return [choice.to_json() for choice in self.fields.values()]

    def lines(self) -> list[str]:
        """The explanation for people: one block per field."""
        out: list[str] = []
        for choice in self.fields.values():
            if choice.chosen is None:
                out.append(f"  {choice.field}: none ({choice.why})")
            else:
                out.append(f"  {choice.field}: {choice.chosen.value}  [{choice.why}]")
                if choice.chosen.evidence:
                    out.append(f"      from: {_cut(choice.chosen.evidence, _SHOWN)}")
            for candidate, why in choice.passed[:5]:
                out.append(f"      not {candidate.value}: {why}")
                if candidate.evidence:
                    out.append(f"          in: {_cut(candidate.evidence, _SHOWN)}")
        return out


def _shown(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value) or "[]"
    start, end = getattr(value, "start", None), getattr(value, "end", None)
    if start is not None and end is not None:  # a date range
        return str(start) if start == end else f"{start} – {end}"
    return str(value)


def _excerpt(text: str | None) -> str | None:
    return None if text is None else _cut(" ".join(text.split()), _KEPT)


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
