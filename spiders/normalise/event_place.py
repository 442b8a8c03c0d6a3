"""The event's place: every place the page names for the event becomes a candidate with its
evidence; one decision picks a candidate or abstains (null beats wrong).

Candidates come from a labelled or structured venue, then from the sentence that gives the dates,
the event's name and the other event sentences, in that order (``place_mentions`` reads each
text: the cue before a name, a press dateline, a clause about an earlier meeting, the years a
clause names, other cities of the same name). The decision (eval-format §5.8-5.9):

- an online meeting has no place: none when the event's own sentences call it online, and the
  dateline's city is never its venue when the page says it is online anywhere; a hybrid meeting
  keeps its physical city;
- a clause about an earlier or other meeting ("follows on from ...", one that names only other
  years) gives no place;
- a city beats a country, except a city in another country than the one the event's own
  sentence names; a dateline city (the press office's) counts only when no sentence names a
  venue, and gives way to a country the text names as the meeting's place (a held wording, the
  meeting's noun beside it), not to one named as a topic ("violent extremism in Bangladesh");
- a well-known venue named alone ("at the White House") gives its country, not a city the page
  never names; among cities of one name, the one in a country the page names;
- a short venue line beside the date line ("Kursaal Bern") when the sentences name none, or
  the venue the date line itself names after its date ("Donnerstag, 23. Juni 2016, Kursaal Bern");
- when no text names a place: the city the event's name opens with ("Islamabad International
  Counter Terrorism Forum"), else the one state whose official name the page's bodies carry
  ("the Ministry of Interior of the Republic of X", "МВД Республики Казахстан"): its country.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import dates, lexicon, page_date, places
from confwatch.spiders.normalise.explain import Explanation
from confwatch.spiders.normalise.furniture import is_furniture
from confwatch.spiders.normalise.phrases import vocabulary
from confwatch.spiders.normalise.place_mentions import (
    PlaceMention,
    adjective_venue,
    mentions,
    name_city,
)
from confwatch.spiders.normalise.text_cache import short_text_cache

Place = places.Place

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_EVENT_NOUNS = lexicon.STRONG | lexicon.WEAK | {"week"}
_WEAK = frozenset({"in", "region"})  # a bare preposition; a region named with no cue at all
_ONLINE_SCAN = 12  # event sentences searched for the event's own online wording
_AFTER_FIRST = 12  # texts read past the first candidate before the decision is final
_VENUE_LINE_WORDS = 5
_VENUE_LINE_SCAN = 80  # lines of the page searched for a venue line beside the date
_ADJECTIVE_SCAN = 3  # event sentences searched for a venue named by its city's adjective
_DATE_LINE_WORDS = 12  # a date line with its weekday, hours or place
_VENUE_BLOCK = 2  # a venue line's distance to the date line: "City / Venue / Date"


@dataclass(frozen=True)
class _Candidate:
    mention: PlaceMention
    evidence: str  # the text it was read from
    rule: str  # where that text stands: "the sentence that gives the dates", ...
    rank: int  # 0 the date sentence, 1 the name, 2+ the other event sentences

    @property
    def place(self) -> places.Place:
        return self.mention.place

    @property
    def shown(self) -> str:
        return shown_place(self.place)


def shown_place(place: places.Place) -> str:
    if place.city is None and place.country is None:
        return "online (no place)"
    return f"{place.city or '-'}, {place.country or '-'}"


@short_text_cache(maxsize=2048)  # asked of each sentence (and the page) by each event's place
def _online_words(text: str) -> str | None:
    """An online wording: "online meeting", "virtual format", "webinar", "via videoconference",
    "en visioconférence", "в режиме видеоконференции"."""
    found = lexicon.words("online", "phrase", "webinar").search(text) or vocabulary()[
        "online"
    ].search(text)
    return found.group(0) if found else None


_NOUN_AFTER_ONLINE = re.compile(r"\W*(?:\w+\W+){0,2}")


def _held_somewhere(text: str) -> bool:
    """The online wording's own sentence says where the meeting is held: "she took part online
    in the conference held in Amman". The online words are then a remote speaker's, unless
    they name the meeting itself ("an online conference ... in Rabat", "a webinar")."""
    found = lexicon.words("online", "phrase", "webinar").search(text) or vocabulary()[
        "online"
    ].search(text)
    if found is None:
        return False
    tail = _NOUN_AFTER_ONLINE.match(text, found.end())
    own = found.group(0) + (tail.group(0) if tail else "")
    if lexicon.has_event_word(own, _EVENT_NOUNS):
        return False  # "online conference", "webinar", "online-Konferenz"
    return any(m.cue == "held" and not m.background and not m.dateline for m in mentions(text))


def _hybrid_words(text: str) -> str | None:
    """A hybrid wording: "hybrid format", "in person and online", "в гибридном формате"."""
    found = lexicon.words("hybrid").search(text)
    return found.group(0) if found else None


# In a room, said of a meeting's format: "en présentiel", "in person", "presencialmente",
# "in Präsenz", "очно", "in presenza".
_IN_PERSON = re.compile(
    r"\b(?:en\s+présentiel|présentiellement|in[\s-]person|on[\s-]site|in\s+Präsenz"
    r"|presencial(?:mente)?|in\s+presenza|очно|в\s+очном\s+формате|em\s+formato\s+presencial)\b",
    re.IGNORECASE,
)


def _both_ways(text: str) -> str | None:
    """One sentence says the meeting is held in a room and online, apart from each other ("cette
    conférence réunira en présentiel un nombre restreint de participants et se déroulera aussi à
    distance en vidéoconférence"; "podrán seguirse tanto presencialmente como online"): hybrid."""
    room = _IN_PERSON.search(text)
    online = _online_words(text) if room else None
    return f"{room.group(0)} ... {online}" if room and online else None


class _Format:
    """What the page says of the meeting's format, read only as far as the decision needs."""

    def __init__(self, raw: RawEvent, date_sentence: str | None, sentences: list[str]) -> None:
        self._raw, self._date_sentence, self._sentences = raw, date_sentence, sentences
        self._page: str | None = None
        self._anywhere: str | bool | None = False  # False: not read yet
        self._hybrid: str | bool | None = False

    @property
    def page(self) -> str:
        if self._page is None:
            self._page = " ".join(filter(None, [self._raw.title, self._raw.body_text]))
        return self._page

    def online(self) -> str | None:
        """The event's own sentences call it online ("an online conference", "held virtually"):
        its name, its labelled place, its date sentence and its first event sentences."""
        own = [self._raw.title, self._raw.place_text, self._date_sentence]
        with_noun = (
            s
            for s in self._sentences[:_ONLINE_SCAN]
            if _online_words(s) and lexicon.has_event_word(s, _EVENT_NOUNS)
        )
        texts = [t for t in own if t and _online_words(t)]
        text = texts[0] if texts else next(with_noun, None)
        if text is None or _held_somewhere(text):
            return None
        return _online_words(text)

    def anywhere(self) -> str | None:
        """The page says "online" somewhere (a speaker's video link too)."""
        if self._anywhere is False:
            self._anywhere = _online_words(self.page)
        return self._anywhere  # type: ignore[return-value]

    def hybrid(self) -> str | None:
        if self._hybrid is False:
            own = [self._date_sentence, *self._sentences[:_ONLINE_SCAN]]
            both = (_both_ways(s) for s in own if s)
            self._hybrid = _hybrid_words(self.page) or next((b for b in both if b), None)
        return self._hybrid  # type: ignore[return-value]


def read_place(
    raw: RawEvent,
    date_sentence: str | None,
    sentences: list[str],
    explain: Explanation | None = None,
) -> places.Place | None:
    """Where the event is held: None when the page does not say."""
    found, evidence, rule = _place(raw, date_sentence, sentences, explain)
    if explain is not None:
        if found is None:
            explain.abstained("place", "no place of this event on the page")
        else:
            explain.chose("place", shown_place(found), evidence, rule)
    return found


def _place(
    raw: RawEvent, date_sentence: str | None, sentences: list[str], explain: Explanation | None
) -> tuple[places.Place | None, str | None, str]:
    if raw.structured.get("online"):
        return Place(None, None), None, "structured data: an online event"
    labelled, label_text = _labelled(raw)
    if labelled is not None and labelled.city is None and labelled.country is None:
        return labelled, label_text, "labelled place: online"
    if labelled is not None and labelled.city:
        return labelled, label_text, "labelled place"
    fmt = _Format(raw, date_sentence, sentences)
    online = fmt.online()
    if online and not fmt.hybrid():
        # An online meeting has no venue: neither its release's dateline nor the city the
        # organisers sit in.
        if explain is not None:
            why = f"the meeting is online ({online!r})"
            for c in _candidates(raw, date_sentence, sentences, labelled):
                explain.passed("place", c.shown, c.evidence, c.rule, why)
        return Place(None, None), online, "an online meeting: no place"
    candidates = _candidates(raw, date_sentence, sentences, labelled)
    chosen, passed = _decide(candidates, raw, date_sentence, labelled, fmt)
    if chosen is not None and chosen.mention.dateline and fmt.anywhere() and not fmt.hybrid():
        # "COPENHAGEN, 25 November – ... today's online meeting": the press office's city.
        if explain is not None:
            why = f"the release's dateline; the meeting is online ({fmt.anywhere()!r})"
            explain.passed("place", chosen.shown, chosen.evidence, chosen.rule, why)
        return Place(None, None), fmt.anywhere(), "an online meeting: no place"
    if explain is not None:
        for c, why in passed:
            explain.passed("place", c.shown, c.evidence, c.rule, why)
    if chosen is None:
        line = _venue_line(raw.body_text or "", labelled)
        if line is not None:
            return line[0], line[1], "a venue line beside the date"
        line = _town_date_line(raw.body_text or "")
        if line is not None and (labelled is None or labelled.country == line[0].country):
            return line[0], line[1], "a flyer's town and day line"
        named = _adjective_venue(raw, date_sentence, sentences, labelled)
        if named is not None:
            return named[0], named[1], "a venue named by its city's adjective"
        if labelled is not None:
            return labelled, label_text, "labelled place (a country only)"
        city = name_city(raw.title or "")
        if city is not None:
            return city, raw.title, "the city the event's name opens with"
        state = None if fmt.anywhere() else places.state_country(raw.body_text or "")
        if state is not None:
            # §5.9: "the Ministry of Interior of the Republic of X" makes the country plain.
            return Place(None, state), None, "the one state the page's bodies are named for"
        region = None if fmt.anywhere() else places.region_country(raw.body_text or "")
        if region is not None:
            # §5.9: "Правительство Челябинской области" makes the country plain, not the city.
            return Place(None, region), None, "the one country whose regions the page names"
        return None, None, ""
    place = chosen.place
    if place.city is None and labelled is None:
        line = _venue_line(raw.body_text or "", place)
        if line is not None:
            return line[0], line[1], "a venue line beside the date"
        named = _adjective_venue(raw, date_sentence, sentences, place)
        if named is not None:
            return named[0], named[1], "a venue named by its city's adjective"
        city = name_city(raw.title or "")
        if city is not None and city.country == place.country:
            return city, raw.title, "the city the event's name opens with"
    return place, chosen.evidence, chosen.rule


def _adjective_venue(
    raw: RawEvent, date_sentence: str | None, sentences: list[str], hint: places.Place | None
) -> tuple[places.Place, str] | None:
    """ "в Казанском институте ...": the city of a venue the event's first texts name by the
    city's adjective, in the country already known if one is."""
    for text in (date_sentence, raw.title, *sentences[:_ADJECTIVE_SCAN]):
        found = adjective_venue(text or "")
        if found is not None:
            if hint is not None and hint.country != found.country:
                return None
            return found, text or ""
    return None


def _labelled(raw: RawEvent) -> tuple[places.Place | None, str | None]:
    for text in (raw.place_text, raw.structured.get("location")):
        if text:
            found = places.parse_place(str(text))
            if found:
                return found, str(text)
    return None, None


def _candidates(
    raw: RawEvent,
    date_sentence: str | None,
    sentences: list[str],
    labelled: places.Place | None,
) -> list[_Candidate]:
    """The places the event's texts name, in the order they are weighed; reading stops a few
    texts after a decisive one (a city with no mark against it), so a long page costs little."""
    texts = [(date_sentence, "the sentence that gives the dates")] if date_sentence else []
    texts += [(raw.title or "", "the event's name")]
    texts += [(s, "an event sentence") for s in sentences]
    out: list[_Candidate] = []
    seen: set[str] = set()
    first_at: int | None = None
    for rank, (text, rule) in enumerate(texts):
        if not text or text in seen:
            continue
        if first_at is not None and rank - first_at > _AFTER_FIRST:
            break
        seen.add(text)
        found = [_Candidate(m, text, rule, rank) for m in mentions(text)]
        if not found and rank == 0 and date_sentence:
            venue = date_line_venue(text)
            if venue is not None:
                found = [_Candidate(venue, text, "the date line's venue", rank)]
        out += found
        if found and first_at is None:
            first_at = rank
        if any(_decisive(c, labelled) for c in found):
            break
    return out


_VENUE_TAIL = 5  # words of a venue after a date line's date: "Kursaal Bern", "Hotel X, Nairobi"
_DATE_LINE_MAX = 14  # words of a date line with its weekday, date and venue
_TAIL_LEAD = re.compile(r"[\s,|/–—-]*")
_DIGIT = re.compile(r"\d")
_TAIL_PARTS = re.compile(r"[,|/–—(]|\s-\s|\)")


def date_line_venue(line: str) -> PlaceMention | None:
    """The venue a date line names after its date: "Donnerstag, 23. Juni 2016, Kursaal Bern",
    "12 May 2019 | Hotel Intercontinental, Nairobi". A page's own date line (its header, its
    stamp) names no venue."""
    if len(line.split()) > _DATE_LINE_MAX:
        return None
    hits = dates.find_date_ranges(line)
    if not hits:
        return None
    end = hits[-1][2]
    at = _TAIL_LEAD.match(line, end)
    tail = line[at.end() if at else end :].strip(" .")
    if not tail or len(tail.split()) > _VENUE_TAIL or _DIGIT.search(tail):
        return None
    found = places.parse_place(tail)
    if found is None or found.city is None:
        return None
    parts = [p for p in _TAIL_PARTS.split(tail) if p.strip()]
    city = places.fold(found.city)
    if all(places.fold(p) == city or places.country_code(p) for p in parts):
        return None  # "Saturday, 26 August 2017 - Colombo": a masthead's city, no venue
    return PlaceMention(found, "venue line", line.find(tail))


def _decisive(c: _Candidate, labelled: places.Place | None) -> bool:
    m = c.mention
    return (
        m.place.city is not None
        and not m.dateline
        and not m.background
        and m.cue != "landmark"
        and (labelled is None or labelled.country == m.place.country)
        and not _in_passing(c)
    )


def _in_passing(c: _Candidate) -> bool:
    """A city after a bare "in" in a later sentence that speaks of no event: "for the police
    it made no difference: in Dortmund the operation ran as after an attack". The story's
    background; a later event sentence's city is the venue."""
    return c.mention.cue in _WEAK and c.rank >= 2 and not _about_event(c)


def _event_years(raw: RawEvent, date_sentence: str | None) -> set[int]:
    """The years the event may fall in: those its date sentence names, else the page's year
    and the next."""
    years = {int(y) for y in _YEAR.findall(date_sentence or "")}
    if not years and raw.published is not None:
        years = {raw.published.year, raw.published.year + 1}
    return years


def _decide(
    candidates: list[_Candidate],
    raw: RawEvent,
    date_sentence: str | None,
    labelled: places.Place | None,
    fmt: _Format,
) -> tuple[_Candidate | None, list[tuple[_Candidate, str]]]:
    """The event's place among the candidates, and each one passed over with the reason."""
    passed: list[tuple[_Candidate, str]] = []
    years = _event_years(raw, date_sentence)
    page = fmt.page
    usable: list[_Candidate] = []
    for c in candidates:
        m = c.mention
        if m.background:
            passed.append((c, f"an earlier or other meeting ({m.background!r})"))
        elif years and m.years and not years & set(m.years):
            shown = ", ".join(map(str, m.years))
            passed.append((c, f"its clause names {shown}, not the event's year"))
        elif date_sentence is None and m.dated and not m.dateline and c.rank >= 2:
            # The page gives the event no date: a place dated in full is another meeting's.
            passed.append(
                (c, "another meeting's place: its clause dates it, the event has no date")
            )
        elif m.indefinite and date_sentence is not None and c.rank >= 2 and not m.strong:
            # The event is already introduced by its date sentence: "what she took from a
            # regional conference in X" names another meeting.
            passed.append((c, f"another meeting ({m.indefinite!r})"))
        elif labelled is not None and m.place.country != labelled.country:
            passed.append((c, "not in the labelled country"))
        elif m.place.city is None and m.cue in _WEAK and c.rank >= 2 and not _about_event(c):
            # "citizens are in the conflict zones in Syria": a country named in passing.
            passed.append((c, "a country named in a sentence about no event"))
        elif m.cue == "landmark" and not _names_city(page, m.place):
            # §5.9: a venue without a city gives the country the page makes plain.
            usable.append(replace(c, mention=replace(m, place=Place(None, m.place.country))))
        else:
            usable.append(c)
    passing = [c for c in usable if c.place.city is not None and _in_passing(c)]
    chosen = _choose([c for c in usable if c not in passing], passed)
    if chosen is None:
        chosen = _choose(passing, passed)  # no event sentence names a place: the first at all
    elif passing:
        passed += [(c, "named in passing, in a sentence about no event") for c in passing]
    if chosen is not None and chosen.mention.others:
        chosen = _homonym(chosen, page, passed)
    if chosen is not None and _one_of_many(chosen, usable):
        # "se realizó en Foz do Iguaçu, Brasil; Ciudad del Este, Paraguay; y Puerto Iguazú":
        # a meeting held in several countries has no one city or country.
        passed.append((chosen, "one of several places in several countries the text lists"))
        chosen = None
    for c in usable:
        if c is not chosen and all(c is not p for p, _ in passed):
            passed.append((c, _why_not(c, chosen)))
    return chosen, passed


def _choose(usable: list[_Candidate], passed: list[tuple[_Candidate, str]]) -> _Candidate | None:
    country_hint: _Candidate | None = None  # the first country named with a cue
    dateline: _Candidate | None = None
    region: _Candidate | None = None  # "La Comunidad de Madrid recibe ...": a last resort
    for c in usable:
        m = c.mention
        if m.dateline:
            dateline = dateline or c
            continue
        if m.cue == "region":
            region = region or c
            continue
        if m.place.city is None:
            country_hint = country_hint or c
            continue
        if (
            country_hint is not None
            and country_hint.rank < c.rank
            and country_hint.place.country != m.place.country
        ):
            passed.append((c, f"in another country than {country_hint.evidence[:60]!r} names"))
            continue
        if (
            dateline is not None
            and dateline.rank < c.rank
            and not m.strong
            and dateline.place.country != m.place.country
        ):
            passed.append((c, "named in passing, after the dateline's sentence"))
            continue
        return c
    if dateline is not None:
        if country_hint is not None and country_hint.place.country != dateline.place.country:
            # "COPENHAGEN, 25 November - ... the meeting in Austria": the press office's city.
            passed.append((dateline, "the press office's dateline; the text names another country"))
            return country_hint
        if country_hint is not None and _country_is_venue(country_hint):
            # "DUSHANBE, 25 April - ... a conference in Tajikistan": the text names the
            # country only; the agency's dateline says where it filed, not the venue (§5.9).
            # A country named as a topic ("violent extremism in Bangladesh") says nothing of
            # the venue, so the dateline's city in it stands.
            passed.append((dateline, "the press office's dateline; the text names the country"))
            return country_hint
        return dateline
    return country_hint or region


_VENUE_NOUN_REACH = 4  # words either side of a country that tie it to the meeting


def _country_is_venue(c: _Candidate) -> bool:
    """The country is named as the meeting's place: with a held wording ("will be held in
    Egypt") or beside the meeting's noun ("a conference in Tajikistan", "в Таджикистане на
    конференции"), not as what the sentence is about."""
    if not _about_event(c):
        return False
    if c.mention.strong:
        return True
    text, start = c.evidence, c.mention.start
    before = text[:start].split()[-_VENUE_NOUN_REACH:]
    after = text[start:].split()[: _VENUE_NOUN_REACH + 2]  # the name's own words and four more
    return lexicon.has_event_word(" ".join(before + after), _EVENT_NOUNS)


def _about_event(c: _Candidate) -> bool:
    """The candidate's sentence speaks of an event (an event noun or held wording)."""
    return lexicon.has_event_word(c.evidence, _EVENT_NOUNS) or bool(
        lexicon.words("held").search(c.evidence)
    )


def _why_not(c: _Candidate, chosen: _Candidate | None) -> str:
    if chosen is None:
        return "not taken"
    if c.mention.dateline:
        return "the release's dateline; the text names the venue"
    if c.place.city is None and chosen.place.city is not None:
        return "a country only; the text names the city"
    return "named after the chosen place"


def _names_city(page: str, place: places.Place) -> bool:
    return bool(place.city) and places.page_names_city(page, place.city or "")


_LIST_GAP = re.compile(r"[^.;:!?]{0,40}(?:;|,\s*(?:y|and|et|und|и|e)\b|\s(?:y|and|et|und|и|e))\s*$")


def _one_of_many(chosen: _Candidate, usable: list[_Candidate]) -> bool:
    """The chosen city opens a list of cities in other countries in its own clause: "held in
    Geneva, Switzerland; Lyon, France; and Turin, Italy"."""
    if chosen.place.city is None or chosen.mention.dateline:
        return False
    start = chosen.mention.start
    for c in usable:
        if c.evidence != chosen.evidence or c.place.city is None or c.mention.start <= start:
            continue
        if c.place.country == chosen.place.country:
            continue
        gap = chosen.evidence[start : c.mention.start]
        if _LIST_GAP.fullmatch(gap):
            return True
    return False


def _homonym(chosen: _Candidate, page: str, passed: list[tuple[_Candidate, str]]) -> _Candidate:
    """Among cities of one name, the one in a country the page names ("en Vitoria" on a page
    about Spain is Vitoria-Gasteiz, not Vitória in Brazil)."""
    m = chosen.mention
    if m.place.country is None or places.page_names_country(page, m.place.country):
        return chosen
    for other in m.others:
        if other.country and places.page_names_country(page, other.country):
            passed.append((chosen, f"the page names {other.country}, not {m.place.country}"))
            return replace(chosen, mention=replace(m, place=other, others=()))
    return chosen


_HAS_YEAR_OR_DAY = re.compile(r"\d")


def _short_line(line: str) -> bool:
    line = _address(line)
    return len(line.split()) <= _VENUE_LINE_WORDS and not _HAS_YEAR_OR_DAY.search(line)


# An address's numbers: a postal code before the town ("1083 HZ Amsterdam", "75013 Paris") and a
# house number ("Amstelpark 1", "95 avenue de France"); a year is no part of an address.
_POSTAL_CODE = re.compile(r"^(?!(?:19|20)\d\d\b)\d{4,5}(?:\s+[A-Z]{2})?\s+(?=[^\W\d_])")
_HOUSE_NUMBER = re.compile(r"(?<![\w.:/-])(?!(?:19|20)\d\d\b)\d{1,4}[a-z]?(?![\w.:/-])")


def _address(line: str) -> str:
    """The line without an address's numbers."""
    return _HOUSE_NUMBER.sub("", _POSTAL_CODE.sub("", line)).strip(" ,")


def _beside_date(lines: list[str], i: int) -> bool:
    """A line with a year next to line ``i``, or one further on with a short line between: the
    header block "Orlando, FL / Rosen Centre Hotel / May 24-26, 2017"."""
    for step in (-1, 1):
        for far in range(1, _VENUE_BLOCK + 1):
            j = i + step * far
            if not 0 <= j < len(lines):
                break
            if _YEAR.search(lines[j]):
                # a date line, not a paragraph with a year (a photo caption above its credit)
                return len(lines[j].split()) <= _DATE_LINE_WORDS
            if not _short_line(lines[j]) and not page_date.hours_line(lines[j : j + 1]):
                break  # "Montag, 17. November 2025 / 9.30 – 16.30 Uhr / Kloster X Würzburg"
    return False


_TOWN_HEAD = re.compile(r"([^\W\d_][^,\d]{1,40}),\s+")
_TOWN_LINE_WORDS = 10  # "Lugano, venerdì 26 novembre dalle 17 alle 19"
_TOWN_LINE_SCAN = 20  # a flyer's opening lines
_ANY_YEAR = dt.date(2000, 6, 1)  # lets a year-less day be found; the day itself is not used


def _town_date_line(body: str) -> tuple[places.Place, str] | None:
    """A flyer's line of its town, then its day and hours, no year: "Lugano, venerdì 26
    novembre dalle 17 alle 19". A press release's header gives its year ("Berlin, 12. März
    2023"), a dateline runs on into its story: neither is this line."""
    lines = [line.strip() for line in body.split("\n")[:_TOWN_LINE_SCAN]]
    for line in lines:
        if not line or len(line.split()) > _TOWN_LINE_WORDS or _YEAR.search(line):
            continue
        head = _TOWN_HEAD.match(line)
        if head is None:
            continue
        found = places.parse_place(head.group(1))
        if found is None or found.city is None:
            continue
        rest = line[head.end() :]
        hits = dates.find_date_ranges(rest, published=_ANY_YEAR)
        # the day opens the rest, after a weekday at most
        if hits and len(rest[: hits[0][1]].split()) <= 1:
            return found, line
    return None


# The lower-case particles and articles inside a venue's proper name: "Villa ten Hompel", "Haus
# der Kulturen", "Palais des Nations", "Palazzo della Cultura". Not English "of": "University
# of X" beside a date is as often a site's masthead over its posting date.
_NAME_PARTICLES = frozenset(
    {"von", "van", "ten", "ter", "der", "den", "des", "de", "du", "di", "da", "del", "della"}
    | {"la", "le", "zu", "zum", "zur"}
)


# A venue's full address closing with its postal code and town: "Amphithéâtre X – 5, place Y –
# 75007 PARIS", "University Foundation, Egmontstraat 11 - 1000 Brussels".
_ADDRESS_TOWN = re.compile(
    r"(?<![\w.:/-])(?!(?:19|20)\d\d\b)\d{4,5}(?:\s+[A-Z]{2})?\s+([^\W\d_][^\d,;|–—]{1,30}?)\s*$"
)
_ADDRESS_WORDS = 16  # words of a venue's address line: its name, street and town


def _address_town(line: str) -> places.Place | None:
    """The town of a venue's address line: a line that ends in a postal code and a town and
    names no year (a date line names one), with the venue or its street before them."""
    if len(line.split()) > _ADDRESS_WORDS:
        return None
    tail = _ADDRESS_TOWN.search(line)
    if tail is None:
        return None
    before = line[: tail.start()]
    if _YEAR.search(before) or not before.strip(" ,-–—"):
        return None
    found = places.parse_place(tail.group(1))
    return found if found is not None and found.city is not None else None


def _venue_line(body: str, hint: places.Place | None) -> tuple[places.Place, str] | None:
    """A flyer's venue line beside its date line: "Donnerstag, 23. Juni 2016 / Kursaal Bern"; a
    short line of capitalised words that ends in a city, or a venue's address that ends in a
    postal code and a town, next to a line with a date."""
    lines = [line.strip() for line in body.split("\n")[:_VENUE_LINE_SCAN]]
    lines = [line for line in lines if line]  # paragraphs of an HTML page: blank lines between
    for i, full in enumerate(lines):
        address = _address_town(full)
        if address is not None:
            if not _beside_date(lines, i):
                continue
            if hint is not None and hint.country is not None and address.country != hint.country:
                continue
            return address, full
        line = _POSTAL_CODE.sub("", full)  # "1083 HZ Amsterdam": a town after its postal code
        words = line.split()
        if not 1 <= len(words) <= _VENUE_LINE_WORDS or _HAS_YEAR_OR_DAY.search(line):
            continue
        if is_furniture(line):  # a share bar's "Google+" is no venue (GeoNames: Topeka)
            continue
        lower = [w for w in words if w[0].isalpha() and not w[0].isupper()]
        # a particle only in a venue's name before its city's comma ("Haus der Kulturen,
        # Berlin"); "Université de Lille" alone is a masthead as often as a venue
        if lower and (not all(w in _NAME_PARTICLES for w in lower) or "," not in line):
            continue
        if not _beside_date(lines, i):
            continue
        found = places.parse_place(line)
        if found is None or found.city is None:
            continue
        if hint is not None and hint.country is not None and found.country != hint.country:
            continue
        return found, full
    return None
