"""The lexicon in Polish: a counter-terrorism conference said in Polish is an event on topic with
its dates, and the Polish words that look like an event but are none (a press conference, a
training, a seminary, the town of Szczytno, a weekday) stay out. Every sentence here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.relevance import judge
from confwatch.spiders.normalise.status import detect_status
from tests.spiders.normalise.inline_pages import fields_of

D = dt.date


def test_a_polish_conference_on_terrorism_is_an_event_on_topic() -> None:
    title = "Międzynarodowa konferencja o przeciwdziałaniu terroryzmowi w Poznaniu"
    body = (
        "Międzynarodowa konferencja poświęcona zwalczaniu terroryzmu i radykalizacji odbyła się "
        "w Poznaniu; zorganizowana została przez Instytut Bezpieczeństwa Publicznego."
    )
    assert judge(title, body).relevant


def test_a_polish_seminar_held_on_terrorism_in_the_body_alone_is_on_topic() -> None:
    body = "Seminarium o terroryzmie. Seminarium na temat terroryzmu odbyło się w Opolu."
    assert judge("", body).relevant


def test_a_polish_press_conference_on_terrorism_is_no_event() -> None:
    title = "Konferencja prasowa w sprawie zagrożenia terrorystycznego"
    body = "Na konferencji prasowej rzecznik mówił o terroryzmie i ekstremizmie."
    assert lexicon.event_kinds("konferencja prasowa, konferencji prasowej") == set()
    assert not judge(title, body).relevant


@pytest.mark.parametrize(
    "title", ["Szkolenie antyterrorystyczne dla pracowników sądu", "Kurs z zakresu terroryzmu"]
)
def test_a_polish_training_on_terrorism_is_no_conference(title: str) -> None:
    verdict = judge(title, "")
    assert not verdict.relevant
    assert verdict.reason == "a training course, not a conference"


def test_a_polish_conference_gets_its_dates_from_polish_month_names() -> None:
    body = (
        "W dniach 14-15 maja 2031 roku odbyła się Ogólnopolska Konferencja Naukowa "
        "„Terroryzm i media”. Konferencja dotyczyła terroryzmu i radykalizacji."
    )
    fields = fields_of(body, title="Ogólnopolska Konferencja Naukowa „Terroryzm i media”")
    assert (fields.start_date, fields.end_date) == (D(2031, 5, 14), D(2031, 5, 15))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Konferencja o terroryzmie została przełożona.", "postponed"),
        ("Seminarium o terroryzmie zostało odwołane.", "cancelled"),
        ("Konferencja o terroryzmie nie odbędzie się.", "cancelled"),
        ("Konferencja odbyła się; komendant został odwołany ze stanowiska.", "scheduled"),
    ],
)
def test_a_postponed_or_cancelled_polish_conference_is_read(text: str, status: str) -> None:
    assert detect_status(text) == status


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Wyższe Seminarium Duchowne w Tarnowie", set()),  # a seminary, a school
        ("Wyższa Szkoła Policji w Szczytnie", set()),  # the town, no summit
        ("sala konferencyjna urzędu", set()),  # a room
        ("Światowy Szczyt Antyterrorystyczny", {"large"}),
        ("warsztaty szkoleniowe dla policjantów", {"training"}),
    ],
)
def test_polish_look_alike_words_name_no_event(text: str, kinds: set[str]) -> None:
    assert lexicon.event_kinds(text) == kinds


@pytest.mark.parametrize(
    "text", ["W piątek spotkanie prowadził starosta.", "W czwartek posiedzenie otworzył wójt."]
)
def test_a_polish_weekday_is_no_ordinal_of_the_meeting_after_it(text: str) -> None:
    assert "qualified" not in {w.kind for w in lexicon.event_words(text, lexicon.STRONG)}


@pytest.mark.parametrize(
    "text", ["Piąte posiedzenie Komitetu", "posiedzenie plenarne", "spotkanie wysokiego szczebla"]
)
def test_a_polish_ordinal_or_level_qualifies_a_meeting(text: str) -> None:
    assert lexicon.event_words(text, lexicon.STRONG)
