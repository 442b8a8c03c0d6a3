"""``confwatch try SOURCE|URL``: crawl a source as it would be crawled, store nothing, show it all.

Prints what a crawl would store, field by field with the evidence ``extract --explain`` gives,
then the pages it skipped and why, the start pages' links no pattern followed, and the errors.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from confwatch.errors import ConfigError
from confwatch.scheduler.cli.context import Ctx
from confwatch.scheduler.cli.output import echo, emit_json
from confwatch.spiders.sites import KINDS

pass_ctx = click.make_pass_decorator(Ctx)

SHOWN_LINKS = 10  # links listed as not followed on a terminal; --json has them all
# The fields of an event, in the order a person reads them.
FIELDS = (
    "start_date",
    "end_date",
    "city",
    "country",
    "organisers",
    "topics",
    "status",
    "registration_deadline",
    "description",
    "documents",
)


def _selector(text: str) -> tuple[str, str]:
    name, sep, selector = text.partition("=")
    if not sep or not name.strip():
        raise ConfigError(f"--field {text!r}: write NAME=SELECTOR (date_text=.when::text)")
    return name.strip(), selector.strip()


@click.command("try")
@click.argument("target", metavar="SOURCE|URL")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    help="The source's kind (default: the configured source's, else generic).",
)
@click.option(
    "--start-url", "start_urls", multiple=True, metavar="URL", help="A start page (repeatable)."
)
@click.option(
    "--follow", multiple=True, metavar="REGEX", help="A pattern of links to follow (repeatable)."
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="NAME=SELECTOR",
    help="A field's CSS or XPath selector, e.g. date_text=.when::text (repeatable).",
)
@click.option(
    "--max-pages",
    type=click.IntRange(1, 100_000),
    help="Pages to fetch at most (default: the source's).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON document.")
@pass_ctx
def try_(
    ctx: Ctx,
    target: str,
    kind: str | None,
    start_urls: tuple[str, ...],
    follow: tuple[str, ...],
    fields: tuple[str, ...],
    max_pages: int | None,
    as_json: bool,
) -> None:
    """Try a source before it goes live: crawl it now, show what would be stored, store nothing.

    Fetches the source's start pages and the links it follows with its real spider (live, or
    through the replay server in replay mode), reads every page as a crawl would, and prints
    each conference field by field with the text it was read from, then the pages skipped and
    why. Nothing is written: no events, no page states. Robots.txt, the User-Agent, the delay
    and the refusal of private addresses apply as in a crawl.

    SOURCE is a configured source (enabled or not); the options replace its settings for this
    trial. A URL is tried as a start page of the configured source of its site, or of a new
    generic source. A key that is not configured, with --start-url, tries a new source. Exit
    status 1 when no start page could be fetched or a page failed.

    \b
    Examples:
      confwatch try mfa-example
      confwatch try mfa-example --field date_text='span.event-dates::text'
      confwatch try https://mfa.example/en/news/
      confwatch try mfa-new --kind generic --start-url https://mfa.example/en/news/ \\
          --follow '/en/news/\\d+' --json
    """
    from confwatch.scheduler.crawl.trial import TrialSpec, try_source

    spec = TrialSpec(
        target=target,
        kind=kind,
        start_urls=start_urls,
        follow=follow,
        fields=dict(_selector(f) for f in fields),
        max_pages=max_pages,
    )
    report = try_source(ctx.settings_without_home_logs, spec)
    if as_json:
        emit_json(report)
    else:
        _print(report)
    if report["status"] != "ok":
        sys.exit(1)


def _print(report: dict[str, Any]) -> None:
    from confwatch.spiders.trial import explanation_from_json

    events, skipped = report["events"], report["skipped"]
    echo(
        f"try {report['source']} ({report['kind']}): {report['status']}, "
        f"{report['pages']} pages fetched, {len(events)} conference(s), "
        f"{len(skipped)} skipped; nothing was stored"
    )
    for n, event in enumerate(events, 1):
        echo(f"\n{n}. {event['title']}")
        if event.get("url"):
            echo(f"   {event['url']}")
        for name in FIELDS:
            echo(f"   {name + ':':<22} {_shown(event.get(name))}")
        why = explanation_from_json(event.get("explain", []))
        if why.fields:
            echo("   why:")
            for line in why.lines():
                echo(f"   {line}")
    if skipped:
        echo("\nskipped (not stored):")
        for page in skipped:
            echo(f"  {page['url']}: {page['reason']}")
    links = report["not_followed"]
    if links:
        echo(
            f"\nnot followed from the start pages ({len(links)} links; no follow pattern matches):"
        )
        for url in links[:SHOWN_LINKS]:
            echo(f"  {url}")
        if len(links) > SHOWN_LINKS:
            echo(f"  ... and {len(links) - SHOWN_LINKS} more (--json lists them)")
    for title, key, detail in (
        ("warnings", "warnings", "problem"),
        ("errors", "errors", "message"),
    ):
        if report[key]:
            echo(f"\n{title}:")
            for item in report[key]:
                echo(f"  {item['url'] or '-'}: {item[detail]}")


def _shown(value: Any) -> str:
    if value is None or value == []:
        return "-"
    if isinstance(value, list):
        return "; ".join(v["title"] if isinstance(v, dict) else str(v) for v in value)
    text = " ".join(str(value).split())
    return text if len(text) <= 100 else text[:99] + "…"


COMMANDS = [try_]
