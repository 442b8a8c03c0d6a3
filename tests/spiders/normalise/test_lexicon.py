"""The lexicon: one table of the event vocabulary, and every rule that reads it recognises each
row alike.

Each row of ``spiders/data/lexicon.toml`` carries examples. A row is checked against its own
pattern, and then every module that reads its category is asked about every example: the
relevance gate, the status rule, the sentence cues, the title rules, the section splitter, the
organiser rules and the online rule. What a module says follows from the row's kind alone (a
press conference is no event anywhere; a training course names no conference anywhere), so adding
a language is adding rows, and this test checks the new rows in every module at once.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confwatch.spiders import page, sections
from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import (
    lexicon,
    name_words,
    names,
    normalise,
    organisers,
    relevance,
    titles,
)
from confwatch.spiders.normalise.organiser_clauses import of_earlier_event
from confwatch.spiders.normalise.organiser_owner import page_owner
from confwatch.spiders.normalise.sentences import announces_event
from confwatch.spiders.normalise.status import detect_status

ALL_ROWS = lexicon.rows()


def _examples(category: str, **where: object) -> list[tuple[lexicon.Row, str]]:
    return [
        (row, example)
        for row in ALL_ROWS
        if row.category == category and all(getattr(row, k) == v for k, v in where.items())
        for example in row.examples
    ]


def _id(case: tuple[lexicon.Row, str]) -> str:
    row, example = case
    return f"{row.lang}-{row.kind}-{example}"


def _params(category: str, **where: object) -> list[object]:
    return [pytest.param(*c, id=_id(c)) for c in _examples(category, **where)]


# --- the table itself -----------------------------------------------------------------------


def test_every_row_has_a_language_a_kind_a_pattern_and_examples() -> None:
    assert ALL_ROWS
    for row in ALL_ROWS:
        assert row.lang and row.kind and row.pattern and row.examples, row


def test_the_table_covers_english_french_russian_german_and_spanish_in_every_category() -> None:
    for category in ("event_noun", "held", "role", "online", "status", "topic"):
        langs = {r.lang for r in ALL_ROWS if r.category == category}
        assert {"en", "fr", "ru", "de", "es"} <= langs, category


@pytest.mark.parametrize(
    ("row", "example"),
    [pytest.param(*c, id=_id(c)) for c in [(r, e) for r in ALL_ROWS for e in r.examples]],
)
def test_every_example_is_matched_by_its_own_row(row: lexicon.Row, example: str) -> None:
    assert re.search(rf"(?<!\w){row.source}(?!\w)", example), (row.pattern, example)
    assert lexicon.words(row.category, row.kind).search(example), (row.pattern, example)


_SAMPLES = [e for r in ALL_ROWS for e in r.examples] + ["the", "Vienna", "2021", "-", "\n", "."]


# No deadline: the first example of a category compiles its plain pattern (a long alternation);
# speed is measured in make bench, not here.
@settings(deadline=None)
@given(
    st.lists(st.sampled_from(_SAMPLES), max_size=8),
    st.sampled_from(sorted({r.category for r in ALL_ROWS})),
)
def test_the_fast_patterns_find_what_the_plain_rows_find(words: list[str], category: str) -> None:
    """Grouping by first letter and trying stems only where they occur change no answer."""
    text = " ".join(words)
    # every row, the body-first role rows too ("tarafından"), which ``fragment`` leaves out
    every = "(?:" + "|".join(r.source for r in lexicon.select(category)) + ")"
    plain = re.compile(rf"(?<!\w){every}(?!\w)", re.IGNORECASE)
    assert bool(lexicon.words(category).search(text)) == bool(plain.search(text))


def test_the_table_covers_portuguese_ukrainian_italian_arabic_and_turkish_too() -> None:
    for category in ("event_noun", "held", "online", "status", "topic", "title_not_event"):
        langs = {r.lang for r in ALL_ROWS if r.category == category}
        assert {"pt", "uk", "it", "ar", "tr"} <= langs, category


def test_a_press_conference_is_no_conference_in_any_language() -> None:
    text = "press conference, Pressekonferenz, conférence de presse, пресс-конференция"
    assert lexicon.event_kinds(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "conferência de imprensa",
        "прес-конференція",
        "conferenza stampa",
        "مؤتمر صحفي",
        "basın toplantısı",
        "mətbuat konfransı",
        "პრესკონფერენცია",
        "matbuot anjumani",
        "баспасөз конференциясы",
        "басма сөз жыйыны",
        "нишасти матбуотӣ",
    ],
)
def test_a_press_conference_of_each_language_is_no_event(text: str) -> None:
    assert lexicon.event_kinds(text) == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a special meeting of the Committee", "qualified"),
        ("the Twelfth Coordinating Committee Meeting", "qualified"),
        ("une réunion ministérielle restreinte", "qualified"),
        ("состоялось 35-е заседание Совета", "qualified"),
        ("una reunión de alto nivel", "qualified"),
        ("a meeting with the minister", "meeting"),
        ("прошло заседание", "session"),
    ],
)
def test_a_meeting_with_a_qualifier_of_its_language_is_an_event_of_its_own(
    text: str, kind: str
) -> None:
    assert lexicon.event_kinds(text) == {kind}


# --- event nouns: every module that reads them ----------------------------------------------

# What each module says of an event noun follows from its kind (eval-format §5.1).
NAME_KINDS = {"large", "small", "meeting", "session", "generic", "week"}
EVENT_NOUNS = _params("event_noun")


@pytest.mark.parametrize(("row", "example"), EVENT_NOUNS)
def test_relevance_takes_a_title_naming_an_event_noun_by_its_kind(
    row: lexicon.Row, example: str
) -> None:
    verdict = relevance.judge(f"{example} on terrorism", "")
    assert verdict.relevant == (row.kind in {"large", "small", "meeting", "generic"}), verdict


@pytest.mark.parametrize(("row", "example"), EVENT_NOUNS)
def test_status_reads_a_postponement_of_any_event_noun_but_a_press_conference(
    row: lexicon.Row, example: str
) -> None:
    said = detect_status(f"The {example} has been postponed.")
    assert said == ("scheduled" if row.kind == "not_event" else "postponed")


@pytest.mark.parametrize(("row", "example"), EVENT_NOUNS)
def test_a_sentence_announces_any_event_noun_but_a_press_conference(
    row: lexicon.Row, example: str
) -> None:
    assert announces_event(f"The {example} will be held in Vienna.") == (row.kind != "not_event")


@pytest.mark.parametrize(("row", "example"), EVENT_NOUNS)
def test_a_heading_is_eventish_with_a_conference_meeting_or_training_noun(
    row: lexicon.Row, example: str
) -> None:
    expected = row.kind in {"large", "small", "meeting", "training"}
    assert page.is_eventish(f"OSCE {example} in Vienna") == expected


@pytest.mark.parametrize(("row", "example"), EVENT_NOUNS)
def test_a_paragraph_names_a_conference_of_its_own_with_a_large_or_small_noun(
    row: lexicon.Row, example: str
) -> None:
    assert sections.names_conference(f"the {example} in Vienna") == (row.kind in {"large", "small"})


@pytest.mark.parametrize(("row", "example"), EVENT_NOUNS)
def test_a_title_names_its_own_organiser_before_a_meeting_noun(
    row: lexicon.Row, example: str
) -> None:
    expected = ["OSCE"] if row.kind in {"large", "small", "meeting", "session"} else []
    assert organisers.title_organisers(f"OSCE {example}") == expected


@pytest.mark.parametrize(("row", "example"), EVENT_NOUNS)
def test_a_name_may_end_with_any_event_noun_but_a_training_or_press_conference(
    row: lexicon.Row, example: str
) -> None:
    token = names.name_tokens(example)
    assert token == [example]  # "round table", "круглом столе": one word of a name
    assert name_words.is_event_noun(example) == (row.kind in NAME_KINDS)


@pytest.mark.parametrize(("row", "example"), _params("qualifier"))
def test_a_qualifier_makes_a_meeting_of_its_language_a_conference_like_event(
    row: lexicon.Row, example: str
) -> None:
    meeting = next(
        e
        for r in ALL_ROWS
        if r.category == "event_noun"
        and r.lang == row.lang
        and r.kind in {"meeting", "session", "generic"}
        for e in r.examples
    )
    phrase = f"{example} {meeting}" if row.place == "before" else f"{meeting} {example}"
    body = f"The {phrase} discussed terrorism and terrorism."
    assert relevance.judge("", body).relevant, phrase
    assert not relevance.judge("", f"The {meeting} discussed terrorism and terrorism.").relevant


# --- topics, titles that are no events, held wording ----------------------------------------


@pytest.mark.parametrize(("row", "example"), _params("topic"))
def test_a_topic_word_makes_a_conference_relevant_in_the_title_or_twice_in_the_text(
    row: lexicon.Row, example: str
) -> None:
    assert relevance.judge(f"Regional conference on {example}", "").relevant
    assert relevance.judge("Regional conference", f"On {example}. Against {example}.").relevant
    assert not relevance.judge("Regional conference", f"On {example}.").relevant


@pytest.mark.parametrize(("row", "example"), _params("title_not_event"))
def test_a_title_that_is_a_statement_visit_or_talks_is_no_event_page(
    row: lexicon.Row, example: str
) -> None:
    body = "The minister spoke about terrorism and violent extremism."
    assert not relevance.judge(f"{example} the Minister on terrorism", body).relevant


@pytest.mark.parametrize(("row", "example"), _params("held"))
def test_held_wording_announces_an_event_and_passive_wording_makes_a_meeting_relevant(
    row: lexicon.Row, example: str
) -> None:
    assert announces_event(f"The conference {example} in Vienna.")
    body = f"The meeting {example} at the Hofburg on terrorism and terrorism."
    assert relevance.judge("", body).relevant == (row.kind in {"passive", "gather"})


@pytest.mark.parametrize(("row", "example"), _params("held", agent=True))
def test_a_name_before_a_finite_organising_verb_is_a_body_and_before_its_passive_an_event(
    row: lexicon.Row, example: str
) -> None:
    sentence = f"The Harbour Forum {example} a seminar on port security."
    assert names.organises("Harbour Forum", sentence)
    assert not names.organises("Harbour Forum", "The Harbour Forum, held by the city, opened.")


# --- organiser roles (eval-format §5.10) ----------------------------------------------------

_ORGANISING = {"organiser", "initiative", "auspices"}
_NOT_ORGANISING = {"support", "funder", "patron", "participant"}


# Body-first rows ("AGİT tarafından"): test_organisers_body_first.py asks their reader.
@pytest.mark.parametrize(("row", "example"), _params("role", before=False))
def test_every_role_phrase_is_read_by_its_kind(row: lexicon.Row, example: str) -> None:
    if row.kind in _ORGANISING:
        found = organisers.find_organisers(f"The seminar, {example} OSCE, opened.")
        assert found == ["OSCE"]
    elif row.kind == "partner":
        found = organisers.find_organisers(f"The seminar was organised by UNODC {example} OSCE.")
        assert found == ["UNODC", "OSCE"]
    elif row.kind in _NOT_ORGANISING:
        found = organisers.find_organisers(f"The seminar was organised by UNODC {example} OSCE.")
        assert found == ["UNODC"]
    else:
        assert row.kind == "label"
        assert organisers.split_organisers(f"{example}: OSCE, UNODC") == ["OSCE", "UNODC"]


@pytest.mark.parametrize(("row", "example"), _params("invite"))
def test_every_invitation_names_its_host(row: lexicon.Row, example: str) -> None:
    if row.kind == "public":
        found = organisers.find_organisers(
            f"The Harbour Institute {example} a seminar on terrorism."
        )
        assert found == ["Harbour Institute"]
    else:
        assert row.kind == "first_person"
        body = f"Harbour Institute e.V.\n{example} to our workshop on extremism, 3 May 2031."
        assert page_owner(body) == "Harbour Institute e.V."
        assert page_owner("Harbour Institute e.V.\nA workshop on extremism, 3 May 2031.") is None


# --- background words -------------------------------------------------------------------------


@pytest.mark.parametrize(("row", "example"), _params("background"))
def test_every_background_word_puts_the_event_after_it_in_the_background(
    row: lexicon.Row, example: str
) -> None:
    name = "Harbour Conference on Terrorism"
    assert titles.in_passing(name, f"Ministers met {example} the {name} in Vienna.")
    assert not titles.in_passing(name, f"Ministers met at the {name} in Vienna.")
    text = f"The seminar came {example} the forum organised by OSCE."
    assert of_earlier_event(text, text.index("organised")) is (row.kind == "earlier")


# --- status and online words ----------------------------------------------------------------


@pytest.mark.parametrize(("row", "example"), _params("status"))
def test_every_status_word_gives_its_status(row: lexicon.Row, example: str) -> None:
    if row.label:
        text = f"[{example}] Regional conference on terrorism"
    elif row.aux:
        text = f"The conference has been {example}."
    else:
        text = f"The conference {example}."
    assert detect_status(text) == row.kind


@pytest.mark.parametrize(("row", "example"), _params("online"))
def test_an_online_meeting_has_no_venue_though_its_release_has_a_dateline_city(
    row: lexicon.Row, example: str
) -> None:
    wording = f"an {example} meeting" if row.kind == "adjective" else f"a meeting held {example}"
    raw = RawEvent(
        source="generic",
        url="https://example.org/e",
        title="Regional conference on terrorism",
        body_text=f"VIENNA, 3 May 2021 - The regional conference on terrorism, {wording}, "
        "was held on 3 May 2021.",
    )
    fields = normalise(raw).fields
    assert fields is not None
    assert (fields.city, fields.country) == (None, None)


@pytest.mark.parametrize(("row", "example"), _params("about_page"))
def test_an_about_page_or_fact_sheet_is_no_event_page(row: lexicon.Row, example: str) -> None:
    title = example if row.place == "start" else f"{example}: regional conference on terrorism"
    raw = RawEvent(
        source="generic",
        url="https://example.org/e",
        title=title,
        body_text="The regional conference on terrorism will be held in Vienna on 3 May 2021.",
    )
    assert normalise(raw).fields is None


@pytest.mark.parametrize(("row", "example"), _params("relative"))
def test_opened_today_dates_the_event_by_the_page_in_every_language(
    row: lexicon.Row, example: str
) -> None:
    raw = RawEvent(
        source="generic",
        url="https://example.org/e",
        title="Regional conference on terrorism",
        body_text=f"The regional conference on terrorism opened {example} in Vienna.",
        published=dt.date(2021, 5, 3),
    )
    fields = normalise(raw).fields
    assert fields is not None
    assert fields.start_date == dt.date(2021, 5, 3)


# --- security headlines, the marks of a course, an event page's labels ----------------------


@pytest.mark.parametrize(("row", "example"), _params("security"))
def test_a_security_headline_makes_terrorism_named_once_in_the_text_enough(
    row: lexicon.Row, example: str
) -> None:
    body = "The agenda covers border management, money laundering and counter-terrorism."
    assert relevance.judge(f"Annual {example} conference in Suva", body).relevant
    assert not relevance.judge("Annual conference in Suva", body).relevant


@pytest.mark.parametrize(("row", "example"), _params("teaching"))
def test_a_mark_of_teaching_beside_a_training_makes_a_workshop_a_course(
    row: lexicon.Row, example: str
) -> None:
    body = f"The workshop on violent extremism ended in Pristina. {example}."
    assert relevance.judge("Workshop on terrorism", body).relevant
    assert not relevance.judge("Workshop on terrorism", f"{body} The training goes on.").relevant


@pytest.mark.parametrize(("row", "example"), _params("event_field"))
def test_a_venue_and_speakers_make_a_page_an_event_page(row: lexicon.Row, example: str) -> None:
    other = "Speakers" if row.kind == "venue" else "Venue: Hotel Europa"
    title = "Countering terrorism online: tools and answers"
    body = f"Date: 17 May 2018\n{example}: Hotel Europa\n\n{other}\n\nTerrorism, extremism."
    if row.kind == "speakers":
        body = f"Date: 17 May 2018\n{other}\n\n{example}\n\nTerrorism, extremism."
    assert relevance.judge(title, body).relevant
    alone = body.replace(other, "")
    assert relevance.judge(title, alone).reason == "no conference/meeting wording"


# --- people and the parts of an event ---------------------------------------------------------


@pytest.mark.parametrize(("row", "example"), _params("person_title"))
def test_every_person_title_makes_the_name_after_it_a_person(
    row: lexicon.Row, example: str
) -> None:
    assert organisers.titled_person(example)
    assert not organisers.titled_person(f"{example} Foundation")  # a body named for a person


@pytest.mark.parametrize(("row", "example"), _params("event_part"))
def test_the_chair_of_every_part_of_an_event_organises_nothing(
    row: lexicon.Row, example: str
) -> None:
    lead = "The seminar took place in Vienna on 3 May."
    part = example[:1].upper() + example[1:]
    assert organisers.find_organisers(f"{lead} {part}, chaired by the OSCE, opened it.") == []
    assert organisers.find_organisers(f"{lead} The seminar, chaired by the OSCE, opened.") == [
        "OSCE"
    ]
