"""Acronyms and the names they gloss: an acronym's shape, a name's initials, and whether a name
is followed by its own acronym ("Groupe d'Intérêt Scientifique (GIS)"), also when a newspaper
writes it in title case ("agence japonaise de coopération internationale (Jica)").

Separate because resolving one name, splitting a list and comparing two names all ask it.
"""

from __future__ import annotations

import re
import unicodedata

from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_words import MINOR, PROSE, WORD
from confwatch.spiders.normalise.places import city_country, fold

__all__ = [
    "ACRONYM",
    "ACRONYM_LIKE",
    "TRAILING_ACRONYM",
    "name_initials",
    "spells_own_acronym",
    "title_case_acronym",
]


TRAILING_ACRONYM = re.compile(r"\s*\((?P<acr>[^()]{2,12})\)\s*$")
ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ/&.-]{1,9}$")
# A written short form: "FMU", "SECI Center", "Unesco-Prev"; "CTP, KP" is not one.
ACRONYM_LIKE = re.compile(
    r"^[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё&.-]*[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё&.-]*(?:\s[A-Z][a-z]+)?$"
)


def name_initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-‐–/'’]+", text) if w]
    return "".join(w[0] for w in words if fold(w) not in MINOR and w[0].isalpha()).upper()


_MIN_SPELLED = 3


def spells_own_acronym(text: str) -> bool:
    """Whether a name is followed by the acronym of its own capitalised words: "Community
    Resilience Activity – North (CRA-North)", "Groupe d'Intérêt Scientifique (GIS)". A body
    glosses its name so; a title or a place rarely does."""
    m = TRAILING_ACRONYM.search(text)
    if m is None or m.start() == 0:
        return False
    name, acr = text[: m.start()].strip(), m.group("acr").strip()
    words = WORD.findall(name)
    if len(words) < 2 or not words[0][0].isupper() or PROSE.search(name):
        return False
    # "CRA-North", "CoECVE": the acronym's capitals; "Cns": its letters.
    capitals = "".join(c for c in acr if c.isupper())
    letters = "".join(c for c in acr if c.isalpha()).upper()
    # "d'Intérêt": an elided article is no word of the name.
    initials = name_initials(re.sub(r"(?<!\w)[dlDL]['’]", "", name))
    # "Groupe d'Étude" gives "GE": an acronym drops the accent.
    initials = "".join(c for c in unicodedata.normalize("NFD", initials) if c.isalpha())
    return len(initials) >= _MIN_SPELLED and initials in (capitals, letters)


# French and Spanish newspapers write acronyms in title case: "(Jica)", "(Cns)", "(Iss)".
_TITLE_ACRONYM = re.compile(r"^[A-Z][a-z]{1,5}$")


def title_case_acronym(name: str, acr: str) -> bool:
    """Whether a title-case word in brackets after a name is its acronym: each of its letters
    starts a word of the name, in any order (an acronym may be the English name's: "agence
    japonaise de coopération internationale (Jica)"); a state or a city in brackets is not."""
    if not _TITLE_ACRONYM.match(acr) or cat.state_code(acr) or city_country(acr):
        return False
    words = (re.sub(r"^[ldLD]['’]", "", w) for w in WORD.findall(name))  # "d'analyse"
    initials = {w[0].upper() for w in words if w and fold(w) not in MINOR}
    return set(acr.upper()) <= initials
