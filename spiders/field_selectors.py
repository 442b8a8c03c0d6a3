"""The CSS and XPath selectors a source's configuration gives per field: which are valid.

The configuration is checked with ``selector_problem`` when it is loaded, so an invalid selector
never reaches a crawl. Should one arrive anyway (a source built in code), ``usable_selectors``
drops it with an ``item.warning`` naming the field and the selector, instead of the page being
read as if the selector had found nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache

log = logging.getLogger("confwatch.crawl")

#: The fields a selector may fill (what ``page.single_event`` reads from ``selectors``).
SELECTOR_FIELDS = (
    "title",
    "date_text",
    "place_text",
    "organiser_text",
    "registration_text",
    "description",
)


def is_xpath(selector: str) -> bool:
    """XPath starts with / or ( (as ``page.select_text`` reads it); anything else is CSS."""
    return selector.startswith(("/", "("))


@lru_cache(maxsize=512)
def selector_problem(selector: str) -> str | None:
    """Why ``selector`` cannot be used, or None. It is compiled and run on an empty page, as
    parsel runs it on a real one (so an unknown function or namespace prefix is caught too)."""
    from parsel import Selector

    kind = "XPath" if is_xpath(selector) else "CSS selector"
    empty = Selector(text="<html><body></body></html>")
    try:
        if is_xpath(selector):
            empty.xpath(selector)
        else:
            empty.css(selector)
    except Exception as exc:  # cssselect, lxml and parsel each raise their own kinds
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return f"{selector!r} is not a valid {kind}: {reason}"
    return None


def usable_selectors(source: str, url: str, selectors: Mapping[str, str]) -> dict[str, str]:
    """``selectors`` without the invalid ones, each logged as an ``item.warning``."""
    usable: dict[str, str] = {}
    for field, selector in selectors.items():
        problem = selector_problem(selector)
        if problem is None:
            usable[field] = selector
            continue
        log.warning(
            "item.warning",
            extra={
                "source": source,
                "url": url,
                "field": field,
                "selector": selector,
                "reason": f"selector ignored: {problem}",
            },
        )
    return usable
