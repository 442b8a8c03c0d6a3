"""A site's menu or breadcrumbs, written as one line, is never an event's title."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.headings import is_menu_row, is_title_junk
from confwatch.spiders.normalise.titles import text_candidates
from confwatch.spiders.page import read_page, title_of

_STORY = "The two-day seminar gathered forty officers from six countries in Tromsø on 4 March 2031."


@pytest.mark.parametrize(
    "line",
    [
        "Home | Region | Society | Culture | Events",
        "Start | Wir über uns | Angebote | Seminar 2031 | Kontakt",
        "Accueil > Agenda > Détail de l'événement",
        "Startseite » Termine » Termindetails",
        "Shop | Donate online",
        "Upload | Log in | Register",
    ],
)
def test_a_menu_or_breadcrumb_line_is_page_furniture(line: str) -> None:
    assert is_menu_row(line)
    assert is_title_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Regional Seminar on Border Security | Coastal Agency",
        "Border officers meet for a regional seminar in Tromsø",
        "Workshop | Maritime security in the Baltic region after the new strategy",
        "Conference on Port Security: Lessons from a Decade of Cooperation",
        "Home » Events » Seminar on Port Security",
    ],
)
def test_a_heading_with_a_bar_or_a_long_item_is_no_menu(line: str) -> None:
    assert not is_menu_row(line)


def test_a_text_captures_menu_line_gives_way_to_its_headline() -> None:
    text = (
        "Coastal Monitor\n\nHome | Region | Society | Culture | Events\n\n"
        f"Border officers meet for a regional seminar in Tromsø\n\n{_STORY}"
    )
    page = read_page(text, "https://coastalmonitor.example/news/1", is_text=True)
    assert title_of(page) == "Border officers meet for a regional seminar in Tromsø"


def test_a_name_read_across_a_menus_bars_is_no_candidate() -> None:
    menu = "Start | Wir über uns | Angebote | Fachtagung 2031 | Kontakt"
    assert all("|" not in c.name for c in text_candidates([menu]))
