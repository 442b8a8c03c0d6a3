"""A selector that cannot be used never passes silently: the configuration refuses it at load
(tests/scheduler/test_config_problems.py), and should one reach a spider anyway (a source built in
code), reading a page logs an ``item.warning`` naming the field and the selector."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from confwatch.spiders.page import read_page
from confwatch.spiders.registry import offline_source, spider_class

URL = "https://mfa.example/en/news/regional-conference/"
PAGE = """<html lang="en"><head><meta charset="utf-8"><title>Conference</title></head><body>
<h1>Regional Conference on Countering the Financing of Terrorism</h1>
<p class="when">9-10 February 2027</p><span class="location">Vienna, Austria</span>
<p>The Regional Conference on Countering the Financing of Terrorism, organised by the OSCE.</p>
</body></html>"""


def test_invalid_selector_reaching_a_spider_is_logged_naming_field_and_selector(
    caplog: pytest.LogCaptureFixture,
) -> None:
    source = replace(
        offline_source("generic", URL, key="mfa"),
        fields={"date_text": "p.when::text", "place_text": "span.location[::text"},
    )
    spider = spider_class(source.kind)(source)
    with caplog.at_level(logging.WARNING, logger="confwatch"):
        (event,) = spider.page_events(read_page(PAGE, URL))
    assert event.date_text == "9-10 February 2027"  # the valid selector still applies
    warnings = [r for r in caplog.records if r.getMessage() == "item.warning"]
    assert [(r.source, r.url, r.field, r.selector) for r in warnings] == [  # type: ignore[attr-defined]
        ("mfa", URL, "place_text", "span.location[::text")
    ]
    assert "not a valid CSS selector" in warnings[0].reason  # type: ignore[attr-defined]
