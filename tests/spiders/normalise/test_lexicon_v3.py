"""The lexicon in Russian and Ukrainian, completed from knowledge of the languages: the words a
careful reader knows are events, roles, statuses and topics are read, and the look-alikes (a
congress centre, the US Congress, a routine session, a Russian infinitive that is a Ukrainian
present tense) stay out. Every sentence here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import lexicon, organisers
from confwatch.spiders.normalise.relevance import judge
from confwatch.spiders.normalise.status import detect_status


@pytest.mark.parametrize(
    "text",
    [
        "в конгресс-центре",
        "Дворец конгрессов",
        "слушания в Конгрессе США",
        "у конгрес-центрі",
        "Палац конгресів",
        "Конгрес США",
        "селекторное совещание",
        "апаратна нарада",
    ],
)
def test_venues_parliaments_and_routine_calls_are_no_event_words(text: str) -> None:
    assert lexicon.event_kinds(text) == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("панельная дискуссия", "small"),
        ("парламентские слушания", "small"),
        ("панельній дискусії", "small"),
        ("мастер-класс", "training"),
        ("командно-штабні навчання", "training"),
        ("майстер-клас", "training"),
    ],
)
def test_panels_hearings_and_drills_have_their_kind(text: str, kind: str) -> None:
    assert lexicon.event_kinds(text) == {kind}


def test_court_hearings_alone_are_no_event_word() -> None:
    assert lexicon.event_kinds("судебные слушания по делу") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Встреча на высоком уровне по противодействию терроризму",
        "Зустріч на рівні міністрів з питань протидії тероризму",
    ],
)
def test_a_high_level_meeting_is_qualified(text: str) -> None:
    assert "qualified" in lexicon.event_kinds(text)


@pytest.mark.parametrize(
    "body",
    [
        "Проведено очередное заседание антитеррористической комиссии района.",
        "Відбулося чергове засідання антитерористичної комісії області.",
    ],
)
def test_a_regular_session_of_a_commission_stays_out(body: str) -> None:
    assert not judge("Заседание комиссии", body).relevant


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Конференция по противодействию терроризму отложена на неопределённый срок.", "postponed"),
        ("Семинар по проблемам экстремизма не состоялся.", "cancelled"),
        ("Проведення конференції з протидії тероризму відкладається.", "postponed"),
        ("Семінар з питань радикалізації не відбувся.", "cancelled"),
    ],
)
def test_russian_and_ukrainian_status_words(text: str, status: str) -> None:
    assert detect_status(text) == status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Семинар проведён совместно со Службой OSCE.", True),
        ("Семінар проведено спільно зі Службою OSCE.", True),
        ("Семинар прошёл под патронатом OSCE.", False),
        ("Семінар пройшов під почесним патронатом OSCE.", False),
    ],
)
def test_partners_count_and_patrons_do_not(text: str, expected: bool) -> None:
    assert ("OSCE" in organisers.find_organisers(text)) is expected


def test_the_russian_infinitive_of_held_names_no_ukrainian_organiser() -> None:
    text = (
        "В Ташкенте будут проводиться конференция Шанхайской организации сотрудничества и "
        "конференция Содружества Независимых Государств."
    )
    assert organisers.find_organisers(text) == []
