"""Organisers: canonical names, lists, running text and the same-body rule of the scorer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confwatch.spiders.normalise.organisers import (
    canonical_organiser,
    find_organisers,
    same_body,
    split_organisers,
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


def test_find_organisers_is_fast_on_a_paragraph() -> None:
    paragraph = (
        "The Joint High-Level Regional Conference on “Foreign Terrorist Fighters – Addressing "
        "Current Challenges” is organized by the UN Office on Counter-Terrorism (UNOCT), the "
        "Organization for Security and Co-operation in Europe (OSCE), and the Government of "
        "Switzerland, in cooperation with the Albanian OSCE Chairmanship. The event will be held "
        "in Vienna, Austria, on 11-12 February 2020."
    )
    find_organisers(paragraph)
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        find_organisers(paragraph)
    assert (time.perf_counter() - start) / runs < 0.005  # measured ≈0.3 ms


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
