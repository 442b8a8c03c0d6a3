"""Organisers named by a byline, an invitation or a supporting role in German, French and
Spanish, and German bodies written as one compound word: every text here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.organiser_catalogue import is_org_word
from confwatch.spiders.normalise.organisers import find_organisers, same_body


def _has(found: list[str], expected: list[str]) -> bool:
    return all(any(same_body(e, f) for f in found) for e in expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Eine Veranstaltung der Landesstiftung für Demokratie, Kiel\n"
            "Am Abend diskutieren Fachleute über Prävention.",
            ["Landesstiftung für Demokratie"],
        ),
        (
            "Die Fachtagung ist eine gemeinsame Veranstaltung des Vereins Brückenbau und der "
            "Volkshochschule Ulm.",
            ["Verein Brückenbau", "Volkshochschule Ulm"],
        ),
    ],
)
def test_german_event_of_a_body_names_its_organiser(text: str, expected: list[str]) -> None:
    assert _has(find_organisers(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "Auf Einladung der Heinrich-Mann-Stiftung trafen sich Expertinnen zu einer "
        "Podiumsdiskussion über Extremismus.",
        "Die Podiumsdiskussion fand am Montag auf Einladung der Heinrich-Mann-Stiftung statt.",
    ],
)
def test_german_at_the_invitation_of_names_the_host(text: str) -> None:
    assert find_organisers(text) == ["Heinrich-Mann-Stiftung"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The verb after a fronted role phrase ends the name: German writes nouns capitalised.
        (
            "Auf Einladung des Landesinstituts für Schulqualität diskutierten Lehrkräfte auf "
            "einer Tagung in Kassel über Radikalisierung.",
            ["Landesinstitut für Schulqualität"],
        ),
        # Lower-case words after a link stay in the name; so does a name in English.
        (
            "Die Tagung wird in Kooperation mit dem Netzwerk gegen rechte Gewalt durchgeführt.",
            ["Netzwerk gegen rechte Gewalt"],
        ),
        (
            "Die Konferenz, organisiert vom Regional Institute for Security Studies (RISS), "
            "beginnt am Montag.",
            ["Regional Institute for Security Studies"],
        ),
    ],
)
def test_german_list_ends_at_a_lower_case_word_after_a_noun(text: str, expected: list[str]) -> None:
    assert _has(find_organisers(text), expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eine Veranstaltung des Vereins Brückenbau, Ulm", "Verein Brückenbau"),
        (
            "Eine Veranstaltung des Friedensforschungsinstituts Nord",
            "Friedensforschungsinstitut Nord",
        ),
        ("Eine Veranstaltung des Bildungszentrums Ost", "Bildungszentrum Ost"),
    ],
)
def test_uncatalogued_german_body_is_named_in_the_nominative(text: str, expected: str) -> None:
    assert find_organisers(text) == [expected]


def test_spanish_thanks_to_the_organisation_of_names_the_organiser() -> None:
    text = (
        "El III Foro Regional sobre prevención fue posible gracias a la organización de la "
        "Fundación Horizonte Andino."
    )
    assert _has(find_organisers(text), ["Fundación Horizonte Andino"])


def test_french_supported_by_names_a_partner_of_the_event() -> None:
    text = (
        "Le colloque régional, organisé par l'Institut des hautes études de sécurité et "
        "soutenu par le Centre régional de prévention, se tiendra à Lomé."
    )
    assert _has(
        find_organisers(text),
        ["Institut des hautes études de sécurité", "Centre régional de prévention"],
    )


@pytest.mark.parametrize(
    "word",
    ["Staatsanwaltschaft", "Landgericht", "Oberlandesgerichts", "Ärztekammer", "Trägerverein"],
)
def test_german_compounds_ending_in_a_body_word_are_organisation_words(word: str) -> None:
    assert is_org_word(word)


def test_german_prosecution_office_after_a_byline() -> None:
    text = "Eine Veranstaltung der Generalstaatsanwaltschaft, Celle"
    assert _has(find_organisers(text), ["Generalstaatsanwaltschaft"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Am Dienstag, den 4. März 2025 lud die Heinrich-Mann-Stiftung zu einer "
            "Podiumsdiskussion in ihr Haus ein.",
            ["Heinrich-Mann-Stiftung"],
        ),
        (
            "Im Oktober 2022 luden die Präventionsstelle Nord und das Landgericht Kiel zu einer "
            "Fachkonferenz unter dem Titel „Netz und Gewalt“ ein.",
            ["Präventionsstelle Nord", "Landgericht Kiel"],
        ),
        ("Heute lädt der Verein Brückenbau zum Fachtag ein.", ["Verein Brückenbau"]),
    ],
)
def test_german_inviting_verb_second_has_its_subject_after_it(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The subject first: the body after the verb is the one invited.
        "Der Minister lud die Landespolizei zu einem Treffen ein.",
        "Dann lud der Präsident die Gäste zu einer Tagung ein.",
    ],
)
def test_german_body_invited_by_a_subject_is_no_organiser(text: str) -> None:
    assert find_organisers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Am 3. Mai veranstaltet das Landesinstitut für Schulqualität im Kulturhaus Nord die "
            "Tagung „Schule und Extremismus“.",
            ["Landesinstitut für Schulqualität"],
        ),
        (
            "Am 9. Juni organisierte die Präventionsstelle Süd in der Stadthalle den Fachtag.",
            ["Präventionsstelle Süd"],
        ),
    ],
)
def test_german_place_after_a_verb_second_subject_is_no_part_of_its_name(
    text: str, expected: list[str]
) -> None:
    assert find_organisers(text) == expected
