"""The event's dates: from structured data, a labelled field or the event's key sentence, with
the page's own date for a missing year and for "opened today"; and the registration deadline.

``read_dates`` says which text the dates came from, so the place is looked for there first.
"""

from __future__ import annotations

import datetime as dt
import re

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import dates, lexicon
from confwatch.spiders.normalise.explain import Explanation
from confwatch.spiders.normalise.phrases import vocabulary
from confwatch.spiders.normalise.sentences import split_sentences

_REGISTRATION = re.compile(
    r"(?:registration\s+deadline|deadline\s+for\s+registration|register\s+(?:by|before|no\s+later\s+than)"
    r"|registrations?\s+(?:close|closes|is\s+open\s+until|are\s+open\s+until))\s*(?:is|:|-|–)?\s*(?P<date>[^.;\n]{4,60})",
    re.I,
)


def read_dates(
    raw: RawEvent,
    sentences: list[str],
    langs: list[str] | None,
    explain: Explanation | None = None,
) -> tuple[dates.DateRange | None, str | None]:
    """The event's dates and the sentence (or label) they came from."""
    found, evidence, rule = _date_range(raw, sentences, langs, explain)
    if explain is not None:
        if found is None:
            explain.abstained("dates", "no date of this event on the page")
        else:
            shown = str(found.start) if found.end == found.start else f"{found.start} – {found.end}"
            explain.chose("dates", shown, evidence, rule)
    return found, evidence


def _date_range(
    raw: RawEvent, sentences: list[str], langs: list[str] | None, explain: Explanation | None
) -> tuple[dates.DateRange | None, str | None, str]:
    """The event's dates, the text they came from, and the rule that found them."""
    if raw.structured.get("start_date"):
        start = dates.parse_single_date(str(raw.structured["start_date"]), languages=langs)
        end_text = raw.structured.get("end_date")
        end = dates.parse_single_date(str(end_text), languages=langs) if end_text else start
        if start and end and end >= start:
            return dates.DateRange(start, end), None, "structured data (schema.org Event)"
    if raw.date_text:
        found = dates.parse_date_range(raw.date_text, languages=langs)
        if found:
            return _span_from_report(found, sentences, langs), raw.date_text, "labelled date"
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
                    return found, sentence, "labelled date, its year from the same date in the text"
    title_year = _title_year(raw.title)
    # "2020 Virtual Counter-Terrorism Week ... from 6-10 July": the name's year dates a
    # year-less day when the page shows no date of its own.
    reference = raw.published or (dt.date(title_year, 7, 1) if title_year else None)
    if raw.date_text:
        found = dates.parse_date_range(raw.date_text, published=reference, languages=langs)
        if found:
            year_from = "the page's date" if raw.published else "the event's name"
            rule = f"labelled date, its year from {year_from}"
            return _span_from_report(found, sentences, langs), raw.date_text, rule
    page_order = split_sentences(raw.body_text or "")
    for sentence in sentences:
        hits = dates.find_date_ranges(
            _without_deadlines(sentence), published=reference, languages=langs
        )
        if _is_dateline(sentence, hits):
            if explain is not None:
                explain.passed("dates", hits[0][0], sentence, "dateline", "the release's own date")
            hits = hits[
                1:
            ]  # "RIYADH, 17 February — ... held ... on 16 and 17 February": the press date
        if hits and title_year and hits[0][0].start.year != title_year:
            if explain is not None:
                why = f"not the year the event's name gives ({title_year})"
                explain.passed("dates", hits[0][0], sentence, "event sentence", why)
            continue  # "2017 ... Conference": a 2016 date in the text is another meeting's
        if hits and _about_another_event(raw.title, sentence):
            if explain is not None:
                why = "the sentence is about another kind of meeting"
                explain.passed("dates", hits[0][0], sentence, "event sentence", why)
            continue
        if hits:
            found = _span_from_wording(hits[0][0], sentence, page_order)
            rule = "the first date in the event's key sentence"
            return _extended(found, sentences, reference, langs), sentence, rule
    if raw.published:
        # "A two-day conference opened in Dushanbe today": the page's own date is the first day.
        for sentence in sentences[:8]:
            if _today_start().search(sentence) or _today_end().search(sentence):
                day = dates.DateRange(raw.published, raw.published)
                rule = "the page's own date, the event opened or ended 'today'"
                return _span_from_wording(day, sentence, page_order), sentence, rule
    return None, None, ""


def _today_start() -> re.Pattern[str]:
    """ "A two-day conference opened in Dushanbe today", "s'est ouverte aujourd'hui"."""
    return vocabulary()["today_start"]


def _today_end() -> re.Pattern[str]:
    """ "The seminar concluded today", "завершился сегодня"."""
    return vocabulary()["today_end"]


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
    if vocabulary()["closing"].search(lowered):
        return dates.DateRange(found.start - dt.timedelta(days=days - 1), found.end)
    if vocabulary()["opening"].search(lowered):
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


def read_registration(raw: RawEvent, langs: list[str] | None) -> dt.date | None:
    """The registration deadline the page states, if any."""
    texts = [raw.registration_text] if raw.registration_text else []
    texts += [m.group("date") for m in _REGISTRATION.finditer(raw.body_text or "")]
    for text in texts:
        day = dates.parse_single_date(text, published=raw.published, languages=langs)
        if day:
            return day
    return None
