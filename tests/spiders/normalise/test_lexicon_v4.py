"""The lexicon in Dutch, and the German and Turkish words completed beside it: a counter-terrorism
conference said in Dutch is an event on topic with its dates and organisers, and the look-alikes
(a press conference, a congress centre, a General Assembly, a seminary, a drill, Portuguese 'fora'
and 'na') stay out. Every sentence here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders.normalise import lexicon, organisers
from confwatch.spiders.normalise.relevance import judge
from confwatch.spiders.normalise.status import detect_status
from tests.spiders.normalise.inline_pages import fields_of

D = dt.date


def test_a_dutch_conference_on_terrorism_is_an_event_on_topic() -> None:
    title = "Internationale conferentie over terrorismebestrijding in Utrecht"
    body = (
        "De internationale conferentie over contraterrorisme en radicalisering vond op "
        "14 maart 2031 plaats in Utrecht. Zij werd georganiseerd door het Kenniscentrum "
        "Veiligheid in samenwerking met de Hogeschool Utrecht."
    )
    assert judge(title, body).relevant


def test_a_dutch_conference_gets_its_date_from_dutch_month_names() -> None:
    body = (
        "Op 14 maart 2031 vond in Utrecht de studiedag „Terreur en media” plaats. "
        "De studiedag ging over terrorisme en gewelddadig extremisme."
    )
    fields = fields_of(body, title="Studiedag „Terreur en media”")
    assert fields.start_date == D(2031, 3, 14)


def test_a_dutch_organised_by_phrase_names_the_organisers() -> None:
    text = "Het seminar, georganiseerd door OSCE in samenwerking met UNODC, werd gisteren geopend."
    assert organisers.find_organisers(text) == ["OSCE", "UNODC"]


def test_a_dutch_funder_is_no_organiser() -> None:
    text = "Het seminar werd georganiseerd door UNODC met financiële steun van OSCE."
    assert organisers.find_organisers(text) == ["UNODC"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("persconferentie over terreur", set()),  # a press conference
        ("in het congrescentrum van Den Haag", set()),  # a venue
        ("zitting van de Algemene Vergadering", set()),  # §5.1
        ("het Grootseminarie van Brugge", set()),  # a seminary, a school
        ("een grootschalige rampenoefening", {"training"}),  # a drill
        ("Ela está fora do país.", set()),  # Portuguese 'fora', outside
        ("de NAVO-top in Vilnius", {"large"}),
        ("een rondetafelgesprek over radicalisering", {"small"}),
        ("een expertmeeting over uitreizigers", {"small"}),
    ],
)
def test_dutch_look_alike_words_name_no_event(text: str, kinds: set[str]) -> None:
    assert lexicon.event_kinds(text) == kinds


@pytest.mark.parametrize(
    "title",
    ["Weerbaarheidstraining voor jongerenwerkers over extremisme", "Crisisoefening terreur"],
)
def test_a_dutch_training_or_drill_on_terrorism_is_no_conference(title: str) -> None:
    verdict = judge(title, "")
    assert not verdict.relevant
    assert verdict.reason == "a training course, not a conference"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("De conferentie over terrorisme is uitgesteld.", "postponed"),
        ("Het symposium over radicalisering is geannuleerd.", "cancelled"),
        ("De bijeenkomst over extremisme gaat niet door.", "cancelled"),
        ("Die Tagung zum Terrorismus muss leider ausfallen.", "cancelled"),
        ("Terörle mücadele konferansı başka bir tarihe kaydırıldı.", "postponed"),
    ],
)
def test_a_postponed_or_cancelled_dutch_german_or_turkish_event_is_read(
    text: str, status: str
) -> None:
    assert detect_status(text) == status


@pytest.mark.parametrize(
    "text",
    [
        "een buitengewone vergadering",
        "de derde bijeenkomst",
        "een vergadering op ministerieel niveau",
        "ein informelles Treffen",
        "üçlü toplantı",
    ],
)
def test_a_dutch_german_or_turkish_qualifier_makes_a_meeting_an_event(text: str) -> None:
    assert "qualified" in {w.kind for w in lexicon.event_words(text, lexicon.STRONG)}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("die Ergebnisse des Gipfels", {"large"}),  # the genitive
        ("im Rahmen des Forums", {"large"}),
        ("zum Abschluss des Seminars", {"small"}),
        ("eine Stabsrahmenübung der Polizei", {"training"}),  # a drill
        ("zirvesinin ikinci günü", {"large"}),
        ("Kongre ve Kültür Merkezi", set()),  # a venue
    ],
)
def test_german_and_turkish_case_forms_and_look_alikes(text: str, kinds: set[str]) -> None:
    assert lexicon.event_kinds(text) == kinds


def test_a_session_of_a_german_working_group_stays_a_session() -> None:
    """brandenburg [L20]: 'Sitzung der Arbeitsgruppe' is a routine sitting, not an event."""
    assert lexicon.event_kinds("Sitzung der Arbeitsgruppe 2") == {"session"}
