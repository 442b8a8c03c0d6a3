"""From a page's text (``RawEvent``) to an event's fields (``EventFields``), offline and pure.

The crawler, ``confwatch extract`` and ``confwatch eval`` all call ``normalise()``; nothing else
parses dates, places or organisers. A labelled field from the page (``date_text``, ``place_text``,
``organiser_text``) wins; otherwise the event's key sentence in the body is found (the one that
says the conference "will be held in X on D") and read. Unknown stays ``None`` with a warning that
names the field; nothing is guessed. Every text is read up to the limits of ``untrusted`` only,
whichever spider produced it, so no rule's cost grows with a page's size past them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from confwatch.fields import Document, EventFields
from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import dates, lexicon, names, organisers, places, relevance, status
from confwatch.spiders.normalise.sentences import event_sentences, split_sentences
from confwatch.spiders.untrusted import MAX_FIELD, MAX_ITEMS, MAX_TEXT

_REGISTRATION = re.compile(
    r"(?:registration\s+deadline|deadline\s+for\s+registration|register\s+(?:by|before|no\s+later\s+than)"
    r"|registrations?\s+(?:close|closes|is\s+open\s+until|are\s+open\s+until))\s*(?:is|:|-|–)?\s*(?P<date>[^.;\n]{4,60})",
    re.I,
)
_SPACES = re.compile(r"\s+")


@dataclass
class Normalised:
    fields: EventFields | None
    warnings: list[str] = field(default_factory=list)
    skipped: str | None = None  # why this is not an event, when fields is None


def clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = _SPACES.sub(" ", text).strip(" \t\n\r-–—:;,")
    return text or None


def _date_range(
    raw: RawEvent, sentences: list[str], langs: list[str] | None
) -> tuple[dates.DateRange | None, str | None]:
    """The event's dates and the sentence they came from."""
    if raw.structured.get("start_date"):
        start = dates.parse_single_date(str(raw.structured["start_date"]), languages=langs)
        end_text = raw.structured.get("end_date")
        end = dates.parse_single_date(str(end_text), languages=langs) if end_text else start
        if start and end and end >= start:
            return dates.DateRange(start, end), None
    if raw.date_text:
        found = dates.parse_date_range(raw.date_text, languages=langs)
        if found:
            return _span_from_report(found, sentences, langs), raw.date_text
        # "3-4 September, Minsk": the year is missing; a full date in the text with the same
        # day and month supplies it before the page's own date (or the crawl date) is used.
        for sentence in sentences:
            for found, _, _ in dates.find_date_ranges(
                _without_deadlines(sentence), languages=langs
            ):
                guess = dates.parse_date_range(
                    raw.date_text, published=found.start, languages=langs
                )
                if guess == found:
                    return found, sentence
    title_year = _title_year(raw.title)
    # "2020 Virtual Counter-Terrorism Week ... from 6-10 July": the name's year dates a
    # year-less day when the page shows no date of its own.
    reference = raw.published or (dt.date(title_year, 7, 1) if title_year else None)
    if raw.date_text:
        found = dates.parse_date_range(raw.date_text, published=reference, languages=langs)
        if found:
            return _span_from_report(found, sentences, langs), raw.date_text
    page_order = split_sentences(raw.body_text or "")
    for sentence in sentences:
        hits = dates.find_date_ranges(
            _without_deadlines(sentence), published=reference, languages=langs
        )
        if _is_dateline(sentence, hits):
            hits = hits[
                1:
            ]  # "RIYADH, 17 February — ... held ... on 16 and 17 February": the press date
        if hits and title_year and hits[0][0].start.year != title_year:
            continue  # "2017 ... Conference": a 2016 date in the text is another meeting's
        if hits and _about_another_event(raw.title, sentence):
            continue
        if hits:
            found = _span_from_wording(hits[0][0], sentence, page_order)
            return _extended(found, sentences, reference, langs), sentence
    if raw.published:
        # "A two-day conference opened in Dushanbe today": the page's own date is the first day.
        for sentence in sentences[:8]:
            if _today_start().search(sentence) or _today_end().search(sentence):
                day = dates.DateRange(raw.published, raw.published)
                return _span_from_wording(day, sentence, page_order), sentence
    return None, None


def _today_start() -> re.Pattern[str]:
    """ "A two-day conference opened in Dushanbe today", "s'est ouverte aujourd'hui"."""
    return _vocabulary()["today_start"]


def _today_end() -> re.Pattern[str]:
    """ "The seminar concluded today", "завершился сегодня"."""
    return _vocabulary()["today_end"]


def _verb_then_today(verb: str, today: str) -> re.Pattern[str]:
    """ "opened today", "s'est ouverte aujourd'hui", "завершился сегодня"."""
    return re.compile(rf"(?<!\w){verb}(?!\w)[^.]{{0,60}}(?<!\w){today}(?!\w)", re.I)


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, re.Pattern[str]]:
    """The event vocabulary these rules need, from the lexicon (``lexicon.py``), built once."""
    today = lexicon.fragment("relative", "today")
    opening = lexicon.fragment("held", "opening")
    closing = lexicon.fragment("held", "closing")
    nouns = lexicon.fragment("event_noun", "large", "small", "meeting", "session", "generic")
    adjective = lexicon.fragment("online", "adjective")
    about_start = "|".join(r.source for r in lexicon.select("about_page") if r.place == "start")
    about_anywhere = "|".join(r.source for r in lexicon.select("about_page") if r.place != "start")
    return {
        "today_start": _verb_then_today(opening, today),
        "today_end": _verb_then_today(closing, today),
        "opening": re.compile(rf"(?<!\w){opening}(?!\w)", re.I),
        "closing": re.compile(rf"(?<!\w){closing}(?!\w)", re.I),
        # "online meeting", "virtual format": an online adjective before an event noun.
        "online": re.compile(rf"(?<!\w){adjective}[\s-](?:{nouns}|formats?)(?!\w)", re.I),
        # An "About us" page, or a fact sheet.
        "about": re.compile(
            rf"^\s*(?:{about_start})\s*(?:\n|$)|:\s*about\s+the\b|(?<!\w)(?:{about_anywhere})(?!\w)",
            re.I,
        ),
    }


_DATELINE_TAIL = re.compile(
    r"^\s*(?:\([^)]{1,20}\))?\s*(?:,\s*[A-Z][A-Z .]{2,30})?\s*(?:[—–|]|-\s)"
)
_TITLE_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])")


def _is_dateline(sentence: str, hits: list[tuple[dates.DateRange, int, int]]) -> bool:
    """The first date opens a press dateline and another date follows: the dateline is the day
    the release was written ("ABU DHABI, 26th February, 2015 (WAM) — ... held from 17th-19th")."""
    if len(hits) < 2 or hits[0][1] > 40:
        return False
    return bool(_DATELINE_TAIL.match(sentence[hits[0][2] :]))


def _title_year(title: str | None) -> int | None:
    """The one year an event's name gives ("2017 Chairmanship OSCE-wide ... Conference")."""
    years = set(_TITLE_YEAR.findall(title or ""))
    return int(years.pop()) if len(years) == 1 else None


# Kinds of meeting: a page may call its seminar a roundtable, but not a workshop a conference.
# Large (conference, forum, summit, Tagung, ...) and small (seminar, workshop, round table,
# webinar, ... and training courses) event nouns of the lexicon.
_KINDS = {"large": frozenset({"large"}), "small": frozenset({"small", "training"})}
# A council is no event noun, but "the OSCE Ministerial Council, meeting in Basel on 4-5 December"
# is a large meeting of its own.
_COUNCIL = re.compile(r"\bcouncils?\b", re.I)


def _kinds(text: str) -> set[str]:
    found = {k for k, nouns in _KINDS.items() if lexicon.has_event_word(text, nouns)}
    return found | {"large"} if _COUNCIL.search(text) else found


def _about_another_event(title: str | None, sentence: str) -> bool:
    """A sentence naming only another kind of meeting than the page's event ("The Swiss OSCE
    Chairmanship convened on 23-24 April 2014 an OSCE-wide conference" under a workshop's title)."""
    own, named = _kinds(title or ""), _kinds(sentence)
    if not own or not named or own & named:
        return False
    return not re.search(r"\b(?:this|the)\s+(?:[\w-]+\s+){0,2}event\b", sentence, re.I)


_LASTS_UNTIL = re.compile(
    r"\b(?:last|lasts|continue|continues|run|runs|go\s+on)\s+(?:on\s+|until\s+|till\s+|through\s+|to\s+)"
    r"(?P<date>[^.;]{3,40})",
    re.I,
)


def _extended(
    found: dates.DateRange, sentences: list[str], published: dt.date | None, langs: list[str] | None
) -> dates.DateRange:
    """A one-day date, and "The conference will last on/until June 21" elsewhere: its end."""
    if found.start != found.end:
        return found
    for sentence in sentences[:40]:
        m = _LASTS_UNTIL.search(sentence)
        if not m:
            continue
        end = dates.parse_single_date(m.group("date"), published=found.start, languages=langs)
        if end and found.start < end <= found.start + dt.timedelta(days=7):
            return dates.DateRange(found.start, end)
    return found


_DEADLINE_PHRASE = re.compile(_REGISTRATION.pattern, re.I)
_N_DAY = re.compile(r"\b(one|two|three|four|five|\d)[- ]day\b", re.I)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _without_deadlines(sentence: str) -> str:
    """A registration deadline is not the event's date."""
    return _DEADLINE_PHRASE.sub(" ", sentence)


def _span_from_wording(
    found: dates.DateRange, sentence: str, context: list[str] | None = None
) -> dates.DateRange:
    """A dateline on a report: "6 July 2017 - A two-day seminar ... concluded today" is 5-6 July;
    "On December 14 the three-day seminar started its work" is 14-16 December. The length may be
    stated in the next sentence ("... spent the two-day seminar discussing")."""
    if found.start != found.end:
        return found
    m = _N_DAY.search(sentence)
    if not m and context and sentence in context:
        after = context[context.index(sentence) + 1 : context.index(sentence) + 2]
        m = next((hit for s in after if (hit := _N_DAY.search(s))), None)
    if not m:
        return found
    word = m.group(1).lower()
    days = _NUMBERS.get(word) or int(word)
    if days <= 1:
        return found
    lowered = sentence.lower()
    if _vocabulary()["closing"].search(lowered):
        return dates.DateRange(found.start - dt.timedelta(days=days - 1), found.end)
    if _vocabulary()["opening"].search(lowered):
        return dates.DateRange(found.start, found.start + dt.timedelta(days=days - 1))
    return found


def _span_from_report(
    found: dates.DateRange, sentences: list[str], langs: list[str] | None
) -> dates.DateRange:
    """A press release's "Date: 6 July 2017" is the day it was issued; when its dateline sentence
    says "a two-day seminar ... concluded today", the event spans the days before it."""
    if found.start != found.end:
        return found
    for sentence in sentences[:5]:
        hits = dates.find_date_ranges(_without_deadlines(sentence), languages=langs)
        if hits and hits[0][0] == found:
            return _span_from_wording(found, sentence)
    return found


def _online(text: str) -> bool:
    """An online meeting: "online meeting", "virtual format", "webinar", "via videoconference",
    "en visioconférence", "в режиме видеоконференции"."""
    return bool(
        lexicon.words("online", "phrase", "webinar").search(text)
        or _vocabulary()["online"].search(text)
    )


def _from_dateline(sentence: str, found: places.Place) -> bool:
    """The place is only the dateline's ("COPENHAGEN, 25 November 2020 – ..."), the press's."""
    city = found.city or ""
    head = sentence.lstrip()[: len(city) + 1]
    return bool(city) and head.upper() == head and fold_upper(head).startswith(fold_upper(city))


def fold_upper(text: str) -> str:
    return places.fold(text).upper()


def _place(raw: RawEvent, date_sentence: str | None, sentences: list[str]) -> places.Place | None:
    if raw.structured.get("online"):
        return places.Place(None, None)
    found = _venue(raw, date_sentence, sentences)
    if found and not raw.place_text and _online(" ".join(filter(None, [raw.title, raw.body_text]))):
        # An online meeting has no venue; the city of the release's dateline is not one.
        source = next(
            (s for s in [date_sentence, *sentences] if s and places.find_place(s) == found), None
        )
        if source and _from_dateline(source, found):
            return places.Place(None, None)
    return found


def _venue(raw: RawEvent, date_sentence: str | None, sentences: list[str]) -> places.Place | None:
    labelled: places.Place | None = None
    for text in (raw.place_text, raw.structured.get("location")):
        if text:
            labelled = places.parse_place(str(text))
            if labelled:
                break
    if labelled and labelled.city:
        return labelled
    for text in ([date_sentence] if date_sentence else []) + [raw.title or ""] + sentences:
        if text:
            found = places.find_place(text)
            # A heading that names only the country ("United Arab Emirates") takes the city the
            # text names in that country.
            if found and (labelled is None or found.country == labelled.country):
                return found
    return labelled


def _organisers(raw: RawEvent, country: str | None) -> list[str]:
    """Organisers: a labelled field or structured data when the page has one (it is the page's
    own statement, so bodies the text merely mentions are not added); else the organiser
    wording of the text, then the bodies the event's name calls its own."""
    found: list[str] = []
    if raw.organiser_text:
        found += organisers.split_organisers(raw.organiser_text, country=country)
    for name in raw.structured.get("organisers", []) or []:
        found.append(organisers.canonical_organiser(str(name), country=country))
    if not found:
        text = "\n\n".join(filter(None, [raw.title, raw.body_text]))
        found += organisers.find_organisers(text, country=country)
        found += organisers.title_organisers(raw.title or "", country=country)
    out: list[str] = []
    for name in found:
        if name and not any(organisers.same_body(name, o) for o in out):
            out.append(name)
    return out


def _registration(raw: RawEvent, langs: list[str] | None) -> dt.date | None:
    texts = [raw.registration_text] if raw.registration_text else []
    texts += [m.group("date") for m in _REGISTRATION.finditer(raw.body_text or "")]
    for text in texts:
        day = dates.parse_single_date(text, published=raw.published, languages=langs)
        if day:
            return day
    return None


def normalise(raw: RawEvent, *, today: dt.date | None = None) -> Normalised:
    """Turn one raw event into fields, or say why it is not an event.

    ``today`` stands in for the page's date when the page shows none (a crawl passes its date).
    """
    warnings: list[str] = []
    raw = _bounded(raw)
    if raw.published is None and today is not None:
        raw = _with_published(raw, today)
    heading = clean(raw.title) or clean(raw.structured.get("name"))
    if names.is_title_junk(heading):
        heading = None
    body = raw.body_text or ""
    verdict = relevance.judge(
        heading, body, rule=relevance.RelevanceRule.from_config(raw.relevance)
    )
    if not verdict.relevant:
        return Normalised(None, [], f"not a conference page: {verdict.reason}")
    # A page without a usable heading is named by the phrase its text uses for the event.
    title = heading or clean(names.choose_title(None, _name_sentences(body)))
    if not title:
        return Normalised(None, [], "no title")
    about = _vocabulary()["about"]
    if about.search(title) or about.match(body.lstrip()):
        return Normalised(None, [], "not a conference page: an 'about' page")
    if not raw.structured and _only_in_sentences(title, body) and not _announces(body):
        # A meeting named in passing ("on the margins of the Civil Society Workshop", "a workshop
        # ... was held in 2008" in a topic page) is not what the page announces.
        return Normalised(None, [], "not a conference page: the event is only mentioned in passing")
    langs = [raw.language] if raw.language else None
    sentences = event_sentences(title, body) or split_sentences(body)[:3]
    when, date_sentence = _date_range(raw, sentences, langs)
    if when is None:
        warnings.append(
            f"{raw.url}: start_date: no date found"
            + (f" in {raw.date_text!r}" if raw.date_text else "")
        )
    where = _place(raw, date_sentence, sentences)
    if where is None:
        warnings.append(
            f"{raw.url}: city: no place found"
            + (f" in {raw.place_text!r}" if raw.place_text else "")
        )
        where = places.Place(None, None)
    fields = EventFields(
        title=title,
        start_date=when.start if when else None,
        end_date=when.end if when else None,
        city=where.city,
        country=where.country,
        organisers=_organisers(raw, where.country),
        topics=[t for t in (clean(x) for x in raw.topics) if t],
        description=clean(raw.description) or _first_paragraph(body, skip={heading, title}),
        url=raw.url,
        registration_deadline=_registration(raw, langs),
        documents=[
            Document(clean(d.get("title")) or d["url"], d["url"])
            for d in raw.documents
            if d.get("url")
        ],
        status=status.detect_status(" ".join(filter(None, [title, body]))),
    )
    return Normalised(fields, warnings)


_OPENING_SENTENCES = 4
_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]?$")


def _only_in_sentences(title: str, body: str) -> bool:
    """The event's name occurs in the text only inside longer sentences, never as a heading of
    its own: the page talks about it rather than announcing it."""
    key = " ".join(title.split()).casefold().strip(" .")
    inside = False
    for para in body.split("\n\n"):
        text = " ".join(para.split()).casefold().strip(" .")
        if key not in text:
            continue
        if len(text) <= len(key) + 40:
            return False
        inside = True
    return inside


def _announces(body: str) -> bool:
    """The page's opening (its first sentences of running text, headings left out) says an
    event is, was or will be held, organised, opened or chaired."""
    from confwatch.spiders.normalise.sentences import announces_event

    running = [s for s in split_sentences(body) if len(s.split()) >= 8 and _SENTENCE_END.search(s)]
    running = running[:_OPENING_SENTENCES]
    return any(announces_event(s) for s in running)


def _name_sentences(body: str) -> list[str]:
    """Where an event's name is given: the sentences that present it, then the page's opening."""
    opening = split_sentences(body)[:8]
    cued = [s for s in event_sentences(None, body, limit=4) if s not in opening][:4]
    return opening + cued


def _bounded(raw: RawEvent) -> RawEvent:
    """``raw`` with each text cut at the limits (the same object when nothing is longer)."""
    from dataclasses import replace

    def cut(text: str | None) -> str | None:
        return text[:MAX_FIELD] if text is not None and len(text) > MAX_FIELD else text

    texts = (raw.title, raw.date_text, raw.place_text, raw.organiser_text, raw.registration_text)
    if (
        all(t is None or len(t) <= MAX_FIELD for t in (*texts, raw.description))
        and len(raw.body_text or "") <= MAX_TEXT
        and len(raw.topics) <= MAX_ITEMS
        and len(raw.documents) <= MAX_ITEMS
        and all(len(t) <= MAX_FIELD for t in raw.topics)
    ):
        return raw
    return replace(
        raw,
        title=cut(raw.title),
        date_text=cut(raw.date_text),
        place_text=cut(raw.place_text),
        organiser_text=cut(raw.organiser_text),
        registration_text=cut(raw.registration_text),
        description=cut(raw.description),
        body_text=(raw.body_text or "")[:MAX_TEXT],
        topics=[t[:MAX_FIELD] for t in raw.topics[:MAX_ITEMS]],
        documents=raw.documents[:MAX_ITEMS],
    )


def _with_published(raw: RawEvent, day: dt.date) -> RawEvent:
    from dataclasses import replace

    return replace(raw, published=day)


def _first_paragraph(body: str, *, skip: set[str | None] | None = None) -> str | None:
    """The first paragraph of running text: not the heading, a label or a list."""
    for para in body.split("\n\n"):
        text = clean(para)
        if (
            not text
            or text in (skip or set())
            or text.startswith("\u2022")
            or not re.search(r"[.!?…]", text)
        ):
            continue
        if len(text) > 40:
            return text[:1000]
    return None
