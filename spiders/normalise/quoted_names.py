"""Names a sentence gives an event in quotes of their own, and names that are a body's.

A page may quote its event's whole name, event noun and all, with no event word outside the
quotes: "Hoy comenzó la “Reunión de especialistas para la prevención del terrorismo”", "‘Halting
Terrorist Financing: APEC Workshop on Targeted Sanctions’, patrocinado por APEC, fue inaugurado
...". The quotation is then the event's name as the page writes it (eval-format §5.12). A quoted
theme ("a conference on “The role of the conference in ...”") is no such name: there the event
noun inside the quotes is lower case and far from its start.

A name right after "organised by", "при поддержке", "organizado por el" is who stands behind an
event ("organizado por el Congreso Judío Latinoamericano"), not the event: some bodies carry an
event noun in their own name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, quotes
from confwatch.spiders.normalise.name_words import is_verb

__all__ = ["after_role", "datelined_title", "quoted_event_names"]

_NAME_KINDS = frozenset({"large", "small", "meeting", "session", "generic", "week"})
_QUOTED = re.compile(
    quotes.quoted("{8,250}", group="q", openers=quotes.OPENERS.replace('"', ""))
    # typewriter quotes stand apart from words and from another quote: 'beim "X Forum" im Palais'
    + r"|(?<![\w\"])\"(?P<q_99>[^\"]{8,250})\"(?![\w\"])"
)
_MAX_WORDS = 30  # a quotation longer than this is speech, not a name
_NOUN_REACH = 3  # words: a lower-case event noun this close to a capitalised start is the head
# A full stop, question or exclamation mark followed by more words: the quotation is speech.
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")


# An English auxiliary in lower case with its verb ("... meeting will be held ...", "I have
# reported ..."): a clause someone says, not a name.
_FINITE_VERB = re.compile(r"(?<!\S)(?:will|would|shall|has|have|had)\s+(?:be|been|not|\w+ed)(?!\S)")


def quoted_event_names(sentence: str) -> list[str]:
    """Every quotation in ``sentence`` that is an event's whole name: it starts with a capital,
    holds an event noun written as a name's head (capitalised, or among its first words), and
    is not a sentence of speech."""
    out = []
    for m in _QUOTED.finditer(sentence):
        quoted = (quotes.quoted_text(m, "q") or "").strip(" ,;:")
        if _is_event_name(quoted):
            out.append(quoted)
    return out


def _is_event_name(quoted: str) -> bool:
    words = quoted.split()
    if not words or not words[0][:1].isupper() or len(words) > _MAX_WORDS:
        return False
    if _SENTENCE_INSIDE.search(quoted) or _FINITE_VERB.search(quoted):
        return False
    for w in lexicon.event_words(quoted, _NAME_KINDS):
        if w.text[:1].isupper():
            return True
        if len(quoted[: w.start].split()) < _NOUN_REACH:
            return True
    return False


# A press release's dateline: a place, the agency in brackets, perhaps a date, then a dash or
# colon ("Mainz (ots) - ", "BERLIN, 3. Mai 2018 – ", "GENEVA (UN) : ").
_DATELINE = (
    r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,2}"
    rf"(?:\s*\([^()]{{1,25}}\))?(?:,\s*[^-–—:{quotes.MARKS}]{{1,30}}?)?\s*[-–—:]\s*"
)
_DATELINED = re.compile(rf"^{_DATELINE}{quotes.quoted('{8,250}', group='q')}\s*$")
_TITLE_WORDS = (3, 30)
_SPEECH = re.compile(r"[.!]\s+\S|[.!…]$")  # a quotation that says something, not a title


def datelined_title(sentence: str) -> str | None:
    """A press release's first line: its dateline, then nothing but a quotation ("Mainz (ots) -
    "Partners against Hate: What Works?""). Standing alone where the story begins, the quotation
    is the title of what the release announces, not anyone's words."""
    m = _DATELINED.match(sentence.strip())
    if m is None:
        return None
    quoted = (quotes.quoted_text(m, "q") or "").strip(" ,;:")
    words = quoted.split()
    if not (_TITLE_WORDS[0] <= len(words) <= _TITLE_WORDS[1]) or not words[0][:1].isupper():
        return None
    if _SPEECH.search(quoted) or any(is_verb(w) for w in _LOWER_RUSSIAN.findall(quoted)):
        return None  # 'Президент X: «Азербайджан вносит вклад ...»': a finite verb, a statement
    return quoted


_LOWER_RUSSIAN = re.compile(r"(?<![\w-])[а-яё][а-яё-]*(?![\w-])")


_ROLE_KINDS = ("organiser", "initiative", "auspices", "partner", "funder", "patron")
_ARTICLE = r"(?:the|a|an|le|la|les|l['’]|el|los|las|der|die|das|dem|den|des|del|du)"


_ARTICLE_GAP = re.compile(rf"\s+(?:{_ARTICLE}\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _roles() -> lexicon.Words:
    return lexicon.words("role", *_ROLE_KINDS)


@lru_cache(maxsize=512)  # a sentence is asked about each name found in it
def _role_ends(sentence: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _roles().finditer(sentence))


def after_role(name: str, sentence: str) -> bool:
    """The sentence gives ``name`` right after a role phrase: the body that organises, hosts or
    supports an event ("organised by the Global Forum"), not the event."""
    at = sentence.find(name)
    if at < 0:
        at = sentence.casefold().find(name.casefold())
    if at <= 0:
        return False
    return any(
        end <= at and _ARTICLE_GAP.fullmatch(sentence[end:at]) for end in _role_ends(sentence)
    )
