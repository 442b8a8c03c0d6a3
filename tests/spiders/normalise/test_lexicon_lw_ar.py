"""The lexicon in Arabic, written whole: a counter-terrorism conference said in Arabic is an event
on topic with its dates, city and organisers, in the Mashreq's and the Maghreb's words alike, and
the Arabic words that look like an event but are none (the Maghreb's press conference, a
conference hall, a training course) stay out. Every sentence here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.relevance import judge
from confwatch.spiders.normalise.status import detect_status
from tests.spiders.normalise.inline_pages import fields_of

D = dt.date
TITLE = "مؤتمر دولي حول مكافحة الإرهاب"


def test_an_arabic_conference_on_terrorism_is_an_event_on_topic() -> None:
    body = "انطلقت في الرباط أعمال المؤتمر الدولي حول مكافحة الإرهاب والتطرف العنيف."
    assert judge(TITLE, body).relevant


def test_terrorism_written_without_its_hamza_is_the_topic() -> None:
    body = "ناقش المشاركون سبل مواجهة الارهاب. وأكدوا خطورة الارهاب."
    assert judge("الملتقى الإقليمي", body).relevant
    assert not judge("الملتقى الإقليمي", "ناقش المشاركون سبل التنمية.").relevant


def test_the_extremist_counts_as_extremism() -> None:
    body = "تناول اللقاء الفكر المتطرف. وحذر من الجماعات المتطرفة."
    assert judge("المنتدى الإقليمي", body).relevant


def test_the_maghreb_press_conference_is_no_event() -> None:
    assert lexicon.event_kinds("ندوة صحفية، الندوة الصحفية") == set()
    title = "ندوة صحفية حول مكافحة الإرهاب"
    assert not judge(title, "قدم الوزير في ندوة صحفية حصيلة مكافحة الإرهاب والتطرف.").relevant


@pytest.mark.parametrize(
    "title",
    [
        "دورة تكوينية حول مكافحة الإرهاب",
        "ورشة تدريبية حول مكافحة التطرف العنيف",
        "محاضرة حول الإرهاب",
    ],
)
def test_an_arabic_training_on_terrorism_is_no_conference(title: str) -> None:
    verdict = judge(title, "")
    assert not verdict.relevant
    assert verdict.reason == "a training course, not a conference"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("قاعة المؤتمرات بالفندق", set()),  # a room
        ("مؤتمر عبر الفيديو", set()),  # a videoconference
        ("حلقة عمل إقليمية", {"small"}),  # the UN's Arabic for a workshop
        ("يوم دراسي", {"small"}),  # a study day
        ("التمرين الميداني المشترك", {"training"}),  # a drill
        ("التماسك الاجتماعي", set()),  # "social cohesion": the adjective, not a meeting
        ("وسائل التواصل الاجتماعية", set()),  # social media
        ("الأخصائيين الاجتماعيين", set()),  # social workers
        ("عقد اجتماعين", {"meeting"}),  # two meetings: the dual is still a meeting
    ],
)
def test_arabic_look_alike_words_name_what_they_are(text: str, kinds: set[str]) -> None:
    assert lexicon.event_kinds(text) == kinds


@pytest.mark.parametrize(
    "text", ["الاجتماع الثالث عشر", "الاجتماع الـ15", "الاجتماع التحضيري", "اجتماع للجنة"]
)
def test_an_arabic_ordinal_level_or_body_qualifies_a_meeting(text: str) -> None:
    assert "qualified" in {w.kind for w in lexicon.event_words(text, lexicon.STRONG)}


@pytest.mark.parametrize(
    ("body", "dates"),
    [
        ("عقد يومي 12 و13 مارس 2031 مؤتمر دولي حول مكافحة الإرهاب.", (12, 13, 3)),
        ("عقد في الفترة ما بين 3 و5 أكتوبر 2031 مؤتمر دولي حول مكافحة الإرهاب.", (3, 5, 10)),
        ("عقد من 3 إلى 5 جوان 2031 مؤتمر دولي حول مكافحة الإرهاب.", (3, 5, 6)),
        ("عقد يوم 9 شتنبر 2031 مؤتمر دولي حول مكافحة الإرهاب.", (9, 9, 9)),
        ("عقد يوم 4 تشرين الأول/أكتوبر 2031 مؤتمر دولي حول مكافحة الإرهاب.", (4, 4, 10)),
    ],
)
def test_an_arabic_conference_gets_its_dates(body: str, dates: tuple[int, int, int]) -> None:
    first, last, month = dates
    fields = fields_of(body, title=TITLE)
    assert (fields.start_date, fields.end_date) == (D(2031, month, first), D(2031, month, last))


@pytest.mark.parametrize(
    ("place", "city", "country"),
    [
        ("تستضيف الدوحة", "Doha", "QA"),  # the host verb before the city
        ("احتضنت مراكش", "Marrakesh", "MA"),
        ("عقد بمدينة الرياض", "Riyadh", "SA"),
        ("عقد في دبي", "Dubai", "AE"),
        ("عقد في جنيف", "Geneva", "CH"),
        ("عقد في المغرب", None, "MA"),  # a country alone
    ],
)
def test_an_arabic_conference_gets_its_city(place: str, city: str | None, country: str) -> None:
    body = f"{place} يوم 4 أكتوبر 2031 مؤتمرا دوليا حول مكافحة الإرهاب والتطرف."
    fields = fields_of(body, title=TITLE)
    assert (fields.city, fields.country) == (city, country)


def test_a_theatre_of_terrorism_is_no_venue() -> None:
    body = "عقد يوم 4 أكتوبر 2031 مؤتمر دولي حول مكافحة الإرهاب بعد هزيمة داعش في سوريا."
    assert fields_of(body, title=TITLE).country is None


def test_an_arabic_host_and_a_catalogue_body_are_organisers() -> None:
    body = (
        "انطلقت في الدوحة يوم 4 أكتوبر 2031 أعمال المؤتمر الدولي حول مكافحة الإرهاب بضيافة "
        "وزارة الداخلية وبالتعاون مع مكتب الأمم المتحدة لمكافحة الإرهاب."
    )
    assert fields_of(body, title=TITLE).organisers == ["وزارة الداخلية", "UNOCT"]


def test_an_arabic_meeting_held_remotely_has_no_city_though_its_release_has_a_dateline() -> None:
    body = "الرباط، 3 أكتوبر 2031 - ندوة دولية حول مكافحة الإرهاب عقدت عن بعد يوم 4 أكتوبر 2031."
    fields = fields_of(body, title=TITLE)
    assert (fields.city, fields.country) == (None, None)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("وتقرر تأجيله إلى موعد يحدد لاحقا.", "postponed"),
        ("أرجئت الندوة حول الإرهاب.", "postponed"),
        ("لن يعقد المؤتمر حول الإرهاب هذا العام.", "cancelled"),
    ],
)
def test_a_postponed_or_cancelled_arabic_conference_is_read(text: str, status: str) -> None:
    assert detect_status(f"المؤتمر الدولي حول الإرهاب {text}") == status


def test_a_security_agency_in_the_headline_makes_one_terrorism_word_enough() -> None:
    body = "تناول المؤتمر السنوي أمن الحدود ومكافحة الإرهاب."
    assert judge("المؤتمر السنوي للأجهزة الأمنية", body).relevant
    assert not judge("المؤتمر السنوي", body).relevant


@pytest.mark.parametrize(
    "title", ["توقيع مذكرة تفاهم لمكافحة الإرهاب", "مباحثات حول مكافحة الإرهاب", "من نحن"]
)
def test_an_arabic_signing_talks_or_about_page_is_no_event_page(title: str) -> None:
    assert not judge(title, "تحدث الوزير عن الإرهاب والتطرف العنيف.").relevant
