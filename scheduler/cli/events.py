"""Commands that read events: ``events`` and ``events show ID``; curation: merge and split.

Stored text came from web pages: it is printed through ``output``'s ``table`` and ``echo``, which
show control and bidi characters as visible escapes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click

from confwatch.countries import known_country
from confwatch.errors import ConfwatchError
from confwatch.feeds.wording import describe_changes
from confwatch.scheduler.cli.context import Ctx
from confwatch.scheduler.cli.output import (
    Listing,
    date_range,
    echo,
    emit,
    emit_json,
    output_options,
)
from confwatch.scheduler.cli.reading import reading_store
from confwatch.scheduler.database import open_store
from confwatch.store.event_filter import EventFilter
from confwatch.store.records import EventView, timing

pass_ctx = click.make_pass_decorator(Ctx)

# Event ids are SQL INTEGER: 32 bits on PostgreSQL (64 on SQLite, which never gets that far).
# A larger id is no event, and asking the database would fail with an overflow instead.
_MAX_ID = 2**31 - 1


def _event_id(value: int) -> int:
    """``value`` if it can be an event's id; else the error an unknown id gets."""
    if not 1 <= value <= _MAX_ID:
        raise ConfwatchError(f"no event with id {value}", exit_code=2)
    return value


# ParamType is generic in the click we type-check against, not in 8.1 (still allowed).
if TYPE_CHECKING:
    _StrParam = click.ParamType[str]
else:
    _StrParam = click.ParamType


class CountryCode(_StrParam):
    """An ISO 3166-1 alpha-2 code in any case ("at"), given back in upper case."""

    name = "CODE"

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        code = value.strip().upper()
        if not known_country(code):
            self.fail(f"{value!r} is not an ISO 3166-1 alpha-2 country code (e.g. AT, MN)")
        return code


@click.group(invoke_without_command=True)
@click.option("--upcoming", is_flag=True, help="Only events that have not ended yet.")
@click.option("--source", help="Only events seen on this source.")
@click.option("--country", type=CountryCode(), help="Only events in this country (ISO code: AT).")
@click.option(
    "--organiser", help="Only events with an organiser whose name contains NAME.", metavar="NAME"
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="DATE",
    help="Only events ending on or after DATE (YYYY-MM-DD; the start if no end is known).",
)
@click.option(
    "--search",
    metavar="TEXT",
    help="Only events with TEXT in the title, place, organisers or topics.",
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@output_options
@click.pass_context
def events(
    click_ctx: click.Context,
    upcoming: bool,
    source: str | None,
    country: str | None,
    organiser: str | None,
    since: dt.datetime | None,
    search: str | None,
    limit: int | None,
    output_format: str,
) -> None:
    """List the conferences in the store, by start date.

    Filters combine: an event is listed when it matches all of them. --organiser and --search
    ignore case and accents ("geneve" finds "Genève").

    \b
    Examples:
      confwatch events
      confwatch events --upcoming --json
      confwatch events --country at --since 2026-01-01 --format csv > austria.csv
      confwatch events --organiser osce --search "violent extremism" --format ndjson
      confwatch events show 12
    """
    if click_ctx.invoked_subcommand is not None:
        return
    ctx: Ctx = click_ctx.obj
    settings = ctx.reading_settings
    if source:
        settings.source(source)
    matching = EventFilter(
        country=country,
        organiser=organiser,
        since=since.date() if since else None,
        search=search,
    )
    today = dt.datetime.now(dt.UTC).date()
    with reading_store(settings) as store:
        found = store.events(
            upcoming_after=today if upcoming else None,
            source=source,
            matching=matching,
            limit=limit,
        )
    filtered = upcoming or source or country or organiser or since or search
    emit(output_format, _event_listing(found, today, filtered=bool(filtered)))


def _event_listing(found: list[EventView], today: dt.date, *, filtered: bool = False) -> Listing:
    whens = [timing(e.fields.start_date, e.fields.end_date, today) for e in found]
    return Listing(
        items=[e.to_json() | {"timing": when} for e, when in zip(found, whens, strict=True)],
        csv_items=[_csv_event(e, when) for e, when in zip(found, whens, strict=True)],
        columns=EVENT_CSV_COLUMNS,
        headers=["id", "dates", "when", "place", "status", "title", "sources"],
        # A bare header row reads as a broken command; say what the emptiness means.
        empty="no conference matches these filters"
        if filtered
        else "no conferences stored yet ('confwatch crawl' fetches them)",
        rows=[
            [
                e.id,
                date_range(e.fields.start_date, e.fields.end_date),
                when or "-",
                ", ".join(filter(None, [e.fields.city, e.fields.country])) or "-",
                e.fields.status if e.fields.status != "scheduled" else "",
                e.fields.title,
                ",".join(sorted({s.source for s in e.sources})),
            ]
            for e, when in zip(found, whens, strict=True)
        ],
    )


EVENT_CSV_COLUMNS = (
    *("id", "title", "start_date", "end_date", "timing", "city", "country", "organisers"),
    *("topics", "status", "url", "registration_deadline", "sources", "source_urls"),
    *("documents", "first_seen", "last_changed", "description"),
)


def _csv_event(e: EventView, when: str | None) -> dict[str, Any]:
    """An event as one flat CSV row: the sources and documents as lists of keys and URLs."""
    f = e.fields
    return {
        "id": e.id,
        "title": f.title,
        "start_date": f.start_date,
        "end_date": f.end_date,
        "timing": when,
        "city": f.city,
        "country": f.country,
        "organisers": f.organisers,
        "topics": f.topics,
        "status": f.status,
        "url": f.url,
        "registration_deadline": f.registration_deadline,
        "sources": sorted({s.source for s in e.sources}),
        "source_urls": [s.url for s in e.sources],
        "documents": [d.url for d in f.documents],
        "first_seen": e.first_seen,
        "last_changed": e.last_changed,
        "description": f.description,
    }


@events.command("show")
@click.argument("event_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the event as one JSON document.")
@pass_ctx
def show(ctx: Ctx, event_id: int, as_json: bool) -> None:
    """Show one event: its fields, every source that describes it, and its history.

    \b
    Examples:
      confwatch events show 12
      confwatch events show 12 --json
    """
    event_id = _event_id(event_id)
    with reading_store(ctx.reading_settings) as store:
        detail = store.event(event_id)
    if detail is None:
        raise ConfwatchError(f"no event with id {event_id}", exit_code=2)
    if as_json:
        f = detail.view.fields
        today = dt.datetime.now(dt.UTC).date()
        emit_json(detail.to_json() | {"timing": timing(f.start_date, f.end_date, today)})
        return
    f = detail.view.fields
    # Every line through echo(): each may hold text a page wrote. A field is one line (a
    # newline in it must not start a line that looks like ours).
    echo(f"#{detail.view.id}  {_line(f.title)}")
    echo(f"  dates:        {date_range(f.start_date, f.end_date)}")
    echo(f"  place:        {_line(', '.join(filter(None, [f.city, f.country]))) or 'unknown'}")
    echo(f"  organisers:   {_line('; '.join(f.organisers)) or 'unknown'}")
    when = timing(f.start_date, f.end_date, dt.datetime.now(dt.UTC).date()) or "dates unknown"
    echo(f"  status:       {_line(f.status)} ({when})")
    if f.registration_deadline:
        echo(f"  registration: {f.registration_deadline.isoformat()}")
    if f.topics:
        echo("  topics:       " + "\n                ".join(_line(t) for t in f.topics))
    for doc in f.documents:
        echo(f"  document:     {_line(doc.title)} <{_line(doc.url)}>")
    echo(f"  first seen:   {detail.view.first_seen.isoformat(timespec='seconds')}")
    echo(f"  last changed: {detail.view.last_changed.isoformat(timespec='seconds')}")
    if detail.merged_into:
        echo(f"  merged into:  #{detail.merged_into}")
    echo("sources:")
    for s in detail.sightings:
        flags = " WITHDRAWN" if s.withdrawn else ""
        score = f", match {s.match_score:.0f}" if s.match_score else ""
        echo(
            f"  {_line(s.source)}: {_line(s.url)}  "
            f"(last seen {s.last_seen.isoformat(timespec='seconds')}{score}){flags}"
        )
    echo("provenance:")
    for name, sources in detail.provenance.items():
        echo(f"  {name + ':':<22} {', '.join(sources) or '-'}")
    echo("history:")
    for rev in detail.revisions:
        what = (
            "created"
            if rev.kind == "new"
            else "; ".join(describe_changes(rev.changes, rev.event, cause=rev.cause))
        )
        if rev.kind == "new" and rev.cause:
            what += " (found by reading a stored page again)"
        echo(f"  {rev.at.isoformat(timespec='seconds')}  {_line(what)}")


def _line(text: str | None) -> str:
    """A stored value on one line: line breaks (and other white space runs) as one space."""
    return " ".join((text or "").split())


@events.command("merge")
@click.argument("keep", type=int)
@click.argument("other", type=int)
@pass_ctx
def merge(ctx: Ctx, keep: int, other: int) -> None:
    """Merge event OTHER into event KEEP: one conference seen as two.

    Every page of OTHER now describes KEEP; the decision survives later crawls. OTHER keeps its
    history (its feed entries keep their ids) but is no longer listed.

    \b
    Examples:
      confwatch events merge 3 8
    """
    keep, other = _event_id(keep), _event_id(other)
    with open_store(ctx.settings, sync_sources=False) as store:
        outcome = store.merge_events(keep, other)
        _republish(ctx, store)
    what = ", ".join(c.field for c in outcome.changes) or "no field changed"
    click.echo(f"merged #{other} into #{keep} ({what})")


@events.command("split")
@click.argument("event_id", type=int)
@click.argument("source")
@pass_ctx
def split(ctx: Ctx, event_id: int, source: str) -> None:
    """Split SOURCE's pages off event EVENT_ID into an event of their own.

    For a wrong merge: the pages of SOURCE described another conference. The decision survives
    later crawls.

    \b
    Examples:
      confwatch events split 3 unoct
    """
    event_id = _event_id(event_id)
    with open_store(ctx.settings, sync_sources=False) as store:
        created, _ = store.split_event(event_id, source)
        _republish(ctx, store)
    click.echo(f"split {source} off #{event_id}: new event #{created.event_id}")


@events.command("ambiguous")
@output_options
@pass_ctx
def ambiguous(ctx: Ctx, output_format: str) -> None:
    """List pairs of events that may be one conference: the matcher left them apart.

    Same dates and place, similar titles below the match threshold. Merge the right ones with
    'confwatch events merge'.

    \b
    Examples:
      confwatch events ambiguous
      confwatch events ambiguous --format csv
    """
    with reading_store(ctx.reading_settings) as store:
        pairs = store.ambiguous_pairs()
    listing = Listing(
        items=[
            {
                "first": p.first,
                "second": p.second,
                "score": round(p.score, 1),
                "first_title": p.first_title,
                "second_title": p.second_title,
            }
            for p in pairs
        ],
        headers=["first", "second", "score", "titles"],
        rows=[
            [p.first, p.second, f"{p.score:.0f}", f"{p.first_title} | {p.second_title}"]
            for p in pairs
        ],
        empty="no ambiguous pairs",
        columns=("first", "second", "score", "first_title", "second_title"),
        max_width=120,
    )
    emit(output_format, listing)


def _republish(ctx: Ctx, store: object) -> None:
    from confwatch.scheduler.publish import rebuild_feeds

    rebuild_feeds(ctx.settings, store)  # type: ignore[arg-type]


COMMANDS = [events]
