"""The lexicon in Azerbaijani, Uzbek (Latin and Cyrillic), Kazakh and Kyrgyz: a counter-terrorism
meeting said in these languages is an event on topic with its dates, city, country and
organisers (whose names come before their role phrase), and the words that look like an event
but are none (a press conference, a conference hall, a parliament, a drill) stay out. Every
sentence here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders.normalise import lexicon, organisers
from confwatch.spiders.normalise.dates import find_date_ranges
from confwatch.spiders.normalise.relevance import judge
from confwatch.spiders.normalise.status import detect_status
from tests.spiders.normalise.inline_pages import fields_of

D = dt.date
PUBLISHED = D(2031, 10, 13)


# --- relevance ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Bakıda terrorizmə qarşı mübarizəyə dair beynəlxalq konfrans",
            "Konfransda zorakı ekstremizm və terrorizmin maliyyələşdirilməsi müzakirə olunub.",
        ),
        (
            "Toshkentda ekstremizmga qarshi davra suhbati bo'lib o'tdi",
            "Davra suhbatida terrorizm va radikallashuvning oldini olish muhokama qilindi.",
        ),
        (
            "Самарқандда терроризмга қарши халқаро анжуман",
            "Анжуманда экстремизм ва терроризмга қарши курашиш масалалари муҳокама қилинди.",
        ),
        (
            "Астанада лаңкестікке қарсы іс-қимыл жөніндегі халықаралық конференция",
            "Конференцияда радикалдану мен терроризмнің алдын алу талқыланды.",
        ),
        (
            "Бишкекте экстремизмге каршы тегерек үстөл",
            "Тегерек үстөлдө терроризм жана радикалдашуу маселелери талкууланды.",
        ),
    ],
    ids=["az", "uz-latin", "uz-cyrillic", "kk", "ky"],
)
def test_a_turkic_meeting_on_terrorism_is_an_event_on_topic(title: str, body: str) -> None:
    assert judge(title, body).relevant


@pytest.mark.parametrize(
    "body",
    [
        "Şuranın növbədənkənar iclası keçirilib. İclasda terrorizm və terrorizm müzakirə olunub.",
        "Komissiyasining yig'ilishi bo'lib o'tdi. Unda terrorizm va terrorizm muhokama qilindi.",
        "Кеңесінің отырысы өтті. Отырыста терроризм мен терроризм талқыланды.",
    ],
    ids=["az", "uz", "kk"],
)
def test_a_turkic_body_before_its_sitting_makes_it_an_event(body: str) -> None:
    assert judge("", body).relevant


@pytest.mark.parametrize(
    "text",
    [
        "mətbuat konfransı",
        "Bakı Konqres Mərkəzində",
        "matbuot konferensiyasi",
        "Oliy Majlis",
        "Парламент Мәжілісі",
        "Бас Ассамблеясының 78-сессиясы",
        "бейнеконференция",
    ],
)
def test_turkic_look_alikes_of_an_event_are_none(text: str) -> None:
    assert lexicon.event_kinds(text) <= {"not_event"}


@pytest.mark.parametrize(
    "title",
    [
        "Antiterror təlim-məşqləri keçirilib",
        "Terrorizmga qarshi o'quv-mashq mashg'ulotlari",
        "Терроризмге қарсы оқу-жаттығу өтті",
        "Терроризмге каршы окуу-машыгуу өттү",
    ],
    ids=["az", "uz", "kk", "ky"],
)
def test_a_turkic_drill_on_terrorism_is_no_conference(title: str) -> None:
    assert not judge(title, "").relevant


@pytest.mark.parametrize(
    "title",
    [
        "Xarici İşlər Nazirinin terrorizmlə bağlı bəyanatı: memorandum imzalanıb",
        "Терроризмга қарши кураш бўйича меморандум имзоланди",
        "Халықаралық лаңкестікке қарсы күрес күні",
    ],
    ids=["az-signing", "uz-signing", "kk-observance"],
)
def test_a_turkic_title_of_a_signing_or_a_day_is_no_event_page(title: str) -> None:
    assert not judge(title, "Nazir terrorizm və ekstremizm haqqında danışıb.").relevant


# --- status -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Konfrans başqa bir tarixə keçirilib.", "postponed"),
        ("Seminar ləğv olundu.", "cancelled"),
        ("Konferensiya boshqa sanaga ko'chirildi.", "postponed"),
        ("Анжуман ўтказилмайди.", "cancelled"),
        ("Конференция басқа күнге ауыстырылды.", "postponed"),
        ("Семинар өтпейді.", "cancelled"),
        ("Конференция башка күнгө жылдырылды.", "postponed"),
    ],
)
def test_a_turkic_status_word_gives_its_status(text: str, status: str) -> None:
    assert detect_status(text) == status


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Konfrans oktyabrın 14-də keçiriləcək.", D(2031, 10, 14), D(2031, 10, 14)),
        ("2031-ci il noyabrın 15-16-da Bakıda", D(2031, 11, 15), D(2031, 11, 16)),
        ("Seminar 12 oktyabrda başlayıb.", D(2031, 10, 12), D(2031, 10, 12)),
        ("12 və 13 oktyabr 2031-ci il", D(2031, 10, 12), D(2031, 10, 13)),
        ("2031-yil 15-noyabr kuni", D(2031, 11, 15), D(2031, 11, 15)),
        ("15-16-noyabr kunlari Toshkentda", D(2031, 11, 15), D(2031, 11, 16)),
        ("2031 йил 3-4 ноябрда", D(2031, 11, 3), D(2031, 11, 4)),
        ("2031 жылғы 12-13 қарашада", D(2031, 11, 12), D(2031, 11, 13)),
        ("Алматыда 5 желтоқсанда өтеді.", D(2031, 12, 5), D(2031, 12, 5)),
        ("2031-жылдын 20-21-ноябрында", D(2031, 11, 20), D(2031, 11, 21)),
        ("12 жана 13 октябрь 2031", D(2031, 10, 12), D(2031, 10, 13)),
    ],
)
def test_turkic_dates_with_case_endings_are_read(text: str, start: dt.date, end: dt.date) -> None:
    found = find_date_ranges(text, published=PUBLISHED)
    assert [(r.start, r.end) for r, _, _ in found] == [(start, end)]


@pytest.mark.parametrize("text", ["5 maydonda", "3 martaba", "10 mayor"])
def test_a_turkic_word_that_starts_like_a_month_is_no_date(text: str) -> None:
    assert find_date_ranges(text, published=PUBLISHED) == []


# --- organisers: the body before its role phrase ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Konfrans Daxili İşlər Nazirliyinin təşkilatçılığı ilə keçirilib.",
            ["Daxili İşlər Nazirliyi"],
        ),
        (
            "Konferensiya O'zbekiston Respublikasi Ichki ishlar vazirligi tomonidan "
            "tashkil etildi.",
            ["O'zbekiston Respublikasi Ichki ishlar vazirligi"],
        ),
        (
            "Іс-шара Қазақстан Республикасы Дін істері агенттігінің ұйымдастыруымен өтті.",
            ["Қазақстан Республикасы Дін істері агенттігі"],
        ),
        (
            "Семинар Улуттук коопсуздук мамлекеттик комитетинин демилгеси менен уюштурулду.",
            ["Улуттук коопсуздук мамлекеттик комитети"],
        ),
    ],
    ids=["az", "uz", "kk", "ky"],
)
def test_a_turkic_body_written_before_its_role_phrase_organises(
    text: str, expected: list[str]
) -> None:
    assert organisers.find_organisers(text) == expected


def test_a_kyrgyz_subject_and_its_partner_are_two_bodies() -> None:
    text = (
        "Конференцияны Кыргыз Республикасынын Ички иштер министрлиги ЕККУнун Программалык "
        "офиси менен биргелешип уюштурду."
    )
    assert organisers.find_organisers(text) == [
        "Кыргыз Республикасынын Ички иштер министрлиги",
        "ЕККУнун Программалык офиси",
    ]


def test_a_kazakh_participant_is_no_organiser() -> None:
    text = "Конференция 3 мамырда Ішкі істер министрлігінің қатысуымен өтті."
    assert organisers.find_organisers(text) == []


# --- whole pages: dates, city, country, organisers ------------------------------------------


def test_an_azerbaijani_page_gives_dates_city_country_and_organiser() -> None:
    body = (
        "Terrorizmə qarşı mübarizə mövzusunda beynəlxalq konfrans 12-13 oktyabr 2031-ci il "
        "tarixlərində Bakıda keçirilib. Konfrans Daxili İşlər Nazirliyinin təşkilatçılığı ilə "
        "keçirilib. Konfransda zorakı ekstremizm və terrorizmin maliyyələşdirilməsi müzakirə "
        "olunub."
    )
    fields = fields_of(body, title="Bakıda terrorizmə qarşı beynəlxalq konfrans keçirilib")
    assert (fields.start_date, fields.end_date) == (D(2031, 10, 12), D(2031, 10, 13))
    assert (fields.city, fields.country) == ("Baku", "AZ")
    assert fields.organisers == ["Daxili İşlər Nazirliyi"]


def test_an_uzbek_cyrillic_page_gives_dates_city_and_country() -> None:
    body = (
        "2031 йил 3 ноябрь куни Самарқанд шаҳрида терроризм ва экстремизмга қарши курашиш "
        "масалаларига бағишланган семинар ўтказилди."
    )
    fields = fields_of(body, title="Самарқандда экстремизмга қарши семинар ўтказилди")
    assert (fields.start_date, fields.city, fields.country) == (D(2031, 11, 3), "Samarkand", "UZ")


def test_a_kazakh_page_gives_dates_city_and_both_organisers() -> None:
    body = (
        "2031 жылғы 12-13 қарашада Астанада терроризм мен экстремизмге қарсы іс-қимыл "
        "мәселелеріне арналған халықаралық конференция өтті. Конференцияны Қазақстан "
        "Республикасы Ішкі істер министрлігі ЕҚЫҰ-мен бірлесіп ұйымдастырды."
    )
    fields = fields_of(body, title="Астанада терроризмге қарсы халықаралық конференция өтті")
    assert (fields.start_date, fields.end_date) == (D(2031, 11, 12), D(2031, 11, 13))
    assert (fields.city, fields.country) == ("Astana", "KZ")
    assert fields.organisers == ["Қазақстан Республикасы Ішкі істер министрлігі", "OSCE"]


def test_a_kyrgyz_page_gives_the_city_after_its_city_word() -> None:
    body = (
        "2031-жылдын 20-21-ноябрында Бишкек шаарында терроризмге жана экстремизмге каршы "
        "күрөшүү маселелерине арналган эл аралык конференция өттү."
    )
    fields = fields_of(body, title="Бишкекте терроризмге каршы эл аралык конференция өттү")
    assert (fields.start_date, fields.end_date) == (D(2031, 11, 20), D(2031, 11, 21))
    assert (fields.city, fields.country) == ("Bishkek", "KG")


def test_a_kyrgyz_rounded_locative_names_its_city() -> None:
    body = "Семинар 14-октябрда Токмокто өтөт. Семинарда радикалдашуу жана экстремизм талкууланды."
    fields = fields_of(body, title="Токмокто экстремизмге каршы семинар", published=PUBLISHED)
    assert (fields.start_date, fields.city, fields.country) == (D(2031, 10, 14), "Tokmok", "KG")
