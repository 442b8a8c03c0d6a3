"""Matching one conference across sources: does a new sighting describe a stored event?

Asked only for a (source, url) the store has never seen. A candidate event matches when all of:

1. both start dates are known and the date ranges overlap (a missing end date is the start date);
2. the countries are equal when both are known, and so are the cities (case- and
   accent-insensitive);
3. the titles are similar: rapidfuzz ``token_set_ratio`` of the normalised titles (lower case,
   accents and punctuation removed) is at least ``THRESHOLD``;
4. the event has no sighting from the same source yet: one source describing two different
   URLs is taken to mean two conferences (a spider yields each conference from one page).

The store pre-selects candidates with one indexed query (rule 1's date window and rule 4);
``find_match`` applies rules 1-3 to them. The best score wins (ties: the oldest event); the
score is kept on the sighting so a doubtful merge can be found and split later.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from confwatch.store.records import EventFields

THRESHOLD = 80.0


@dataclass(frozen=True)
class Candidate:
    event_id: int
    fields: EventFields  # the event's canonical fields


@dataclass(frozen=True)
class Match:
    event_id: int
    score: float


@functools.lru_cache(maxsize=4096)
def plain(text: str | None) -> str:
    """Lower case, accents stripped, punctuation removed, whitespace collapsed.

    Remembered: matching compares every candidate's title, city and country with each new
    sighting's, so the same texts would be folded again for every sighting of a batch."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return str(default_process(bare))


def title_score(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(plain(a), plain(b)))


def dates_overlap(a: EventFields, b: EventFields) -> bool:
    if a.start_date is None or b.start_date is None:
        return False
    a_end = a.end_date or a.start_date
    b_end = b.end_date or b.start_date
    return bool(a.start_date <= b_end and b.start_date <= a_end)


def _same_if_known(a: str | None, b: str | None) -> bool:
    return not a or not b or plain(a) == plain(b)


def find_match(fields: EventFields, candidates: Iterable[Candidate]) -> Match | None:
    """The candidate event that ``fields`` describes, or None."""
    best: Match | None = None
    for cand in candidates:
        other = cand.fields
        if not dates_overlap(fields, other):
            continue
        if not _same_if_known(fields.country, other.country):
            continue
        if not _same_if_known(fields.city, other.city):
            continue
        score = title_score(fields.title, other.title)
        if score < THRESHOLD:
            continue
        if (
            best is None
            or score > best.score
            or (score == best.score and cand.event_id < best.event_id)
        ):
            best = Match(cand.event_id, score)
    return best
