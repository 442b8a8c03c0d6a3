"""Meeting wording completed from the languages (issue 15, eleventh session): a page that reports a
meeting of experts or officials in the words a news item uses ("experts in conclave", "сбор
руководителей", "réunion des ministres", "se reunieron", "اجتمع") is a conference page; a visit
("met with the ambassador") and a collection ("intelligence gathering") stay out. Every sentence
here is invented."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.relevance import judge


@pytest.mark.parametrize(
    "body",
    [
        # a conference named as a conclave (West African English)
        "Security experts from twelve states are in conclave in Accra. The conclave reviews "
        "terrorism financing and the return of terrorist fighters.",
        # participants who met, with a bare meeting noun
        "Counter-terrorism officials met in Kupang on Friday for a meeting on terrorism. They "
        "agreed to share data on terrorist travel.",
        # Spanish: the participants met ("se reunieron") for an encounter
        "Especialistas de diez países se reunieron en Lima en un encuentro sobre terrorismo. "
        "Analizaron la prevención del terrorismo en la región.",
        # German: the participants met ("trafen sich") at a meeting
        "Fachleute aus zwölf Ländern trafen sich in Graz zu einem Treffen über Terrorismus. "
        "Im Mittelpunkt stand die Prävention von Terrorismus.",
        # Arabic: "اجتمع" (met) with a bare "لقاء"
        "اجتمع خبراء من عشر دول في تونس في لقاء حول مكافحة الإرهاب. وناقش الخبراء تمويل الإرهاب.",
        # Russian: a gathering of heads of services is an event of its own
        "В Актобе прошёл сбор руководителей антитеррористических подразделений. Обсуждались "
        "вопросы противодействия терроризму и терроризма в регионе.",
        # French: a meeting of ministers, with no word saying it is held
        "La réunion des ministres de l'Intérieur du Sahel a adopté une feuille de route contre "
        "le terrorisme. Le financement du terrorisme y a été examiné.",
        # English: a meeting of heads of services
        "The meeting of heads of intelligence services adopted a plan against terrorism. "
        "Terrorism financing was also reviewed.",
    ],
)
def test_a_meeting_reported_in_news_wording_makes_a_page_relevant(body: str) -> None:
    assert judge("", body).relevant


def test_a_minister_who_met_with_an_ambassador_holds_no_meeting_of_his_own() -> None:
    body = (
        "The minister met with the ambassador at a meeting in the capital. Terrorism and "
        "terrorism financing were discussed."
    )
    assert judge("", body).reason == "no conference/meeting wording"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("intelligence gathering", set()),  # a collection, no meeting
        ("a gathering of religious leaders", {"qualified"}),  # a meeting of leaders
        ("сбор информации о террористах", set()),  # a collection
        ("сбор руководителей подразделений", {"small"}),
        ("jornada electoral", {"meeting"}),  # an election day stays a bare 'jornada'
        ("jornada de estudio", {"small"}),
        ("Innenministertreffen", {"small"}),
        ("Arbeitstreffen", {"meeting"}),  # often two officials: a meeting, no event of its own
    ],
)
def test_new_event_nouns_keep_their_look_alikes_out(text: str, kinds: set[str]) -> None:
    assert lexicon.event_kinds(text) == kinds
