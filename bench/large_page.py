"""CPU cost of reading one large page: ``read_page`` + the source's callback + ``normalise``.

A page just under the crawl's size cap (``crawl.max_page_bytes``, 5 MB by default) must not hold
a crawl child for seconds of CPU. ``shapes()`` builds ~5 MB pages in the forms that once cost
most: many paragraphs each naming a date and a place, one paragraph of 5 MB with no sentence
end, a list of date-and-place lines, "Label: value" lines, headings only, a hard-wrapped text
capture, a hostile page (control and bidi characters, character references to them, an element
removed before each), one paragraph holding 200,000 elements the reader removes, 199 JSON-LD
events above paragraphs, and 40,000 schema.org microdata items. ``measure()`` reports the CPU
seconds (``time.process_time``) of each; the figure is the worst shape's.

Before issue 14 (same machine): paragraphs 16 s, one paragraph 8 s, list 50 s, labels 44 s,
headings 18 s, text capture 15 s, removed elements 170 s (each removal re-copied the text it
joined), microdata more than 14 minutes (40,000 events, each normalised with the whole text;
199 JSON-LD events likewise); the hostile page was not read at all ("All strings must be XML
compatible"). After: 0.3-1.4 s each.

Run alone: ``.venv/bin/python -m bench.large_page``.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from confwatch.spiders.offline import extract_page
from confwatch.spiders.registry import offline_source

SIZE = 4_900_000  # bytes: just under the default cap of 5,000,000
URL = "https://conf.example/events/large"
MONTHS = ["January", "March", "May", "July", "September", "November"]
CITIES = ["Vienna, Austria", "Geneva, Switzerland", "Astana, Kazakhstan", "Rome, Italy"]


def _sentence(i: int) -> str:
    return (
        f"The Regional Conference on Countering Terrorism number {i} will be held in "
        f"{CITIES[i % 4]} on {i % 27 + 1}-{i % 27 + 2} {MONTHS[i % 6]} 20{30 + i % 9}, "
        f"organized by the OSCE Secretariat; registration deadline {i % 27 + 1} {MONTHS[i % 6]}."
    )


def _fill(head: str, unit: Any, tail: str = "</main></body></html>") -> str:
    """``head`` then ``unit(i)`` for i = 0, 1, ... until the page is ``SIZE`` bytes long."""
    parts = [head]
    size = len(head.encode()) + len(tail)
    i = 0
    while size < SIZE:
        piece = unit(i)
        parts.append(piece)
        size += len(piece.encode())
        i += 1
    parts.append(tail)
    return "".join(parts)


HEAD = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Large</title></head>"
    "<body><main><h1>Regional Conference on Countering Terrorism</h1>"
    "<p>Date: 12-13 November 2030</p><p>Venue: Vienna, Austria</p>"
)


def _json_ld(count: int) -> str:
    events = [
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": f"Regional Conference on Countering Terrorism {i}",
            "startDate": f"2031-05-{i % 27 + 1:02d}",
            "location": {"@type": "Place", "name": CITIES[i % 4]},
        }
        for i in range(count)
    ]
    return f'<script type="application/ld+json">{json.dumps(events)}</script>'


def shapes() -> dict[str, tuple[str, bool]]:
    """name -> (page, is_text), each page ~``SIZE`` bytes."""
    words = "conference on countering terrorism in Vienna Austria 12 November 2030 and "
    return {
        "paragraphs": (_fill(HEAD, lambda i: f"<p>{_sentence(i)}</p>\n"), False),
        "one-paragraph": (_fill(HEAD + "<p>", lambda i: words, "</p></main></body></html>"), False),
        "list": (
            _fill(
                HEAD + "<p>Topics discussed include:</p><ul>",
                lambda i: f"<li>{i % 27 + 1}-{i % 27 + 2} {MONTHS[i % 6]} 2031 {CITIES[i % 4]}",
                "</ul></main></body></html>",
            ),
            False,
        ),
        "labels": (
            _fill(HEAD, lambda i: f"<p>Date {i}: {i % 27 + 1} {MONTHS[i % 6]} 2031</p>\n"),
            False,
        ),
        "headings": (_fill(HEAD, lambda i: f"<h2>{_sentence(i)[:90]}</h2>\n"), False),
        "text-capture": (
            _fill(
                "Regional Conference on Countering Terrorism\n\n",
                lambda i: "\n".join(_sentence(i)[k : k + 70] for k in range(0, 200, 70)) + "\n\n",
                "",
            ),
            True,
        ),
        "hostile": (
            _fill(
                HEAD,
                lambda i: (
                    f"<p>x<script>s</script>\x07\x1b[2J\u202e{_sentence(i)}&#x1b;&#x202E;"
                    "\x85\x9b\ufffe</p>\n"
                ),
            ),
            False,
        ),
        "removed-elements": (
            _fill(HEAD + "<p>", lambda i: "word <script>s</script>", "</p></main></body></html>"),
            False,
        ),
        "json-ld-events": (
            _fill(
                HEAD.replace("</head>", _json_ld(199) + "</head>"),
                lambda i: f"<p>{_sentence(i)}</p>\n",
            ),
            False,
        ),
        "microdata": (
            _fill(
                HEAD,
                lambda i: (
                    "<div itemscope itemtype='https://schema.org/Event'>"
                    f"<span itemprop='name'>Conference {i}</span>"
                    f"<span itemprop='startDate'>2031-05-{i % 27 + 1:02d}</span></div>"
                ),
            ),
            False,
        ),
    }


def read_cost(page: str, *, is_text: bool) -> tuple[float, int]:
    """CPU seconds to read and normalise ``page``, and the characters of text kept."""
    source = offline_source("generic", URL)
    started = time.process_time()
    found = extract_page(page, url=URL, source=source, is_text=is_text, published=None)
    seconds = time.process_time() - started
    kept = sum(len(e.description or "") + len(e.title or "") for e in found.events)
    return seconds, kept


def measure() -> dict[str, Any]:
    """CPU seconds per shape of a ~5 MB page; ``worst_cpu_s`` is the slowest shape's."""
    read_cost(HEAD + "</main></body></html>", is_text=False)  # imports, gazetteer: not counted
    out: dict[str, Any] = {"bytes": SIZE, "cpu_s": {}}
    for name, (page, is_text) in shapes().items():
        seconds, _ = read_cost(page, is_text=is_text)
        out["cpu_s"][name] = round(seconds, 3)
        print(f"large page {name}: {seconds:.2f} s CPU", file=sys.stderr, flush=True)
    out["worst_cpu_s"] = max(out["cpu_s"].values())
    return out


if __name__ == "__main__":
    print(json.dumps(measure(), indent=1))
