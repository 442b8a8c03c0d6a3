"""One organiser's canonical name, a list of organisers split into names, and whether two names
denote one body.

A catalogued body gets its canonical name ("Организацией Объединенных Наций" -> "United
Nations"); a state named as organiser is its government ("la Suisse", "Правительством Республики
Таджикистан" -> "Government of Switzerland", "Government of Tajikistan"); a ministry gets the
English name of its portfolio and state ("belarussischen Außenministerium", "Ministre français
des Affaires étrangères" -> "Ministry of Foreign Affairs of Belarus", "... of France"); any other
organisation keeps the name the page gives it, with its acronym ("Financial Monitoring Unit
(FMU)").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_catalogue import (
    MARK,
    PLACEHOLDER,
    protect,
    protect_spelled,
    restore,
)
from confwatch.spiders.normalise.places import city_country, country_name, fold

__all__ = [
    "canonical_organiser",
    "is_known_body",
    "list_separator",
    "looks_like_organisation",
    "reads_as_name",
    "resolve",
    "same_body",
    "split_list",
]

_SPACES = re.compile(r"\s+")
_LEADING = re.compile(
    r"^(?:(?:the|both|jointly|also|and|by|with|of|le|la|les|du|des|de|el|los|las|del|"
    r"der|die|das|dem|den|vom|von|durch|zwischen|et|und|y|и|і|с|со|its|their|our|il|lo|gli"
    r"|dal|dalla|dallo|dai|dalle|dagli|della|dello|dei|delle|degli"
    # Portuguese articles and "and", "with": "a Escola ... e com o Ministério ...".
    r"|o|a|os|as|e|com)(?:\s+|$)"
    r"|(?:l|d|dall|dell|all|nell)['’])+",
    re.IGNORECASE,
)
# "EURISC Foundation (European Institute for Risk, Security & Communication Management)": a
# name's spelled-out explanation after it.
_EXPLANATION = re.compile(r"\s*\([^()]{13,120}\)\s*$")
_QUOTES = "\"'“”‘’„«»‚"
_TRAILING_ACRONYM = re.compile(r"\s*\((?P<acr>[^()]{2,12})\)\s*$")
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ/&.-]{1,9}$")
# A written short form: "FMU", "SECI Center", "Unesco-Prev"; "CTP, KP" is not one.
_ACRONYM_LIKE = re.compile(
    r"^[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё&.-]*[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё&.-]*(?:\s[A-Z][a-z]+)?$"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def clean(name: str) -> str:
    name = name.replace("\x04", " ").replace("\x03", ",")  # masked by ``mask_names``
    text = _SPACES.sub(" ", name).strip(" \t\n\r-–—•:;,.،" + _QUOTES)
    text = _LEADING.sub("", text).strip(" ,.;:،" + _QUOTES)
    if (m := _EXPLANATION.search(text)) and m.start() > 2:
        text = text[: m.start()]
    return text


# --- states and their governments ------------------------------------------------------------

_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:government|gouvernement|gobierno|governo|regierung|правительств\w*|урад\w*)"
    r"\s+(?:of|du|de\s+la|de\s+l['’]|de|des|del|von|der|des)?\s*(?:the\s+)?(?P<rest>.+)$",
    re.IGNORECASE,
)
_X_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:(?P<adj>[\w-]+)\s+)?(?:government|regierung|bundesregierung|presidency"
    r"|chairmanship|chairpersonship|gouvernement|gobierno|governo|présidence|presidencia)"
    r"(?:\s+(?P<adj2>[\w-]+))?$",
    re.IGNORECASE,
)
# "les autorités fédérales et provinciales belges": a state's authorities are its government.
_AUTHORITIES = re.compile(
    r"^(?:authorities|autorités|autoridades|behörden|власти|government|gouvernement|gobierno)\b"
    r".{0,60}?\b(?P<adj>[\w-]+)$",
    re.IGNORECASE,
)


def government(code: str) -> str:
    return f"Government of {country_name(code, article=True) or code}"


def _state_named(text: str) -> str | None:
    """The ISO code of a state named by its name or adjective ("Burkina", "burkinabé")."""
    return cat.state_code(text) or (cat.demonym_code(text) if " " not in text else None)


# --- ministries ------------------------------------------------------------------------------

# A portfolio in the languages pages name it, and its English name.
_PORTFOLIOS: tuple[tuple[str, str], ...] = (
    (
        "Foreign Affairs",
        r"(?:l['’]europe\s+et\s+)?(?:des\s+)?affaires\s+étrangères(?:\s+et\s+(?:de\s+la\s+"
        r"coopération|du\s+développement\s+international))?|(?:asuntos|relaciones)\s+exteriores"
        r"(?:(?:,\s*unión\s+europea)?\s+y\s+(?:de\s+)?cooperación)?|auswärtige(?:n|s)?\s+"
        r"(?:angelegenheiten|amt)|иностранных\s+дел|замежных\s+спраў|affari\s+esteri"
        r"(?:\s+e\s+della\s+cooperazione\s+internazionale)?|foreign\s+affairs|exteriores|esteri",
    ),
    (
        "the Interior",
        r"(?:(?:de\s+)?l['’])?intérieur|(?:del\s+)?interior|(?:des\s+)?inner(?:e|es|n)|внутренних\s+дел"
        r"|унутраных\s+спраў|(?:the\s+)?interior|internal\s+affairs|home\s+affairs|(?:dell['’]\s*)?interno",
    ),
    ("Justice", r"(?:de\s+)?la\s+justice|justicia|(?:der\s+)?justiz|юстиции|justice|giustizia"),
    (
        "Defence",
        r"(?:de\s+)?la\s+défense|des\s+armées|defensa|(?:der\s+)?verteidigung|обороны"
        r"|defen[cs]e|difesa",
    ),
)
_COMPOUND_MINISTRIES = (
    (
        re.compile(r"^(?:außen|aussen)ministerium\w*$|^мид\w*$|^мзс\w*$|^mfa$", re.I),
        "Foreign Affairs",
    ),
    (re.compile(r"^(?:innen|bundesinnen)ministerium\w*$|^мвд\w*$", re.I), "the Interior"),
    (re.compile(r"^justizministerium\w*$", re.I), "Justice"),
    (re.compile(r"^verteidigungsministerium\w*$", re.I), "Defence"),
)
_MINISTRY_HEAD = (
    r"(?:(?:federal\s+)?ministry|ministère|ministerio|ministero|(?:bundes)?ministerium"
    r"|министерств\w*|міністэрств\w*|(?:prime\s+)?minister|ministre|ministro|министр\w*"
    r"|department|département|departamento|departement)"
)
_MINISTRY = re.compile(
    rf"^(?:(?P<pre>[\w-]+)\s+)?(?P<head>{_MINISTRY_HEAD})\s+(?:(?:of|for|de|des|du|del|für|di|della|degli|dei|dello|delle)\s+"
    rf"(?:the\s+|la\s+|l['’])?|dell['’]\s*)?(?P<what>.+)$",
    re.IGNORECASE,
)
_OF = re.compile(r"\s+(?:of|de|du|de\s+la|del|der|des|von)\s+(?:the\s+|la\s+|l['’])?", re.I)
_FOREIGN_MINISTRY = re.compile(
    r"^(?:(?P<adj>[\w-]+)\s+)?(?:foreign\s+ministry|foreign\s+office|auswärtige[sn]?\s+amt"
    r"|foreign\s+affairs\s+ministry|mfa)(?:\s+of\s+(?:the\s+)?(?P<state>.+))?$",
    re.IGNORECASE,
)
_OF_STATE = re.compile(
    r"^(?P<what>.+?)\s+(?:of|de|du|de\s+la|del|der|des|von)\s+(?:the\s+)?(?P<state>[^,]+)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _portfolio_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(rf"^(?:{p})\b", re.I)) for name, p in _PORTFOLIOS)


def _portfolio(text: str) -> tuple[str, str] | None:
    """(English portfolio, rest of the text) when ``text`` starts with a portfolio."""
    for name, pattern in _portfolio_patterns():
        if m := pattern.match(text):
            return name, text[m.end() :].strip()
    return None


def ministry_name(portfolio: str, code: str | None) -> str:
    base = f"Ministry of {portfolio}"
    return f"{base} of {country_name(code, article=True) or code}" if code else base


def _ministry(text: str, country: str | None) -> tuple[str, str | None] | None:
    """A ministry (or its minister) named in any of the page languages."""
    words = text.split()
    if not words:
        return None
    if len(words) <= 2:
        for pattern, compound in _COMPOUND_MINISTRIES:
            if pattern.match(words[-1]):
                adj = words[0] if len(words) == 2 else ""
                code = (cat.demonym_code(adj) if adj else None) or (
                    cat.state_code(" ".join(words[1:])) if len(words) == 2 else None
                )
                return ministry_name(compound, code or country), code or country
        if len(words) == 2 and _COMPOUND_MINISTRIES[0][0].match(words[0]):
            code = cat.state_code(words[1])
            if code:
                return ministry_name("Foreign Affairs", code), code
    if m := _FOREIGN_MINISTRY.match(text):
        code = (cat.demonym_code(m.group("adj")) if m.group("adj") else None) or (
            cat.state_code(m.group("state")) if m.group("state") else None
        )
        return ministry_name("Foreign Affairs", code or country), code or country
    m = _MINISTRY.match(text)
    if m is None:
        return None
    code = cat.demonym_code(m.group("pre")) if m.group("pre") else None
    what = m.group("what").strip()
    first, _, rest = what.partition(" ")
    if rest and (found := cat.demonym_code(first)):
        # "ministère burkinabé des Affaires étrangères", "Ministre français des Affaires ...".
        code, what = found, re.sub(r"^(?:des|de|du|del)\s+", "", rest, flags=re.I)
    # "Foreign Affairs of the Republic of Tajikistan": the last "of X" that is a state.
    for sep in _OF.finditer(what):
        if found := cat.state_code(what[sep.end() :]):
            code, what = found, what[: sep.start()]
            break
    tail = re.search(r"\s(?P<adj>[\w-]+)$", what) if code is None else None
    if tail and (found := cat.demonym_code(tail.group("adj"))):
        code, what = found, what[: tail.start()]
    if code is None and _CYRILLIC.search(what):
        # "иностранных дел Республики Беларусь": a genitive state after the portfolio.
        words_after = what.split()
        for cut in range(1, len(words_after)):
            if found := cat.state_code(" ".join(words_after[cut:])):
                code, what = found, " ".join(words_after[:cut])
                break
    portfolio = _portfolio(what)
    code = code or country
    if portfolio is not None and _ACRONYM.match(portfolio[1]):
        # "Departement für auswärtige Angelegenheiten EDA": the ministry's acronym after it.
        portfolio = (portfolio[0], "")
    if portfolio is not None and not portfolio[1]:
        return ministry_name(portfolio[0], code), code
    english = re.match(r"(?:federal\s+)?(?:ministry|department)$", m.group("head"), re.I)
    if english is None or not what[:1].isupper():
        # Another language's ministry of something unlisted: the page's words are kept.
        return None
    pre = m.group("pre") or ""
    prefix = f"{pre} " if pre and not cat.demonym_code(pre) and pre[0].isupper() else ""
    head = "Department" if "department" in m.group("head").lower() else "Ministry"
    name = f"{prefix}{head} of {what}"
    return (f"{name} of {country_name(code, article=True) or code}" if code else name), code


# --- state security services ---------------------------------------------------------------

# The CIS states' security services are named, like ministries, by their portfolio and their
# state ("КГБ Беларуси", "ГКНБ Кыргызской Республики", "Belarusian KGB"); the portfolio in the
# page's words and its English name.
_SECURITY: tuple[tuple[str, str], ...] = (
    (
        "State Committee for National Security",
        r"государственн\w*\s+комитет\w*\s+национальной\s+безопасности|гкнб\w{0,2}"
        r"|state\s+committee\s+(?:for|of|on)\s+national\s+security|scns|gknb",
    ),
    (
        "KGB",
        r"комитет\w*\s+государственной\s+безопасности|кгб|state\s+security\s+committee"
        r"|committee\s+(?:for|of|on)\s+state\s+security|kgb",
    ),
    (
        "National Security Committee",
        r"комитет\w*\s+национальной\s+безопасности|кнб\w{0,2}|national\s+security\s+committee"
        r"|committee\s+(?:for|of|on)\s+national\s+security|knb",
    ),
    (
        "National Security Service",
        r"служб\w*\s+национальной\s+безопасности|снб|national\s+security\s+service|snb",
    ),
    (
        "State Security Service",
        r"служб\w*\s+государственной\s+безопасности|сгб|state\s+security\s+service|sgb",
    ),
)
_SECURITY_NAMES = frozenset(name for name, _ in _SECURITY)
_SECURITY_OF = re.compile(r"^(?:of|de|du|de\s+la|del|der|des|von)\s+(?:the\s+|la\s+|l['’])?", re.I)


@lru_cache(maxsize=1)
def _security_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (name, re.compile(rf"^(?:(?P<adj>[\w-]+)\s+)?(?:{p})(?!\w)(?P<rest>.*)$", re.I))
        for name, p in _SECURITY
    )


def _security_service(text: str, country: str | None) -> tuple[str, str | None] | None:
    """A state's security service: "Комитет государственной безопасности Республики Беларусь"
    and "KGB of Belarus" are "KGB of Belarus"; with no state named, the event's state."""
    for name, pattern in _security_patterns():
        m = pattern.match(text)
        if m is None:
            continue
        adj, rest = m.group("adj"), m.group("rest").strip(" ,")
        code = cat.demonym_code(adj) if adj else None
        if adj and code is None:
            return None  # "Soviet KGB" is no state's; "Президентский комитет ..." is another body
        if rest:
            state = cat.state_code(_SECURITY_OF.sub("", rest))
            if state is None or (code and state != code):
                return None  # more words than a state: another body, or a unit of this one
            code = state
        code = code or country
        return (f"{name} of {country_name(code, article=True) or code}" if code else name), code
    return None


def _security_portfolio(name: str) -> str | None:
    """The portfolio of a canonical security service's name ("KGB" of "KGB of Belarus")."""
    return next((p for p in _SECURITY_NAMES if name == p or name.startswith(f"{p} of ")), None)


# "Premier ministre irakien", "Secrétaire d'État des États-Unis": a state's leader stands for
# its government.
_LEADER = re.compile(
    r"^(?:the\s+)?(?:prime\s+minister|premier\s+ministre|primer\s+ministro|premierminister\w*"
    r"|président|president|presidente|präsident\w*|премьер-министр\w*|президент\w*"
    r"|secretary\s+of\s+state|secrétaire\s+d['’]état|secretario\s+de\s+estado"
    r"|chancellor|chancelier|bundeskanzler\w*|head\s+of\s+state)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


def _leader(text: str) -> str | None:
    m = _LEADER.match(text)
    if m is None:
        return None
    rest = m.group("rest")
    code = cat.demonym_code(rest) if " " not in rest else None
    if code is None and (
        of := re.match(
            r"^(?:of|de|des|du|del|der|von)\s+(?:the\s+|la\s+|l['’])?(?P<s>.+)$", rest, re.I
        )
    ):
        code = cat.state_code(of.group("s"))
    return code


# --- one name --------------------------------------------------------------------------------


# German adds -es or -s to a neuter or masculine noun in the genitive ("des Bundesamtes",
# "des Verfassungsschutzes"); catalogue spellings are nominative.
_GERMAN_GENITIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{5,}s$")


_FOUNDATION_TWICE = re.compile(
    r"^(?:fondation|foundation|fundación|fundação|fondazione)\s+(?P<name>.+\s(?:stiftung|foundation))$",
    re.IGNORECASE,
)


def resolve(name: str, country: str | None) -> tuple[str, str | None, bool]:
    """(canonical name, the body's state, known) for one organiser name."""
    text = clean(name)
    if not text:
        return "", None, False
    hit = cat.known(text)
    written_acronym: str | None = None
    if hit is None and (m := _TRAILING_ACRONYM.search(text)):
        acr = m.group("acr").strip()
        text = text[: m.start()].strip()
        hit = cat.known(text) or cat.known(acr)
        written_acronym = acr
    if hit is None and _GERMAN_GENITIVE.match(text):
        # "Herbsttagung des Bundeskriminalamtes": a one-word German name in its genitive.
        hit = cat.known(text[:-2]) if text.endswith("es") else None
        hit = hit or cat.known(text[:-1])
    if hit is None and (twice := _FOUNDATION_TWICE.match(text)):
        # "fondation Konrad Adenauer Stiftung": the foundation word said in two languages.
        hit = cat.known(twice.group("name"))
    if hit is None and "/" in text:
        # "TNTD/Action against Terrorism Unit": one unit under two of its names.
        hit = next((h for p in text.split("/") if (h := cat.known(p.strip()))), None)
    if hit is not None:
        return hit, cat.catalogue().bodies[hit].country, True
    first, _, rest = text.partition(" ")
    # "Albanian OSCE Chairmanship", "italienischen Vorsitz bei der OSZE".
    if rest and cat.demonym_code(first) and (hit := cat.known(rest)):
        return hit, cat.catalogue().bodies[hit].country, True
    if m := _GOVERNMENT.match(text):
        code = _state_named(m.group("rest"))
        if code:
            return government(code), code, True
    if m := _X_GOVERNMENT.match(text):
        # "Swiss Government", "Latvian Presidency", "Governo italiano"; "the Government" of the
        # event's state.
        adj = m.group("adj") or m.group("adj2")
        code = cat.demonym_code(adj) if adj else country
        if code:
            return government(code), code, True
    if (m := _AUTHORITIES.match(text)) and (code := cat.demonym_code(m.group("adj"))):
        return government(code), code, True
    code = cat.state_code(text) or _leader(text)
    if code and cat.known(text) is None:
        return government(code), code, True  # a state named as organiser is its government
    if found := _ministry(text, country):
        return found[0], found[1], True
    if found := _security_service(text, country):
        return found[0], found[1], True
    if written_acronym and (
        _ACRONYM_LIKE.match(written_acronym) or _title_case_acronym(text, written_acronym)
    ):
        # An uncatalogued body keeps the acronym the page gives it: "Financial Monitoring Unit
        # (FMU)" is matched by either of its names (``same_body``).
        return f"{text} ({written_acronym})", None, False
    return text, None, False


# French and Spanish newspapers write acronyms in title case: "(Jica)", "(Cns)", "(Iss)".
_TITLE_ACRONYM = re.compile(r"^[A-Z][a-z]{1,5}$")


def _title_case_acronym(name: str, acr: str) -> bool:
    """Whether a title-case word in brackets after a name is its acronym: each of its letters
    starts a word of the name, in any order (an acronym may be the English name's: "agence
    japonaise de coopération internationale (Jica)"); a state or a city in brackets is not."""
    if not _TITLE_ACRONYM.match(acr) or cat.state_code(acr) or city_country(acr):
        return False
    words = (re.sub(r"^[ldLD]['’]", "", w) for w in _WORD.findall(name))  # "d'analyse"
    initials = {w[0].upper() for w in words if w and fold(w) not in _MINOR}
    return set(acr.upper()) <= initials


def canonical_organiser(name: str | None, *, country: str | None = None) -> str:
    """Canonical name of one organiser; ``country`` (ISO code) completes "the Ministry of ..."."""
    if not isinstance(name, str):
        return ""
    return resolve(name, country)[0]


def is_known_body(name: str) -> bool:
    """Whether ``name`` is a catalogued organisation's spelling ("Global Counterterrorism
    Forum")."""
    text = clean(name) if isinstance(name, str) else ""
    return bool(text) and cat.known(text) is not None


def looks_like_organisation(text: str) -> bool:
    """Whether a short text is an organisation's name (a known body, or a name with an
    organisation word such as Ministry, Centre, Council) rather than a title or a sentence."""
    if not isinstance(text, str) or len(text) > 120 or re.search(r"[.!?:;]\s*$", text):
        return False
    return is_known_body(text) or (org_like(clean(text)) and cat.state_code(clean(text)) is None)


# --- is a phrase an organisation's name -------------------------------------------------------

# Lower-case words a name may carry between its capitalised ones.
_NAME_LINKS = frozenset(
    fold(w)
    for w in [
        "of",
        "for",
        "and",
        "on",
        "in",
        "the",
        "to",
        "at",
        "against",
        "with",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "et",
        "à",
        "en",
        "por",
        "para",
        "del",
        "los",
        "las",
        "y",
        "e",
        "für",
        "und",
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "von",
        "vom",
        "zur",
        "zum",
        "bei",
        "am",
        "über",
        "по",
        "и",
        "для",
        "при",
        "с",
        "в",
        "на",
        "у",
        "і",
        "па",
        "ў",
    ]
)
_MAX_LOWER_WORDS = 3
_MAX_LOWER_WORDS_HEAD_FIRST = 8  # "Commission nationale de lutte contre le terrorisme"
_ROMANCE_LINKS = frozenset(["de", "du", "des", "del", "la", "le", "por", "para", "pour"])
# Prose, not a name: "... said in a statement", "In a joint initiative last spring".
_PROSE = re.compile(
    r"\b(?:said|says|stated|announced|noted|told|added|reported|according|statement"
    r"|leader|chairman|spokesman|spokesperson|ambassador|envoy|minister|director|deputy"
    r"|representatives?|delegates?|participants|experts|officials|members|funding"
    r"|financial\s+(?:support|contribution|assistance)|support\s+(?:of|from)"
    r"|initiative\s+last|this|these|those|which|who|whom|is|are|was|were|will|would|has|have"
    r"|заявил\w*|сообщ\w+|отметил\w*|a\s+déclaré|selon|según|sagte|erklärte)\b",
    re.IGNORECASE,
)


# Russian names a body after a person: "университет им. К. Л. Хетагурова", "имени Ломоносова".
_NAMED_AFTER = re.compile(r"\s+(?:им\.|имени)\s*(?:[А-ЯЁ]\.\s*){0,2}[А-ЯЁ][а-яё-]+\s*$")


_MAX_ACRONYM_NOT_CITY = 3
_MIN_SPELLED = 3


def _spells_own_acronym(text: str) -> bool:
    """Whether a name is followed by the acronym of its own capitalised words: "Community
    Resilience Activity – North (CRA-North)", "Groupe d'Intérêt Scientifique (GIS)". A body
    glosses its name so; a title or a place rarely does."""
    m = _TRAILING_ACRONYM.search(text)
    if m is None or m.start() == 0:
        return False
    name, acr = text[: m.start()].strip(), m.group("acr").strip()
    words = _WORD.findall(name)
    if len(words) < 2 or not words[0][0].isupper() or _PROSE.search(name):
        return False
    # "CRA-North", "CoECVE": the acronym's capitals; "Cns": its letters.
    capitals = "".join(c for c in acr if c.isupper())
    letters = "".join(c for c in acr if c.isalpha()).upper()
    # "d'Intérêt": an elided article is no word of the name.
    initials = _initials(re.sub(r"(?<!\w)[dlDL]['’]", "", name))
    # "Groupe d'Étude" gives "GE": an acronym drops the accent.
    initials = "".join(c for c in unicodedata.normalize("NFD", initials) if c.isalpha())
    return len(initials) >= _MIN_SPELLED and initials in (capitals, letters)


def org_like(text: str) -> bool:
    """Whether a phrase reads as an organisation's name: an acronym, a state, or a name with an
    organisation word and few lower-case words (more when the name starts with its head noun, as
    in French, Spanish and Russian)."""
    if (named := _NAMED_AFTER.search(text)) and named.start() > 0:
        return org_like(text[: named.start()])  # "МГУ им. М. В. Ломоносова"
    words = _WORD.findall(text)
    if not words or len(words) > 16:
        return False
    stripped = text.strip()
    if _PROSE.search(text) and not cat.known(text):
        # Prose or a person, unless it names a ministry or a state's leader ("the Minister of
        # Foreign Affairs of Kazakhstan", "Premier ministre irakien").
        upper = stripped[:1].upper() + stripped[1:]
        return bool(_ministry(upper, None) or _leader(upper)) and len(words) <= 10
    if not (words[0][0].isupper() or words[0].isupper()):
        # "the government of the Republic of Uzbekistan", "préfecture du Nord", "министерства
        # образования": a body written in lower case, headed by its organisation word.
        if _GOVERNMENT.match(stripped) or _ministry(stripped[:1].upper() + stripped[1:], None):
            return True
        return cat.is_org_word(words[0]) and (
            any(w[0].isupper() for w in words[1:])
            or bool(_CYRILLIC.search(text))
            # Arabic has no capitals: its organisation word heads the name ("جامعة بغداد").
            or (len(words) > 1 and bool(_ARABIC.search(words[0])))
            or (len(words) > 1 and cat.demonym_code(words[-1]) is not None)
        )
    if _ACRONYM.match(stripped):
        # "RIYADH" in a dateline is a city; three capitals are an acronym ("IPU", not Ipu).
        return len(stripped) <= _MAX_ACRONYM_NOT_CITY or city_country(stripped) is None
    if _spells_own_acronym(stripped):
        return True
    if _ministry(stripped, None) or _leader(stripped):
        return True
    head_first = cat.is_org_word(words[0]) or (len(words) > 1 and cat.is_org_word(words[1]))
    foreign = bool(_CYRILLIC.search(text)) or any(fold(w) in _ROMANCE_LINKS for w in words)
    limit = _MAX_LOWER_WORDS_HEAD_FIRST if head_first and foreign else _MAX_LOWER_WORDS
    # A phrase with many lower-case words is prose ("Office in Tajikistan on the draft national
    # strategy to counter ..."), not a name; Cyrillic names decline but stay short.
    lower = [w for w in words if w[0].islower() and fold(w) not in _NAME_LINKS]
    if len(lower) > limit:
        return False
    return any(cat.is_org_word(w) for w in words) or cat.state_code(text) is not None


# A body's name without an organisation word still reads as a name: its words capitalised,
# joined by a preposition ("Projet de Prévention des Conflits", "Center for Global Dialogue"),
# or glossed by its acronym; a person ("Jean de La Fontaine") has fewer capitalised words.
_NAME_LINK = re.compile(r"^(?:de|du|des|of|for|del|für|on|pour|para|по|для)$")
_HONORIFIC = re.compile(
    r"^(?:mr|mrs|ms|dr|prof|professor|m|mme|mlle|me|sr|sra|don|doña|herr|frau|г-н|г-жа)\.?$", re.I
)
_MIN_CAPITALISED = 3


def reads_as_name(text: str) -> bool:
    """Whether a phrase with no organisation word reads as a body's name (§5.10 subjects)."""
    # "de l'Homme": an elided article is no word of the name.
    words = [w for w in (re.sub(r"^[ldLD]['’]", "", w) for w in _WORD.findall(text)) if w]
    if not words or _HONORIFIC.match(words[0]) or _PROSE.search(text):
        return False
    if cat.state_code(text) or city_country(text) or re.search(r"\d", text):
        return False
    if _spells_own_acronym(text):
        return True
    # The words of the name itself, not of a bracket after it ("Research on Terrorism (ACSRT)").
    words = [w for w in _WORD.findall(_PAREN.sub(" ", text)) if w]
    words = [re.sub(r"^[ldLD]['’]", "", w) for w in words]
    links = [w for w in words if _NAME_LINK.match(w)]
    content = [w for w in words if not _NAME_LINK.match(w) and fold(w) not in _MINOR]
    return (
        bool(links)
        and len(content) >= _MIN_CAPITALISED
        and all(w[0].isupper() for w in content)
        and not _NAME_LINK.match(words[0])
    )


# --- lists -----------------------------------------------------------------------------------

_BASED = re.compile(r"(?:\b[A-Z][\w.]*\s+)*[A-Z][\w.]*-based\s+")
_UNIT_OF = re.compile(
    rf"^\s*(?:the\s+)?{MARK}(\d+){MARK}\s+(?:of|de|du|der|des)\s+(?:the\s+|la\s+|l['’])?"
    rf"{MARK}\d+{MARK}\s*$",
    re.I,
)
_PROSE_AFTER = re.compile(
    r"^\s+(?:of|at|in|on|the|an?|to|from|which|who|is|was|will|has|dans|à|au|en|de|en|y|in|im|"
    r"am|an|zu|auf|в|на|из)\s"
    # German puts the verb last: "unter der Ägide der OSZE stattfinden".
    r"|^\s+(?:stattfinden|stattfand|stattfindet|veranstaltet|organisiert|durchgeführt|statt)\s*$"
)
_FILLER = frozenset(fold(w) for w in ["the", "its", "their", "of", "and", "s", "with"])
# "Ahmed Ali" or "H.E. Ms. Ahmed Ali" after a body: its official, named in apposition.
_PERSON_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:H\.E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+)*(?:[A-ZА-ЯЁ][\w'’.-]+\s*){1,3}$"
)


# The head of an organisation, written before its name ("Secretary-General of the", "Генерального
# секретаря", "Secrétaire général de l'").
_HEAD_OF = re.compile(
    r"^(?:secretary[\s-]general|executive\s+director|генеральн\w+\s+секретар\w+"
    r"|исполнительн\w+\s+директор\w*|secrétaire\s+général|secretario\s+general"
    r"|generalsekretär\w*)(?:\s+(?:of|de|del|der|des|l))?$",
    re.IGNORECASE,
)
# The head's own name, then the sentence going on: "Антониу Гутерриша в гибридном формате".
_PERSON_THEN_PROSE = re.compile(
    r"^\s*(?:[A-ZА-ЯЁ][\w'’.-]+\s+){1,3}(?:в|на|in|at|à|en|am|on|le|el)\s"
)


def _person_then(after: str) -> bool:
    """Whether the words after a body are a person's name and then the sentence going on
    (not a unit's name: "Mission in Skopje")."""
    m = _PERSON_THEN_PROSE.match(after)
    return m is not None and not any(cat.is_org_word(w) for w in _WORD.findall(m.group(0)))


# A comma inside brackets separates no organisers: "EURISC Foundation (European Institute for
# Risk, Security & Communication Management)".
_PAREN = re.compile(r"\([^()\n]{1,150}\)")
_COMMA_MARK = "\x03"
# A quoted name is one name: "„Zentrum für Analyse und Forschung“", "«Нур Отан» и ...".
_QUOTED = re.compile(r"[„“«\"][A-ZÀ-ÞА-ЯЁ][^„“”«»\"\n]{2,80}[“”»\"]")
_SPACE_MARK = "\x04"
# "„Zentrum für Analyse und Forschung“ (ZAF) am Bundesamt für Verfassungsschutz": a unit named in
# quotes, at the body it belongs to, is named by its quoted name.
QUOTED_UNIT = re.compile(
    r"^(?P<name>[^„“”«»\"\n]{3,80})[“”»\"](?P<acr>\s*\([^()]{2,12}\))?\s+"
    r"(?:am|an\s+der|beim|bei|at\s+the|auprès\s+d[eu]|au|à\s+la|en\s+el|при)\s"
)
_ASIDE = re.compile(r"\s[–—]\s")


# A catalogued acronym in brackets closing a list piece.
_GLOSSED = re.compile(rf"\(\s*{MARK}(\d+){MARK}\s*\)\s*$")
_MAX_GLOSSED_WORDS = 14
# "Permanent Mission of Qatar to the United Nations (UN)": a state's office at a body.
_TO_THE_BODY = re.compile(r"\b(?:to|at|auprès|bei|при|ante|presso)\b", re.I)


def _glossed_name(before: str) -> bool:
    """Whether the words before a bracketed acronym are a name it glosses: capitalised, short,
    and no person or prose ("Ufficio antiterrorismo delle Nazioni Unite", not "said the head of
    the agency")."""
    words = _WORD.findall(before)
    return (
        0 < len(words) <= _MAX_GLOSSED_WORDS
        and words[0][0].isupper()
        and not _PROSE.search(before)
        and not _PERSON_AFTER.match(before)
    )


class _Protected:
    """A list's text with its catalogued names as placeholders: their canonical names, and
    their spellings on the page (to put an uncatalogued name that contains one back together as
    written)."""

    def __init__(self, text: str) -> None:
        self.text, self.names, self.spelled = protect_spelled(text)

    def written(self, piece: str) -> str:
        text = restore(piece, self.spelled).replace(_COMMA_MARK, ",")
        return clean(text.replace(_SPACE_MARK, " "))


def _item(piece: str, where: _Protected, country: str | None) -> tuple[str, str | None] | None:
    """Canonical name and state of one split piece, or None when it is no organiser."""
    names = where.names
    marks = PLACEHOLDER.findall(piece)
    if len(marks) == 1:
        before, _, after = PLACEHOLDER.sub("\x01", piece).partition("\x01")
        # "the Abu Dhabi-based International Centre ...": a descriptor is not part of the name.
        before = _BASED.sub(" ", before).strip(" " + _QUOTES)
        leftover = [w for w in _WORD.findall(before) if fold(w) not in _FILLER]
        leftover = [w for w in leftover if not _LEADING.fullmatch(w + " ")]
        # "Albanian OSCE Chairmanship" is the Chairmanship; "Mission of X to the OSCE" and
        # "the UN Secretary-General" are not the OSCE or the UN.
        # "UNOCT at the Ministry ...", "TNTD of Organization for Security ...", "X a regional
        # conference is ...": the name ends where the prose goes on in lower case.
        after = after.strip(_QUOTES)
        prose = _PROSE_AFTER.match(after)
        adjective = len(leftover) == 1 and (
            cat.demonym_code(leftover[0]) is not None
            or (leftover[0].endswith(("'s", "’s")) and cat.state_code(leftover[0][:-2]) is not None)
        )
        short = len(leftover) == 1 and (adjective or len(before) < 12)
        if (not leftover or short) and (
            not _WORD.search(after) or prose or _PERSON_AFTER.match(after) or _person_then(after)
        ):
            name = names[int(marks[0])]
            body = cat.catalogue().bodies.get(name)
            return name, body.country if body else None
        if _HEAD_OF.match(" ".join(leftover)) and (
            not _WORD.search(after) or prose or _person_then(after)
        ):
            # "по инициативе Генерального секретаря ООН Антониу Гутерриша в ...": the
            # organisation's head acts for it.
            name = names[int(marks[0])]
            body = cat.catalogue().bodies.get(name)
            return name, body.country if body else None
    if marks and (glossed := _GLOSSED.search(piece)):
        # "l'Ufficio antiterrorismo delle Nazioni Unite (UNOCT)": a name in a language the
        # catalogue does not spell, glossed by a catalogued acronym, is that body.
        name = names[int(glossed.group(1))]
        before = restore(piece[: glossed.start()], where.spelled)
        if _glossed_name(where.written(before)) and not _TO_THE_BODY.search(before):
            body = cat.catalogue().bodies.get(name)
            return name, body.country if body else None
    unit_of = _UNIT_OF.match(piece)
    if unit_of:
        # "Transnational Threats Department of the OSCE": the unit, which is the organisation's.
        name = names[int(unit_of.group(1))]
        body = cat.catalogue().bodies.get(name)
        return name, body.country if body else None
    text = where.written(piece)
    if quoted := QUOTED_UNIT.match(text):
        name = quoted.group("name") + (quoted.group("acr") or "")
        if org_like(text[quoted.end() :].strip()):
            # Its parent's name says it is a body, whatever its own name's words.
            canonical, code, _ = resolve(name, country)
            return (canonical, code) if canonical else None
        text = name
    if text and _X_GOVERNMENT.match(text):
        # "jointly hosted by the government and CTED": the event's state's government, when the
        # event's state is known; otherwise no organiser.
        canonical, code, _ = resolve(text, country)
        return (canonical, code) if code else None
    if text and (plural := _PLURAL_HEAD.match(text)):
        # "the governments of Australia and Denmark": the first state's body here, the others'
        # in ``_distribute``.
        canonical, code, _ = resolve(_singular(plural), country)
        if code:
            return canonical, code
    if not text or not org_like(text):
        return None
    if len(marks) == 1 and not org_like(clean(restore(piece, names).replace(_SPACE_MARK, " "))):
        # "Muhammad R. Shah of the UN Office of Counter-Terrorism", "der Organisation für
        # Sicherheit ... stattfinden": the organisation word is the catalogued body's, and the
        # words around it make no name.
        return None
    canonical, code, _ = resolve(text, country)
    return (canonical, code) if canonical else None


@lru_cache(maxsize=1)
def list_separator() -> re.Pattern[str]:
    """Items of a list: "X, Y and Z", "X in cooperation with Y", "X совместно с Y"."""
    partner = lexicon.fragment("role", "partner")
    return re.compile(
        r"(\s*;\s*|\s*\n\s*(?:[-•*]\s*)?"
        rf"|\s*,?\s+(?:(?:and\s+)?(?:{partner})"
        r"|and|as\s+well\s+as|along\s+with|ainsi\s+que|así\s+como|sowie|а\s+также|и|і|et|und|y|e)"
        r"\s+|\s*,\s*)",
        re.IGNORECASE,
    )


# Only a bare "and" or a comma may join two halves of one name ("Ministry of Foreign Affairs and
# Trade", "Ministry of Education, Culture and Science").
_BARE_AND = re.compile(r"^\s+(?:and|et|und|y|e|и|і)\s+$", re.IGNORECASE)
_COMMA = re.compile(r"^\s*,\s*$")
_LINK_START = re.compile(r"^(?:(?:de|du|des|of|del|für)\s|d['’])")
# A name's complement, after which "and X" may still be the name: "Institute for Strategic and
# Regional Studies", "Kompetenzzentrum für Deradikalisierung und Risikoanalyse", "агентства по
# социальным инновациям и обслуживанию граждан".
_COMPLEMENT = re.compile(r"\b(?:for|für|pour|para|on|против|по|of)\s+\S+(?:\s+\S+)?$", re.I)
# A name's object after "against" ("Office against Drugs and Crime", "Centro contra el
# Terrorismo y el Crimen Organizado", "Ufficio contro la droga e il crimine"): its second noun may
# carry its own article.
_AGAINST = re.compile(
    r"\b(?:against|contre|contra|contro|gegen|против|проти)\s+(?:\S+\s+)?\S+$", re.I
)
_OWN_ARTICLE = re.compile(
    r"^\s*(?:the|le|la|les|el|los|las|il|lo|gli|o|a|os|as|der|die|das|den)\s+", re.I
)
_MAX_OBJECT_WORDS = 5
_ARTICLE_FIRST = re.compile(
    r"^\s*(?:(?:the|le|la|les|el|los|las|der|die|das|dem|den|des|il|lo|gli|dal|dalla|del|della)\b"
    r"|(?:l|dall|dell)['’])",
    re.I,
)
_PLURAL_HEAD = re.compile(
    r"^(?P<head>(?:the\s+)?(?:Permanent\s+)?(?:Missions|Embassies|Ministries|Governments"
    r"|Delegations|Offices|Ministerios|Ministères|Ambassades|Misiones|Gobiernos|Gouvernements))\s+"
    r"(?P<link>of|de|des|du|del)\s+(?:the\s+)?(?P<rest>.+)$",
    re.IGNORECASE,
)
_SINGULAR = {
    "missions": "Mission",
    "embassies": "Embassy",
    "ministries": "Ministry",
    "governments": "Government",
    "delegations": "Delegation",
    "offices": "Office",
    "ministerios": "Ministerio",
    "ministères": "Ministère",
    "ambassades": "Ambassade",
    "misiones": "Misión",
    "gobiernos": "Gobierno",
    "gouvernements": "Gouvernement",
}


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-‐–/'’]+", text) if w]
    return "".join(w[0] for w in words if fold(w) not in _MINOR and w[0].isalpha()).upper()


def _glued(previous: str, sep: str, chunk: str, where: _Protected) -> bool:
    """Whether ``chunk`` after ``sep`` is the rest of the name in ``previous``."""
    restored = where.written(chunk)
    if not restored or PLACEHOLDER.search(chunk):
        return False
    before = where.written(previous)
    if m := _TRAILING_ACRONYM.search(restored):
        # "Institute for Strategic and Regional Studies under the President (ISRS)": the two
        # halves together spell the acronym, the second alone does not.
        acr = re.sub(r"[^A-ZА-ЯЁ]", "", m.group("acr"))
        joined = _initials(before + sep + restored[: m.start()])
        alone = _initials(restored[: m.start()])
        if len(acr) >= 3 and joined.startswith(acr) and not alone.startswith(acr):
            return True
        if (
            len(acr) >= 3
            and acr[0] == joined[:1]
            and acr[-1] == joined[-1:]
            and acr[0] != alone[:1]
        ):
            return True
    if _object_tail(before, sep, restored):
        return True
    if (
        _BARE_AND.match(sep)
        and _LINK_START.match(chunk.lstrip())
        and cat.state_code(restored) is None  # "gouvernements du Canada et de la France"
    ):
        # "Institut d'étude et de sécurité", "Centre of Studies and of Research": a name never
        # starts with a lower-case preposition, so the piece is the name's second complement.
        return True
    if _ARTICLE_FIRST.match(chunk) or (
        _portfolio(restored.lower()) is not None and before[:6].lower() in ("minist", "минист")
    ):
        return False  # "and the Public Opinion Research Institute", "Exteriores e Interior"
    words = restored.split()
    first = words[0]
    cyrillic = bool(_CYRILLIC.search(first))
    if (
        _BARE_AND.match(sep)
        and (first[0].isupper() or cyrillic)
        and not cat.is_org_word(first)
        and cat.demonym_code(first) is None
        and cat.state_code(restored) is None
        and _COMPLEMENT.search(before)
    ):
        return True
    if (
        _BARE_AND.match(sep)
        and len(words) <= 2
        and all(w[0].islower() for w in words)
        and not any(cat.is_org_word(w) for w in words)
        and (head := before.split()[:1])
        and head[0][0].islower()
        and cat.is_org_word(head[0])
    ):
        # "les autorités fédérales et provinciales belges": adjectives coordinated on a body
        # written in lower case are that body's; a name does not start in lower case.
        return True
    if org_like(restored) or len(words) > 2 or first[0].islower():
        return False
    return bool(_BARE_AND.match(sep)) or (bool(_COMMA.match(sep)) and len(words) == 1)


def _object_tail(before: str, sep: str, chunk: str) -> bool:
    """Whether ``chunk`` after a bare "and" is the second object of a name's "against ...": "the
    Centre against Terrorism and the Organised Crime (CATCO)". A body of its own ("and the
    Ministry of ...", "and the Netherlands", "and the RUSI") is not."""
    if not _BARE_AND.match(sep) or not _AGAINST.search(before):
        return False
    bare = _TRAILING_ACRONYM.sub("", chunk)
    words = _WORD.findall(bare)
    if not words or len(words) > _MAX_OBJECT_WORDS or _CYRILLIC.search(bare):
        return False
    if any(cat.is_org_word(w) or (w.isupper() and len(w) > 1) for w in words):
        return False
    return cat.state_code(_OWN_ARTICLE.sub("", bare)) is None and cat.state_code(bare) is None


def _distribute(items: list[tuple[str, str | None]], pieces: list[str], where: _Protected) -> None:
    """ "Permanent Missions of Qatar and Switzerland", "Ministries of Foreign Affairs and the
    Interior": a plural head names one body per state or portfolio after it."""
    for k, piece in enumerate(pieces[:-1]):
        m = _PLURAL_HEAD.match(where.written(piece))
        if m is None:
            continue
        head = _singular_head(m)
        items[k] = (_named(_singular(m)), items[k][1])
        nxt = where.written(pieces[k + 1])
        code = cat.state_code(nxt)
        if code or _portfolio(nxt.lower()):
            items[k + 1] = (_named(f"{head} {m.group('link')} {nxt}"), code)


def _singular_head(plural: re.Match[str]) -> str:
    words = plural.group("head").split()
    return " ".join(_SINGULAR.get(w.casefold(), w) for w in words if w.casefold() != "the")


def _singular(plural: re.Match[str]) -> str:
    """ "Governments of Australia and Denmark" -> "Government of Australia and Denmark"."""
    return f"{_singular_head(plural)} {plural.group('link')} {plural.group('rest')}"


def _named(text: str) -> str:
    found = _ministry(text, None)
    if found:
        return found[0]
    m = _OF_STATE.match(text)
    if m and (code := cat.state_code(m.group("state"))):
        if _X_GOVERNMENT.match(m.group("what")):
            return government(code)  # "Gouvernements du Canada et de la France"
        return f"{m.group('what')} of {country_name(code, article=True) or code}"
    return text


def mask_names(text: str) -> str:
    """``text`` with the commas in brackets and the spaces and commas of quoted names masked, so
    that no list separator splits them; ``clean`` and ``split_list`` unmask."""
    masked = _PAREN.sub(lambda m: m.group(0).replace(",", _COMMA_MARK), text)
    return _QUOTED.sub(
        lambda m: m.group(0).replace(",", _COMMA_MARK).replace(" ", _SPACE_MARK), masked
    )


_MAX_SANDWICHED_WORDS = 8
# An office a person holds, named between a person and their body: "Undersecretary of State".
_OFFICE_HELD = re.compile(
    r"^(?:(?:deputy|vice|under|assistant|chief|head|acting)[\s-]*)*(?:secretary|undersecretary"
    r"|commissioner|governor|mayor|chairman|chairperson|chair|president|consul|counsellor"
    r"|advisor|adviser|officer|head|chief|general|colonel|attaché|secrétaire|conseill\w+"
    r"|secretario|subsecretario|staatssekretär\w*)\b",
    re.IGNORECASE,
)


def _between_bodies(piece: str, rest: list[str], where: _Protected, country: str | None) -> bool:
    """Whether a capitalised name without an organisation word sits between two bodies of one
    list ("the IPU, the House of Representatives of Egypt and UNODC"): a list of bodies names
    bodies, so it is one too."""
    text = where.written(piece)
    words = _WORD.findall(text)
    if not words or len(words) > _MAX_SANDWICHED_WORDS or not words[0][0].isupper():
        return False
    # Its head is no person or prose ("Director of ...", "Representatives of ..."); words after
    # the head may be ("House of Representatives").
    if (
        _PROSE.match(words[0])
        or _OFFICE_HELD.match(text)
        or re.search(r"\d", text)
        or city_country(text) is not None
    ):
        return False
    lower = [w for w in words if w[0].islower() and fold(w) not in _NAME_LINKS]
    # "House of Representatives of Egypt", not a person ("John Smith"): a name of linked words.
    if lower or len(words) < 3 or not any(fold(w) in _NAME_LINKS for w in words[1:]):
        return False
    return any(_item(p, where, country) is not None for p in rest[:1])


def split_list(clause: str, country: str | None, *, strict: bool) -> list[str]:
    """Split a list of organisers; ``strict`` stops at the first piece that is no organiser (a
    list after a role phrase is the role's; what follows it is the sentence going on)."""
    where = _Protected(mask_names(clause))
    chunks = list_separator().split(where.text)
    pieces: list[str] = []
    for index, chunk in enumerate(chunks):
        if index % 2:  # a separator: remember it to glue "and Trade" back
            continue
        sep = chunks[index - 1] if index else ""
        if pieces and _glued(pieces[-1], sep, chunk, where):
            pieces[-1] = f"{pieces[-1]}{sep}{chunk}"
            continue
        pieces.append(chunk)
    resolved: list[tuple[str, str | None]] = []
    kept: list[str] = []
    pieces = [p for p in pieces if where.written(p)]
    for index, piece in enumerate(pieces):
        # "Secrétaire d'État des États-Unis – depuis les Etats-Unis": an aside after a dash.
        # Not a dash inside a glossed name: "Community Resilience Activity – North (CRA-North)".
        if not _spells_own_acronym(where.written(piece)):
            piece = _ASIDE.split(piece, maxsplit=1)[0]
        item = _item(piece, where, country)
        if item is None and resolved and resolved[-1][0].startswith("Ministry of"):
            # "Ministerio de Asuntos Exteriores e Interior": the second portfolio's ministry.
            portfolio = _portfolio(where.written(piece).lower())
            if portfolio is not None and not portfolio[1]:
                item = (ministry_name(portfolio[0], resolved[-1][1]), resolved[-1][1])
        if (
            item is None
            and resolved
            and _between_bodies(piece, pieces[index + 1 :], where, country)
        ):
            item = (resolve(where.written(piece), country)[0], None)
        if item is None:
            if strict and not _X_GOVERNMENT.match(where.written(piece)):
                break  # a government of no known state is a body still: the list goes on
            continue
        resolved.append(item)
        kept.append(piece)
    _distribute(resolved, kept, where)
    if country is None:
        # A clause naming one state's bodies tells whose "Ministry of Foreign Affairs" it is.
        hint = next((code for _, code in resolved if code), None)
        if hint is not None:
            resolved = [
                (resolve(n, hint)[0] if code is None and n.startswith("Ministry") else n, code)
                for n, code in resolved
            ]
    return unique(name for name, _ in resolved)


def unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out


# --- comparing names -------------------------------------------------------------------------

_MINOR = frozenset(
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
    ]
)


def _lineage(name: str) -> list[str]:
    bodies = cat.catalogue().bodies
    chain = [name]
    if name not in bodies and (parent := _unit_parent(name)):
        chain.append(parent)
    while (body := bodies.get(chain[-1])) and body.parent and body.parent not in chain:
        chain.append(body.parent)
    return chain


_UNIT_WORDS = frozenset(
    cat.stem_key(w)
    for w in [
        "Office",
        "Secretariat",
        "Mission",
        "Programme",
        "Program",
        "Centre",
        "Center",
        "Department",
        "Unit",
        "Division",
        "Section",
        "Presence",
        "Project",
        "Committee",
        "Delegation",
        "Representation",
        "Branch",
        "Chairmanship",
        "Chairpersonship",
        "Presidency",
        "Coordinator",
        "Task",
        "Force",
        "Group",
        "Commission",
        "Bureau",
        "Directorate",
        "Executive",
        "Secretary",
        "Représentation",
        "Délégation",
        "Bureau",
        "Büro",
        "Vertretung",
        "Vorsitz",
        "Представительство",
        "Офис",
        "Бюро",
        "Центр",
        "Секретариат",
        "Исполнительный",
        "Миссия",
        "Програм",
    ]
)
# "Permanent Mission of Qatar to the OSCE", "Представительство Казахстана при ОБСЕ": a state's
# office at an organisation is not the organisation's.
_TO_THE = re.compile(rf"\b(?:to|at|auprès\s+de|при|bei|ante)\s+(?:the\s+|l['’])?{MARK}", re.I)


def _unit_parent(name: str) -> str | None:
    """The catalogued organisation a unit named after it belongs to: "OSCE Office in Tajikistan",
    "Pacific Islands Forum Regional Security Committee", "Office of the OSCE Project Coordinator
    in Uzbekistan" and "Офисом программ ОБСЕ в Астане" are the catalogued organisation's."""
    protected, names = protect(name)
    marks = PLACEHOLDER.findall(protected)
    if len(marks) != 1 or _TO_THE.search(protected):
        return None
    rest = PLACEHOLDER.sub(" ", protected)
    if any(cat.stem_key(w) in _UNIT_WORDS for w in _WORD.findall(rest)[:8]):
        return names[int(marks[0])]
    m = re.search(rf"\b(?:of|de|du|der|des)\s+(?:the\s+|la\s+|l['’])?{MARK}\d+{MARK}", protected)
    if (
        m
        and m.start() > 0
        and any(cat.is_org_word(w) for w in _WORD.findall(protected[: m.start()]))
    ):
        return names[int(marks[0])]
    return None


def _names_of(name: str) -> list[str]:
    """A name and, for "Full Name (ACR)", each of its two forms."""
    m = _TRAILING_ACRONYM.search(name)
    if not m:
        return [name]
    return [name, name[: m.start()].strip(), m.group("acr").strip()]


@lru_cache(maxsize=8192)
def _loose(name: str) -> str:
    """A name's words without minor words and case endings: "Ministry of the Interior of Spain"
    and "Ministry of Interior of Spain", "Schweizerischen Städteverband" and "Schweizerischer
    Städteverband" share it."""
    return " ".join(cat.stem_key(w) for w in _WORD.findall(name) if fold(w) not in _MINOR)


def _without_demonym(name: str) -> str | None:
    """A name without the state adjective after it: "Ecole Nationale de la Magistrature
    française" is the "Ecole Nationale de la Magistrature" (the adjective says whose it is)."""
    head, _, last = name.rpartition(" ")
    if len(head.split()) < 2 or cat.demonym_code(last) is None:
        return None
    return fold(head)


def same_body(a: str | None, b: str | None) -> bool:
    """Whether two names denote one body: spellings, acronyms and full names, cases of a declined
    name, and a unit and its organisation ("OSCE TNTD" is the OSCE; UNOCT and UNODC are
    different bodies)."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    if len(_names_of(a)) > 1 or len(_names_of(b)) > 1:
        return any(_same_body(x, y) for x in _names_of(a) for y in _names_of(b))
    return _same_body(a, b)


def _same_body(a: str, b: str) -> bool:
    ca, cb = canonical_organiser(a), canonical_organiser(b)
    if not ca or not cb:
        return False
    # An uncatalogued "Full Name (ACR)" compares by its full name here (its acronym: above).
    ca, cb = (
        _names_of(ca)[1 if len(_names_of(ca)) > 1 else 0],
        _names_of(cb)[1 if len(_names_of(cb)) > 1 else 0],
    )
    if fold(ca) == fold(cb):
        return True
    if ca in _lineage(cb) or cb in _lineage(ca):
        return True
    if " " in ca and " " in cb and _loose(ca) == _loose(cb):
        return True
    if _without_demonym(ca) == fold(cb) or _without_demonym(cb) == fold(ca):
        return True
    if (portfolio := _security_portfolio(ca)) and portfolio in (ca, cb) and ca != cb:
        # A security service the page names without its state is any state's of that portfolio.
        return _security_portfolio(cb) == portfolio
    for short, long in ((ca, cb), (cb, ca)):
        letters = re.sub(r"[^A-Za-zА-Яа-яЁё]", "", short)
        acronym = _ACRONYM.match(short) and len(letters) >= 2 and " " in long
        if acronym and letters.upper() == _initials(long):
            return True
    return False
