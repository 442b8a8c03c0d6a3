"""Making scraped text safe on the way out: XML-legal text, sanitised HTML, header values, URLs.

Everything a spider read from a page is untrusted. Feeds, the calendar, the page and (later)
mail headers pass every scraped string through one of these functions. Spiders already clean
text where it enters (``confwatch.spiders.untrusted``); this is the second line, for text stored
before they did and for any other producer.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from html import unescape
from urllib.parse import urlsplit

import nh3

# Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF), plus
# those it discourages and no page means to show: DEL, C1 controls and the noncharacters; and the
# bidi embeddings, overrides and isolates, which let a title reorder itself on screen (the
# direction marks U+200E/U+200F/U+061C stay: right-to-left text needs them).
_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
    "\ufdd0-\ufdef\ufffe\uffff]"
)
_BLANK_LINES = re.compile(r"\n\s*\n")

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "i", "li", "ol", "p", "strong", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https"}


def strip_illegal(s: str) -> str:
    """Drop characters XML cannot carry (lxml raises "All strings must be XML compatible"),
    and the bidi controls."""
    return _ILLEGAL.sub("", s)


def clean_text(s: str | None) -> str:
    """One line of plain text: legal characters only, NFC, whitespace runs collapsed."""
    if not s:
        return ""
    return " ".join(unicodedata.normalize("NFC", strip_illegal(s)).split())


def clean_paragraphs(s: str | None) -> list[str]:
    """Paragraphs of plain text (split on blank lines), each cleaned like ``clean_text``."""
    if not s:
        return []
    text = strip_illegal(s).replace("\r\n", "\n").replace("\r", "\n")
    return [p for p in (clean_text(part) for part in _BLANK_LINES.split(text)) if p]


def sanitize_html(html: str | None) -> str:
    """HTML reduced to basic inline and block tags, with http(s) links only."""
    if not html:
        return ""
    cleaned = nh3.clean(
        strip_illegal(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    return strip_illegal(cleaned)


def plain_text(s: str | None) -> str:
    """``clean_text`` without markup: tags dropped (script/style with their content), entities
    decoded. For the places RSS readers render as HTML whatever the spec says: titles and
    categories. Two passes, so entity-escaped markup ("&lt;script&gt;") goes as well."""
    text = clean_text(s)
    for _ in range(2):
        if "<" not in text and "&" not in text:
            break
        text = clean_text(unescape(nh3.clean(text, tags=set())))
    return text


def header_value(s: str | None) -> str:
    """A value safe for a mail header: no CR/LF (no header injection), no controls."""
    return clean_text(s)


def http_url(s: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL without spaces or controls, else None."""
    url = clean_text(s)
    if not url or " " in url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the host part
        return None
    if parts.scheme.lower() not in URL_SCHEMES or not parts.netloc:
        return None
    return url


def utc_datetime(value: dt.datetime) -> dt.datetime:
    """An aware UTC time (feedgen refuses naive ones); a naive time is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def shorten(s: str, limit: int) -> str:
    """Cut a cleaned line at ``limit`` characters (hostile pages can have megabyte titles)."""
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"
