"""Country names for ISO 3166-1 alpha-2 codes: the one place every layer asks.

pycountry holds the standard. This adds what our pages and texts need from it:

- codes in use that ISO has not assigned: ``XK`` (Kosovo), which the place normaliser writes;
- two styles of name. The *formal* one (the default) is the name the UN and ministries use in
  titles: "Government of the Republic of Korea", "the State of Palestine". The *common* one is
  the name a reader knows, for places: "Seoul, South Korea". Where ISO has no common name, both
  are ours or ISO's ("Austria"; "Democratic Republic of the Congo", not ISO's
  "Congo, The Democratic Republic of the");
- "the" where English says it in running text ("the United Arab Emirates").

Codes are matched in any case and with surrounding white space; anything else is unknown (None).
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

#: Codes in use that ISO 3166-1 has not assigned.
UNASSIGNED = {"XK": "Kosovo"}
#: The formal names the UN uses where ISO's inverts or lengthens them.
FORMAL_NAMES = {
    "KR": "Republic of Korea",
    "KP": "Democratic People's Republic of Korea",
    "VA": "Holy See",
    "XK": "Kosovo",
    "CD": "Democratic Republic of the Congo",
    "PS": "State of Palestine",
    "TW": "Taiwan",
    "MD": "Republic of Moldova",
}
# Names read as "the X" in running English ("Government of the Netherlands").
_WITH_THE = ("United ", "Netherlands", "Russian Federation", "Holy See", "Philippines", "Gambia")
_WITH_THE_WORDS = ("Republic ", "Democratic ", "State ")


def _code(code: str | None) -> str:
    return code.strip().upper() if isinstance(code, str) else ""


def _iso(code: str) -> pycountry.db.Country | None:
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return None
    return pycountry.countries.get(alpha_2=code)


@lru_cache(maxsize=1024)
def country_name(code: str | None, *, common: bool = False, article: bool = False) -> str | None:
    """The English name of an ISO code ("MN" -> "Mongolia"); None when the code is unknown.

    The formal name by default ("KR" -> "Republic of Korea"); ``common`` asks for the one a
    reader knows ("South Korea"). ``article`` adds "the" where English says it
    ("the United Arab Emirates").
    """
    code = _code(code)
    iso = _iso(code)
    iso_common = getattr(iso, "common_name", None) if iso is not None else None
    name = (iso_common if common else None) or FORMAL_NAMES.get(code)
    if name is None:
        if iso is None:
            return None
        name = str(iso_common or iso.name)
    if article and (name.startswith(_WITH_THE) or name.startswith(_WITH_THE_WORDS)):
        return f"the {name}"
    return name


@lru_cache(maxsize=1024)
def country_names(code: str | None) -> tuple[str, ...]:
    """Every English name a reader may look for, each once: the formal and the common name, then
    ISO's own ("IR" -> "Iran, Islamic Republic of", "Iran", "Islamic Republic of Iran")."""
    code = _code(code)
    iso = _iso(code)
    names = [country_name(code), country_name(code, common=True)]
    if iso is not None:
        names += [getattr(iso, attribute, None) for attribute in ("name", "official_name")]
    return tuple(dict.fromkeys(str(n) for n in names if n))


def known_country(code: str | None) -> bool:
    """``code`` is an ISO 3166-1 alpha-2 code (any case) or one of ``UNASSIGNED``."""
    return country_name(code) is not None
