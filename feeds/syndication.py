"""The Atom 1.0 and RSS 2.0 feeds of new and changed conferences, built with feedgen.

One entry per store revision (``ChangeView``), titled by ``headlines.entry_headline``: the
conference's name, its place, then what happened ("... (Vienna): dates changed"); the body says
what changed, before → after, the event's facts and links to every source page. Newest first, at
most ``max_entries``. An entry's link (Atom ``alternate``, RSS ``<link>``) is the conference's own
page on ``[feeds] base_url`` (``/events/ID``: facts, sources, history); every source page is an
Atom ``related`` link and is listed in the body.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseEntryExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from confwatch.feeds.event_page import event_url
from confwatch.feeds.headlines import change_is_reported_after_held, entry_headline
from confwatch.feeds.ids import entry_id, feed_id
from confwatch.feeds.safe import (
    clean_paragraphs,
    clean_text,
    http_url,
    plain_text,
    sanitize_html,
    shorten,
    utc_datetime,
)
from confwatch.feeds.settings import FeedSettings
from confwatch.feeds.wording import (
    cause_note,
    change_lines,
    country_label,
    event_facts,
    format_date,
)
from confwatch.store.records import ChangeView, SourceRef

TITLE_LIMIT = 300  # characters of an event title shown on its own (page, categories)
UNTITLED = "Untitled conference"


def newest(changes: Iterable[ChangeView], limit: int) -> list[ChangeView]:
    """The ``limit`` newest changes, newest first (O(n log limit), whatever the input order)."""
    return heapq.nlargest(limit, changes, key=lambda c: (utc_datetime(c.at), c.revision_id))


def event_title(change: ChangeView) -> str:
    return shorten(clean_text(change.event.title), TITLE_LIMIT) or UNTITLED


def entry_title(change: ChangeView) -> str:
    """``X (Vienna): new conference``, ``X (Vienna): dates changed``, ``X (Vienna): dates
    corrected`` (confwatch corrected its own reading), ``X (Vienna): reported, already held``:
    at most ``headlines.HEADLINE_LIMIT`` characters, the name shortened if need be."""
    return entry_headline(change)


def held_note(change: ChangeView) -> str | None:
    """For a conference first seen after it ended: say so, since the entry is no news to plan
    by."""
    if not change_is_reported_after_held(change):
        return None
    seen = format_date(utc_datetime(change.at).date())
    return f"Already held: confwatch first saw this conference on {seen}, after it had ended."


def source_links(change: ChangeView) -> list[tuple[str, str]]:
    """(label, url) of every source page with an http(s) URL, then the event's own URL."""
    seen: set[str] = set()
    out = []
    refs = [*change.sources, SourceRef(source="", url=change.event.url or "")]
    for ref in refs:
        url = http_url(ref.url)
        if url and url not in seen:
            seen.add(url)
            out.append((clean_text(ref.source) or "event page", url))
    return out


def entry_text(change: ChangeView) -> str:
    """Plain-text summary: the changes, then the facts, then why (for a correction)."""
    parts = change_lines(change)
    if held := held_note(change):
        parts.append(held.rstrip("."))
    parts += [f"{label}: {value}" for label, value in event_facts(change.event)]
    note = cause_note(change)
    return ". ".join(parts) + (f". {note}" if note else "")


def entry_html(change: ChangeView) -> str:
    """The entry's content: changes, facts, description, documents and source links."""
    out = []
    note = cause_note(change)
    if change.kind == "changed":
        items = "".join(f"<li>{escape(line)}</li>" for line in change_lines(change))
        heading = "What was corrected" if note else "What changed"
        out.append(f"<p><strong>{heading}</strong></p><ul>{items}</ul>")
    if note:
        out.append(f"<p><em>{escape(note)}</em></p>")
    if held := held_note(change):
        out.append(f"<p><strong>{escape(held)}</strong></p>")
    facts = "<br>".join(
        f"<strong>{escape(label)}:</strong> {escape(value)}"
        for label, value in event_facts(change.event)
    )
    out.append(f"<p>{facts}</p>")
    out += [f"<p>{escape(p)}</p>" for p in clean_paragraphs(change.event.description)]
    docs = [
        (clean_text(d.title) or url, url)
        for d in change.event.documents
        if (url := http_url(d.url))
    ]
    if docs:
        items = "".join(f'<li><a href="{escape(u)}">{escape(t)}</a></li>' for t, u in docs)
        out.append(f"<p><strong>Documents</strong></p><ul>{items}</ul>")
    links = source_links(change)
    if links:
        items = "".join(
            f'<li><a href="{escape(u)}">{escape(u)}</a> ({escape(s)})</li>' for s, u in links
        )
        out.append(f"<p><strong>Source pages</strong></p><ul>{items}</ul>")
    # Everything above is escaped already; sanitising is the second lock on the door.
    return sanitize_html("".join(out))


def categories(change: ChangeView) -> list[dict[str, str]]:
    """Organisers as terms, and the country as its ISO code labelled with its name."""
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for organiser in change.event.organisers:
        term = shorten(plain_text(organiser), TITLE_LIMIT)
        if term and term not in seen:
            seen.add(term)
            out.append({"term": term})
    code = clean_text(change.event.country).upper()
    if len(code) == 2 and code.isascii() and code.isalpha() and code not in seen:
        out.append({"term": code, "label": country_label(code) or code})
    return out


@dataclass(frozen=True)
class EntryParts:
    """What one change shows as a feed entry, the same in every feed it is in."""

    id: str
    title: str
    at: dt.datetime
    links: list[tuple[str, str]]
    summary: str  # escaped plain text, for type="html"
    content: str  # sanitised HTML
    categories: list[dict[str, str]]


def entry_parts(change: ChangeView) -> EntryParts:
    return EntryParts(
        id=entry_id(change),
        # RSS readers render titles as HTML: scraped markup is dropped there, not just escaped.
        title=plain_text(entry_title(change)) or UNTITLED,
        at=utc_datetime(change.at),
        links=source_links(change),
        # type="html" and escaped: RSS readers take <description> as HTML whatever it holds.
        summary=escape(shorten(entry_text(change), 2000)),
        content=entry_html(change),
        categories=categories(change),
    )


PartsOf = Callable[[ChangeView], EntryParts]


class EntryCache:
    """``entry_parts`` once per change for a whole build: a change is an entry of the main feed
    and of each filtered feed that keeps it, each as Atom and as RSS, and its text (describing,
    sanitising) costs more than writing the entry. Keyed by the change object (views are not
    hashable): the change is held with its parts, so its id cannot be reused meanwhile."""

    def __init__(self) -> None:
        self._parts: dict[int, tuple[ChangeView, EntryParts]] = {}

    def __call__(self, change: ChangeView) -> EntryParts:
        hit = self._parts.get(id(change))
        if hit is None or hit[0] is not change:
            hit = (change, entry_parts(change))
            self._parts[id(change)] = hit
        return hit[1]


def atom_feed(
    changes: Iterable[ChangeView],
    settings: FeedSettings,
    *,
    now: dt.datetime,
    name: str = "feed",
    title: str | None = None,
    parts: PartsOf = entry_parts,
) -> bytes:
    """The Atom 1.0 document of the newest changes (``parts``: e.g. an ``EntryCache``)."""
    fg = _generator(
        changes, settings, now=now, name=name, title=title, self_file=f"{name}.atom", parts=parts
    )
    return bytes(fg.atom_str(pretty=True))


def rss_feed(
    changes: Iterable[ChangeView],
    settings: FeedSettings,
    *,
    now: dt.datetime,
    name: str = "feed",
    title: str | None = None,
    parts: PartsOf = entry_parts,
) -> bytes:
    """The RSS 2.0 document of the newest changes (``parts``: e.g. an ``EntryCache``)."""
    fg = _generator(
        changes, settings, now=now, name=name, title=title, self_file=f"{name}.rss", parts=parts
    )
    return bytes(fg.rss_str(pretty=True))


def _generator(
    changes: Iterable[ChangeView],
    settings: FeedSettings,
    *,
    now: dt.datetime,
    name: str,
    title: str | None,
    self_file: str,
    parts: PartsOf,
) -> FeedGenerator:
    entries = newest(changes, settings.max_entries)
    updated = utc_datetime(entries[0].at) if entries else utc_datetime(now)
    fg = FeedGenerator()
    fg.id(feed_id(name))
    fg.title(clean_text(title or settings.title) or "confwatch")
    fg.subtitle(clean_text(settings.subtitle) or "confwatch")
    fg.description(clean_text(settings.subtitle) or "confwatch")
    fg.author(_author(settings))
    fg.link(href=settings.feed_url(self_file), rel="self")
    # Last: feedgen makes the last feed link RSS's <channel><link> (the page, not the feed).
    fg.link(href=settings.url("/"), rel="alternate", type="text/html")
    fg.language(settings.language)
    fg.generator("confwatch", uri=settings.url("/"))
    fg.updated(updated)  # also RSS lastBuildDate: builds without changes give the same bytes
    for change in entries:
        _add_entry(fg, parts(change), page=event_url(settings.base_url, change.event_id))
    return fg


def _add_entry(fg: FeedGenerator, entry: EntryParts, *, page: str) -> None:
    fe = fg.add_entry(order="append")  # the default "prepend" is quadratic (list.insert(0))
    fe.id(entry.id)
    fe.title(entry.title)
    fe.updated(entry.at)
    fe.published(entry.at)
    # The conference's page (RSS <link>; Atom's implicit alternate); the source pages related.
    fe.link(href=page, rel="alternate")
    _related_links(fe, entry.links)
    fe.summary(entry.summary, type="html")
    fe.content(entry.content, type="html")
    if entry.categories:
        fe.category([dict(c) for c in entry.categories])  # feedgen keeps (and may amend) them


class _RelatedLinks(BaseEntryExtension):  # type: ignore[misc]
    """Atom ``<link rel="related">`` for the further source pages of an entry.

    feedgen 1.0 drops rel/type/title of entry links (``atom_entry`` rebinds its loop variable
    ``link`` to the new element), so several links would all read as rel="alternate", which
    RFC 4287 4.1.1 forbids. This extension writes them itself.
    """

    def __init__(self) -> None:
        self.links: list[tuple[str, str]] = []

    def extend_atom(self, entry: etree._Element) -> etree._Element:
        for label, url in self.links:
            # feedgen builds un-namespaced elements under a literal default xmlns.
            etree.SubElement(entry, "link", href=url, rel="related", type="text/html", title=label)
        return entry


def _related_links(fe: FeedEntry, links: list[tuple[str, str]]) -> None:
    if links:
        fe.register_extension("related", _RelatedLinks, atom=True, rss=False)
        fe.related.links = links


def _author(settings: FeedSettings) -> dict[str, str]:
    author = {"name": clean_text(settings.author_name) or "confwatch"}
    if settings.author_email:
        author["email"] = clean_text(settings.author_email)
    return author
