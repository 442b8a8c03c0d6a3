"""Organisers read where a sentence's main clause follows a partner list, Arabic verb-first
sentences (with or without vowel marks), Portuguese articles before a name, and partner
phrases that belong to something other than the event (issue 15, round 2, L7 pages).
Every text here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organiser_catalogue import is_org_word
from confwatch.spiders.normalise.organisers import find_organisers, same_body


def _has(found: list[str], expected: list[str]) -> bool:
    return all(any(same_body(e, f) for f in found) for e in expected)


@pytest.mark.parametrize(
    "word", ["Escola", "Faculdade", "Sindicato", "Procuradoria", "Defensoria", "اللجنة"]
)
def test_more_organisation_words(word: str) -> None:
    assert is_org_word(word)


def test_portuguese_participle_then_partner_then_event_subject() -> None:
    text = "Organizado em parceria com o Ministério da Justiça, o encontro reúne juristas."
    assert find_organisers(text, country="BR") == ["Ministério da Justiça"]


def test_portuguese_subject_partner_aside_then_verb() -> None:
    text = (
        "A Fundação Exemplo, em parceria com a Escola de Guerra Naval, realizou a mesa redonda "
        "sobre segurança marítima."
    )
    assert _has(find_organisers(text, country="BR"), ["Fundação Exemplo", "Escola de Guerra Naval"])


@pytest.mark.parametrize(
    "verb",
    ["نظمت", "نظّمت", "نَظَّمَت"],  # the same verb with no marks, a shadda, full vowels
)
def test_arabic_verb_first_subject_and_partner(verb: str) -> None:
    text = f"{verb} جامعة الموصل، بالتعاون مع مؤسسة الشباب الواعي، ورشة عن الحوار."
    found = find_organisers(text, country="IQ")
    assert found == ["جامعة الموصل", "مؤسسة الشباب الواعي"]


def test_arabic_partner_of_a_project_in_a_relative_clause_is_not_the_event_s() -> None:
    text = (
        "نظمت جامعة الموصل ورشة عن الحوار، ضمن مشروع السلام المحلي، الذي ينفذ بالشراكة مع "
        "منظمة الأمل للتنمية."
    )
    assert find_organisers(text, country="IQ") == ["جامعة الموصل"]


def test_english_partner_of_a_programme_in_a_relative_clause_is_left_out() -> None:
    text = (
        "The University of Exampleton held a workshop on dialogue, as part of the Safe Cities "
        "programme, which is run in partnership with the Harbour Foundation."
    )
    assert find_organisers(text) == ["University of Exampleton"]


def test_a_partner_of_the_event_in_a_relative_clause_still_counts() -> None:
    text = "The regional conference, which was held in partnership with the Harbour Foundation."
    assert _has(find_organisers(text), ["Harbour Foundation"])


def test_academia_stays_a_common_noun() -> None:
    text = "Experts from academia and civil society gathered for a conference in Vienna."
    assert find_organisers(text) == []


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        (
            "A Escola de Direito Exemplar e a Associação Nacional de Peritos promovem esta "
            "sexta-feira o 3º Congresso sobre terrorismo.",
            "PT",
            ["Escola de Direito Exemplar", "Associação Nacional de Peritos"],
        ),
        (
            "Il gruppo di lavoro si riunirà a Roma, ospite del Centro Studi Strategici, per un "
            "convegno sulla radicalizzazione.",
            "IT",
            ["Centro Studi Strategici"],
        ),
        (
            "La jornada se celebró bajo la organización de la Fundación Ejemplo FEJ. El acto "
            "reunió a expertos en terrorismo.",
            "ES",
            ["Fundación Ejemplo FEJ"],
        ),
    ],
)
def test_hosts_and_promoters_in_portuguese_italian_and_spanish(
    text: str, country: str, expected: list[str]
) -> None:
    found = find_organisers(text, country=country)
    assert _has(found, expected), found
    # A name ends at the full stop after its acronym: "FEJ. El acto" is no part of it.
    assert not any("El acto" in f for f in found)


def test_messieurs_is_no_acronym_ending_a_list() -> None:
    text = (
        "La réunion ministérielle était coprésidée par MM. Laurent Exemple, ministre des "
        "Affaires étrangères de la France, et Ali Modèle, ministre des Affaires étrangères de "
        "l’Irak."
    )
    found = find_organisers(text, country="FR")
    assert "MM" not in found
    assert _has(found, ["Ministry of Foreign Affairs of France"]), found


@pytest.mark.parametrize(
    "text",
    [
        "KARACHI - The Institute of Peace Studies organized a seminar on extremism.",
        "date 2024-03-02 NEW DELHI – The Institute of Peace Studies organized a seminar.",
    ],
)
def test_dateline_city_in_capitals_before_a_dash_is_not_the_subject(text: str) -> None:
    assert find_organisers(text) == ["Institute of Peace Studies"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "و" (and) written on the next body's word continues the list of subjects.
        (
            "نظمت جامعة الموصل والمركز الوطني للبحوث ندوة عن الحوار.",
            ["جامعة الموصل", "المركز الوطني للبحوث"],
        ),
        # A body's own word that opens with the letter "و" (ministry) is no "and".
        (
            "نظمت السفارة الكندية ووزارة الداخلية ورشة عن التطرف.",
            ["السفارة الكندية", "وزارة الداخلية"],
        ),
        # The name ends at "في" (in), after an event named before the verb.
        (
            "المؤتمر الدولي الذي نظمته جامعة الموصل ومؤسسة الأمل للتنمية في بغداد.",
            ["جامعة الموصل", "مؤسسة الأمل للتنمية"],
        ),
    ],
)
def test_arabic_subjects_joined_by_and(text: str, expected: list[str]) -> None:
    assert find_organisers(text, country="IQ") == expected


def test_arabic_and_opening_a_clause_ends_the_subject() -> None:
    text = "نظمت جامعة الموصل ورشة عن الحوار واستمرت ثلاثة أيام."
    assert find_organisers(text, country="IQ") == ["جامعة الموصل"]
