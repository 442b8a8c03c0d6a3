"""Organisers are bodies of the page's own event (§5.10, §5.2): every text here is invented.

A person named by a chair's or an adviser's title is a speaker, not a body, and so is a person
named by an honorific, a rank or an office ("Madame X", "Général de brigade Y"), or who chairs
a ceremony or a session of the event; the bodies that organised an event the sentence names as
an earlier one ("came after a forum organised by X") are background when the page names its own
event's organisers."""

from __future__ import annotations

import pytest

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise
from confwatch.spiders.normalise.organisers import find_organisers, same_body


def _has(found: list[str], name: str) -> bool:
    return any(same_body(name, f) for f in found)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "The expert meeting was co-chaired by Drafting Group Co-Chairs Maria Olsen and the "
            "Council of Europe, in Strasbourg on 3 May 2021.",
            "Drafting Group Co-Chairs Maria Olsen",
        ),
        (
            "Chairperson of the Regional Assembly Council Petra Novak opened and chaired the "
            "conference on 4 June 2022, organised by the OSCE.",
            "Chairperson of the Regional Assembly Council Petra Novak",
        ),
    ],
)
def test_person_named_by_chair_title_is_no_organiser(text: str, person: str) -> None:
    found = find_organisers(text)
    assert not any(person in f or "Chair" in f for f in found)
    assert _has(found, "OSCE") or _has(found, "Council of Europe")


def test_office_named_after_an_adviser_is_a_body() -> None:
    text = (
        "The Office of the National Security Adviser (ONSA) organised a workshop on "
        "countering violent extremism in Abuja on 2 March 2022."
    )
    assert any("Office of the National Security Adviser" in f for f in find_organisers(text))


def test_organiser_of_an_earlier_event_is_background() -> None:
    text = (
        "The OSCE held a seminar on youth and violent extremism in Almaty on 5 May 2016. "
        "The seminar came after a student forum organized by the Almaty State Law Academy, "
        "where students discussed the topic."
    )
    found = find_organisers(text)
    assert _has(found, "OSCE")
    assert not any("Law Academy" in f for f in found)


def test_organiser_of_the_event_itself_still_counts_after_a_following_clause() -> None:
    # "following" opens the sentence, but the role phrase belongs to the page's own seminar.
    text = (
        "Following a request of member states, the seminar, organized by the Almaty State Law "
        "Academy, took place in Almaty on 5 May 2016."
    )
    assert any("Law Academy" in f for f in find_organisers(text))


def test_news_agency_credited_as_source_is_no_organiser() -> None:
    text = (
        "The Regional Security Institute held a symposium on terrorist financing in Amman on "
        "3 March 2021.\nSource: Levant Press Agency"
    )
    found = find_organisers(text)
    assert any("Regional Security Institute" in f for f in found)
    assert not any("Press Agency" in f for f in found)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "En Lima se celebró la IV Conferencia Regional de Lucha contra el Terrorismo.",
            "IV",
        ),
        (
            "Under their joint Programme for Prevention (2021-2024), the Alpha Centre and the "
            "Beta Institute organised a regional seminar in Accra.",
            "Under their",
        ),
        (
            "Lagos, 4 March 2020 (NAN) - The 12th Meeting of the Gamma Council is holding a "
            "summit on terrorism in Abuja.",
            "4 March 2020",
        ),
    ],
)
def test_fragment_of_the_sentence_is_no_organiser(text: str, fragment: str) -> None:
    assert not any(f.startswith(fragment) or fragment in f for f in find_organisers(text))


def test_unit_written_short_beside_its_full_name_is_one_organiser() -> None:
    text = (
        "A two-day roundtable organized by the Field Office in Arktown concluded on 3 May 2016. "
        "The strategy was prepared by a working group convened by the OSCE Field Office in "
        "Arktown."
    )
    found = find_organisers(text)
    assert "Field Office in Arktown" not in found
    assert any(f.endswith("Field Office in Arktown") for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Several earlier chairs of the Regional Forum have organised seminars on this topic.",
        "Plusieurs associations de la région ont organisé des colloques sur ce thème.",
        "Mehrere Vereine veranstalteten im Vorjahr Tagungen zum Thema.",
    ],
)
def test_a_quantified_subject_names_no_body(text: str) -> None:
    assert find_organisers(text) == []


# --- people by an honorific, a rank or an office; the chair of a ceremony --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le séminaire, présidé par le Général de brigade Amadou SALL, s'est tenu à Dakar.",
        (
            "The conference was co-organised by the Harbour Institute and Général de division "
            "Amadou SALL, in Dakar on 3 May 2031."
        ),
    ],
)
def test_a_person_by_a_rank_is_no_organiser_though_the_rank_names_a_unit(text: str) -> None:
    # "brigade", "division" are organisation words: the rank's own, not a body's.
    assert not any("SALL" in f for f in find_organisers(text))


@pytest.mark.parametrize(
    "text",
    [
        (
            "Le séminaire régional s'est tenu à Lomé du 3 au 5 mai 2031. La cérémonie "
            "d'ouverture, présidée par Madame Awa KONÉ, Directrice de cabinet du Ministre, a "
            "entendu les interventions de Messieurs Paul TRAORÉ, Représentant spécial et Chef du "
            "Bureau des Nations Unies pour l'Afrique de l'Ouest et le Sahel (UNOWAS), et du "
            "Général de division Jean DIALLO, Directeur de l'Institut Harbour (IH)."
        ),
        (
            "The regional seminar took place in Tirana on 3-5 May 2031. The opening session, "
            "chaired by Ambassador Anna Berg, Head of the OSCE Presence in Albania (OPA), heard "
            "remarks by Colonel Ivan Sorokin, Director of the Harbour Institute."
        ),
    ],
)
def test_the_chair_of_an_opening_ceremony_or_session_is_no_organiser(text: str) -> None:
    assert find_organisers(text) == []


def test_the_chair_of_the_event_itself_still_organises_it() -> None:
    text = (
        "La conférence régionale, coprésidée par le Maroc et les Pays-Bas, s'est tenue à Rabat "
        "le 3 mai 2031, après une cérémonie d'ouverture."
    )
    assert len(find_organisers(text)) == 2


def test_a_person_in_a_labelled_organiser_field_is_left_out() -> None:
    raw = RawEvent(
        source="generic",
        url="https://example.org/event",
        title="Regional Seminar on Border Security",
        organiser_text="Général de brigade Amadou SALL, Harbour Institute",
        date_text="3 May 2031",
        place_text="Dakar, Senegal",
        body_text="The regional seminar on border security and terrorism takes place in Dakar.",
    )
    fields = normalise(raw).fields
    assert fields is not None
    assert fields.organisers == ["Harbour Institute"]
