"""The evidence the relevance gate reads, as numbers: one vector per candidate (title, body).

``relevance.judge`` decides "is this a conference-like CT event of its own?" by hand-set
thresholds over this evidence; ``features`` lays the same evidence out flat so that weights can be
fitted on the dev split (``bench/fit_gate.py``) and compared with the hand rules. Every word comes
from the lexicon through ``lexicon`` and ``relevance``; nothing here holds vocabulary of its own.

Counts are given as ``log(1 + n)``: the tenth mention of "conference" says less than the first.
Yes/no evidence is 0.0 or 1.0. Pure and offline, like the rest of the normaliser.
"""

from __future__ import annotations

import math

from confwatch.spiders.normalise import lexicon, relevance
from confwatch.spiders.normalise.dates import find_date_ranges

__all__ = ["FEATURES", "features"]

# Every kind of event noun the lexicon knows, and "qualified" (a meeting with a qualifier).
_KINDS = (*lexicon.EVENT_KINDS, "qualified")
_ALL_KINDS = frozenset(_KINDS)
# A date is looked for in the opening of the body: where a page states when its event is.
_DATE_WINDOW = 4000

FEATURES: tuple[str, ...] = (
    *(f"title_noun_{k}" for k in _KINDS),
    *(f"body_noun_{k}" for k in _KINDS),
    "title_topic",
    "body_topic",
    "held_sentence",
    "event_fields",
    "teaching_marks",
    "title_statement",
    "title_bilateral",
    "security_headline",
    "online_words",
    "body_date",
    "body_log_length",
)


def _log_count(n: int) -> float:
    return math.log1p(n)


def _kind_counts(prefix: str, text: str) -> dict[str, float]:
    """Event nouns of each kind; a qualified meeting counts as "qualified" only (its kind as
    found), so the kinds do not double-count one noun."""
    counts = dict.fromkeys(_KINDS, 0)
    for word in lexicon.event_words(text, _ALL_KINDS):
        counts[word.kind] += 1
    return {f"{prefix}_noun_{k}": _log_count(n) for k, n in counts.items()}


def _teaching_marks(title: str, body: str) -> float:
    """How many kinds of the marks of a course the page shows (certificates, modules, ...)."""
    kinds = 0
    for kind in relevance._TEACHING:
        found = lexicon.words("teaching", kind)
        kinds += bool(found.search(title) or found.search(body))
    return float(kinds)


def _flag(value: object) -> float:
    return 1.0 if value else 0.0


def features(title: str | None, body: str | None) -> dict[str, float]:
    """The gate's evidence for one candidate, keyed by ``FEATURES`` (every key always present)."""
    title = title if isinstance(title, str) else ""
    body = body if isinstance(body, str) else ""
    topic = lexicon.words("topic")
    online = lexicon.words("online")
    out: dict[str, float] = {}
    out.update(_kind_counts("title", title))
    out.update(_kind_counts("body", body))
    out["title_topic"] = _log_count(topic.count(title))
    out["body_topic"] = _log_count(topic.count(body))
    out["held_sentence"] = _flag(relevance._held_event(body))
    out["event_fields"] = _flag(relevance._event_fields(body))
    out["teaching_marks"] = _teaching_marks(title, body)
    out["title_statement"] = _flag(relevance._title_not_event().search(title))
    out["title_bilateral"] = _flag(relevance._bilateral().search(title))
    out["security_headline"] = _flag(lexicon.words("security", "agency").search(title))
    out["online_words"] = _log_count(online.count(title) + online.count(body))
    out["body_date"] = _flag(find_date_ranges(body[:_DATE_WINDOW]))
    out["body_log_length"] = math.log1p(len(body))
    return out
