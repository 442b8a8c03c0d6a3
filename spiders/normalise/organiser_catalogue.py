"""The organisations confwatch knows by name, in every language a page may name them.

``data/organisers.json`` holds each body's canonical name ("OSCE", "UNOCT"), its spellings and
acronyms in English, French, Russian, German, Spanish ..., and optionally the organisation it is a
unit of (``parent``) or the state it belongs to (``country``). Languages that decline nouns are
matched in any case: a Cyrillic word matches on its stem ("Организацией по безопасности и
сотрудничеству в Европе" is the OSCE), and the ``declined`` spellings (German) take their case
endings ("des Bundesamtes für Verfassungsschutz"). A Cyrillic acronym may carry a case ending
("МИДом", "МЗСам").

This module also knows the states a page may name as organisers, in those languages and cases
("Правительством Республики Таджикистан", "la Suisse", "España"), the adjectives that name them
("belarussischen", "burkinabé", "irakien") and the words that make a phrase an organisation's
name ("Ministry", "Préfecture", "Städteverband", "министерство").
"""

from __future__ import annotations

import gettext
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import pycountry

from confwatch.spiders.normalise import pattern_cache
from confwatch.spiders.normalise.places import country_code, fold

__all__ = [
    "Body",
    "catalogue",
    "demonym_code",
    "is_org_word",
    "known",
    "name_spans",
    "protect",
    "protect_spelled",
    "restore",
    "state_code",
    "stem_key",
]

MARK = "\x00"
PLACEHOLDER = re.compile(r"\x00(\d+)\x00")

# Case endings, longest first: a declined word and its dictionary form share what is left.
_CYRILLIC_ENDINGS = tuple(
    sorted(
        {
            fold(e)  # as ``fold`` writes them: "й" is "и", "ё" is "е"
            for e in [
                "ами",
                "ями",
                "ого",
                "его",
                "ому",
                "ему",
                "ыми",
                "ими",
                "ией",
                "иях",
                "иям",
                "ием",
                "ой",
                "ей",
                "ий",
                "ый",
                "ая",
                "яя",
                "ое",
                "ее",
                "ые",
                "ие",
                "ую",
                "юю",
                "ом",
                "ем",
                "ам",
                "ям",
                "ах",
                "ях",
                "ов",
                "ев",
                "ия",
                "ии",
                "ию",
                "ых",
                "их",
                "ым",
                "им",
                "а",
                "я",
                "о",
                "е",
                "ы",
                "и",
                "у",
                "ю",
                "ь",
                "й",
                "ае",
                "ага",
                "аму",
                "ымі",
                "амі",
                "ай",
            ]
        },
        key=len,
        reverse=True,
    )
)
_GERMAN_ENDINGS = ("es", "en", "er", "em", "e", "s", "n")
# Polish case endings, folded ("ą" is "a", "ę" is "e"): "Fundacja", "Fundację", "Fundacji";
# "Wyższa Szkoła", "Wyższą Szkołę"; "Uniwersytet", "Uniwersytetu" share a stem.
_LATIN_ENDINGS = tuple(
    sorted(
        {
            *_GERMAN_ENDINGS,
            "iego",
            "iej",
            "im",
            "ego",
            "emu",
            "ej",
            "ym",
            "ych",
            "ich",
            "ie",
            "iu",
            "a",
            "y",
            "i",
            "u",
        },
        key=len,
        reverse=True,
    )
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORDS = re.compile(r"\w+")
_MIN_STEM = 3


@dataclass(frozen=True)
class Body:
    name: str
    parent: str | None
    country: str | None
    acronyms: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    bodies: dict[str, Body]  # canonical name -> body
    by_alias: dict[str, str]  # folded spelling -> canonical name
    by_stem: dict[str, str]  # stem key of a spelling in a declining language -> canonical name
    by_acronym: dict[str, str]  # acronym exactly as written -> canonical name
    protect: re.Pattern[str]  # every spelling and acronym, as one trie
    by_compact: dict[str, str]  # folded spelling without spaces ("counterterrorism") -> name
    demonyms: dict[str, str]  # folded adjective -> ISO code
    demonym_stems: tuple[tuple[str, str], ...]  # folded stem of an adjective in any case -> code
    demonym_stem_codes: dict[str, str]  # the same stems as a dict (the first code of a stem)
    org_words: frozenset[str]
    org_stems: tuple[str, ...]  # Cyrillic stems: "министерств", "комитет"
    org_latin_stems: tuple[str, ...]  # Polish stems (written "fundacj-"): "fundacj", "szkoł"
    org_suffixes: tuple[str, ...]  # German compounds: "...ministerium", "...verband"


def _stem(word: str) -> str:
    """A folded word without its case ending ("организацией" -> "организац")."""
    w = fold(word)
    if len(w) < _MIN_STEM + 2:
        return w
    endings = _CYRILLIC_ENDINGS if _CYRILLIC.search(w) else _LATIN_ENDINGS
    for ending in endings:
        if w.endswith(ending) and len(w) - len(ending) >= _MIN_STEM:
            return w[: -len(ending)]
    return w


@lru_cache(maxsize=4096)
def stem_key(text: str) -> str:
    """A name with every word stemmed: two cases of one name share it."""
    return " ".join(_stem(w) for w in _WORDS.findall(text))


def _spelling_atoms(spelling: str, *, declined: bool) -> list[str]:
    """A name as regex atoms (one per letter, space or ending) that tolerate line breaks, hyphen
    variants ("Counter-\\nTerrorism") and, in a declining language, case endings. Letters are
    lower case: spellings match case-insensitively."""
    out: list[str] = []
    for token in re.split(r"(\w+)", spelling):
        if not token:
            continue
        if re.fullmatch(r"\w+", token):
            if _CYRILLIC.search(token) and len(token) >= _MIN_STEM + 2:
                out += [*_letters(token[: len(_stem(token))]), r"\w{0,4}"]
            elif declined and len(token) >= _MIN_STEM + 2 and token[0].isalpha():
                out += [*_letters(token), "(?:e|en|er|es|em|s|n)?"]
            else:
                out += _letters(token)
            continue
        for ch in token:
            if ch.isspace():
                atom = r"\s+"
            elif ch in "-‐‑–—":
                atom = r"[-‐‑–—\s]*"
            elif ch in "'’":
                atom = "['’]?"
            else:
                atom = re.escape(ch)
            if not out or out[-1] != atom or atom != r"\s+":
                out.append(atom)
    return out


def _letters(token: str) -> list[str]:
    # "ё" and "е" are one letter to a reader (and to ``fold``).
    return ["[её]" if ch in "еёЕЁ" else re.escape(ch.lower()) for ch in token]


def _acronym_atoms(acronym: str) -> list[str]:
    atoms = [re.escape(ch) for ch in acronym]
    if _CYRILLIC.search(acronym):
        atoms.append(r"(?:[а-яё]{1,3})?")  # "МИДом", "МЗСам"
    return atoms


_Trie = dict[str, "_Trie"]
_END = ""  # the key under which a name ends in the trie


def _trie_pattern(entries: list[list[str]]) -> str:
    """One regex for many names that share their beginnings: a trie of their atoms. A longer
    name is tried before a shorter one that it continues ("OSCE Parliamentary Assembly" before
    "OSCE"); which name matched is read back from the matched text (``known``)."""
    root: _Trie = {}
    for atoms in entries:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node.setdefault(_END, {})

    def emit(node: _Trie) -> str:
        parts = [atom + emit(child) for atom, child in node.items() if atom != _END]
        if _END in node:
            if not parts:
                return ""
            return "(?:" + "|".join(parts) + ")?"
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(root) if root else "(?!)"


def _load() -> dict[str, Any]:
    """The catalogue file as JSON gives it (``data/organisers.json``)."""
    raw = resources.files("confwatch.spiders.data").joinpath("organisers.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@cache
def catalogue() -> Catalogue:
    data = _load()
    bodies: dict[str, Body] = {}
    by_alias: dict[str, str] = {}
    by_stem: dict[str, str] = {}
    by_acronym: dict[str, str] = {}
    spellings: list[tuple[str, str, bool, bool]] = []  # (text, canonical, acronym, declined)
    for entry in data["bodies"]:
        name = entry["name"]
        acronyms = tuple(entry.get("acronyms", []))
        bodies[name] = Body(name, entry.get("parent"), entry.get("country"), acronyms)
        declined = entry.get("declined", [])
        for spelling in [name, *entry.get("aliases", []), *declined]:
            by_alias.setdefault(fold(spelling), name)
            is_declined = spelling in declined or bool(_CYRILLIC.search(spelling))
            if is_declined:
                by_stem.setdefault(stem_key(spelling), name)
            spellings.append((spelling, name, spelling.isupper(), spelling in declined))
        for acronym in acronyms:
            by_acronym[acronym] = name
            spellings.append((acronym, name, True, False))
    spelled: list[list[str]] = []
    written: list[list[str]] = []
    by_compact: dict[str, str] = {}
    for text, name, acronym, declined in sorted(set(spellings)):
        by_compact.setdefault(fold(text).replace(" ", ""), name)
        if acronym:
            written.append(_acronym_atoms(text))
        else:
            spelled.append(_spelling_atoms(text, declined=declined))
    # Spellings match case-insensitively; acronyms only as written ("RAN" is not "ran").
    body = f"(?i:{_trie_pattern(spelled)})|{_trie_pattern(written)}"
    protect = pattern_cache.compiled(rf"(?<![\w/])(?:{body})(?![\w/])")
    demonyms = {fold(k): v for k, v in data["demonyms"].items()}
    stems = data.get("demonym_stems", {})
    org_words = [fold(w) for w in data["org_words"] if not w.endswith("-")]
    latin_stems = tuple(fold(w[:-1]) for w in data["org_words"] if w.endswith("-"))
    demonym_stems = tuple(
        sorted(((fold(k), v) for k, v in stems.items()), key=lambda s: -len(s[0]))
    )
    return Catalogue(
        bodies=bodies,
        by_alias=by_alias,
        by_stem=by_stem,
        by_acronym=by_acronym,
        protect=protect,
        by_compact=by_compact,
        demonyms=demonyms,
        demonym_stems=demonym_stems,
        demonym_stem_codes={stem: code for stem, code in reversed(demonym_stems)},
        org_words=frozenset(w for w in org_words if not _CYRILLIC.search(w)),
        org_stems=tuple(w for w in org_words if _CYRILLIC.search(w)),
        org_latin_stems=latin_stems,
        org_suffixes=tuple(fold(w) for w in data.get("org_suffixes", [])),
    )


# --- one name -------------------------------------------------------------------------------

_CYRILLIC_CASE_TAIL = re.compile(r"(?<=[А-ЯЁ])[а-яё]{1,3}$")


def _named_as(matched: str) -> str:
    """The canonical name of a text the catalogue's pattern matched."""
    hit = known(matched)
    if hit is None:
        hit = catalogue().by_compact.get(fold(matched).replace(" ", ""))
    return hit or matched


def known(name: str) -> str | None:
    """The canonical name of a catalogued spelling or acronym, in any case of a declining
    language; None for a name the catalogue does not hold."""
    cat = catalogue()
    text = name.strip()
    hit = cat.by_alias.get(fold(text)) or cat.by_acronym.get(text)
    if hit is None and _CYRILLIC.search(text):
        hit = cat.by_stem.get(stem_key(text)) or cat.by_acronym.get(
            _CYRILLIC_CASE_TAIL.sub("", text)
        )
    if hit is None and len(text.split()) > 1:
        hit = cat.by_stem.get(stem_key(text))
    return hit


_ACRONYM_AFTER = re.compile(r"\s*\((?P<acr>[^()\n]{2,12})\)")


def name_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every catalogued name in ``text``, a name's own
    "(ACRONYM)" after it included."""
    cat = catalogue()
    spans: list[tuple[int, int, str]] = []
    last = 0
    for m in cat.protect.finditer(text):
        if m.start() < last:
            continue
        name = _named_as(m.group(0))
        end = m.end()
        if acr := _ACRONYM_AFTER.match(text, end):
            end = acr.end()
        spans.append((m.start(), end, name))
        last = end
    return spans


def protect(text: str) -> tuple[str, list[str]]:
    """``text`` with every catalogued name replaced by a placeholder (``\\x00N\\x00``), and the
    canonical names; a name's own "(ACRONYM)" after it goes with it."""
    protected, names, _ = protect_spelled(text)
    return protected, names


def protect_spelled(text: str) -> tuple[str, list[str], list[str]]:
    """``protect``, and the names as the text spells them (to put an uncatalogued name that
    contains a catalogued one back together as written: "Офисом программ ОБСЕ в Астане")."""
    spans = name_spans(text)
    if not spans:
        return text, [], []
    out: list[str] = []
    last = 0
    for k, (start, end, _) in enumerate(spans):
        out.append(text[last:start])
        out.append(f"{MARK}{k}{MARK}")
        last = end
    out.append(text[last:])
    return "".join(out), [name for _, _, name in spans], [text[s:e] for s, e, _ in spans]


def restore(text: str, names: list[str]) -> str:
    return PLACEHOLDER.sub(lambda m: names[int(m.group(1))], text)


# --- states, their adjectives, organisation words --------------------------------------------

_ARTICLE = re.compile(
    r"^(?:the|la|le|les|l['’]|el|los|las|der|die|das|dem|den|des|du|de\s+la|de|del)\s+",
    re.IGNORECASE,
)


@cache
def _states() -> tuple[dict[str, str], dict[str, str]]:
    """Folded and stemmed state names in German, Spanish, Belarusian, Ukrainian and Russian (the
    places module knows English, French and Russian dictionary forms), with the catalogue's own
    short forms ("Burkina")."""
    exact: dict[str, str] = {}
    stemmed: dict[str, str] = {}
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("de", "es", "ru", "be", "uk")
    ]
    for country in pycountry.countries:
        names = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
        for name in filter(None, names):
            for t in translations:
                form = t.gettext(name)
                exact.setdefault(fold(form), country.alpha_2)
                if _CYRILLIC.search(form):
                    stemmed.setdefault(stem_key(form), country.alpha_2)
    for name, code in _load().get("states", {}).items():
        exact[fold(name)] = code
        stemmed.setdefault(stem_key(name), code)
    return exact, stemmed


@lru_cache(maxsize=4096)
def state_code(text: str) -> str | None:
    """The ISO code of a state named in any of the languages and cases above, or None."""
    text = " ".join(text.split())
    if not text or len(text) > 60:
        return None
    bare = _ARTICLE.sub("", text)
    for form in (text, bare):
        code = country_code(form)
        if code:
            return code
    exact, stemmed = _states()
    code = exact.get(fold(bare))
    if code is None and (_CYRILLIC.search(bare) or " " not in bare):
        code = stemmed.get(stem_key(bare))
    return code


@lru_cache(maxsize=4096)
def demonym_code(word: str) -> str | None:
    """The state an adjective names, in any case or gender ("belarussischen", "burkinabé",
    "irakien", "белорусского")."""
    cat = catalogue()
    key = fold(word)
    if key in cat.demonyms:
        return cat.demonyms[key]
    # The longest stem that starts the word and leaves at most four letters of ending: the
    # first such in ``demonym_stems`` (longest first), looked up by the word's prefixes instead
    # of trying all ~720 stems on every new word.
    for length in range(len(key), max(len(key) - _DEMONYM_ENDING, 0) - 1, -1):
        code = cat.demonym_stem_codes.get(key[:length])
        if code is not None:
            return code
    return None


_DEMONYM_ENDING = 4  # letters a case or gender ending adds to a demonym's stem


# Words a Cyrillic stem starts that are no organisation: "отдельный" (separate) is not "отдел".
_NOT_ORG_STEMS = ("отдельн",)


@lru_cache(maxsize=8192)
def is_org_word(word: str) -> bool:
    """Whether a word makes a phrase an organisation's name: "Ministry", "Préfecture",
    "министерства", "Städteverband" (a German compound ending in an organisation word)."""
    cat = catalogue()
    key = fold(word)
    # Arabic writes its article on the word: "اللجنة" is "لجنة" (committee).
    if key in cat.org_words or (key.startswith("ال") and key[2:] in cat.org_words):
        return True
    if _CYRILLIC.search(key):
        return key.startswith(cat.org_stems) and not key.startswith(_NOT_ORG_STEMS)
    # Polish declines its organisation words too: "przez Fundację", "Wyższą Szkołę", "Uniwersytetu".
    if any(
        key.startswith(stem) and len(key) - len(stem) <= _LATIN_STEM_ENDING
        for stem in cat.org_latin_stems
    ):
        return True
    return len(key) > 6 and key.endswith(cat.org_suffixes)


_LATIN_STEM_ENDING = 4  # "uniwersytet" + "ach"; "komitet" + "owi"
