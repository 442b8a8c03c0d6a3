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

from confwatch.spiders.normalise import lexicon, names, pattern_cache
from confwatch.spiders.normalise.name_words import is_verb
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
_PHRASE_KINDS = frozenset({"large", "small", "qualified", "meeting"})
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
# A stated length after the noun: "of one day", "d'une journée", "de deux jours", "de tres días",
# "de dois dias", "di due giorni", "von zwei Tagen".
_LENGTH_AFTER = re.compile(
    r"(?<!\w)(?:(?:of|de|di|von)\s+|d['’])(?:one|two|three|four|five|un|une|deux|trois|quatre"
    r"|cinq|una|dos|tres|cuatro|cinco|um|uma|dois|duas|três|due|tre|einem|einer|zwei|drei|\d+)"
    r"\s+(?:full\s+)?(?:days?|journées?|jours?|días|jornadas?|dias?|giorni|giornata|Tag(?:en|e)?)"
    r"(?!\w)",
    re.IGNORECASE,
)
# Finite auxiliaries (English, French, German, Spanish): no part of a noun phrase.
_AUXILIARY = re.compile(
    r"(?<!\S)(?:was|were|is|are|will|would|has|have|had|shall"
    r"|a\s+été|sera|était|wurde|wird|war|fue|será|ha\s+sido)(?!\S)"
)
# A relative pronoun opens a clause about the noun ("the meeting which ...", "l'atelier qui ...",
# "el encuentro que ...", "il convegno che ..."): what follows it is no part of the phrase.
_RELATIVE = re.compile(r"(?<!\S)(?:which|who|that|qui|que|qu['’]|che)(?!\S)", re.IGNORECASE)
_ROLE_KINDS = ("organiser", "initiative", "auspices", "partner", "funder", "patron", "participant")
_TRAILING = frozenset(w for line in _TRAILING_WORDS for w in line.split())


def described_event(body: str) -> str | None:
    """A page without a heading whose text gives its event no name: "a short descriptive phrase"
    (eval-format §5.12), the conference noun of the first opening sentence that says it is held,
    with its qualifiers and the words that follow it up to its date, a verb or the clause's end
    ("nous organisons un colloque de clôture ce 17 décembre" -> "colloque de clôture"). A bare
    noun ("a workshop held in Djibouti") describes nothing: the next opening sentence that says
    the event is held may describe it; none does, no title (null beats wrong)."""
    opening = running_sentences(body)[:_OPENING_SENTENCES]
    for i, sentence in enumerate(opening):
        # The sentences before it count: "RUSI convened 25 experts ... During the two-day
        # workshop, ..." names the gathering first and the meeting later.
        if not announces_event(sentence, before=opening[:i]):
            continue
        found = [
            w
            for w in lexicon.event_words(sentence, _PHRASE_KINDS)
            if (w.kind != "qualified" or w.noun in ("meeting", "generic"))
            # "Presidente del Forum X": the body someone presides over, no event.
            and not names.organises(sentence[w.start : w.end], sentence)
        ]
        # "ce forum réunira ...": a bare noun refers back; a later sentence may describe it.
        phrase = _phrase(sentence, found[0]) if found else None
        if phrase:
            return phrase
    return None


def _phrase(sentence: str, noun: lexicon.EventWord) -> str | None:
    """The phrase of an event noun: the length and qualifiers before it and the words after it
    up to its date, a verb or the clause's end; None for a bare noun."""
    if _SOV.search(sentence):
        return _sov_phrase(sentence, noun)
    before = _qualifiers_before().search(sentence[: noun.start])
    start = before.start() if before else noun.start
    tail = sentence[start:]
    at = noun.end - start
    length = _LENGTH_AFTER.match(tail, at + 1)
    if length is not None and tail[at : at + 1] == " ":
        # "un colloque d'une journée sur le thème de X": how long it lasts, then what it is.
        tail = tail[:at] + tail[length.end() :]
    stop = _PHRASE_STOP.search(tail, at)
    tail = tail[: stop.start()] if stop else tail
    verb = lexicon.words("held", "passive", "active", "gather").search(tail, at)
    tail = tail[: verb.start()] if verb else tail
    # "The seminar was jointly organised by ...": a finite auxiliary starts the clause's verb,
    # whatever adverb stands between it and the participle.
    aux = _AUXILIARY.search(tail, at)
    tail = tail[: aux.start()] if aux else tail
    # "круглый стол при поддержке ОБСЕ", "a workshop organised by X": who stands behind the
    # event is no part of what it is.
    role = lexicon.words("role", *_ROLE_KINDS).search(tail, at)
    tail = tail[: role.start()] if role else tail
    relative = _RELATIVE.search(tail, at)
    tail = tail[: relative.start()] if relative else tail
    # "réunion de coordination d'une journée": how long it lasts is not what it is.
    length = _LENGTH_AFTER.search(tail, at)
    tail = tail[: length.start()] if length else tail
    # "на совещании эксперты приступили к ...": a Russian verb starts the clause's predicate.
    verb = next((m for m in _CYRILLIC_WORD.finditer(tail, at) if is_verb(m.group().lower())), None)
    tail = tail[: verb.start()] if verb else tail
    words = tail.split()[:_PHRASE_WORDS]
    while words and words[-1].casefold().strip("'’") in _TRAILING:
        words.pop()
    return " ".join(words) if len(words) >= 2 else None


_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ][а-яёА-ЯЁ-]*")


# Letters of Kazakh, Kyrgyz, Uzbek, Tajik and Mongolian Cyrillic. These languages put an event's
# qualifiers before its noun and the clause's verb after it ("иккинчи илмий-амалий конференция
# бўлиб ўтди": "the second scientific-practical conference took place").
_SOV = re.compile("[қғҳҷӣӯөүәңұһҚҒҲҶӢӮӨҮӘҢҰҺ]")
_LOCATIVE = re.compile(r"(?:да|де|та|те)$")
_SOV_QUALIFIERS = re.compile(r"(?<!\S)((?:[^\W\d_][\w-]*\s+){1,2})$")


def _sov_phrase(sentence: str, noun: lexicon.EventWord) -> str | None:
    """The two lower-case words before the noun, and the noun: "иккинчи илмий-амалий
    конференция"; None when a capital, a digit or punctuation comes right before it."""
    m = _SOV_QUALIFIERS.search(sentence[: noun.start])
    if m is None:
        return None
    words = m.group(1).split()
    # A capital starts a name of its own; a locative ("тақырыбында", "Тошкентда") is the clause's
    # place or topic: neither qualifies the noun.
    while words and (not words[0][0].islower() or _LOCATIVE.search(words[0])):
        words = words[1:]
    if not words:
        return None
    return " ".join([*words, sentence[noun.start : noun.end]])


@lru_cache(maxsize=1)
def _qualifiers_before() -> re.Pattern[str]:
    """Up to two qualifiers of the lexicon's languages right before an event noun ("an
    international conference", "a regional expert workshop")."""
    q = "|".join(r.source for r in lexicon.select("qualifier") if r.place == "before")
    return pattern_cache.compiled(
        rf"(?<!\w)(?:{_N_DAY}[\s-]+)?(?:(?:{q})(?:[\s-]+(?:{q}))?[\s-]+)?$"
    )
