"""Arabic subjects of an organising verb: Arabic puts the subject after its verb ("نظمت جامعة
بغداد ... ورشة", Baghdad University organised a workshop), and a verb whose object was named
before carries it as a pronoun ("المؤتمر ... الذي نظمته المملكة المغربية").

Separate because Arabic has no capitals and its own word order: the body is read by its
organisation word, not by the shape of a name.
"""

from __future__ import annotations

import re

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_clauses import RELATIVE_REACH, sentence_of
from confwatch.spiders.normalise.organiser_mentions import Mention
from confwatch.spiders.normalise.organiser_role_phrases import EVENT_KINDS
from confwatch.spiders.normalise.organiser_states import government

__all__ = ["ARABIC_RESUMPTIVE", "ARABIC_WORD", "arabic_subject", "arabic_verb_first"]


# Arabic puts the subject after its verb, and a verb whose object was named before carries it as
# a pronoun: "المؤتمر ... الذي نظمته المملكة المغربية" (the conference ... which the Kingdom of
# Morocco organised), "المؤتمر ... وتنظمه جامعة ..." (and a university organises it).
ARABIC_RESUMPTIVE = re.compile(r"^[\u0600-\u06ff]+(?:ه|ها|هما|هم)$")
ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")
_ARABIC_STOP = re.compile(r"[.،,·:؛!?\n«»\"()]")
_ARABIC_SENTENCE_END = re.compile(r"[.!?\n·]")
_ARABIC_NAME_WORDS = 6


def arabic_subject(text: str, verb: re.Match[str]) -> list[Mention]:
    """The body after an Arabic organising verb whose object, an event, came before it: a state
    (its government) or a name headed by an organisation word (جامعة, وزارة, منظمة ...)."""
    before = text[max(0, verb.start() - RELATIVE_REACH) : verb.start()]
    if stop := list(_ARABIC_SENTENCE_END.finditer(before)):
        before = before[stop[-1].end() :]
    if not lexicon.event_words(before, EVENT_KINDS):
        return []
    name = _arabic_body(text[verb.end() : verb.end() + 120])
    if not name:
        return []
    evidence = sentence_of(text, verb.start(), verb.end())
    return [Mention(name, "subject", verb.start(), 0, evidence)]


def arabic_verb_first(text: str, verb: re.Match[str]) -> list[Mention]:
    """The body right after an Arabic organising verb that opens its clause, its object (an
    event) after it: "نظمت جامعة بغداد ... ورشة" (Baghdad University organised a workshop);
    Arabic's usual order is verb, subject, object."""
    name = _arabic_body(text[verb.end() : verb.end() + 120])
    if not name:
        return []
    evidence = sentence_of(text, verb.start(), verb.end())
    return [Mention(name, "subject", verb.start(), 0, evidence, scope=evidence)]


def _arabic_body(after: str) -> str:
    """The body opening ``after``: a state (its government) or a name headed by an organisation
    word (جامعة, وزارة, مؤسسة ...), up to a punctuation mark or a word opening with "و" (and)."""
    if stop_after := _ARABIC_STOP.search(after):
        after = after[: stop_after.start()]
    words: list[str] = []
    for token in after.split():
        # "... واستمر ثلاثة أيام": a word opening with "و" (and) after the first starts a clause.
        if not ARABIC_WORD.fullmatch(token) or (words and token.startswith("و")):
            break
        words.append(token)
        if len(words) == _ARABIC_NAME_WORDS:
            break
    name = ""
    for n in range(min(3, len(words)), 0, -1):
        if code := cat.state_code(" ".join(words[:n])):
            name = government(code)
            break
    head = words[0].removeprefix("ال") if words else ""
    if not name and head and cat.is_org_word(head):
        name = " ".join(words)
    return name
