"""Source kind -> spider class, and building a spider offline for ``confwatch extract``."""

from __future__ import annotations

from urllib.parse import urlsplit

from confwatch.errors import ConfigError
from confwatch.spiders.base import SourceSpider
from confwatch.spiders.sites.generic import GenericSpider
from confwatch.spiders.sites.mfa_mn import MfaMnSpider
from confwatch.spiders.sites.osce import OsceSpider
from confwatch.spiders.sites.unoct import UnoctSpider
from confwatch.spiders.sources import SourceConfig

SPIDERS: dict[str, type[SourceSpider]] = {
    cls.kind: cls for cls in (OsceSpider, UnoctSpider, MfaMnSpider, GenericSpider)
}


def spider_class(kind: str) -> type[SourceSpider]:
    try:
        return SPIDERS[kind]
    except KeyError:
        raise ConfigError(f"unknown source kind {kind!r} (known: {', '.join(SPIDERS)})") from None


def offline_source(kind: str, url: str | None, key: str | None = None) -> SourceConfig:
    """A minimal source of ``kind`` for reading one page without crawling."""
    spider_class(kind)
    start = url or "https://example.invalid/"
    return SourceConfig(
        key=key or kind,
        kind=kind,
        name=key or kind,
        organisation="",
        start_urls=(start,),
        allowed_domains=(urlsplit(start).hostname or "",),
    )
