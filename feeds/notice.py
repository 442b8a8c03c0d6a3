"""Short plain-text notifications for chat and webhooks (Apprise): a title and a few lines.

``weekly_notice`` summarises one subscriber's digest (``feeds.digest.Digest``); ``change_notice``
tells one new or changed conference. Scraped text is cleaned (no control characters, bounded
length) and only http(s) links pass; the body is sent as text, never as HTML or Markdown.
Nothing here sends or reads the clock.
"""

from __future__ import annotations

from confwatch.feeds.digest import Digest, Item
from confwatch.feeds.safe import clean_text, http_url, shorten
from confwatch.feeds.wording import change_lines, format_date_range, format_place
from confwatch.store.records import ChangeView

TITLE_LIMIT = 120  # chat previews cut long titles; the conference's name comes first
NAME_LIMIT = 80
LIST_LIMIT = 30  # lines per section in a weekly summary; the email digest has the rest


def _line(item: Item) -> str:
    facts = ", ".join(p for p in (item.dates, item.place) if p)
    text = f"- {shorten(item.title, NAME_LIMIT)}" + (f" ({facts})" if facts else "")
    return text + (f" {item.url}" if item.url else "")


def weekly_notice(digest: Digest, prefix: str) -> tuple[str, str]:
    """The week's summary: the digest's subject, then the new and the changed conferences."""
    sections: list[str] = []
    for heading, items in (("New conferences", digest.new), ("Changed", digest.changed)):
        if not items:
            continue
        lines = [f"{heading} ({len(items)}):"]
        for item in items[:LIST_LIMIT]:
            lines.append(_line(item))
            lines += [f"  {c}" for c in item.changes]
        if len(items) > LIST_LIMIT:
            lines.append(f"- and {len(items) - LIST_LIMIT} more")
        sections.append("\n".join(lines))
    body = "\n\n".join(sections) or "Nothing new or changed."
    return shorten(digest.subject(prefix), 250), body


def change_notice(change: ChangeView) -> tuple[str, str]:
    """One new or changed conference: "Name (City): new conference" and what changed."""
    event = change.event
    name = shorten(clean_text(event.title) or "Untitled conference", NAME_LIMIT)
    city = clean_text(event.city)
    what = "new conference" if change.kind == "new" else _what_changed(change)
    title = shorten(f"{name} ({city}): {what}" if city else f"{name}: {what}", TITLE_LIMIT)
    lines = [clean_text(line) for line in change_lines(change)]
    facts = ", ".join(
        p
        for p in (
            format_date_range(event.start_date, event.end_date),
            format_place(event.city, event.country),
        )
        if p
    )
    if facts:
        lines.append(facts)
    links = {u for u in (http_url(event.url), *(http_url(s.url) for s in change.sources)) if u}
    lines += sorted(links)
    return title, "\n".join(lines)


def _what_changed(change: ChangeView) -> str:
    described = [line.split(":", 1)[0] for line in change_lines(change)]
    return clean_text(", ".join(described).lower()) or "changed"
