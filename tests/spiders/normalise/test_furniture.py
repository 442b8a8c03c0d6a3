"""Page furniture: the site's own lines (controls, share bars, crawl-time headers) are no text of
the story, so no title, venue or date is read from them."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.furniture import is_furniture
from confwatch.spiders.page import page_heading, read_page
from tests.spiders.normalise.inline_pages import fields_of


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main content",
        "• Google+",
        "Facebook",
        "  • Commenta",
        "ВКонтакте",
        "E-mail",
        "Congresses & Conferences",
        "Upcoming webinars",
    ],
)
def test_site_controls_and_share_buttons_are_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Home Menue Home",
        "close",
        "Logo Text Logo Text",
        "Menü Suche Schließen",
        "Главная Меню Поиск",
    ],
)
def test_a_line_of_nothing_but_the_sites_bar_controls_is_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Home-grown terrorism: a closer look",
        "Search and rescue seminar",
        "Text of the final declaration",
    ],
)
def test_a_heading_with_words_beside_the_controls_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_the_sites_bar_above_a_capture_is_no_title() -> None:
    body = (
        "Home Menu Home\nclose\nLogo Text Logo Text\n\n"
        "Fachtagung Radikalisierung im Netz\n\n"
        "Am 14. März 2019 findet in Graz die Fachtagung zur Prävention von Radikalisierung "
        "und Extremismus statt."
    )
    page = read_page(body, "https://example.org/x", is_text=True)
    assert page_heading(page) == "Fachtagung Radikalisierung im Netz"


@pytest.mark.parametrize(
    "line",
    ["Facebook hosts a seminar on extremism", "Comment on the Vienna conference", "Topeka"],
)
def test_a_sentence_or_a_place_that_names_a_network_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_a_share_button_beside_the_date_is_no_venue() -> None:
    # GeoNames lists "Google" as an alternate name of Topeka: a share bar must not place the
    # meeting in Kansas.
    body = (
        "• Google+\n• Commenta\n3 marzo 2021\n\n"
        "Il 9 e il 10 marzo 2021 si terrà il convegno sulla prevenzione della radicalizzazione "
        "violenta e del terrorismo, organizzato dal centro studi dell'università."
    )
    fields = fields_of(body, title="Convegno sulla radicalizzazione")
    assert fields.city is None and fields.country is None
    assert (str(fields.start_date), str(fields.end_date)) == ("2021-03-09", "2021-03-10")
