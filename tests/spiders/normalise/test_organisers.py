"""Organisers: canonical names, lists, running text and the same-body rule of the scorer.

In running text: the wordings that name the page's own event's organisers, support and
sponsorship (which end the list or name no organiser), the subject of "X organised the
conference", the bodies an event's title calls its own, and a labelled organiser field, which
beats the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise
from confwatch.spiders.normalise.organisers import (
    canonical_organiser,
    find_organisers,
    same_body,
    split_organisers,
    title_organisers,
)

SEED_PAGES = Path("/work/shared/reference/seed-pages")


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("OSCE", "OSCE"),
        ("Organization for Security and Co-operation in Europe", "OSCE"),
        ("Organisation for Security and Cooperation in Europe", "OSCE"),
        ("OSCE Secretariat", "OSCE"),
        ("OSCE Transnational Threats Department", "OSCE TNTD"),
        ("OSCE Department for Transnational Threats", "OSCE TNTD"),
        ("OSCE Secretariat's Transnational Threats Department (TNTD)", "OSCE TNTD"),
        ("OSCE Secretariat’s Transnational Threat Department", "OSCE TNTD"),
        ("Office for Democratic Institutions and Human Rights", "OSCE ODIHR"),
        ("OSCE/ODIHR", "OSCE ODIHR"),
        ("UN Office of Counter-Terrorism", "UNOCT"),
        ("United Nations Office of Counter-Terrorism", "UNOCT"),
        ("UN Office for Counter-Terrorism", "UNOCT"),
        ("UN Office on Counter-Terrorism", "UNOCT"),
        ("United Nations Office on Drugs and Crime (UNODC)", "UNODC"),
        ("United Nations Counter-Terrorism Centre", "UNCCT"),
        ("Counter-Terrorism Committee Executive Directorate", "CTED"),
        ("the European Union", "European Union"),
        ("Hedayah", "Hedayah"),
        ("Global Center on Cooperative Security", "Global Center on Cooperative Security"),
        ("Global Counterterrorism Forum", "GCTF"),
        ("Council of Europe", "Council of Europe"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("Arab League", "League of Arab States"),
        ("African Union", "African Union"),
        ("Intergovernmental Authority on Development", "IGAD"),
        ("Interpol", "INTERPOL"),
        ("United Nations Development Programme", "UNDP"),
        ("United Nations Educational, Scientific and Cultural Organization", "UNESCO"),
        ("UNICRI", "UNICRI"),
        ("the Government of the Republic of Tajikistan", "Government of Tajikistan"),
        ("Government of Hungary", "Government of Hungary"),
        ("Republic of Belarus", "Government of Belarus"),
        ("United Arab Emirates", "Government of the United Arab Emirates"),
        ("Swiss Government", "Government of Switzerland"),
        (
            "Ministry of Foreign Affairs of the Republic of Tajikistan",
            "Ministry of Foreign Affairs of Tajikistan",
        ),
        ("Mongolian Ministry of Foreign Affairs", "Ministry of Foreign Affairs of Mongolia"),
        (
            "National Counter-Terrorism Coordinative Council",
            "National Counter-Terrorism Coordination Council of Mongolia",
        ),
        (
            "National Counter-Terrorism Co-ordination Council of Mongolia",
            "National Counter-Terrorism Coordination Council of Mongolia",
        ),
        ("General Intelligence Agency of Mongolia", "General Intelligence Agency of Mongolia"),
        ("Albanian OSCE Chairmanship", "OSCE Chairpersonship"),
        ("ОБСЕ", "OSCE"),
        ("Контртеррористическое управление ООН", "UNOCT"),
    ],
)
def test_canonical_organiser_maps_spellings_to_one_name(name: str, canonical: str) -> None:
    assert canonical_organiser(name) == canonical


def test_ministry_takes_its_country_from_the_hint() -> None:
    assert canonical_organiser("the Ministry of Foreign Affairs", country="MN") == (
        "Ministry of Foreign Affairs of Mongolia"
    )
    assert canonical_organiser("the Ministry of Foreign Affairs") == "Ministry of Foreign Affairs"


def test_ministry_named_with_its_country_ignores_the_hint() -> None:
    name = "Ministry of Foreign Affairs of Hungary"
    assert canonical_organiser(name, country="MN") == "Ministry of Foreign Affairs of Hungary"


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("  the Foo Bar Institute. ", "Foo Bar Institute"),
        ("Centre for Strategic Studies", "Centre for Strategic Studies"),
    ],
)
def test_unknown_organiser_comes_back_cleaned_but_unchanged(name: str, cleaned: str) -> None:
    assert canonical_organiser(name) == cleaned


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The High-Level Inter-Regional Conference will be organized jointly by the Ministry of "
            "Foreign Affairs, National Counter-Terrorism Coordinative Council, OSCE Department for "
            "Transnational Threats, UN Office for Counter-Terrorism and the General Intelligence "
            "Agency of Mongolia.",
            [
                "Ministry of Foreign Affairs of Mongolia",
                "National Counter-Terrorism Coordination Council of Mongolia",
                "OSCE TNTD",
                "UNOCT",
                "General Intelligence Agency of Mongolia",
            ],
        ),
        (
            "The Regional Conference, co-organized by the Government of Hungary and the United "
            "Nations Office of Counter-Terrorism (UNOCT), will take place on 7-8 November 2019.",
            ["Government of Hungary", "UNOCT"],
        ),
        (
            "It was jointly convened by the Government of the Republic of Tajikistan in "
            "cooperation with the United Nations, the European Union and the \n"
            "Organization for Security and Co-operation in Europe (OSCE). ",
            ["Government of Tajikistan", "United Nations", "European Union", "OSCE"],
        ),
        (
            "The Joint High-Level Regional Conference is organized by the UN Office on "
            "Counter-Terrorism (UNOCT), \nthe Organization for Security and Co-operation in Europe "
            "(OSCE), and the Government \nof Switzerland, in cooperation with the Albanian OSCE "
            "Chairmanship. The event will be held in Vienna",
            ["UNOCT", "OSCE", "Government of Switzerland", "OSCE Chairpersonship"],
        ),
        (
            "Organised at the initiative of the Government of Mongolia in collaboration with the "
            "OSCE Secretariat’s Transnational Threats Department (TNTD), the fourth inter-regional "
            "conference, with the participation of the Asian Partners for Co-operation, builds on",
            ["Government of Mongolia", "OSCE TNTD"],
        ),
        (
            "The joint United Arab Emirates-UNOCT-Hedayah Regional High-Level Conference on youth",
            ["Government of the United Arab Emirates", "UNOCT", "Hedayah"],
        ),
        (
            "co-\norganized by the Republic of Belarus and the United Nations Office of Counter-\n"
            "Terrorism (UNOCT), takes place 3-4 September 2019 in Minsk, Belarus.",
            ["Government of Belarus", "UNOCT"],
        ),
        (
            "A two-day national seminar on VERLT, organized by the OSCE, concluded today.",
            ["OSCE"],
        ),
        (
            "Organized by: OSCE Secretariat, OSCE Office for Democratic Institutions and Human "
            "Rights",
            ["OSCE", "OSCE ODIHR"],
        ),
        (
            "It was convened by the Ministry of Foreign Affairs and the National \n"
            "Counter-Terrorism Coordination Council of Mongolia in collaboration with the OSCE \n"
            "Secretariat and the United Nations Office of Counter-Terrorism. ",
            [
                "Ministry of Foreign Affairs of Mongolia",
                "National Counter-Terrorism Coordination Council of Mongolia",
                "OSCE",
                "UNOCT",
            ],
        ),
        (
            "a one-day civil society event is organized by UNOCT and the Global Center \non "
            "Cooperative Security on the day preceding the conference.",
            ["UNOCT", "Global Center on Cooperative Security"],
        ),
        ("OSCE organizes first seminar on community-policing approaches", ["OSCE"]),
        (
            "The workshop is organized by the Ministry of Foreign Affairs and Trade of Hungary.",
            ["Ministry of Foreign Affairs and Trade of Hungary"],
        ),
    ],
)
def test_find_organisers_reads_organiser_clauses(text: str, expected: list[str]) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Organized by\nTerrorism remains one of the most serious threats in the OSCE area.",
        "At the initiative of Member States, to strengthen regional cooperation.",
        "The seminar was held in Ulaanbaatar and discussed radicalization.",
        "",
    ],
)
def test_find_organisers_finds_none_without_an_organiser(text: str) -> None:
    assert find_organisers(text) == []


def test_find_organisers_uses_the_country_hint_for_ministries() -> None:
    text = "The event is organized by the Ministry of Foreign Affairs and the OSCE."
    assert find_organisers(text, country="KZ") == [
        "Ministry of Foreign Affairs of Kazakhstan",
        "OSCE",
    ]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "000_402f717c01b2ddaa.txt",
            [
                "Ministry of Foreign Affairs of Mongolia",
                "National Counter-Terrorism Coordination Council of Mongolia",
                "OSCE TNTD",
                "UNOCT",
                "General Intelligence Agency of Mongolia",
            ],
        ),
        ("001_f3a70d0b99e1625d.txt", ["Government of Mongolia", "OSCE TNTD"]),
        ("002_95ad788cfc2c4858.txt", ["OSCE", "OSCE ODIHR"]),
    ],
)
def test_find_organisers_on_seed_pages(page: str, expected: list[str]) -> None:
    path = SEED_PAGES / page
    if not path.exists():
        pytest.skip(f"seed page {path} is not on this machine")
    assert find_organisers(path.read_text("utf-8")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OSCE Secretariat, OSCE Office for Democratic Institutions and Human Rights",
            ["OSCE", "OSCE ODIHR"],
        ),
        (
            "Source:\n- OSCE Secretariat, OSCE Office for Democratic Institutions and Human Rights",
            ["OSCE", "OSCE ODIHR"],
        ),
        (
            "Ministry of Education, Culture and Science of the Netherlands; Hedayah",
            ["Ministry of Education, Culture and Science of the Netherlands", "Hedayah"],
        ),
        ("UNOCT\nOSCE\nGovernment of Switzerland", ["UNOCT", "OSCE", "Government of Switzerland"]),
        (
            "Organization for Security and Co-operation in Europe and United Nations Office of "
            "Counter-Terrorism",
            ["OSCE", "UNOCT"],
        ),
        ("Ministry of Foreign Affairs", ["Ministry of Foreign Affairs"]),
    ],
)
def test_split_organisers_reads_a_list_field(text: str, expected: list[str]) -> None:
    assert split_organisers(text) == expected


def test_split_organisers_completes_ministry_from_hint() -> None:
    assert split_organisers("Ministry of Foreign Affairs, OSCE", country="MN") == [
        "Ministry of Foreign Affairs of Mongolia",
        "OSCE",
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("OSCE", "Organization for Security and Co-operation in Europe"),
        ("UNOCT", "United Nations Office of Counter-Terrorism"),
        ("UNOCT", "UN Office on Counter-Terrorism"),
        ("GCTF", "Global Counterterrorism Forum"),
        ("OSCE", "OSCE TNTD"),  # a department is its organisation
        ("OSCE Secretariat", "OSCE"),
        ("FBI", "Foo Bar Institute"),  # unknown names: an acronym matches its initials
        ("Ministry of Foreign Affairs of Mongolia", "ministry of foreign affairs of mongolia"),
    ],
)
def test_same_body_accepts_spellings_acronyms_and_units(a: str, b: str) -> None:
    assert same_body(a, b)
    assert same_body(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("UNOCT", "UNODC"),
        ("OSCE TNTD", "OSCE ODIHR"),
        ("United Nations", "UNOCT"),
        ("Government of Hungary", "Government of Belarus"),
        ("", "OSCE"),
    ],
)
def test_same_body_rejects_different_bodies(a: str, b: str) -> None:
    assert not same_body(a, b)


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from([None, "MN", "ZZ"]))
def test_organiser_functions_never_raise_on_arbitrary_text(text: str, country: str | None) -> None:
    assert isinstance(canonical_organiser(text, country=country), str)
    assert all(isinstance(n, str) and n for n in find_organisers(text, country=country))
    assert all(isinstance(n, str) and n for n in split_organisers(text, country=country))
    assert isinstance(same_body(text, "OSCE"), bool)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "organized by",
                "the",
                "OSCE",
                "and",
                ",",
                "Ministry of",
                "Foreign",
                "Affairs",
                "in cooperation with",
                "UNOCT",
                "Government of",
                "Mongolia",
                "(",
                ")",
                ".",
                "\n",
            ]
        ),
        max_size=25,
    )
)
def test_find_organisers_output_has_no_duplicates(words: list[str]) -> None:
    found = find_organisers(" ".join(words))
    assert len(found) == len(set(found))


# --- the page's own event: wordings, support, subjects, titles, labels -------------------


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
        # A body inside the name's theme owns the strategy, not the forum.
        ("Implementing the OSCE Regional Strategy in the Balkans forum", []),
        ("Countering the EU Harbour Plan threats seminar", []),
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
