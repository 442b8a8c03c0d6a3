"""Lexicon rows of the L16 round: a workshop or seminar named for training is a course, an
events calendar's German "Ort:" label, the CIS name for terrorism and its kin ("new challenges
and threats"), the Italian "in collaborazione tra" and the Russian "на базе", which names an
organiser only after "организовано". Every sentence here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.organisers import find_organisers, same_body
from confwatch.spiders.normalise.relevance import judge


def _has(found: list[str], name: str) -> bool:
    return any(same_body(name, f) for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "a regional training workshop",
        "un atelier régional de formation",
        "deux séminaires nationaux de formation",
        "un taller de capacitación",
        "uma oficina de capacitação",
        "seminários regionais de formação",
        "il seminario di formazione",
        "обучающий семинар",
        "семинар-тренинг",
    ],
)
def test_a_workshop_named_for_training_is_a_training_noun(text: str) -> None:
    assert lexicon.event_kinds(text) == {"training"}


def test_a_workshop_the_text_calls_a_training_workshop_again_and_again_is_a_course() -> None:
    # The title says no more than the body: a headline that trains people decides by itself
    # (lexicon title_not_event training rows).
    title = "Financement du terrorisme : l'Agence réunit les enquêteurs"
    body = (
        "L'Agence a ouvert lundi à Thiès un atelier sur l'analyse des risques de financement du "
        "terrorisme. Cet atelier régional de formation réunit des enquêteurs de dix pays. "
        "L'atelier de formation se tiendra du 3 au 7 mars 2025."
    )
    assert judge(title, body).reason == "a training course, not a conference"
    plain = body.replace(" de formation", "")
    assert judge(title, plain).relevant


def test_a_workshop_and_a_training_side_by_side_stay_two_things() -> None:
    # "atelier" and "formation" apart are not one noun: the workshop still names an event.
    assert lexicon.event_kinds("un atelier sur la formation des juges") == {"small", "training"}


def test_a_german_events_page_with_a_place_label_and_speakers_is_an_event_page() -> None:
    title = "Europa und die Terrorismusbekämpfung"
    body = (
        "Das Podium fragt, wie erfolgreich die Politik gegen Terrorismus und Radikalisierung "
        "war.\n\nReferenten:\nDr. Anna Beispiel\n\nOrt:\nInstitut, Musterweg 7, Wien\n"
    )
    assert judge(title, body).relevant
    assert not judge(title, body.replace("Ort:", "Anfahrt:")).relevant


def test_new_challenges_and_threats_is_the_cis_name_of_the_topic() -> None:
    topic = lexicon.words("topic")
    assert topic.search("консультации по противодействию новым вызовам и угрозам")
    assert topic.search("Новые вызовы и угрозы безопасности")
    assert not topic.search("новые вызовы в экономике")


def test_an_italian_collaboration_between_two_bodies_makes_both_organisers() -> None:
    text = (
        "Il convegno sul terrorismo si terrà a Bologna, in collaborazione tra la Prefettura di "
        "Bologna e l'Università di Bologna."
    )
    found = find_organisers(text)
    assert _has(found, "Prefettura di Bologna"), found
    assert _has(found, "Università di Bologna"), found


def test_a_russian_seminar_held_at_an_institute_names_a_venue_not_an_organiser() -> None:
    venue = "Семинар по профилактике экстремизма пройдёт на базе Института права Альфа."
    assert not _has(find_organisers(venue), "Института права Альфа")
    host = "Семинар организован на базе Института права Альфа при поддержке Фонда Бета."
    assert _has(find_organisers(host), "Института права Альфа")


@pytest.mark.parametrize(
    "title",
    [
        "L'Union lance « AlphaPrev », le réseau de prévention de la radicalisation",
        "Le ministère lance un nouveau programme contre l'extrémisme violent",
        "The Ministry launches a national network against violent extremism",
    ],
)
def test_a_title_launching_a_network_or_programme_is_no_event_page(title: str) -> None:
    body = (
        "Le sommet qui s'est tenu à Lomé le 26 novembre 2016 a adopté une résolution sur la "
        "prévention du terrorisme et de l'extrémisme violent."
    )
    assert judge("Prévention de l'extrémisme violent", body).relevant
    assert not judge(title, body).relevant


def test_a_workshop_of_a_training_programme_building_the_officers_capacity_is_a_course() -> None:
    title = "Police officers attend an online workshop on border security"
    body = (
        "The Bureau held an online workshop on border security and counter terrorism for "
        "regional police officers. The workshop is part of a training programme."
    )
    assert judge(title, body).relevant
    aim = " Such programmes help in building the capacity of our police officers."
    assert judge(title, body + aim).reason == "a training course, not a conference"
