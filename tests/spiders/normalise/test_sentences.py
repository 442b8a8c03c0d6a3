"""Splitting text into sentences: abbreviations, ordinal days and quoted names do not end one."""

from __future__ import annotations

from confwatch.spiders.normalise.names import event_name
from confwatch.spiders.normalise.sentences import split_sentences


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
