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
import itertools
import re
from dataclasses import dataclass

from confwatch import slugs
from confwatch.spiders.extract import Block, is_caption
from confwatch.spiders.parsed_page import Page, is_date_or_place_line, is_eventish
from confwatch.spiders.untrusted import MAX_ITEMS

__all__ = ["Section", "event_sections", "names_conference", "paired_names", "slug"]

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
    from confwatch.spiders.normalise import names

    text = b.text.strip()
    if b.kind in ("li", "caption", "quote", "dt", "dd") or "\n" in text:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"«'"):
        return False  # a wrapped line's continuation, not a heading
    if not 3 <= len(text.split()) <= 30 or len(text) > 220 or re.search(r"[.!?;:,]$", text):
        return False
    if names.is_title_junk(text) or _PART_LABEL.search(text) or is_date_or_place_line(text):
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


def _opens_event(b: Block, published: dt.date | None) -> bool:
    """A paragraph that opens with a current date and names a conference and its place."""
    if b.kind != "p" or not _running(b) or published is None:
        return False
    sentence = _first_sentence(b.text.strip())
    hits = _dates(sentence, published)
    if not hits:
        return False
    start = hits[0][0].start  # type: ignore[attr-defined]
    if start < published - _HISTORY:
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
    return names_conference(sentence) and _has_place(sentence)


def _names_meeting_of_its_own(text: str) -> bool:
    """The text names a conference-like noun, or a meeting with a qualifier ("joint meeting",
    "réunion ministérielle"), not just "a meeting"."""
    from confwatch.spiders.normalise import lexicon

    return any(
        w.kind in _CONFERENCE_KINDS or (w.kind == "qualified" and w.noun == "meeting")
        for w in lexicon.event_words(text, _CONFERENCE_KINDS | {"qualified"})
    )


def _lead_dates(blocks: list[Block], published: dt.date | None) -> list[object]:
    """The dates the lead's running text gives, without a press dateline's ("MINSK, 10 May -
    ... on 9-10 October": the first date opens the paragraph and another follows)."""
    out: list[object] = []
    for b in blocks:
        if not _running(b):
            continue
        hits = _dates(b.text, published)
        if len(hits) >= 2 and hits[0][1] <= 40:
            hits = hits[1:]
        out += [h[0] for h in hits]
    return out


def _lead_has_event(blocks: list[Block], published: dt.date | None) -> bool:
    """The text before the first section start announces an event with its own date."""
    text = " ".join(b.text for b in blocks if _running(b))
    return bool(text and is_eventish(text) and _lead_dates(blocks, published))


def _another_date(b: Block, lead: list[Block], published: dt.date | None) -> bool:
    """A dated paragraph whose date is none of the lead's: another event, not the same one."""
    hits = _dates(_first_sentence(b.text.strip()), published)
    return bool(hits) and all(hits[0][0] != d for d in _lead_dates(lead, published))


def event_sections(page: Page) -> list[Section]:
    """The sections of a page that announces several events, in page order; [] otherwise."""
    blocks = page.blocks
    headed = [
        i
        for i, b in enumerate(blocks)
        if i > 0 and _event_heading(b) and _own_date_or_place(blocks[i + 1 :], page.published)
    ]
    starts: list[int] = []
    for i, b in enumerate(blocks):
        if len(starts) > MAX_ITEMS:
            break  # a list's bound (decision 0010): the first MAX_ITEMS sections, each with its end
        if i in headed:
            starts.append(i)
            continue
        # A dated paragraph starts another event only after text that announced one.
        before = blocks[starts[-1] if starts else 0 : i]
        if (
            _opens_event(b, page.published)
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
        if start in headed:
            sections.append(Section(blocks[start], blocks[start + 1 : end]))
        else:
            sections.append(Section(None, blocks[start:end]))
    return sections[:MAX_ITEMS] if len(sections) >= 2 else []


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
