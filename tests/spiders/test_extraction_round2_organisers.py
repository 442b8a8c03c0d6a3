"""Round 2 organiser rules: more organiser wordings for the page's own event, support that is no
organisation, the subject of "X organised the conference", names an event's title calls its own,
and the comparison of units, written acronyms and uncatalogued bodies."""

from __future__ import annotations

import pytest

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise
from confwatch.spiders.normalise.organisers import (
    canonical_organiser,
    find_organisers,
    same_body,
    title_organisers,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The conference is being held by the Government of Tajikistan in cooperation with the "
            "United Nations and the European Union.",
            ["Government of Tajikistan", "United Nations", "European Union"],
        ),
        (
            "On May 3-4, 2018 by the initiative of the Government of Tajikistan and in "
            "collaboration "
            "with the United Nations, the OSCE and the EU the conference was held in Dushanbe.",
            ["Government of Tajikistan", "United Nations", "OSCE", "European Union"],
        ),
        (
            "The conference has been opened under cooperation of the Government of Mongolia and UN "
            "office of Counter-Terrorism at the Ministry of Foreign Affairs.",
            ["Government of Mongolia", "UNOCT"],
        ),
        (
            "The conference will be organized with the support of the OSCE Transnational Threats "
            "Department.",
            ["OSCE TNTD"],
        ),
        (
            "Organised by Latvia in association with the European Commission and the European "
            "External Action Service (EEAS), the seminar gathered experts.",
            ["Government of Latvia", "European Commission", "European External Action Service"],
        ),
    ],
)
def test_organiser_wordings_for_the_event_are_read(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected


def test_support_and_sponsorship_end_the_list_of_organisers() -> None:
    text = (
        "The workshop will be jointly organised by the Ministry of Foreign Affairs and Trade of "
        "Hungary and the UN Office of Counter-Terrorism (UNOCT), and sponsored by the Ministry of "
        "Interior."
    )
    assert find_organisers(text) == ["Ministry of Foreign Affairs and Trade of Hungary", "UNOCT"]


def test_bodies_organising_with_the_support_of_others_are_all_organisers() -> None:
    # eval-format §5.10: bodies the page says act "with the support of" are organisers.
    text = "The seminar was organized by CTITF and UNRCCA, with the support of UNODC and the EU."
    assert find_organisers(text) == ["CTITF", "UNRCCA", "UNODC", "European Union"]


def test_supported_by_alone_names_no_organiser() -> None:
    assert find_organisers("The workshop was supported by the European Union.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 25 and 26 April 2007, the Council of Europe organised an international conference.",
            ["Council of Europe"],
        ),
        (
            "The United Nations Counter-Terrorism Centre (UNCCT) in partnership with the "
            "Government "
            "of Saudi Arabia held a two-day international conference on 16 and 17 February.",
            ["UNCCT", "Government of Saudi Arabia"],
        ),
        (
            "20 SEPTEMBER 2023, NEW YORK | The Global Counterterrorism Forum (GCTF) – a "
            "multilateral "
            "platform – held its annual Ministerial meetings on 18 and 20 September.",
            ["GCTF"],
        ),
        (
            "Hedayah, the Abu Dhabi-based International Centre of Excellence for CVE, the "
            "Centre for "
            "Middle Eastern and Strategic Studies and the United Nations Development Programme, "
            "UNDP, recently co-organised the Fourth Annual Research Conference in Antalya.",
            ["Hedayah", "Centre for Middle Eastern and Strategic Studies", "UNDP"],
        ),
        (
            "Dans le cadre du Programme mondial, le Bureau de lutte contre le terrorisme des "
            "Nations "
            "Unies (UNOCT) a organisé une conférence des experts du 11 au 13 juin.",
            ["UNOCT"],
        ),
    ],
)
def test_subject_of_an_organising_verb_with_an_event_object_is_organiser(
    text: str, expected: list[str]
) -> None:
    found = find_organisers(text)
    assert all(any(same_body(e, f) for f in found) for e in expected), found


def test_subject_of_a_verb_without_an_event_object_is_no_organiser() -> None:
    assert find_organisers("The OSCE Secretariat hosted the delegation for talks.") == []


def test_a_subject_with_support_keeps_only_the_organisers() -> None:
    text = (
        "The United Nations Office on Drugs and Crime (UNODC) and the Financial Monitoring Unit "
        "(FMU) with support from the UN peace fund, convened a workshop for investigators."
    )
    found = find_organisers(text)
    assert found == ["UNODC", "Financial Monitoring Unit (FMU)"]


def test_a_place_that_hosted_the_conference_is_no_organiser() -> None:
    assert find_organisers("On October 9-10, 2018 Minsk hosted the international conference.") == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2019 OSCE High-level Regional Conference on Countering Terrorist Financing", ["OSCE"]),
        (
            "Council of Europe regional conference on radicalisation in prisons",
            ["Council of Europe"],
        ),
        ("Twelfth GCTF Coordinating Committee Meeting", ["GCTF"]),
        (
            "Семинар Контртеррористического управления ООН и ОБСЕ по повышению потенциала",
            ["UNOCT", "OSCE"],
        ),
        ("EU-Central Asia seminar on counter-terrorism", []),
        ("High-Level International Conference on Countering Terrorism", []),
    ],
)
def test_bodies_an_event_title_calls_its_own(title: str, expected: list[str]) -> None:
    assert title_organisers(title) == expected


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("the MFA of the Republic of Belarus", "Ministry of Foreign Affairs of Belarus"),
        (
            "Foreign Affairs Ministry of Korea",
            "Ministry of Foreign Affairs of the Republic of Korea",
        ),
        ("TNTD/Action against Terrorism Unit", "OSCE TNTD"),
        ("German Federal Foreign Office", "German Federal Foreign Office"),
        ("Financial Monitoring Unit (FMU)", "Financial Monitoring Unit (FMU)"),
    ],
)
def test_canonical_names_for_more_spellings(name: str, canonical: str) -> None:
    assert canonical_organiser(name) == canonical


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("OSCE", "OSCE Office in Tajikistan"),  # a unit named after its organisation
        ("CTITF", "CTITF Office"),
        ("Council of Europe", "Council of Europe Committee on Counter-Terrorism"),
        ("SECI Center", "Southeast European Cooperative Initiative Center (SECI Center)"),
        ("Financial Monitoring Unit", "Financial Monitoring Unit (FMU)"),
        ("Global Center on Cooperative Security", "CGCC"),
    ],
)
def test_same_body_knows_units_and_written_acronyms(a: str, b: str) -> None:
    assert same_body(a, b)
    assert same_body(b, a)


def test_same_body_still_tells_different_bodies_apart() -> None:
    assert not same_body("OSCE", "UNODC Regional Office")
    assert not same_body("Financial Monitoring Unit (FMU)", "UNODC")


def test_labelled_organiser_field_is_authoritative() -> None:
    raw = RawEvent(
        source="osce",
        url="https://example.org/event",
        title="OSCE-wide Counter-Terrorism Conference 2020",
        organiser_text="OSCE Chairmanship, OSCE Transnational Threats Department",
        date_text="14-15 September 2020",
        place_text="Vienna, Austria",
        body_text=(
            "The conference is organized by the Albanian OSCE Chairmanship with the help of "
            "Hedayah. It addresses terrorism and violent extremism."
        ),
    )
    fields = normalise(raw).fields
    assert fields is not None
    assert fields.organisers == ["OSCE Chairpersonship", "OSCE TNTD"]
