"""Commands that read events: ``events`` and ``events show ID``."""

from __future__ import annotations

import datetime as dt
import sys

import click

from confwatch.errors import ConfwatchError
from confwatch.scheduler.cli import Ctx
from confwatch.scheduler.database import open_store
from confwatch.scheduler.output import date_range, emit_json, table

pass_ctx = click.make_pass_decorator(Ctx)


@click.group(invoke_without_command=True)
@click.option("--upcoming", is_flag=True, help="Only events that have not ended yet.")
@click.option("--source", help="Only events seen on this source.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--json", "as_json", is_flag=True, help="Print the events as one JSON array.")
@click.pass_context
def events(click_ctx: click.Context, upcoming: bool, source: str | None, limit: int | None,
           as_json: bool) -> None:
    """List the conferences in the store, by start date.

    \b
    Examples:
      confwatch events
      confwatch events --upcoming --json
      confwatch events show 12
    """
    if click_ctx.invoked_subcommand is not None:
        return
    ctx: Ctx = click_ctx.obj
    settings = ctx.settings
    if source:
        settings.source(source)
    store = open_store(settings, sync_sources=False)
    today = dt.datetime.now(dt.UTC).date()
    found = store.events(upcoming_after=today if upcoming else None, source=source, limit=limit)
    store.close()
    if as_json:
        emit_json([e.to_json() for e in found])
        return
    rows = [[e.id, date_range(e.fields.start_date, e.fields.end_date),
             ", ".join(filter(None, [e.fields.city, e.fields.country])) or "-",
             e.fields.status if e.fields.status != "scheduled" else "",
             e.fields.title, ",".join(sorted({s.source for s in e.sources}))] for e in found]
    click.echo(table(["id", "dates", "place", "status", "title", "sources"], rows))


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
    store = open_store(ctx.settings, sync_sources=False)
    detail = store.event(event_id)
    store.close()
    if detail is None:
        raise ConfwatchError(f"no event with id {event_id}", exit_code=2)
    if as_json:
        emit_json(detail.to_json())
        return
    f = detail.view.fields
    out = sys.stdout
    click.echo(f"#{detail.view.id}  {f.title}", file=out)
    click.echo(f"  dates:        {date_range(f.start_date, f.end_date)}")
    click.echo(f"  place:        {', '.join(filter(None, [f.city, f.country])) or 'unknown'}")
    click.echo(f"  organisers:   {'; '.join(f.organisers) or 'unknown'}")
    click.echo(f"  status:       {f.status}")
    if f.registration_deadline:
        click.echo(f"  registration: {f.registration_deadline.isoformat()}")
    if f.topics:
        click.echo("  topics:       " + "\n                ".join(f.topics))
    for doc in f.documents:
        click.echo(f"  document:     {doc.title} <{doc.url}>")
    click.echo(f"  first seen:   {detail.view.first_seen.isoformat(timespec='seconds')}")
    click.echo(f"  last changed: {detail.view.last_changed.isoformat(timespec='seconds')}")
    click.echo("sources:")
    for s in detail.sightings:
        click.echo(f"  {s.source}: {s.url}  (last seen {s.last_seen.isoformat(timespec='seconds')})")
    click.echo("history:")
    for rev in detail.revisions:
        what = "created" if rev.kind == "new" else "; ".join(
            f"{c.field}: {c.old!r} → {c.new!r}" for c in rev.changes)
        click.echo(f"  {rev.at.isoformat(timespec='seconds')}  {what}")


COMMANDS = [events]
