"""People read where bodies are looked for (eval-format §5.10: speakers and participants are not
organisers): a name that opens with an honorific, a rank or an office ("Madame Aminata X",
"Général de brigade Y", "Ambassador Z", "генерал-майор W") is a person, and a chair phrase whose
sentence is about a part of the event ("La cérémonie d'ouverture, présidée par ...", "the
opening session, chaired by ...") names who chairs that part, not who organises the event.

The words are the lexicon's ``person_title`` and ``event_part`` rows: a language is added there.
Separate from the readers: they find names and roles, this says which of them are people.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_clauses import SENTENCE_START
from confwatch.spiders.normalise.organiser_role_phrases import EVENT_KINDS

__all__ = ["chairs_a_part", "titled_person"]


_CAPITALS = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"


@lru_cache(maxsize=1)
def _titles() -> re.Pattern[str]:
    """One or more titles opening a name ("H.E. Mr. John Y", "Prof. Dr. Karl Z"), up to the
    name's capital: the rows of many languages share a first word, and a title is the longest
    one that a name follows ("General de brigada Juan X", not "General")."""
    titles = lexicon.fragment("person_title")
    return re.compile(rf"^(?:(?<!\w){titles}(?!\w)[\s.]*)+(?=[{_CAPITALS}])")


# A person's name after the title: capitalised words and initials ("Mbaye CISSE", "J. Smith",
# "Иван Петров"), with the particles of family names between them ("Jean de La Fontaine", "Omar
# ben Ali", "Ursula von der Leyen"); one to five words.
_NAME_WORD = re.compile(rf"[{_CAPITALS}][\w'’.-]*$")
_PARTICLE = re.compile(
    r"^(?:de|du|des|da|das|do|dos|di|del|della|van|von|der|den|ter|bin|ibn|ben|bint|al|el|ould"
    r"|ag|la|le|y|e)$"
)
_MAX_NAME_WORDS = 5


def titled_person(name: str) -> bool:
    """Whether an organiser's name is a person: a title, then a personal name with no
    organisation word ("General Directorate of X" and "Colonel X Foundation" are bodies)."""
    title = _titles().match(name.strip())
    if title is None:
        return False
    rest = name.strip()[title.end() :].strip()
    words = rest.split()
    if not words or len(words) > _MAX_NAME_WORDS or not _NAME_WORD.match(words[0]):
        return False
    if not all(_NAME_WORD.match(w) or _PARTICLE.match(w) for w in words):
        return False
    if any(cat.is_org_word(w.strip("'’.-")) for w in words):
        return False
    return cat.known(name) is None and cat.known(rest) is None and cat.state_code(rest) is None


# The words between the part's noun and an event noun that make the event the part's own: its
# genitive ("the opening session of the conference", "la cérémonie d'ouverture du séminaire",
# "la sesión inaugural del Foro") or, in Russian, the bare genitive ("церемония открытия форума").
_OF_EVENT = re.compile(
    r"^\s*(?:\S+\s+){0,2}?(?:of|de|du|des|del|da|do|dos|das|d['’])\s*(?:\S+\s+){0,3}?$"
    r"|^\s*(?:[а-яё]+\s+){0,2}$",
    re.IGNORECASE,
)
_SENTENCE_REACH = 300


@lru_cache(maxsize=1)
def _parts() -> lexicon.Words:
    return lexicon.words("event_part")


def chairs_a_part(text: str, at: int) -> bool:
    """Whether the chair phrase at ``at`` is about a part of the event: the nearest noun its
    sentence names before it is a ceremony or a sitting, or an event in that part's genitive
    ("the opening session of the conference, chaired by X"); "the conference, chaired by X,
    opened with a ceremony" is about the conference."""
    begin = max(0, at - _SENTENCE_REACH)
    starts = [m.end() for m in SENTENCE_START.finditer(text, begin, at)]
    before = text[starts[-1] if starts else begin : at]
    parts = list(_parts().finditer(before))
    if not parts:
        return False
    tail = before[parts[-1].end() :]
    for event in lexicon.event_words(tail, EVENT_KINDS):
        if not _OF_EVENT.match(tail[: event.start]):
            return False
    return True
