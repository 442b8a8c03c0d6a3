"""Splitting text into sentences: abbreviations, ordinal days and quoted names do not end one;
which sentences announce an event (a gathering, then the meeting it was)."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.names import event_name
from confwatch.spiders.normalise.sentences import announces_event, gathers, split_sentences


def test_russian_city_abbreviation_does_not_end_the_sentence() -> None:
    sentences = split_sentences("Семинар состоялся в г. Душанбе. Участники обсудили угрозы.")
    assert sentences[0] == "Семинар состоялся в г. Душанбе."


def test_question_mark_inside_a_quoted_name_does_not_end_the_sentence() -> None:
    text = (
        "On 25 and 26 April 2007, the Council of Europe organised an international conference "
        'entitled "WHY TERRORISM? Addressing the Conditions Conducive to the Spread of Terrorism". '
        "Experts attended."
    )
    first = split_sentences(text)[0]
    assert event_name(first) == (
        "WHY TERRORISM? Addressing the Conditions Conducive to the Spread of Terrorism"
    )


def test_german_ordinal_day_before_a_month_does_not_end_the_sentence() -> None:
    assert split_sentences("Am 10./11. Mai findet die Konferenz in Rom statt. Danach mehr.") == [
        "Am 10./11. Mai findet die Konferenz in Rom statt.",
        "Danach mehr.",
    ]


def test_number_before_a_new_sentence_still_ends_it() -> None:
    assert split_sentences("The count was 12. Next comes more.") == [
        "The count was 12.",
        "Next comes more.",
    ]


# A report names who gathered first and the meeting they gathered for only after.
_GATHERED = "The institute convened some 30 prosecutors from eight countries in Tirana."


def test_meeting_named_after_a_gathering_is_announced() -> None:
    later = "During the three-day seminar, participants compared their cases."
    assert not announces_event(later)
    assert announces_event(later, before=[_GATHERED, "They shared their experience."])


def test_meeting_named_as_the_setting_of_something_else_after_a_gathering_is_not_announced() -> (
    None
):
    later = "On the margins of the annual conference, two ministers signed a memorandum."
    assert not announces_event(later, before=[_GATHERED])


def test_meeting_named_three_sentences_after_a_gathering_is_not_announced() -> None:
    later = "During the three-day seminar, participants compared their cases."
    before = [_GATHERED, "They shared experience.", "Some spoke.", "Others listened."]
    assert not announces_event(later, before=before)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (_GATHERED, True),
        ("Experts from the region gathered in Bishkek on Tuesday.", True),
        ("The institute convened a regional workshop in Tirana.", False),
        ("The prosecutors discussed terrorist financing.", False),
    ],
)
def test_gathering_says_people_were_brought_together_without_naming_the_meeting(
    sentence: str, expected: bool
) -> None:
    assert gathers(sentence) is expected


def test_a_headline_over_its_dateline_on_the_next_line_is_a_sentence_of_its_own() -> None:
    # A heading block keeps its lines: the headline ends with no full stop, its line break does.
    text = "Border guards gathered in Narva\nNarva, 4 May 2031 - Agency. The seminar opened today."
    assert split_sentences(text)[0] == "Border guards gathered in Narva"


def test_a_line_running_on_in_lower_case_stays_in_its_sentence() -> None:
    text = "The seminar on border security was held in\nthe town hall of Narva."
    assert split_sentences(text) == [
        "The seminar on border security was held in the town hall of Narva."
    ]


def test_a_lists_items_stay_one_run_of_text() -> None:
    text = "\u2022 Summit meetings\n\u2022 Review meetings"
    assert split_sentences(text) == ["\u2022 Summit meetings \u2022 Review meetings"]


def test_inviting_to_a_conference_without_ein_announces_it_in_german() -> None:
    # "lädt ... zu einer Konferenz": the separable "ein" is often left out.
    sentence = "Der Bürgermeister lädt am Freitag zu einer Konferenz über Hafensicherheit."
    assert announces_event(sentence)


def test_a_body_that_has_invited_to_its_symposium_announces_it_in_german() -> None:
    from confwatch.spiders.normalise.sentences import announces_event

    sentence = (
        "Am 3. März haben die Polizeibehörden der Nordländer erstmals gemeinsam zu einem "
        "öffentlichen Symposium über Extremismus eingeladen."
    )
    assert announces_event(sentence)
    # A guest invited to someone else's meeting: the passive names no host.
    assert not announces_event("Der Minister wurde zu einem Symposium über Extremismus eingeladen.")


def test_a_stray_typewriter_quote_before_a_closed_quotation_does_not_join_the_paragraph() -> None:
    # The first mark is never closed: the quotation that ends the sentence is the one the mark
    # before "Youth" opens, and the full stop after it ends the sentence.
    text = (
        'The network "Schools Together invites you to the workshop "Youth and Resilience" on '
        "4 May in Graz. We offer four sessions."
    )
    assert split_sentences(text) == [
        'The network "Schools Together invites you to the workshop "Youth and Resilience" on '
        "4 May in Graz.",
        "We offer four sessions.",
    ]


def test_a_typewriter_quote_opened_before_a_full_stop_keeps_the_sentence_open() -> None:
    text = 'The seminar "Borders. Youth and Resilience" met in Graz. Experts attended.'
    assert split_sentences(text)[0] == 'The seminar "Borders. Youth and Resilience" met in Graz.'
