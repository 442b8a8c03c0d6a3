"""A phrase that counts meetings, or names them only in the plural, is no event's title."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.name_count import names_several
from confwatch.spiders.normalise.titles import choose_title


@pytest.mark.parametrize(
    "phrase",
    [
        "14 встреч со студентами колледжей",
        "35 мероприятий с участием молодёжи",
        "12 events for school teachers",
        "workshops in parallel",
        "Breakout sessions",
        "seminars over the last three years",
    ],
)
def test_a_count_or_a_plural_names_several_meetings(phrase: str) -> None:
    assert names_several(phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "2031 Coastal Security Conference",
        "7th Meeting of the Border Working Group",
        "Regional Workshop on Port Security",
        "Jornadas sobre seguridad portuaria",
        "Assises de la sécurité portuaire",
        "1 day seminar",
    ],
)
def test_one_meeting_or_a_dated_edition_is_one_event(phrase: str) -> None:
    assert not names_several(phrase)


def test_a_tally_of_outreach_meetings_gives_no_title() -> None:
    sentences = [
        "С начала года в районе прошли 14 встреч и бесед со студентами колледжей.",
        "Лекторы рассказали о профилактике экстремизма.",
    ]
    assert choose_title(None, sentences) is None


def test_the_parts_of_an_event_do_not_name_it() -> None:
    sentences = [
        "Breakout sessions explored cargo checks, ferry security and drones.",
        "Officers from four ports took part.",
    ]
    assert choose_title(None, sentences) is None
