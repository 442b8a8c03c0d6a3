"""Which line of a page is its heading: the page's own headline, not the site's name over it."""

from __future__ import annotations

import pytest

from confwatch.spiders.page import read_page, title_of

_STORY = "The two-day seminar gathered forty officers from six countries in Tromsø on 4 March 2031."


def test_a_text_captures_site_name_line_is_not_its_heading() -> None:
    headline = "Border officers meet for a regional seminar in Tromsø"
    text = f"Coastal Security Monitor\n\n{headline}\n\n{_STORY}"
    page = read_page(text, "https://www.coastalsecuritymonitor.example/news/1", is_text=True)
    assert title_of(page) == "Border officers meet for a regional seminar in Tromsø"


def test_a_body_named_with_the_acronym_of_the_sites_host_is_the_sites_name() -> None:
    text = (
        "Federal Office of Coastal Safety (FOCS)\n\n"
        f"Coastal agencies meet for a regional seminar in Tromsø\n\n{_STORY}"
    )
    page = read_page(text, "https://focs.example/en/news/7", is_text=True)
    assert title_of(page) == "Coastal agencies meet for a regional seminar in Tromsø"


def test_a_line_on_another_host_is_still_a_heading() -> None:
    text = f"Police chiefs discuss border security at a regional seminar\n\n{_STORY}"
    page = read_page(text, "https://news.example/a", is_text=True)
    assert title_of(page) == "Police chiefs discuss border security at a regional seminar"


def test_a_logo_heading_with_the_sites_name_gives_way_to_the_pages_own() -> None:
    html = (
        "<html><head><meta property='og:site_name' content='Harbour Safety Agency'></head><body>"
        "<h1>Harbour Safety Agency</h1><main><h1>Harbour security workshop opens in Gdańsk</h1>"
        f"<p>{_STORY}</p></main></body></html>"
    )
    page = read_page(html, "https://hsa.example/news/3")
    assert title_of(page) == "Harbour security workshop opens in Gdańsk"


def test_a_site_name_from_the_title_tag_is_no_heading() -> None:
    html = (
        "<html><head><title>Seminar report | Baltic Border Watch</title></head><body>"
        "<h1>Baltic Border Watch</h1><h1>Border guards meet for a seminar in Riga</h1>"
        f"<p>{_STORY}</p></body></html>"
    )
    page = read_page(html, "https://bbw.example/news/3")
    assert title_of(page) == "Border guards meet for a seminar in Riga"


def test_a_headline_put_as_a_question_is_the_heading() -> None:
    text = f"Cyber threats: can the police keep pace?\n\n{_STORY}"
    page = read_page(text, "https://news.example/b", is_text=True)
    assert title_of(page) == "Cyber threats: can the police keep pace?"


@pytest.mark.parametrize(
    "line", ["Browse our calendar of events now!", "Is this the end? Experts ask again and again?"]
)
def test_a_call_to_action_or_two_sentences_is_no_question_headline(line: str) -> None:
    page = read_page(f"{line}\n\n{_STORY}", "https://news.example/c", is_text=True)
    assert title_of(page) != line


def test_a_first_line_numbered_as_an_edition_is_the_heading() -> None:
    heading = "4. Rigaer Forum zum Seerecht - RIFOS"
    text = f"{heading}\n\nSeerecht 2.0 - 4. RIFOS am 6. Juni 2031\n\n{_STORY}"
    page = read_page(text, "https://uni.example/rifos", is_text=True)
    assert title_of(page) == "Rigaer Forum zum Seerecht - RIFOS"


def test_a_calendar_widgets_dates_do_not_hide_the_heading_under_them() -> None:
    days = "\n".join(f"Date : Tuesday, {d:02d} September 2031" for d in range(1, 15))
    text = (
        f"Browse our Calendar!\n\nMon Tue Wed Thu Fri Sat Sun\n{days}\n\n"
        f"Securing the Baltic Ports: Tools for a Coordinated Response\n\n{_STORY}"
    )
    page = read_page(text, "https://events.example/1", is_text=True)
    assert title_of(page) == "Securing the Baltic Ports: Tools for a Coordinated Response"


def test_a_short_widget_sentence_does_not_stop_the_search_for_the_heading() -> None:
    text = f"Search\n\nClose this search box.\n\nFachtagung „Hafen.Sicher.Digital“\n\n{_STORY}"
    page = read_page(text, "https://ports.example/fachtagung", is_text=True)
    assert title_of(page) == "Fachtagung „Hafen.Sicher.Digital“"
