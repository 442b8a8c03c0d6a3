"""The page of one conference, ``/events/ID``: its facts, which site said each, and its history.

``confwatch serve`` renders it from the store on request (docs/decisions/0013-event-pages.md);
no build writes it. As on the index page, the template only prints: this module turns an
``EventDetail`` into view dicts of cleaned strings and http(s)-only URLs, and jinja2 escapes
every one of them.

``validator`` names everything the page shows (the event's fields and revisions, its sources'
pages and what each says, whether it is over), so a conditional request is answered from one
read of the store, without rendering; ``last_modified`` is the event's last change, or later
when a source joined or the conference ended since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2

from confwatch.feeds.headlines import reported_after_held
from confwatch.feeds.safe import clean_paragraphs, clean_text, http_url, shorten, utc_datetime
from confwatch.feeds.settings import FeedSettings
from confwatch.feeds.wording import (
    CORRECTED_NOTE,
    FOUND_NOTE,
    change_lines,
    format_date,
    format_date_range,
    format_list,
    format_place,
)
from confwatch.store.records import CORRECTION, ChangeView, EventFields

if TYPE_CHECKING:
    from confwatch.store.api import EventDetail, SightingView

EVENTS_PATH = "/events/"
OPERATOR = "operator"  # the revision source of ``confwatch events merge|split``
OPERATOR_CAUSE = "operator merge/split"
HISTORY_LIMIT = 200  # revisions shown, newest first; a long history says how many are left out
SOURCES_LIMIT = 50  # source pages listed
TITLE_LIMIT = 300
DESCRIPTION_LIMIT = 4000
HELD = "already held"
REPORTED = "reported, already held"
OPERATOR_NOTE = (
    "An operator merged conferences or split one (confwatch events merge/split); the sites did "
    "not change."
)
SPLIT_NOTE = "An operator split this conference off another one (confwatch events split)."
WITHDRAWN_NOTE = "A source stopped announcing this conference; the others now say it."
PAGE_VERSION = "1"  # bump when what the page shows changes without its template changing

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("confwatch.feeds", "templates"),
    autoescape=True,  # every value may be a page's text
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_TEMPLATE = "event.html"
# A template edit changes every page's validator: no stale 304 after an upgrade.
_FORMAT = hashlib.sha256(
    PAGE_VERSION.encode() + (resources.files("confwatch.feeds.templates") / _TEMPLATE).read_bytes()
).hexdigest()[:16]
# Facts in display order: (label, the store fields behind it, for "said by").
_FACT_FIELDS = (
    ("Dates", ("start_date", "end_date")),
    ("Place", ("city", "country")),
    ("Organisers", ("organisers",)),
    ("Topics", ("topics",)),
    ("Status", ("status",)),
    ("Registration deadline", ("registration_deadline",)),
)


def event_path(event_id: int) -> str:
    """``/events/12``: where ``confwatch serve`` shows event 12."""
    return f"{EVENTS_PATH}{event_id}"


def event_url(base_url: str, event_id: int) -> str:
    """The page's absolute URL under ``[feeds] base_url`` (for feeds and mail)."""
    return base_url.rstrip("/") + event_path(event_id)


def held_label(fields: EventFields, first_seen: dt.datetime, now: dt.datetime) -> str | None:
    """``reported, already held`` (over when first seen), ``already held`` (over now), else
    None. Unknown dates are never over."""
    last = fields.end_date or fields.start_date
    if last is None:
        return None
    if reported_after_held(fields, first_seen):
        return REPORTED
    return HELD if last < utc_datetime(now).date() else None


def validator(detail: EventDetail, settings: FeedSettings, *, now: dt.datetime) -> str:
    """A digest of every input of the page: equal digests, equal pages."""
    view = detail.view
    state = [
        _FORMAT,
        settings.title,
        settings.base_url,
        view.id,
        utc_datetime(view.last_changed).isoformat(),
        [(r.revision_id, r.uid) for r in detail.revisions],
        [
            (
                s.source,
                s.url,
                s.withdrawn,
                utc_datetime(s.first_seen).isoformat(),
                s.fields.to_json(),
            )
            for s in detail.sightings
        ],
        view.fields.to_json(),
        held_label(view.fields, view.first_seen, now),
    ]
    return hashlib.sha256(json.dumps(state, default=str).encode()).hexdigest()[:32]


def last_modified(detail: EventDetail, *, now: dt.datetime) -> dt.datetime:
    """The event's last change; later if a source joined since, or if it became "already held"
    (the day after its last day) since."""
    times = [utc_datetime(detail.view.last_changed)]
    times += [utc_datetime(s.first_seen) for s in detail.sightings]
    f = detail.view.fields
    if held_label(f, detail.view.first_seen, now) == HELD:
        last = f.end_date or f.start_date
        assert last is not None
        times.append(dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), dt.UTC))
    return min(max(times), utc_datetime(now))


def render_event(detail: EventDetail, settings: FeedSettings, *, now: dt.datetime) -> str:
    """The HTML page of one (not merged) event."""
    view = detail.view
    f = view.fields
    sites = _sites(detail.sightings)
    said_by = detail.provenance
    revisions = list(reversed(detail.revisions))  # newest first
    status = clean_text(f.status) or "scheduled"
    return _ENV.get_template(_TEMPLATE).render(
        site_title=clean_text(settings.title) or "confwatch",
        index_url=settings.url("/"),
        title=shorten(clean_text(f.title), TITLE_LIMIT) or "Untitled conference",
        status=status if status in ("postponed", "cancelled") else None,
        held=held_label(f, view.first_seen, now),
        facts=_facts(f, said_by, sites),
        description=[shorten(p, DESCRIPTION_LIMIT) for p in clean_paragraphs(f.description)][:20],
        documents=[
            {"title": shorten(clean_text(d.title), TITLE_LIMIT) or url, "url": url}
            for d in f.documents
            if (url := http_url(d.url))
        ],
        web_page=http_url(f.url),
        sources=[_source_view(s) for s in detail.sightings[:SOURCES_LIMIT]],
        more_sources=max(0, len(detail.sightings) - SOURCES_LIMIT),
        history=[_revision_view(r, sites) for r in revisions[:HISTORY_LIMIT]],
        more_history=max(0, len(revisions) - HISTORY_LIMIT),
        first_seen=_when(view.first_seen),
        last_changed=_when(view.last_changed),
    )


def site_name(url: str | None) -> str:
    """``osce.org`` for ``https://www.osce.org/event/x``: readers know sites, not source keys."""
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:
        return ""
    return clean_text(host.lower().removeprefix("www."))


def _sites(sightings: Sequence[SightingView]) -> dict[str, dict[str, str]]:
    """Per source key, the site and page to credit: a page it still announces it on, if any."""
    out: dict[str, dict[str, str]] = {}
    for s in sorted(sightings, key=lambda s: s.withdrawn):
        url = http_url(s.url)
        if url and s.source not in out:
            out[s.source] = {"label": site_name(url) or clean_text(s.source), "url": url}
    return out


def _credit(
    names: Sequence[str], said_by: dict[str, list[str]], sites: dict[str, dict[str, str]]
) -> list[dict[str, str]]:
    """The sites that give the whole fact: for a place, both its city and its country (a page
    saying only "Austria" does not say "Vienna, Austria")."""
    known = [said_by[n] for n in names if n in said_by]  # fields with a value
    keys = [k for k in known[0] if all(k in other for other in known[1:])] if known else []
    return [sites[k] for k in keys if k in sites]


def _facts(
    f: EventFields, said_by: dict[str, list[str]], sites: dict[str, dict[str, str]]
) -> list[dict[str, Any]]:
    values = {
        "Dates": format_date_range(f.start_date, f.end_date),
        "Place": format_place(f.city, f.country),
        "Organisers": format_list(f.organisers),
        "Topics": format_list(f.topics),
        "Status": clean_text(f.status) or "scheduled",
        "Registration deadline": (
            format_date(f.registration_deadline) if f.registration_deadline else ""
        ),
    }
    return [
        {
            "label": label,
            "value": shorten(values[label], 1000),
            "said_by": _credit(names, said_by, sites),
        }
        for label, names in _FACT_FIELDS
        if values[label]
    ]


def _source_view(s: SightingView) -> dict[str, Any]:
    url = http_url(s.url)
    return {
        "site": site_name(url) or clean_text(s.source) or "source",
        "key": clean_text(s.source),
        "url": url,
        "shown_url": shorten(clean_text(s.url), 200),
        "since": format_date(utc_datetime(s.first_seen).date()),
        "withdrawn": s.withdrawn,
    }


def _revision_view(rev: ChangeView, sites: dict[str, dict[str, str]]) -> dict[str, Any]:
    cause, note = _cause(rev)
    if rev.kind == "new":
        f = rev.event
        where = format_place(f.city, f.country)
        lines = [f"First seen: {format_date_range(f.start_date, f.end_date)} · {where}"]
        if reported_after_held(f, rev.at):
            lines.append(f"First seen after it ended: {REPORTED}")
    else:
        lines = change_lines(rev)
    site = sites.get(rev.source or "")
    return {
        "kind": rev.kind,
        "lines": [shorten(line, 2000) for line in lines],
        "at": _when(rev.at),
        "at_iso": utc_datetime(rev.at).isoformat(),
        "cause": cause,
        "note": note,
        "by": site if cause != OPERATOR_CAUSE else None,
    }


def _cause(rev: ChangeView) -> tuple[str, str | None]:
    """(cause, note): ``new``, ``site change``, ``correction`` (worded as the feeds word it),
    ``operator merge/split``, or ``source withdrawn``."""
    if rev.cause == CORRECTION:
        return "correction", FOUND_NOTE if rev.kind == "new" else CORRECTED_NOTE
    if rev.source == OPERATOR:
        return OPERATOR_CAUSE, SPLIT_NOTE if rev.kind == "new" else OPERATOR_NOTE
    if rev.kind == "new":
        return "new", None
    if rev.run_id is None:
        return "source withdrawn", WITHDRAWN_NOTE
    return "site change", None


def _when(moment: dt.datetime) -> dict[str, str]:
    at = utc_datetime(moment)
    return {"text": at.strftime("%Y-%m-%d %H:%M UTC"), "iso": at.isoformat()}
