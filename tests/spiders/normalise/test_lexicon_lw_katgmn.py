"""The lexicon in Georgian, Tajik and Mongolian: a counter-terrorism conference said in these
languages is an event on topic with its dates, city, country and organisers, and the words that
look like an event but are none (a press conference, a parliament, a training, "to take
measures") stay out. Every sentence here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders.normalise import lexicon, places
from confwatch.spiders.normalise.dates import find_date_ranges
from confwatch.spiders.normalise.relevance import judge
from confwatch.spiders.normalise.status import detect_status
from tests.spiders.normalise.inline_pages import fields_of

D = dt.date
PUBLISHED = D(2031, 12, 1)


# --- Georgian -----------------------------------------------------------------------------------


def test_a_georgian_conference_on_terrorism_is_an_event_on_topic() -> None:
    title = "საერთაშორისო კონფერენცია ტერორიზმთან ბრძოლის შესახებ"
    body = (
        "თბილისში გაიმართა საერთაშორისო კონფერენცია ტერორიზმთან ბრძოლისა და ძალადობრივი "
        "ექსტრემიზმის პრევენციის შესახებ."
    )
    assert judge(title, body).relevant


def test_a_georgian_press_conference_on_terrorism_is_no_event() -> None:
    title = "პრესკონფერენცია ტერორიზმის საფრთხის შესახებ"
    body = "პრესკონფერენციაზე მინისტრმა ისაუბრა ტერორიზმისა და ექსტრემიზმის შესახებ."
    assert lexicon.event_kinds("პრესკონფერენცია, საკონფერენციო დარბაზში") == set()
    assert not judge(title, body).relevant


def test_a_georgian_training_on_terrorism_is_no_conference() -> None:
    verdict = judge("ტრენინგი ტერორიზმის დაფინანსების წინააღმდეგ ბრძოლის შესახებ", "")
    assert not verdict.relevant
    assert verdict.reason == "a training course, not a conference"


def test_a_georgian_conference_gets_its_dates_city_and_country() -> None:
    body = (
        "ცნობისთვის, 2031 წლის 12-13 ოქტომბერს თბილისში გაიმართა საერთაშორისო კონფერენცია "
        "ტერორიზმთან ბრძოლისა და რადიკალიზაციის პრევენციის შესახებ."
    )
    fields = fields_of(body, title="საერთაშორისო კონფერენცია ტერორიზმის შესახებ")
    assert (fields.start_date, fields.end_date) == (D(2031, 10, 12), D(2031, 10, 13))
    assert (fields.city, fields.country) == ("Tbilisi", "GE")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2031 წლის 5 მაისს", D(2031, 5, 5)),
        ("2031 წ. 28 სექტემბერს", D(2031, 9, 28)),
        ("12 და 13 ოქტომბერს, 2031 წელს", D(2031, 10, 12)),
        ("აგვისტოში, 3 აგვისტოს 2031", D(2031, 8, 3)),
    ],
)
def test_georgian_months_are_read_in_their_cases(text: str, day: dt.date) -> None:
    assert [r.start for r, _, _ in find_date_ranges(text)] == [day]


def test_a_georgian_locative_names_its_city_and_its_country() -> None:
    assert [c.name for c in places._cities("ბათუმში")] == ["Batumi"]
    assert places.declined_country("საქართველოში") == "GE"
    assert places._cities("რიგში") == ()  # "in a row", no Riga ("რიგაში")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("ტერორიზმის შესახებ კონფერენცია გადაიდო.", "postponed"),
        ("ტერორიზმის შესახებ სემინარი ჩაიშალა.", "cancelled"),
        ("კონფერენცია არ ჩატარდება.", "cancelled"),
    ],
)
def test_a_postponed_or_cancelled_georgian_conference_is_read(text: str, status: str) -> None:
    assert detect_status(text) == status


# --- Tajik --------------------------------------------------------------------------------------


def test_a_tajik_conference_gets_its_dates_city_and_organisers() -> None:
    body = (
        "Дар шаҳри Душанбе 12-13 октябри соли 2031 ҳамоиши байналмилалӣ оид ба муқовимат ба "
        "терроризм ва ифротгароӣ баргузор гардид. Ҳамоиш бо ташкили Кумитаи давлатии амнияти "
        "миллӣ ва Созмони Амният ва Ҳамкорӣ дар Аврупо доир гардид."
    )
    fields = fields_of(body, title="Ҳамоиши байналмилалӣ оид ба муқовимат ба терроризм")
    assert (fields.start_date, fields.end_date) == (D(2031, 10, 12), D(2031, 10, 13))
    assert (fields.city, fields.country) == ("Dushanbe", "TJ")
    assert fields.organisers == ["Кумитаи давлатии амнияти миллӣ", "OSCE"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("12 ва 13 октябри соли 2031", D(2031, 10, 12), D(2031, 10, 13)),
        ("аз 12 то 14 октябри 2031", D(2031, 10, 12), D(2031, 10, 14)),
    ],
)
def test_a_tajik_range_of_days_before_its_month_is_read(text: str, start: D, end: D) -> None:
    assert [(r.start, r.end) for r, _, _ in find_date_ranges(text)] == [(start, end)]


def test_a_tajik_month_without_a_year_takes_the_pages() -> None:
    found = find_date_ranges("5 майи", published=D(2031, 4, 1))
    assert [r.start for r, _, _ in found] == [D(2031, 5, 5)]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Маҷлиси Олӣ", set()),  # the parliament
        ("нишасти матбуотӣ", set()),  # a press conference
        ("машқҳои тактикӣ", {"training"}),  # a drill
        ("ҷаласаи коршиносон", {"small"}),  # an expert meeting
        ("нишасти сарони давлатҳо", {"large"}),  # a summit
    ],
)
def test_tajik_look_alikes_are_told_apart(text: str, kinds: set[str]) -> None:
    assert lexicon.event_kinds(text) == kinds


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ҳамоиш оид ба терроризм ба таъхир гузошта шуд.", "postponed"),
        ("Семинар оид ба ифротгароӣ лағв карда шуд.", "cancelled"),
    ],
)
def test_a_postponed_or_cancelled_tajik_conference_is_read(text: str, status: str) -> None:
    assert detect_status(text) == status


# --- Mongolian ----------------------------------------------------------------------------------


def test_a_mongolian_conference_gets_its_dates_and_city() -> None:
    body = (
        "Мэдээлснээр, 2031 оны аравдугаар сарын 12-13-ны өдрүүдэд Улаанбаатар хотод "
        "терроризмтэй тэмцэх олон улсын бага хурал болж өнгөрлөө. Хуралд терроризм, хэт "
        "даврагч үзлийн асуудлыг хэлэлцлээ."
    )
    fields = fields_of(body, title="Терроризмтэй тэмцэх олон улсын бага хурал")
    assert (fields.start_date, fields.end_date) == (D(2031, 10, 12), D(2031, 10, 13))
    assert (fields.city, fields.country) == ("Ulaanbaatar", "MN")


def test_a_mongolian_locative_names_a_city_of_mongolia() -> None:
    assert [c.name for c in places._cities("улаанбаатарт")] == ["Ulaanbaatar"]
    assert [c.name for c in places._cities("дарханд")] == ["Darhan"]


def test_a_mongolian_month_without_a_year_takes_the_pages() -> None:
    found = find_date_ranges("10 дугаар сарын 12-нд", published=PUBLISHED)
    assert [r.start for r, _, _ in found] == [D(2031, 10, 12)]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("хэвлэлийн бага хурал", set()),  # a press conference
        ("Улсын Их Хурлын", set()),  # the parliament
        ("арга хэмжээ авах", set()),  # to take measures
        ("сургалт-семинар", {"training"}),
        ("олон улсын бага хурал", {"large"}),
    ],
)
def test_mongolian_look_alikes_are_told_apart(text: str, kinds: set[str]) -> None:
    assert lexicon.event_kinds(text) == kinds


def test_a_mongolian_online_meeting_on_terrorism_is_on_topic() -> None:
    body = "Терроризмтэй тэмцэх цахим хурал боллоо. Хурлаар терроризм, хэт даврагч үзлийг хэлэлцэв."
    assert judge("", body).relevant


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Терроризмын асуудлаарх бага хурал хойшлогдлоо.", "postponed"),
        ("Семинар цуцлагдлаа.", "cancelled"),
    ],
)
def test_a_postponed_or_cancelled_mongolian_conference_is_read(text: str, status: str) -> None:
    assert detect_status(text) == status
