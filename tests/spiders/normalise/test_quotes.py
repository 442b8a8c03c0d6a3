"""Quotation marks: one table of pairs (``quotes``) read by every reader of a quoted name; each
reader takes a name in every style, and an apostrophe inside a word opens no quotation."""

from __future__ import annotations

import re

import pytest

from confwatch.spiders.normalise import _names_an_event, quotes
from confwatch.spiders.normalise.event_dates import _quoted_name as _dates_quoted_name
from confwatch.spiders.normalise.headings import quoted_after_label, quoted_in_heading
from confwatch.spiders.normalise.name_themes import theme_phrase
from confwatch.spiders.normalise.names import event_name
from confwatch.spiders.normalise.organiser_lists import _DESCRIBED, QUOTED_UNIT, mask_names
from confwatch.spiders.normalise.organiser_shapes import _QUOTED_NAME
from confwatch.spiders.normalise.organiser_words import clean
from confwatch.spiders.normalise.place_mentions import _quoted as _quoted_place
from confwatch.spiders.normalise.quoted_names import datelined_title, quoted_event_names
from confwatch.spiders.normalise.sentences import split_sentences
from confwatch.spiders.normalise.titles import choose_title, with_quotes_closed
from confwatch.spiders.page import _noun_and_quoted_name
from confwatch.spiders.sections import _quoted_name

STYLES = [
    "“Youth and Resilience in Border Towns”",
    "„Youth and Resilience in Border Towns“",
    "„Youth and Resilience in Border Towns”",
    "«Youth and Resilience in Border Towns»",
    "« Youth and Resilience in Border Towns »",
    "‹Youth and Resilience in Border Towns›",
    "‘Youth and Resilience in Border Towns’",
    "‚Youth and Resilience in Border Towns‘",
    "'Youth and Resilience in Border Towns'",
    '"Youth and Resilience in Border Towns"',
]
NAME = "Youth and Resilience in Border Towns"


@pytest.mark.parametrize("quoted", STYLES)
def test_the_pattern_reads_every_pair(quoted: str) -> None:
    m = re.search(quotes.quoted(group="q"), f"the seminar {quoted} opens today")
    assert m is not None
    assert quotes.quoted_text(m, "q") == NAME


def test_an_apostrophe_inside_a_word_is_no_quotation_mark() -> None:
    pattern = re.compile(quotes.quoted(group="q"))
    assert pattern.search("l’université d'Abidjan and Côte d'Ivoire's ministry don't meet") is None
    m = pattern.search("the seminar ‘Women’s voices in l’université’ opens")
    assert m is not None
    assert quotes.quoted_text(m, "q") == "Women’s voices in l’université"
    m = pattern.search("the members' meeting 'Ivoire's youth today' opens")
    assert m is not None
    assert quotes.quoted_text(m, "q") == "Ivoire's youth today"


@pytest.mark.parametrize("quoted", STYLES)
def test_a_kind_before_a_quoted_name_gives_way_to_it(quoted: str) -> None:
    # titles._KIND_THEN_QUOTE: "Séminaire régional « X »" -> "X" (§5.12)
    assert choose_title(f"Regional seminar {quoted}", []) == NAME


def test_a_typewriter_single_quote_name_loses_its_kind() -> None:
    assert (
        choose_title("Seminar 'Radicalisering en terrorisme'", []) == "Radicalisering en terrorisme"
    )


@pytest.mark.parametrize("quoted", STYLES)
def test_a_report_label_gives_the_quotation_it_reports_on(quoted: str) -> None:
    # headings._LABEL_THEN_QUOTE
    assert quoted_after_label(f"Tagungsbericht: {quoted}") == NAME


@pytest.mark.parametrize("quoted", STYLES)
def test_a_heading_about_its_event_gives_the_quoted_name(quoted: str) -> None:
    # headings.quoted_in_heading (names' tokens)
    got = quoted_in_heading(f"Students took part in the round table {quoted}")
    assert got == NAME


@pytest.mark.parametrize("quoted", STYLES)
def test_a_quoted_statement_before_a_colon_is_no_title(quoted: str) -> None:
    # headings._QUOTED_STATEMENT: "“X”: Conference on Y" -> "Conference on Y"
    statement = quoted.replace(NAME, "We must act together now")
    assert choose_title(f"{statement}: Conference on Border Security", []) == (
        "Conference on Border Security"
    )


@pytest.mark.parametrize("opener,closer", [("„", "“"), ("«", "»"), ("‹", "›"), ("‚", "‘")])
def test_a_quotation_cut_by_a_sentence_end_is_put_back(opener: str, closer: str) -> None:
    # titles._CLOSED_QUOTE: only pairs whose marks open and close differently
    got = with_quotes_closed(
        [f"Die Tagung {opener}Extremismus – was hilft?", f"Ein Blick{closer} beginnt."]
    )
    assert len(got) == 1


@pytest.mark.parametrize("quoted", STYLES)
def test_a_theme_phrase_reads_the_quoted_theme(quoted: str) -> None:
    # name_themes._QUOTED
    phrase = theme_phrase(f"The ministry holds a conference on the topic {quoted} in Bari.")
    assert phrase is not None
    assert phrase[0] == NAME


@pytest.mark.parametrize("quoted", STYLES)
def test_a_title_word_gives_the_quoted_name(quoted: str) -> None:
    # names._TITLED
    assert event_name(f"The ministry held a seminar entitled {quoted} in Bari.") == NAME


WHOLE = "Regional Conference on Youth and Resilience"


@pytest.mark.parametrize("quoted", STYLES)
def test_a_whole_event_name_quoted_is_read(quoted: str) -> None:
    # quoted_names._QUOTED
    sentence = "Today the " + quoted.replace(NAME, WHOLE) + " opened in Bari."
    assert quoted_event_names(sentence) == [WHOLE]


@pytest.mark.parametrize("quoted", STYLES)
def test_a_dateline_then_a_quotation_titles_the_release(quoted: str) -> None:
    # quoted_names._DATELINED
    assert datelined_title(f"BARI (ANSA) - {quoted}") == NAME


@pytest.mark.parametrize("quoted", STYLES)
def test_a_quoted_name_ending_a_date_line_is_the_entry(quoted: str) -> None:
    # sections._QUOTED
    assert _quoted_name(f"Webtalk: {quoted}") == NAME


@pytest.mark.parametrize("quoted", STYLES)
def test_an_event_noun_and_its_quoted_name_make_a_heading(quoted: str) -> None:
    # page._NOUN_AND_QUOTED
    assert _noun_and_quoted_name(f"Conference {quoted}")


@pytest.mark.parametrize("quoted", STYLES)
def test_a_heading_quoting_a_name_can_title_an_event(quoted: str) -> None:
    # normalise._QUOTED
    assert _names_an_event(f"Students {quoted}")


@pytest.mark.parametrize("quoted", STYLES)
def test_the_title_s_quoted_name_is_found_again_in_a_sentence(quoted: str) -> None:
    # event_dates._QUOTED
    assert _dates_quoted_name(f"Séminaire {quoted}") == NAME.lower()


def test_an_apostrophe_inside_a_word_quotes_no_name_in_a_heading() -> None:
    assert not _names_an_event("Côte d'Ivoire's students don't agree")
    assert not _noun_and_quoted_name("Conference l'université's")


UNIT = "Centre for Youth and Resilience"


@pytest.mark.parametrize("quoted", STYLES)
def test_a_quoted_body_name_is_one_list_item(quoted: str) -> None:
    # organiser_lists._QUOTED: its commas and spaces are masked from the list splitter
    masked = mask_names(
        "with the " + quoted.replace(NAME, "Centre for Youth, Resilience") + ", and X"
    )
    assert masked.count(",") == 1


@pytest.mark.parametrize("quoted", STYLES)
def test_a_quoted_unit_at_its_body_and_a_described_body_are_read(quoted: str) -> None:
    # organiser_lists.QUOTED_UNIT (the opening mark already stripped) and _DESCRIBED
    written = quoted.replace(NAME, UNIT)
    unit = QUOTED_UNIT.match(written[1:].lstrip() + " (CYR) at the Ministry of Youth")
    assert unit is not None
    assert unit.group("name").strip() == UNIT
    described = _DESCRIBED.match(f"the working group {written} (CYR)")
    assert described is not None
    assert described.group("name").strip() == UNIT


@pytest.mark.parametrize("quoted", STYLES)
def test_the_quoted_name_after_an_event_noun_is_passed_over(quoted: str) -> None:
    # organiser_shapes._QUOTED_NAME
    text = f"la conférence {quoted} de l'UNESCO"
    m = _QUOTED_NAME.match(text, len("la conférence"))
    assert m is not None
    assert text[m.end() :] == " de l'UNESCO"


@pytest.mark.parametrize("quoted", STYLES)
def test_an_organiser_name_loses_its_quotation_marks(quoted: str) -> None:
    # organiser_words.QUOTES
    assert clean(quoted.replace(NAME, UNIT)) == UNIT


@pytest.mark.parametrize("opener,closer", [("“", "”"), ("„", "“"), ("«", "»"), ("‹", "›")])
def test_a_place_inside_quotation_marks_is_no_venue(opener: str, closer: str) -> None:
    # place_mentions._QUOTE: guillemets and double marks (single quotes are its apostrophes)
    text = f"The seminar {opener}Terrorist groups in Afghanistan{closer} opens in Vienna."
    assert _quoted_place(text, text.index("Afghanistan"))
    assert not _quoted_place(text, text.index("Vienna"))
    assert not _quoted_place("the seminar held in l’Université d’Abidjan", 30)


@pytest.mark.parametrize("quoted", STYLES)
def test_the_text_s_quoted_name_after_its_event_noun_is_the_title(quoted: str) -> None:
    # names' tokens and the strips of their marks: "the seminar entitled ‹X›" -> "X"
    sentences = [f"On 3 May the ministry held an international seminar entitled {quoted} in Bari."]
    assert choose_title("News", sentences) == NAME


@pytest.mark.parametrize("opener,closer", [("“", "”"), ("«", "»"), ("‹", "›")])
def test_a_sentence_end_inside_an_open_quotation_splits_no_sentence(
    opener: str, closer: str
) -> None:
    # sentences._open_quote
    text = (
        f"The seminar {opener}Youth first. Resilience in Border Towns{closer} opens. It ends soon."
    )
    assert split_sentences(text)[0].endswith("opens.")


def test_a_stray_typewriter_quote_does_not_swallow_the_quoted_name_after_a_kind() -> None:
    # A typewriter mark between a space and a word opens a quotation and closes none: the name
    # after "workshop" is the one quoted, not the text between the stray mark and it.
    sentence = (
        'The network "Schools Together invites you to the workshop "Youth and Resilience in '
        'Border Towns" on 4 May in Graz.'
    )
    assert choose_title(None, [sentence]) == "Youth and Resilience in Border Towns"


@pytest.mark.parametrize(
    "spaced",
    ['the workshop " Youth and Resilience " on', 'the workshop "\nYouth and Resilience" on'],
)
def test_a_typewriter_quote_spaced_inside_still_quotes_a_name(spaced: str) -> None:
    sentence = f"The network invites you to {spaced} 4 May in Graz."
    assert "Youth and Resilience" in (choose_title(None, [sentence]) or "")
