"""Organisers named as the subject of a reported clause, of a verb whose object comes after an
aside, of a plural "ont ouvert"; Italian "in collaborazione tra" and "a cura di" with a list
that ends before patronage; slash-separated Romance names (round L16-2). Every text here is
invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, same_body


def _has(found: list[str], expected: list[str]) -> bool:
    return all(any(same_body(e, f) for f in found) for e in expected)


@pytest.mark.parametrize("verb", ["said", "announced that", "stated on Monday that"])
def test_the_subject_of_a_reported_clause_starts_after_the_reporting_verb(verb: str) -> None:
    text = (
        f"In a note the ministry {verb} Ghana, with the support of the OSCE, is organising a "
        "regional workshop on border security in Accra."
    )
    found = find_organisers(text, country="GH")
    assert _has(found, ["Government of Ghana", "OSCE"])
    assert len(found) == 2


def test_an_aside_after_the_verb_does_not_hide_the_event_it_organises() -> None:
    text = (
        "Le mardi 4 avril, le CERPA (Centre de Recherche pour la Prévention) a "
        "organisé, en collaboration avec le CREDO (Centre Régional de Dialogue de Namur) et le "
        "CERMA (Centre Régional de Mons pour l'Accueil), et avec la participation du COREX "
        "(Collectif de Recherche sur l'Extrémisme), une journée d'étude sur la radicalisation."
    )
    found = find_organisers(text, country="BE")
    assert _has(found, ["CERPA", "CREDO", "CERMA"])
    assert not _has(found, ["COREX"])


def test_bodies_that_together_open_their_conference_are_its_organisers() -> None:
    text = (
        "L'ONU et la Belgique ont ouvert mardi à Bruxelles une conférence internationale sur la "
        "prévention du terrorisme."
    )
    assert _has(find_organisers(text, country="BE"), ["United Nations", "Government of Belgium"])


def test_people_who_open_a_conference_are_no_organisers() -> None:
    text = "Les ministres ont ouvert mardi à Bruxelles une conférence sur le terrorisme."
    assert find_organisers(text, country="BE") == []


def test_italian_collaboration_between_a_slash_list_ends_before_patronage() -> None:
    text = (
        "Il convegno sulla radicalizzazione, in collaborazione tra Università di Siena / Comune "
        "di Siena / Fondazione Beta e con il patrocinio della Regione Toscana, si terrà a Siena."
    )
    found = find_organisers(text, country="IT")
    assert _has(found, ["Università di Siena", "Comune di Siena", "Fondazione Beta"])
    assert not _has(found, ["Regione Toscana"])
    assert all(not f.endswith(" e") for f in found)


def test_italian_a_cura_di_names_who_runs_the_seminar() -> None:
    text = (
        "Il seminario sul terrorismo, a cura del Dipartimento di Scienze Giuridiche, si terrà a "
        "Bari."
    )
    assert _has(find_organisers(text, country="IT"), ["Dipartimento di Scienze Giuridiche"])


def test_an_eu_capacity_mission_is_a_body_in_any_capitalisation() -> None:
    text = "Un séminaire a eu lieu à Bamako, organisé par EUCAP sahel Mali."
    assert _has(find_organisers(text, country="ML"), ["EUCAP Sahel"])
