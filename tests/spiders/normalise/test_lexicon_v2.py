"""French, Spanish, Portuguese and Italian vocabulary written from the languages (issue 15, v2):
look-alikes fenced off, and the new rows read by the rules that read their category."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.status import detect_status


@pytest.mark.parametrize(
    "text",
    [
        "dans la salle de conférence du ministère",
        "la Conférence des évêques de France",
        "en la sala de conferencias",
        "la Conferencia Episcopal Española",
        "na sala de reuniões",
        "nella sala conferenze",
        "la conferenza dei servizi",
        "una teleconferenza",
    ],
)
def test_a_room_a_call_or_a_standing_body_named_for_conferences_is_no_event(text: str) -> None:
    assert lexicon.event_kinds(text) == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("un exercice de simulation", "training"),
        ("un simulacro", "training"),
        ("una roda de conversa", "small"),
        ("gli Stati generali della sicurezza", "large"),
        ("un exercice sur table", "small"),
    ],
)
def test_drills_are_courses_and_table_top_exercises_small_events(text: str, kind: str) -> None:
    assert lexicon.event_kinds(text) == {kind}


def test_a_bare_exercise_is_no_event_noun() -> None:
    assert lexicon.event_kinds("l'exercice budgétaire 2021") == set()


@pytest.mark.parametrize(
    "text",
    [
        "una reunión nacional",
        "une réunion préparatoire",
        "uma reunião intergovernamental",
        "una riunione informale",
        "II Encontro",
    ],
)
def test_a_meeting_with_a_qualifier_of_its_language_is_qualified(text: str) -> None:
    assert lexicon.event_kinds(text) == {"qualified"}


def test_there_is_reason_to_is_no_meeting_held() -> None:
    held = lexicon.words("held")
    assert not held.search("il y a lieu de rappeler")
    assert held.search("la réunion avait eu lieu")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("El congreso ha sido reprogramado.", "postponed"),
        ("Il convegno è stato rimandato.", "postponed"),
        ("Le colloque ne se tiendra pas.", "cancelled"),
        ("O seminário foi remarcado.", "postponed"),
    ],
)
def test_postponed_and_cancelled_in_the_romance_languages(text: str, status: str) -> None:
    assert detect_status(text) == status


def test_an_indictment_is_no_postponement() -> None:
    assert detect_status("Il convegno sul rinvio a giudizio dei terroristi.") == "scheduled"


@pytest.mark.parametrize(
    "text", ["il cyberterrorismo", "terrorismo ed eversione", "lo Stato Islamico", "AQMI"]
)
def test_topic_words_of_the_romance_languages(text: str) -> None:
    assert lexicon.words("topic").search(text)


@pytest.mark.parametrize("text", ["nell'ambito del convegno", "no âmbito do simpósio"])
def test_within_the_framework_of_leaves_the_event_in_the_foreground(text: str) -> None:
    assert not lexicon.words("background").search(text)
