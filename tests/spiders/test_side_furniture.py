"""A theme's boxes of links to other stories (a sidebar's "Recent posts", a "Related news"
aside, a share bar) are not the page: their dates and places never become the event's. A box of
the event's own facts, or of its documents, is read as before. The pages are invented, in the
shapes WordPress, Drupal and plain HTML5 themes give."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from bench import furniture
from confwatch.spiders.offline import Extraction, extract_page, offline_source

LABELLED = Path(__file__).resolve().parents[1] / "fixtures" / "labelled"
FURNITURE_CITIES = {"Lyon", "Madrid", "Almaty", "Geneva", "Astana"}

URL = "https://institute.example/news/regional-seminar"

ARTICLE = (
    "<p>Institute co-hosting a U.N. Conference</p>\n<p>Fri., Jun. 14, 2031</p>\n"
    "<p>We are partnering with the United Nations to host a conference on countering terrorism "
    "this autumn. Mayors of eight cities will talk about how their cities dealt with attacks. "
    "The UN Conference will be held on Nov. 22-23 at the Quadrangle Club.</p>\n"
)
RECENT_POSTS = """<div id="secondary" class="widget-area">
<div class="widget widget_recent_entries"><h3 class="widget-title">Recent Posts</h3><ul>
<li><a href="/n/1">Minister receives the new Ambassador of Brazil</a> <span>14 May 2031</span></li>
<li><a href="/n/2">Annual report published</a> <span class="post-date">2 April 2031</span></li>
<li><a href="/n/3">Call for applications: summer school on human rights in Lyon</a>
<span class="post-date">28 March 2031</span></li></ul></div></div>"""
RELATED_ASIDE = """<aside class="related"><h2>Related news</h2><ul>
<li><a href="/n/7">Summer school on human rights opens in Almaty</a> 3 June 2031</li>
<li><a href="/n/8">New visa rules enter into force</a> 1 June 2031</li></ul></aside>"""


def extract(body: str) -> Extraction:
    html = f"<html lang='en'><head><title>t</title></head><body>{body}</body></html>"
    return extract_page(html, url=URL, source=offline_source("generic", URL), is_text=False)


@pytest.mark.parametrize(
    "page",
    [
        f'<div id="content" class="site-content"><div class="entry-content">{ARTICLE}</div>'
        f"{RECENT_POSTS}</div>",
        f"<main><article>{ARTICLE}</article>{RELATED_ASIDE}</main>",
        f"<div class='page'>{ARTICLE}{RELATED_ASIDE}</div>",  # no landmark: the body is read
    ],
    ids=["wordpress-sidebar", "html5-aside", "no-landmark"],
)
def test_a_box_of_links_to_other_stories_gives_the_event_no_place_and_no_date(page: str) -> None:
    (event,) = extract(page).events
    assert (event.city, event.country) == (None, None)
    assert (event.start_date, event.end_date) == (dt.date(2031, 11, 22), dt.date(2031, 11, 23))


def test_an_aside_of_the_events_own_facts_is_read() -> None:
    facts = (
        "<aside class='event-details'><p>Venue: Hotel Sacher, Vienna, Austria</p>"
        "<p>Organiser: <a href='/about'>the Institute</a></p></aside>"
    )
    (event,) = extract(f"<main><article>{ARTICLE}</article>{facts}</main>").events
    assert (event.city, event.country) == ("Vienna", "AT")


def test_a_related_box_of_the_events_documents_keeps_them() -> None:
    papers = (
        "<div class='related-documents'><h3>Documents</h3><ul>"
        "<li><a href='/files/agenda.pdf'>Agenda of the seminar</a></li>"
        "<li><a href='/files/concept-note.pdf'>Concept note</a></li></ul></div>"
    )
    (event,) = extract(f"<main>{ARTICLE}{papers}</main>").events
    assert [d.title for d in event.documents] == ["Agenda of the seminar", "Concept note"]


COMMENTS = """<div id="comments"><h3>2 comments</h3>
<div class="comment"><p>Alex, 15 June 2031 at 10:12</p><p>A summer school opens in Lyon.</p>
</div><div class="comment"><p>Maria, 16 June 2031</p><p>Next time in Madrid?</p></div></div>"""
SIGN_OFF = "<div class='bottom'>News Agency · 1 Press Square, Madrid, Spain · © 2031</div>"
COOKIES = "<div class='cookie-bar'>We use cookies. Our office in Lyon explains why. OK</div>"


@pytest.mark.parametrize(
    "furniture", [COMMENTS, SIGN_OFF, COOKIES], ids=["comments", "sign-off", "cookies"]
)
def test_comments_a_cookie_notice_and_the_sites_sign_off_give_the_event_no_place(
    furniture: str,
) -> None:
    # The story gives no date of its own: a comment's stamp must not become one.
    undated = ARTICLE.replace("<p>Fri., Jun. 14, 2031</p>\n", "").replace(" on Nov. 22-23", "")
    (event,) = extract(
        f"<div class='wrapper'><div class='left'>{undated}</div>{furniture}</div>"
    ).events
    assert (event.city, event.country, event.start_date) == (None, None, None)


@pytest.mark.parametrize(
    "heading",
    ["Upcoming events", "Dernières actualités", "Ближайшие мероприятия:", "Lesen Sie auch"],
)
def test_a_box_headed_as_other_stories_is_not_read_in_any_language(heading: str) -> None:
    # No aside, no class naming it: only its heading says what the box is.
    items = RELATED_ASIDE.split("<ul>", 1)[1].split("</ul>", 1)[0]
    box = f"<div class='right'><h4>{heading}</h4><ul>{items}</ul></div>"
    (event,) = extract(f"<div class='left'>{ARTICLE}</div>{box}").events
    assert (event.city, event.start_date) == (None, dt.date(2031, 11, 22))


def test_an_events_listing_made_of_linked_entries_is_read_whole() -> None:
    # No story of its own beside the box: the box of links is the page.
    page = (
        "<h1>Upcoming events on preventing radicalisation and violent extremism</h1>"
        "<p>Our calendar lists seminars and workshops on violent extremism prevention.</p>"
        "<div class='calendar'><h2>Upcoming events</h2><ul>"
        "<li><a href='/e/1'>Regional Workshop on Rehabilitation of Returning Families</a><br>"
        "14 March 2031, Almaty</li>"
        "<li><a href='/e/2'>Expert Seminar on Prison Radicalisation</a><br>9 April 2031</li>"
        "</ul></div>"
    )
    found = extract(f"<main>{page}</main>").events
    assert dt.date(2031, 3, 14) in [e.start_date for e in found]


# The labelled pages' own text in each theme of bench/furniture.py: a sample of the dev split.
SAMPLE_EVERY = 25


def _sample() -> list[tuple[str, dict[str, Any], str]]:
    out = []
    for meta in sorted(LABELLED.glob("*.json"))[::SAMPLE_EVERY]:
        case = json.loads(meta.read_text("utf-8"))
        if case.get("split") == "dev" and str(case.get("page", "")).endswith(".txt"):
            out.append((meta.stem, case, (LABELLED / case["page"]).read_text("utf-8")))
    return out


def _events_of(html: str, case: dict[str, Any]) -> list[dict[str, Any]]:
    published = case.get("published")
    url = case.get("url")
    result = extract_page(
        html,
        url=url,
        source=offline_source(case.get("source") or "generic", url),
        is_text=False,
        published=dt.date.fromisoformat(published) if published else None,
    )
    return [e.to_json() for e in result.events]


@pytest.mark.parametrize("theme", ["wordpress", "html5", "div-soup"])
def test_labelled_pages_in_a_sites_theme_take_no_city_or_date_from_its_furniture(
    theme: str,
) -> None:
    sample = _sample()
    assert len(sample) >= 40
    taken = []
    changed = 0
    for name, case, text in sample:
        lang = case.get("language") or "en"
        plain = _events_of(furniture.wrap(text, furniture.PLAIN, lang), case)
        dressed = _events_of(furniture.wrap(text, furniture.THEMES[theme], lang), case)
        changed += plain != dressed
        own = {(e["city"], e["start_date"]) for e in plain}
        for event in dressed:
            if (
                event["city"] in FURNITURE_CITIES
                and (event["city"], event["start_date"]) not in own
            ):
                taken.append((name, event["city"]))
    assert taken == []
    if theme != "div-soup":  # landmarks and class names mark every box: nothing may change
        assert changed == 0


LOOSE_REPORT = (
    "Regional Seminar on Preventing Violent Extremism<br><br>"
    "Almaty, 3 March 2031<br><br>"
    "The OSCE Programme Office organised a regional seminar on preventing violent extremism "
    "and radicalisation that leads to terrorism on 2 March 2031 in Almaty. Experts from five "
    "countries discussed community policing, prisons and the role of youth.<br><br>"
    "The next meeting of the network is planned in Bishkek in 2032."
)


def test_paragraphs_parted_by_blank_lines_of_br_are_read_as_paragraphs() -> None:
    (event,) = extract(f"<div class='content'>{LOOSE_REPORT}</div>").events
    assert event.title == "Regional Seminar on Preventing Violent Extremism"
    assert (event.start_date, event.city) == (dt.date(2031, 3, 2), "Almaty")


def test_a_layout_tables_menu_cell_is_no_headline_and_its_loose_text_is_read() -> None:
    menu = "".join(f"<a href='/{w}'>{w}</a><br>" for w in ("Home", "News", "Events", "Contact"))
    page = (
        f"<table><tr><td width='200'>{menu}</td><td>"
        f"<h2>Regional Seminar on Preventing Violent Extremism</h2>{LOOSE_REPORT}"
        "<p>Photo gallery</p></td></tr></table>"
    )
    (event,) = extract(page).events
    assert event.title == "Regional Seminar on Preventing Violent Extremism"
    assert (event.start_date, event.city) == (dt.date(2031, 3, 2), "Almaty")
