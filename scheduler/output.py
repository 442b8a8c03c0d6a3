"""Printing for the CLI: JSON documents on stdout, plain aligned tables and lines for people.

Text from the store came from web pages. Printed for people (``table``, ``echo``) it goes through
``terminal_text``: control characters (an ESC starts a sequence that can clear the screen, set the
window title or hide text; CR overwrites the line) and bidi overrides (they reorder a title on
screen) are shown as visible escapes. ``--json`` (``emit_json``) keeps the exact values and stays
valid JSON: json.dumps escapes C0 controls, and the other such characters are escaped as well.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
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
    text = json.dumps(data, indent=2, ensure_ascii=False, default=_default)
    click.echo(_JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


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
