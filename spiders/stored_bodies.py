"""What a read page is stored with, so it can be read again without fetching it.

The body is the text the spider read (``response.text``: decoded, before ``read_page`` cleans it,
so a later ``read_page`` cleans it as it then does), as zlib-compressed UTF-8. The extraction tag
says which reading produced the page's stored items: ``EXTRACTOR_VERSION`` and a hash of the
source's extraction settings (kind, field selectors, relevance rule, language). A page whose tag
differs from the current one is read again (``spiders/reextract.py``).
"""

from __future__ import annotations

import hashlib
import json
import zlib

from confwatch.spiders.normalise.version import EXTRACTOR_VERSION
from confwatch.spiders.sources import SourceConfig

# zlib level 6 (the default) costs ~2x level 1's CPU for ~10% smaller bodies: a crawl reads and
# compresses every changed page, so the cheap level wins (see docs/decisions/0011).
LEVEL = 1


def extraction_tag(source: SourceConfig) -> str:
    """``EXTRACTOR_VERSION/settings-hash``: equal tags read a page alike."""
    settings = {
        "kind": source.kind,
        "fields": dict(source.fields),
        "relevance": dict(source.relevance),
        "language": source.language,
    }
    text = json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{EXTRACTOR_VERSION[:40]}/{digest}"


def pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), LEVEL)


def unpack(data: bytes, *, limit: int) -> str | None:
    """The stored text, or None when it is damaged or would exceed ``limit`` bytes."""
    inflate = zlib.decompressobj()
    try:
        raw = inflate.decompress(data, limit + 1)
    except zlib.error:
        return None
    if len(raw) > limit or not inflate.eof:
        return None
    return raw.decode("utf-8", "surrogatepass")
