"""A source that needs no code: start URLs, link patterns and optional selectors from configuration.

Links matching the source's ``follow`` patterns are followed; every page is read with the source's
``fields`` selectors when given, else with schema.org Event markup (JSON-LD / microdata), meta tags
and the shared text heuristics.
"""

from __future__ import annotations

from typing import ClassVar

from confwatch.spiders.base import SourceSpider


class GenericSpider(SourceSpider):
    kind: ClassVar[str] = "generic"
