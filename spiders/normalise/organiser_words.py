"""The written words of an organiser's name: a name cleaned of the list around it (articles,
quotes, an explanation in brackets), its words, the minor words that no initial or comparison
counts, the words that make a phrase prose rather than a name, and a list without repeats.

Every other organiser module reads names through these, so they sit beneath all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from confwatch.spiders.normalise import quotes
from confwatch.spiders.normalise.places import fold

__all__ = ["CYRILLIC", "LEADING", "MINOR", "PAREN", "PROSE", "QUOTES", "WORD", "clean", "unique"]


_SPACES = re.compile(r"\s+")
LEADING = re.compile(
    r"^(?:(?:the|both|jointly|also|and|by|with|of|le|la|les|du|des|de|el|los|las|del|"
    r"der|die|das|dem|den|vom|von|durch|zwischen|et|und|y|и|і|с|со|its|their|our|il|lo|gli"
    r"|dal|dalla|dallo|dai|dalle|dagli|della|dello|dei|delle|degli"
    # Italian "to the" after "insieme" or "e": "insieme alla Prefettura X e al Comune Y"; lower
    # case only, so that "Al Azhar University" keeps its "Al".
    r"|(?-i:al|allo|alla|ai|agli|alle)"
    # Portuguese articles and "and", "with": "a Escola ... e com o Ministério ...".
    r"|o|a|os|as|e|com"
    # Portuguese repeats "by the" before each agent: "pela Secretaria X e pela Câmara Y".
    r"|pelo|pela|pelos|pelas"
    # Dutch "the" (its "de" is above): "georganiseerd door het Kenniscentrum X".
    r"|het)(?:\s+|$)"
    r"|(?:l|d|dall|dell|all|nell)['’]"
    # A page whose apostrophe was lost in its encoding: "par l?Organisation nationale".
    r"|(?:l|d)\?(?-i:(?=[A-ZÀ-ÖØ-Þ])))+",
    re.IGNORECASE,
)
# "EURISC Foundation (European Institute for Risk, Security & Communication Management)": a
# name's spelled-out explanation after it.
_EXPLANATION = re.compile(r"\s*\([^()]{13,120}\)\s*$")
QUOTES = quotes.MARKS
WORD = re.compile(r"[^\W\d_][\w'’-]*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def clean(name: str) -> str:
    name = name.replace("\x04", " ").replace("\x03", ",")  # masked by ``mask_names``
    text = _SPACES.sub(" ", name).strip(" \t\n\r-–—•:;,.،" + QUOTES)
    text = LEADING.sub("", text).strip(" ,.;:،" + QUOTES)
    # "the university’s School of X": the owner in lower case is no part of the unit's name.
    text = _OWNER_LEAD.sub("", text)
    if (m := _EXPLANATION.search(text)) and m.start() > 2:
        text = text[: m.start()]
    if _UNCLOSED.search(text):
        text += ")"  # "Centre national ... (CNAP, a organisé": the page left its bracket open
    if text.count("«") == text.count("»") + 1 and text.rfind("«") > 0:
        text += "»"  # "объединение «X»": the closing quote stripped above is the name's own
    return text


_OWNER_LEAD = re.compile(r"^[a-z][\w-]*['’]s\s+(?=[A-ZÀ-Þ])")
# An acronym in a bracket the page never closed, ending the name.
_UNCLOSED = re.compile(r"\s\([^()\s]{2,12}$")


# Minor words: no initial of a name, and no difference between two spellings of it.
MINOR = frozenset(
    fold(w)
    for w in [
        "of",
        "for",
        "and",
        "in",
        "on",
        "the",
        "to",
        "at",
        "de",
        "la",
        "le",
        "des",
        "du",
        "et",
        "y",
        "en",
        "del",
        "los",
        "las",
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "und",
        "für",
        "von",
        # Italian and Portuguese articles and prepositions: "Voce delle Vittime (VVT)".
        "di",
        "della",
        "delle",
        "dello",
        "degli",
        "dei",
        "el",
        "do",
        "da",
        "dos",
        "das",
    ]
)


# Prose, not a name: "... said in a statement", "In a joint initiative last spring".
PROSE = re.compile(
    r"\b(?:said|says|stated|announced|noted|told|added|reported|according|statement"
    r"|leader|chairman|spokesman|spokesperson|ambassador|envoy|minister|director|deputy"
    # "Representative Office" is a body, not a person.
    r"|representatives?(?!\s+offices?\b)|delegates?|participants|experts|officials|members|funding"
    r"|financial\s+(?:support|contribution|assistance)|support\s+(?:of|from)"
    r"|initiative\s+last|this|these|those|which|who|whom|is|are|was|were|will|would|has|have"
    r"|заявил\w*|сообщ\w+|отметил\w*|a\s+déclaré|selon|según|sagte|erklärte"
    # A person's office in French, Spanish and German, as "director" and "ambassador" above.
    r"|directeur|directrice|directora|direktor(?:in)?|ambassadeur|ambassadrice|embajador[a]?"
    r"|botschafter(?:in)?|représentante?s?|representantes?|chef\s+(?:du|de\s+la|des)"
    r"|jefe\s+(?:del?|de\s+la))\b",
    re.IGNORECASE,
)


# A comma inside brackets separates no organisers: "EURISC Foundation (European Institute for
# Risk, Security & Communication Management)".
PAREN = re.compile(r"\([^()\n]{1,150}\)")


def unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out
