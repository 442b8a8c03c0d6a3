"""Reading stored pages again: improvements of the extractor reach existing stores.

A crawl stores the body of every page whose events it read, with the extraction tag it read it
with (``stored_bodies``). ``reread(store, run, source)`` reads such pages again, without fetching
them, through the very path a crawl uses: ``read_page`` on the stored text, the source's spider's
``page_events``, ``normalise`` (which, like a crawl, never takes a reading day for the page's
date, so a page reads the same whenever it is read again). What it finds is
recorded with ``Store.record_reading``: as a correction (``records.CORRECTION``), never as news
from the site, and the page's tag is set in the same transaction.

Two callers: a crawl, at its start, re-reads the pages whose tag differs from the current one (a
new ``EXTRACTOR_VERSION``, or the source's extraction settings changed), so that a site answering
304 no longer hides a better reading; ``confwatch reextract`` re-reads on demand, in a run of its
own. A page that cannot be read (a damaged body, an extractor error) is reported and left with
its old tag and items, to be tried again next time. A page read again says its warnings as a
crawl says them when the page closes (``item.warning`` naming source and URL; a field not found
only if the page's meeting, its mentions merged, still lacks it: ``field_warnings``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from confwatch.spiders import stored_bodies
from confwatch.spiders.normalise import normalise
from confwatch.spiders.normalise.field_warnings import said_at_once, settled
from confwatch.spiders.normalise.same_meeting import one_event_per_meeting
from confwatch.spiders.page import read_page
from confwatch.spiders.pipelines import merged_sightings, sighting_of
from confwatch.spiders.registry import spider_class
from confwatch.spiders.sources import SourceConfig
from confwatch.store.api import Store
from confwatch.store.records import RunInfo, Sighting

log = logging.getLogger("confwatch.crawl")

# A stored body is at most crawl.max_page_bytes as fetched; as UTF-8 text it may be larger
# (a single-byte Cyrillic page doubles). Anything past this is not a body we stored.
TEXT_PER_PAGE_BYTE = 4


@dataclass
class Reread:
    """What re-reading one source's stored pages did."""

    source: str
    pages: int = 0  # pages read again and recorded
    items: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    withdrawn: int = 0  # events a sighting was withdrawn from (the page no longer gives it)
    skipped: int = 0  # items that are not conferences
    warnings: int = 0  # item.warning lines said (a field not found, a value dropped)
    errors: list[dict[str, Any]] = field(default_factory=list)  # {"url", "message"}

    def to_json(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "items": self.items,
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "withdrawn": self.withdrawn,
            "skipped": self.skipped,
            "warnings": self.warnings,
            "errors": len(self.errors),
        }


def reread(
    store: Store,
    run: RunInfo,
    source: SourceConfig,
    *,
    stale_only: bool,
    max_page_bytes: int,
) -> Reread:
    """Read ``source``'s stored pages again into ``run``: every one, or (``stale_only``) those
    read with another extraction tag."""
    tag = stored_bodies.extraction_tag(source)
    spider = spider_class(source.kind)(source)
    done = Reread(source.key)
    for page in store.stored_pages(source.key, other_than=tag if stale_only else None):
        sightings = _read(store, spider, page.url, max_page_bytes, done)
        if sightings is None:
            continue
        reading = store.record_reading(run, page.url, sightings, extraction=tag)
        done.pages += 1
        done.withdrawn += len(reading.withdrawn)
        for sighting, outcome in zip(sightings, reading.outcomes, strict=True):
            done.items += 1
            setattr(done, outcome.kind, getattr(done, outcome.kind) + 1)
            if outcome.kind != "unchanged":
                log.info(
                    f"item.{outcome.kind}",
                    extra={
                        "source": source.key,
                        "url": sighting.url,
                        "event_id": outcome.event_id,
                        "cause": "correction",
                        "fields": ",".join(c.field for c in outcome.changes)
                        if outcome.kind == "changed"
                        else "",
                    },
                )
    return done


def _read(
    store: Store,
    spider: Any,
    url: str,
    max_page_bytes: int,
    done: Reread,
) -> list[Sighting] | None:
    """The sightings the stored page gives now; None (reported) when it cannot be read."""
    data = store.page_body(url)
    text = None if data is None else stored_bodies.unpack(data, limit=_limit(max_page_bytes))
    if text is None:
        return _failed(done, url, "stored body could not be read")
    try:
        events = spider.page_events(read_page(text, url))
        read = [(raw, normalise(raw)) for raw in events]
    except Exception as exc:  # bad content never stops the others: this page is reported
        return _failed(done, url, f"page could not be read again: {exc!r}")
    sightings: list[Sighting] = []
    missing: list[dict[str, str]] = []  # each sighting's warnings of a field not found
    for raw, result in read:
        if result.fields is None:
            done.skipped += 1
            continue
        _warn(done, raw.url, said_at_once(result.warnings, result.missing))
        sightings.append(sighting_of(raw, result.fields))
        missing.append(result.missing)
    # Each meeting once, as a crawl stores the page (decision 0015).
    meetings = one_event_per_meeting([s.fields for s in sightings])
    for sighting, warnings in zip(sightings, settled(meetings, missing), strict=True):
        _warn(done, sighting.url, warnings)
    return merged_sightings(sightings, meetings)


def _warn(done: Reread, url: str, warnings: list[str]) -> None:
    for warning in warnings:
        done.warnings += 1
        log.warning("item.warning", extra={"source": done.source, "url": url, "problem": warning})


def _limit(max_page_bytes: int) -> int:
    return max_page_bytes * TEXT_PER_PAGE_BYTE


def _failed(done: Reread, url: str, message: str) -> list[Sighting] | None:
    """Report a page that could not be read again; None, for ``_read`` to return."""
    done.errors.append({"url": url, "message": message})
    log.warning("crawl.error", extra={"source": done.source, "url": url, "error": message})
    return None
