"""Commands that run the work: crawl, feeds, sources, status, db upgrade, demo."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

import click

from confwatch.errors import ConfigError, ConfwatchError
from confwatch.scheduler.cli.context import Ctx
from confwatch.scheduler.cli.output import (
    Listing,
    age,
    echo,
    emit,
    emit_json,
    output_options,
    table,
)
from confwatch.scheduler.cli.reading import reading_store
from confwatch.scheduler.config import Settings
from confwatch.scheduler.crawl.parent import CrawlResult, crawl_sources
from confwatch.scheduler.database import (
    explain_database_error,
    open_store,
    require_writable_home,
)
from confwatch.scheduler.demo import DEFAULT_SITES
from confwatch.scheduler.publish import rebuild_feeds
from confwatch.store.db import redact_url
from confwatch.store.records import UNHEALTHY, SourceHealth, health_json

pass_ctx = click.make_pass_decorator(Ctx)


def _selected(settings: Settings, keys: tuple[str, ...]) -> list[str]:
    if not keys:
        return [s.key for s in settings.sources if s.enabled]
    for key in keys:
        settings.source(key)
    return list(keys)


def _print_crawl(result: CrawlResult, feeds_dir: Path | None) -> None:
    rows = [
        [
            r.source,
            r.status,
            r.pages,
            r.stats.get("not_modified", 0),
            r.items,
            r.new,
            r.changed,
            len(r.errors),
        ]
        for r in result.runs
    ]
    click.echo(
        table(["source", "result", "pages", "304", "items", "new", "changed", "errors"], rows)
    )
    for r in result.runs:
        for err in r.errors[:5]:
            echo(f"  {r.source}: {err.get('url') or '-'}: {err.get('message')}", err=True)
    if feeds_dir:
        click.echo(f"feeds: {feeds_dir}")


@click.command()
@click.argument("sources", nargs=-1)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the crawl summary as one JSON document."
)
@click.option("--no-feeds", is_flag=True, help="Do not rebuild the feeds after crawling.")
@click.option(
    "--force",
    is_flag=True,
    help="Fetch every page in full and read it again, revisiting every known page "
    "(no conditional requests).",
)
@pass_ctx
def crawl(ctx: Ctx, sources: tuple[str, ...], as_json: bool, no_feeds: bool, force: bool) -> None:
    """Crawl sources now, store what changed, then rebuild the feeds.

    Every enabled source is crawled unless SOURCE keys are given. The crawl runs in a child
    process with a time limit; progress is shown on stderr when it is a terminal. Exit status 1
    when any source failed (a start page could not be fetched) or some pages errored.

    A crawl asks for each known page only if it changed, and reads the pages read with other
    extraction settings again from their stored copies. --force fetches and reads every page in
    full, and every page known to hold an event however recently it was fetched: for a fix that
    stored copies cannot show (new follow patterns, pages stored without their body).

    \b
    Examples:
      confwatch crawl
      confwatch crawl osce unoct --json
      confwatch crawl --force mfa-example
    """
    settings = ctx.settings
    keys = _selected(settings, sources)
    # A crawl writes into the store: a damaged file is refused before it can get worse.
    with open_store(settings, for_writing=True, verify=True) as store:
        result = crawl_sources(
            settings, store, keys, progress=sys.stderr.isatty() and not as_json, force=force
        )
        feeds = None if no_feeds else rebuild_feeds(settings, store)
    if as_json:
        data = result.to_json()
        data["feeds"] = str(settings.feeds_dir) if feeds else None
        emit_json(data)
    else:
        _print_crawl(result, settings.feeds_dir if feeds else None)
    if result.failed:
        sys.exit(1)


@click.command()
@pass_ctx
def feeds(ctx: Ctx) -> None:
    """Rebuild every feed, the calendar, the OPML list and the HTML page from the store.

    Files are written atomically to CONFWATCH_HOME/feeds: feed.atom, feed.rss, events.ics,
    feeds.opml and index.html, and the filtered feeds per country, organiser and configured topic
    (country-at.atom, ...), each listed in feeds.opml.

    \b
    Examples:
      confwatch feeds
    """
    settings = ctx.settings
    with open_store(settings, for_writing=True) as store:
        report = rebuild_feeds(settings, store)
    click.echo(
        f"wrote {len(report.paths)} files ({report.entries} entries) to {settings.feeds_dir}"
    )


@click.command()
@output_options
@pass_ctx
def sources(ctx: Ctx, output_format: str) -> None:
    """List the configured sources with their kinds, schedules and whether they are enabled.

    Only enabled sources are crawled and scheduled; a disabled one (enabled = false) stays in the
    configuration, ready to be tried (confwatch try SOURCE) and switched on.

    \b
    Examples:
      confwatch sources
      confwatch --config my.toml sources --json
      confwatch sources --format csv
    """
    settings = ctx.reading_settings
    listing = Listing(
        items=[
            {
                "key": s.key,
                "kind": s.kind,
                "name": s.name,
                "organisation": s.organisation,
                "start_urls": list(s.start_urls),
                "allowed_domains": list(s.allowed_domains),
                "every": s.every.total_seconds(),
                "cron": s.cron,
                "enabled": s.enabled,
                "max_pages": s.max_pages,
            }
            for s in settings.sources
        ],
        headers=["source", "kind", "schedule", "enabled", "start URLs"],
        rows=[
            [
                s.key,
                s.kind,
                s.cron or f"every {_dur(s.every)}",
                "yes" if s.enabled else "no",
                " ".join(s.start_urls),
            ]
            for s in settings.sources
        ],
        max_width=90,
        footer=f"{sum(1 for s in settings.sources if s.enabled)} of {len(settings.sources)} "
        "sources enabled (the others are not crawled)",
    )
    emit(output_format, listing)


def _dur(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


@click.command()
@output_options
@pass_ctx
def status(ctx: Ctx, output_format: str) -> None:
    """Show each source's last crawl, its age and result; exit 1 if any is failing or overdue.

    A source is failing when its last crawl failed, overdue when its last success is older than
    three times its interval (and than an hour). A source not crawled yet shows "never", a
    disabled one "disabled"; neither counts. Usable from cron and monitoring.
    --format ndjson and csv give one line per source.

    \b
    Examples:
      confwatch status
      confwatch status --json
    """
    settings = ctx.reading_settings
    # Every page is checked (PRAGMA integrity_check, about 25-55 ms for 3,000 events): a
    # damaged store is never reported as ok.
    with reading_store(settings, sync_sources=True, verify=True) as store:
        now = dt.datetime.now(dt.UTC)
        health = [
            _unless_disabled(settings, h)
            for h in store.source_health(now, {s.key: s.max_age for s in settings.sources})
        ]
    items = [
        {
            "source": h.source,
            "state": h.state,
            "message": h.message,
            "last_run": h.last_run.id if h.last_run else None,
            "last_status": h.last_run.status if h.last_run else None,
            "last_finished": h.last_run.finished_at.isoformat()
            if h.last_run and h.last_run.finished_at
            else None,
            "last_success": h.last_success_at.isoformat() if h.last_success_at else None,
            "items": h.last_run.items if h.last_run else None,
            "errors": len(h.last_run.errors) if h.last_run else 0,
            "next_run": _next_run(
                settings, h.source, h.last_run.started_at if h.last_run else None
            ),
        }
        for h in health
    ]
    rows = []
    for h in health:
        r = h.last_run
        flag = h.state.upper() if h.state in UNHEALTHY else h.state
        rows.append(
            [
                h.source,
                flag,
                r.status if r else "-",
                age(r.finished_at if r else None, now),
                age(h.last_success_at, now),
                r.items if r else "-",
                len(r.errors) if r else 0,
                _next_run(settings, h.source, r.started_at if r else None) or "-",
                h.message,
            ]
        )
    document = health_json(items, now)  # the same document as /healthz
    listing = Listing(
        items=items,
        document=document,
        headers=[
            "source",
            "state",
            "last run",
            "finished",
            "last success",
            "items",
            "errors",
            "next run",
            "note",
        ],
        rows=rows,
    )
    emit(output_format, listing)
    if not document["ok"]:
        sys.exit(1)


def _unless_disabled(settings: Settings, health: SourceHealth) -> SourceHealth:
    """A disabled source is neither crawled nor watched: its state says so, whatever its runs."""
    if settings.source(health.source).enabled:
        return health
    message = f"{health.source}: disabled in the configuration (enabled = false)"
    return replace(health, state="disabled", message=message)


def _next_run(settings: Settings, key: str, last_start: dt.datetime | None) -> str | None:
    source = settings.source(key)
    if not source.enabled:
        return None  # not scheduled
    if source.cron:
        return f"cron {source.cron}"
    if last_start is None:
        return "now"
    return (last_start + source.every).replace(microsecond=0).isoformat()


@click.group()
def db() -> None:
    """Database schema management (Alembic)."""


@db.command("upgrade")
@pass_ctx
def db_upgrade(ctx: Ctx) -> None:
    """Create or upgrade the database schema to the latest revision.

    Works on the embedded SQLite file and on DATABASE_URL (PostgreSQL). Safe to run again.

    \b
    Examples:
      confwatch db upgrade
      DATABASE_URL=postgresql://confwatch@db/confwatch confwatch db upgrade
    """
    from confwatch.store import migrate

    settings = ctx.settings
    if settings.embedded_database:
        require_writable_home(settings)
    try:
        migrate.upgrade(settings.database_url)
    except ConfwatchError:
        raise
    except Exception as exc:
        known = explain_database_error(settings, exc)
        if known is not None:
            raise known from None
        raise ConfigError(
            f"database {redact_url(settings.database_url)}: upgrade failed: "
            f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
        ) from None
    click.echo(
        f"database {redact_url(settings.database_url)} is at revision "
        f"{migrate.current(settings.database_url)}"
    )


@click.command()
@click.option(
    "--sites",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_SITES,
    show_default=True,
    help="Folder of recorded pages (<host>/<path>).",
)
@click.option(
    "--serve",
    "serve_it",
    is_flag=True,
    help="Serve the demo home instead: the page, the feeds, /healthz and scheduled crawls of "
    "the recorded sites, offline, until Ctrl-C.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="With --serve: address.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="With --serve: port. Default: the port of feeds.base_url (8080).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON document.")
@pass_ctx
def demo(ctx: Ctx, sites: Path, serve_it: bool, host: str, port: int | None, as_json: bool) -> None:
    """Run the whole cycle offline: serve the recorded sites locally, crawl them, write the feeds.

    The recorded snapshot of the real sources is served on 127.0.0.1 and the real spiders crawl it
    (replay mode), into CONFWATCH_HOME (default ./var), then the feeds are written. Without
    --config it adds a fictional demo site whose conference is dated relative to today, so the
    calendar and the page have one to come (the configuration used is written to
    CONFWATCH_HOME/demo.toml). It ends by printing the command that serves the result: --serve
    runs the service on the same home with the recorded sites beside it, so its scheduled
    crawls read them too and nothing needs the network (`make serve` does the same); and the
    command that previews the digest of everything crawled.

    \b
    Examples:
      confwatch demo
      CONFWATCH_HOME=/tmp/cw confwatch demo --json
      confwatch demo --serve            # then open http://127.0.0.1:8080/
    """
    from confwatch.scheduler import demo as demos

    if serve_it and as_json:
        raise click.UsageError("--json lists a demo crawl; --serve runs until stopped")
    settings = ctx._settings = demos.demo_settings(ctx.settings, ctx.config)
    if serve_it:
        port = demos.demo_port(settings) if port is None else port
        demos.serve_demo(settings, sites, host=host, port=port)
        return
    run = demos.run_demo(settings, sites, progress=sys.stderr.isatty() and not as_json)
    ctx._settings = demos.replayed(settings, run.replay_url)
    if as_json:
        data = run.result.to_json()
        data.update(events=run.events, feeds=[str(p) for p in run.feeds])
        data.update(preview=demos.preview_step(settings, run.first_crawl))
        emit_json(data)
        return
    click.echo(
        f"confwatch demo: recorded sites served at {run.replay_url}, crawled with the real spiders"
    )
    _print_crawl(run.result, None)
    click.echo(f"events in the store: {run.events}  ({redact_url(settings.database_url)})")
    main = [p for p in run.feeds if not p.name.startswith(("country-", "organiser-", "topic-"))]
    click.echo(f"feeds in {settings.feeds_dir} ({run.entries} entries in feed.atom):")
    for path in main:
        click.echo(f"  {path.name}")
    filtered = len(run.feeds) - len(main)
    if filtered:
        click.echo(
            f"  and {filtered} filtered feeds (per country, organiser, topic), listed in feeds.opml"
        )
    base = settings.feeds.base_url if port is None else f"http://{host}:{port}"
    click.echo("\nlook at it, offline (the service with the recorded sites beside it):")
    click.echo(f"next: {demos.next_step(settings, sites, ctx.config)}")
    also = "; `make serve` does the same" if settings.home == Path("var").resolve() else ""
    click.echo(f"      then open {base}/   (Ctrl-C stops it{also})")
    click.echo("\nthe digest of everything crawled so far (nothing is sent):")
    click.echo(f"digest: {demos.preview_step(settings, run.first_crawl)}")


COMMANDS = [crawl, feeds, sources, status, db, demo]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
@click.option(
    "--no-scheduler", is_flag=True, help="Serve the page, feeds and /healthz only; crawl nothing."
)
@pass_ctx
def serve(ctx: Ctx, host: str, port: int, no_scheduler: bool) -> None:
    """Run the service: scheduled crawls, feed rebuilds, the weekly digest, and the HTTP side.

    Serves / (upcoming and recently changed conferences), /events/ID (one conference: its facts,
    sources and history), /feeds/... (feed.atom, feed.rss, events.ics, feeds.opml) and /healthz
    (200 when every source is fresh, 503 when one is overdue or failing). Schedules persist in
    the database; one process runs them at a time. SIGTERM or Ctrl-C stops cleanly.

    \b
    Examples:
      confwatch serve
      confwatch serve --host 0.0.0.0 --port 8080
      confwatch serve --no-scheduler      # a second, read-only web front
    """
    from confwatch.scheduler.service.serve import serve as run_service

    run_service(ctx.settings, host=host, port=port, schedule=not no_scheduler)


COMMANDS.append(serve)
