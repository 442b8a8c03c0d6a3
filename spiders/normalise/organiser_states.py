"""Bodies of a state, named by the state: its government ("la Suisse", "Правительством
Республики Таджикистан" -> "Government of Switzerland", "Government of Tajikistan"), its
ministries by portfolio ("belarussischen Außenministerium", "Ministre français des Affaires
étrangères" -> "Ministry of Foreign Affairs of Belarus", "... of France"), its security services
("КГБ Беларуси" -> "KGB of Belarus") and its leader, who stands for its government ("Premier
ministre irakien").

Separate because the government, ministry and security-service words of every page language
are a lexicon of their own; resolving a name, splitting a list and judging a phrase all use it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_acronyms import ACRONYM
from confwatch.spiders.normalise.organiser_words import CYRILLIC
from confwatch.spiders.normalise.places import country_name

__all__ = [
    "AUTHORITIES",
    "GOVERNMENT",
    "OF_STATE",
    "X_GOVERNMENT",
    "government",
    "leader_state",
    "ministry_name",
    "read_ministry",
    "read_portfolio",
    "read_security_service",
    "security_portfolio",
    "state_named",
]


# --- states and their governments ------------------------------------------------------------

GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:government|gouvernement|gobierno|governo|regierung|правительств\w*|урад\w*)"
    r"\s+(?:of|du|de\s+la|de\s+l['’]|de|des|del|von|der|des)?\s*(?:the\s+)?(?P<rest>.+)$",
    re.IGNORECASE,
)
X_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:(?P<adj>[\w-]+)\s+)?(?:government|regierung|bundesregierung|presidency"
    r"|chairmanship|chairpersonship|gouvernement|gobierno|governo|présidence|presidencia"
    # "азербайджанского правительства": Russian puts the state's adjective first, in any case.
    r"|правительств(?:о|а|у|ом|е))"
    r"(?:\s+(?P<adj2>[\w-]+))?$",
    re.IGNORECASE,
)
# "les autorités fédérales et provinciales belges": a state's authorities are its government.
AUTHORITIES = re.compile(
    r"^(?:authorities|autorités|autoridades|behörden|власти|government|gouvernement|gobierno)\b"
    r".{0,60}?\b(?P<adj>[\w-]+)$",
    re.IGNORECASE,
)


def government(code: str) -> str:
    return f"Government of {country_name(code, article=True) or code}"


def state_named(text: str) -> str | None:
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
OF_STATE = re.compile(
    r"^(?P<what>.+?)\s+(?:of|de|du|de\s+la|del|der|des|von)\s+(?:the\s+)?(?P<state>[^,]+)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _portfolio_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(rf"^(?:{p})\b", re.I)) for name, p in _PORTFOLIOS)


def read_portfolio(text: str) -> tuple[str, str] | None:
    """(English portfolio, rest of the text) when ``text`` starts with a portfolio."""
    for name, pattern in _portfolio_patterns():
        if m := pattern.match(text):
            return name, text[m.end() :].strip()
    return None


def ministry_name(portfolio: str, code: str | None) -> str:
    base = f"Ministry of {portfolio}"
    return f"{base} of {country_name(code, article=True) or code}" if code else base


def read_ministry(text: str, country: str | None) -> tuple[str, str | None] | None:
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
    if code is None and CYRILLIC.search(what):
        # "иностранных дел Республики Беларусь": a genitive state after the portfolio.
        words_after = what.split()
        for cut in range(1, len(words_after)):
            if found := cat.state_code(" ".join(words_after[cut:])):
                code, what = found, " ".join(words_after[:cut])
                break
    portfolio = read_portfolio(what)
    code = code or country
    if portfolio is not None and ACRONYM.match(portfolio[1]):
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


def read_security_service(text: str, country: str | None) -> tuple[str, str | None] | None:
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


def security_portfolio(name: str) -> str | None:
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


def leader_state(text: str) -> str | None:
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
