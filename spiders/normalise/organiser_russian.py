"""Russian word orders that name organisers: the organisers after a copula ("Организаторами
(мероприятия) выступают X и Y", "Организатор конференции – X") and the subject after a finite
verb whose object, the event, opens the sentence ("Конференцию организовала миссия ОБСЕ").

Separate because these orders are Russian's own.
"""

from __future__ import annotations

import re

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.organiser_clauses import RELATIVE_REACH, clause_after, sentence_of
from confwatch.spiders.normalise.organiser_lists import split_list
from confwatch.spiders.normalise.organiser_mentions import Mention
from confwatch.spiders.normalise.organiser_role_phrases import EVENT_KINDS, Cue

__all__ = ["after_object", "with_copula"]


# Russian names the organisers after a copula: "Организаторами (мероприятия) выступают X и Y",
# "Организатором форума стал X", "Организатор конференции – X".
_RU_ORGANISER_NOUN = re.compile(r"^организатор(?:ы|ами|ом)?\s*$", re.IGNORECASE)
_RU_COPULA = re.compile(
    r"^(?P<what>(?:[а-яё]+\s+){0,2}?)(?:(?:выступа(?:ет|ют|л[аио]?|ли)|выступил[аио]?|выступ(?:ит|ят)"
    r"|стал[аио]?|стан(?:ет|ут)|явля(?:ется|ются|лся|лась|лись))\s+|[–—-]\s+)",
    re.IGNORECASE,
)

_RU_ADVERB = re.compile(
    r"^(?:[а-яё]{3,}(?:нно|льно|тно|чно|дно)|также|вновь|снова|уже|впервые)$", re.I
)


def with_copula(text: str, cue: Cue) -> Cue:
    """A Russian "организатор(ами)" cue with the words that link it to its bodies: the event it
    names (the organiser of an attack is no organiser) and the copula or dash."""
    if not _RU_ORGANISER_NOUN.match(cue.text):
        return cue
    m = _RU_COPULA.match(text[cue.end : cue.end + 60])
    if m is None:
        return cue
    # An adverb between the noun and its copula says nothing of the event: "традиционно".
    what = " ".join(w for w in m.group("what").split() if not _RU_ADVERB.match(w))
    if what and not lexicon.event_words(what, EVENT_KINDS | {"generic"}):
        return cue
    return Cue(cue.start, cue.end + m.end(), cue.role, cue.text + m.group(0))


# Russian may put the event (its object) first and the subject after a finite verb:
# "Конференцию организовала миссия ОБСЕ", "Семинар проводит Министерство ...".
_FINITE_RU = re.compile(
    r"^(?:организовал[аои]?|организу(?:ет|ют)|провел[аои]?|провёл|провод(?:ит|ят)"
    r"|провед[её]т|проведут)$",
    re.IGNORECASE,
)


def after_object(text: str, verb: re.Match[str], country: str | None) -> list[Mention]:
    """The subject after a Russian finite organising verb whose object, an event, opens the
    sentence before it."""
    if not _FINITE_RU.match(verb.group(0)):
        return []
    before = text[max(0, verb.start() - RELATIVE_REACH) : verb.start()]
    if stop := list(re.finditer(r"[.!?\n]\s", before)):
        before = before[stop[-1].end() :]
    if "," in before or not lexicon.event_words(before, EVENT_KINDS):
        return []  # a comma: the event is another clause's ("На конференции, где ... провел")
    clause, _, _ = clause_after(text, verb.end())
    names = split_list(" ".join(clause.split()), country, strict=True)
    evidence = sentence_of(text, verb.start(), verb.end())
    return [Mention(n, "subject", verb.start(), k, evidence) for k, n in enumerate(names)]
