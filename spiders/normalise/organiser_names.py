"""One organiser's canonical name, and whether two names denote one body.

A catalogued body gets its canonical name ("Организацией Объединенных Наций" -> "United
Nations"); a state named as organiser is its government and a ministry gets the English name of
its portfolio and state (both read in ``organiser_states``); any other organisation keeps the
name the page gives it, with its acronym ("Financial Monitoring Unit (FMU)"). Lists of names are
split in ``organiser_lists``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_acronyms import (
    ACRONYM,
    ACRONYM_LIKE,
    TRAILING_ACRONYM,
    name_initials,
    title_case_acronym,
)
from confwatch.spiders.normalise.organiser_catalogue import (
    MARK,
    PLACEHOLDER,
    protect,
)
from confwatch.spiders.normalise.organiser_shape import org_like
from confwatch.spiders.normalise.organiser_states import (
    AUTHORITIES,
    GOVERNMENT,
    X_GOVERNMENT,
    government,
    leader_state,
    read_ministry,
    read_security_service,
    security_portfolio,
    state_named,
)
from confwatch.spiders.normalise.organiser_words import MINOR, WORD, clean
from confwatch.spiders.normalise.places import fold

__all__ = [
    "canonical_organiser",
    "is_known_body",
    "looks_like_organisation",
    "resolve",
    "same_body",
]


# --- one name --------------------------------------------------------------------------------


# German adds -es or -s to a neuter or masculine noun in the genitive ("des Bundesamtes",
# "des Verfassungsschutzes"); catalogue spellings are nominative.
_GERMAN_GENITIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{5,}s$")


# The genitive endings of German organisation compounds, each with its nominative: an
# uncatalogued "des Vereins X", "des RADIS-Forschungsnetzwerks" is named in the nominative, as
# the catalogue names the bodies it knows. Only endings no English or French word shares.
_GERMAN_GENITIVE_ENDINGS = (
    ("zentrums", "zentrum"),
    ("amtes", "amt"),
    ("amts", "amt"),
    ("instituts", "institut"),
    ("netzwerks", "netzwerk"),
    ("verbandes", "verband"),
    ("verbundes", "verbund"),
    ("gerichts", "gericht"),
    ("vereins", "verein"),
)
_GERMAN_WORD = re.compile(r"(?<![\w-])(?:[\w-]*-)?[A-ZÄÖÜ][a-zäöüß]{3,}(?![\w-])")


def _german_nominative(text: str) -> str:
    """The name with its German organisation compounds in the nominative ("Vereins Brückenbau"
    -> "Verein Brückenbau")."""

    def one(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        for genitive, nominative in _GERMAN_GENITIVE_ENDINGS:
            if low.endswith(genitive):
                return word[: len(word) - len(genitive) + len(nominative)]
        return word

    return _GERMAN_WORD.sub(one, text)


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
    if hit is None:
        hit = _unit_of_parent(text)
    if hit is None and (m := TRAILING_ACRONYM.search(text)):
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
    if m := GOVERNMENT.match(text):
        code = state_named(m.group("rest"))
        if code:
            return government(code), code, True
    if m := X_GOVERNMENT.match(text):
        # "Swiss Government", "Latvian Presidency", "Governo italiano"; "the Government" of the
        # event's state.
        adj = m.group("adj") or m.group("adj2")
        code = cat.demonym_code(adj) if adj else country
        if code:
            return government(code), code, True
    if (m := AUTHORITIES.match(text)) and (code := cat.demonym_code(m.group("adj"))):
        return government(code), code, True
    code = cat.state_code(text) or leader_state(text)
    if code and cat.known(text) is None:
        return government(code), code, True  # a state named as organiser is its government
    if found := read_ministry(text, country):
        return found[0], found[1], True
    if found := read_security_service(text, country):
        return found[0], found[1], True
    if written_acronym and (
        ACRONYM_LIKE.match(written_acronym) or title_case_acronym(text, written_acronym)
    ):
        # An uncatalogued body keeps the acronym the page gives it: "Financial Monitoring Unit
        # (FMU)" is matched by either of its names (``same_body``).
        return f"{_german_nominative(text)} ({written_acronym})", None, False
    return _german_nominative(text), None, False


# "X of the Y", "X (XA) de la Y": a name, then the body it belongs to in the genitive.
_OF_PARENT = re.compile(
    r"\s+(?:of|de|du|des|del|della|dello|do|da|der)\s+(?:the\s+|la\s+|los\s+|las\s+|l['’])?"
)
_OWN_ACRONYM = re.compile(r"\s*\([^()]{2,12}\)\s*$")
_GLOSSED_THEN_OWNER = re.compile(
    r"^(?P<name>[^()]{3,}\((?P<acr>[^()]{2,12})\))\s+(?:of|de|du|des|del|della|dello|do|da|der)"
    r"\s+(?:the\s+|la\s+|los\s+|las\s+|l['’])?[A-ZÀ-ÞА-ЯЁ]"
)


def _unit_of_parent(text: str) -> str | None:
    """A catalogued unit named with the catalogued body it belongs to after it ("Comité
    Interamericano contra el Terrorismo (CICTE) de la OEA", "Transnational Threats Department
    of the OSCE"): the unit, when the second body is one of its parents."""
    for m in _OF_PARENT.finditer(text):
        unit = _OWN_ACRONYM.sub("", text[: m.start()]).strip()
        if not unit or not (own := cat.known(unit)):
            continue
        parent = cat.known(_OWN_ACRONYM.sub("", text[m.end() :]).strip())
        if parent and parent != own and parent in _lineage(own):
            return own
    return None


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


# --- comparing names -------------------------------------------------------------------------


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
    if any(cat.stem_key(w) in _UNIT_WORDS for w in WORD.findall(rest)[:8]):
        return names[int(marks[0])]
    m = re.search(rf"\b(?:of|de|du|der|des)\s+(?:the\s+|la\s+|l['’])?{MARK}\d+{MARK}", protected)
    if (
        m
        and m.start() > 0
        and any(cat.is_org_word(w) for w in WORD.findall(protected[: m.start()]))
    ):
        return names[int(marks[0])]
    return None


def _names_of(name: str) -> list[str]:
    """A name and, for "Full Name (ACR)", each of its two forms."""
    m = TRAILING_ACRONYM.search(name)
    if not m:
        return [name]
    return [name, name[: m.start()].strip(), m.group("acr").strip()]


@lru_cache(maxsize=8192)
def _loose(name: str) -> str:
    """A name's words without minor words and case endings: "Ministry of the Interior of Spain"
    and "Ministry of Interior of Spain", "Schweizerischen Städteverband" and "Schweizerischer
    Städteverband" share it."""
    return " ".join(cat.stem_key(w) for w in WORD.findall(name) if fold(w) not in MINOR)


# The complement that names whose a body is once its state adjective is gone: "du parlement
# (marocain)", "of the (Kenyan) government".
_OWNER_TAIL = re.compile(
    r"\s+(?:du|de\s+la|de\s+l['’]|des|of\s+the|del|de\s+los|der|des)\s+\w+$", re.IGNORECASE
)


def _without_demonym(name: str) -> str | None:
    """A name without the state adjective after it: "Ecole Nationale de la Magistrature
    française" is the "Ecole Nationale de la Magistrature" (the adjective says whose it is)."""
    head, _, last = name.rpartition(" ")
    if len(head.split()) < 2 or cat.demonym_code(last) is None:
        return None
    return fold(head)


def _without_owner(name: str) -> str | None:
    """A name without the state's body it belongs to: "Chambre des conseillers du parlement
    marocain" is the "Chambre des conseillers" (the complement says whose it is)."""
    head, _, last = name.rpartition(" ")
    if cat.demonym_code(last) is None or not (tail := _OWNER_TAIL.search(head)):
        return None
    rest = head[: tail.start()]
    return fold(rest) if len(rest.split()) >= 2 and org_like(rest) else None


# A name's last complement naming a state: "... of the Philippines", "... de la Suisse".
_OF_STATE_TAIL = re.compile(
    r"^(?P<head>.+)\s+(?:of|de|du|del|des)\s+(?:the\s+|la\s+|le\s+|l['’])?(?P<state>[^\s].*)$"
)


def _without_state(name: str) -> str | None:
    """A name without the state it belongs to: "Department of Interior and Local Government of
    the Philippines" is the "Department of Interior and Local Government" (as a demonym after
    the name, the complement says whose it is)."""
    m = _OF_STATE_TAIL.match(name)
    if m is None or cat.state_code(m.group("state")) is None:
        return None
    head = m.group("head")
    return fold(head) if len(head.split()) >= 2 and org_like(head) else None


def _lead_and_acronym(short: str, long: str) -> bool:
    """ "CARICOM IMPACS" and "CARICOM Implementation Agency for Crime and Security (IMPACS)": one
    leading word, then a unit's acronym and its full name."""
    ws, wl = short.split(), long.split()
    if len(ws) != 2 or len(wl) < 3 or ws[0] != wl[0] or not ACRONYM.match(ws[1]):
        return False
    rest = " ".join(wl[1:])
    forms = _names_of(rest)
    if len(forms) > 1 and fold(forms[2]) == fold(ws[1]):
        return True
    return re.sub(r"[^A-Z]", "", ws[1]) == name_initials(forms[-2] if len(forms) > 1 else rest)


def same_body(a: str | None, b: str | None) -> bool:
    """Whether two names denote one body: spellings, acronyms and full names, cases of a declined
    name, and a unit and its organisation ("OSCE TNTD" is the OSCE; UNOCT and UNODC are
    different bodies)."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    if _lead_and_acronym(clean(a), clean(b)) or _lead_and_acronym(clean(b), clean(a)):
        return True
    fa, fb = _forms(a), _forms(b)
    if len(fa) > 1 or len(fb) > 1:
        return any(_same_body(x, y) for x in fa for y in fb)
    return _same_body(a, b)


def _forms(name: str) -> list[str]:
    """A name and, for "Full Name (ACR)", each of its two forms; so too when the genitive of
    its owner follows the acronym ("Centro Regional de Estudios (CREES) de la Escuela X" is
    also "CREES", the short form the page gives it)."""
    if len(names := _names_of(name)) > 1:
        return names
    owned = _GLOSSED_THEN_OWNER.match(name)
    if owned and ACRONYM_LIKE.match(owned.group("acr").strip()):
        return [name, *_names_of(owned.group("name").strip())[1:]]
    return [name]


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
    if _without_owner(ca) == fold(cb) or _without_owner(cb) == fold(ca):
        return True
    if _without_state(ca) == fold(cb) or _without_state(cb) == fold(ca):
        return True
    if (portfolio := security_portfolio(ca)) and portfolio in (ca, cb) and ca != cb:
        # A security service the page names without its state is any state's of that portfolio.
        return security_portfolio(cb) == portfolio
    for short, long in ((ca, cb), (cb, ca)):
        letters = re.sub(r"[^A-Za-zА-Яа-яЁё]", "", short)
        acronym = ACRONYM.match(short) and len(letters) >= 2 and " " in long
        if acronym and letters.upper() == name_initials(long):
            return True
    return False
