"""Extraction's speed-ups give the answers of the long way round.

Issue 15 brought extraction cost down without changing its output: alternatives left out of a
whole-word pattern when a text cannot hold them, a sentence splitter that starts at a blank,
dates and names read once per sentence (short texts only: a body is never kept). Each test
compares the shortcut with the plain computation, on invented text, and checks that a cached
answer is the caller's own copy.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from confwatch.spiders.extract import Block
from confwatch.spiders.normalise import dates, lexicon, names, sentences
from confwatch.spiders.normalise.text_cache import MAX_CACHED, short_text_cache
from confwatch.spiders.normalise.whole_words import Words
from confwatch.spiders.page import topics_of

# Alternatives that do not start with a letter, so that a stem gates them: a later word
# ("general", not "the"), or one of the nouns of a group that cannot be skipped.
ROWS = [
    (r"sessions?", False),  # grouped, and it starts where the gated General Assembly row does
    (r"(?:regular\s+|plenary\s+)?(?:sessions?|meetings?)\s+of\s+the\s+General\s+Assembly", False),
    (r"[وف]?(?:[بلك]?ال|لل)?(?:منتدى|ملتقى|قمة)\w*", False),
    (r"(?-i:Treffen|[A-ZÄÖÜ]\w*treffen)", False),
    (r"workshops?", False),
]
TEXTS = [
    "The regular session of the General Assembly opened; the workshop followed.",
    "Plenary meetings of the GENERAL ASSEMBLY were held after the meeting of the board.",
    "A session of the board met; the general public attended the workshops.",
    "عقد المنتدى الإقليمي وقمة الشباب في الرباط",
    "Das Treffen und das Ministertreffen; ein treffen in Kleinschreibung, TREFFEN.",
    "Nothing here but the words of an ordinary sentence.",
    "Sessions of the General Assembly of the board; a session of the General Assembly.",
    "Workshop-Treffen, Workshoptreffen and a workshop: Treffen workshops Expertentreffen.",
    "",
]


def _plain(rows: list[tuple[str, bool]]) -> re.Pattern[str]:
    body = "|".join(f"(?{'-i' if case else 'i'}:{p})" for p, case in rows)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@pytest.mark.parametrize("text", TEXTS)
def test_gated_words_find_what_the_plain_alternation_finds(text: str) -> None:
    words = Words.of(ROWS)
    expected = [(m.start(), m.end(), m.group(0)) for m in _plain(ROWS).finditer(text)]
    assert [(m.start(), m.end(), m.group(0)) for m in words.finditer(text)] == expected


@pytest.mark.parametrize("text", TEXTS)
def test_a_search_from_any_place_finds_what_the_plain_alternation_finds(text: str) -> None:
    words, plain = Words.of(ROWS), _plain(ROWS)
    for pos in range(len(text) + 1):
        expected = plain.search(text, pos)
        got = words.search(text, pos)
        assert (got and got.span()) == (expected and expected.span()), pos


def _patterns(words: Words, text: str) -> str:
    return "\n".join(p.pattern for p in words.active(text))


def test_an_alternative_a_text_cannot_hold_is_left_out() -> None:
    words = Words.of(ROWS)
    without = _patterns(words, "The session of the board met in the hall.")
    assert "Assembly" not in without and "منتدى" not in without and "treffen" not in without
    with_stems = _patterns(words, "The session of the General Assembly; المنتدى; Expertentreffen")
    assert "Assembly" in with_stems and "منتدى" in with_stems and "treffen" in with_stems


# The splitter as it was written before it learned to start at a blank.
_MONTHS = r"(?!(?:Jan|Feb|Mär|Mar|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)\w*\b)"
_PLAIN_SPLIT = re.compile(
    r"(?<=[.!?])(?<!\b\d\.)(?<!\b\d\d\.)\s+(?=[A-Z0-9“\"«А-Я])|\n{2,}"
    rf"|(?<=\b\d\.)\s+(?=[A-Z0-9“\"«А-Я]){_MONTHS}"
    rf"|(?<=\b\d\d\.)\s+(?=[A-Z0-9“\"«А-Я]){_MONTHS}"
)
SPLIT_TEXTS = [
    "The forum opened.  Delegates met! Was it held? “Yes” they said.",
    "Am 10./11. Mai fand die Tagung statt. Am 9. Oktober 2020 folgte die zweite. Am 3. Dann",
    "Item 12. Next item 123. Then\n\nA new paragraph\n\n\n  and another.",
    "Mr. Smith spoke at 5 p.m. Dec. 3. The end.\u00a0Next\tTab. Второе предложение.",
    "",
    "   ",
    "1. A 22. B 333. C",
]


@pytest.mark.parametrize("text", SPLIT_TEXTS)
def test_sentence_breaks_are_where_the_plain_splitter_put_them(text: str) -> None:
    assert sentences._SPLIT.split(text) == _PLAIN_SPLIT.split(text)


def test_a_text_without_a_digit_has_no_date_and_cached_dates_are_the_callers_own() -> None:
    assert dates.find_date_ranges("The forum will be held in the spring of next year.") == []
    text = "The workshop is held on 3-4 May 2021 in Vienna."
    first = dates.find_date_ranges(text, published=dt.date(2021, 1, 1))
    first.clear()
    again = dates.find_date_ranges(text, published=dt.date(2021, 1, 1))
    assert [(r.start, r.end) for r, _, _ in again] == [(dt.date(2021, 5, 3), dt.date(2021, 5, 4))]
    # The published date is part of what is cached: a year-less date takes it from the call.
    later = dates.find_date_ranges("It opens on 3 May.", published=dt.date(2023, 2, 1))
    assert later[0][0].start == dt.date(2023, 5, 3)


def test_event_sentences_and_names_give_each_caller_its_own_list() -> None:
    body = "The Regional Conference on Water will be held in Oslo on 3 May 2021. It rained."
    first = sentences.event_sentences("Title", body)
    first.append("changed")
    assert sentences.event_sentences("Title", body) == [
        "The Regional Conference on Water will be held in Oslo on 3 May 2021.",
        "Title",
        "It rained.",
    ]
    found = names.names_in("The Regional Conference on Water will be held in Oslo.")
    found.clear()
    assert names.names_in("The Regional Conference on Water will be held in Oslo.")


def test_a_topic_intro_ending_in_a_colon_and_blanks_is_still_found() -> None:
    blocks = [
        Block("p", "The themes discussed include: \n"),
        Block("li", "Water management"),
        Block("li", "Border security"),
    ]
    assert topics_of(blocks) == ["Water management", "Border security"]
    assert topics_of([Block("p", "The themes discussed include water"), *blocks[1:]]) == []


def test_a_short_text_cache_keeps_short_texts_only() -> None:
    calls: list[str] = []

    @short_text_cache(maxsize=8)
    def words_of(text: str) -> tuple[str, ...]:
        calls.append(text)
        return tuple(text.split())

    short, long = "the regional forum", "word " * (MAX_CACHED // 5 + 1)
    assert words_of(short) == words_of(short) == ("the", "regional", "forum")
    assert words_of(long) == words_of(long) == tuple(long.split())
    assert calls == [short, long, long]  # the short text read once, the long one each time
    words_of.cache_clear()
    words_of(short)
    assert calls[-1] == short


# Letter groups that share letters ("K" case-sensitive, "k" either case; "ſ" and "s") must keep
# their order; groups that share none are chunked behind look-aheads and may be reordered.
DISPATCH_ROWS = [
    *((f"{c}{c}ord", False) for c in "abcdefghijklmnopqtuvwxyz"),
    ("Round", True),  # before "round table": at "Round table" the plain alternation says "Round"
    ("Kilo", True),
    ("kilometre", False),
    ("Kilometer", True),
    ("straße", False),
    ("ſtrasse", True),
    ("Éclat", False),
    ("éclats?", False),
    ("round\\s+table", False),
    ("rounds?", False),
]
DISPATCH_TEXTS = [
    "Kilo and KILOMETRE, the Kilometer and the kilometre; kkord, KKORD, zzord.",
    "STRASSE, Straße, ſtrasse and strasse; rounds, a round table, the ROUND TABLE, Round table.",
    "éclat, ÉCLATS, Éclat; aaord bbord yyord xxord, nothing else at all.",
]


@pytest.mark.parametrize("text", DISPATCH_TEXTS)
def test_chunked_letter_groups_find_what_the_plain_alternation_finds(text: str) -> None:
    words = Words.of(DISPATCH_ROWS)
    assert "(?=[" in _patterns(words, text)  # the groups are chunked behind look-aheads
    expected = [(m.start(), m.end(), m.group(0)) for m in _plain(DISPATCH_ROWS).finditer(text)]
    assert [(m.start(), m.end(), m.group(0)) for m in words.finditer(text)] == expected
    assert expected  # the texts do name some of the words


def test_a_stated_length_is_found_after_the_one_scan_for_all_lengths() -> None:
    from confwatch.spiders.normalise import relative_dates

    assert relative_dates.stated_days("The meeting is on Monday in the hall.") is None
    found = relative_dates.stated_days("A two-day seminar, then a three-day course.")
    assert found is not None and found[0] == 2


# Two tiers, as the event nouns are read (press conferences before conferences): the first
# tier's gated alternatives come before the second tier's always-tried ones, so on a text that
# holds their stems the always-tried alternatives are tried in their own places, not as one.
FIRST_TIER = [(r"\w*pressekonferenz", False), (r"(?:the\s+)?press\s+briefing", False)]
SECOND_TIER = [(r"\w*konferenz", False), (r"press", False), (r"briefings?", False)]
TIER_TEXTS = [
    "Die Pressekonferenz und die Fachkonferenz; a press briefing, two briefings.",
    "The press briefing, the press and the Press Briefing; die Konferenz.",
    "A briefing, the press and nothing gated beyond it.",
    "Nothing here at all.",
]


@pytest.mark.parametrize("text", TIER_TEXTS)
def test_a_first_tiers_gated_words_still_win_over_the_second_tier(text: str) -> None:
    words = Words.of(FIRST_TIER, SECOND_TIER)
    expected = [
        (m.start(), m.end(), m.group(0)) for m in _plain(FIRST_TIER + SECOND_TIER).finditer(text)
    ]
    assert [(m.start(), m.end(), m.group(0)) for m in words.finditer(text)] == expected


@pytest.mark.parametrize(
    "word",
    [
        "session",
        "Sessions",
        "Treffen",
        "treffen",
        "Expertentreffen",
        "المنتدى",
        "workshop",
        "session of the General Assembly",
        "General Assembly",
        "meeting",
        "",
    ],
)
def test_a_whole_word_is_one_of_the_alternatives_as_the_plain_alternation_says(word: str) -> None:
    assert Words.of(ROWS).fullmatch(word) == bool(_plain(ROWS).fullmatch(word))


def test_only_the_patterns_a_text_needs_are_compiled() -> None:
    words = Words.of(ROWS)
    assert words._always is None and not any(words._part_patterns)  # nothing yet
    words.search("A session of the board.")
    assert words._always is not None and not any(words._part_patterns)
    words.search("Das Expertentreffen.")
    compiled = [p.pattern for p in words._part_patterns if p is not None]
    assert len(compiled) == 1 and "treffen" in compiled[0]


def test_one_set_of_kinds_is_one_words_whatever_their_order() -> None:
    from confwatch.spiders.normalise import lexicon

    # The rows keep the table's order, so the two are the same rows: one object, compiled once.
    assert lexicon.words("held", "passive", "active") is lexicon.words("held", "active", "passive")


def _forms(word: str) -> set[str]:
    return {word, word.upper(), word.lower(), word.title(), word.casefold()}


# Letters the regex engine folds together although ``str.lower`` does not.
FOLDED = ["ſeminar", "worKshop", "İnstitute", "ıntensive", "ᲀстреча", "ᲂбсуждение", "ſummit"]


def test_event_noun_rows_gated_by_first_letter_match_as_the_rows_do() -> None:
    words = FOLDED + [w for n in lexicon._row_patterns() for e in n.row.examples for w in e.split()]
    for noun in lexicon._row_patterns():
        for word in {f for w in words for f in _forms(w)}:
            assert noun.may_be(word) == bool(re.fullmatch(noun.row.source, word)), (noun, word)


def test_classifying_a_noun_compiles_only_the_rows_it_may_be() -> None:
    lexicon._row_patterns.cache_clear()
    lexicon._classify.cache_clear()
    assert lexicon._classify("conference")[0] == "large"
    compiled = [n for n in lexicon._row_patterns() if "whole" in n.__dict__]
    assert len(compiled) < len(lexicon._row_patterns()) / 3
