"""Role wording completed from the languages (ROLEWORDS, decision 0021): the ways a careful reader
knows an organiser is named, and what names none (eval-format §5.10). Every text here is
invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organisers import find_organisers, same_body


def _has(found: list[str], expected: list[str]) -> bool:
    return all(any(same_body(e, f) for f in found) for e in expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The regional workshop on terrorism, held under the aegis of the OSCE, opened.", ["OSCE"]),
        ("The seminar was spearheaded by the Harbour Institute.", ["Harbour Institute"]),
        ("The organiser of the conference is the Harbour Institute.", ["Harbour Institute"]),
        (
            "Le colloque sur la radicalisation, organisé a l'initiative de l'Institut Harbour, "
            "s'est tenu à Lyon.",
            ["Institut Harbour"],
        ),
        ("Le séminaire, porté par l'Université de Lyon, a eu lieu.", ["Université de Lyon"]),
        (
            "La organización del seminario estuvo a cargo del Instituto Harbour.",
            ["Instituto Harbour"],
        ),
        ("Die Fachtagung wurde mitveranstaltet vom Harbour Institut.", ["Harbour Institut"]),
        ("Die Tagung, initiiert von der Stiftung Harbour, begann am Montag.", ["Stiftung Harbour"]),
        ("Семінар відбувся за ініціативи ОБСЄ.", ["ОБСЄ"]),
        (
            "O seminário é uma organização conjunta da Universidade de Lisboa.",
            ["Universidade de Lisboa"],
        ),
        ("Het seminar is een initiatief van Universiteit Gent.", ["Universiteit Gent"]),
    ],
)
def test_an_organiser_is_named_by_the_role_wording_of_its_language(
    text: str, expected: list[str]
) -> None:
    assert _has(find_organisers(text), expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The seminar was organised by UNODC in tandem with the Harbour Institute.",
            ["UNODC", "Harbour Institute"],
        ),
        (
            "Le séminaire a été organisé par l'ONUDC en synergie avec l'Institut Harbour.",
            ["ONUDC", "Institut Harbour"],
        ),
        (
            "Die Tagung wurde von UNODC unter Mitwirkung des Harbour Instituts veranstaltet.",
            ["UNODC", "Harbour Instituts"],
        ),
        (
            "Het seminar werd georganiseerd door UNODC met medewerking van Universiteit Gent.",
            ["UNODC", "Universiteit Gent"],
        ),
    ],
)
def test_a_partner_phrase_adds_a_co_organiser(text: str, expected: list[str]) -> None:
    assert _has(find_organisers(text), expected)


@pytest.mark.parametrize(
    ("text", "kept", "passed_over"),
    [
        (
            "The workshop was organised by UNODC with contributions from the Harbour Institute.",
            "UNODC",
            "Harbour Institute",
        ),
        (
            "Семинар организован ОБСЕ при активном участии Института Харбор.",
            "ОБСЕ",
            "Института Харбор",
        ),
    ],
)
def test_a_speaker_or_a_participant_is_no_organiser(text: str, kept: str, passed_over: str) -> None:
    found = find_organisers(text)
    assert _has(found, [kept])
    assert not _has(found, [passed_over])


def test_arabic_cooperation_between_bodies_names_them_as_organisers() -> None:
    # "بالتعاون بين": every body after "between" holds the event.
    found = find_organisers("عقدت الندوة بالتعاون بين وزارة العدل ووزارة الداخلية.")
    assert found and found[0].startswith("وزارة العدل")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Harbour Institute offers a two-day workshop.", ["Harbour Institute"]),
        ("L'Institut Harbour propose un colloque sur la radicalisation.", ["Institut Harbour"]),
        ("El Instituto Harbour ofreció un seminario sobre el terrorismo.", ["Instituto Harbour"]),
        ("L'Istituto Harbour propone il seminario di studi.", ["Istituto Harbour"]),
        ("A Universidade de Lisboa oferece um seminário.", ["Universidade de Lisboa"]),
        (
            "Die Akademie für Sicherheit bietet am 14. März eine Online-Tagung an.",
            ["Akademie für Sicherheit"],
        ),
    ],
)
def test_a_body_offering_an_event_holds_it(text: str, expected: list[str]) -> None:
    assert _has(find_organisers(text), expected)


def test_a_sentence_opened_by_its_role_phrase_names_no_subject_of_its_verb() -> None:
    text = (
        "Organizado por la Hermandad Harbour y la Asociación Vega, esta segunda edición ofrecerá "
        "un programa de conferencias."
    )
    assert find_organisers(text) == ["Hermandad Harbour", "Asociación Vega"]
