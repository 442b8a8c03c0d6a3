"""Text from a web page is untrusted: which of its characters are kept, and how much is read.

``clean`` is the one rule for characters. It is applied once, where page text enters:
``read_page`` runs ``clean_markup`` over the body before any parser sees it (the characters and
the character references that decode to them), and ``clean_data`` over the strings JSON-LD
decodes (its ``\\u001b`` escapes are the one way in the body pass cannot see). So nothing a
spider yields, and nothing stored, holds them; feeds and the terminal still escape on the way out.

Removed: C0 controls but tab, LF and CR (form feed becomes a space: HTML counts it as white
space); DEL; C1 controls; the bidi embeddings, overrides and isolates U+202A-U+202E and
U+2066-U+2069 (they reorder a title on screen: "title spoofing"); lone surrogates; the
noncharacters U+FDD0-U+FDEF, U+FFFE and U+FFFF; the invisible soft hyphen U+00AD (and "&shy;"),
zero-width space U+200B, word joiner U+2060 and byte-order mark U+FEFF (a reader never sees them,
and inside a word they split it for every search).
Kept: the direction marks U+200E, U+200F and U+061C (right-to-left text needs them, and they only
order the neutral characters beside them) and the zero-width (non-)joiners (scripts need them).
Text is NFC-normalised, so one word has one spelling in the store.

The limits bound the CPU a page can cost: a page just under the crawl's size cap once held a
crawl for 15-50 s. They are far above any conference page (the recorded and labelled pages have
at most 166 blocks, 1,300 characters in a block and 24,000 in all).
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

MAX_BLOCKS = 2_000  # text blocks (paragraphs, list items, cells) read from one page
MAX_BLOCK_CHARS = 20_000  # characters kept of one block
MAX_TEXT = 200_000  # characters of a page's text in all
MAX_FIELD = 5_000  # characters of one label value, heading, meta tag or selected text
MAX_ITEMS = 200  # entries of a list read from a page: topics, documents, headings, labels
MAX_DEPTH = 16  # levels of nesting kept of structured data (the fields read are 3 deep at most)

# Invisible formatting: the soft hyphen, the zero-width space, the word joiner, the byte-order
# mark. A reader never sees them, and inside a word they split it for every search
# ("Extremismus\u00adprävention", hyphenation plugins of German and Russian sites).
INVISIBLE = "\u00ad\u200b\u2060\ufeff"
# (Only the noncharacters of the first plane: the others are legal XML and inert, and listing
# them made every search ten times slower.)
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
    "\ufdd0-\ufdef\ufffe\uffff" + INVISIBLE + "]"
)
# "&shy;" is the one named reference to a removed character that pages use (hyphenation
# plugins put one in every long word); "&shy" without its semicolon is read by browsers too.
_SHY = re.compile("&shy;?")
# A numeric character reference; leading zeros are read, and a number too long to be a
# character is left to the parser (which makes it U+FFFD).
_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})(?![0-9a-fA-F])|0*([0-9]{1,7})(?![0-9]));?")


def _remove(text: str) -> str:
    return _UNSAFE.sub("", text.replace("\x0c", " "))


def clean(text: str) -> str:
    """``text`` without control, bidi-override, surrogate and noncharacter code points, NFC."""
    if _UNSAFE.search(text):
        text = _remove(text)
    return unicodedata.normalize("NFC", text)


def _unsafe_reference(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    if (
        code > 0x20
        and code != 0x7F
        and not 0x80 <= code <= 0x9F
        and code < 0x202A
        and chr(code) not in INVISIBLE
    ):
        return match.group()  # the common case: an ordinary character
    if 0x80 <= code <= 0x9F:
        decoded = html.unescape(match.group())  # read as windows-1252: "&#x85;" is "…"
    else:
        decoded = chr(code) if code <= 0x10FFFF else "\ufffd"
    cleaned = _remove(decoded)
    return match.group() if cleaned == decoded else cleaned


def clean_markup(markup: str) -> str:
    """``clean`` for HTML (or a text capture): character references to removed characters go
    as well, since every parser would decode them back."""
    if "&#" in markup:
        markup = _REFERENCE.sub(_unsafe_reference, markup)
    if "&shy" in markup:
        markup = _SHY.sub("", markup)
    return clean(markup)


def clean_data(value: Any, *, depth: int = 0) -> Any:
    """``clean`` applied to every string in decoded JSON (dicts, lists, strings), each string
    cut at ``MAX_FIELD`` characters, each list at ``MAX_ITEMS`` entries; values nested deeper
    than ``MAX_DEPTH`` levels become None."""
    if isinstance(value, str):
        return clean(value[:MAX_FIELD])
    if depth >= MAX_DEPTH and isinstance(value, dict | list):
        return None
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v, depth=depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_data(v, depth=depth + 1) for v in value[:MAX_ITEMS]]
    return value
