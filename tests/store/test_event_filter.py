"""Which events a listing keeps: the criteria matched in Python (organiser, free text)."""

from __future__ import annotations

import pytest

from confwatch.store.event_filter import EventFilter, keeps
from confwatch.store.records import EventFields


def event(
    city: str = "Seoul", country: str = "KR", organisers: list[str] | None = None
) -> EventFields:
    return EventFields(
        title="Regional Conference", city=city, country=country, organisers=organisers or []
    )


@pytest.mark.parametrize(
    "search", ["korea", "South Korea", "republic of korea", "Korea, Republic of", "seoul"]
)
def test_a_search_finds_the_country_by_any_of_its_names(search: str) -> None:
    assert keeps(event(), EventFilter(search=search))


def test_a_search_finds_a_country_iso_has_not_assigned() -> None:
    assert keeps(event(city="Pristina", country="XK"), EventFilter(search="kosovo"))


def test_a_phrase_never_matches_across_two_names() -> None:
    assert not keeps(event(), EventFilter(search="korea south"))


def test_an_organiser_is_matched_without_case_or_accents() -> None:
    wanted = EventFilter(organiser="geneve centre")
    assert keeps(event(organisers=["Genève Centre for Security Policy"]), wanted)
    assert not keeps(event(organisers=["OSCE"]), wanted)
