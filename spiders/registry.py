"""Source kind -> spider class, and building a spider offline for ``confwatch extract``.

The kinds are the modules of ``confwatch.spiders.sites`` (``KINDS`` there); each module holds one
``SourceSpider`` subclass whose ``kind`` is the module's. Nothing is registered by hand.
"""

from __future__ import annotations

import importlib
from urllib.parse import urlsplit

from confwatch.errors import ConfigError
from confwatch.spiders.base import SourceSpider
from confwatch.spiders.sites import KINDS, module_of
from confwatch.spiders.sources import SourceConfig


def _site_spider(kind: str) -> type[SourceSpider]:
    """The one spider class defined in the module of ``kind``, checked against its ``kind``."""
    module = importlib.import_module(f"confwatch.spiders.sites.{module_of(kind)}")
    found = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, SourceSpider)
        and value.__module__ == module.__name__
    ]
    if len(found) != 1:
        raise RuntimeError(f"{module.__name__} must define one SourceSpider, not {len(found)}")
    (cls,) = found
    if cls.kind != kind:
        raise RuntimeError(f"{cls.__qualname__}.kind is {cls.kind!r}; its module says {kind!r}")
    return cls


#: Every kind's spider class, in the order of ``KINDS``.
SPIDERS: dict[str, type[SourceSpider]] = {kind: _site_spider(kind) for kind in KINDS}


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
