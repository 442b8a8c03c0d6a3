"""Titles: which name an event gets when the page's heading is a section label, or when the text
gives the name without quotes."""

from __future__ import annotations

from confwatch.spiders.normalise.titles import choose_title


def test_section_label_heading_gives_way_to_the_name_in_the_text() -> None:
    sentences = [
        "Border Security Conference",
        "Mombasa, Kenya",
        "We are proud to offer this conference to the officers who guard our borders every day.",
    ]
    assert choose_title("About the Conference", sentences) == "Border Security Conference"


def test_title_without_quotes_is_the_name_behind_a_headline() -> None:
    sentences = [
        "The ministry will host a seminar on border security in Bari on 3 May.",
        "According to the ministry, the seminar, entitled Securing the Mediterranean Borders "
        "Together, will bring together 80 experts.",
    ]
    heading = "Ministry to host seminar on border security"
    assert choose_title(heading, sentences) == "Securing the Mediterranean Borders Together"


def test_name_at_a_distance_is_the_title_of_a_page_without_heading() -> None:
    sentences = [
        "12-03-2019, Kampala (Uganda): The Minister of Internal Affairs opened a workshop held "
        "in Kampala by the East African Community (EAC) on Cross-Border Cooperation against "
        "Terrorist Financing.",
        "Some 40 officials are attending the two-day workshop.",
    ]
    assert choose_title(None, sentences) == ("Cross-Border Cooperation against Terrorist Financing")
