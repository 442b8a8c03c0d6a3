"""The places a running text names, each with the evidence a decision weighs.

``mentions(text)`` reads every city or country the text names with a place cue and says, for
each: the cue ("held in X", "in X", a venue word, a well-known landmark, "X hosted ..."), whether
it is a press dateline ("ULAANBAATAR, 6 July 2017 -", "CAIRO:"), whether its clause is about an
earlier or other meeting (a retrospective marker), the years its clause names, and the other
cities of the same name. ``find_place(text)`` is the choice for one text alone; the event's reader
(``event_place``) weighs the mentions of several texts together.

Words come from the alias data (``data/places.json``): cues before a name in several languages
("held", "in", "à", "в", "у", "дар", "في"), host verbs after it ("hosted", "a abrité", "acogió"),
postpositions after it ("хотод"), words between a cue and a name ("the city of", "шаҳри"). Names
in Russian and the region's languages are declined ("в Нью-Йорке", "у Мінску", "Тошкентда",
"Истанбули"): ``places`` strips the case endings before it looks a key up. Scripts without
capitals (Arabic) count every word as name-like; only a gazetteer hit after a cue is a place.
A country after a topic word ("devoted to", "посвящённая") with a bare "in" is what a meeting
discusses, not its venue; Italian "presso" opens a venue's phrase that ends in its town.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from confwatch.spiders.normalise import dates, lexicon, organiser_catalogue, places, quotes
from confwatch.spiders.normalise.places import Place

__all__ = ["PlaceMention", "choose", "find_place", "mentions", "name_city"]

# Cue strengths, strongest first. "held": "held in X", "hosted by X", "Venue: X", "Hotel Y, X";
# "landmark": "at the White House"; "host": "X hosted the conference"; "country after": "in X,
# Country"; "in": a bare preposition; "dateline": a press dateline, no cue at all.
STRONG_CUES = frozenset({"held", "landmark", "host", "venue line"})
# "la rencontre de Bamako": the meeting's name holds its city. The event's reader weighs it with
# the page's other texts; one text alone (``choose``) does not take it, as such a name may be
# another meeting's ("depuis la conférence de Paris").
MEETING_OF = "meeting of"

_TOKEN = re.compile(r"[^\W_](?:[\w’'.-]*[^\W_])?|[,();:\n]")
_PUNCT = frozenset({",", "(", ")", ";", ":", "\n"})
# A sentence ends at a stop, but not at an initial's ("J. Smith") nor at a day's ordinal dot
# ("am 11. Dezember", "den 3. März": German and Nordic write a day so).
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!(?<![\d.])\d)(?<!(?<![\d.])\d\d)[.!?](?=\s)|\n\s*\n")
_CLAUSE_START = re.compile(r"[;(]")
_CLAUSE_END = re.compile(r"[;)]")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A full date: "4-5 December 2014", "23. Juni 2016", "December 15-16, 2010", "07.10.2015".
_FULL_DATE = re.compile(
    r"(?<!\d)\d{1,2}(?:\s*[-–]\s*\d{1,2})?\.?\s+[^\W\d_]{3,}\.?,?\s+(?:19|20)\d\d(?!\d)"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?,\s+(?:19|20)\d\d(?!\d)"
    r"|(?<!\d)\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d(?!\d)"
)
# "CAIRO: ...", "MINSK – ...", "BOSTON—The ..." (American papers close up the em dash)
_DATELINE_MARK = re.compile(r"\s*(?::|[-–—]\s|—(?=[A-ZА-ЯЁ]))")
_MAX_NGRAM = 5
_MIN_LINE_WORDS = 6  # shorter lines are headings or menu entries
_LOOKBACK = 8  # words before "in" searched for "held" ("held from 21-22 March 2003 in X")
_CONFIDENT_POPULATION = 100_000
# "held in Suva", "findet in Eupen statt": a strong cue trusts smaller towns, down to the
# gazetteer's smallest (15,000 people).
_HELD_POPULATION = 15_000
_SOFT_WINDOW = 5  # words after "following the" that name the earlier meeting


@dataclass(frozen=True)
class PlaceMention:
    """One place a text names, and the evidence for and against it being the event's venue."""

    place: Place
    # "held", "landmark", "host", "country after", "in", "dateline", "venue line", "meeting of"
    cue: str
    start: int  # character offset in the text
    dateline: bool = False  # the city of a press dateline, named with no cue of its own
    background: str | None = None  # the retrospective marker of its clause
    years: tuple[int, ...] = ()  # the years its clause names
    dated: bool = False  # its clause gives a full date after it ("in Basel on 4-5 December 2014")
    others: tuple[Place, ...] = ()  # other cities of the same name, best first
    # "a regional conference in X": a meeting introduced with an indefinite article
    indefinite: str | None = None

    @property
    def strong(self) -> bool:
        return self.cue in STRONG_CUES


class _Phrases(frozenset[str]):
    """Phrases of several words, and the words they start with (a quick first test)."""

    first: frozenset[str]

    def __new__(cls, phrases: frozenset[str]) -> _Phrases:
        made = super().__new__(cls, phrases)
        made.first = frozenset(p.split()[0] for p in phrases if p)
        return made


@dataclass(frozen=True)
class _Words:
    strong: frozenset[str]
    weak: frozenset[str]
    host: frozenset[str]  # "hosted", "a abrité": the name before it hosts the event
    after: frozenset[str]  # postpositions: "Улаанбаатар хотод"
    skip: frozenset[str]  # between a cue and a name: "the city of", "шаҳри"
    capital: frozenset[str]  # "the Austrian capital Vienna", "العاصمة الإسبانية مدريد"
    venue: frozenset[str]  # "Hotel Y, Vienna", "UN Headquarters, New York"
    venue_of: frozenset[str]  # "Université de Kairouan" (not a palace: "Palacio de Viana")
    of: frozenset[str]  # "de", "of" after a venue word
    at: frozenset[str]  # "at", "au", "im": a venue follows
    articles: frozenset[str]  # "the", "la", "el" between "at" and a venue
    office: frozenset[str]  # "the OSCE Office in Tajikistan": part of a body's name, no venue
    affiliation: frozenset[str]  # "Professor at the University of X": a person's, no venue
    retrospective: tuple[str, ...]
    soft_retrospective: tuple[str, ...]  # background only before an event noun, no held word
    not_cities: frozenset[str]
    landmarks: frozenset[str]
    indefinite: re.Pattern[str]  # "a regional", "une", "einer": an article before a noun
    host_country: tuple[str, ...]  # "host country", "país anfitrión", "Gastgeberland"
    list_words: frozenset[str]  # "and", "und", "et", "и": between the items of a list
    host_by: tuple[str, ...]  # "hosted by", "auspiciada por": a host country follows
    regions: frozenset[str]  # "Comunidad de Madrid", "Region of X": a region, not its city
    world_regions: _Phrases  # "América Latina": no country, though it holds one's name
    capital_of: frozenset[str]  # "the capital of Tajikistan", "в столице Таджикистана"
    topic: re.Pattern[str]  # "devoted to", "посвящённая": what follows is the meeting's topic
    venue_phrase: frozenset[str]  # "presso": a venue's phrase follows, its town named last
    seat: frozenset[str]  # Polish "w", "we" after a body's name: the town is part of that name
    town: frozenset[str]  # "в г. X", "in the city of X": the text calls the name a town


@cache
def _words() -> _Words:
    data = places._alias_data()
    gaz = places._gazetteer()

    def keys(name: str) -> frozenset[str]:
        return frozenset(places.fold(w) for w in data.get(name, ()))

    return _Words(
        strong=gaz.strong_cues,
        weak=gaz.weak_cues,
        host=keys("host_verbs"),
        after=keys("after_cues"),
        skip=keys("cue_skip_words"),
        capital=keys("capital_words"),
        venue=keys("venue_words"),
        venue_of=keys("venue_of_words"),
        # Portuguese and Italian write "of" with its article: "da", "do", "della", "dell’"
        of=frozenset(
            {"of", "de", "du", "des", "d", "del", "di", "da", "do", "della", "dello", "dell"}
        ),
        at=keys("venue_lead_words"),
        articles=keys("articles"),
        office=keys("office_words"),
        affiliation=keys("affiliation_words"),
        retrospective=gaz.retrospective,
        soft_retrospective=tuple(
            places.fold(w) for w in data.get("soft_retrospective_markers", ())
        ),
        not_cities=gaz.not_cities,
        landmarks=gaz.landmarks,
        host_country=tuple(keys("host_country_words")),
        list_words=keys("list_words"),
        host_by=tuple(keys("host_by_words")),
        regions=keys("region_words"),
        world_regions=_Phrases(keys("world_regions")),
        capital_of=keys("capital_of_words"),
        topic=_topic_pattern(data.get("topic_words", ())),
        venue_phrase=keys("venue_phrase_leads"),
        seat=keys("body_seat_cues"),
        town=keys("town_words"),
        indefinite=re.compile(
            r"(?:^|\s|\b[dlDL]['’])(?:"
            + "|".join(re.escape(w) for w in data.get("indefinite_articles", ()))
            + r")\s+(?:(?!(?:the|la|le|les|el|los|las)\s)[^\W\d]+\s+)?$",
            re.IGNORECASE,
        ),
    )


def _topic_pattern(entries: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """The topic words as one expression over folded text: an entry ending in "-" is a stem
    ("посвящ-": "посвящённая", "посвященной"), the others whole words."""
    parts = [
        re.escape(places.fold(w[:-1])) if w.endswith("-") else re.escape(places.fold(w)) + r"\b"
        for w in entries
    ]
    return re.compile(r"\b(?:" + "|".join(parts) + ")" if parts else "(?!)")


# French and Italian elision glued to a name: "d’Abidjan" (of Abidjan), "l’Algérie", and the
# Italian preposition with its article: "all’Hotel" (at the), "nell’aula" (in the), "dell’" (of).
# A Turkish case ending after a name's apostrophe: the locative ("’da", "’te", "’ndaki": in X;
# group 1) or another case ("’a", "’dan", "’ın": to, from, of X).
_APOSTROPHE_CASE = re.compile(
    r"(?<=[^\W\d_]{2})['’](?:(n?[dt][ae](?:ki)?)|(?:y?[ae]|n?[dt][ae]n|n?[ıiuü]n))$", re.IGNORECASE
)
_ELIDED = re.compile(r"(?:[dlDL]|(?i:all|dell|nell|sull)(?=['’][^\W\d_]{2}))['’](?=[^\W\d_])")
_AT_THE = frozenset({"all", "nell", "sull"})  # Italian "at the", "in the", "on the"
_OF_THE = frozenset({"d", "dell"})
_ARTICLED = frozenset({"all", "dell", "nell", "sull"})


def _elided(token: str) -> bool:
    return _may_elide(token) and _ELIDED.match(token) is not None


def _may_elide(token: str) -> bool:
    # Every elision ends in an apostrophe: a token without one (most) needs no regex.
    return len(token) > 2 and ("’" in token or "'" in token)


def _elision(token: str) -> str:
    """The elided word glued before a name, lower case ("d", "l", "all", "dell"), or ""."""
    found = _ELIDED.match(token) if _may_elide(token) else None
    return found.group(0)[:-1].lower() if found else ""


def _after_elision(token: str) -> str:
    """The token without its elided word: "all’Hotel" -> "Hotel"."""
    found = _ELIDED.match(token) if _may_elide(token) else None
    return token[found.end() :] if found else token


def _capitalised(token: str) -> bool:
    """A name's first letter (after an elided article: "d’Abidjan"): upper case, or a letter of
    a script without case (Arabic)."""
    first = _after_elision(token)[0]
    if first.isupper():
        return True
    if "\u10d0" <= first <= "\u10ff":  # Georgian Mkhedruli: lower case by Unicode, caseless in use
        return True
    return not first.isascii() and first.isalpha() and not first.islower()


@dataclass(frozen=True)
class _Name:
    start: int  # token index
    end: int  # token index after the name
    country: str | None
    cities: tuple[places._City, ...]
    key: str


def _names(tokens: list[str], keys: list[str], whole: list[str] | None = None) -> list[_Name]:
    """The country and city names among the tokens, longest first at each place. ``keys`` read
    a word alone ("d’Abidjan": "abidjan"), ``whole`` inside a longer name ("Côte d’Ivoire")."""
    whole = whole or keys
    gaz = places._gazetteer()
    world_regions = _words().world_regions
    found: list[_Name] = []
    i = 0
    n = len(tokens)
    while i < n:
        if not keys[i] or not _capitalised(tokens[i]):
            i += 1
            continue
        run = 1  # words in a row from i (punctuation ends a name)
        while run < _MAX_NGRAM and i + run < n and keys[i + run]:
            run += 1
        matched: _Name | None = None
        region = 0
        if whole[i] in world_regions.first:  # most names start no part of the world
            region = next(
                (k for k in range(run, 1, -1) if " ".join(whole[i : i + k]) in world_regions), 0
            )
        if region:
            i += region  # "América Latina", "Central America": no country's place
            continue
        for size in range(run, 0, -1):
            if not _capitalised(tokens[i + size - 1]):
                continue
            key = " ".join(whole[i : i + size]) if size > 1 else keys[i]
            code = places.declined_country(key)
            if code is None and size > 1 and key in gaz.us_states:
                code = "US"
            if code is None and size > 2:
                code = places._country_by_key(key)
            hits = places._cities(key)
            if code is not None and hits:
                # "in Montenegro", "in Armenien": a country's name is the country, not a town of
                # that name elsewhere (Montenegro in Brazil, Armenia in Colombia); only a city's
                # own name that is a country's name in another language stays a city ("Granada"
                # is Grenada in Spanish). A capital called by its country's name only as a
                # second name ("México" for Mexico City, "Panamá", "Guatemala") is the country;
                # a city-state's own name stays its city ("Singapore", "Djibouti").
                english = places.english_country_name(key)
                hits = tuple(c for c in hits if c.primary and (c.country == code or not english))
            if code is not None or hits:
                matched = _Name(i, i + size, code, hits, key)
                break
        if matched is None:
            matched = _city_district(tokens[i], i)
        if matched is not None and matched.country is None:
            matched = _qualified(matched, tokens, whole) or matched
        if matched is None:
            i += 1
            continue
        found.append(matched)
        i = matched.end
    return found


_DISTRICT_MIN_POPULATION = 100_000


def _qualified(name: _Name, tokens: list[str], whole: list[str]) -> _Name | None:
    """ "Frankfurt (Oder)", "Halle (Saale)": a town told apart from a namesake by its river or
    region in brackets is the gazetteer's town of that full name, not the bigger namesake."""
    end = name.end
    if end + 2 >= len(tokens) or tokens[end] != "(" or tokens[end + 2] != ")":
        return None
    cities = places._gazetteer().cities
    # "Neustadt (Weinstraße)" is the gazetteer's "Neustadt an der Weinstraße"
    for joint in (" ", " an der ", " am ", " in der "):
        key = f"{name.key}{joint}{whole[end + 1]}"
        hits = cities.get(key, ())
        if hits:
            return _Name(name.start, end + 3, None, hits, key)
    return None


def _city_district(token: str, i: int) -> _Name | None:
    """ "Abidjan-Plateau", "Dakar-Plateau", "Alger-Centre": a large city with its district or
    commune glued on by a hyphen, a name the gazetteer lacks, is in that city. Not when the other
    part is a place itself ("Rabat-Salé", "Moscow-Beijing": two places, or a region)."""
    head, sep, tail = token.partition("-")
    if not sep or not tail[:1].isupper() or places._cities(places.fold(token)):
        return None
    key = places.fold(head)
    hits = tuple(c for c in places._cities(key) if c.population >= _DISTRICT_MIN_POPULATION)
    tail_key = places.fold(tail)
    if not hits or places._cities(tail_key) or places._country_by_key(tail_key):
        return None
    if places.declined_country(key) is not None:
        return None
    return _Name(i, i + 1, None, hits, key)


_ARABIC_IN = "ب"


def _proclitic_name(whole: list[str], i: int) -> bool:
    """The word at ``i`` is "ب" glued to a city's or country's name (alone or with the next
    word), and no name itself."""
    key = whole[i]
    if places._cities(key) or places.declined_country(key):
        return False
    rest = places.fold(key[1:])
    if places._cities(rest) or places.declined_country(rest):
        return True
    following = whole[i + 1] if i + 1 < len(whole) else ""
    return bool(following) and bool(places._cities(f"{rest} {following}"))


class _Text:
    """One text cut into tokens, with its sentence bounds, read once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.matches = list(_TOKEN.finditer(text))
        self.tokens = [m.group() for m in self.matches]
        self.whole = [places.fold(t) if t not in _PUNCT else "" for t in self.tokens]
        # a word alone drops its elided article: "d’Abidjan" is looked up as "abidjan"
        self.keys = [
            places.fold(_after_elision(t)) if _elided(t) else k
            for t, k in zip(self.tokens, self.whole, strict=True)
        ]
        # Italian "dell’", "all’", "nell’" absorb the article of a name that has one: "dell’Aquila"
        # is "di L’Aquila"; only when the bare word names no place.
        for i, token in enumerate(self.tokens):
            if _elision(token) in _ARTICLED and not places._cities(self.keys[i]):
                articled = "l" + self.keys[i]
                if places._cities(articled):
                    self.keys[i] = articled
        # Turkish writes a name's case ending after an apostrophe: "Ankara’da" is "in Ankara".
        self.locative = [False] * len(self.tokens)
        for i, token in enumerate(self.tokens):
            suffix = _APOSTROPHE_CASE.search(token) if "’" in token or "'" in token else None
            if suffix is not None:
                self.whole[i] = self.keys[i] = places.fold(token[: suffix.start()])
                self.locative[i] = suffix.group(1) is not None
        # Arabic glues the preposition "ب" (in) to the name: "بالقاهرة" is "in Cairo", "بشرم
        # الشيخ" "in Sharm El-Sheikh". Only when the word is no name itself ("بغداد").
        self.proclitic = [False] * len(self.tokens)
        for i, token in enumerate(self.tokens):
            if len(token) >= 4 and token[0] == _ARABIC_IN and _proclitic_name(self.whole, i):
                self.whole[i] = self.keys[i] = places.fold(token[1:])
                self.proclitic[i] = True
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)]

    def offset(self, token: int) -> int:
        return self.matches[token].start()

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, offset)
        begin = self.ends[i - 1] if i else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        return begin, end

    def clause(self, offset: int) -> tuple[str, int]:
        """The clause around ``offset`` (its sentence, cut at ";" and parentheses) and where it
        starts."""
        begin, end = self.sentence_bounds(offset)
        opening = max(
            (m.end() for m in _CLAUSE_START.finditer(self.text, begin, offset)), default=begin
        )
        closing = _CLAUSE_END.search(self.text, offset, end)
        return self.text[opening : closing.start() if closing else end], opening


def _cue_before(t: _Text, start: int, words: _Words) -> str | None:
    """The cue before a name: "held" ("held in X", "Venue: X", "Hotel Y, X"), "venue of" ("au
    Palais provincial de Mons", "University of Kairouan"), "in" ("in X"), or None."""
    keys = t.keys
    venue = _venue_of(t, start, words)
    if venue is not None:
        return venue
    if _venue_phrase_before(t, start, words):
        return "held"  # "presso la Sala Conferenze ... dell’Università degli Studi di Bergamo"
    if _venue_town(t, start):
        return "held"  # "в ... университете права, бизнеса и политики города Худжанд"
    if _postcode_before(t, start) or _street_before(t, start):
        return "in"  # "Amstelpark 1, 1083 HZ Amsterdam", "95 avenue de France, 75013 Paris"
    # "(Strasbourg, 22-24 November 2021)": a meeting's own place and date in brackets.
    if start >= 1 and t.tokens[start - 1] == "(" and _date_follows(t, start):
        return "held"
    j = start - 1
    seen_capital = False
    adjective_left = 1  # one word beside "capital": "the Austrian capital Vienna"
    while j >= 0:
        key = keys[j]
        if key in words.capital:
            seen_capital = True
        elif key == "" and t.tokens[j] == "," and j >= 1 and keys[j - 1] in words.capital:
            pass  # "in the Kazakh capital, Astana"
        elif (
            key == ""
            and t.tokens[j] == ","
            and adjective_left
            and j >= 2
            and keys[j - 2] in words.capital
            and t.tokens[j - 1][:1].islower()
        ):
            pass  # Romance order: "la capitale autrichienne, Vienne", "na capital italiana, Roma"
        elif key not in words.skip:
            next_to_capital = seen_capital or (j >= 1 and keys[j - 1] in words.capital)
            if not (adjective_left and key and next_to_capital):
                break
            if key in words.weak or key in words.strong:
                break
            adjective_left = 0
        j -= 1
    if j < 0:
        return None
    if _ends_sentence(t, j):
        return None  # "... fand statt. Belgien und Deutschland ...": the cue ends another sentence
    key = keys[j]
    if key in words.strong:
        return "held"
    if key in words.weak:
        if j >= 1 and keys[j - 1] in words.strong:
            return "held"
        if key in words.seat and _body_seat(t, j, words):
            return "seat"  # "KWP w Gdańsku", "Wyższej Szkoły Policji w Szczytnie"
        if _office_before(keys, j, words):
            return "office in"  # "the OSCE Office in Tajikistan" names a body, not a venue
        # "was held from 21-22 March 2003 in Karambunai": the held word earlier in the clause.
        begin, _ = t.sentence_bounds(t.offset(j))
        for k in range(j - 1, max(-1, j - 1 - _LOOKBACK), -1):
            if t.offset(k) < begin or t.tokens[k] in {";", "("}:
                break
            if keys[k] in words.strong:
                # "held a conference devoted to security in X": the held word is the meeting's,
                # the place after the topic word is what it discusses
                topic = words.topic.search(" ".join(keys[k + 1 : j]))
                return "in" if topic else "held"
        return "in"
    # "Venue: X", "at the UN Headquarters, New York", "Hotel Y, Vienna".
    if key == "" and j >= 1 and (keys[j - 1] in words.venue or keys[j - 1] in words.strong):
        return "held"
    # "at Kopanong Hotel at Benoni": a venue's word, then "at" and its town.
    if key in words.at and j == start - 1 and j >= 1 and _bare(t, j - 1) in words.venue:
        return "held"
    return None


_ACRONYM_TOKEN = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ][A-Za-ząćęłńóśźż]*[A-ZĄĆĘŁŃÓŚŹŻ][A-Za-z]*")
_SEAT_NAME_WORDS = 8  # "Państwowej Wyższej Szkoły Zawodowej im. Prezydenta Stanisława X"


def _body_seat(t: _Text, j: int, words: _Words) -> bool:
    """Polish names a body with its town: "Komenda Wojewódzka Policji w Gdańsku", "KWP w
    Gdańsku", "Ambasady USA w Warszawie". The name before the "w" at ``j`` (capitalised words
    and links) that holds an organisation word or ends in an acronym is the body's, and the town
    its seat, unless the name is itself a venue after "w" ("w Komendzie Policji w Gdańsku") or
    an event's ("Konferencja Naukowa w Lublinie")."""
    k = j - 1
    if k < 0 or not t.keys[k] or not _capitalised(t.tokens[k]):
        return False
    acronym = _ACRONYM_TOKEN.fullmatch(t.tokens[k]) is not None
    first = k
    while first > max(0, j - 1 - _SEAT_NAME_WORDS) and t.keys[first - 1]:
        token = t.tokens[first - 1]
        if not (_capitalised(token) or t.keys[first - 1] in _SEAT_LINKS):
            break
        first -= 1
    while first < k and t.keys[first] in _SEAT_LINKS:
        first += 1
    name = t.tokens[first : k + 1]
    if first >= 1 and (t.keys[first - 1] in words.seat or t.keys[first - 1] in words.weak):
        return False  # "w Komendzie Wojewódzkiej Policji w Gdańsku": the venue and its town
    if lexicon.has_event_word(" ".join(name), lexicon.STRONG | lexicon.WEAK):
        return False
    return acronym or any(organiser_catalogue.is_org_word(w) for w in name)


# Small words inside a Polish body's name: "Centrum Badań nad Terroryzmem", "Szkoła im. X".
_SEAT_LINKS = frozenset({"i", "im", "nad", "na", "rzecz", "do", "spraw", "ds", "dla"})


def _ends_sentence(t: _Text, j: int) -> bool:
    """Token ``j`` is its sentence's last word ("fand ... statt."), not a cue of the next
    sentence's names ("в г. Душанбе": the abbreviation's dot is no such end)."""
    end = t.matches[j].end()
    i = bisect.bisect_left(t.ends, end)
    return i < len(t.ends) and t.ends[i] - 1 == end


_VENUE_PHRASE = 12  # words of a venue's phrase between "presso" and "di" and its town


def _venue_phrase_before(t: _Text, start: int, words: _Words) -> bool:
    """The name ends a venue's phrase that "presso" opens: "presso l’aula Fermi della
    biblioteca d’Ateneo di Campobasso". Italian "presso" says "at" a place; the phrase's
    rooms and buildings stand in the town its last "di" names. Punctuation ends the phrase."""
    # the "di" glued to the name ("dell’Aquila", "d’Ancona") or a word before it
    of = start if _elision(t.tokens[start]) in _OF_THE else start - 1
    if not words.venue_phrase or of < 1 or (of != start and t.keys[of] not in words.of):
        return False
    for k in range(of - 1, max(-1, of - 1 - _VENUE_PHRASE), -1):
        if t.tokens[k] in _PUNCT:
            return False
        if t.keys[k] in words.venue_phrase:
            return True
    return False


# The Russian genitive "of the city" after a venue: "в ... университете ... города Худжанд".
_TOWN_OF = frozenset({"города", "г"})
# A venue in the locative after "в", "во", "на": a university, institute, hall, centre, ...
_RU_VENUE_IN = re.compile(
    r"(?<!\w)(?:[Вв]о?|[Нн]а)\s+(?:[^\s.;:]+\s+){0,3}?"
    r"(?:университет|филиал|институт|академи|колледж|техникум|театр|библиотек|музе|дворц|доме\b"
    r"|центр|училищ|лице|гимнази|зал|здани)\w*(?!\w)"
)
_TOWN_REACH = 120  # characters before "города" searched for the venue


def _venue_town(t: _Text, start: int) -> bool:
    """The name follows "города" (of the city) that ends a venue's phrase in the locative: "в
    Таджикском государственном университете права ... города Худжанд". The venue stands in
    that town; "администрации города X" names a body, no venue, and is left alone."""
    if start < 1 or t.keys[start - 1] not in _TOWN_OF:
        return False
    begin, _ = t.sentence_bounds(t.offset(start))
    at = t.offset(start - 1)
    return _RU_VENUE_IN.search(t.text, max(begin, at - _TOWN_REACH), at) is not None


_POSTCODE = re.compile(r"(?!(?:19|20)\d\d$)\d{4,5}")  # not a year
_POSTCODE_LETTERS = re.compile(r"[A-Z]{2}")  # the Dutch "1083 HZ"


# A street's word in an address: "95 avenue de France", "12 rue X", "Calle Mayor 5".
_STREET_WORDS = frozenset(
    {"avenue", "rue", "boulevard", "street", "road", "calle", "avenida", "strasse", "via", "piazza"}
)
_STREET_REACH = 6  # tokens of a street address between its number and the comma before the town


def _street_before(t: _Text, start: int) -> bool:
    """A street address and a comma right before the name: "Salle Tabarly, 95 avenue de France,
    Paris 13e", "Hotel X, 12 rue Y, Dakar": an address ends in its town."""
    if start < 3 or t.tokens[start - 1] != ",":
        return False
    part = range(start - 2, max(-1, start - 2 - _STREET_REACH), -1)
    street = next((k for k in part if t.tokens[k] in _PUNCT or t.keys[k] in _STREET_WORDS), None)
    if street is None or t.keys[street] not in _STREET_WORDS:
        return False
    return any(_HOUSE.fullmatch(t.tokens[k]) for k in range(max(0, street - 1), start - 1))


_HOUSE = re.compile(r"\d{1,4}[a-z]?")  # a house number


def _postcode_before(t: _Text, start: int) -> bool:
    """A postal code right before the name: a street address ends in its town ("1083 HZ
    Amsterdam", "75013 Paris", "3011 Bern")."""
    j = start - 1
    if j >= 1 and _POSTCODE_LETTERS.fullmatch(t.tokens[j]):
        j -= 1
    return j >= 0 and _POSTCODE.fullmatch(t.tokens[j]) is not None


def _office_before(keys: list[str], j: int, words: _Words) -> bool:
    """An office's or a post's word before the "in" at ``j``: "the OSCE Office in", "the
    Ambassador of Canada in", "миссии ОБСЕ в"."""
    if j >= 1 and keys[j - 1] in words.office:
        return True
    # one name between, with or without "of": "Embassy of Canada in", "миссии ОБСЕ в"
    return (j >= 3 and keys[j - 2] in words.of and keys[j - 3] in words.office) or (
        j >= 2 and keys[j - 2] in words.office and keys[j - 1] not in words.weak
    )


def _venue_of(t: _Text, start: int, words: _Words) -> str | None:
    """A venue named with its city after "of": "venue of" for a university or academy ("à
    l’Université de Kairouan", "at the University of X"), "named venue" for a hotel or hall by
    its own name ("au Sofitel d’Abidjan", "im Kongresshaus of Y"). Only where a word says "at"
    before it: "the attacks against the University of X" and "an institute based within the
    University of X" name a body, not a venue."""
    keys, tokens = t.keys, t.tokens
    if _elision(tokens[start]) in _OF_THE:
        of = start  # "d’Abidjan": the "of" is inside the name's token
    elif start >= 1 and keys[start - 1] in words.of:
        of = start - 1
    else:
        return None
    # "el Hotel Hilton de la Ciudad de Buenos Aires": "of the city" between a venue and its city
    if of >= 3 and keys[of - 1] in words.capital and keys[of - 2] in words.articles:
        of = of - 3 if keys[of - 3] in words.of else of
    venue = next(
        (k for k in range(of - 1, max(-1, of - 4), -1) if _bare(t, k) in words.venue_of), None
    )
    if venue is None:
        venue = _named_part_before(t, of, words)
    if venue is not None:
        first = _enclosing(t, venue, words)
        if _post_before(t, first, words):
            return None
        return "venue of" if _at_before(t, first, words) else None
    first = of  # a name of one to three capitalised words before "of": "Sofitel", "Hotel Ukraina"
    while first > 0 and of - first < 3 and keys[first - 1] and _capitalised(tokens[first - 1]):
        first -= 1
    if first == of or all(_bare(t, k) in words.venue for k in range(first, of)):
        return None  # "el Palacio de Viana", "Palais de Justice": a building named for no city
    anchor = first
    if anchor >= 1 and _bare(t, anchor - 1) in words.venue:
        anchor -= 1  # "à l’hôtel Hilton de N’Djamena": the common noun before the brand
    if not _at_before(t, anchor, words) or _post_before(t, anchor, words):
        return None
    return "named venue"


_PART_NAME_WORDS = 6  # words of a faculty's own name: "Faculté de Droit et Science Politique"
# The links inside a faculty's or school's own name: "Law and Political Science", "Droit et
# Science Politique", "Derecho y Ciencias Sociales"
_NAME_LINKS = frozenset({"and", "et", "und", "y", "e", "of", "de", "des", "di", "del", "der"})


def _named_part_before(t: _Text, of: int, words: _Words) -> int | None:
    """The faculty or school whose own name, of capitalised words and links, runs up to the "of"
    at ``of`` before its town: "à la Faculté de Droit et Science Politique de Nice", "at the
    School of Law and Government of X"."""
    k = of - 1
    while k >= 0 and of - k <= _PART_NAME_WORDS and t.keys[k]:
        bare = _bare(t, k)
        if bare in _PART_NOUNS and _capitalised(t.tokens[k]):
            return k
        if not (_capitalised(t.tokens[k]) or t.keys[k] in _NAME_LINKS):
            return None
        k -= 1
    return None


def _post_before(t: _Text, k: int, words: _Words) -> bool:
    """A person's post or profession a few words before the venue at ``k``: "Professeur de
    Criminologie à l’Université de X", "avocat au Barreau de X" name where one works, not where
    the event meets."""
    return any(t.keys[j] in words.affiliation for j in range(max(0, k - _POST), k))


_POST = 5  # words before "at the University of X" searched for a post: "Professor of Law at"
_AFFILIATION_REACH = 8  # words of a post's phrase before its city: "professor emeritus at ... of"


def _affiliation_before(t: _Text, start: int, words: _Words) -> bool:
    """A person's post opens the phrase that ends in the name, with no punctuation between:
    "Professor Emeritus of the University of Leeds (UK)" names where one works."""
    for j in range(start - 1, max(-1, start - 1 - _AFFILIATION_REACH), -1):
        if t.tokens[j] in _PUNCT:
            return False
        if t.keys[j] in words.affiliation:
            return True
    return False


_ROMANCE_OF = frozenset({"de", "du", "di", "del"})
_NOUN_SPAN = 3  # an event noun and up to two words of its own: "séminaire régional de"


def _meeting_of(t: _Text, start: int) -> bool:
    """An event noun right before "de" and a city: "la rencontre de Bamako", "le séminaire
    régional de N’Djamena", "la reunión de Lima", "il convegno di Torino". French, Spanish and
    Italian name a meeting by its city so; the city is its venue. (English "the conference of"
    names a body's members, so "of" is left out.)"""
    if _elision(t.tokens[start]) in _OF_THE:
        of = start  # "la rencontre d’Abidjan"
    elif start >= 1 and t.keys[start - 1] in _ROMANCE_OF:
        of = start - 1
    else:
        return False
    first = of
    while first > 0 and of - first < _NOUN_SPAN and t.keys[first - 1]:
        first -= 1  # punctuation ends the noun's phrase
    if first == of:
        return False
    window = t.text[t.offset(first) : t.offset(of)]
    return lexicon.has_event_word(window, lexicon.STRONG | lexicon.WEAK)


_ENCLOSING = 2  # venues named inside each other: "the Faculty of Law of the University of X"
_PART_WORDS = 3  # capitalised words of the part's own name: "Facultad de Derecho"


def _enclosing(t: _Text, k: int, words: _Words) -> int:
    """The first word of the named part a venue at ``k`` belongs to: "en la Facultad de Derecho
    de la Universidad Nacional de Mar del Plata", "at the Faculty of Law of the University of
    X"; the "at" stands before the part. ``k`` itself when no such part comes before it."""
    for _ in range(_ENCLOSING):
        j = k - 1
        while j >= 0 and t.keys[j] in words.articles:
            j -= 1
        if j < 1 or t.keys[j] not in words.of:
            return k
        first = j
        while first > 0 and j - first < _PART_WORDS * 2 and t.keys[first - 1]:
            token = t.tokens[first - 1]
            if not (_capitalised(token) or t.keys[first - 1] in words.of):
                break
            first -= 1
        while first < j and not _capitalised(t.tokens[first]):
            first += 1  # the part's name opens on a capital: "Facultad", not "de"
        if first == j or _bare(t, first) not in _PART_NOUNS:
            return k  # "in the Context of the Implementation of ...": no part of a venue
        k = first
    return k


# The parts a university or a building is made of: "the Faculty of Law of the University of X"
_PART_NOUNS = frozenset(
    places.fold(w)
    for w in [
        "faculty",
        "facultad",
        "faculté",
        "fakultät",
        "facoltà",
        "faculdade",
        "school",
        "escuela",
        "école",
        "escola",
        "scuola",
        "department",
        "departamento",
        "département",
        "dipartimento",
        "institute",
        "instituto",
        "institut",
        "campus",
        "sede",
        "aula",
        "hall",
        "centre",
        "center",
        "centro",
        "library",
        "biblioteca",
        "bibliothèque",
        "auditorium",
        "auditorio",
        "auditório",
    ]
)


def _at_before(t: _Text, k: int, words: _Words) -> bool:
    """A word that says "at" before token ``k``: "at", "au", "im", or a preposition with an
    article ("in the", "à l’", "en el")."""
    token = t.tokens[k]
    if _elision(token) in _AT_THE:
        return True  # "all’Hotel Regina": the preposition and its article glued to the venue
    if _elision(token) == "l" and k >= 1:
        return t.keys[k - 1] in words.weak or t.keys[k - 1] in words.at
    j = k - 1
    article = False
    while j >= 0 and t.keys[j] in words.articles:
        j, article = j - 1, True
    if j < 0:
        return False
    key = t.keys[j]
    # "celebrado en Ficoba de Irún", "held in Kursaal of X": a bare "in" after the held word
    held_in = key in words.weak and j >= 1 and t.keys[j - 1] in words.strong
    with_article = key in words.weak or key in words.strong or key in _AT_WITH_ARTICLE
    return key in words.at or held_in or (article and with_article)


# German "an der", "an dem" say "at the"; English "an" is an article, so only with one after it.
_AT_WITH_ARTICLE = frozenset({"an"})
_VENUE_REACH = 4  # words from a venue's word to the "in" before its town: "au centre René Char à"


def _venue_before_in(t: _Text, start: int, words: _Words) -> bool:
    """The bare "in" before the name closes a venue's phrase that a word saying "at" opens: "au
    centre René Char à Digne", "an der Polizeiakademie Niedersachsen in Nienburg", "at the Grand
    Hall in Suva". The venue stands in that town."""
    j = start - 1
    if j < 1 or t.keys[j] not in words.weak:
        return False
    for k in range(j - 1, max(-1, j - 1 - _VENUE_REACH), -1):
        if not t.keys[k]:
            return False  # punctuation ends the venue's phrase
        bare = _bare(t, k)
        if _venue_word(bare, words):
            return _at_before(t, k, words) and not _post_before(t, k, words)
    return False


_COMPOUND_HEAD = 6  # letters of a compound's venue word: "Polizeiakademie", "Stadthalle"


def _venue_word(bare: str, words: _Words) -> bool:
    """A venue's word, or a German compound that ends in an institution's word
    ("Polizeiakademie")."""
    return bare in words.venue or _institution_word(bare, words)


def _institution_word(bare: str, words: _Words) -> bool:
    """A university's, academy's or institute's word, or a German compound ending in one."""
    if bare in words.venue_of:
        return True
    return any(
        len(bare) > len(w) and len(w) >= _COMPOUND_HEAD and bare.endswith(w) for w in words.venue_of
    )


def _bare(t: _Text, k: int) -> str:
    """A token's key without an elided article: "l’Université" -> "universite", "all’Hotel"
    -> "hotel"."""
    token = t.tokens[k]
    if _elided(token):
        return places.fold(_after_elision(token))
    return t.keys[k]


def _date_follows(t: _Text, start: int) -> bool:
    """A name, then up to two more of its words, a comma and a day: "Strasbourg, 22-24 ..."."""
    for k in range(start + 1, min(start + 4, len(t.tokens) - 1)):
        if t.tokens[k] == ",":
            return t.tokens[k + 1][:1].isdigit()
    return False


def _cue_after(t: _Text, name: _Name, words: _Words) -> str | None:
    keys = t.keys
    end = name.end
    if _named_venue_city_last(t, name, words):
        return "held"  # "im ZKM Karlsruhe", "at Kursaal Bern": a venue, its city last
    if _venue_closes_heading(t, name, words):
        return "held"  # "... conference Almaty, The Kazakh State University": city first
    if end >= len(keys):
        return None
    pair = f"{keys[end]} {keys[end + 1]}" if end + 1 < len(keys) else ""
    if keys[end] in words.host or pair in words.host:
        return "host"  # "Minsk hosted the conference", "Rabat a abrité ..."
    if keys[end] in words.after:
        return "in"  # "Улаанбаатар хотод"
    if keys[end] in words.venue and _at_before(t, name.start, words):
        return "held"  # "held at the Cairo headquarters of ...": a venue in that city
    if name.country is not None and not name.cities and _host_country(t, name, words):
        return "host"  # "Argentina was the host country", "le pays hôte, le Maroc"
    return None


_HOST_WINDOW = 4  # words between a country and "host country"
_VENUE_NAME_WORDS = 2  # capitalised words of a venue's own name before its city


@cache
def _weekdays() -> frozenset[str]:
    return dates.weekday_forms(dates.DEFAULT_LANGUAGES)


def _named_venue_city_last(t: _Text, name: _Name, words: _Words) -> bool:
    """A venue's own name of one or two capitalised words, then its city, after a word that says
    "at" ("im ZKM Karlsruhe", "at Kursaal Bern", "au Théâtre Nantes"): the city closes the name
    (no capitalised word follows: "at George Washington University" is a university's name)."""
    keys, tokens = t.keys, t.tokens
    if not name.cities or (name.end < len(tokens) and _capitalised(tokens[name.end])):
        return False
    for first in range(name.start - 1, max(-1, name.start - 1 - _VENUE_NAME_WORDS), -1):
        if not keys[first] or not _capitalised(tokens[first]) or keys[first] in _weekdays():
            return False  # "am Montag Berlin": a day, no venue's name
        j = first - 1
        while j >= 0 and keys[j] in words.articles:
            j -= 1
        if j >= 0 and keys[j] in words.at:
            return True
        if j < first - 1 and j >= 0 and (keys[j] in words.weak or keys[j] in _AT_WITH_ARTICLE):
            # "in der Friedrich-Ebert-Stiftung Berlin", "an der Universität X Frankfurt": "in"
            # or "an" with an article before a venue's own name
            return _venue_name_ends_in_town(t, name, first, words)
    return False


def _venue_name_ends_in_town(t: _Text, name: _Name, first: int, words: _Words) -> bool:
    """The capitalised words from ``first`` are an institution's own name that its town closes
    ("Friedrich-Ebert-Stiftung", "Europa-Universität Viadrina"): not a region's ("en el País
    Vasco", "en la Triple Frontera"), not a longer name ("en la Escuela Superior de Guerra"), not
    where a speaker works ("Professor für X an der Universität Münster")."""
    if name.country is not None or _affiliation_before(t, name.start, words):
        return False
    if name.end < len(t.keys) and t.keys[name.end] in words.of:
        return False
    parts = [p for k in range(first, name.start) for p in _bare(t, k).replace("-", " ").split()]
    # an institution's word, not a palace's or hotel's ("en el Palacio San Martín": a person's)
    return any(p in _BODY_WORDS or _institution_word(p, words) for p in parts)


_HEAD_VENUE = re.compile(r"\s*(?:,|\s[-–—])\s*")
_HEAD_VENUE_WORDS = 8  # words of the venue's phrase closing a heading line


def _venue_closes_heading(t: _Text, name: _Name, words: _Words) -> bool:
    """A heading line that closes with its city and then the venue in it, no full stop:
    "Colloque « X » Pau - UFR droit - Amphi 300", "... conference Almaty, The Kazakh State
    Pedagogical University". An event page's heading gives its place so, city first."""
    if not name.cities or name.end >= len(t.tokens):
        return False
    end = t.matches[name.end - 1].end()
    sep = _HEAD_VENUE.match(t.text, end)
    if sep is None or sep.end() == end:
        return False
    line_end = t.text.find("\n", end)
    line_end = len(t.text) if line_end < 0 else line_end
    line_start = t.text.rfind("\n", 0, t.offset(name.start)) + 1
    rest = t.text[sep.end() : line_end]
    if _WORD_THEN_STOP.search(t.text[line_start:line_end]) or not rest[:1].isupper():
        return False
    if len(rest.split()) > _HEAD_VENUE_WORDS:
        return False
    k = name.end
    while k < len(t.tokens) and t.offset(k) < line_end:
        if _bare(t, k) in words.venue:
            return True  # "UFR", "Amphi", "University": the phrase names a venue
        k += 1
    return False


def _host_country(t: _Text, name: _Name, words: _Words) -> bool:
    """ "Argentina fue el país anfitrión", "the host country, Kenya": the phrase within a few
    words after or right before the country's name."""
    keys = t.keys
    after = " ".join(k for k in keys[name.end : name.end + _HOST_WINDOW + 2] if k)
    before = " ".join(k for k in keys[max(0, name.start - _HOST_WINDOW) : name.start] if k)
    return any(
        f" {w} " in f" {after} " or before.endswith(w) or before.endswith(f"{w} the")
        for w in words.host_country
    )


def _province_country(t: _Text, name: _Name, after: _Name, first: int) -> str | None:
    """ "Torremolinos (Málaga)", "Sesto San Giovanni (Milano)": a town and, in brackets, the
    city its province is named for, in the same country. The country they share. A town after
    "of" and a capitalised word names what belongs to it ("Policía Local de Silla (Valencia)",
    a speaker's office), not where the meeting is."""
    s = name.start
    if s >= 2 and t.keys[s - 1] in _words().of and t.tokens[s - 2][:1].isupper():
        return None
    close = first + (after.end - after.start)
    if close >= len(t.tokens) or t.tokens[close] != ")" or not after.cities or not name.cities:
        return None
    shared = {c.country for c in after.cities} & {c.country for c in name.cities}
    return next(iter(shared)) if len(shared) == 1 else None


def _following_country(t: _Text, name: _Name) -> tuple[str | None, int]:
    """The country named right after a name ("Minsk, Belarus", "Karambunai, Sabah, Malaysia"),
    and how many parts lie between (0 or 1)."""
    tokens, keys = t.tokens, t.keys
    nxt = name.end
    glued = _country_right_after(t, name)
    if glued is not None:
        return glued, 0
    for between in (0, 1):
        if nxt + 1 >= len(tokens) or tokens[nxt] not in {",", "("}:
            return None, 0
        window = slice(nxt + 1, nxt + 1 + _MAX_NGRAM)
        after = _names(tokens[window], keys[window])
        if after and after[0].start == 0 and after[0].country:
            return after[0].country, between
        if between == 0 and after and after[0].start == 0 and tokens[nxt] == "(":
            province = _province_country(t, name, after[0], nxt + 1)
            if province is not None:
                return province, 0
        if between == 1:
            break
        # one region between the town and its country: "Karambunai, Sabah, Malaysia"
        k = nxt + 1
        while k < len(tokens) and keys[k] and _capitalised(tokens[k]) and k - nxt <= 3:
            k += 1
        if k == nxt + 1:
            break
        nxt = k
    return None, 0


def _country_right_after(t: _Text, name: _Name) -> str | None:
    """A header's "London U.K. | July 26-27": the city's own country right after it, with no
    comma; only a country the city lies in (so "Georgia Tech" or "Jordan Street" give none)."""
    end = name.end
    if not name.cities or end >= len(t.keys) or not t.keys[end] or not t.tokens[end][0].isupper():
        return None  # the common case: no name right after
    window = slice(end, end + _MAX_NGRAM)
    after = _names(t.tokens[window], t.keys[window])
    if not after or after[0].start != 0 or after[0].country is None:
        return None
    code = after[0].country
    return code if places._pick(name.cities, code) is not None else None


def _is_dateline(t: _Text, name: _Name) -> bool:
    """A press release's dateline city: "ULAANBAATAR, 6 July 2017 -", "Strasbourg, 3-4 November
    2022", "20 SEPTEMBER 2023, NEW YORK | ...", "CAIRO: ..."."""
    tokens = t.tokens
    begin = t.offset(name.start)
    line_start = not t.text[t.text.rfind("\n", 0, begin) + 1 : begin].strip()
    word = tokens[name.start]
    comma_after = name.end < len(tokens) and tokens[name.end] == ","
    upper = all(tok.isupper() for tok in tokens[name.start : name.end])
    # "Strasbourg, 3-4 November 2022" / "Geneva, 12 June 2013 - ...": a city, a comma, a date.
    date_after = comma_after and name.end + 1 < len(tokens) and tokens[name.end + 1][:1].isdigit()
    # "New Delhi, October 5, 2023: ..." / "Boston, March 3, 2019 - ...": the American order, the
    # month first; a full date with its year, then the dateline's colon or dash.
    if comma_after and not date_after and name.end + 1 < len(tokens):
        full = _FULL_DATE.match(t.text, t.offset(name.end + 1))
        date_after = (
            full is not None
            and not full.group()[:1].isdigit()
            and _DATELINE_MARK.match(t.text, full.end()) is not None
        )
    # "Bologna – 21 maggio 2018 – ...": the city, a dash, its full date and a dash again.
    dash = _DATELINE_MARK.match(t.text, t.matches[name.end - 1].end())
    dash_date = False
    if line_start and dash is not None and ":" not in dash.group():
        full = _FULL_DATE.match(t.text, dash.end())
        dash_date = full is not None and _DATELINE_MARK.match(t.text, full.end()) is not None
    # "CAIRO: An Arab League meeting ...", "MINSK – The conference ...".
    mark = _DATELINE_MARK.match(t.text, t.matches[name.end - 1].end())
    # "20 SEPTEMBER 2023, NEW YORK | ...", "10 July 2019, Nairobi – The conference ...": the
    # dateline's city after its date, in capitals or before the dateline's dash.
    after_date = (
        name.start >= 2
        and tokens[name.start - 1] == ","
        and re.fullmatch(r"(?:19|20)\d\d", tokens[name.start - 2]) is not None
        and (upper or (mark is not None and _line_opens_on_date(t, name.start - 2)))
    ) or (
        # "date 2025-01-31 ISLAMABAD - ...": a page's ISO date stamp, then the dateline
        name.start >= 1
        and _ISO_DAY.fullmatch(tokens[name.start - 1]) is not None
        and upper
        and mark is not None
    )
    # "Islamabad: The conference ...": South Asian papers print the dateline in title case,
    # always with a colon.
    colon = mark is not None and mark.group().strip() == ":"
    marked = line_start and (upper or colon) and len(word) > 2 and mark is not None
    # "Mainz (ots) - ...", "Berlin (dpa) - ...": the city, the news agency in brackets, a dash.
    agency = (
        line_start
        and name.end + 2 < len(tokens)
        and tokens[name.end] == "("
        and tokens[name.end + 2] == ")"
        and tokens[name.end + 1].isalpha()
        and len(tokens[name.end + 1]) <= 6
        and _DATELINE_MARK.match(t.text, t.matches[name.end + 2].end()) is not None
    )
    # "Paris, France, janvier 2020 – ...": the city, its country, then a date (a month and its
    # year will do) and the dateline's dash.
    country_date = line_start and comma_after and _country_then_date(t, name.end + 1)
    # "Kathmandu, Jul 9 (PTI) Experts ...", "Lagos, March 3 (Reuters) - ...": a wire story's
    # dateline, its day without a year, then the agency in brackets.
    wire = line_start and comma_after and _WIRE_DAY.match(t.text, t.matches[name.end].end())
    # "Riyadh, The Islamic Military Coalition held ...": a wire relay's dateline in title case,
    # its comma, then the story's opening article.
    story_after = (
        comma_after and name.end + 1 < len(tokens) and tokens[name.end + 1] in _STORY_OPENERS
    )
    return (
        agency
        or bool(wire)
        or country_date
        or dash_date
        or (
            line_start
            and (word.isupper() or date_after or story_after)
            and len(word) > 2
            and comma_after
        )
        or after_date
        or marked
    )


_MONTH_YEAR = re.compile(r"\s*[^\W\d_]{3,}\.?\s+(?:de\s+)?(?:19|20)\d\d(?!\d)")
_COUNTRY_WORDS = 3  # "France", "United Kingdom", "Republic of Korea"


def _country_then_date(t: _Text, first: int) -> bool:
    """A country from token ``first``, a comma, then a date and a dateline's dash: "France,
    janvier 2020 –", "Kenya, 3 May 2019 -"."""
    for size in range(1, _COUNTRY_WORDS + 1):
        comma = first + size
        if comma + 1 >= len(t.tokens) or not all(t.keys[first:comma]):
            return False
        if t.tokens[comma] != ",":
            continue
        if places.country_code(" ".join(t.tokens[first:comma])) is None:
            return False
        at = t.matches[comma].end()
        date = _FULL_DATE.match(t.text, at + 1) or _MONTH_YEAR.match(t.text, at)
        return date is not None and _DATELINE_MARK.match(t.text, date.end()) is not None
    return False


# A wire story's day and agency after its dateline's comma: " Jul 9 (PTI)", " 3 March (AFP)".
_WIRE_DAY = re.compile(
    r"\s*(?:[^\W\d_]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[^\W\d_]{3,9}\.?)\s*\([A-Z][A-Za-z]{1,7}\)"
)
_STORY_OPENERS = frozenset({"The"})  # an English story's first word, capitalised after a comma


_ISO_DAY = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")


def _line_opens_on_date(t: _Text, year: int) -> bool:
    """The line opens on a date that ends at the token ``year``: "10 July 2019, Nairobi –"."""
    end = t.matches[year].end()
    begin = t.text.rfind("\n", 0, end) + 1
    return _FULL_DATE.fullmatch(t.text[begin:end].strip()) is not None


def _short_line(text: str, offset: int) -> bool:
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return len(text[begin : end if end >= 0 else len(text)].split()) < _MIN_LINE_WORDS


def _place_of(city: places._City) -> Place:
    return Place(city.name, city.country)


def _others(hits: tuple[places._City, ...], chosen: places._City) -> tuple[Place, ...]:
    return tuple(_place_of(c) for c in hits if c.country != chosen.country)


def _region_before(t: _Text, start: int, words: _Words) -> int | None:
    """Where a region's word stands before "of" and a name: "la Comunidad de Madrid", "the
    Region of Murcia", "provincia di Novara" (the name is the region's, not its city's)."""
    j = start - 1
    while j >= 0 and t.keys[j] in words.articles:
        j -= 1  # "Provincia de la Rioja"
    if j < 1 or t.keys[j] not in words.of:
        return None
    return j - 1 if _bare(t, j - 1) in words.regions else None


def _region_place(t: _Text, name: _Name, region: int, words: _Words) -> PlaceMention | None:
    """A region's country, never a city: "en la Comunidad de Madrid" is somewhere in Spain. With
    no cue before the region ("La Comunidad de Madrid recibe ..."), the weak cue "region"."""
    country = name.country or (name.cities[0].country if name.cities else None)
    if country is None:
        return None
    cue = _cue_before(t, region, words) or "region"
    if cue in {"office in", "named venue"}:
        return None
    return PlaceMention(Place(None, country), "in" if cue == "venue of" else cue, t.offset(region))


def _host_by(t: _Text, start: int, words: _Words) -> bool:
    """A passive host phrase right before the name: "hosted by Panama", "auspiciada por"."""
    before = " ".join(k for k in t.keys[max(0, start - 3) : start] if k)
    return any(before.endswith(phrase) for phrase in words.host_by)


def _capital_of(t: _Text, start: int, words: _Words) -> bool:
    """ "the capital of Tajikistan", "в столице Таджикистана", "la capitale du Tchad": a capital
    word among the few words between the cue and a country's name."""
    j = start - 1
    while j >= 0 and start - j <= 4 and (t.keys[j] in words.skip or t.keys[j] in words.capital):
        if t.keys[j] in words.capital_of:
            return True
        j -= 1
    return False


# A research body's word that its town may follow as part of its name, with no "of".
_BODY_WORDS = frozenset(
    {"institute", "institut", "instituto", "istituto", "stiftung", "foundation", "universitat"}
)


def _seat_of(t: _Text, name: _Name, words: _Words) -> bool:
    """A body's name, "of" and the town with its country: "the Centre on Global Cooperation of
    Washington DC, United States", "the Institute (ISS) of Pretoria, South Africa": where the
    body sits, not where a meeting is (a meeting named so, "the Conference of X", is left)."""
    s = name.start
    if s >= 1 and t.keys[s - 1] in _BODY_WORDS and _capitalised(t.tokens[s - 1]):
        # "a speaker of the Peace Research Institute Frankfurt (Germany)": the town ends the
        # body's name; "held at the Graduate Institute Geneva (Switzerland)" is a venue
        first = s - 1
        while first > max(0, s - 6) and t.keys[first - 1] and _capitalised(t.tokens[first - 1]):
            first -= 1
        return not _at_before(t, first, words)
    if s < 2 or t.keys[s - 1] not in words.of:
        return False
    before = t.tokens[s - 2]
    if not (before == ")" or (t.keys[s - 2] and _capitalised(before))):
        return False
    if t.keys[s - 2] in words.capital or t.keys[s - 2] in words.skip:
        return False  # "the City of Nairobi, Kenya": the city itself
    window = t.text[t.offset(max(0, s - 4)) : t.offset(s - 1)]
    return not lexicon.has_event_word(window, lexicon.STRONG | lexicon.WEAK)


def _judge(t: _Text, name: _Name, cue: str | None, words: _Words) -> PlaceMention | None:
    """The place a name gives with its cue, or None when it is no venue."""
    if cue == "seat":
        return None  # a Polish body's town, part of its name
    offset = t.offset(name.start)
    following, between = _following_country(t, name)
    if name.country is not None and _host_by(t, name.start, words):
        return PlaceMention(Place(None, name.country), "host", offset)  # "hosted by Panama"
    if name.country is not None and (not name.cities or cue == "office in"):
        if cue is None or cue in {"office in", "named venue"}:
            # "the OSCE Office in Tajikistan", "at the Embassy of X", "the Ambassador of Canada
            # in Panama": a body's or a post's name
            return None
        if _capital_of(t, name.start, words):
            return PlaceMention(
                places.capital(name.country) or Place(None, name.country), cue, offset
            )
        return PlaceMention(Place(None, name.country), cue, offset)
    if cue == "office in":
        cue = "in"  # "at the Federal Foreign Office in Berlin": the city is still named
    if name.country is not None and cue is None:
        best = name.cities[0] if name.cities else None
        if best is not None and _is_dateline(t, name):  # "NEW YORK": a state and a city
            return PlaceMention(_place_of(best), "dateline", offset, dateline=True)
        return None  # "Government of Singapore": a country word without a place cue
    if following is not None:
        city = places._pick(name.cities, following)
        if city is not None and cue is None and _is_dateline(t, name):
            # "CAIRO, Egypt" over a news story: where the agency filed, not a stated venue
            return PlaceMention(_place_of(city), "dateline", offset, dateline=True)
        if city is not None and cue is None and _seat_of(t, name, words):
            return None  # "the Institute for Security Studies of Pretoria, South Africa"
        if city is not None and cue is None and _affiliation_before(t, name.start, words):
            return None  # "professor emeritus of the University of Leeds (UK)": a person's post
        if city is not None and cue is None and _common_word_ending_a_name(t, name, words):
            return None  # "Princeton University, USA": a body's name, not the town University
        if city is not None:
            return PlaceMention(_place_of(city), cue or "country after", offset)
        if cue is None or between:
            return None
        return PlaceMention(
            Place(" ".join(t.tokens[name.start : name.end]), following), cue, offset
        )
    best = name.cities[0] if name.cities else None
    if best is None:
        return None
    if name.key in words.not_cities and cue != "venue of":
        # a common word first, a town second: "Metro : ..." is no dateline either; "at the
        # University of Bath", "à la Faculté de Droit de Nice" name the town
        return None
    if cue is None:
        # A dateline: "ULAANBAATAR, 6 July 2017 - ..." at the start of a line.
        if _is_dateline(t, name) and best.population >= _CONFIDENT_POPULATION:
            return PlaceMention(_place_of(best), "dateline", offset, dateline=True)
        return None
    if cue == "in" and _short_line(t.text, offset) and not _event_noun_before(t, name.start):
        # "Documentation Centre in Prague": a menu entry, not a sentence ("Summit in X" is a name)
        return None
    if best.population >= _CONFIDENT_POPULATION:
        return PlaceMention(_place_of(best), cue, offset, others=_others(name.cities, best))
    multiword = name.end - name.start > 1
    # After "held in", as a host, or right after the event's noun ("la conférence ... à Mons"),
    # a town of some size is the venue too ("held in Suva"); so is a city of several words after
    # a bare "in" ("Port of Spain"): hardly anything else.
    strong = cue in {"held", "host", "landmark", "venue of", "named venue"} or (
        cue == "in"
        and (
            _event_noun_before(t, name.start)
            or _opens_on_event(t, name)
            or _venue_before_in(t, name.start, words)
            or _town_word_before(t, name.start, words)
        )
    )
    # A small town's alternate spelling is its Cyrillic name in its own country ("в городе
    # Черняховске"): the gazetteer keeps no other for towns this size.
    own_name = best.primary or not name.key.isascii()
    if best.population >= _HELD_POPULATION and (multiword or (strong and own_name)):
        return PlaceMention(_place_of(best), cue, offset, others=_others(name.cities, best))
    return None


def _common_word_ending_a_name(t: _Text, name: _Name, words: _Words) -> bool:
    """A town whose name is a common word ("University", "Mission", "Union") after another
    capitalised word ends that word's name, not a place."""
    return (
        name.key in words.not_cities
        and name.start > 0
        and bool(t.keys[name.start - 1])
        and _capitalised(t.tokens[name.start - 1])
    )


def _town_word_before(t: _Text, start: int, words: _Words) -> bool:
    """A town noun among the words between the cue and the name: "в г. X", "в городе X", "in
    the city of X", "dans la ville de X". The text itself calls the name a town."""
    j = start - 1
    while j >= 0 and t.keys[j] in words.skip:
        if t.keys[j] in words.town:
            return True
        j -= 1
    return False


def _event_noun_before(t: _Text, start: int, nouns: frozenset[str] = lexicon.STRONG) -> bool:
    """An event noun shortly before a name's preposition: "the conference ... in X"."""
    first = max(0, start - _LOOKBACK - 1)
    begin, _ = t.sentence_bounds(t.offset(start))
    window = t.text[max(begin, t.offset(first)) : t.offset(start)]
    return lexicon.has_event_word(window, nouns)


# Any meeting noun, "meetings" and "session" too: before a town and its country it is the venue.
_MEETING_NOUNS = lexicon.STRONG | lexicon.WEAK


def _opens_on_event(t: _Text, name: _Name) -> bool:
    """A sentence that opens on the place, an event noun or held word close after: "In Herzliya
    tagt die Konferenz", "In Suva, the regional forum opened", "À Mons se tient ..."."""
    begin, _ = t.sentence_bounds(t.offset(name.start))
    lead = t.text[begin : t.offset(name.start)].split()
    if len(lead) != 1:
        return False  # the preposition alone before the name
    last = min(len(t.tokens), name.end + _LOOKBACK) - 1
    window = t.text[t.matches[name.end - 1].end() : t.matches[last].end()]
    # to the sentence's end, an ordinal's dot aside ("die 15. Konferenz")
    window = _WORD_THEN_STOP.split(window, maxsplit=1)[0]
    return lexicon.has_event_word(window, lexicon.STRONG) or bool(
        lexicon.words("held", "passive", "opening").search(window)
    )


def _unknown_town(t: _Text, country: _Name, words: _Words) -> PlaceMention | None:
    """A town the gazetteer lacks, named after "held in" (or an event noun's "in": "its plenary
    meetings in Saly, Republic of Senegal") and before its country: "held ... in Karambunai,
    Sabah, Malaysia" (the page names it; nothing is guessed)."""
    tokens, keys = t.tokens, t.keys

    def cued(start: int) -> bool:
        cue = _cue_before(t, start, words)
        return cue == "held" or (cue == "in" and _event_noun_before(t, start, _MEETING_NOUNS))

    def name_before(end: int) -> int:
        """Where the capitalised words that end at ``end`` begin."""
        k = end
        while k > 0 and keys[k - 1] and _capitalised(tokens[k - 1]) and end - k < 3:
            k -= 1
        return k

    comma = country.start - 1
    if comma < 1 or tokens[comma] != ",":
        return None
    end = comma
    start = name_before(end)
    # one region between the town and its country: "Karambunai, Sabah, Malaysia"
    if start >= 2 and start < end and tokens[start - 1] == "," and keys[start - 2]:
        region_start = start
        end = start - 1
        start = name_before(end)
        if start == end or not cued(start):
            start, end = region_start, comma
    if start == end or not cued(start):
        return None
    key = " ".join(keys[start:end])
    if key in words.not_cities or places._country_by_key(key) or places._cities(key):
        return None
    return PlaceMention(
        Place(" ".join(tokens[start:end]), country.country), "held", t.offset(start)
    )


def _in_country_list(t: _Text, names: list[_Name], i: int) -> bool:
    """ "instability in Syria, Iraq and Libya", "au Mali, au Niger et au Tchad": countries listed
    together are a topic or a region, not one meeting's venue."""
    words = _words()

    def listed(a: _Name, b: _Name) -> bool:
        between = range(a.end, b.start)  # ", ", " and ", ", au ", " et au "
        return 1 <= len(between) <= 3 and all(
            t.tokens[k] == "," or t.keys[k] in words.list_words or t.keys[k] in words.weak
            for k in between
        )

    before = names[i - 1] if i > 0 else None
    after = names[i + 1] if i + 1 < len(names) else None
    return (before is not None and before.country is not None and listed(before, names[i])) or (
        after is not None and after.country is not None and listed(names[i], after)
    )


# The double marks and guillemets of the quotation table. Narrower on purpose: single quotes are
# left out, as ’ and ' are this module's apostrophes of elision and case endings ("d’Abidjan",
# "Ankara’da") and ‘ is often typed for them, so which side of one a name stands is no telling.
_OPEN_ONLY = "".join(o for o in quotes.OPENERS if o not in quotes.CLOSERS and o not in "‚")  # «„‹
_QUOTE = re.compile(f"[{re.escape(_OPEN_ONLY)}“”»›]")
# The clause ends in a speech verb: "..., said the minister", "..., disse o procurador", "...,
# dijo", "..., a déclaré", "..., sagte", "..., заявил".
_SAID_AFTER = re.compile(
    r"[^.;:!?,]{0,30},\s*(?:said|says|disse|diz|afirmou|dijo|afirmó|declaró|a\s+(?:dit|déclaré|"
    r"affirmé)|sagte|erklärte|заявил\w*|сказал\w*|отметил\w*)\b",
    re.IGNORECASE,
)


def _opens_quotation(text: str, offset: int) -> bool:
    """The quotation opens right before the name's preposition: “En Paraguay ...”."""
    head = text[max(0, offset - 12) : offset].split()
    return len(head) >= 1 and head[-1][:1] in _OPEN_ONLY + "“" and len(head[-1]) <= 4


def _quoted(text: str, offset: int) -> bool:
    """``offset`` stands inside quotation marks: after «, „, ‹ or an opening “ whose closing ”
    comes later. A country named with a bare "in" inside quotes is the quoted words' topic
    (a slogan, a title, a speaker's words), not where the meeting sits."""
    before = _QUOTE.findall(text, 0, offset)
    if not before:
        return False
    last = before[-1]
    if last in _OPEN_ONLY:
        return True
    if last == "“":
        if len(before) >= 2 and before[-2] == "„":
            return False  # the German „...“: the quotation is closed
        # closed later, or never closed in the text: a speaker's words cut off with the page
        after = _QUOTE.search(text, offset)
        return after is None or after.group(0) == "”"
    return False


def mentions(text: str) -> list[PlaceMention]:
    """Every place ``text`` names as a place (with a cue, as a dateline or a venue), in order."""
    if not isinstance(text, str) or not text.strip():
        return []
    words = _words()
    t = _Text(text)
    out: list[PlaceMention] = []
    names = _names(t.tokens, t.keys, t.whole)
    for index, name in enumerate(names):
        if (
            name.end < len(t.keys)
            and t.keys[name.end] in words.capital
            and not t.tokens[name.end][0].isupper()
        ):
            continue  # "the Kazakh capital", "the Kyrgyz city of Osh": an adjective, no place
        cue = _cue_before(t, name.start, words) or _cue_after(t, name, words)
        if cue is None and (
            t.locative[name.end - 1]
            or (name.end - name.start == 1 and places.is_locative(name.key))
        ):
            cue = "in"  # "Тошкентда", "Ankara’da": the Turkic ending says "in Tashkent"
        if cue is None and t.proclitic[name.start]:
            cue = "in"  # "بالقاهرة": the Arabic preposition glued to the name
        named_for = cue is None and name.country is None and bool(name.cities)
        named_for = named_for and _meeting_of(t, name.start)
        if named_for:
            cue = "in"  # "la rencontre de Bamako": a Romance meeting named by its city
        region = _region_before(t, name.start, words)
        if region is not None:
            found = _region_place(t, name, region, words)
            if found is not None:
                out.append(found)
            continue
        occupant = False
        if name.key in words.landmarks:
            cue = "landmark"  # "at the White House": a well-known venue is a place by itself
            # "The White House will hold a summit", "the White House said": with no "at" or
            # "in" before it the building stands for those who sit in it, a host, no venue
            occupant = _no_preposition(t, name.start, words)
        found = _judge(t, name, cue, words)
        if found is not None and occupant:
            found = PlaceMention(Place(None, found.place.country), "host", found.start)
        if name.country is not None and not name.cities and (found is None or found.cue != "held"):
            # "held in Karambunai, Sabah, Malaysia": a town the gazetteer lacks, then its country.
            found = _unknown_town(t, name, words) or found
        if found is None:
            continue
        if found.place.city is None and not found.strong and _in_country_list(t, names, index):
            continue
        if (
            found.place.city is None
            and (found.cue == "in" or _opens_quotation(text, found.start))
            and _quoted(text, found.start)
        ):
            # « ... terrorist groups in Afghanistan », “In Paraguay security is ...”: a quoted
            # phrase's topic; a held word before the quotation is not the quoted words' cue
            continue
        if (
            found.place.city is None
            and found.cue == "in"
            and _SAID_AFTER.match(text, t.matches[name.end - 1].end())
            and not _event_noun_before(t, name.start, _MEETING_NOUNS)
        ):
            # "Terrorism remains a taboo in Brazil, said the prosecutor": the speaker's words,
            # reported without quotes, name a topic, not where the meeting sits
            continue
        clause, clause_start = t.clause(found.start)
        if (
            found.place.city is None
            and found.cue == "in"
            and words.topic.search(places.fold(text[clause_start : found.start]))
        ):
            # "a conference devoted to terrorism in Central Asia, in Afghanistan too", "посвящённая
            # ... в Афганистане": the country is what the meeting discusses, not where it sits
            continue
        folded = places.fold(clause)
        marker = next((m for m in words.retrospective if m in folded), None)
        if marker is None and words.soft_retrospective:
            marker = _soft_marker(t, clause_start, name.start, words)
        before = None if found.strong or found.dateline else _Before(t, found.start)
        if marker is None and before is not None:
            marker = before.attack()
        years = tuple(sorted({int(y) for y in _YEAR.findall(clause)}))
        if marker is None and not found.dateline:
            marker = _earlier_year_after(text, t.matches[name.end - 1].end(), years)
        out.append(
            PlaceMention(
                found.place,
                MEETING_OF if named_for else found.cue,
                found.start,
                dateline=found.dateline,
                background=marker,
                years=years,
                dated=_FULL_DATE.search(clause, found.start - clause_start) is not None,
                others=found.others,
                indefinite=before.indefinite(words) if before is not None else None,
            )
        )
    return out


# A month and year (or a year) right after a place: "en Washington en diciembre de 2018", "in
# Vienna in 2017", "à Paris en mars 2016".
_YEAR_AFTER = re.compile(
    r"\s*,?\s*(?:in|en|em|à|im|a|в)\s+(?:[^\W\d_]{3,12}\s+(?:de\s+|del\s+)?)?((?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)


def _earlier_year_after(text: str, end: int, years: tuple[int, ...]) -> str | None:
    """A place dated right after it with a year before another its sentence names: "la
    Conferencia realizada en Washington en diciembre de 2018", beside a 2019 meeting, is an
    earlier meeting's place."""
    m = _YEAR_AFTER.match(text, end)
    if m is None or not years or int(m.group(1)) >= max(years):
        return None
    return m.group(0).strip()


def _no_preposition(t: _Text, start: int, words: _Words) -> bool:
    """No preposition says "at" or "in" before the name, past its article and capitalised
    words: "The White House will hold ...", "WASHINGTON -- White House officials said" (but "in
    der Wiener Hofburg", "at the White House")."""
    j = start - 1
    while j >= 0 and (t.keys[j] in words.articles or (t.keys[j] and t.tokens[j][0].isupper())):
        j -= 1
    if j < 0 or not t.keys[j]:
        return True
    key = t.keys[j]
    return not (key in words.weak or key in words.strong or key in words.at)


_WORD_THEN_STOP = re.compile(r"(?<=[^\W\d_])[.!?](?:\s|$)")
_NOUN_TO_NAME = 4  # words at most between an event noun and its place: "conference held in X"


class _Before:
    """The sentence before a place, and its event nouns (the sentence is scanned once: the
    lexicon caches a text's nouns)."""

    def __init__(self, t: _Text, offset: int) -> None:
        begin, end = t.sentence_bounds(offset)
        self.text = t.text[begin:offset]
        nouns = lexicon.event_words(t.text[begin:end], lexicon.STRONG | lexicon.WEAK)
        self.nouns = [n for n in nouns if n.end <= len(self.text)]

    def indefinite(self, words: _Words) -> str | None:
        """ "a regional conference in X", "une réunion à X", "auf einer Tagung in X": the event
        noun right before the place comes with an indefinite article."""
        if not self.nouns:
            return None
        noun = self.nouns[-1]
        if len(self.text[noun.end :].split()) > _NOUN_TO_NAME:
            return None
        found = words.indefinite.search(self.text, 0, noun.start)
        return f"{found.group(0).strip()} {noun.text}" if found else None

    def attack(self) -> str | None:
        """An attack named between the sentence's last event noun and the place: "the attacks
        in Paris", "les attentats ... du musée du Bardo en Tunisie", "nach dem Anschlag in X":
        the place of the attack, not of a meeting ("the conference in Vienna after the attacks"
        keeps Vienna)."""
        attack = max(
            lexicon.words("date_word", "attack").finditer(self.text),
            key=lambda m: m.start(),
            default=None,
        )
        if attack is None or any(n.start >= attack.end() for n in self.nouns):
            return None
        return attack.group(0)


def _soft_marker(t: _Text, clause_start: int, start: int, words: _Words) -> str | None:
    """A marker such as "following the" before the name, an event noun right after it and no
    held word between: "following the 2018 conference in New York" (but "following the opening,
    the conference held in Minsk" keeps Minsk)."""
    first = start
    while first > 0 and t.offset(first - 1) >= clause_start:
        first -= 1
    before = " ".join(k for k in t.keys[first:start] if k)
    for marker in words.soft_retrospective:
        at = before.rfind(marker)
        if at < 0:
            continue
        tail = before[at + len(marker) :].split()
        if any(w in words.strong for w in tail):
            continue
        # the meeting it follows is named right after the marker
        if lexicon.has_event_word(" ".join(tail[:_SOFT_WINDOW]), lexicon.STRONG | lexicon.WEAK):
            return marker
    return None


def choose(found: list[PlaceMention]) -> PlaceMention | None:
    """The venue among one text's mentions: the first city that is neither background nor a
    dateline; else the dateline's city (unless a place the text names with a cue lies in
    another country); else the first country."""
    fallback: PlaceMention | None = None
    dateline: PlaceMention | None = None
    for mention in found:
        if mention.background or mention.cue == MEETING_OF:
            continue
        if mention.dateline:
            dateline = dateline or mention
            continue
        if mention.place.city is not None:
            return mention
        fallback = fallback or mention
    if dateline is not None and fallback is not None:
        # "COPENHAGEN, 25 November - ... the meeting in Austria": the press office's city.
        return fallback if fallback.place.country != dateline.place.country else dateline
    return dateline or fallback


def find_place(text: str) -> Place | None:
    """The venue named in running text ("will be held in Abu Dhabi on 18-19 December")."""
    chosen = choose(mentions(text))
    return chosen.place if chosen else None


# "в Худжандском государственном университете", "на базе Волгоградского филиала": a Russian
# venue named by its city's adjective, after a locative cue, before an institution's noun; the
# building or hall may come between ("в здании Брянского филиала": in the building of).
_ADJECTIVE_VENUE = re.compile(
    r"(?:(?<!\w)(?:[Вв]о?)|[Нн]а\s+базе|[Нн]а\s+площадке)\s+"
    r"(?:(?:здании|помещении|стенах|зале|актовом\s+зале|конференц-зале)\s+)?"
    r"(?P<adj>[А-ЯЁ][а-яё-]+)\s+"
    r"(?:[а-яё-]+(?:ом|ого|ой)\s+){0,3}"
    r"(?:университет|филиал|институт|академи|колледж|техникум|театр|библиотек|музе|дворц|доме?\b"
    r"|центр|училищ|лице|гимнази)",
)


def adjective_venue(text: str) -> Place | None:
    """The city of a venue named by the city's adjective ("в Казанском институте ..."): the
    first such venue in ``text``; None when there is none."""
    for found in _ADJECTIVE_VENUE.finditer(text or ""):
        place = places.city_of_adjective(found.group("adj"))
        if place is not None:
            return place
    return None


# "the 12th", "XIII", "2018": words before the city an event's name opens with.
_NAME_LEAD = re.compile(r"(?:the|[IVXLC]+|\d{1,4}(?:st|nd|rd|th|e|er|ème|º|°)?\.?)$", re.IGNORECASE)
_NAME_CITY_WORDS = 6  # capitalised words between the city and the event noun
_NAME_CITY_POPULATION = 100_000


def name_city(name: str) -> Place | None:
    """The city an event's own name opens with: "Islamabad International Counter Terrorism
    Forum", "the 5th Doha Security Conference". Only a well-known city (not a country) followed
    by capitalised words up to an event noun: "Budapest Convention" or "the Istanbul Process"
    name no meeting, and "Berliner ..." is an adjective."""
    t = _Text(name or "")
    i = 0
    while i < len(t.tokens) and _NAME_LEAD.match(t.tokens[i]):
        i += 1
    for size in (3, 2, 1):
        end = i + size
        if end >= len(t.tokens) or not all(_capitalised(x) for x in t.tokens[i:end]):
            continue
        key = " ".join(t.whole[i:end])
        hits = places._cities(key)
        if not hits or places.country_code(" ".join(t.tokens[i:end])) is not None:
            continue
        if key in _words().landmarks:
            return None  # "White House Summit": a venue's name, its city not named (§5.9)
        city = hits[0]
        if city.population < _NAME_CITY_POPULATION:
            return None
        for j in range(end, min(len(t.tokens), end + _NAME_CITY_WORDS)):
            if not t.keys[j] or not _capitalised(t.tokens[j]):
                return None
            if lexicon.has_event_word(t.tokens[j], lexicon.STRONG):
                return _place_of(city)
        return None
    return None
