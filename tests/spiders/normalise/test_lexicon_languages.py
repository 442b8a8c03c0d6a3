"""The lexicon in Portuguese, Ukrainian, Italian, Arabic, Turkish and the other languages of the
OSCE area and its neighbours: a counter-terrorism conference said in the language is an event on
topic, and the words that look like an event but are none (a press conference, a training course,
a parliament, a measure) stay out. Every sentence here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.relevance import judge
from confwatch.spiders.normalise.status import detect_status
from tests.spiders.normalise.inline_pages import fields_of

D = dt.date


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Lisboa acolhe conferência internacional sobre terrorismo",
            "A conferência internacional sobre a prevenção do extremismo violento realizou-se "
            "hoje em Lisboa, organizada pelo Ministério da Administração Interna.",
        ),
        (
            "У Києві відбулася міжнародна конференція з протидії тероризму",
            "Міжнародна конференція з протидії тероризму та екстремізму відбулася у Києві за "
            "підтримки ОБСЄ.",
        ),
        (
            "Ankara'da uluslararası terörle mücadele konferansı düzenlendi",
            "Terörle mücadele konferansı bugün Ankara'da düzenlendi; radikalleşme ve şiddet "
            "içeren aşırıcılık ele alındı.",
        ),
        (
            "انعقاد المؤتمر الدولي لمكافحة الإرهاب في الرباط",
            "انعقد اليوم في الرباط المؤتمر الدولي حول مكافحة الإرهاب والتطرف العنيف بالتعاون مع "
            "مكتب الأمم المتحدة.",
        ),
        (
            "A Roma il convegno internazionale sul terrorismo",
            "Il convegno sulla prevenzione della radicalizzazione si è svolto a Roma.",
        ),
    ],
    ids=["pt", "uk", "tr", "ar", "it"],
)
def test_a_counter_terrorism_conference_is_an_event_on_topic_in_more_languages(
    title: str, body: str
) -> None:
    assert judge(title, body).relevant


@pytest.mark.parametrize(
    "body",
    [
        "Seminário sobre terrorismo. O seminário sobre o combate ao terrorismo decorreu em Braga.",
        "Семінар з протидії тероризму. Семінар з питань тероризму пройшов в Одесі.",
        "Terörizm semineri. Terörle mücadele semineri İzmir'de yapıldı.",
        "ندوة حول الإرهاب. عقدت الندوة حول مكافحة الإرهاب في عمان.",
    ],
    ids=["pt", "uk", "tr", "ar"],
)
def test_a_seminar_on_terrorism_in_the_body_alone_is_on_topic(body: str) -> None:
    assert judge("", body).relevant


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Conferência de imprensa sobre terrorismo",
            "O ministro deu uma conferência de imprensa sobre o terrorismo e o terrorismo.",
        ),
        (
            "Прес-конференція щодо тероризму",
            "Міністр провів прес-конференцію про тероризм і тероризм.",
        ),
        ("Terörle ilgili basın toplantısı", "Bakan terör ve terör örgütleri hakkında konuştu."),
        ("مؤتمر صحفي حول الإرهاب", "تحدث الوزير عن الإرهاب والإرهاب."),
        ("Conferenza stampa sul terrorismo", "Il ministro ha parlato di terrorismo e terrorismo."),
    ],
    ids=["pt", "uk", "tr", "ar", "it"],
)
def test_a_press_conference_on_terrorism_is_no_event_in_more_languages(
    title: str, body: str
) -> None:
    assert not judge(title, body).relevant


@pytest.mark.parametrize(
    "title",
    [
        "Curso de formação sobre terrorismo",
        "Тренінг з протидії тероризму",
        "Terörle mücadele eğitimi",
        "دورة تدريبية حول مكافحة الإرهاب",
        "Corso di aggiornamento sul terrorismo",
    ],
    ids=["pt", "uk", "tr", "ar", "it"],
)
def test_a_training_course_on_terrorism_is_no_conference_in_more_languages(title: str) -> None:
    verdict = judge(title, "")
    assert not verdict.relevant
    assert verdict.reason == "a training course, not a conference"


def test_a_portuguese_conference_gets_its_dates_and_city() -> None:
    body = (
        "A Conferência Internacional sobre Terrorismo Contemporâneo realizou-se nos dias 21 e 22 "
        "de abril de 2016 em Lisboa. A conferência abordou o terrorismo e a radicalização."
    )
    fields = fields_of(body, title="Conferência Internacional sobre Terrorismo Contemporâneo")
    assert (fields.start_date, fields.end_date) == (D(2016, 4, 21), D(2016, 4, 22))
    assert fields.city == "Lisbon"


def test_a_ukrainian_round_table_held_yesterday_takes_the_day_before_the_page_date() -> None:
    body = (
        "Вчора у Львові відбувся круглий стіл «Протидія тероризму та радикалізації молоді», "
        "організований обласною адміністрацією."
    )
    fields = fields_of(body, title="Круглий стіл з протидії тероризму", published=D(2021, 3, 5))
    assert fields.start_date == D(2021, 3, 4)


def test_a_turkish_conference_announced_for_a_date_is_read() -> None:
    body = (
        "Uluslararası Terörle Mücadele Konferansı 18 Nisan 2019 tarihinde İstanbul'da düzenlendi."
    )
    fields = fields_of(body, title="Uluslararası Terörle Mücadele Konferansı")
    assert fields.start_date == D(2019, 4, 18)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("A conferência sobre terrorismo foi adiada.", "postponed"),
        ("Конференцію з протидії тероризму скасовано.", "cancelled"),
        ("Terörle mücadele konferansı ertelendi.", "postponed"),
        ("تقرر تأجيل المؤتمر الدولي لمكافحة الإرهاب.", "postponed"),
        ("Il convegno sul terrorismo è stato annullato.", "cancelled"),
    ],
    ids=["pt", "uk", "tr", "ar", "it"],
)
def test_a_postponed_or_cancelled_conference_is_read_in_more_languages(
    text: str, status: str
) -> None:
    assert detect_status(text) == status


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("o Congresso Nacional aprovou a lei", set()),  # a parliament
        ("o 5º Congresso de Investigação Criminal", {"large"}),
        ("terrorizmə qarşı tədbirlər görülür", set()),  # measures, not events
        ("жиынтығы бойынша", set()),  # a total, not a gathering
        ("nel corso della riunione", {"meeting"}),  # "nel corso di": during, no course
    ],
)
def test_look_alike_words_of_other_languages_name_no_event(text: str, kinds: set[str]) -> None:
    assert lexicon.event_kinds(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "o Congresso Nacional",
        "Cihat Yılmaz",  # a given name
        "تشدد المملكة على أهمية التعاون",  # "stresses", not radicalism
    ],
)
def test_names_and_common_words_are_no_topic(text: str) -> None:
    assert not lexicon.words("topic").search(text)


def test_a_turkish_capital_dotted_i_is_read_in_a_qualifier_and_a_status() -> None:
    assert lexicon.event_kinds("İkinci Toplantı") == {"qualified"}
    assert detect_status("KONFERANS İPTAL EDİLDİ") == "cancelled"


@pytest.mark.parametrize(
    "text",
    [
        "12 марта 2021 г., пятница\n\nЗаседание провёл глава района.",
        "Во вторник заседание прошло в здании администрации.",
        "5 березня, п'ятниця\n\nЗасідання провів голова громади.",
    ],
)
def test_a_weekday_is_no_ordinal_of_the_session_after_it(text: str) -> None:
    assert "qualified" not in {w.kind for w in lexicon.event_words(text, lexicon.STRONG)}


@pytest.mark.parametrize("text", ["Пятое заседание Совета", "Вторая встреча экспертов"])
def test_an_ordinal_still_qualifies_a_session(text: str) -> None:
    assert lexicon.event_words(text, lexicon.STRONG)


def test_an_italian_event_said_to_have_been_promoted_is_held() -> None:
    title = "Il terrorismo in Europa: che cosa fare?"
    body = (
        "Giovedì 5 ottobre 2023, Torino\n\nNe hanno discusso tre esperti di terrorismo e di "
        "radicalizzazione. L'evento è stato promosso dall'Università di Torino."
    )
    assert judge(title, body).relevant
    assert not judge(title, body.replace("è stato promosso", "piace")).relevant


@pytest.mark.parametrize(
    "body",
    [
        "В марте пройдет молодежный форум. Темы форума — противодействие экстремизму и "
        "подготовка антиэкстремистских проектов для школ.",
        "У березні відбудеться молодіжний форум. Теми форуму — протидія екстремізму та "
        "підготовка антиекстремістських проєктів для шкіл.",
    ],
)
def test_an_anti_extremist_word_counts_as_the_topic(body: str) -> None:
    assert judge("Молодежный форум", body).relevant
    assert lexicon.words("topic").count(body) == 2
