"""The lexicon in English, completed from knowledge of the language (session v1): look-alikes of
event nouns (a legislature named Congress, a conference venue, a drill), wordings of holding,
roles that organise and roles that do not (funders, patrons, participants), status wordings.
Every sentence here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import lexicon, organisers
from confwatch.spiders.normalise.relevance import judge
from confwatch.spiders.normalise.status import detect_status


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("a hearing of the US Congress", set()),  # a legislature, not a congress
        ("members of Congress", set()),
        ("the conference venue", set()),  # a place
        ("a media briefing", set()),  # journalists, as a press conference
        ("a counter-terrorism drill", {"training"}),
        ("a masterclass for analysts", {"training"}),
        ("the World Congress on Terrorism", {"large"}),
        ("an expert roundtable", {"small"}),
        ("plenaries", {"large"}),
    ],
)
def test_english_look_alikes_and_nouns_have_their_kind(text: str, kinds: set[str]) -> None:
    assert lexicon.event_kinds(text) == kinds


def test_a_biennial_meeting_on_terrorism_is_an_event_on_topic() -> None:
    body = "The biennial meeting on countering terrorism brought experts from twelve states."
    assert judge("", body).relevant


def test_a_meeting_that_shall_be_held_on_terrorism_is_an_event_on_topic() -> None:
    body = "A meeting on terrorism and violent extremism shall be held in Tirana in May."
    assert judge("", body).relevant


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The seminar was organised by UNODC with the collaboration of OSCE.", ["UNODC", "OSCE"]),
        ("The seminar was co-organised with OSCE.", ["OSCE"]),
        ("The seminar was organised by UNODC, attended by OSCE.", ["UNODC"]),
        ("The seminar was organised by UNODC with a grant from OSCE.", ["UNODC"]),
        ("The seminar was organised by UNODC under the honorary patronage of OSCE.", ["UNODC"]),
    ],
)
def test_english_role_phrases_tell_organisers_from_funders_patrons_and_participants(
    text: str, found: list[str]
) -> None:
    assert organisers.find_organisers(text) == found


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The organisers decided to cancel the conference on terrorism.", "cancelled"),
        ("The organisers decided to postpone the workshop on extremism.", "postponed"),
        ("RESCHEDULED: Regional Conference on Violent Extremism", "postponed"),
        ("The conference on terrorism opened in Vienna.", "scheduled"),
    ],
)
def test_english_status_wordings_are_read(text: str, status: str) -> None:
    assert detect_status(text) == status
