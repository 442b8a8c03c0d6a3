"""Printing for the CLI: JSON documents on stdout, plain aligned tables and lines for people.

The listing commands print one ``Listing`` in the ``--format`` their ``output_options`` decorator
adds (as sqlite-utils's ``output_options``): ``table`` for people, ``json`` (also ``--json``: the
document scripts already read), ``ndjson`` (one object per line) and ``csv`` (a header row, one
row per item, lists joined with "; "). A CSV cell a spreadsheet would run as a formula (one
starting with = + - @ or a tab) gets a leading ``'``; its terminal controls are shown as
escapes, as in tables.

Text from the store came from web pages. Printed for people (``table``, ``echo``) it goes through
``terminal_text``: control characters (an ESC starts a sequence that can clear the screen, set the
window title or hide text; CR overwrites the line) and bidi overrides (they reorder a title on
screen) are shown as visible escapes. ``--json`` (``emit_json``) keeps the exact values and stays
valid JSON: json.dumps escapes C0 controls, and the other such characters are escaped as well.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import click

from confwatch.scheduler.terminal import terminal_text

# What ``terminal_text`` makes visible, inside a JSON document: less the C0 controls json.dumps
# escapes itself, plus the line and paragraph separators (JSON allows them raw; JavaScript once
# did not).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def echo(message: str = "", *, err: bool = False) -> None:
    """``click.echo`` of a line for people that may hold stored (scraped) text."""
    click.echo(terminal_text(message), err=err)


def emit_json(data: Any) -> None:
    click.echo(_json_text(data, indent=2))


def _json_text(data: Any, *, indent: int | None = None) -> str:
    text = json.dumps(data, indent=indent, ensure_ascii=False, default=_default)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if hasattr(value, "to_json"):
        return value.to_json()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, max_width: int = 60) -> str:
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _cell(value: Any, max_width: int) -> str:
    text = "" if value is None else str(value)
    text = terminal_text(" ".join(text.split()))
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def age(moment: dt.datetime | None, now: dt.datetime) -> str:
    if moment is None:
        return "never"
    seconds = int((now - moment).total_seconds())
    if seconds < 0:
        return "in the future"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return f"{seconds}s ago"


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    if start is None:
        return "dates unknown"
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()} – {end.isoformat()}"


FORMATS = ("table", "json", "ndjson", "csv")


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds ``--format table|json|ndjson|csv`` and ``--json`` (the same as ``--format json``) to a
    listing command, which receives the chosen one as ``output_format``."""

    @functools.wraps(command)
    def run(*args: Any, output_format: str | None, as_json: bool, **kwargs: Any) -> Any:
        if as_json and output_format not in (None, "json"):
            raise click.BadOptionUsage(
                "output_format", f"--json and --format {output_format}: give one of them"
            )
        chosen = "json" if as_json else (output_format or "table")
        return command(*args, output_format=chosen, **kwargs)

    run = click.option(
        "--json", "as_json", is_flag=True, help="Print one JSON document: --format json."
    )(run)
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(FORMATS, case_sensitive=False),
        help="table (default, for people), json, ndjson (an object a line) or csv.",
    )(run)


@dataclass
class Listing:
    """What a listing command prints, in every format.

    ``items``: one JSON-ready object per item (ndjson lines, csv rows after ``csv_items``).
    ``document``: what ``json`` prints when it is not the list of items (``status``'s object).
    ``csv_items``: flatter objects for CSV, when the items nest (an event's sources).
    ``headers``/``rows``: the table for people; ``empty``: the line instead of an empty table.
    """

    items: Sequence[Mapping[str, Any]]
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    document: Any = None
    csv_items: Sequence[Mapping[str, Any]] | None = None
    empty: str | None = None
    max_width: int = 60
    columns: Sequence[str] = field(default_factory=tuple)  # CSV columns; default: the keys seen
    footer: str | None = None  # a line after the table, for people only


def emit(output_format: str, listing: Listing) -> None:
    """Print ``listing`` on stdout as ``output_format`` (one of ``FORMATS``).

    A reader that stops early (``| head``) is no failure: the rest is dropped quietly and the
    command's exit status stands."""
    try:
        _emit(output_format, listing)
        sys.stdout.flush()
    except BrokenPipeError:
        # Later writes, and the interpreter's flush at exit, would raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _emit(output_format: str, listing: Listing) -> None:
    if output_format == "json":
        emit_json(listing.items if listing.document is None else listing.document)
    elif output_format == "ndjson":
        for item in listing.items:
            click.echo(_json_text(item))
    elif output_format == "csv":
        click.echo(csv_text(listing.csv_items or listing.items, listing.columns), nl=False)
    elif not listing.rows and listing.empty is not None:
        click.echo(listing.empty)
    else:
        click.echo(table(listing.headers, listing.rows, max_width=listing.max_width))
        if listing.footer:
            click.echo(f"\n{listing.footer}")


def csv_text(items: Sequence[Mapping[str, Any]], columns: Sequence[str] = ()) -> str:
    """CSV with a header row (``columns``, or every key in the order first seen)."""
    names = list(columns) or list(dict.fromkeys(k for item in items for k in item))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(names)
    for item in items:
        writer.writerow([csv_cell(item.get(name)) for name in names])
    return out.getvalue()


# A spreadsheet runs a cell starting with these as a formula (=HYPERLINK(...), +cmd|...), or
# after a leading tab (OWASP's list; a CR is already shown as "\\r").
_FORMULA_START = ("=", "+", "-", "@", "\t")


def csv_cell(value: Any) -> str:
    """One CSV cell: lists joined with "; ", nested objects as JSON, text defused and with
    terminal controls made visible (CSV has no escapes of its own, and is often read on a
    terminal); numbers as they are."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list | tuple) and not any(isinstance(v, dict | list) for v in value):
        text = "; ".join(_scalar(v) for v in value)
    elif isinstance(value, dict | list | tuple):
        text = json.dumps(value, ensure_ascii=False, default=_default)
    else:
        text = _scalar(value)
    text = terminal_text(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)
