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
    names = _arabic_bodies(text[verb.end() : verb.end() + 160])
    evidence = sentence_of(text, verb.start(), verb.end())
    return [Mention(n, "subject", verb.start(), k, evidence) for k, n in enumerate(names)]


def arabic_verb_first(text: str, verb: re.Match[str]) -> list[Mention]:
    """The body right after an Arabic organising verb that opens its clause, its object (an
    event) after it: "نظمت جامعة بغداد ... ورشة" (Baghdad University organised a workshop);
    Arabic's usual order is verb, subject, object."""
    names = _arabic_bodies(text[verb.end() : verb.end() + 160])
    evidence = sentence_of(text, verb.start(), verb.end())
    return [
        Mention(n, "subject", verb.start(), k, evidence, scope=evidence)
        for k, n in enumerate(names)
    ]


def _opens_body(word: str) -> bool:
    """Whether a word (its "و" taken off) opens a body's name: an organisation word, with or
    without its article, or a state."""
    return cat.is_org_word(word.removeprefix("ال")) or cat.state_code(word) is not None


def _arabic_bodies(after: str) -> list[str]:
    """The bodies opening ``after``: a state (its government) or a name headed by an organisation
    word (جامعة, وزارة, مؤسسة ...), up to a punctuation mark, the event noun (the verb's object) or
    a word opening with "و" (and). Arabic writes "and" on the next word: when that word opens
    another body ("وزارة الخارجية ومكتب الأمم المتحدة", the ministry and the UN office), the
    list goes on with it; otherwise a clause starts ("... واستمر ثلاثة أيام")."""
    if stop_after := _ARABIC_STOP.search(after):
        after = after[: stop_after.start()]
    groups: list[list[str]] = [[]]
    for token in after.split():
        words = groups[-1]
        if not ARABIC_WORD.fullmatch(token):
            break
        # "وزارة" (ministry), "وكالة" (agency) open with the letter "و" and are no "and".
        if words and token.startswith("و") and not _opens_body(token):
            if len(groups) < _ARABIC_MAX_BODIES and _opens_body(token[1:]):
                groups.append([token[1:]])
                continue
            break
        if words and (lexicon.event_words(token, EVENT_KINDS) or token in _ARABIC_AFTER_NAME):
            break  # "... لمكافحة الإرهاب مؤتمرا دوليا": the object, an event; "في": where
        words.append(token)
        if len(words) == _ARABIC_NAME_WORDS:
            break
    names: list[str] = []
    for words in groups:
        name = _arabic_name(words)
        if not name:
            break
        names.append(name)
    return names


_ARABIC_MAX_BODIES = 6
# Words after which the sentence goes on, not the name: in, about, during, on the day of, with
# the participation of, under.
_ARABIC_AFTER_NAME = frozenset({"في", "حول", "خلال", "يوم", "بمشاركة", "تحت"})


def _arabic_name(words: list[str]) -> str:
    """One body's name from its words: a state (its government) or a name headed by an
    organisation word."""
    name = ""
    for n in range(min(3, len(words)), 0, -1):
        if code := cat.state_code(" ".join(words[:n])):
            name = government(code)
            break
    head = words[0].removeprefix("ال") if words else ""
    if not name and head and cat.is_org_word(head):
        name = " ".join(words)
    return name
