"""The names ``titles.choose_title`` chooses among, as numbers: one vector per candidate.

``choose_title(heading, sentences)`` picks an event's name by a hand-set cascade over candidates
(the heading, the text's names with their tier and place, the title line under a kind label, the
quoted name after a kind). ``candidates`` lists the same candidates flat, each with features built
from the project's own helpers and lexicon, so that a ranker can be fitted on the dev split
(``bench/fit_titles.py``) and compared with the cascade. Nothing here holds vocabulary of its own,
and nothing at runtime imports this module (decision 0020).

Every candidate is given in the form ``choose_title`` would return it (without a dangling
linking word, a Russian name in the nominative), de-duplicated on that form; the hand choice is
always one of them. Pure and offline, like the rest of the normaliser.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from confwatch.spiders.normalise import furniture, headings, name_case, name_words, names, titles

__all__ = ["FEATURES", "Candidate", "candidates"]

# Where a candidate came from; a name found in several places carries every flag.
_SOURCES = (
    "heading",  # the page's heading as given
    "clean_heading",  # the heading cleaned of furniture, crumbs, a date tail
    "kind_label",  # the title line under the event's kind label
    "opening_headline",  # the text's first line read as a headline
    "text",  # a name the text gives the event (titles.text_candidates)
    "quoted_after_kind",  # the quotation of a "kind “X”" name
)
_TIERS = ("theme", "proper", "described", "bare")
_HEADING_FLAGS = (
    "head_reports_on",
    "head_tells_of",
    "head_kind_label",
    "head_section_label",
    "head_name_like",
    "head_written_as_name",
    "head_dated",
)

FEATURES: tuple[str, ...] = (
    *(f"src_{s}" for s in _SOURCES),
    *(f"tier_{t}" for t in _TIERS),
    "hand",
    "in_hand",  # the candidate is part of the hand choice ("X" inside "Conference on X")
    "holds_hand",  # the hand choice is part of the candidate
    "log_order",  # the sentence a text candidate came from (0 for the heading)
    "opening",  # a text candidate from the story's opening (titles' six sentences)
    "first_text",  # the first of the text's candidates
    "log_words",
    "long",  # over 20 words: a sentence more than a name
    "event_word",
    "strong_noun",
    "starts_with_noun",
    "ends_with_noun",
    "proper",
    "subject",
    "quoted",  # given in quotes alone in its sentence
    "in_passing",  # its sentence names it as the setting or past of something else
    "furniture",
    "kind_label",  # a bare label of the event's kind ("Workshop in Graz")
    "headline",  # reads as a news headline
    *_HEADING_FLAGS,
    "heading_share",  # of its word stems the heading holds too
    "covers_heading",  # of the heading's word stems it holds
    "capitalised",  # share of its words written with a capital
    "year",
    "ordinal",
)

_LONG = 20
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_STEM = 5


@dataclass
class Candidate:
    name: str
    sources: set[str] = field(default_factory=set)
    tier: int | None = None  # the best tier the text gave it (titles.THEME ... BARE)
    order: int | None = None  # the first sentence the text gave it in
    evidence: str = ""  # that sentence
    first_text: bool = False
    features: dict[str, float] = field(default_factory=dict)


def _final(name: str | None) -> str | None:
    """The name as ``choose_title`` returns a choice."""
    return name_case.nominative(titles.without_dangling_word(name))


def _stems(text: str) -> set[str]:
    return {w[:_STEM] for w in re.findall(r"\w+", text.casefold()) if len(w) > 2}


def _flag(value: object) -> float:
    return 1.0 if value else 0.0


def _collect(heading: str | None, sentences: list[str], hand: str | None) -> list[Candidate]:
    found: dict[str, Candidate] = {}

    def add(name: str | None, source: str, *, as_given: bool = False) -> Candidate | None:
        final = name if as_given else _final(name.strip()) if name else None
        if not final:
            return None
        c = found.setdefault(final, Candidate(final))
        if source:
            c.sources.add(source)
        return c

    add(heading, "heading")
    head = headings.clean_heading(heading)
    add(head, "clean_heading")
    add(titles._under_kind_label(sentences), "kind_label")
    if sentences:
        add(titles._opening_headline(sentences[0]), "opening_headline")
    for k, t in enumerate(titles.text_candidates(sentences)):
        c = add(t.name, "text")
        if c is None:
            continue
        c.first_text = c.first_text or k == 0
        if c.tier is None or t.tier < c.tier:
            c.tier = t.tier
        if c.order is None:
            c.order, c.evidence = t.order, t.evidence
    for c in list(found.values()):
        add(titles._quoted_after_kind(c.name), "quoted_after_kind")
    add(hand, "", as_given=True)  # the hand choice as choose_title gave it, whatever it is
    return list(found.values())


def _features(c: Candidate, head: str | None, dated: bool, hand: str | None) -> dict[str, float]:
    name = c.name
    words = name.split()
    tokens = [w.strip(name_words.TRAILING) for w in words]
    is_head = bool(c.sources & {"heading", "clean_heading"})
    out = {f"src_{s}": _flag(s in c.sources) for s in _SOURCES}
    for t, label in enumerate(_TIERS):
        out[f"tier_{label}"] = _flag(c.tier == t)
    out["hand"] = _flag(hand is not None and name == hand)
    out["in_hand"] = _flag(hand is not None and name != hand and name in hand)
    out["holds_hand"] = _flag(hand is not None and name != hand and hand in name)
    out["log_order"] = math.log1p(c.order) if c.order is not None else 0.0
    out["opening"] = _flag(c.order is not None and c.order < titles._OPENING)
    out["first_text"] = _flag(c.first_text)
    out["log_words"] = math.log1p(len(words))
    out["long"] = _flag(len(words) > _LONG)
    out["event_word"] = _flag(name_words.has_event_word(name))
    out["strong_noun"] = _flag(any(name_words.is_strong_noun(w) for w in tokens if w))
    out["starts_with_noun"] = _flag(name_words.starts_with_noun(name))
    out["ends_with_noun"] = _flag(bool(tokens) and name_words.is_event_noun(tokens[-1]))
    out["proper"] = _flag(names.is_proper(name))
    out["subject"] = _flag(names.has_subject(name))
    out["quoted"] = _flag(bool(c.evidence) and titles._quoted_alone(name, c.evidence))
    out["in_passing"] = _flag(bool(c.evidence) and titles.in_passing(name, c.evidence))
    out["furniture"] = _flag(furniture.is_furniture(name))
    out["kind_label"] = _flag(headings.is_kind_label(name))
    out["headline"] = _flag(headings.reports_on(name))
    # What the heading is, on the heading's own candidates only: the same for every candidate
    # of a call, it could not tell them apart.
    out["head_reports_on"] = _flag(is_head and headings.reports_on(name))
    out["head_tells_of"] = _flag(is_head and headings.tells_of(name))
    out["head_kind_label"] = _flag(is_head and headings.is_kind_label(name))
    out["head_section_label"] = _flag(is_head and headings.is_section_label(name))
    out["head_name_like"] = _flag(is_head and headings.is_name_like(name))
    out["head_written_as_name"] = _flag(is_head and headings.written_as_name(name))
    out["head_dated"] = _flag(is_head and dated)
    mine, theirs = _stems(name), _stems(head or "")
    out["heading_share"] = len(mine & theirs) / len(mine) if mine else 0.0
    out["covers_heading"] = len(mine & theirs) / len(theirs) if theirs else 0.0
    letters = [w for w in words if w[:1].isalpha()]
    out["capitalised"] = sum(w[:1].isupper() for w in letters) / len(letters) if letters else 0.0
    out["year"] = _flag(_YEAR.search(name))
    out["ordinal"] = _flag(bool(tokens) and name_words.is_ordinal(tokens[0]))
    return out


def candidates(heading: str | None, sentences: list[str], hand: str | None) -> list[Candidate]:
    """Every name ``choose_title(heading, sentences)`` could give, with its features; ``hand``
    is what ``choose_title`` gave (always among them when it is not None)."""
    head = headings.clean_heading(heading)
    dated = headings.dated_heading(heading)
    out = _collect(heading, sentences, hand)
    for c in out:
        c.features = _features(c, head, dated, hand)
    return out
