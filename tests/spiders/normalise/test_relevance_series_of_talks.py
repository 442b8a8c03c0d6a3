"""The gate (fixer k1's round): a German city's named series of talks ("Kieler Wintergespräche")
is a conference series, negotiations under a city's name are not; AML/CFT abbreviated in other
languages (LA/FT, BC/FT, ПОД/ФТ) is a topic; "en curso" (in progress) is no course; a German
"Weiterbildung" (continuing education) is a training noun. Every sentence is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.relevance import judge


@pytest.mark.parametrize(
    "text",
    ["die 12. Kieler Wintergespräche", "Dresdner Sicherheitsgespräche", "die Lübecker Gespräche"],
)
def test_a_citys_named_series_of_talks_is_an_event_noun(text: str) -> None:
    found = lexicon.event_words(text, lexicon.STRONG)
    assert found and found[0].kind == "large"


@pytest.mark.parametrize(
    "text", ["die Genfer Friedensgespräche", "die Wiener Atomgespräche", "viele gute Gespräche"]
)
def test_negotiations_or_plain_talks_are_no_series(text: str) -> None:
    assert not lexicon.event_words(text, lexicon.STRONG)


def test_a_series_of_talks_on_radicalisation_is_an_event_page() -> None:
    body = (
        "Datum: 3. März 2022\n\nDie 7. Kieler Wintergespräche widmen sich der Prävention von "
        "Radikalisierung und dem gewaltbereiten Extremismus in Norddeutschland."
    )
    assert judge("Kieler Wintergespräche 2022", body).relevant


def test_a_german_weiterbildung_is_a_training_noun() -> None:
    found = lexicon.event_words("eine Weiterbildung für Lehrkräfte", lexicon.STRONG | lexicon.WEAK)
    assert [w.kind for w in found] == ["training"]


@pytest.mark.parametrize("acronym", ["LA/FT", "PLA/FT/PADM", "BC/FT", "PC-BC/FT/FP", "ПОД/ФТ"])
def test_aml_cft_written_in_another_language_is_a_topic_word(acronym: str) -> None:
    title = "Lima acogerá la reunión plenaria del GAFILAT"
    body = (
        "La reunión plenaria se celebrará en Lima del 3 al 7 de junio. El grupo apoya a sus "
        f"miembros en la construcción de un sistema regional de {acronym} eficaz."
    )
    assert judge(title, body).relevant


def test_a_slash_abbreviation_without_terrorist_financing_is_no_topic_word() -> None:
    assert not lexicon.words("topic").search("el sistema LA/FX y la red BC/TV")


@pytest.mark.parametrize(
    "text", ["el informe del año en curso", "a avaliação em curso.", "las obras en curso, y"]
)
def test_in_progress_is_no_course(text: str) -> None:
    assert not lexicon.event_words(text, lexicon.STRONG | lexicon.WEAK)


@pytest.mark.parametrize(
    "text",
    ["un curso práctico", "hablan en curso de verano", "o curso sobre terrorismo", "em cursos"],
)
def test_a_course_stays_a_course(text: str) -> None:
    found = lexicon.event_words(text, lexicon.STRONG | lexicon.WEAK)
    assert [w.kind for w in found] == ["training"]


def test_a_workshop_in_the_current_year_is_not_made_a_course_by_it() -> None:
    body = (
        "A unidade realizou no dia 4 de Março do ano em curso, em Benguela, um workshop sobre o "
        "financiamento do terrorismo, no âmbito da avaliação mútua em curso. O processo em curso "
        "exige a troca de experiências."
    )
    title = "Unidade reúne entidades de Benguela contra o financiamento do terrorismo"
    assert judge(title, body).relevant
