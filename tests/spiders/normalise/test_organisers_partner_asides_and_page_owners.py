"""Organisers named beside the subject, after a dateline, or by the page's shape (round L18):
every text here is invented.

An Italian "insieme al/alla/all'" aside, a German list ended by its event's preposition or
article, a name shortened by dotted syllables and a lab in a list, a French partner phrase with
"avec la collaboration de" or "en partenariat notamment avec", a Portuguese "uma parceria
entre", a subject after a dateline's city, and an organisation's own event page that invites
its reader in the first person."""

from __future__ import annotations

import pytest

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise.event_organisers import read_organisers
from confwatch.spiders.normalise.organiser_owner import page_owner
from confwatch.spiders.normalise.organisers import find_organisers, same_body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "L'Associazione Beta, insieme al Comune di Pavia, organizza un convegno sul "
            "terrorismo.",
            ["Associazione Beta", "Comune di Pavia"],
        ),
        (
            "L'Associazione Beta, insieme alla Prefettura di Pavia e al Comune di Pavia, "
            "organizza un convegno sul terrorismo.",
            ["Associazione Beta", "Prefettura di Pavia", "Comune di Pavia"],
        ),
        (
            "Il Rotary Club Pavia, insieme all’Università di Pavia, Ab.Cd.E e Sigma Lab, "
            "organizza il convegno sulla radicalizzazione.",
            ["Rotary Club Pavia", "Università di Pavia", "Ab.Cd.E", "Sigma Lab"],
        ),
    ],
)
def test_italian_insieme_with_an_articled_preposition_adds_co_organisers(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Stiftung Alpha lädt gemeinsam mit der Universität Bonn zur Fachtagung ein.",
            ["Stiftung Alpha", "Universität Bonn"],
        ),
        (
            "Die Stiftung Alpha organisiert gemeinsam mit der Universität Bonn die Fachtagung.",
            ["Stiftung Alpha", "Universität Bonn"],
        ),
        (
            "Die Stiftung Alpha lädt zusammen mit dem Landesamt und der Beratungsstelle "
            "Prävention an den Schulen des Landes zur Fachtagung „Was tun?“ ein.",
            ["Stiftung Alpha", "Landesamt", "Beratungsstelle Prävention an den Schulen des Landes"],
        ),
    ],
)
def test_german_list_ends_where_its_event_follows_and_the_inviting_verb_is_no_name(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le ministère de l'Intérieur a organisé avec la collaboration de l'ONUDC une "
            "conférence sur le terrorisme.",
            ["Ministry of the Interior", "UNODC"],
        ),
        (
            "L'Institut Alpha, en partenariat notamment avec la Fondation Beta, organise le 4 mai "
            "à Lyon un colloque.",
            ["Institut Alpha", "Fondation Beta"],
        ),
        (
            "O seminário é uma parceria entre o Instituto Alfa e a Organização das Nações Unidas.",
            ["Instituto Alfa", "United Nations"],
        ),
    ],
)
def test_french_and_portuguese_partner_phrases_name_co_organisers(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected


def test_a_datelines_city_is_no_part_of_the_subject() -> None:
    text = "Rabat - Le ministère des Affaires étrangères a organisé une conférence sur la menace."
    assert find_organisers(text) == ["Ministry of Foreign Affairs"]


def test_a_dotted_state_abbreviation_is_not_read_as_a_short_name() -> None:
    assert find_organisers(
        "The seminar was organised by the Embassy of the U.S.A. and the OSCE."
    ) == ["Embassy of the U.S.A", "OSCE"]


_OWN_PAGE = (
    "Verein Nordlicht e.V.\n\n"
    "Fachtag Prävention\nWann: 3. Mai 2024\n\n"
    "Wir laden Sie herzlich ein, mit uns über Prävention zu sprechen.\n"
)


def test_an_organisations_own_event_page_inviting_in_the_first_person_names_its_owner() -> None:
    assert page_owner(_OWN_PAGE) == "Verein Nordlicht e.V."
    raw = RawEvent(
        source="generic",
        url="https://example.org/fachtag",
        title="Fachtag Prävention",
        body_text=_OWN_PAGE,
    )
    assert read_organisers(raw, "DE") == ["Verein Nordlicht e.V."]


@pytest.mark.parametrize(
    "body",
    [
        # No first-person invitation: the heading may be a news site's name.
        "Verein Nordlicht e.V.\n\nDer Fachtag Prävention findet am 3. Mai 2024 statt.\n",
        # A menu, not a name, heads the page.
        "Start | Über uns | Kontakt\n\nWir laden Sie ein, am Fachtag teilzunehmen.\n",
        # A sentence heads the page.
        "Am 3. Mai 2024 findet der Fachtag statt.\n\nWir laden Sie ein, teilzunehmen.\n",
    ],
)
def test_no_owner_without_an_invitation_or_a_name_heading_the_page(body: str) -> None:
    assert page_owner(body) is None


def test_the_page_owner_is_not_added_when_the_text_names_organisers() -> None:
    raw = RawEvent(
        source="generic",
        url="https://example.org/fachtag",
        title="Fachtag Prävention",
        body_text="Verein Nordlicht e.V.\n\nDer Fachtag wird von der Stiftung Alpha organisiert. "
        "Wir laden Sie ein, teilzunehmen.\n",
    )
    assert read_organisers(raw, "DE") == ["Stiftung Alpha"]


@pytest.mark.parametrize(
    "text",
    [
        "Hosted by the Northern Peace Office (NPO) in partnership with Baltic and Nordic "
        "Research Units (RUs), BALRU and NORDRU, the summit will look at security.",
        "The Northern Peace Office (NPO), in collaboration with a research unit (RU), BALRU "
        "and NORDRU, will hold a workshop on security.",
    ],
)
def test_a_class_of_bodies_glossed_by_its_acronym_is_none_of_the_bodies(text: str) -> None:
    found = find_organisers(text)
    assert not any(same_body(n, "RU") or same_body(n, "RUs") for n in found)
    assert any(same_body(n, "BALRU") for n in found)


def test_a_body_glossed_by_its_own_acronym_after_an_article_stays() -> None:
    text = "The workshop was organised by a local association (ABC), the Peace Institute."
    assert find_organisers(text)[0] == "ABC"


def test_a_partner_of_the_event_named_by_its_pronoun_in_the_next_sentence_is_an_organiser() -> None:
    text = (
        "The workshop was held in Colombo on 3 May. It was organised in cooperation with the "
        "Harbour Institute and funded by the Government of Japan."
    )
    assert find_organisers(text) == ["Harbour Institute"]


def test_a_partner_of_something_else_named_by_its_pronoun_is_no_organiser() -> None:
    text = "The report came out in May. It was prepared in cooperation with the Harbour Centre."
    assert find_organisers(text) == []
