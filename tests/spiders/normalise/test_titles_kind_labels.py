"""Titles: quoted titles set in American typography, headings that shorten the quoted title, and
kind labels ("Panel Discussion", "Workshop in Graz") that stand beside the event's own title."""

from __future__ import annotations

from confwatch.spiders.normalise.titles import choose_title, text_candidates


def test_a_fronted_title_with_its_comma_inside_the_quotes_is_the_events_name() -> None:
    sentence = (
        'Titled "Rivers Without Borders in the Andean Region," the seminar will take place '
        "on 3 May at the city library."
    )
    found = [c.name for c in text_candidates([sentence])]
    assert found == ["Rivers Without Borders in the Andean Region"]


def test_a_quoted_phrase_that_is_a_sentences_subject_is_no_title() -> None:
    sentence = 'Titled "Rivers Without Borders," said the minister at the seminar.'
    assert [c.name for c in text_candidates([sentence])] == []


def test_a_heading_that_begins_the_quoted_title_gives_way_to_the_whole_title() -> None:
    sentences = [
        "Rivers Without Borders",
        "Experts will meet at the Northern University seminar on 3-4 May.",
        'Entitled "Rivers Without Borders in the Andean Region," the seminar is free.',
    ]
    assert choose_title("Rivers Without Borders", sentences) == (
        "Rivers Without Borders in the Andean Region"
    )
