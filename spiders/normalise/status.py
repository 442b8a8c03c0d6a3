"""Whether an event is scheduled, postponed or cancelled, from what its page says.

Only statements about the event itself count: a verb form ("has been postponed", "is cancelled",
"will be rescheduled", "new dates"), a marker written as a label ("POSTPONED", "[Cancelled]",
"Postponed:"), or their equivalents in the other languages of the lexicon (``lexicon.py``).
An adjective elsewhere ("the cancelled flights") and a negation ("has not been cancelled") do
not count. Cancelled beats postponed: a page that reports both has usually cancelled the
postponed event.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon

__all__ = ["detect_status"]

SCHEDULED = "scheduled"
POSTPONED = "postponed"
CANCELLED = "cancelled"

_AUX = (
    r"(?:has|have|had|is|are|was|were|will|would|shall|must|may|might|to)\s+"
    r"(?:now\s+|also\s+|therefore\s+|unfortunately\s+)?(?:be\s+|been\s+|being\s+)?"
)
_NEGATION = re.compile(
    r"\b(?:not|no|never|n['’]t|нe|не|pas|nicht|kein\w*)\b[^.!?\n]{0,12}$", re.IGNORECASE
)
# Besides event nouns, the English pronoun: "it has been postponed".
_IT = re.compile(r"\bit\b", re.IGNORECASE)
_EVENT_KINDS = lexicon.STRONG | lexicon.WEAK | {"week"}


def _stated_words(kind: str) -> re.Pattern[str]:
    """A status the text states: an English participle after an auxiliary ("has been
    postponed"), or a phrase that says it by itself ("не состоится", "aplazada", "abgesagt")."""
    return _compiled()[kind]


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern[str]]:
    out: dict[str, re.Pattern[str]] = {}
    for kind in (POSTPONED, CANCELLED):
        participle = lexicon.fragment("status", kind, aux=True, label=False)
        phrase = lexicon.fragment("status", kind, aux=False, label=False)
        out[kind] = re.compile(rf"(?<!\w)(?:{_AUX}{participle}|{phrase})(?!\w)", re.IGNORECASE)
    cancelled = lexicon.fragment("status", CANCELLED, label=True)
    postponed = lexicon.fragment("status", POSTPONED, label=True)
    capitals = [
        (kind, [a for r in lexicon.select("status", (kind,), label=True) for a in _capitals(r)])
        for kind in (CANCELLED, POSTPONED)
    ]
    # A marker written on its own: "POSTPONED", "[Cancelled]", "Postponed:", "(CANCELED)"; one in
    # capitals counts anywhere.
    out["label"] = re.compile(
        rf"(?:^|[\[(]|\n)\s*(?:(?P<{CANCELLED}>{cancelled})|(?P<{POSTPONED}>{postponed}))"
        r"\s*(?:[\])]|:|\s*[-–—]|\n|$)"
        rf"|(?<!\w)(?:(?P<caps_{CANCELLED}>{'|'.join(capitals[0][1]) or '(?!)'})"
        rf"|(?P<caps_{POSTPONED}>{'|'.join(capitals[1][1]) or '(?!)'}))(?!\w)"
    )
    return out


def _capitals(row: lexicon.Row) -> list[str]:
    """The alternatives of a marker row written in capitals ("CANCELL?ED", not "Cancell?ed")."""
    return [
        alt
        for alt in row.pattern.split("|")
        if (letters := re.sub(r"[^\w]|\?", "", alt)) and letters.isupper()
    ]


def _sentence_at(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), -1) + 1
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left:right]


# The postponed thing is something else: "Registration for the webinar is postponed".
_OTHER_SUBJECT = re.compile(
    r"\b(?:registration|deadline|application|submission|payment|publication|report|flights?|launch"
    r"|elections?|vote|visit|trial|hearing)\b",
    re.IGNORECASE,
)


def _inside_event_noun(text: str, start: int, end: int) -> bool:
    """The word at ``start:end`` is part of an event noun ("the public hearing"): the event
    itself, not another subject."""
    return any(w.start <= start and end <= w.end for w in lexicon.event_words(text, _EVENT_KINDS))


def _stated(pattern: re.Pattern[str], text: str) -> bool:
    for match in pattern.finditer(text):
        if _NEGATION.search(text[max(0, match.start() - 24) : match.start()]):
            continue
        sentence = _sentence_at(text, match.start(), match.end())
        head = sentence[: max(0, sentence.find(match.group(0)))]
        other = _OTHER_SUBJECT.search(head)
        if other and not _inside_event_noun(head, other.start(), other.end()):
            continue
        if lexicon.has_event_word(sentence, _EVENT_KINDS) or _IT.search(sentence):
            return True
    return False


def detect_status(text: str) -> str:
    """The status a page's text (title included) states: scheduled, postponed or cancelled."""
    if not isinstance(text, str) or not text:
        return SCHEDULED
    if not lexicon.words("status").search(text):
        return SCHEDULED  # no status word at all: most pages, found in one quick pass
    labels = {
        (m.lastgroup or "").removeprefix("caps_") for m in _compiled()["label"].finditer(text)
    }
    if CANCELLED in labels or _stated(_stated_words(CANCELLED), text):
        return CANCELLED
    if POSTPONED in labels or _stated(_stated_words(POSTPONED), text):
        return POSTPONED
    return SCHEDULED
