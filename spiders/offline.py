"""Reading one saved page without a crawler or a database: ``confwatch extract`` and ``eval``.

The very same ``page_events`` callback and ``normalise`` run here as in a crawl.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from w3lib.encoding import html_body_declared_encoding, html_to_unicode

from confwatch.errors import ConfigError, ConfwatchError
from confwatch.fields import EventFields
from confwatch.spiders.normalise import normalise
from confwatch.spiders.normalise.explain import Explanation
from confwatch.spiders.normalise.field_warnings import standing
from confwatch.spiders.normalise.same_meeting import explained, one_event_per_meeting
from confwatch.spiders.page import read_page
from confwatch.spiders.registry import SPIDERS, offline_source, spider_class
from confwatch.spiders.sources import SourceConfig

log = logging.getLogger("confwatch.extract")


@dataclass
class Extraction:
    events: list[EventFields]
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    explanations: list[Explanation] = field(default_factory=list)  # one per event, when asked


def decode_page(data: bytes, *, is_text: bool) -> str:
    """Bytes to text: BOM, then the page's declared charset, then UTF-8, then a guess."""
    if is_text:
        for enc in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                continue
    declared = html_body_declared_encoding(data)
    _, text = html_to_unicode(None, data, default_encoding=declared or "utf-8")
    return text


def choose_source(
    source: str | None, url: str | None, sources: Sequence[SourceConfig]
) -> SourceConfig:
    """``--source`` as a configured key or a kind; else the configured source owning the host."""
    if source:
        for s in sources:
            if s.key == source:
                return s
        if source in SPIDERS:
            return offline_source(source, url)
        raise ConfigError(
            f"unknown source {source!r} (kinds: {', '.join(SPIDERS)}; "
            f"configured: {', '.join(s.key for s in sources) or 'none'})"
        )
    host = (urlsplit(url).hostname or "").lower() if url else ""
    for s in sources:
        if host and any(host == d or host.endswith("." + d) for d in s.allowed_domains):
            return s
    return offline_source("generic", url)


def extract_page(
    body: str,
    *,
    url: str | None,
    source: SourceConfig,
    is_text: bool,
    published: dt.date | None = None,
    explain: bool = False,
    shown_as: str | None = None,
) -> Extraction:
    """The events of one page. Without ``url``, warnings and skip reasons name the page as
    ``shown_as`` (the file as the user gave it; a section as ``page.html#anchor``)."""
    page_url = url or _NO_URL
    spider = spider_class(source.kind)(source)
    page = read_page(body, page_url, is_text=is_text, published=published)
    result = Extraction([])
    said: list[list[str]] = []  # each item's warnings, in page order
    where: list[int] = []  # each event's place in ``said``
    missing: list[dict[str, str]] = []  # each event's warnings about a field it lacks
    for raw in spider.page_events(page):
        why = Explanation() if explain else None
        done = normalise(raw, explain=why)
        said.append(done.warnings)
        if done.fields is None:
            result.skipped.append(f"{_named(raw.url, shown_as)}: {done.skipped}")
        else:
            if url is None:
                done.fields.url = _without_page(done.fields.url)
            where.append(len(said) - 1)
            missing.append(done.missing)
            result.events.append(done.fields)
            if why is not None:
                result.explanations.append(why)
    settled = _one_per_meeting(result, [said[i] for i in where], missing)
    for i, warnings in zip(where, settled, strict=True):
        said[i] = warnings
    result.warnings = [w for warnings in said for w in warnings]
    if url is None:
        result.warnings = [_named(w, shown_as) for w in result.warnings]
    return result


# The address a page read without ``--url`` is given, so that its sections get anchors.
_NO_URL = "file:///page"


def _without_page(event_url: str | None) -> str | None:
    """An event's URL when the page's address is unknown: none for the page itself, the anchor
    alone ("#side-event") for a section of it (eval-format §2: the page or section anchor the
    event was read from; a same-document reference, never a made-up address)."""
    if event_url is None or event_url == _NO_URL:
        return None
    if event_url.startswith(_NO_URL + "#"):
        return event_url[len(_NO_URL) :]
    return event_url


def _named(text: str, shown_as: str | None) -> str:
    """``text`` (a warning, a skipped item's URL) with the stand-in address of a page read
    without ``--url`` replaced by the page's name: "page.html: start_date: no date found",
    "page.html#side-event: city: no place found"."""
    if shown_as is None or not text.startswith(_NO_URL):
        return text
    rest = text[len(_NO_URL) :]
    return shown_as + rest if rest[:1] in ("", "#", ":") else text


def _one_per_meeting(
    result: Extraction, warnings: list[list[str]], missing: list[dict[str, str]]
) -> list[list[str]]:
    """Each meeting once, as a crawl stores it (``same_meeting``); each field's explanation is
    that of the event (or events) that gave the field's value. Gives each event's warnings that
    stand (``field_warnings.standing``): none that says a merged meeting lacks a field it has."""
    if len(result.events) < 2:
        return warnings
    meetings = one_event_per_meeting(result.events)
    if len(meetings) == len(result.events):
        return warnings
    if result.explanations:
        result.explanations = [explained(m, result.explanations) for m in meetings]
    result.events = [m.fields for m in meetings]
    return standing(meetings, warnings, missing)


def extract_file(
    path: str,
    *,
    url: str | None = None,
    source: SourceConfig,
    published: dt.date | None = None,
    stdin_data: bytes | None = None,
    explain: bool = False,
) -> Extraction:
    if path == "-":
        data = stdin_data or b""
        is_text = not data.lstrip().startswith(b"<")
    else:
        p = Path(path)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ConfwatchError(
                f"{path}: cannot read page: {exc.strerror or exc}", exit_code=2
            ) from None
        is_text = p.suffix.lower() not in (".html", ".htm", ".xhtml")
        if p.suffix.lower() not in (".txt", ".text", "") and is_text:
            is_text = not data.lstrip().startswith(b"<")
    body = decode_page(data, is_text=is_text)
    return extract_page(
        body,
        url=url,
        source=source,
        is_text=is_text,
        published=published,
        explain=explain,
        shown_as=path,
    )
