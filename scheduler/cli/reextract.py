"""``confwatch reextract``: read the stored pages again with the current extractor."""

from __future__ import annotations

import sys

import click

from confwatch.scheduler.cli.context import Ctx
from confwatch.scheduler.cli.output import echo, emit_json, table
from confwatch.scheduler.database import open_store
from confwatch.scheduler.publish import rebuild_feeds

pass_ctx = click.make_pass_decorator(Ctx)


@click.command()
@click.argument("sources", nargs=-1)
@click.option(
    "--stale",
    is_flag=True,
    help="Only pages read with another extractor version or other extraction settings "
    "(what every crawl does by itself before fetching).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON document.")
@click.option("--no-feeds", is_flag=True, help="Do not rebuild the feeds afterwards.")
@pass_ctx
def reextract(
    ctx: Ctx, sources: tuple[str, ...], stale: bool, as_json: bool, no_feeds: bool
) -> None:
    """Read the stored pages again with the current extractor, without fetching anything.

    Every crawl keeps the last body of each page whose events it read. This reads those bodies
    again, for every enabled source unless SOURCE keys are given, each source in a run of its
    own, then rebuilds the feeds. A value that changes is a correction, not news from the site:
    feeds and digests say "Dates corrected: ...". An event found only now is new. Pages fetched
    before this version have no stored body: they are read again once a crawl reads them. Exit
    status 1 when a stored page could not be read again.

    \b
    Examples:
      confwatch reextract
      confwatch reextract osce --json
      confwatch reextract --stale          # only what the next crawl would re-read
    """
    from confwatch.scheduler.crawl.reextract import reextract_sources
    from confwatch.scheduler.home_cache import use_home_cache

    settings = ctx.settings
    use_home_cache(settings)
    keys = list(sources) or [s.key for s in settings.sources if s.enabled]
    for key in keys:
        settings.source(key)  # an unknown key is a usage error (exit 2) before anything runs
    with open_store(settings, for_writing=True, verify=True) as store:
        done = reextract_sources(settings, store, keys, stale_only=stale)
        feeds = None if no_feeds else rebuild_feeds(settings, store)
    failed = any(d.run.status != "ok" for d in done)
    if as_json:
        emit_json(
            {
                "ok": not failed,
                "stale_only": stale,
                "runs": [d.to_json() for d in done],
                "feeds": str(settings.feeds_dir) if feeds else None,
            }
        )
    else:
        rows = [
            [
                d.run.source,
                d.run.id,
                d.run.status,
                d.reread.pages,
                d.reread.items,
                d.reread.new,
                d.reread.changed,
                d.reread.withdrawn,
                len(d.run.errors),
            ]
            for d in done
        ]
        headers = ["source", "run", "result", "pages", "items", "new", "corrected", "withdrawn"]
        click.echo(table([*headers, "errors"], rows))
        for d in done:
            for err in d.run.errors[:5]:
                echo(f"  {d.run.source}: {err.get('url') or '-'}: {err.get('message')}", err=True)
        if feeds:
            click.echo(f"feeds: {settings.feeds_dir}")
    if failed:
        sys.exit(1)


COMMANDS = [reextract]
