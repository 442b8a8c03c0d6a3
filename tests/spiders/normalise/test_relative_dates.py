"""Weekdays counted from the page's own date (eval-format §5.4): a report names its own day's
weekday for that day, in either tense; a weekday with a "next" beside it is a later one. Every
sentence here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders.normalise import relative_dates

D = dt.date
THURSDAY = D(2031, 5, 15)  # the page's own date, a Thursday


def _days(sentence: str, language: str) -> list[dt.date]:
    found = relative_dates.day_words(sentence, THURSDAY, [language])
    return [w.day for w in found if w.kind == "weekday"]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Border security will be discussed on Thursday at a seminar in Osh.", "en"),
        ("La sécurité des frontières sera débattue jeudi lors d'un séminaire.", "fr"),
        ("Вопросы безопасности границ будут обсуждаться в четверг на семинаре.", "ru"),
        ("Die Grenzsicherheit wird am Donnerstag auf einem Seminar erörtert.", "de"),
        ("La seguridad fronteriza se debatirá el jueves en un seminario.", "es"),
    ],
)
def test_future_weekday_of_the_pages_own_weekday_is_that_day(sentence: str, language: str) -> None:
    assert _days(sentence, language) == [THURSDAY]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("The seminar will open on Saturday in Osh.", "en"),
        ("Le séminaire s'ouvrira samedi à Osh.", "fr"),
        ("Семинар откроется в субботу в Оше.", "ru"),
    ],
)
def test_future_weekday_is_the_next_such_day(sentence: str, language: str) -> None:
    assert _days(sentence, language) == [D(2031, 5, 17)]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("The seminar will be held next Thursday in Osh.", "en"),
        ("Le séminaire se tiendra jeudi prochain à Osh.", "fr"),
        ("Семинар пройдёт в следующий четверг в Оше.", "ru"),
        ("Das Seminar findet am kommenden Donnerstag statt.", "de"),
        ("El seminario se celebrará el próximo jueves en Osh.", "es"),
    ],
)
def test_next_weekday_of_the_pages_own_weekday_is_a_week_later(
    sentence: str, language: str
) -> None:
    assert _days(sentence, language) == [D(2031, 5, 22)]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("The seminar opened on Thursday in Osh.", "en"),
        ("The seminar opened on Monday in Osh.", "en"),
    ],
)
def test_past_weekday_is_the_last_such_day_on_or_before_the_page(
    sentence: str, language: str
) -> None:
    expected = THURSDAY if "Thursday" in sentence else D(2031, 5, 12)
    assert _days(sentence, language) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "El foro, inaugurado el lunes por la Consejera de Cultura, reunió a expertos.",
        "A primeira sessão do seminário foi aberta na segunda-feira pelo reitor.",
        "La jornada, inaugurada el lunes por la primera ministra, reunió a expertos.",
    ],
)
def test_future_ending_of_another_language_does_not_make_a_past_weekday_future(
    sentence: str,
) -> None:
    """With no page language, the French future endings "-era", "-ira" are Spanish and
    Portuguese nouns ("Consejera", "primeira"): only the weekday's own language's future
    markers decide its tense."""
    found = relative_dates.day_words(sentence, THURSDAY, None)
    assert [w.day for w in found if w.kind == "weekday"] == [D(2031, 5, 12)]


def test_future_marker_of_the_weekdays_own_language_still_makes_it_future() -> None:
    found = relative_dates.day_words("El taller se inaugurará el lunes en Lima.", THURSDAY, None)
    assert [w.day for w in found if w.kind == "weekday"] == [D(2031, 5, 19)]


@pytest.mark.parametrize(
    ("sentence", "language", "day"),
    [
        # "this Saturday" in a Thursday's paper: the Saturday of the page's own week
        ("A two-day conference opens in Osh this Saturday.", "en", D(2031, 5, 17)),
        ("La réunion s'est ouverte ce lundi à Osh.", "fr", D(2031, 5, 12)),
        ("El foro abre sus puertas este sábado en Lima.", "es", D(2031, 5, 17)),
        # a day already past, in a clause about what will be: the next week's
        ("The seminar will open this Monday in Osh.", "en", D(2031, 5, 19)),
    ],
)
def test_this_weekday_is_the_weekday_of_the_pages_own_week(
    sentence: str, language: str, day: dt.date
) -> None:
    assert _days(sentence, language) == [day]


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("In the last two days forty officials met in the capital.", 2),
        ("Over the past three days the experts discussed new threats.", 3),
        ("За последние два дня участники обсудили меры профилактики.", 2),
        ("Au cours de ces deux derniers jours, les experts ont débattu.", 2),
    ],
)
def test_last_days_are_the_days_ending_on_the_pages_date(sentence: str, days: int) -> None:
    page = dt.date(2027, 5, 6)
    found = relative_dates.last_days(sentence, page)
    assert found is not None
    assert found[:2] == (page - dt.timedelta(days=days - 1), page)


def test_the_last_days_of_something_else_are_no_span_of_the_page() -> None:
    assert (
        relative_dates.last_days(
            "Les deux derniers jours de formation porteront sur", dt.date(2027, 5, 6)
        )
        is None
    )


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("El foro regional empezó el lunes y durará tres días en la capital.", 3),
        ("Las reuniones del grupo de expertos duran dos días.", 2),
        ("O seminário internacional de três dias abriu ontem.", 3),
        ("O encontro regional durará dois dias.", 2),
    ],
)
def test_a_spanish_or_portuguese_length_said_with_its_verb_is_a_stated_length(
    sentence: str, days: int
) -> None:
    found = relative_dates.stated_days(sentence)
    assert found is not None
    assert found[0] == days


def test_scheduled_makes_a_weekday_the_next_such_day_not_a_week_later() -> None:
    # "scheduled" speaks of what will be; it is no "next" written beside the weekday
    assert _days("Two panels are scheduled for Friday at the harbour forum.", "en") == [
        D(2031, 5, 16)
    ]
    assert _days("The seminar is scheduled on Thursday in Osh.", "en") == [THURSDAY]


def test_due_makes_a_weekday_the_next_such_day() -> None:
    # "experts are due in Osh for talks beginning Monday": the talks are still to come
    assert _days(
        "Experts are due in Osh for talks beginning Saturday on border security.", "en"
    ) == [D(2031, 5, 17)]
    assert _days("The delegation is due at the forum opening on Monday.", "en") == [D(2031, 5, 19)]
