"""A short descriptive phrase for an event its page never names (eval-format §5.12).

A page without a heading may give its event no name at all: "nous organisons un colloque de
clôture ce 17 décembre". Its lead's conference noun, with the qualifiers before it and the words
after it up to its date, a verb or the clause's end, is then the event's title ("colloque de
clôture"); a bare noun ("a workshop held in Djibouti") describes nothing, and no title is given.
The lead is the page's running text: sentences of eight words or more, ended by a full stop of
any script.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.sentences import announces_event, split_sentences

__all__ = ["SENTENCE_END", "described_event", "running_sentences"]

# A sentence ends with a full stop of any script: Latin and Cyrillic, the Arabic question mark,
# the Urdu full stop, the middle dot some Arabic news sites print, the ideographic stop.
SENTENCE_END = re.compile(r"[.!?…؟۔·。][\"”»’)]?$")
_RUNNING_WORDS = 8
_OPENING_SENTENCES = 4


def running_sentences(body: str) -> list[str]:
    """The sentences of running text of a body: long enough, and ended as sentences are."""
    return [
        s
        for s in split_sentences(body)
        if len(s.split()) >= _RUNNING_WORDS and SENTENCE_END.search(s)
    ]


# "two-day", "three-day": a stated length describes the event with its noun.
_N_DAY = r"(?:one|two|three|four|five|six|seven|\d+)[-\s]day"
_PHRASE_KINDS = frozenset({"large", "small", "qualified"})
_PHRASE_WORDS = 12
# Where a description of the event stops: a digit (its date), a clause's punctuation.
_PHRASE_STOP = re.compile(r"[\d,;:.()\[\]–—!?]")
# Words a phrase cut before its date or place may end with ("colloque de clôture ce", "a workshop
# in"): function words of the lexicon's languages, dropped from the phrase's end.
_TRAILING_WORDS = (
    "a an the on in at of for to by with this that and from next",  # en
    "ce cet cette le la les l de du des d à au aux en et sur par",  # fr
    "в во на с со по и о об к для от",  # ru
    "am im in an der die das den dem des vom zum zur und für mit",  # de
    "el la los las lo en de del y al con para por este esta",  # es
)
_TRAILING = frozenset(w for line in _TRAILING_WORDS for w in line.split())


def described_event(body: str) -> str | None:
    """A page without a heading whose text gives its event no name: "a short descriptive phrase"
    (eval-format §5.12), the conference noun of the first opening sentence that says it is held,
    with its qualifiers and the words that follow it up to its date, a verb or the clause's end
    ("nous organisons un colloque de clôture ce 17 décembre" -> "colloque de clôture"). A bare
    noun ("a workshop held in Djibouti") describes nothing: no title (null beats wrong)."""
    opening = running_sentences(body)[:_OPENING_SENTENCES]
    for i, sentence in enumerate(opening):
        # The sentences before it count: "RUSI convened 25 experts ... During the two-day
        # workshop, ..." names the gathering first and the meeting later.
        if not announces_event(sentence, before=opening[:i]):
            continue
        found = [
            w
            for w in lexicon.event_words(sentence, _PHRASE_KINDS)
            if w.kind != "qualified" or w.noun in ("meeting", "generic")
        ]
        if found:
            return _phrase(sentence, found[0])
    return None


def _phrase(sentence: str, noun: lexicon.EventWord) -> str | None:
    """The phrase of an event noun: the length and qualifiers before it and the words after it
    up to its date, a verb or the clause's end; None for a bare noun."""
    before = _qualifiers_before().search(sentence[: noun.start])
    start = before.start() if before else noun.start
    tail = sentence[start:]
    at = noun.end - start
    stop = _PHRASE_STOP.search(tail, at)
    tail = tail[: stop.start()] if stop else tail
    verb = lexicon.words("held", "passive", "active").search(tail, at)
    tail = tail[: verb.start()] if verb else tail
    words = tail.split()[:_PHRASE_WORDS]
    while words and words[-1].casefold().strip("'’") in _TRAILING:
        words.pop()
    return " ".join(words) if len(words) >= 2 else None


@lru_cache(maxsize=1)
def _qualifiers_before() -> re.Pattern[str]:
    """Up to two qualifiers of the lexicon's languages right before an event noun ("an
    international conference", "a regional expert workshop")."""
    q = "|".join(r.source for r in lexicon.select("qualifier") if r.place == "before")
    return re.compile(rf"(?<!\w)(?:{_N_DAY}[\s-]+)?(?:(?:{q})(?:[\s-]+(?:{q}))?[\s-]+)?$")
