"""From a page's text (``RawEvent``) to an event's fields (``EventFields``), offline and pure.

The crawler, ``confwatch extract`` and ``confwatch eval`` all call ``normalise()``; nothing else
parses dates, places or organisers. A labelled field from the page (``date_text``, ``place_text``,
``organiser_text``) wins; otherwise the event's key sentence in the body is found (the one that
says the conference "will be held in X on D") and read. Unknown stays ``None`` with a warning that
names the field; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import dates, names, organisers, places, relevance, status
from confwatch.spiders.normalise.sentences import event_sentences, split_sentences
from confwatch.store.records import Document, EventFields

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


def _date_range(raw: RawEvent, sentences: list[str], langs: list[str] | None) -> tuple[dates.DateRange | None, str | None]:
    """The event's dates and the sentence they came from."""
    if raw.structured.get("start_date"):
        start = dates.parse_single_date(str(raw.structured["start_date"]), languages=langs)
        end_text = raw.structured.get("end_date")
        end = dates.parse_single_date(str(end_text), languages=langs) if end_text else start
        if start and end and end >= start:
            return dates.DateRange(start, end), None
    if raw.date_text:
        found = dates.parse_date_range(raw.date_text, published=raw.published, languages=langs)
        if found:
            return _span_from_report(found, sentences, langs), raw.date_text
    if raw.date_text:
        # "3-4 September, Minsk": the year is missing; a full date in the text with the same
        # day and month supplies it before the page's own date is used.
        for sentence in sentences:
            for found, _, _ in dates.find_date_ranges(_without_deadlines(sentence), languages=langs):
                guess = dates.parse_date_range(raw.date_text, published=found.start, languages=langs)
                if guess == found:
                    return found, sentence
    for sentence in sentences:
        hits = dates.find_date_ranges(_without_deadlines(sentence), published=raw.published, languages=langs)
        if hits:
            return _span_from_wording(hits[0][0], sentence), sentence
    return None, None


_DEADLINE_PHRASE = re.compile(_REGISTRATION.pattern, re.I)
_N_DAY = re.compile(r"\b(one|two|three|four|five|\d)[- ]day\b", re.I)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _without_deadlines(sentence: str) -> str:
    """A registration deadline is not the event's date."""
    return _DEADLINE_PHRASE.sub(" ", sentence)


def _span_from_wording(found: dates.DateRange, sentence: str) -> dates.DateRange:
    """A dateline on a report: "6 July 2017 - A two-day seminar ... concluded today" is 5-6 July."""
    if found.start != found.end:
        return found
    m = _N_DAY.search(sentence)
    if not m:
        return found
    word = m.group(1).lower()
    days = _NUMBERS.get(word) or int(word)
    if days <= 1:
        return found
    lowered = sentence.lower()
    if re.search(r"\b(?:concluded|closed|ended|wrapped up)\s+(?:today|on)\b", lowered):
        return dates.DateRange(found.start - dt.timedelta(days=days - 1), found.end)
    if re.search(r"\b(?:opened|began|started|kicked off)\s+(?:today|on)\b", lowered):
        return dates.DateRange(found.start, found.start + dt.timedelta(days=days - 1))
    return found


def _span_from_report(found: dates.DateRange, sentences: list[str], langs: list[str] | None) -> dates.DateRange:
    """A press release's "Date: 6 July 2017" is the day it was issued; when its dateline sentence
    says "a two-day seminar ... concluded today", the event spans the days before it."""
    if found.start != found.end:
        return found
    for sentence in sentences[:5]:
        hits = dates.find_date_ranges(_without_deadlines(sentence), languages=langs)
        if hits and hits[0][0] == found:
            return _span_from_wording(found, sentence)
    return found


def _place(raw: RawEvent, date_sentence: str | None, sentences: list[str]) -> places.Place | None:
    if raw.structured.get("online"):
        return places.Place(None, None)
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
    found: list[str] = []
    if raw.organiser_text:
        found += organisers.split_organisers(raw.organiser_text, country=country)
    for name in raw.structured.get("organisers", []) or []:
        found.append(organisers.canonical_organiser(str(name), country=country))
    found += organisers.find_organisers(" ".join(filter(None, [raw.title, raw.body_text])), country=country)
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

    ``today`` stands in for the page's date when the page shows none (a crawl passes the crawl date).
    """
    warnings: list[str] = []
    if raw.published is None and today is not None:
        raw = _with_published(raw, today)
    heading = clean(raw.title) or clean(raw.structured.get("name"))
    if names.is_title_junk(heading):
        heading = None
    body = raw.body_text or ""
    verdict = relevance.judge(heading, body, rule=relevance.RelevanceRule.from_config(raw.relevance))
    if not verdict.relevant:
        return Normalised(None, [], f"not a conference page: {verdict.reason}")
    # A page without a usable heading is named by the phrase its text uses for the event.
    title = heading or clean(names.choose_title(None, _name_sentences(body)))
    if not title:
        return Normalised(None, [], "no title")
    langs = [raw.language] if raw.language else None
    sentences = event_sentences(title, body) or split_sentences(body)[:3]
    when, date_sentence = _date_range(raw, sentences, langs)
    if when is None:
        warnings.append(f"{raw.url}: start_date: no date found" + (f" in {raw.date_text!r}" if raw.date_text else ""))
    where = _place(raw, date_sentence, sentences)
    if where is None:
        warnings.append(f"{raw.url}: city: no place found" + (f" in {raw.place_text!r}" if raw.place_text else ""))
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
        documents=[Document(clean(d.get("title")) or d["url"], d["url"]) for d in raw.documents if d.get("url")],
        status=status.detect_status(" ".join(filter(None, [title, body]))),
    )
    return Normalised(fields, warnings)


def _name_sentences(body: str) -> list[str]:
    """Where an event's name is given: the sentences that present it, then the page's opening."""
    opening = split_sentences(body)[:8]
    cued = [s for s in event_sentences(None, body, limit=4) if s not in opening][:4]
    return opening + cued


def _with_published(raw: RawEvent, day: dt.date) -> RawEvent:
    from dataclasses import replace

    return replace(raw, published=day)


def _first_paragraph(body: str, *, skip: set[str | None] | None = None) -> str | None:
    """The first paragraph of running text: not the heading, a label or a list."""
    for para in body.split("\n\n"):
        text = clean(para)
        if not text or text in (skip or set()) or text.startswith("\u2022") or not re.search(r"[.!?…]", text):
            continue
        if len(text) > 40:
            return text[:1000]
    return None
