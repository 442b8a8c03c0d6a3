"""Pages that announce several events: where each event's section starts.

A newsletter, a tag page of teasers or a news item about two conferences holds several blocks
that each start an event. Two kinds of start are read here:

- a heading-like line naming a meeting ("OSCE-wide Counter-Terrorism Conference", a headline
  "... explored at OSCE Counter-Terrorism Conference in Rome") followed by running text that gives
  that meeting its own date or place;
- a paragraph that opens with a date and names a conference and a place in its first sentence
  ("Am 10./11. Mai beteiligt sich ... in Rom an der ... Konferenz"), when that date is not long
  before the page's own date (background history is no announcement).

The text before the first start is the page's lead section when it gives an event its own date.
A page with fewer than two sections is a one-event page and is read as one. UNOCT's date-line
headings ("15-17 May 2019 Dushanbe, Tajikistan") are read in ``unoct.split_sections``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from confwatch import slugs
from confwatch.spiders.extract import Block
from confwatch.spiders.normalise import quotes
from confwatch.spiders.normalise.furniture import is_caption
from confwatch.spiders.parsed_page import Page, is_date_or_place_line, is_eventish
from confwatch.spiders.untrusted import MAX_ITEMS

__all__ = [
    "Section",
    "event_sections",
    "listing_sections",
    "listing_topic",
    "names_conference",
    "paired_names",
    "report_topic",
    "slug",
]

# Any fixed day makes a year-less date line recognisable ("25-26 March").
_ANY_YEAR = dt.date(2000, 6, 30)
# A heading that labels a part of one event's page, not another event.
_PART_LABEL = re.compile(
    r"\b(?:programme|program|agenda|objectives?|background|about|participants?|registration|contacts?"
    r"|venue|speakers?|documents?|outcomes?|summary|report|concept\s+note|logistics|previous|past"
    r"|related|see\s+also|read\s+more|more\s+news|other\s+news|upcoming\s+events|latest)\b",
    re.I,
)
_MIN_RUNNING = 60  # characters: shorter blocks are labels, dates or captions, not running text
# Meeting words that make a paragraph a conference of its own (not "a meeting with the minister"):
# the lexicon's large and small event nouns ("conference", "семинар", "Fachtagung", "taller").
_CONFERENCE_KINDS = frozenset({"large", "small"})
# A paragraph starting at a new event may open with the date (within the first words).
_DATE_OPENING = 12
# An opening date this long before the page's date is history, not another announced event.
_HISTORY = dt.timedelta(days=7)


@dataclass
class Section:
    heading: Block | None  # the heading-like block that starts the section, if any
    blocks: list[Block]  # the section's text after its heading
    lead: bool = False  # the text before the first start: the page's own heading names it
    title: str | None = None  # the name a listing's date line gives the entry ("12 May: „X“")
    listing: bool = False  # an entry of a listing (title line, date line, a few short lines)
    when: object = None  # a listing entry's date, as its date line gives it
    place: str | None = None  # what a listing entry's date line says after the date ("Almaty")
    report: bool = False  # one of a report's dated paragraphs, each on a meeting of its own


def slug(text: str) -> str:
    """An anchor for a section: "OSCE-wide CT Conference" -> "osce-wide-ct-conference"."""
    return slugs.slug(text, fallback="section")


def _running(b: Block) -> bool:
    """Running text: a paragraph of sentences, not a headline, a label or a caption."""
    text = b.text.strip()
    if b.kind in ("caption", "quote", "li") or b.is_heading or len(text) < _MIN_RUNNING:
        return False
    return bool(re.search(r"[.!?…][\"”»’)]?$", text)) or len(text) >= 2 * _MIN_RUNNING + 40


def _first_sentence(text: str) -> str:
    from confwatch.spiders.normalise.sentences import split_sentences

    found = split_sentences(text)
    return found[0] if found else text


def _dates(text: str, published: dt.date | None) -> list[tuple[object, int, int]]:
    from confwatch.spiders.normalise import dates

    return list(dates.find_date_ranges(text, published=published or _ANY_YEAR))


def _has_place(text: str) -> bool:
    from confwatch.spiders.normalise.place_mentions import find_place

    found = find_place(text)
    return bool(found and (found.city or found.country))


def _event_heading(b: Block) -> bool:
    """A heading-like line that names a meeting: short, no sentence end, an event word."""
    from confwatch.spiders.normalise import headings, names

    text = b.text.strip()
    if b.kind in ("li", "caption", "quote", "dt", "dd") or "\n" in text:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in quotes.OPENERS):
        return False  # a wrapped line's continuation, not a heading
    if not 3 <= len(text.split()) <= 30 or len(text) > 220 or re.search(r"[.!?;:,]$", text):
        return False
    if headings.is_title_junk(text) or _PART_LABEL.search(text) or is_date_or_place_line(text):
        return False
    if is_caption(text):
        return False  # "X participates in the meeting (Photo/WAM)": a photo's caption, no heading
    return is_eventish(text) or names.event_name(text) is not None


def _own_date_or_place(body: list[Block], published: dt.date | None) -> bool:
    """The running text right under a heading gives a date or a place of its own."""
    for b in body[:2]:
        if b.kind == "caption":
            continue
        if b.kind != "p" or not _running(b):
            return False
        text = b.text.strip()[:500]
        return bool(_dates(text, published)) or _has_place(_first_sentence(text))
    return False


def names_conference(text: str) -> bool:
    """The text names a conference-like meeting of its own (a large or small event noun of the
    lexicon: "conference", "семинар", "Fachtagung", "taller"), not just "a meeting"."""
    from confwatch.spiders.normalise import lexicon

    return lexicon.has_event_word(text, _CONFERENCE_KINDS)


def _opens_event(
    b: Block, published: dt.date | None, lead_day: Callable[[], dt.date | None] = lambda: None
) -> bool:
    """A paragraph that opens with a current date and names a conference and its place.

    A date is history before the page's date, or, on a page that prints none, before the first
    day its lead gives (``lead_day``, asked only when needed)."""
    if b.kind != "p" or not _running(b):
        return False
    sentence = _first_sentence(b.text.strip())
    hits = _dates(sentence, published)
    if not hits:
        return False
    since = published or lead_day()
    if since is None:
        return False
    start = hits[0][0].start  # type: ignore[attr-defined]
    if start < since - _HISTORY and not _held_shortly_before(sentence, since, published):
        return False
    if hits[0][1] > _DATE_OPENING:
        # The date later in the sentence: "... the joint meeting of the Chiefs of Staff on
        # August 28 and 29, in Niamey" names a meeting of its own (a qualified one counts). A
        # dateline's date ("ANKARA (Oct. 23, 2015) - ... the conference held Oct. 13") is the
        # page's, not another event's.
        own = [h for h in hits if h[0].start != published]  # type: ignore[attr-defined]
        return (
            len(own) == len(hits) and _names_meeting_of_its_own(sentence) and _has_place(sentence)
        )
    return _names_conference_first(sentence) and _has_place(sentence)


# How long before an undated page's lead a meeting its body says it held is still reported.
_REPORTED_BEFORE = dt.timedelta(days=62)


def _held_shortly_before(sentence: str, since: dt.date, published: dt.date | None) -> bool:
    """On a page that prints no date, a paragraph saying a body held a meeting ("The institute
    held a round table on 25 October in Vienna") weeks before the lead's event reports that
    meeting too: a body's own report of its season, not a background mention. A date without
    its year is then read against the lead's day."""
    from confwatch.spiders.normalise import lexicon

    if published is not None or lexicon.words("held", "active").search(sentence) is None:
        return False
    hits = _dates(sentence, since)
    return bool(hits) and since - _REPORTED_BEFORE <= hits[0][0].start <= since  # type: ignore[attr-defined]


def _names_meeting_of_its_own(text: str) -> bool:
    """The text names a conference-like noun, or a meeting with a qualifier ("joint meeting",
    "réunion ministérielle"), not just "a meeting"; not as the setting, the past or the source
    of the results of something else ("on the margins of", "the outcome of the summit")."""
    from confwatch.spiders.normalise import lexicon
    from confwatch.spiders.normalise.titles import passing

    passed = -1  # where the last meeting named in passing ends
    for w in lexicon.event_words(text, _CONFERENCE_KINDS | {"qualified"}):
        before = text[: w.start]
        if passing().search(before) or (
            passed >= 0 and _BODYS_MEETING.match(text, passed, w.start)
        ):
            # "the outcome of the summit of the Conference on ...": the body whose summit it
            # was is named in passing with it.
            passed = w.end
            continue
        if w.kind in _CONFERENCE_KINDS or (w.kind == "qualified" and w.noun == "meeting"):
            return True
    return False


_BODYS_MEETING = re.compile(
    r"\s+(?:of|de|du|des|del|der)\s+(?:(?:the|la|le|l['’]|les|el|los|las)\s*)?$", re.IGNORECASE
)


def _lead_dates(blocks: list[Block], published: dt.date | None) -> list[object]:
    """The dates the lead's running text gives, without a press dateline's ("MINSK, 10 May -
    ... on 9-10 October": the first date opens the paragraph and another follows; "MINSK,
    10.05.2022 - The minister received ...": the one date opens it and is the page's own)."""
    out: list[object] = []
    for b in blocks:
        if not _running(b):
            continue
        hits = _dates(b.text, published)
        if hits and hits[0][1] <= 40 and (len(hits) >= 2 or _dateline(b.text, hits[0], published)):
            hits = hits[1:]
        out += [h[0] for h in hits]
    return out


def _dateline(text: str, hit: tuple[object, int, int], published: dt.date | None) -> bool:
    """The paragraph's one opening date is a press dateline's ("BISHKEK, 8 Nov - Sputnik.") or
    the page's own day: the date of the release, not of an event."""
    from confwatch.spiders.normalise import page_date

    when = hit[0]
    start, end = getattr(when, "start", None), getattr(when, "end", None)
    if published is not None and start == published and end in (None, published):
        return True
    return page_date.classify(text, hit, None).kind == "dateline"  # type: ignore[arg-type]


def _first_lead_day(
    blocks: list[Block], start: int, published: dt.date | None
) -> tuple[int, dt.date] | None:
    """The first day running text gives from ``blocks[start]`` on (a lead names its own event
    first), with the index of its block; a press dateline's date is skipped as in
    ``_lead_dates``."""
    for j in range(start, len(blocks)):
        b = blocks[j]
        if not _running(b):
            continue
        hits = _dates(b.text, published)
        if len(hits) >= 2 and hits[0][1] <= 40:
            hits = hits[1:]
        if hits:
            return j, hits[0][0].start  # type: ignore[attr-defined]
    return None


class _LeadDays:
    """The first day of the lead before each paragraph, ``blocks[start:i]``: found once per
    ``start`` (a long page asked again for every paragraph was quadratic: 5 s on 5 MB)."""

    def __init__(self, blocks: list[Block], published: dt.date | None) -> None:
        self.blocks, self.published = blocks, published
        self.found: dict[int, tuple[int, dt.date] | None] = {}

    def before(self, start: int, i: int) -> dt.date | None:
        if start not in self.found:
            self.found[start] = _first_lead_day(self.blocks, start, self.published)
        hit = self.found[start]
        return hit[1] if hit is not None and hit[0] < i else None


def _lead_has_event(blocks: list[Block], published: dt.date | None) -> bool:
    """The text before the first section start announces an event with its own date."""
    text = " ".join(b.text for b in blocks if _running(b))
    return bool(text and is_eventish(text) and _lead_dates(blocks, published))


def _another_date(b: Block, lead: list[Block], published: dt.date | None) -> bool:
    """A dated paragraph whose date is none of the lead's: another event, not the same one."""
    hits = _dates(_first_sentence(b.text.strip()), published)
    return bool(hits) and all(hits[0][0] != d for d in _lead_dates(lead, published))


def _opening_date(b: Block, published: dt.date | None) -> object | None:
    """The date a paragraph opens with ("On 8-9 May 2022, ..."), not a dateline's; None when
    the paragraph opens otherwise."""
    from confwatch.spiders.normalise import page_date

    if b.kind != "p" or not _running(b):
        return None
    sentence = _first_sentence(b.text.strip())
    hits = _dates(sentence, published)
    if not hits or hits[0][1] > _DATE_OPENING or len(sentence[: hits[0][1]].split()) > 1:
        return None
    if page_date.classify(sentence, hits[0], None).kind != "text":  # type: ignore[arg-type]
        return None  # "10 May 2019 - The ministry ...": the release's own date line
    return hits[0][0] if _names_conference_first(sentence) else None


def _names_conference_first(sentence: str) -> bool:
    """The first meeting the sentence names is a conference-like one, not a training course
    ("Training workshops on youth leadership" is a course: eval-format §5.1)."""
    from confwatch.spiders.normalise import lexicon

    found = lexicon.event_words(sentence, _CONFERENCE_KINDS | {"training"})
    return bool(found) and found[0].kind != "training"


def _one_programme(days: list[object]) -> bool:
    """Single days that follow one another ("On 12 May ... On 13 May ..."): the days of one
    event's programme, not several events."""
    spans: list[tuple[dt.date, dt.date]] = [(d.start, d.end) for d in days]  # type: ignore[attr-defined]
    return all(a == b for a, b in spans) and all(
        (y[0] - x[0]).days == 1 for x, y in itertools.pairwise(spans)
    )


def _report_starts(blocks: list[Block], published: dt.date | None) -> set[int]:
    """Paragraphs of a report of several meetings: two or more running paragraphs in a row that
    each open with a date of their own and name a conference ("On 8-9 May, ... at the Annual
    Conference ..." / "On 20-25 May, ... in the International Forum ..."). A report tells past
    meetings too, so the page's date does not make them history."""
    runs: list[list[tuple[int, object]]] = [[]]
    for i, b in enumerate(blocks):
        if b.kind == "caption":
            continue  # a photo between two paragraphs does not end the run
        when = _opening_date(b, published)
        if when is not None:
            runs[-1].append((i, when))
        elif runs[-1]:
            runs.append([])
    out: set[int] = set()
    for run in runs:
        days = [when for _, when in run]
        if len(run) >= 2 and len(set(map(repr, days))) == len(days) and not _one_programme(days):
            out.update(i for i, _ in run)
    return out


def event_sections(page: Page) -> list[Section]:
    """The sections of a page that announces several events, in page order; [] otherwise."""
    blocks = page.blocks
    headed = [
        i
        for i, b in enumerate(blocks)
        if i > 0 and _event_heading(b) and _own_date_or_place(blocks[i + 1 :], page.published)
    ]
    reported = _report_starts(blocks, page.published)
    lead_days = _LeadDays(blocks, page.published)
    starts: list[int] = []
    for i, b in enumerate(blocks):
        if len(starts) > MAX_ITEMS:
            break  # a list's bound (decision 0010): the first MAX_ITEMS sections, each with its end
        if i in headed:
            starts.append(i)
            continue
        # A dated paragraph starts another event only after text that announced one.
        first = starts[-1] if starts else 0
        before = blocks[first:i]
        if i in reported or (
            _opens_event(b, page.published, functools.partial(lead_days.before, first, i))
            and _lead_has_event(before, page.published)
            and _another_date(b, before, page.published)
        ):
            starts.append(i)
    if not starts:
        return []
    sections: list[Section] = []
    lead = blocks[: starts[0]]
    if _lead_has_event(lead, page.published):
        sections.append(Section(None, lead, lead=True))
    for n, start in enumerate(starts[:MAX_ITEMS]):
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        if start in headed and sections and _repeats_headline(blocks[start], sections[-1]):
            # A story quoting the release it reports under the release's own headline: the same
            # event again, part of the section before it.
            last = sections[-1]
            sections[-1] = replace(last, blocks=last.blocks + blocks[start:end])
        elif start in headed:
            sections.append(Section(blocks[start], blocks[start + 1 : end]))
        else:
            sections.append(Section(None, blocks[start:end], report=start in reported))
    return sections[:MAX_ITEMS] if len(sections) >= 2 else []


_HEADLINE_CHARS = 250
_MINOR_WORDS = frozenset({"the", "and", "for", "des", "les", "der", "die", "das", "und", "del"})


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]{3,}", text.casefold())
    return {w for w in words if w not in _MINOR_WORDS}


def _repeats_headline(heading: Block, before: Section) -> bool:
    """The heading's words are all words of a headline of the section before it ("State
    Department to Host Counterterrorism Conference June 13-15" ... "DEPARTMENT OF STATE TO HOST
    COUNTERTERRORISM CONFERENCE"): it names the same event again, as a wire story does when it
    quotes the announcement in full. The section's own heading is not compared: two sections
    headed alike are two editions of one series, each with its dates."""
    words = _content_words(heading.text)
    if len(words) < 3:
        return False
    return any(_headline(b) and words <= _content_words(b.text) for b in before.blocks)


def _headline(b: Block) -> bool:
    """A line set as a headline: short, one line, no sentence end."""
    text = b.text.strip()
    return len(text) <= _HEADLINE_CHARS and "\n" not in text and not re.search(r"[.!?;:]$", text)


# A listing (an events calendar, an organisation's list of workshops, a tag page) gives each entry
# a title line and a date line, in either order, then a few short lines (place, organiser, a
# teaser): no running text announces them. A date line is a date and at most a short tail ("12.
# Dezember 2025, Online", "15-17 May 2019 Dushanbe, Tajikistan"), or a date and the entry's own
# name ("13. Januar 2026: „Title“", an item of a series under the series' title line).
_DATE_LINE = 220  # characters: longer lines are paragraphs that open with a date
_DATE_TAIL_WORDS = 6  # a place, "Online", a time: more words after the date make a sentence
_ENTRY_TAIL = 6  # blocks after an entry's date and title lines that still belong to it
_NAME_AFTER_DATE = re.compile(r"^\s*[:–—|-]\s*(?P<name>\S.*)$")
_QUOTED = re.compile(
    rf"[{quotes.OPENERS}](?P<name>[^{quotes.NOT_APOSTROPHES}]{{3,}}?)[{quotes.CLOSERS}]\s*$"
)
# Short entries that make a page a listing: an entry after them may carry a longer text.
_LISTED = 2
_LISTING_TOPIC_MIN = 2  # topic words a listing's own heading and intro give all its entries


@dataclass
class _Dated:
    at: int  # the block's index
    when: object  # the date it gives
    name: str | None  # the entry's own name after the date, if the line gives one
    tail: str | None = None  # the short rest of the line: a place, "Online", a time


def _date_line(b: Block, at: int, published: dt.date | None) -> _Dated | None:
    """A line that is a date with a short tail, or a date and a name; None otherwise."""
    text = b.text.strip()
    if not text or len(text) > _DATE_LINE or b.kind in ("caption", "quote"):
        return None
    hits = _dates(text, published)
    if not hits or hits[0][1] > _DATE_OPENING or len(text[: hits[0][1]].split()) > 1:
        return None  # the date must open the line ("Mittwoch, 17. Dezember 2025" does)
    rest = text[hits[0][2] :]
    named = _NAME_AFTER_DATE.match(rest)
    if named and not re.search(r"[.!?;]$", named.group("name")):
        name = _quoted_name(named.group("name")) or named.group("name").strip()
        if len(name.split()) >= 2 or _QUOTED.search(named.group("name")):
            return _Dated(at, hits[0][0], name)
    tail = rest.strip(" ,;:–—|-")
    if len(tail.split()) > _DATE_TAIL_WORDS or re.search(r"[.!?]$", tail):
        return None
    return _Dated(at, hits[0][0], None, tail or None)


def _quoted_name(text: str) -> str | None:
    """The quoted name that ends a line ("Webtalk: „Title“" -> "Title"), if any."""
    m = _QUOTED.search(text.strip())
    return m.group("name").strip() if m else None


def _title_line(b: Block) -> bool:
    """A line that can title a listing's entry: short, no sentence, not a date or a place."""
    from confwatch.spiders.normalise import headings

    text = b.text.strip()
    if b.kind in ("caption", "quote") or "\n" in text or len(text) < 6 or len(text) > 220:
        return False
    if not 1 <= len(text.split()) <= 30 or re.search(r"[.;:,]$", text):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in quotes.OPENERS):
        return False
    if _PROGRAMME_LINE.match(text):
        return False  # "Programme", "15H40 Table ronde : ...": one event's programme, no entry
    return not (headings.is_title_junk(text) or is_date_or_place_line(text) or is_caption(text))


# A programme's own label, or an item of it opening with its time of day ("17H00", "09:30").
_PROGRAMME_LINE = re.compile(
    r"(?:programm?e?|program|programa|agenda|ordre\s+du\s+jour|tagesordnung|программа)\s*:?\s*$"
    r"|\d{1,2}\s?(?:[hH:]\s?\d{2}|[hH])(?![\d.:/])",
    re.IGNORECASE,
)


def listing_sections(page: Page) -> list[Section]:
    """The entries of a listing, in page order ([] when the page is no listing of two or more).

    Each entry is a title line with its date lines (the title line above them, or below when the
    listing puts dates first) and the short lines after them up to the next entry. A date line
    that names its own item ("13. Januar 2026: „Title“") is an entry of its own under the title
    line of the series; an entry with several bare dates is one entry per date (a series of
    sessions). The same entry listed twice (a series and a month) is one."""
    blocks = page.blocks
    dated: list[_Dated] = []
    for i, b in enumerate(blocks):
        found = _date_line(b, i, page.published)
        if found:
            dated.append(found)
        if len(dated) > MAX_ITEMS:
            break
    if len(dated) < 2:
        return []
    runs: list[list[_Dated]] = []
    for d in dated:
        if runs and runs[-1][-1].at == d.at - 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    dated_at = {d.at for d in dated}

    def title_at(i: int) -> int | None:
        ok = 0 <= i < len(blocks) and i not in dated_at and _title_line(blocks[i])
        return i if ok else None

    above = [(title_at(r[0].at - 1), r) for r in runs]
    below = [(title_at(r[-1].at + 1), r) for r in runs]
    count_above = sum(1 for t, r in above if t is not None or r[0].name)
    count_below = sum(1 for t, r in below if t is not None or r[0].name)
    entries = above if count_above >= count_below else below
    entries = [(t, r) for t, r in entries if t is not None or any(d.name for d in r)]
    starts = sorted(min([r[0].at] + ([t] if t is not None else [])) for t, r in entries)
    # A date line over running text is a page's own header ("Strasbourg, 25-26 April 2007" over
    # the report), not an entry: an entry has short lines and at most one teaser paragraph. Once
    # two short entries make the page a listing, a later entry may carry a longer description.
    kept: list[tuple[int | None, list[_Dated]]] = []
    for t, r in entries:
        if len(kept) >= _LISTED or _short_entry(blocks, t, r, starts):
            kept.append((t, r))
    entries = kept
    named = sum(len(r) if t is not None else sum(1 for d in r if d.name) for t, r in entries)
    if named < 2:
        return []
    # An entry ends where the next one starts, kept or not: an item left out (a longer report
    # under its date and name) is still no part of the entry above it.
    sections: list[Section] = []
    seen: set[tuple[str, object]] = set()
    for t, run in entries:
        first = min([run[0].at] + ([t] if t is not None else []))
        last = max([run[-1].at] + ([t] if t is not None else []))
        following = [s for s in starts if s > first]
        end = min([following[0] if following else len(blocks), last + 1 + _ENTRY_TAIL])
        tail = blocks[last + 1 : end]
        heading = blocks[t] if t is not None else None
        for d in run:
            if heading is None and not d.name:
                continue
            title = d.name or _quoted_name(heading.text if heading is not None else "")
            key = ((title or (heading.text if heading is not None else "")).casefold(), d.when)
            if key in seen:
                continue  # one entry listed twice
            seen.add(key)
            sections.append(
                Section(
                    heading,
                    [blocks[d.at], *tail],
                    title=title,
                    listing=True,
                    when=d.when,
                    place=d.tail,
                )
            )
    if _programme_days(sections):
        return []
    return sections[:MAX_ITEMS] if len(sections) >= 2 else []


def _programme_days(sections: list[Section]) -> bool:
    """Entries under separate date lines that share one line for a title (a venue, "Day
    programme") on days that follow one another: the days of one event's programme."""
    heads = {s.heading.text.strip() if s.heading is not None else None for s in sections}
    if len(sections) < 2 or len(heads) != 1 or None in heads or any(s.title for s in sections):
        return False
    blocks = {id(s.blocks[0]) for s in sections}
    return len(blocks) == len(sections) and _one_programme([s.when for s in sections])


def _short_entry(blocks: list[Block], t: int | None, run: list[_Dated], starts: list[int]) -> bool:
    """The entry's own lines (up to the next entry, or a few lines) hold at most one paragraph of
    running text."""
    first = min([run[0].at] + ([t] if t is not None else []))
    last = max([run[-1].at] + ([t] if t is not None else []))
    following = [s for s in starts if s > first]
    end = min([following[0] if following else len(blocks), last + 1 + _ENTRY_TAIL])
    return sum(1 for b in blocks[last + 1 : end] if _running(b)) <= 1


def listing_topic(page: Page, sections: list[Section]) -> bool:
    """The listing's own heading and intro (the text before its first entry) give a
    counter-terrorism topic, which every entry shares ("Termine zu Radikalisierung &
    Prävention")."""
    from confwatch.spiders.normalise import lexicon

    opening = {id(s.heading if s.heading is not None else s.blocks[0]) for s in sections}
    intro: list[str] = []
    for b in page.blocks:
        if id(b) in opening:
            break
        intro.append(b.text)
    return lexicon.words("topic").count(" ".join(intro)) >= _LISTING_TOPIC_MIN


def report_topic(page: Page, section: Section) -> bool:
    """A report's meeting shares the report's subject: the page gives counter-terrorism topic
    words and the meeting's own paragraph names one ("a session on violent radicalisation")."""
    from confwatch.spiders.normalise import lexicon

    if not section.report:
        return False
    topic = lexicon.words("topic")
    own = " ".join(b.text for b in section.blocks)
    return topic.count(own) >= 1 and topic.count(page.text) >= _LISTING_TOPIC_MIN


_LEAD_SENTENCES = 3  # running sentences of a page's lead searched for two events named together
_JOINED = re.compile(
    r"^[\s,]*(?:and|и|et|und|y|e|as\s+well\s+as|а\s+также)\s+(?:the\s+|la\s+|le\s+|die\s+|der\s+|el\s+)?$",
    re.I,
)


def paired_names(page: Page) -> list[str]:
    """The names of two (or more) events a page's lead announces in one sentence ("4-5 сентября в
    Ташкенте будут проводиться 10-я конференция РАТС ШОС и 2-я конференция СНГ ..."): each is an
    event of the page, with the sentence's date and place. [] otherwise."""
    from confwatch.spiders.normalise import names
    from confwatch.spiders.normalise.sentences import announces_event, split_sentences

    running = [s for s in split_sentences(page.text) if len(s.split()) >= 8][:_LEAD_SENTENCES]
    for sentence in running:
        found = [n for strong, n in names.names_in(sentence) if strong]
        if len(found) < 2 or not announces_event(sentence):
            continue
        spans = [(sentence.casefold().find(n.casefold()), n) for n in found]
        if any(at < 0 for at, _ in spans):
            continue
        joined = [spans[0][1]]
        for (a, first), (b, second) in itertools.pairwise(spans):
            if not _JOINED.match(sentence[a + len(first) : b]):
                break
            joined.append(second)
        if len(joined) >= 2:
            return joined
    return []
