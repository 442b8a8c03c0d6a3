"""Offline extraction commands: ``extract PAGE`` and ``eval DIR`` (see eval-format.md).

A page is read only if a crawl would read it: a regular file of at most ``crawl.max_page_bytes``
(so ``/dev/zero`` or a pipe that never ends is refused, not read until memory runs out), and
standard input up to the same size.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from pathlib import Path
from typing import Any

import click

from confwatch.errors import ConfigError
from confwatch.scheduler.cli.context import Ctx
from confwatch.scheduler.cli.output import date_range, echo, emit_json, table
from confwatch.scheduler.home_cache import use_home_cache
from confwatch.spiders.normalise.explain import Explanation
from confwatch.spiders.offline import choose_source, extract_file

pass_ctx = click.make_pass_decorator(Ctx)


def _day(value: str | None, what: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None


def _check_page(path: str, limit: int) -> None:
    """Refuse a PAGE a crawl would not read: not a regular file, or larger than ``limit``."""
    try:
        info = os.stat(path)
    except OSError:
        return  # reading it says what is wrong, naming the file
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(f"{path}: not a regular file")
    if info.st_size > limit:
        raise ConfigError(
            f"{path}: {info.st_size} bytes is more than crawl.max_page_bytes ({limit})"
        )


def _read_stdin(limit: int) -> bytes:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise ConfigError(f"-: standard input is more than crawl.max_page_bytes ({limit} bytes)")
    return data


@click.command()
@click.argument("pages", nargs=-1, required=True)
@click.option(
    "--url",
    help="The page's address (relative links, source choice, provenance). Without it, an "
    "event's url is null, or '#anchor' for an event read from a section of the page.",
)
@click.option(
    "--source", help="Source key or kind whose rules apply (osce, unoct, mfa-mn, generic...)."
)
@click.option(
    "--published",
    metavar="DATE",
    help="The page's own publication date, YYYY-MM-DD (helps a missing year).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON array of events (the contract)."
)
@click.option(
    "--explain",
    is_flag=True,
    help="Say, per field, what was read from which text and why, and what was passed over "
    '(with --json: an "explain" list in each event).',
)
@pass_ctx
def extract(
    ctx: Ctx,
    pages: tuple[str, ...],
    url: str | None,
    source: str | None,
    published: str | None,
    as_json: bool,
    explain: bool,
) -> None:
    """Extract the conferences one saved page announces, offline.

    Each PAGE is an HTML file (.html, .htm) or a text capture (.txt); '-' reads standard input.
    The same spider callback and normaliser as a crawl run here, with no network and no database.
    Prints the events found, in page order; --json prints one JSON array instead (one object per
    event; [] for a non-event page); --explain says per field which text each value was read
    from, by which rule, and what was passed over. Warnings (a field not found) and skipped items
    go to stderr, naming the page by --url, or else as the file was given (page.html#anchor for
    a section).

    \b
    Examples:
      confwatch extract page.html --url https://www.osce.org/event/x --json
      confwatch extract capture.txt --source unoct --published 2019-10-24 --json
      confwatch extract page.html --url https://mfa.example/en/news/12 --explain
    """
    settings = ctx.settings_without_home_logs
    use_home_cache(settings)
    chosen = choose_source(source, url, settings.sources)
    day = _day(published, "--published")
    limit = settings.crawl.max_page_bytes
    for page in pages:
        if page != "-":
            _check_page(page, limit)
    stdin = _read_stdin(limit) if "-" in pages else None
    found: list[dict[str, Any]] = []
    reasons: list[Explanation] = []
    for page in pages:
        result = extract_file(
            page, url=url, source=chosen, published=day, stdin_data=stdin, explain=explain
        )
        for warning in result.warnings:
            echo(f"warning: {warning}", err=True)
        for skipped in result.skipped:
            echo(f"skipped: {skipped}", err=True)
        found += [e.to_json() for e in result.events]
        reasons += result.explanations
    if as_json:
        if explain:
            found = [{**e, "explain": why.to_json()} for e, why in zip(found, reasons, strict=True)]
        emit_json(found)
        return
    if not found:
        click.echo("no conference found")
    for n, e in enumerate(found):
        place = ", ".join(filter(None, [e["city"], e["country"]])) or "place unknown"
        lines = [
            e["title"],
            f"  {_dates(e['start_date'], e['end_date'])}  {place}",
            f"  organisers: {'; '.join(e['organisers']) or '-'}",
        ]
        if e["url"]:
            lines.append(f"  url: {e['url']}")
        if explain:
            lines += ["  why:", *reasons[n].lines()]
        echo("\n".join(lines))


def _dates(start: str | None, end: str | None) -> str:
    """An event's dates as ``events`` prints them: "dates unknown" when none was read."""
    return date_range(*(dt.date.fromisoformat(d) if d else None for d in (start, end)))


@click.command("eval")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--verbose", "-v", is_flag=True, help="List every wrong field and false event.")
@click.option(
    "--split",
    type=click.Choice(["dev", "test"]),
    default=None,
    help='Only the cases of this split (each case\'s "split"); default: every case.',
)
@pass_ctx
def eval_(ctx: Ctx, folder: Path, as_json: bool, verbose: bool, split: str | None) -> None:
    """Measure extraction on a folder of labelled cases (NAME.json beside its page).

    Reports cases, expected, false and missed events, the share of events found, and accuracy
    per field, also per language and per kind of page. Rules are written from the dev split's
    failures only; the test split is read as numbers.

    \b
    Examples:
      confwatch eval tests/fixtures/labelled
      confwatch eval tests/fixtures/labelled --split dev -v
      confwatch eval tests/fixtures/labelled --split test --json
    """
    from confwatch.spiders.scoring import evaluate

    settings = ctx.settings_without_home_logs
    use_home_cache(settings)

    def run(case: dict[str, Any], page: Path) -> list[dict[str, Any]]:
        _check_page(str(page), settings.crawl.max_page_bytes)
        chosen = choose_source(case.get("source"), case.get("url"), settings.sources)
        result = extract_file(
            str(page),
            url=case.get("url"),
            source=chosen,
            published=_day(case.get("published"), f"{page.name}: published"),
        )
        return [e.to_json() for e in result.events]

    report = evaluate(folder, run, split=split)
    if split is not None and not report.cases:
        raise ConfigError(f'{folder}: no case has "split": "{split}"')
    data = report.to_json()
    if as_json:
        emit_json(data)
        return
    found = f"{data['recall']:.1%}" if data["recall"] is not None else "-"
    click.echo(
        f"cases: {data['cases']}  expected events: {data['expected_events']}  "
        f"found: {found}  false events: {data['false_events']}  "
        f"missed events: {data['missed_events']}"
    )
    click.echo(
        table(
            ["field", "accuracy", "compared"],
            [[f, f"{a:.1%}", data["fields_compared"][f]] for f, a in data["accuracy"].items()],
        )
    )
    for err in data["errors"]:
        echo(f"error: {err}", err=True)
    if verbose:
        for d in data["details"]:
            for w in d["wrong"]:
                echo(f"  {d['case']}: {w}")


COMMANDS = [extract, eval_]
