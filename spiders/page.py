"""One page read into the pieces every source needs, and the single-event reading of it.

``read_page`` parses the markup once (or turns a text capture into markup) into a ``Page``
(``parsed_page``); ``single_event`` builds the ``RawEvent`` of a page that describes one
conference: an event page, a press release, a ministry post; a page announcing several gets one
per section (``sections``). Sources with other layouts (the UNOCT list of conferences) use the
same ``Page``.

``read_page`` is where a page's text enters confwatch: it cleans it there, once (``untrusted``),
so no control or bidi-override character reaches a parser, a spider's items or the store.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, TypedDict

from confwatch.spiders import extract, untrusted
from confwatch.spiders import sections as split
from confwatch.spiders.extract import Block
from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import quotes

# Their home is ``parsed_page`` (``sections`` needs them, and this module needs ``sections``);
# spiders and sources import them from here.
from confwatch.spiders.parsed_page import Page as Page
from confwatch.spiders.parsed_page import is_date_or_place_line as is_date_or_place_line
from confwatch.spiders.parsed_page import is_eventish as is_eventish
from confwatch.spiders.untrusted import MAX_FIELD, MAX_ITEMS

# Labels as sites write them, mapped to the RawEvent field they feed.
LABELS = {
    "date": "date_text",
    "dates": "date_text",
    "event date": "date_text",
    "when": "date_text",
    "date and time": "date_text",
    "duration": "date_text",
    "дата": "date_text",
    "place": "place_text",
    "location": "place_text",
    "venue": "place_text",
    "where": "place_text",
    "city": "place_text",
    "место": "place_text",
    "lieu": "place_text",
    "organized by": "organiser_text",
    "organised by": "organiser_text",
    "organizer": "organiser_text",
    "organizers": "organiser_text",
    "organiser": "organiser_text",
    "organisers": "organiser_text",
    "co-organizers": "organiser_text",
    "hosted by": "organiser_text",
    "convened by": "organiser_text",
    "registration deadline": "registration_text",
    "deadline for registration": "registration_text",
}
_BOILERPLATE = re.compile(
    r"^(?:skip to (?:main )?content|menu|search|home|share|print|back|english|français|русский|"
    r"press release|news|event|events|statement|story|news and press releases|posted:?.*|"
    r"description|summary|background|related|documents?|contacts?|-|–|•)$",
    re.I,
)
_KIND_LABEL = re.compile(
    r"^(?:press release|news release|event|news|statement|speech|story|announcement)$", re.I
)
_TOPIC_INTRO = re.compile(
    r"(?:topics|themes|sessions|issues|discuss(?:ed|ion)?|agenda|focus(?:es)? on|will address|"
    r"panels?|include|following)\b[^.]*:\s*$",
    re.I,
)
# "The Regional Conference on X will be organized in ...": a capitalised event noun of the
# lexicon's (large, small or meeting: "Conference", "Round table", "Meeting") ends the name.
_NAME_NOUN_KINDS = ("large", "small", "meeting")


class _Common(TypedDict):
    """The ``RawEvent`` fields every event of one page shares."""

    source: str
    body_text: str
    topics: list[str]
    documents: list[dict[str, str]]
    published: dt.date | None
    language: str | None
    relevance: dict[str, Any]


@lru_cache(maxsize=1)
def _name_in_sentence() -> re.Pattern[str]:
    from confwatch.spiders.normalise import lexicon

    nouns = "|".join(
        alt
        for row in lexicon.select("event_noun", _NAME_NOUN_KINDS, langs=("en",))
        for alt in lexicon.alternatives(row.pattern)
    )
    return re.compile(
        r"^(?:The\s+|A\s+|An\s+)?(?P<name>(?:[\w‘’'“”\"«»()/&,.-]+\s+){0,12}?"
        rf"(?=[A-Z])(?i:{nouns})(?!\w)"
        r"(?:\s+(?:on|of|for|against)\s+.+?)?)\s+(?:will|was|is|has|had|took|takes|to\s+be|were|are"
        r"|shall|opened|concluded)\b",
        re.S,
    )


# Arabic harakat (fathatan to sukun, maddah, hamza above and below, subscript alef), the
# superscript alef and the tatweel.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def read_page(
    body: str, url: str, *, is_text: bool = False, published: dt.date | None = None
) -> Page:
    """Parse a page once. ``is_text``: ``body`` is a text capture, not markup.

    The body is cleaned first (``untrusted.clean_markup``), and the strings JSON-LD decodes."""
    from confwatch.spiders.normalise.dates import parse_single_date

    if is_text:
        body = body[: 2 * untrusted.MAX_TEXT]  # a capture's text is its markup's: read no more
    body = untrusted.clean_markup(body)
    if _ARABIC_MARKS.search(body):
        # "عمّان", "عُقد": Arabic vowel marks and the tatweel are optional in print and cut a
        # word in two for every reader; without them it is the word the lexicon spells.
        body = _ARABIC_MARKS.sub("", body)
    html = extract.text_to_html(body) if is_text else body
    doc = extract.parse_html(html, base_url=url)
    meta = extract.meta_tags(doc)
    structured = (
        [] if is_text else [untrusted.clean_data(e) for e in extract.json_ld_events(html, url)]
    )
    # Labels before blocks: blocks() drops navigation chrome from the tree it is given.
    labels = extract.label_values(doc)
    block_list = extract.blocks(doc)
    labels.update({k: v for k, v in _block_labels(block_list).items() if k not in labels})
    text = extract.page_text(block_list)
    if published is None:
        written = extract.published_text(doc, text)
        if written:
            published = parse_single_date(written[:40])
    if published is None:
        # A dateline or a date line under the headline ("Strasbourg, 13.04.2011 –"), never a
        # site's "today is" header.
        published = _own_date(text, meta.get("lang"))
    return Page(url, html, doc, block_list, text, labels, meta, published, structured, is_text)


def _own_date(text: str, lang: str | None) -> dt.date | None:
    """The page's own date as its text prints it (``page_date.own_date``)."""
    from confwatch.spiders.normalise.page_date import own_date
    from confwatch.spiders.normalise.sentences import split_sentences

    found = own_date(split_sentences(text), [lang] if lang else None)
    return found[0] if found else None


def _block_labels(block_list: list[Block]) -> dict[str, str]:
    """ "Date:" in one block and its value in the next (text captures, definition-like lists)."""
    out: dict[str, str] = {}
    for i, b in enumerate(block_list[:-1]):
        text = b.text.strip()
        if text.endswith(":") and len(text) <= 40:
            label = text[:-1].strip().lower()
            value = block_list[i + 1].text.strip()
            if label in LABELS and not value.endswith(":") and label not in out:
                out[label] = value
    return out


def label_fields(labels: dict[str, str]) -> dict[str, str]:
    """RawEvent field -> text, from the page's label/value pairs."""
    out: dict[str, str] = {}
    for label, value in labels.items():
        target = LABELS.get(label.strip().lower())
        if target and value and target not in out:
            out[target] = value
    return out


def title_of(page: Page) -> str | None:
    """The conference's own name: the page heading, else og:title, else the first heading-like
    block."""
    from confwatch.spiders.normalise.furniture import strip_furniture
    from confwatch.spiders.normalise.headings import is_title_junk

    site = _site_names(page)
    for h in page.doc.xpath(f"(//h1)[position() <= {MAX_ITEMS}]"):
        text = strip_furniture(extract.squash(h.text_content()[:MAX_FIELD]))
        if (
            text
            and not _BOILERPLATE.match(text)
            and not is_title_junk(text)
            and not _is_site_name(text, site)
        ):
            return text
    for key in ("og:title", "twitter:title"):
        if page.meta.get(key):
            return _strip_site_name(page.meta[key])
    for i, b in enumerate(page.blocks[:-1]):
        # A text capture's "Press release" / "Event" label stands right above the title.
        if _KIND_LABEL.match(b.text.strip()) and page.blocks[i + 1].kind != "li":
            nxt = page.blocks[i + 1].text.strip()
            if 12 <= len(nxt) <= 250:
                return nxt
    looked = 0
    calendar = _calendar_lines(page.blocks[:_MENU_BLOCKS])
    for i, b in enumerate(page.blocks[:_MENU_BLOCKS]):
        text = strip_furniture(b.text.strip())
        if i in calendar:
            continue  # a calendar widget's dates over the page: no line of a heading's place
        looked += 1
        if looked > _HEADING_BLOCKS:
            break
        if b.kind == "li" and not _numbered_first_line(page, i):
            continue
        if _BOILERPLATE.match(text) or len(text) < 20:
            continue
        if len(text.split()) < 3 and not _noun_and_quoted_name(text):
            continue
        if _CALL_TO_ACTION.match(text) or _WEEKDAY_ROW.match(text):
            continue  # "Browse our Calendar!", "Mon Tue Wed ...": a calendar widget's lines
        if _kicker(text, page.blocks[i + 1 : i + 2]):
            continue  # "JUNTO CON LA COMANDANCIA" over the headline: a newspaper's kicker
        if _is_site_name(text, site) or _SOCIAL_BAR.search(text):
            continue  # the site's name over its page, as a logo line of a text capture
        if is_title_junk(text) or is_date_or_place_line(text):
            continue  # "15-17 May 2019 Dushanbe, Tajikistan" heads a section; the title follows
        if (len(text) <= 250 and not re.search(r"[.!?]\s*$", text)) or _asks(text):
            return text
        if len(text.split()) < _SENTENCE_WORDS:
            continue  # "Close this search box.": a widget's line, no key sentence
        return name_in_sentence(text) or None  # a text capture that opens with its key sentence
    if page.meta.get("title"):
        return _strip_site_name(page.meta["title"])
    return None


# "Fachkonferenz „Online.Extrem.Radikal“", "Colloque « X »": an event noun and its quoted name
# make a heading of two words.
_NOUN_AND_QUOTED = re.compile(rf"^\S+\s+{quotes.quoted('{3,}', own=False)}$")


def _noun_and_quoted_name(text: str) -> bool:
    from confwatch.spiders.normalise.name_words import has_event_word

    return bool(_NOUN_AND_QUOTED.match(text)) and has_event_word(text.split()[0])


# A short line that exclaims: a site's call to action ("Browse our Calendar!", "Register now!").
_CALL_TO_ACTION = re.compile(r"^(?:\S+\s+){0,5}\S+!$")
# A calendar's row of weekday names, in the languages of the lexicon.
_DAY = (
    r"(?:mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim|mo|di|mi|do|fr|sa|so|lu|ma|ju|vi"
    r"|пн|вт|ср|чт|пт|сб|вс)[a-zа-я]*\.?"
)
_WEEKDAY_ROW = re.compile(rf"^{_DAY}(?:\s+{_DAY}){{4,6}}$", re.IGNORECASE)
_SENTENCE_WORDS = 6  # words: a shorter line ended as a sentence is a widget's or a caption's
_HEADING_BLOCKS = 12  # blocks, besides a calendar's, a heading is looked for in
_CALENDAR_RUN = 3  # date lines in a row: a calendar widget, not a page's date line


def _calendar_lines(blocks: list[Block]) -> set[int]:
    """The blocks of runs of date lines ("Date : Tuesday, 04 September 2018" ...), a calendar
    widget over the page's own heading."""
    from confwatch.spiders.normalise.headings import is_title_junk

    out: set[int] = set()
    run: list[int] = []
    for i, b in enumerate([*blocks, None]):
        if b is not None and is_title_junk(b.text.strip()):
            run.append(i)
            continue
        if len(run) >= _CALENDAR_RUN:
            out.update(run)
        run = []
    return out


def _numbered_first_line(page: Page, i: int) -> bool:
    """A text capture's first line read as a list item for its number, alone, naming a meeting:
    an edition's ordinal ("4. Trierer Forum zum Recht der Inneren Sicherheit"), not a list."""
    blocks = page.blocks
    return (
        page.is_text
        and i == 0
        and (len(blocks) < 2 or blocks[1].kind != "li")
        and is_eventish(blocks[0].text)
    )


_KICKER_WORDS = 5


def _kicker(text: str, following: list[Block]) -> bool:
    """A few words in capitals right above a headline in mixed case: the kicker (antetítulo,
    Dachzeile) a newspaper sets over its headline, not the headline itself. A line in capitals
    that names a meeting ("REGIONAL CONFERENCE ON TERRORISM") is the event's name over its
    subtitle."""
    if len(text.split()) > _KICKER_WORDS or not text.isupper() or not following:
        return False
    if is_eventish(text):
        return False
    nxt = following[0].text.strip()
    return (
        following[0].kind != "li"
        and not nxt.isupper()
        and len(nxt.split()) > len(text.split())
        and len(nxt) <= 250
        and not re.search(r"[.!?]\s*$", nxt)
    )


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_NAMED_ACRONYM = re.compile(r"^[^()]{3,80}\((?P<short>[^\W\d_]{2,10})\)$")


def _is_site_name(text: str, site: set[str]) -> bool:
    """The line is the site's name, or a body's name with its acronym the site is named by
    ("Federal Criminal Police Office (BKA)" on bka.de)."""
    m = _NAMED_ACRONYM.match(text.strip())
    return _letters(text) in site or bool(m and _letters(m.group("short")) in site)


_SITE_NAME_META = ("og:site_name", "application-name")


def _site_names(page: Page) -> set[str]:
    """The site's own name, as a logo heading writes it: its ``og:site_name``, the last part of
    its ``<title>`` ("X | Federal Police"), its host's name ("bka" of bka.de), letters only."""
    from urllib.parse import urlsplit

    names = {page.meta.get(key, "") for key in _SITE_NAME_META}
    title = page.meta.get("title", "")
    if re.search(r"\s[|–—]\s", title):
        names.add(re.split(r"\s[|–—]\s", title)[-1])
    host = (urlsplit(page.url).hostname or "").removeprefix("www.")
    names.add(host.split(".")[0])
    return {_letters(n) for n in names} - {""}


_QUESTION_HEADLINE = 160  # characters: a headline that asks, not a paragraph that does
# "Radicalisation violente. Où en sommes-nous ?": a theme of a few words put before the question.
_THEME_WORDS = 5
# A share or follow bar: two networks' names in a row ("facebook icon twitter icon", "Facebook
# Twitter LinkedIn"), as a text capture keeps the icons' labels.
_SOCIAL = r"(?:facebook|twitter|instagram|linkedin|youtube|telegram|whatsapp|vkontakte|tiktok)"
_SOCIAL_BAR = re.compile(rf"\b{_SOCIAL}(?:\s+icon)?\s+{_SOCIAL}\b", re.IGNORECASE)


def _asks(text: str) -> bool:
    """A headline put as one question ("Terrorism: can prevention keep pace?"), perhaps after a
    theme of a few words ("Radicalisation. Where do we stand?"), standing as a line of its own: a
    heading, though it ends as a sentence does. (A line that exclaims is a site's call to action:
    "Browse our calendar!", "Register now!")"""
    from confwatch.spiders.normalise.sentences import split_sentences

    if len(text) > _QUESTION_HEADLINE or not text.rstrip().endswith("?"):
        return False
    return all(
        len(s.split()) <= _THEME_WORDS and s.rstrip().endswith(".")
        for s in split_sentences(text)[:-1]
    )


# A text capture may open with a long menu, a word a line ("Accueil", "News", "Sports"), above its
# headline; ``title_of`` looks at its first blocks only.
_MENU_BLOCKS = 60
_HEADLINE_LINES = 12


def _refusing_headline(page: Page, source_relevance: dict[str, Any] | None) -> str | None:
    """On a page whose first blocks give no heading: the headline under its menu, when that
    headline says the page is no conference page ("ASEAN, Japan sign MoU on ...": a signing;
    "Minister meets ambassador": a visit). Otherwise None, and the event's name is
    found in the text as before: a news headline is no better a name than the text's."""
    from confwatch.spiders.normalise import headings, relevance
    from confwatch.spiders.normalise.furniture import strip_furniture

    lines = [
        text
        for b in page.blocks[:_MENU_BLOCKS]
        if b.kind != "li"
        and len(text := strip_furniture(b.text.strip())) >= 20
        and len(text.split()) >= 3
    ][:_HEADLINE_LINES]
    for text in lines:
        if _BOILERPLATE.match(text) or headings.is_title_junk(text) or is_date_or_place_line(text):
            continue
        if len(text) > 250 or re.search(r"[.!?]\s*$", text):
            return None  # the text's first sentence: the page has no headline of its own
        rule = relevance.RelevanceRule.from_config(source_relevance)
        return None if relevance.judge(text, page.text, rule=rule).relevant else text
    return None


def page_heading(page: Page) -> str | None:
    """The page's own heading (``title_of``), unless it is a publication line or furniture."""
    from confwatch.spiders.normalise import headings

    heading = title_of(page)
    return None if headings.is_title_junk(heading) else heading


def conference_title(page: Page, *, source_relevance: dict[str, Any] | None = None) -> str | None:
    """The conference's own name: the page heading, unless it is a news headline, navigation or a
    publication line; then the name the text gives the event. A page that is no conference page
    by its heading keeps the heading, so the relevance verdict stays the heading's."""
    from confwatch.spiders.normalise import headings, relevance
    from confwatch.spiders.normalise.sentences import event_sentences, split_sentences
    from confwatch.spiders.normalise.titles import choose_title

    heading = title_of(page)
    if headings.is_title_junk(heading):
        heading = None
    rule = relevance.RelevanceRule.from_config(source_relevance)
    if heading and not relevance.judge(heading, page.text, rule=rule).relevant:
        return heading
    opening = split_sentences(page.text)[:8]
    cued = [s for s in event_sentences(None, page.text, limit=4) if s not in opening][:4]
    return choose_title(heading, opening + cued)


def name_in_sentence(sentence: str) -> str | None:
    """ "The Regional Conference on X will be organized in..." -> "Regional Conference on X"."""
    from confwatch.spiders.normalise.names import event_name

    m = _name_in_sentence().match(sentence.strip())
    if not m:
        return None
    # "From 4-5 June 2019, the Regional Workshop on X was held": the name, not the date before it.
    name = event_name(m.group("name")) or m.group("name").strip(" ,")
    return name if 12 <= len(name) <= 300 else None


def _strip_site_name(title: str) -> str:
    return re.split(r"\s+[|–—]\s+(?=[^|–—]*$)", title)[0].strip()


def topics_of(block_list: list[Block]) -> list[str]:
    """List items that follow an intro such as "Topics discussed include:" or "The three main
    themes are:"."""
    topics: list[str] = []
    for i, b in enumerate(block_list):
        # The intro ends with a colon: test that before the costly search of every block.
        if b.kind == "li" or not b.text.rstrip().endswith(":") or not _TOPIC_INTRO.search(b.text):
            continue
        j = i + 1
        while j < len(block_list) and block_list[j].kind == "li":
            item = _NUMBERING.sub("", block_list[j].text.strip())
            if topics and _runs_on(topics[-1], item):
                topics[-1] = f"{topics[-1]} {item}"  # one agenda item split over two lines
            elif 3 <= len(item) <= 300 and not item.lower().startswith("http"):
                topics.append(item)
            j += 1
        del topics[MAX_ITEMS:]
        if topics:
            break
    return topics


_NUMBERING = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-z])[.)]\s+")
# A topic line that stops where its phrase cannot: on a linking word or a verb still wanting its
# object ("... Approach in Conceptualizing and Implementing" + "National Strategy").
_OPEN_END = re.compile(
    r"(?:\b(?:and|or|of|to|in|on|for|the|a|an|with|by|at|from|et|de|des|du|la|le|и|в|на|по|und|der|die"
    r"|y|del)|\w+ing|,)$",
    re.IGNORECASE,
)
_RUN_ON_WORDS = 4


def _runs_on(previous: str, item: str) -> bool:
    """``item`` continues ``previous``: the line before ends open and this one is a short tail
    (or starts in lower case)."""
    if re.search(r"[.!?:;]$", previous):
        return False
    return bool(_OPEN_END.search(previous)) and (
        len(item.split()) <= _RUN_ON_WORDS or item[:1].islower()
    )


def single_event(
    page: Page,
    source: str,
    *,
    selectors: dict[str, str] | None = None,
    relevance: dict[str, Any] | None = None,
) -> list[RawEvent]:
    """The events of a page that describes one conference (or several in schema.org markup)."""
    fields = label_fields(page.labels)
    for name, selector in (selectors or {}).items():
        value = select_text(page, selector)
        if value:
            fields[name] = value
    # The page's heading as it stands: the normaliser decides whether it is the event's name.
    title = fields.pop("title", None) or page_heading(page) or _refusing_headline(page, relevance)
    common = _Common(
        source=source,
        body_text=page.text,
        topics=topics_of(page.blocks),
        documents=extract.document_links(page.doc, page.url),
        published=page.published,
        language=page.language,
        relevance=dict(relevance or {}),
    )
    if not page.structured and not selectors:
        several = section_events(page, source, common) or paired_events(page, fields, common)
        if several:
            return several
    if page.structured:
        events = []
        if len(page.structured) > 1:
            # Each event reads the page's text: together no more than one page's worth (200
            # events on a page of 200,000 characters once cost 90 s).
            common["body_text"] = page.text[: untrusted.MAX_TEXT // len(page.structured)]
        for i, item in enumerate(page.structured):
            data = extract.structured_fields(item)
            url = page.url if len(page.structured) == 1 else f"{page.url}#event-{i + 1}"
            events.append(
                RawEvent(
                    url=url,
                    title=data.get("name") or title,
                    structured=data,
                    description=data.get("description"),
                    **common,
                )
            )
        return events
    return [
        RawEvent(
            url=page.url,
            title=title,
            date_text=fields.get("date_text"),
            place_text=fields.get("place_text"),
            organiser_text=fields.get("organiser_text"),
            registration_text=fields.get("registration_text"),
            description=fields.get("description"),
            **common,
        )
    ]


def paired_events(page: Page, fields: dict[str, str], common: _Common) -> list[RawEvent]:
    """One event per name of the events a page's lead announces together in one sentence
    (``sections.paired_names``), each with its own anchor; [] when there are not two."""
    found = split.paired_names(page)
    base = page.url.split("#")[0]
    return [
        RawEvent(
            url=f"{base}#{split.slug(name)}",
            title=name,
            date_text=fields.get("date_text"),
            place_text=fields.get("place_text"),
            organiser_text=fields.get("organiser_text"),
            registration_text=fields.get("registration_text"),
            **common,
        )
        for name in found
    ]


def section_events(page: Page, source: str, common: _Common) -> list[RawEvent]:
    """One event per section of a page that announces several (``sections.event_sections``),
    each with its own anchor URL; [] for a one-event page."""
    from confwatch.spiders.normalise.sentences import split_sentences
    from confwatch.spiders.normalise.titles import choose_title

    found = split.event_sections(page) or split.listing_sections(page)
    # A listing's heading names the topic of all its entries: each entry names only its own.
    shared_topic = bool(found) and found[0].listing and split.listing_topic(page, found)
    events: list[RawEvent] = []
    used: set[str] = set()
    base = page.url.split("#")[0]
    for section in found:
        own = ([section.heading] if section.heading else []) + section.blocks
        if section.listing and section.title and section.heading is not None:
            # An item of a series: its own line first, the series' title line after it as context.
            own = [*section.blocks[:1], section.heading, *section.blocks[1:]]
        text = extract.page_text(own)
        part = replace(page, blocks=own, text=text, labels=_block_labels(own), structured=[])
        body = extract.page_text(section.blocks)
        title: str | None
        if section.title:
            title = section.title
        elif section.lead:
            title = conference_title(part, source_relevance=common.get("relevance"))
        else:
            heading = section.heading.text.strip() if section.heading else None
            title = choose_title(heading, split_sentences(body)[:6])
        if (section.heading is None or section.listing) and not section.lead and title:
            text = f"{title}\n\n{text}"  # the name the paragraph gives is the section's heading
        fields = label_fields(part.labels)
        if section.listing:
            # The entry's date line is its labelled date ("Date: ..." on an event page).
            fields.setdefault("date_text", section.blocks[0].text.strip())
            if section.place:
                fields.setdefault("place_text", section.place)
        anchor = split.slug(title or text[:60])
        while anchor in used:
            anchor += "-2"
        used.add(anchor)
        element = section.heading.element if section.heading is not None else None
        if element is not None and element.get("id"):
            anchor = element.get("id")
        own_common: _Common = {
            **common,
            "body_text": text,
            "topics": topics_of(own),
            "documents": _section_documents(page, own),
        }
        if shared_topic or split.report_topic(page, section):
            own_common["relevance"] = {**common["relevance"], "require_topic_words": False}
        events.append(
            RawEvent(
                url=f"{base}#{anchor}",
                title=title,
                date_text=fields.get("date_text"),
                place_text=fields.get("place_text"),
                organiser_text=fields.get("organiser_text"),
                registration_text=fields.get("registration_text"),
                # The name a listing quotes or dates is the entry's name as the site gives it,
                # as schema.org's "name" is: the text's other names do not replace it.
                structured={"name": title} if section.listing and section.title else {},
                **own_common,
            )
        )
    return events


def _section_documents(page: Page, own: list[Block]) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = []
    for b in own:
        if b.element is not None:
            docs += [
                d
                for d in extract.document_links(page.doc, page.url, root=b.element)
                if d not in docs
            ]
        if len(docs) >= MAX_ITEMS:
            return docs[:MAX_ITEMS]
    return docs


def select_text(page: Page, selector: str) -> str | None:
    """Text of a CSS selector (``::text`` allowed) or an XPath (starting with / or ( )."""
    from parsel import Selector

    sel = Selector(text=page.html)
    try:
        found = sel.xpath(selector) if selector.startswith(("/", "(")) else sel.css(selector)
    except Exception:  # a bad selector in the configuration must not crash the crawl
        return None
    found = found[:MAX_ITEMS]
    texts = [extract.squash(t[:MAX_FIELD]) for t in found.getall()]
    if not selector.endswith("::text") and not selector.startswith(("/", "(")):
        texts = [
            extract.squash((Selector(text=t).xpath("string()").get() or "")[:MAX_FIELD])
            for t in found.getall()
        ]
    joined = " ".join(t for t in texts if t)[:MAX_FIELD]
    return joined or None
